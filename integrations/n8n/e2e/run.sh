#!/usr/bin/env bash
# Runs integrations/n8n/ml-core-daily.json end to end in a real n8n against the real ML Core jar, a fake Graph API
# and a notification sink, all on loopback. Not part of CI (n8n is a 1.8 GB install); run it by hand:
#
#   N8N_DIR=/tmp/n8n bash integrations/n8n/e2e/run.sh [dummy|live]
#
# N8N_DIR holds an n8n 1.123.81 installed as the team's recipe says (shared/n8n/README.md):
#   mkdir -p /tmp/n8n && cp ../shared/n8n/package.json /tmp/n8n/ && (cd /tmp/n8n && npm install --no-audit --no-fund)
# Exit code 0 when every check passed; the checks are printed.
set -euo pipefail
MODE=${1:-dummy}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../../.." && pwd)
N8N_DIR=${N8N_DIR:-/tmp/n8n}
N8N="$N8N_DIR/node_modules/.bin/n8n"
[ -x "$N8N" ] || { echo "no n8n at $N8N (see the header of this script)" >&2; exit 2; }
[ -f "$REPO/target/ml-core.jar" ] || (cd "$REPO" && ./mvnw -q -DskipTests package)

WORK=$(mktemp -d)
PIDS=()
cleanup() {
  if [ -n "${KEEP_RUNNING:-}" ]; then echo "left running (KEEP_RUNNING): ${PIDS[*]}"; return; fi
  for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true
}
trap cleanup EXIT
KEY="e2e-key-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
SECRET="e2e-secret-$(head -c 12 /dev/urandom | od -An -tx1 | tr -d ' \n')"
ACCOUNT=act_1234567890
GRAPH=18080 SINK=18081 CORE=18000 N8N_PORT=5678

for port in $GRAPH $SINK $CORE $N8N_PORT; do
  if curl -s -o /dev/null "http://127.0.0.1:$port/"; then echo "port $port is in use: stop what runs there first" >&2; exit 2; fi
done
python3 "$HERE/fake_graph.py" $GRAPH & PIDS+=($!)
python3 "$HERE/sink.py" $SINK & PIDS+=($!)

export N8N_USER_FOLDER="$WORK/n8n" N8N_PORT N8N_LISTEN_ADDRESS=127.0.0.1 N8N_DIAGNOSTICS_ENABLED=false \
  N8N_VERSION_NOTIFICATIONS_ENABLED=false N8N_RUNNERS_ENABLED=false N8N_SECURE_COOKIE=false \
  NODE_FUNCTION_ALLOW_BUILTIN=crypto DB_SQLITE_POOL_SIZE=2 \
  ML_CORE_URL=http://127.0.0.1:$CORE META_AD_ACCOUNT_ID=$ACCOUNT ML_CORE_TOTAL_DAILY_BUDGET=120 \
  ML_CORE_AUTO_APPLY=true NOTIFY_WEBHOOK_URL=http://127.0.0.1:$SINK/notify WEBHOOK_SECRET=$SECRET
mkdir -p "$N8N_USER_FOLDER"

# the credential the workflow's HTTP nodes use (id ml-core-api-key, as in the workflow file)
cat > "$WORK/credentials.json" <<JSON
[{"id":"ml-core-api-key","name":"ML Core API key","type":"httpHeaderAuth","data":{"name":"X-API-Key","value":"$KEY"}}]
JSON
"$N8N" import:credentials --input="$WORK/credentials.json" > "$WORK/import.log" 2>&1
python3 - "$REPO/integrations/n8n/ml-core-daily.json" "$WORK/workflow.json" <<'PY'
import json, sys
w = json.load(open(sys.argv[1]))
w["id"] = "mlcoredaily00001"
w["active"] = True
json.dump(w, open(sys.argv[2], "w"))
PY
"$N8N" import:workflow --input="$WORK/workflow.json" >> "$WORK/import.log" 2>&1
"$N8N" update:workflow --id=mlcoredaily00001 --active=true >> "$WORK/import.log" 2>&1 || true
"$N8N" start > "$WORK/n8n.log" 2>&1 & PIDS+=($!)

if [ "$MODE" = live ]; then DUMMY=false; else DUMMY=true; fi
(cd "$WORK" && PORT=$CORE API_KEY=$KEY DUMMY_MODE=$DUMMY LOG_FORMAT= META_API_BASE=http://127.0.0.1:$GRAPH \
  META_ACCESS_TOKEN=fake-e2e-token APPLY_ALLOWED_ACCOUNTS=$ACCOUNT APPLY_MAX_CHANGE_RATIO=0.5 WEBHOOK_SECRET=$SECRET \
  N8N_WEBHOOK_URL=http://127.0.0.1:$N8N_PORT/webhook/ml-core exec java -jar "$REPO/target/ml-core.jar" > "$WORK/ml-core.log" 2>&1) &
PIDS+=($!)

wait_for() { for _ in $(seq 1 120); do curl -sf "$1" > /dev/null && return 0; sleep 1; done; echo "timeout: $1" >&2; return 1; }
wait_for http://127.0.0.1:$CORE/health
wait_for http://127.0.0.1:$N8N_PORT/healthz
sleep 3   # n8n registers the active workflow's webhook after /healthz answers

echo "== executing the workflow in n8n ($MODE mode)"
"$N8N" execute --id=mlcoredaily00001 > "$WORK/execute.log" 2>&1 || { tail -40 "$WORK/execute.log"; exit 1; }
sleep 5   # outbound events are delivered in the background

H="X-API-Key: $KEY"
echo "== importing insights with a CTR drop and a delivery stop (the scan after the import fires alerts)"
curl -s -H "$H" -H 'Content-Type: application/json' -X POST \
  --data-binary @"$REPO/docs/examples/alerts-account-insights.json" \
  "http://127.0.0.1:$CORE/api/v1/accounts/act_4567890123/insights" > "$WORK/alerts-import.json"
for _ in $(seq 1 30); do   # the scan runs after the import, and the alert.firing event is delivered, in the background
  if curl -s -H "$H" "http://127.0.0.1:$CORE/api/v1/alerts?account_id=act_4567890123" | grep -q '"firing"'; then
    [ "$MODE" = live ] || break
    curl -s "http://127.0.0.1:$SINK/_received" | grep -q "Alert in ML Core" && break
  fi
  sleep 1
done
curl -s -H "$H" "http://127.0.0.1:$CORE/api/v1/alerts?account_id=act_4567890123" > "$WORK/alerts.json"
curl -s -H "$H" "http://127.0.0.1:$CORE/api/v1/webhooks/outbox?limit=50" > "$WORK/outbox.json"
curl -s -H "$H" "http://127.0.0.1:$CORE/api/v1/audit?account_id=$ACCOUNT" > "$WORK/audit.json"
curl -s -H "$H" "http://127.0.0.1:$CORE/api/v1/accounts/$ACCOUNT/adsets" > "$WORK/adsets.json"
curl -s "http://127.0.0.1:$GRAPH/_calls" > "$WORK/graph-calls.json"
curl -s "http://127.0.0.1:$SINK/_received" > "$WORK/notifications.json"
python3 "$HERE/checks.py" "$MODE" "$WORK"
STATUS=$?
echo "logs and answers in $WORK"
exit $STATUS
