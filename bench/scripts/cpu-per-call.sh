#!/usr/bin/env bash
# CPU-per-call measurement for MCP servers (Sluice and the reference servers).
#
# Usage (executable):
#   cpu-per-call.sh NAME PORT 'SERVER_CMD' 'LOAD_CMD' ['WARMUP_CMD']
#     {PORT} in any command is replaced by PORT. Commands are run through `bash -c`.
#     SERVER_CMD  runs pinned to CPU 0 (taskset -c 0), in the background.
#     WARMUP_CMD  optional; runs pinned to CPU 1 before measuring (JIT warm-up); not counted.
#     LOAD_CMD    runs pinned to CPU 1; must print a line `calls=<N>` (see parse_calls).
#   Env: SETTLE_S (default 2)   seconds to wait after the first answer before reading idle RSS
#        READY_TIMEOUT_S (30)   give up if the server does not answer within this
#        MCP_PATH (/mcp)        path polled for readiness
#        CPU_SERVER (0) CPU_LOAD (1)  cores for server / load+poller
#   Prints:
#     server=<name> start_to_first_answer_ms=<ms> idle_rss_kb=<kB>
#     server=<name> calls=<N> cpu_s=<X> cpu_us_per_call=<Y>
#     server=<name> rss_after_load_kb=<kB>
#     server=<name> load_wall_s=.. host_busy_pct=.. server_share_pct=.. steal_pct=..  (noise check;
#       percentages are of all CPUs of the machine during the load phase)
#
# Usage (library):  source cpu-per-call.sh   -> functions below, main is not run.
set -u

CPU_SERVER=${CPU_SERVER:-0}
CPU_LOAD=${CPU_LOAD:-1}
SETTLE_S=${SETTLE_S:-2}
READY_TIMEOUT_S=${READY_TIMEOUT_S:-30}
MCP_PATH=${MCP_PATH:-/mcp}
CLK_TCK=$(getconf CLK_TCK)

# ---------------------------------------------------------------------------
# parse_calls: THE place that knows the load tool's output format.
# stdin = load tool output; stdout = number of successful calls.
# Current contract: the load tool prints a line `calls=<N>` (last one wins).
# ---------------------------------------------------------------------------
parse_calls() {
  sed -n 's/^.*\bcalls=\([0-9][0-9]*\).*$/\1/p' | tail -n 1
}

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_server CMD -> sets SERVER_PID and SERVER_T0_MS. CMD is exec'd so the PID is the server's.
start_server() {
  local cmd=$1
  SERVER_T0_MS=$(now_ms)
  taskset -c "$CPU_SERVER" bash -c "exec $cmd" >"${SERVER_LOG:-/dev/null}" 2>&1 &
  SERVER_PID=$!
}

