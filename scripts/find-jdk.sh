# Sourced by ./pageframe, ./mvnw and the scripts: sets JAVA_HOME to a JDK 25 or newer (one with javac, since
# the same JDK builds the jar, links the installers' runtime and runs the app), so no `export` is needed first.
# Looks at $JAVA_HOME, then the `java` on PATH, then the usual install folders; the first JDK 25+ wins.
# With none, prints one line saying what to install and exits 2.
# Every program or subshell started here adds to each launch of ./pageframe (a fork is 5-15 ms on a busy machine), so
# the common path starts none but one readlink, for a `java` on PATH that is a link; results come back in variables.

pageframe_jdk_feature() { # $1: a JDK folder; sets pageframe_jdk_v to its feature version (17, 25, ...) or ""
  local release="$1/release" line
  pageframe_jdk_v=""
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    # JAVA_VERSION="25.0.1" -> 25
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) pageframe_jdk_v="${line#JAVA_VERSION=\"}"; pageframe_jdk_v="${pageframe_jdk_v%%[!0-9]*}"; break ;;
      esac
    done < "$release"
  fi
  [ -n "$pageframe_jdk_v" ] ||
    pageframe_jdk_v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
}

pageframe_find_jdk() { # $1: the name to print in the error line
  local candidates=() c d seen="" java="" visited=() versions=() v i
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  # The `java` on PATH, looked up by the shell itself; through its links (/usr/bin/java -> /etc/alternatives/...)
  # to the JDK it belongs to.
  local path=()
  IFS=: read -r -a path <<< "$PATH"
  for d in ${path[@]+"${path[@]}"}; do
    if [ -n "$d" ] && [ -x "$d/java" ] && [ ! -d "$d/java" ]; then java="$d/java"; break; fi
  done
  if [ -n "$java" ]; then
    case "$java" in
      /*) [ -L "$java" ] && { java=$(readlink -f "$java" 2>/dev/null) || java=""; } ;;
      *) java=$(readlink -f "$java" 2>/dev/null) || java="" ;;
    esac
    [ -n "$java" ] && candidates+=("${java%/bin/java}")
  fi
  # PAGEFRAME_JDK_DIRS replaces the usual folders (a test uses it to stand for a machine without JDK 25).
  local dirs=(${PAGEFRAME_JDK_DIRS:-/usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk*
              "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home})
  for c in "${dirs[@]}"; do
    [ -d "$c" ] && candidates+=("$c")
  done
  for c in "${candidates[@]}"; do
    [ -d "$c" ] || continue
    # One JDK reached by several names is looked at once (-ef: the same folder, compared by the shell).
    for v in ${visited[@]+"${visited[@]}"}; do
      [ "$c" -ef "$v" ] && continue 2
    done
    pageframe_jdk_feature "$c"
    visited+=("$c")
    versions+=("$pageframe_jdk_v")
    if [ -n "$pageframe_jdk_v" ] && [ "$pageframe_jdk_v" -ge 25 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  for i in ${visited[@]+"${!visited[@]}"}; do
    [ -n "${versions[$i]}" ] && seen="${seen:+$seen, }${versions[$i]} at $(cd "${visited[$i]}" && pwd -P)"
  done
  echo "$1: needs a JDK 25 or newer (found ${seen:-none}); install Temurin 25 (https://adoptium.net, or apt-get install temurin-25-jdk from Adoptium's repository) or set JAVA_HOME to one, then run again" >&2
  exit 2
}
