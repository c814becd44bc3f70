#!/usr/bin/env bash
# Side by side under load: for each jar, start it (-Xmx512m, empty store), warm it up (WARM s of wrk), run wrk
# (4 threads, 4 connections, DURATION, a request counts as timed out after TIMEOUT, default 10 s: wrk's own 2 s
# default counted slow answers of a loaded machine as errors) with bench/optimize.lua, record peak RSS of the JVM, stop it.
# usage: bench/load.sh BODY DURATION JAR...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
body=$1 duration=$2; shift 2
port=${PORT:-18100}
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-load.XXXX)
  pid=$("$here/run-jar.sh" "$jar" $port "$dir" -Xmx512m)
  BODY=$body wrk -t4 -c4 -d${WARM:-10}s --timeout "${TIMEOUT:-10s}" -s "$here/optimize.lua" "http://localhost:$port" > /dev/null
  echo "== $(basename "$jar")"
  BODY=$body wrk -t4 -c4 -d"$duration" --timeout "${TIMEOUT:-10s}" --latency -s "$here/optimize.lua" "http://localhost:$port"
  echo "peak RSS (VmHWM): $(grep VmHWM /proc/$pid/status)"
  kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  rm -rf "$dir"
  port=$((port + 1))
done
