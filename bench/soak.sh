#!/usr/bin/env bash
# Soak (docs/reliability.md): one service (empty H2 store, -Xmx512m) under wrk on optimize at a moderate rate
# (1 thread, CONNECTIONS connections) for DURATION, plus an Ads Manager CSV import every IMPORT_EVERY seconds (the
# docs example, to a new account every tenth time), and the heap used right after a full GC (jcmd GC.run) every
# HEAP_EVERY seconds. Prints wrk's summary, the import answers by status and the heap series; nothing else runs.
# usage: bench/soak.sh JAR [DURATION=10m] [CONNECTIONS=2]      (build the jar with ./mvnw -o -q package -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
jar=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
duration=${2:-10m} connections=${3:-2}
port=${PORT:-18210} import_every=${IMPORT_EVERY:-3} heap_every=${HEAP_EVERY:-30}
dir=$(mktemp -d /tmp/mlcore-soak.XXXX)
body=$dir/body-100.json
python3 "$here/make_body.py" 100 > "$body"
# The per-key rate limit would turn most of wrk's requests into 429s: off for the soak.
export API_RATE_LIMIT_PER_MINUTE=0 LOG_FORMAT=
pid=$("$here/run-jar.sh" "$jar" "$port" "$dir/run" -Xmx512m)
trap 'kill -TERM $pid 2>/dev/null || true; kill $importer $sampler 2>/dev/null || true' EXIT
key=bench-key-0123456789abcdef
csv=$here/../docs/examples/ads_manager_export.csv

( n=0
  while true; do
    n=$((n + 1))
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "X-API-Key: $key" -H 'Content-Type: text/csv' \
      --data-binary @"$csv" "http://localhost:$port/api/v1/accounts/$((990000 + n / 10))/insights.csv")
    echo "$code" >> "$dir/imports"
    sleep "$import_every"
  done ) &
importer=$!
( start=$(date +%s)
  while true; do
    jcmd "$pid" GC.run > /dev/null
    # Right after the full GC (jcmd's own figure, before wrk's requests allocate much again), then Micrometer's
    # live data size (the old generation after the last collection).
    after_gc=$(jcmd "$pid" GC.heap_info | awk '/ used / {for (i = 1; i < NF; i++) if ($i == "used") {print $(i + 1); exit}}')
    metrics=$(curl -s "http://localhost:$port/actuator/prometheus")
    live=$(awk '/^jvm_gc_live_data_size_bytes/ {printf "%.1f MiB", $NF / 1048576}' <<< "$metrics")
    # the embedded H2 store (store.H2StoreMetrics): file length and chunk count
    h2=$(awk '/^mlcore_h2_file_size_bytes/ {f = $NF / 1048576} /^mlcore_h2_chunks / {c = $NF}
      END {printf "H2 file %.1f MiB, %d chunks", f, c}' <<< "$metrics")
    echo "$(( $(date +%s) - start ))s used $after_gc, live data $live, $h2, load $(cut -d' ' -f1-3 /proc/loadavg)" >> "$dir/heap"
    sleep "$heap_every"
  done ) &
sampler=$!

BODY=$body wrk -t1 -c"$connections" -d"$duration" --latency -s "$here/optimize.lua" "http://localhost:$port"
kill $importer $sampler 2>/dev/null || true
echo "imports by status: $(sort "$dir/imports" | uniq -c | tr '\n' ' ')"
echo "heap after a full GC every ${heap_every}s (elapsed, heap used, old-generation live data, H2 store, load average 1/5/15 min):"
cat "$dir/heap"
echo "server log errors: $(grep -c ' ERROR ' "$dir/run/server.log" || true)"
echo "peak RSS (VmHWM): $(grep VmHWM /proc/$pid/status)"
