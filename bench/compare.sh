#!/usr/bin/env bash
# Side-by-side: server CPU time per tools/call and latency at a fixed rate, for Sluice and the
# official Java SDK 2.1.0 (stateless) and TypeScript SDK 1.32 (stateful, stateless) servers, each
# exposing one `echo` tool. Server pinned to core 0, load generator (`sluice bench`) on core 1.
#
#   bench/compare.sh [CONCURRENCY=16] [DURATION_S=10] [WARMUP_S=10] [RATE=5000]
#   Env: SERVERS (default: all below), REPEAT (rounds, default 1)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)
C=${1:-16}; D=${2:-10}; W=${3:-10}; RATE=${4:-5000}
SERVERS=${SERVERS:-"sluice-sessions sluice-2026 sluice-stateless java-sdk-stateless ts-sdk-stateful ts-sdk-stateless"}
. "$ROOT/bin/find-jdk.sh"
JAVA="$JAVA_HOME/bin/java"

(cd "$ROOT" && ./mvnw -q -B -DskipTests -pl sluice-bench -am package >&2)
"$HERE/scripts/build-servers.sh" >&2
SLUICE_JAR=$ROOT/sluice-server/target/sluice.jar
BENCH_JAR=$ROOT/sluice-bench/target/sluice-benchmarks.jar
JAVA_SDK_JAR=$HERE/servers/java-sdk/target/java-sdk-bench-server.jar
TS=$HERE/servers/ts-sdk/server.mjs
LOAD="$JAVA -XX:+UseSerialGC -jar $SLUICE_JAR bench --url http://127.0.0.1:{PORT}/mcp --mode throughput --tool echo --args '{\"text\":\"hello\"}' --warmup-seconds 0 --concurrency $C"
PORT=${BASE_PORT:-18200}

for round in $(seq "${REPEAT:-1}"); do
  for s in $SERVERS; do
    protocol=2025-11-25
    case $s in
      sluice-sessions)    cmd="$JAVA -XX:+UseSerialGC -Xmx512m -cp $BENCH_JAR dev.sluice.bench.EchoServer {PORT}" ;;
      sluice-2026)        cmd="$JAVA -XX:+UseSerialGC -Xmx512m -cp $BENCH_JAR dev.sluice.bench.EchoServer {PORT} stateless"; protocol=2026-07-28 ;;
      sluice-stateless)   cmd="$JAVA -XX:+UseSerialGC -Xmx512m -cp $BENCH_JAR dev.sluice.bench.EchoServer {PORT} stateless" ;;
      java-sdk-stateless) cmd="$JAVA -jar $JAVA_SDK_JAR {PORT}" ;;
      ts-sdk-stateful)    cmd="node $TS {PORT} stateful" ;;
      ts-sdk-stateless)   cmd="node $TS {PORT} stateless" ;;
      *) echo "unknown server $s" >&2; exit 2 ;;
    esac
    echo "== $s (protocol $protocol) =="
    "$HERE/scripts/cpu-per-call.sh" "$s" "$PORT" "$cmd" "$LOAD --protocol $protocol --duration $D" "$LOAD --protocol $protocol --duration $W"
    PORT=$((PORT + 1))
    # Latency at a fixed rate (separate run, same server kind): p50/p99 at RATE calls/s.
    "$HERE/scripts/cpu-per-call.sh" "$s@${RATE}/s" "$PORT" "$cmd" "$LOAD --protocol $protocol --duration $D --rate $RATE" \
        "$LOAD --protocol $protocol --duration $W" | grep -E 'cpu_us_per_call' || true
    PORT=$((PORT + 1))
  done
done
