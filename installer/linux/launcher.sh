#!/bin/bash
# Pageframe's Linux launcher, installed as bin/pageframe (and linked as /usr/bin/pageframe) in place of jpackage's
# native one, which asks rpm and dpkg which package owns it at every start: 0.45 s of a 0.9 s `pageframe --version`
# (BENCHMARKS.md). It starts the bundled runtime with the JVM options jpackage wrote to lib/app/pageframe.cfg
# ($APPDIR is lib/app), the jar on the class path and the same entry point, so the desktop app, a file to open
# and the commands (run, export, validate, trust) behave as with the jar, exit codes included.
# The desktop app alone, or with notebook files that exist (what the menu entry and a file manager run: %F, every file
# the user opened), starts at the app's own entry point: the command line's parser is not loaded for it
# (BENCHMARKS.md).
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
app="$root/lib/app"
options=()
while IFS= read -r line; do
  case "$line" in
    # The start-up cache is made when the package is installed (lib/app/startup-cache.sh); should that have
    # failed, the app starts without it rather than with the JVM's complaint about a missing file.
    java-options=-XX:AOTCache=*) [ -s "$app/pageframe.aot" ] && options+=("${line#java-options=}") ;;
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$app/pageframe.cfg"
options=("${options[@]//\$APPDIR/$app}")
main=dev.pageframe.cli.Main
if [ $# -eq 0 ]; then
  main=dev.pageframe.ui.PageframeLauncher
else
  case "$1" in
    -*|run|export|validate|trust|help) ;;
    *)
      main=dev.pageframe.ui.PageframeLauncher
      # A word that is not a file goes to the command line, which names it.
      for f in "$@"; do [ -f "$f" ] || { main=dev.pageframe.cli.Main; break; }; done ;;
  esac
fi
exec "$root/lib/runtime/bin/java" "${options[@]}" -cp "$app/pageframe.jar" "$main" "$@"
