#!/usr/bin/env bash
# Issue 12 target 4 on PostgreSQL: sum of pg_total_relation_size over the public tables per recorded optimize answer.
# For each jar: a fresh embedded PostgreSQL (io.metasystem.mlcore.store.PostgresStorageMain, test sources), the jar on
# it (DATABASE_URL), one warm-up post (not counted), size, CALLS posts, VACUUM-free size again.
# Compile first: ./mvnw -o -q test-compile
# usage: bench/storage-postgres.sh BODY CALLS JAR...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
body=$1 calls=$2; shift 2
key=bench-key-0123456789abcdef
cp_file=$root/target/bench-classpath.txt
[ -s "$cp_file" ] || (cd "$root" && ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" > /dev/null)
port=18160
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-pgstorage.XXXX)
  coproc PG { java -cp "$root/target/test-classes:$root/target/classes:$(cat "$cp_file")" \
    io.metasystem.mlcore.store.PostgresStorageMain; }
  url=
  while [ -z "$url" ] && read -r word rest <&"${PG[0]}"; do [ "$word" = url ] && url=$rest; done
  pid=$(DATABASE_URL=$url "$here/run-jar.sh" "$jar" $port "$dir" -Xmx512m)
  post() { curl -fs -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary @"$body" \
    "http://localhost:$port/api/v1/meta_ads/optimize"; }
  post
  size() { local word n rest; while read -r word n rest <&"${PG[0]}"; do [ "$word" = total ] && { echo "$n $rest"; return; }; done; }
  echo size >&"${PG[1]}"; read -r before rest < <(size)
  for _ in $(seq 1 "$calls"); do post; done
  echo size >&"${PG[1]}"; read -r after rest < <(size)
  echo "$(basename "$jar"): before $before B, after $calls calls $after B ($(( (after - before) / calls )) B/call); largest:$rest"
  kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  exec {PG[1]}>&-
  wait "$PG_PID" || true
  rm -rf "$dir"
  port=$((port + 1))
done
