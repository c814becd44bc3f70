#!/usr/bin/env bash
# Median wall time of one whole HTTP optimize answer per body, per jar (same session, jars run one after the other,
# -Xmx512m, empty store): WARMUP calls, then CALLS timed calls (curl time_total). Also saves each jar's last answer
# without its recommendation_id, so the answers of two jars can be compared byte for byte.
# usage: bench/latency.sh WARMUP CALLS "BODY..." JAR...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
warmup=$1 calls=$2 bodies=$3; shift 3
key=bench-key-0123456789abcdef
port=${PORT:-18120}
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-latency.XXXX)
  pid=$("$here/run-jar.sh" "$jar" $port "$dir" -Xmx512m)
  for body in $bodies; do
    post() { curl -fs -o "$dir/answer.json" -w '%{time_total}\n' -H "X-API-Key: $key" \
      -H 'Content-Type: application/json' --data-binary @"$body" "http://localhost:$port/api/v1/meta_ads/optimize"; }
    for _ in $(seq 1 "$warmup"); do post > /dev/null; done
    median=$(for _ in $(seq 1 "$calls"); do post; done | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] * 1000}')
    sed -E 's/"recommendation_id":"[^"]*",?//' "$dir/answer.json" > "/tmp/answer-$(basename "$jar" .jar)-$(basename "$body")"
    echo "$(basename "$jar") $(basename "$body"): median ${median} ms over $calls calls, RSS $(grep VmHWM /proc/$pid/status | tr -s ' ')"
  done
  kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  rm -rf "$dir"
  port=$((port + 1))
done
