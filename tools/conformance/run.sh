#!/usr/bin/env bash
# Runs the official MCP conformance suite (server side) against a running MCP server.
#
#   tools/conformance/run.sh URL MODE OUTDIR [EXTRA_SUITE_ARGS...]
#
# MODE:
#   legacy-all      @modelcontextprotocol/conformance 0.1.16:
#                   server --url URL --suite all -o OUTDIR/legacy-all
#   req-2025-11-25  @modelcontextprotocol/conformance 0.2.0-alpha.12:
#                   server --url URL --requirements 2025-11-25 -o OUTDIR/req-2025-11-25
#   req-2026-07-28  @modelcontextprotocol/conformance 0.2.0-alpha.12:
#                   server --url URL --requirements 2026-07-28 -o OUTDIR/req-2026-07-28
#
# Writes the suite's full stdout+stderr to OUTDIR/MODE.log (also echoed to our
# stdout) and one OUTDIR/MODE/server-<scenario>-<timestamp>/checks.json per
# scenario (OUTDIR/MODE is wiped first). Exits with the suite's exit code.
# EXTRA_SUITE_ARGS are appended verbatim (e.g. --scenario tools-list,
# --expected-failures FILE, --verbose; alpha.12 only: --timeout MS).
# With --scenario in a req-* mode, --requirements REV is replaced by
# --spec-version REV --force (alpha.12 rejects --requirements + --scenario).
# Summarize afterwards with: node tools/conformance/summarize.mjs OUTDIR/MODE
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 URL MODE OUTDIR [EXTRA_SUITE_ARGS...]   (MODE: legacy-all | req-2025-11-25 | req-2026-07-28)" >&2
  exit 2
fi
URL="$1"; MODE="$2"; OUTDIR="$3"; shift 3

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
NODE_DIR="$(cd "$HERE/../node" && pwd)"

case "$MODE" in
  legacy-all)     CLI="$NODE_DIR/node_modules/@modelcontextprotocol/conformance/dist/index.js"; SEL=(--suite all) ;;
  req-2025-11-25) CLI="$NODE_DIR/node_modules/conformance-next/dist/index.js"; SEL=(--requirements 2025-11-25) ;;
  req-2026-07-28) CLI="$NODE_DIR/node_modules/conformance-next/dist/index.js"; SEL=(--requirements 2026-07-28) ;;
  *) echo "run.sh: unknown MODE '$MODE' (legacy-all | req-2025-11-25 | req-2026-07-28)" >&2; exit 2 ;;
esac

# setup.sh prints npm noise on stderr and the node 22 path on its last stdout line.
NODE22="$("$NODE_DIR/setup.sh" | tail -n 1)"
[[ -x "$NODE22" ]] || { echo "run.sh: setup.sh did not yield a node binary (got '$NODE22')" >&2; exit 2; }

mkdir -p "$OUTDIR"
OUTDIR="$(cd "$OUTDIR" && pwd)"
RESULTS="$OUTDIR/$MODE"
LOG="$OUTDIR/$MODE.log"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

# alpha.12 refuses "--requirements" together with "--scenario"; for a single
# scenario run it at the revision's wire instead (--spec-version REV --force).
for a in "$@"; do
  if [[ "$a" == "--scenario" || "$a" == --scenario=* ]] && [[ "${SEL[0]}" == "--requirements" ]]; then
    SEL=(--spec-version "${SEL[1]}" --force)
  fi
done

CMD=("$NODE22" "$CLI" server --url "$URL" "${SEL[@]}" -o "$RESULTS" "$@")
echo "run.sh: ${CMD[*]}" >&2

set +e
"${CMD[@]}" 2>&1 | tee "$LOG"
RC=${PIPESTATUS[0]}
set -e
echo "run.sh: suite exit code $RC (log: $LOG, results: $RESULTS)" >&2
exit "$RC"
