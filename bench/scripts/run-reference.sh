#!/usr/bin/env bash
# First numbers for the reference servers, using cpu-per-call.sh + mini-load.mjs.
# Usage: run-reference.sh [CONCURRENCY=8] [DURATION_S=10] [WARMUP_S=15]
#   Env: JAVA (java >= 21 binary; default Temurin 25 if system java < 21)
#        SERVERS="java-sdk-stateless ts-sdk-stateful ts-sdk-stateless" (also: java-sdk-stateless-immediate ts-sdk-stateful-json ts-sdk-stateless-json)
#        BASE_PORT (18100)
#        REPEAT (1)  rounds; servers are interleaved per round (the machine is shared/noisy)
set -euo pipefail
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
BENCH=$(cd "$HERE/.." && pwd)
C=${1:-8}; D=${2:-10}; W=${3:-15}
SERVERS=${SERVERS:-"java-sdk-stateless ts-sdk-stateful ts-sdk-stateless"}
PORT=${BASE_PORT:-18100}

if [[ -z ${JAVA:-} ]]; then
  JAVA=java
  v=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
  (( ${v:-0} >= 21 )) || JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
fi
JAR=$BENCH/servers/java-sdk/target/java-sdk-bench-server.jar
TS=$BENCH/servers/ts-sdk/server.mjs
LOAD="node $HERE/mini-load.mjs http://127.0.0.1:{PORT}/mcp $C"

for round in $(seq "${REPEAT:-1}"); do
for s in $SERVERS; do
  case $s in
    java-sdk-stateless)    cmd="$JAVA -jar $JAR {PORT}";                 mode=stateless ;;
    java-sdk-stateless-immediate) cmd="$JAVA -Dbench.immediateExecution=true -jar $JAR {PORT}"; mode=stateless ;;
    ts-sdk-stateful)       cmd="node $TS {PORT} stateful";               mode=stateful ;;
    ts-sdk-stateless)      cmd="node $TS {PORT} stateless";              mode=stateless ;;
    ts-sdk-stateful-json)  cmd="node $TS {PORT} stateful json";          mode=stateful ;;
    ts-sdk-stateless-json) cmd="node $TS {PORT} stateless json";         mode=stateless ;;
    *) echo "unknown server $s" >&2; exit 2 ;;
  esac
  warm=""; (( W > 0 )) && warm="$LOAD $W $mode"
  "$HERE/cpu-per-call.sh" "$s" "$PORT" "$cmd" "$LOAD $D $mode" "$warm"
  PORT=$((PORT + 1))
done
done
