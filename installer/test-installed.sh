#!/usr/bin/env bash
# Installs the .deb that installer/build.sh made, uses it as a user would, removes it, and checks that nothing of
# it is left. CI runs it (.ci/run) as root on a machine where Pageframe is not installed. Steps:
#   - on a machine without desktop menu folders (a server, a container, sway), dpkg -i and dpkg -r still work, the
#     command line is there, and so are the menu entry and the notebooks' default application; then, with the menu
#     folders a desktop has (Debian's lxmenu-data), the rest:
#   - dpkg -i (the package's dependencies are installed first with apt-get, as apt would); postinst makes the start-up
#     cache from the class list the package carries, the JVM maps it, and the app starts quietly without it;
#   - `pageframe` is on PATH, its commands give the jar's exit codes, and a mistyped word is named as such;
#   - the installed `pageframe run` runs every bundled notebook, its cells in a JVM of the bundled runtime, and gives
#     the outputs the notebook ships with (its charts drawn as PNG by the bundled runtime), with jdk.jshell open to
#     its kernel as the jar's manifest asks (ReplClassFiles); a cell that ends in a chart stores it as its value;
#   - the desktop entry and the .ipynb file association are registered, and opening a notebook the way a file
#     manager does (the entry's Exec line) shows the app's window with it; so does `pageframe` alone; the app runs
#     the tour's cells and draws their charts with nothing failing;
#   - dpkg -r leaves no file of the package behind (dpkg keeps only its own record of the removed package, with
#     no configuration files, until dpkg --purge).
# Usage: installer/test-installed.sh [path/to/pageframe_VERSION_ARCH.deb]
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
cd "$top"
. scripts/find-jdk.sh
pageframe_find_jdk test-installed
deb="${1:-$(ls target/installer/pageframe_*.deb | head -n 1)}"
[ -f "$deb" ] || { echo "test-installed: no .deb; run installer/build.sh first" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "test-installed: run as root (it installs and removes a package)" >&2; exit 2; }
! dpkg -s pageframe >/dev/null 2>&1 || { echo "test-installed: pageframe is installed already; dpkg -r pageframe first" >&2; exit 2; }

work=$(mktemp -d)
export HOME="$work/home"   # the app's trust store and settings go here, not into the CI user's home
mkdir -p "$HOME"
fail() { echo "test-installed: FAIL: $*" >&2; exit 1; }
# A failed check leaves no package behind either, so the next run on this machine starts from the same place.
trap 'status=$?; if [ "$status" != 0 ] && dpkg -s pageframe > /dev/null 2>&1; then
        echo "test-installed: removing the package the failed run installed" >&2; dpkg --purge pageframe > /dev/null 2>&1 || true
      fi' EXIT
ok() { echo "test-installed: ok: $*"; }

# What is on the machine, to compare before the install with after the removal (the folders a package writes to).
snapshot() { find /opt /usr /etc /var/lib/dpkg/info -xdev 2>/dev/null | sort; }

# dpkg -r, then what is left: nothing but dpkg's record of a removed package, which dpkg --purge drops.
remove_and_check() {
  dpkg -r pageframe
  snapshot | grep -vxE '/var/lib/dpkg/info/pageframe\.(list|postrm)' > "$work/after"
  if ! diff "$work/before" "$work/after" > "$work/left.txt"; then
    cat "$work/left.txt" >&2
    fail "dpkg -r left files behind (above: < gone since before the install, > still there)"
  fi
  [ -z "$(dpkg-query -W -f='${Conffiles}' pageframe 2>/dev/null)" ] || fail "the package has configuration files"
  ! grep -rqs pageframe /usr/share/mime/packages /usr/share/applications || fail "the menu entry or MIME type is still registered"
  dpkg --purge pageframe > /dev/null
  ! ls /var/lib/dpkg/info/pageframe.* > /dev/null 2>&1 || fail "dpkg --purge left its record"
}

# Installing: the dependencies the package declares, then the package itself with dpkg.
# (apt-get satisfy picks the alternative this release has: libgtk-3-0 here, libgtk-3-0t64 on Ubuntu 24.04.)
DEBIAN_FRONTEND=noninteractive apt-get satisfy -y -q --no-install-recommends "$(dpkg-deb -f "$deb" Depends)" > "$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "could not install the package's dependencies"; }

