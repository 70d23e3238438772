# Sourced by ./mvnw and ./sluice: exports JAVA_HOME pointing at a JDK >= 21.
# Order: a JAVA_HOME that is already new enough, Temurin 25, then any JDK >= 21 under /usr/lib/jvm.
sluice_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -1
}
sluice_pick_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    v=$(sluice_java_major "$JAVA_HOME"); [ "${v:-0}" -ge 21 ] 2>/dev/null && return 0
  fi
  for candidate in /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/*; do
    if [ -x "$candidate/bin/javac" ]; then
      v=$(sluice_java_major "$candidate")
      if [ "${v:-0}" -ge 21 ] 2>/dev/null; then JAVA_HOME=$candidate; export JAVA_HOME; return 0; fi
    fi
  done
  echo "sluice: no JDK 21+ found; install one (e.g. Temurin 25) or set JAVA_HOME" >&2
  return 1
}
sluice_pick_jdk || exit 1
