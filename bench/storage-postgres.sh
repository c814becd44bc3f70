#!/usr/bin/env bash
# Issue 12 target 4 on PostgreSQL: sum of pg_total_relation_size over the public tables per recorded optimize answer.
# For each jar: a fresh embedded PostgreSQL (io.metasystem.mlcore.store.PostgresStorageMain, test sources), the jar on
# it (DATABASE_URL), one warm-up post (not counted), size, CALLS posts, VACUUM-free size again; then which relations
# grew how much (pg_total_relation_size: table, indexes and TOAST) and which columns of the recommendation and outbox
# tables (sum of pg_column_size: stored size, after TOAST compression) per call.
# Compile first: ./mvnw -o -q test-compile
# usage: [PORT=18160] bench/storage-postgres.sh BODY CALLS JAR...   (jar i runs on PORT + i)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
body=$1 calls=$2; shift 2
key=bench-key-0123456789abcdef
cp_file=$root/target/bench-classpath.txt
[ -s "$cp_file" ] || (cd "$root" && ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" > /dev/null)
port=${PORT:-18160}
# growth NAME=BYTES lists: "name +delta (per call)" for every name whose size changed, largest first
growth() {
  awk -v calls="$calls" -v before="$1" -v after="$2" 'BEGIN {
    n = split(before, b, " "); for (i = 1; i <= n; i++) { split(b[i], kv, "="); old[kv[1]] = kv[2] }
    n = split(after, a, " "); for (i = 1; i <= n; i++) { split(a[i], kv, "="); d = kv[2] - old[kv[1]]; if (d != 0) print d, kv[1] }
  }' | sort -rn | awk -v calls="$calls" '{ printf " %s +%d B (%d B/call)", $2, $1, $1 / calls }'
}
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-pgstorage.XXXX)
  coproc PG { java -cp "$root/target/test-classes:$root/target/classes:$(cat "$cp_file")" \
    io.metasystem.mlcore.store.PostgresStorageMain; }
  url=
  while [ -z "$url" ] && read -r word rest <&"${PG[0]}"; do [ "$word" = url ] && url=$rest; done
  pid=$(DATABASE_URL=$url "$here/run-jar.sh" "$jar" "$port" "$dir" -Xmx512m)
  post() { curl -fs -o /dev/null -H "X-API-Key: $key" -H 'Content-Type: application/json' --data-binary @"$body" \
    "http://localhost:$port/api/v1/meta_ads/optimize"; }
  post
  # answers "total N rel=size ..." then "columns table.column=size ..."
  size() {
    local word rest total= columns=
    while read -r word rest <&"${PG[0]}"; do
      case $word in total) total=$rest ;; columns) columns=$rest; echo "$total|$columns"; return ;; esac
    done
  }
  echo size >&"${PG[1]}"; IFS='|' read -r before before_columns < <(size)
  for _ in $(seq 1 "$calls"); do post; done
  echo size >&"${PG[1]}"; IFS='|' read -r after after_columns < <(size)
  b=${before%% *} a=${after%% *}
  echo "$(basename "$jar"): before $b B, after $calls calls $a B ($(( (a - b) / calls )) B/call)"
  echo "  relations:$(growth "${before#* }" "${after#* }")"
  echo "  columns:$(growth "$before_columns" "$after_columns")"
  kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  exec {PG[1]}>&-
  wait "$PG_PID" || true
  rm -rf "$dir"
  port=$((port + 1))
done