# A machine with no desktop menu folders: xdg-desktop-menu fails there, and the install must not.
if [ ! -d /usr/share/desktop-directories ]; then
  snapshot > "$work/before"
  dpkg -i "$deb" || fail "dpkg -i failed on a machine without desktop menu folders"
  [ "$(pageframe --version)" = "pageframe $(dpkg-deb -f "$deb" Version)" ] || fail "pageframe --version without a desktop"
  # A desktop without a menu file (sway, i3) still finds the entry and opens notebooks with it.
  [ -f /usr/share/applications/pageframe-pageframe.desktop ] || fail "no menu entry where xdg-desktop-menu could not add one"
  [ "$(xdg-mime query default application/x-ipynb+json)" = pageframe-pageframe.desktop ] \
    || fail "without a menu file, the default for notebooks is '$(xdg-mime query default application/x-ipynb+json)'"
  remove_and_check
  ok "installs with its menu entry, runs and is removed on a machine without desktop menu folders"
fi
# The menu folders every desktop has (here from a small Debian package of menu data).
[ -d /usr/share/desktop-directories ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -q lxmenu-data > "$work/apt.log" 2>&1 \
  || { cat "$work/apt.log"; fail "could not install lxmenu-data"; }

snapshot > "$work/before"   # the dependencies and menu folders are not the package's to remove
dpkg -i "$deb"
[ "$(readlink -f "$(command -v pageframe)")" = /opt/pageframe/bin/pageframe ] || fail "pageframe is not on PATH"
# The start-up cache: not in the package (its class list is), made by postinst, and mapped by the JVM (with
# AOTMode=on it refuses to start otherwise).
dpkg-deb -c "$deb" > "$work/contents.txt"
! grep -q 'lib/app/pageframe\.aot$' "$work/contents.txt" || fail "the .deb carries the start-up cache; postinst makes it"
grep -q 'lib/app/pageframe\.classlist\.gz$' "$work/contents.txt" || fail "the .deb carries no class list for the cache"
aot=/opt/pageframe/lib/app/pageframe.aot
[ -s "$aot" ] || fail "postinst made no start-up cache"
JAVA_TOOL_OPTIONS=-XX:AOTMode=on pageframe --version > /dev/null 2> "$work/aot.txt" \
  || { cat "$work/aot.txt"; fail "the installed app's start-up cache is not used"; }
# Without it (postinst could not make it) the app starts quietly; dpkg-reconfigure makes it again.
mv "$aot" "$work/aot.kept"
[ "$(pageframe --version 2>&1)" = "pageframe $(dpkg-deb -f "$deb" Version)" ] \
  || fail "without a start-up cache, pageframe --version says more than its version: $(pageframe --version 2>&1)"
dpkg-reconfigure pageframe > "$work/reconfigure.txt" 2>&1 || { cat "$work/reconfigure.txt"; fail "dpkg-reconfigure pageframe"; }
JAVA_TOOL_OPTIONS=-XX:AOTMode=on pageframe --version > /dev/null 2> "$work/aot.txt" \
  || { cat "$work/aot.txt"; fail "dpkg-reconfigure did not make the start-up cache again"; }
rm -f "$work/aot.kept"
# The runtime's security providers without TLS (runtime-trim.txt): its line left the configuration, and the list
# still reaches those after it (a gap in its numbers would end it there, silently dropping SunJCE).
providers=$(/opt/pageframe/lib/runtime/bin/java -XshowSettings:security:providers -version 2>&1 | sed -n 's/.*Provider name: //p' | paste -sd' ')
[ "$providers" = "SUN SunRsaSign SunEC SunJCE" ] || fail "the installed runtime's security providers are: $providers"
# What apt says the package takes (Installed-Size, the start-up cache counted) is what /opt/pageframe holds: the
# package's files and the cache, each rounded up to whole KiB as dpkg counts them; within 1%, as the cache made here
# may be laid out a little differently from the build machine's.
stated_kib=$(dpkg-deb -f "$deb" Installed-Size)
footprint_kib=$(find /opt/pageframe -type f -printf '%s\n' | awk '{ kib += int(($1 + 1023) / 1024) } END { print kib }')
[ $(( (stated_kib - footprint_kib) * 100 )) -le "$stated_kib" ] && [ $(( (footprint_kib - stated_kib) * 100 )) -le "$stated_kib" ] \
  || fail "Installed-Size says $stated_kib KiB, /opt/pageframe holds $footprint_kib KiB"
ok "installed $(basename "$deb") ($stated_kib KiB, as /opt/pageframe holds with the start-up cache postinst made)"

# The command line: the installed launcher and the jar give the same exit codes.
printf '{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}\n' > "$work/empty.ipynb"
printf '{"cells": [{"cell_type": "code"}], "nbformat": 4}\n' > "$work/broken.ipynb"
check_exit() { # expected exit code, then the arguments
  local want=$1 got_installed got_jar
  shift
  set +e
  (cd "$work" && pageframe "$@" > "$work/out.txt" 2> "$work/err.txt"); got_installed=$?
  (cd "$work" && "$JAVA_HOME/bin/java" -jar "$top/target/pageframe.jar" "$@" > /dev/null 2>&1); got_jar=$?
  set -e
  [ "$got_installed" = "$want" ] && [ "$got_jar" = "$want" ] \
    || fail "pageframe $*: exit $got_installed installed, $got_jar from the jar, expected $want ($(cat "$work/err.txt"))"
  ok "pageframe $* exits $want, as the jar does"
}
check_exit 0 --version
grep -qx "pageframe $(dpkg-deb -f "$deb" Version)" "$work/out.txt" || fail "--version printed $(cat "$work/out.txt")"
check_exit 0 --help
check_exit 0 validate empty.ipynb
check_exit 1 validate broken.ipynb
check_exit 2 validate
check_exit 2 run no-such-notebook.ipynb
check_exit 2 valdate
grep -q "no such file or command: valdate" "$work/err.txt" || fail "a mistyped command was not named: $(cat "$work/err.txt")"
check_exit 0 trust empty.ipynb
check_exit 0 export empty.ipynb --to html -o empty.html

# Every bundled notebook runs with the installed command, with no JDK on PATH or in JAVA_HOME, and gives the outputs it
# ships with (ShippedNotebooksTest: those of a fresh run with the build's JDK) but for when each cell ran: its charts
# are PNGs with text drawn by the installed runtime's Java 2D, fonts and ImageIO, and must come out byte for byte the
# same; the runtime leaves much of java.desktop and java.xml out (installer/runtime-trim.txt), and a chart it could not
# draw would come out as SVG or not at all.
same_outputs() { # shipped notebook, fresh run: prints the first cell whose outputs differ
  python3 - "$1" "$2" <<'PY'
import json, sys
def cells(path):
    nb = json.load(open(path, encoding="utf-8"))
    for c in nb["cells"]:
        c.get("metadata", {}).pop("execution", None)
    return nb["cells"]
want, have = cells(sys.argv[1]), cells(sys.argv[2])
bad = [w.get("id", i) for i, (w, h) in enumerate(zip(want, have)) if w != h]
if bad or len(want) != len(have):
    sys.exit("cells differ from the shipped notebook: %s" % (bad or "their number"))
PY
}
command -v python3 > /dev/null || fail "needs python3 to compare notebooks (apt-get install python3)"
pngs=0
for nb in notebooks/*.ipynb; do
  env -u JAVA_HOME PATH=/usr/bin:/bin HOME="$HOME" pageframe run "$nb" -o "$work/$(basename "$nb")" > /dev/null 2> "$work/run.txt" \
    || { cat "$work/run.txt"; fail "pageframe run $nb"; }
  # The launcher honours the jar's Add-Opens, which lets the kernel trim JShell's class files (ReplClassFiles).
  ! grep -q "cannot be trimmed" "$work/run.txt" || { cat "$work/run.txt"; fail "pageframe run $nb: jdk.jshell is not open to it"; }
  same_outputs "$nb" "$work/$(basename "$nb")" || fail "pageframe run $nb: its outputs are not the ones it ships with"
  pngs=$((pngs + $(grep -c '"image/png": "' "$work/$(basename "$nb")" || true)))
  ok "pageframe run $nb: the outputs it ships with"
done
[ "$pngs" -ge 10 ] || fail "the bundled notebooks' runs drew $pngs PNG charts; they ship with more"
ok "$pngs charts drawn as PNG by the installed runtime, the same as the build's"
# Its cells run in a JVM started from the bundled runtime, not the JDK that built it. (The sandbox keeps a cell out of
# /proc, so the cell asks its JVM where its runtime is instead of reading its own command line.)
cat > "$work/where.ipynb" <<'NB'
{"cells": [{"cell_type": "code", "execution_count": null, "id": "where", "metadata": {}, "outputs": [],
  "source": ["System.out.println(System.getProperty(\"java.home\"));"]}],
 "metadata": {"kernelspec": {"display_name": "Pageframe (Java)", "language": "java", "name": "pageframe"}},
 "nbformat": 4, "nbformat_minor": 5}
NB
env -u JAVA_HOME PATH=/usr/bin:/bin HOME="$HOME" pageframe run "$work/where.ipynb" -o "$work/where-out.ipynb" 2>/dev/null
grep -q '"/opt/pageframe/lib/runtime\\n"' "$work/where-out.ipynb" \
  || fail "the cell's JVM was not the bundled runtime: $(grep -o '"text": \[[^]]*' "$work/where-out.ipynb")"
ok "cells run on /opt/pageframe/lib/runtime"
# A cell whose last expression is a chart stores it as its value: the agent finds the chart code as a service of the
# installed jar (META-INF/services), and the CLI draws its PNG.
cat > "$work/value.ipynb" <<'NB'
{"cells": [{"cell_type": "code", "execution_count": null, "id": "value", "metadata": {}, "outputs": [],
  "source": ["buddyinfo()"]}],
 "metadata": {"kernelspec": {"display_name": "Pageframe (Java)", "language": "java", "name": "pageframe"}},
 "nbformat": 4, "nbformat_minor": 5}
NB
env -u JAVA_HOME PATH=/usr/bin:/bin HOME="$HOME" pageframe run "$work/value.ipynb" -o "$work/value-out.ipynb" 2>/dev/null \
  || fail "pageframe run of a cell that ends in buddyinfo() failed"
python3 - "$work/value-out.ipynb" <<'PY' || fail "a cell ending in buddyinfo() did not store its chart as its value"
import json, sys
out = json.load(open(sys.argv[1]))["cells"][0]["outputs"]
assert [o["output_type"] for o in out] == ["execute_result"], out
assert {"image/png", "application/vnd.pageframe.buddyinfo+json"} <= set(out[0]["data"]), list(out[0]["data"])
PY
ok "a cell's chart-valued last expression is stored as a chart (an execute_result with its PNG)"
# Confined there too (the runtime spawns its agent from a thread it confines with Landlock): a cell cannot read
# /etc/passwd. On a kernel without Landlock, `run` says so and the cell reads it, which is not this test's business.
cat > "$work/confined.ipynb" <<'NB'
{"cells": [{"cell_type": "code", "execution_count": null, "id": "passwd", "metadata": {}, "outputs": [],
  "source": ["try { System.out.println(java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")).length()); }",
             " catch (java.io.IOException e) { System.out.println(e); }"]}],
 "metadata": {"kernelspec": {"display_name": "Pageframe (Java)", "language": "java", "name": "pageframe"}},
 "nbformat": 4, "nbformat_minor": 5}
NB
env -u JAVA_HOME PATH=/usr/bin:/bin HOME="$HOME" pageframe run "$work/confined.ipynb" -o "$work/confined-out.ipynb" \
  2> "$work/confined.log" || { cat "$work/confined.log" >&2; fail "pageframe run of a cell that reads /etc/passwd failed"; }
if grep -q "cells are not sandboxed" "$work/confined.log"; then
  ok "no Landlock in this kernel: $(grep -o 'cells are not sandboxed[^;]*' "$work/confined.log" | head -n 1)"
else
  grep -q 'AccessDeniedException: /etc/passwd' "$work/confined-out.ipynb" \
    || fail "the installed runtime's cell read /etc/passwd: $(grep -o '"text": \[[^]]*' "$work/confined-out.ipynb")"
  ok "the installed runtime's cells are confined (a cell cannot read /etc/passwd)"
fi

# The desktop integration: the menu entry, and .ipynb files opened with Pageframe.
desktop=$(ls /usr/share/applications/*pageframe*.desktop 2>/dev/null | head -n 1)
[ -n "$desktop" ] || fail "no desktop entry in /usr/share/applications"
grep -q '^MimeType=.*application/x-ipynb+json' "$desktop" || fail "$desktop does not open application/x-ipynb+json"
icon=$(sed -n 's/^Icon=//p' "$desktop")
cmp -s "$icon" installer/linux/pageframe.png || fail "the menu entry's icon $icon is not Pageframe's (installer/linux/pageframe.png)"
# File managers take a file's type from the shared MIME database (xdg-mime's own query falls back to `file`
# on a machine with no desktop session, which calls any JSON application/json).
grep -qx '[0-9]*:application/x-ipynb+json:\*\.ipynb' /usr/share/mime/globs2 \
  || fail "the shared MIME database has no application/x-ipynb+json for *.ipynb"
[ "$(xdg-mime query default application/x-ipynb+json)" = "$(basename "$desktop")" ] \
  || fail "the default application for notebooks is '$(xdg-mime query default application/x-ipynb+json)'"
ok "desktop entry $(basename "$desktop"), default for application/x-ipynb+json"

# A window must appear: started alone (the tour), and as a file manager opens a notebook (the entry's Exec line).
# window.sh runs on its own virtual display: it starts the command and waits (up to 60 s) for a window whose
# title starts with the given name, then closes the app.
cat > "$work/window.sh" <<'SH'
name=$1; shift
"$@" > "$(dirname "$0")/app.log" 2>&1 &
pid=$!
for i in $(seq 1 600); do
  if xwininfo -root -tree 2>/dev/null | grep -F "\"$name" > "$(dirname "$0")/window.txt"; then kill "$pid"; wait "$pid"; exit 0; fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill "$pid" 2>/dev/null; cat "$(dirname "$0")/app.log" >&2; exit 1
SH
window_appears() { xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/window.sh" "$@"; }
window_appears tour.ipynb pageframe || fail "no window titled tour.ipynb from the installed pageframe"
ok "pageframe opens a window with the tour"
# Docks group the window with its menu entry by the window's class (xwininfo shows it as ("class" "name")).
wm_class=$(sed -n 's/^StartupWMClass=//p' "$desktop")
grep -qF "(\"$wm_class\"" "$work/window.txt" || fail "the window's class is not the entry's StartupWMClass $wm_class: $(cat "$work/window.txt")"
ok "the window's class is the desktop entry's StartupWMClass ($wm_class)"
# The app runs the tour's cells (Run All, through its measurement hook) and draws their charts in its own JVM, with
# nothing failing on the way: no exception in its log. run-all.sh waits (up to 4 minutes) for the hook to log that the
# last cell has finished, then ends the app with SIGTERM, as a session logout does, and writes the app's exit status
# to run-all.status: 0 is the app's own orderly exit (ui.Termination), 143 the JVM's default.
cat > "$work/run-all.sh" <<'SH'
log="$(dirname "$0")/run-all.log"
JAVA_TOOL_OPTIONS="-Dpageframe.measure=true -Dpageframe.measure.runAll=true" "$@" > "$log" 2>&1 &
pid=$!
for i in $(seq 1 2400); do
  if grep -q "^pageframe: ran [0-9]* code cells of tour.ipynb" "$log"; then
    kill "$pid"; wait "$pid"; echo $? > "$(dirname "$0")/run-all.status"; exit 0
  fi
  kill -0 "$pid" 2>/dev/null || break
  sleep 0.1
done
kill "$pid" 2>/dev/null; exit 1
SH
xvfb-run -a -s "-screen 0 1400x900x24" bash "$work/run-all.sh" pageframe \
  || { cat "$work/run-all.log" >&2; fail "the installed app did not finish Run All on the tour"; }
! grep -E "Exception|Error|^[[:space:]]+at " "$work/run-all.log" \
  || fail "the installed app logged an exception while it ran the tour or ended (above)"
! grep "Unsupported JavaFX configuration" "$work/run-all.log" \
  || fail "the installed app greets its user with JavaFX's warning about the class path (above)"
ok "the installed app runs the tour's cells and draws their charts ($(grep -o 'ran [0-9]* code cells' "$work/run-all.log"))"
[ "$(cat "$work/run-all.status")" = 0 ] \
  || { cat "$work/run-all.log" >&2; fail "SIGTERM did not end the installed app in order: exit status $(cat "$work/run-all.status")"; }
ok "SIGTERM ends the installed app in order (exit status 0, nothing logged)"
cp notebooks/watermarks-and-reclaim.ipynb "$work/lesson.ipynb"
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
read -r -a opener <<< "${exec_line//%[fFuU]/$work/lesson.ipynb}"
window_appears lesson.ipynb "${opener[@]}" \
  || fail "opening a notebook as the desktop entry does ($exec_line) showed no window for it"
ok "the desktop entry ($exec_line) opens a notebook in a window"
# Several notebooks opened at once: %F passes them all to one app, which opens each in turn (the last one on show).
cp notebooks/pages-and-orders.ipynb "$work/second lesson.ipynb"
[[ "$exec_line" == *%F* ]] || fail "the desktop entry's Exec line does not take several files (%F): $exec_line"
read -r -a opener <<< "${exec_line%%%F*}"
window_appears "second lesson.ipynb" "${opener[@]}" "$work/lesson.ipynb" "$work/second lesson.ipynb" \
  || fail "opening two notebooks as a file manager does ($exec_line) showed no window for them"
ok "the desktop entry opens two notebooks at once"

# Removing: nothing of the package stays.
remove_and_check
ok "dpkg -r pageframe left nothing behind"
rm -rf "$work"
echo "test-installed: all passed"
