#!/bin/bash
# Pageframe's Linux launcher, installed as bin/pageframe (and linked as /usr/bin/pageframe) in place of jpackage's
# native one, which asks rpm and dpkg which package owns it at every start: 0.45 s of a 0.9 s `pageframe --version`
# (BENCHMARKS.md). It starts the bundled runtime with the JVM options jpackage wrote to lib/app/pageframe.cfg
# ($APPDIR is lib/app), the jar on the class path and the same entry point, so the desktop app, a file to open
# and the commands (run, export, validate, trust) behave as with the jar, exit codes included.
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
app="$root/lib/app"
options=()
while IFS= read -r line; do
  case "$line" in
    java-options=*) options+=("${line#java-options=}") ;;
  esac
done < "$app/pageframe.cfg"
options=("${options[@]//\$APPDIR/$app}")
exec "$root/lib/runtime/bin/java" "${options[@]}" -cp "$app/pageframe.jar" dev.pageframe.cli.Main "$@"
