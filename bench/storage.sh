#!/usr/bin/env bash
# Growth of the embedded H2 file per recorded optimize answer: starts each jar on an empty store, posts BODY once
# (warm-up, not counted), measures data/mlcore.mv.db, posts it CALLS more times, stops the jar (SIGTERM, so H2 closes
# the file) and measures again.
# usage: bench/storage.sh BODY CALLS JAR...        e.g. bench/storage.sh /tmp/body-100.json 200 baseline.jar ml-core.jar
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
body=$1 calls=$2; shift 2
key=bench-key-0123456789abcdef
port=18090
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-storage.XXXX)
  pid=$("$here/run-jar.sh" "$jar" $port "$dir" -Xmx512m)
  post() { curl -fs -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary @"$body" \
    "http://localhost:$port/api/v1/meta_ads/optimize"; }
  post
  sleep 2
  before=$(stat -c %s "$dir/data/mlcore.mv.db")
  for _ in $(seq 1 "$calls"); do post; done
  sleep 2
  running=$(stat -c %s "$dir/data/mlcore.mv.db")
  kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  closed=$(stat -c %s "$dir/data/mlcore.mv.db")
  echo "$(basename "$jar"): before $before B, after $calls calls $running B running ($(( (running - before) / calls )) B/call), $closed B after close ($(( (closed - before) / calls )) B/call)"
  [ -n "${KEEP:-}" ] && echo "kept $dir" || rm -rf "$dir"
  port=$((port + 1))
done
