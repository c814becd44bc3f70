#!/usr/bin/env bash
# Target 1 of issue 12: per body, the whole HTTP optimize answer of a running jar against the engine call in-process
# on the same input, alternately in one run (io.metasystem.mlcore.api.HttpVsEngineMain, test sources). Starts each
# jar (-Xmx512m, empty H2 store), runs WARMUP + ROUNDS alternations per body, stops it. Compile first:
# ./mvnw -o -q test-compile
# usage: bench/http-vs-engine.sh WARMUP ROUNDS "BODY..." JAR...
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
warmup=$1 rounds=$2 bodies=$3; shift 3
key=bench-key-0123456789abcdef
cp_file=$root/target/bench-classpath.txt
[ -s "$cp_file" ] || (cd "$root" && ./mvnw -o -q dependency:build-classpath -Dmdep.outputFile="$cp_file" > /dev/null)
port=${PORT:-18130}
for jar in "$@"; do
  dir=$(mktemp -d /tmp/mlcore-hve.XXXX)
  # shellcheck disable=SC2086
  pid=$("$here/run-jar.sh" "$jar" $port "$dir" -Xmx512m ${JAR_OPTS:-})
  trap 'kill -TERM $pid 2>/dev/null || true' EXIT
  echo "== $(basename "$jar") (load average: $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  SERVER_PID=$pid java -Xmx1g -cp "$root/target/test-classes:$root/target/classes:$(cat "$cp_file")" \
    io.metasystem.mlcore.api.HttpVsEngineMain "http://localhost:$port" "$key" "$warmup" "$rounds" $bodies
  kill -TERM "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.5; done
  rm -rf "$dir"
  port=$((port + 1))
done
