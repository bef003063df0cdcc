#!/bin/sh
# Makes the desktop app's start-up cache, APPDIR/pageframe.aot, from the class list recorded at build time
# (APPDIR/pageframe.classlist.gz: the classes the app loads up to its window, with their lambda forms and resolved
# constants), for the runtime JAVA and the jar APPDIR/pageframe.jar, with the launcher's JVM options
# (APPDIR/pageframe.cfg). It is an AOT cache with linked classes (-Xshare:dump -XX:+AOTClassLinking): the window comes
# up as soon as with a cache trained by running the app (BENCHMARKS.md, "Installers"), and making it takes seconds
# and no display.
# installer/build.sh runs it for the app image (.dmg and .msi carry the cache); the .deb's postinst and the .rpm's
# %post run the installed copy (lib/app/startup-cache.sh), so the packages carry 0.15 MB of class list instead of
# 7.6 MB of compressed cache, as Debian's Python packages compile their bytecode when installed. The cache is checked
# against the runtime and the jar, so one made on the machine that runs it always fits.
# Usage: startup-cache.sh JAVA APPDIR. Writes the cache in one step (a failed run leaves none); exits non-zero on
# failure, with the JVM's words.
set -eu
[ $# -eq 2 ] || { echo "usage: startup-cache.sh JAVA APPDIR" >&2; exit 2; }
java=$1 app=$2
list=$(mktemp "${TMPDIR:-/tmp}/pageframe-classlist.XXXXXX")
log=$(mktemp "${TMPDIR:-/tmp}/pageframe-cache-log.XXXXXX")
trap 'rm -f "$list" "$log" "$app/pageframe.aot.new"' EXIT
gzip -dc "$app/pageframe.classlist.gz" > "$list"
# The launcher's options, as it passes them (pageframe.cfg, $APPDIR its folder), but the cache itself: the cache
# holds the options that must match when it is used (the collector, the module options).
set --
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in
    java-options=-XX:AOTCache=*) ;;
    java-options=*) opt=${line#java-options=}
                    while :; do
                      case "$opt" in
                        *'$APPDIR'*) opt="${opt%%\$APPDIR*}$app${opt#*\$APPDIR}" ;;
                        *) break ;;
                      esac
                    done
                    set -- "$@" "$opt" ;;
  esac
done < "$app/pageframe.cfg"
if ! "$java" "$@" -Xshare:dump -XX:SharedClassListFile="$list" -XX:SharedArchiveFile="$app/pageframe.aot.new" \
    -XX:+AOTClassLinking -Xlog:cds=error -Xlog:aot=error -cp "$app/pageframe.jar" > "$log" 2>&1; then
  cat "$log" >&2
  echo "startup-cache.sh: could not make $app/pageframe.aot (above); the app starts without it, more slowly" >&2
  exit 1
fi
chmod 644 "$app/pageframe.aot.new"
mv -f "$app/pageframe.aot.new" "$app/pageframe.aot"
