# Sourced by ./mvnw, ./morgue and .ci/run (POSIX sh): make JAVA_HOME point at a JDK >= 21.
# Lucene 10 needs Java 21, but a machine's default java is often older (17 on Debian 12),
# while a newer JDK sits unused in /usr/lib/jvm. An explicit JAVA_HOME that is new enough
# always wins; otherwise the java on the PATH, then the newest JDK under the usual folders.

morgue_java_feature() {
  # Prints the feature release (17, 21, 25...) of the JDK at $1, or nothing.
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -r "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9][0-9]*\).*/\1/p' "$1/release"
  else
    "$1/bin/java" -XshowSettings:properties -version 2>&1 \
      | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p'
  fi
}

morgue_find_jdk() {
  _need=21
  if [ -n "${JAVA_HOME-}" ]; then
    _v=$(morgue_java_feature "$JAVA_HOME")
    [ -n "$_v" ] && [ "$_v" -ge "$_need" ] && return 0
  fi
  _best= ; _bestv=0
  _onpath=$(command -v javac 2>/dev/null || true)
  if [ -n "$_onpath" ]; then
    _onpath=$(readlink -f "$_onpath" 2>/dev/null || echo "$_onpath")
    _onpath=${_onpath%/bin/javac}
    set -- "$_onpath"
  else
    set --
  fi
  # mvnw runs under `set -f`; the search needs globbing for a moment.
  case $- in *f*) _noglob=1; set +f ;; *) _noglob= ;; esac
  for _d in /usr/lib/jvm/* /usr/java/* /opt/java/* /opt/jdk* "$HOME"/.jdks/* "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$_d" ] && set -- "$@" "$_d"
  done
  [ -z "$_noglob" ] || set -f
  for _d in "$@"; do
    _v=$(morgue_java_feature "$_d")
    if [ -n "$_v" ] && [ "$_v" -ge "$_need" ] && [ "$_v" -gt "$_bestv" ]; then
      _best=$_d; _bestv=$_v
    fi
  done
  if [ -n "$_best" ]; then
    JAVA_HOME=$_best
    export JAVA_HOME
    return 0
  fi
  echo "Morgue needs a JDK $_need or newer (Lucene 10 requires it), and none was found." >&2
  echo "Looked at JAVA_HOME (${JAVA_HOME:-unset}), the javac on the PATH and /usr/lib/jvm." >&2
  echo "Install one (for example: apt-get install openjdk-21-jdk-headless) or set JAVA_HOME." >&2
  return 1
}