# wait_first_answer PORT -> prints ms from start_server to the first HTTP 200 on POST initialize.
# Polls every 10 ms with curl (curl itself pinned to the load core).
wait_first_answer() {
  local port=$1 deadline=$(( $(now_ms) + READY_TIMEOUT_S * 1000 )) code
  local body='{"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{},"clientInfo":{"name":"probe","version":"0"}}}'
  while :; do
    code=$(taskset -c "$CPU_LOAD" curl -s -o /dev/null -w '%{http_code}' --max-time 2 \
      -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream' \
      -d "$body" "http://127.0.0.1:${port}${MCP_PATH}" 2>/dev/null)
    if [[ $code == 200 ]]; then echo $(( $(now_ms) - SERVER_T0_MS )); return 0; fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then echo "server process $SERVER_PID died" >&2; return 1; fi
    if (( $(now_ms) > deadline )); then echo "server not answering on port $port" >&2; return 1; fi
    sleep 0.01
  done
}

# descendants PID -> PID and all its descendant PIDs (servers normally have none; wrappers do).
descendants() {
  local p=$1 c
  echo "$p"
  for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do descendants "$c"; done
}

# cpu_ticks PID -> utime+stime (all threads) summed over PID and its descendants, in clock ticks.
cpu_ticks() {
  local total=0 p rest
  for p in $(descendants "$1"); do
    rest=$(sed 's/^.*) //' /proc/"$p"/stat 2>/dev/null) || continue   # fields after "(comm) "
    set -- $rest                                                       # $1=state(field 3) ...
    total=$(( total + ${12} + ${13} ))                                 # utime=field 14, stime=15
  done
  echo "$total"
}

# rss_kb PID -> VmRSS in kB (summed over descendants).
rss_kb() {
  local total=0 p v
  for p in $(descendants "$1"); do
    v=$(awk '/^VmRSS:/{print $2}' /proc/"$p"/status 2>/dev/null)
    total=$(( total + ${v:-0} ))
  done
  echo "$total"
}

# host_stat -> "busy steal total" jiffies summed over all CPUs (from /proc/stat), to flag noisy runs.
host_stat() {
  awk '/^cpu /{ idle=$5+$6; tot=0; for(i=2;i<=NF;i++) tot+=$i; print tot-idle-$9, $9, tot }' /proc/stat
}

# run_load CMD -> runs CMD pinned to the load core, output to stdout (and stderr passthrough).
run_load() { taskset -c "$CPU_LOAD" bash -c "$1"; }

stop_server() {
  [[ -n ${SERVER_PID:-} ]] || return 0
  kill "$SERVER_PID" 2>/dev/null
  for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$SERVER_PID" 2>/dev/null
  wait "$SERVER_PID" 2>/dev/null
  SERVER_PID=
}

# measure NAME PORT SERVER_CMD LOAD_CMD [WARMUP_CMD]
measure() {
  local name=$1 port=$2 scmd=${3//\{PORT\}/$2} lcmd=${4//\{PORT\}/$2} wcmd=${5:-}
  wcmd=${wcmd//\{PORT\}/$port}
  if (exec 3<>/dev/tcp/127.0.0.1/"$port") 2>/dev/null; then
    echo "port $port already in use" >&2; return 1
  fi
  trap stop_server EXIT
  start_server "$scmd"
  local first_ms; first_ms=$(wait_first_answer "$port") || { stop_server; return 1; }
  sleep "$SETTLE_S"
  echo "server=$name start_to_first_answer_ms=$first_ms idle_rss_kb=$(rss_kb "$SERVER_PID")"

  if [[ -n $wcmd ]]; then run_load "$wcmd" >/dev/null || echo "warning: warm-up command failed" >&2; fi

  local t0 t1 out calls h0 h1 w0 w1
  h0=$(host_stat); w0=$(now_ms)
  t0=$(cpu_ticks "$SERVER_PID")
  out=$(run_load "$lcmd"); local rc=$?
  t1=$(cpu_ticks "$SERVER_PID")
  h1=$(host_stat); w1=$(now_ms)
  [[ $rc == 0 ]] || echo "warning: load command exited $rc" >&2
  printf '%s\n' "$out" | sed 's/^/  load| /' >&2
  calls=$(printf '%s\n' "$out" | parse_calls)
  if [[ -z $calls || $calls == 0 ]]; then echo "no calls parsed from load output" >&2; stop_server; return 1; fi
  awk -v n="$name" -v c="$calls" -v d=$(( t1 - t0 )) -v hz="$CLK_TCK" \
    'BEGIN { s = d / hz; printf "server=%s calls=%d cpu_s=%.2f cpu_us_per_call=%.1f\n", n, c, s, s * 1e6 / c }'
  echo "server=$name rss_after_load_kb=$(rss_kb "$SERVER_PID")"
  # Whole-machine view of the load phase: if host_busy_pct is far above what server+load
  # explain, or steal_pct is high, other tenants disturbed the run - repeat it.
  read -r hb0 hs0 ht0 <<<"$h0"; read -r hb1 hs1 ht1 <<<"$h1"
  awk -v n="$name" -v w=$(( w1 - w0 )) -v b=$(( hb1 - hb0 )) -v st=$(( hs1 - hs0 )) -v t=$(( ht1 - ht0 )) \
    -v srv=$(( t1 - t0 )) 'BEGIN { if (t == 0) t = 1;
      printf "server=%s load_wall_s=%.2f host_busy_pct=%.0f server_share_pct=%.0f steal_pct=%.1f\n",
             n, w / 1000, 100 * b / t, 100 * srv / t, 100 * st / t }'
  stop_server
  trap - EXIT
}

if [[ ${BASH_SOURCE[0]} == "$0" ]]; then
  if (( $# < 4 )); then sed -n '2,22p' "$0" >&2; exit 2; fi
  measure "$@"
fi
