#!/usr/bin/env bash
# Growth of the embedded H2 file per recorded optimize answer: starts each jar on an empty store, posts BODY once
# (warm-up, not counted), stops it (SIGTERM), compacts the file offline (see below) and measures data/mlcore.mv.db
# ("before": schema and one answer, no free space left from start-up), starts it again on that store, posts BODY CALLS
# times, waits SETTLE seconds and measures ("running"), leaves the server idle until the file stops shrinking (two
# equal polls 6 s apart, at most COMPACT seconds: store.H2Compaction compacts fully after 5 s idle) and
# measures ("compacted"), stops the jar and measures again ("after close"), then compacts the closed file completely
# offline (H2's SHUTDOWN COMPACT, with the H2 jar inside the application jar) and measures ("fully compacted": the live
# data and H2's own overhead, without the free space that chunk reuse leaves, which varies from run to run). Every
# figure is per call over "before".
# IDLE_MIN: wait at least that many seconds idle before accepting two equal polls (H2 can drop the chunks that died
# in the last version only after a later commit: the service's own scheduled tasks commit within about a minute).
# usage: [PORT=18090] [SETTLE=2] [COMPACT=60] [IDLE_MIN=0] bench/storage.sh BODY CALLS JAR...
#   e.g. PORT=18300 bench/storage.sh /tmp/body-100.json 200 baseline.jar ml-core.jar   (jar i runs on PORT + i)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
body=$1 calls=$2; shift 2
key=bench-key-0123456789abcdef
port=${PORT:-18090}
settle=${SETTLE:-2}
compact=${COMPACT:-60}
idle_min=${IDLE_MIN:-0}
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-storage.XXXX)
  pid=$("$here/run-jar.sh" "$jar" "$port" "$dir" -Xmx512m)
  stop() { kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done; }
  post() { curl -fs -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary @"$body" \
    "http://localhost:$port/api/v1/meta_ads/optimize"; }
  file=$dir/data/mlcore.mv.db
  h2=$dir/h2.jar
  unzip -p "$jar" 'BOOT-INF/lib/h2-*.jar' > "$h2"
  compact_offline() { java -cp "$h2" org.h2.tools.Shell -user sa -password '' -sql 'shutdown compact' \
    -url "jdbc:h2:file:$dir/data/mlcore;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH" > /dev/null; }
  post
  stop
  compact_offline
  before=$(stat -c %s "$file")
  pid=$(REUSE_DIR=1 "$here/run-jar.sh" "$jar" "$port" "$dir" -Xmx512m)
  for _ in $(seq 1 "$calls"); do post; done
  sleep "$settle"
  running=$(stat -c %s "$file")
  compacted=$running idle=0 equal=0
  while [ "$idle" -lt "$compact" ] && { [ "$equal" -lt 2 ] || [ "$idle" -lt "$idle_min" ]; }; do
    sleep 6; idle=$((idle + 6))
    now=$(stat -c %s "$file")
    if [ "$now" -eq "$compacted" ]; then equal=$((equal + 1)); else equal=0; fi
    compacted=$now
  done
  stop
  closed=$(stat -c %s "$file")
  compact_offline
  full=$(stat -c %s "$file")
  echo "$(basename "$jar"): before $before B, after $calls calls $running B running ($(( (running - before) / calls )) B/call), $compacted B compacted after ${idle}s idle ($(( (compacted - before) / calls )) B/call), $closed B after close ($(( (closed - before) / calls )) B/call), $full B fully compacted ($(( (full - before) / calls )) B/call)"
  [ -n "${KEEP:-}" ] && echo "kept $dir" || rm -rf "$dir"
  port=$((port + 1))
done
