#!/usr/bin/env bash
# Starts a jar on PORT with an empty H2 store in DIR (DUMMY_MODE, a fixed bench API key) and waits for /health.
# usage: [REUSE_DIR=1] bench/run-jar.sh JAR PORT DIR [JVM options...]   (prints the java PID; stop it with kill PID)
# REUSE_DIR=1 starts on the store already in DIR instead of an empty one.
set -euo pipefail
jar=$1 port=$2 dir=$3; shift 3
[ -n "${REUSE_DIR:-}" ] || rm -rf "$dir"
mkdir -p "$dir"
cd "$dir"
# The per-key rate limit (API_RATE_LIMIT_PER_MINUTE, default 600) would answer most benchmark requests with 429.
API_KEY=bench-key-0123456789abcdef DUMMY_MODE=true PORT=$port SERVER_PORT=$port \
  API_RATE_LIMIT_PER_MINUTE=${API_RATE_LIMIT_PER_MINUTE:-0} \
  nohup java "$@" -jar "$jar" >> "$dir/server.log" 2>&1 &
echo $! > "$dir/pid"
for _ in $(seq 1 600); do
  curl -fs "http://localhost:$port/health" > /dev/null 2>&1 && { cat "$dir/pid"; exit 0; }
  sleep 0.5
done
echo "not up: see $dir/server.log" >&2; exit 1
