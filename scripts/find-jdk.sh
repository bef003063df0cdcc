# Sourced by ./pageframe, ./mvnw and the scripts: sets JAVA_HOME to a JDK 25 or newer (one with javac, since
# the same JDK builds the jar, links the installers' runtime and runs the app), so no `export` is needed first.
# Looks at $JAVA_HOME, then the `java` on PATH, then the usual install folders; the first JDK 25+ wins.
# With none, prints one line saying what to install and exits 2.

pageframe_jdk_feature() { # $1: a JDK folder; prints its feature version (17, 25, ...) or nothing
  local release="$1/release" v=""
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 0
  if [ -f "$release" ]; then
    # JAVA_VERSION="25.0.1" -> 25, read by the shell itself: each program started here adds to every launch.
    local line
    while IFS= read -r line || [ -n "$line" ]; do
      case "$line" in
        JAVA_VERSION=\"*) v="${line#JAVA_VERSION=\"}"; v="${v%%[!0-9]*}"; break ;;
      esac
    done < "$release"
  fi
  [ -n "$v" ] || v=$("$1/bin/java" -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -n 1)
  echo "$v"
}

pageframe_find_jdk() { # $1: the name to print in the error line
  local candidates=() c v seen=""
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    c=$(readlink -f "$(command -v java)" 2>/dev/null || true)
    [ -n "$c" ] && candidates+=("${c%/bin/java}")
  fi
  # PAGEFRAME_JDK_DIRS replaces the usual folders (a test uses it to stand for a machine without JDK 25).
  local dirs=(${PAGEFRAME_JDK_DIRS:-/usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/*25* /usr/lib/jvm/* /opt/java/* /opt/jdk*
              "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home})
  for c in "${dirs[@]}"; do
    [ -d "$c" ] && candidates+=("$c")
  done
  local visited=" "
  for c in "${candidates[@]}"; do
    c=$(cd "$c" 2>/dev/null && pwd -P) || continue   # one JDK reached by several names is looked at once
    case "$visited" in *" $c "*) continue ;; esac
    visited="$visited$c "
    v=$(pageframe_jdk_feature "$c")
    [ -n "$v" ] && seen="${seen:+$seen, }$v at $c"
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "$1: needs a JDK 25 or newer (found ${seen:-none}); install Temurin 25 (https://adoptium.net, or apt-get install temurin-25-jdk from Adoptium's repository) or set JAVA_HOME to one, then run again" >&2
  exit 2
}
