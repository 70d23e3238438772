#!/usr/bin/env bash
# Builds the reference MCP servers used by the benchmarks (idempotent).
#   bench/servers/java-sdk -> target/java-sdk-bench-server.jar (shaded; run with Java >= 21)
#   bench/servers/ts-sdk   -> node_modules via `npm ci` (skipped when up to date with the lockfile)
set -euo pipefail
BENCH=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

java_major() { "$1" -XX:+IgnoreUnrecognizedVMOptions -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1; }

# Pick a JDK >= 21 for Maven: keep JAVA_HOME/system java if new enough, else Temurin 25.
if [[ -z ${JAVA_HOME:-} || $(java_major "$JAVA_HOME/bin/java") -lt 21 ]]; then
  sys=$(command -v java || true)
  if [[ -n $sys && $(java_major "$sys") -ge 21 ]]; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$sys")")")
  else
    JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
  fi
fi
export JAVA_HOME
echo "== java-sdk (JAVA_HOME=$JAVA_HOME)"
(cd "$BENCH/servers/java-sdk" && mvn -q -B package)
ls -l "$BENCH/servers/java-sdk/target/java-sdk-bench-server.jar"

echo "== ts-sdk"
cd "$BENCH/servers/ts-sdk"
# npm ci always wipes node_modules; skip it when the installed tree matches the lockfile.
if [[ -f node_modules/.package-lock.json ]] && cmp -s <(node -e 'const l=require("./package-lock.json");delete l.name;delete l.version;delete l.lockfileVersion;delete l.requires;console.log(JSON.stringify(Object.keys(l.packages).filter(k=>k).sort().map(k=>[k,l.packages[k].version])))') \
     <(node -e 'const l=require("./node_modules/.package-lock.json");console.log(JSON.stringify(Object.keys(l.packages).filter(k=>k).sort().map(k=>[k,l.packages[k].version])))'); then
  echo "node_modules up to date with package-lock.json"
else
  npm ci --no-audit --no-fund
fi
node -e 'console.log("@modelcontextprotocol/sdk", require("./node_modules/@modelcontextprotocol/sdk/package.json").version)'
