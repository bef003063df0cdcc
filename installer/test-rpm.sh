#!/usr/bin/env bash
# Checks the .rpm that installer/build.sh made, without an rpm-based machine: its files are unpacked with rpm into a
# scratch root (--noscripts: the scripts need that system's shell), its launcher there runs a bundled notebook on
# the bundled runtime, and its install scripts link /usr/bin/pageframe, set the jar's time back for the start-up
# cache (as the .deb's do) and clean up on removal.
set -euo pipefail
cd "$(dirname "$0")/.."
rpm_file="${1:-$(ls target/installer/pageframe-*.rpm | head -n 1)}"
[ -f "$rpm_file" ] || { echo "test-rpm: no .rpm; run installer/build.sh first" >&2; exit 2; }
fail() { echo "test-rpm: FAIL: $*" >&2; exit 1; }
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
rpm --root "$root" --initdb
rpm --root "$root" -i --nodeps --noscripts --nosignature "$rpm_file" 2> "$root/rpm.log" || { cat "$root/rpm.log"; fail "rpm -i"; }
launcher="$root/opt/pageframe/bin/pageframe"
[ -x "$launcher" ] || fail "no launcher at /opt/pageframe/bin/pageframe"
# What %post does to the jar's time (below, the scripts are checked to do it), so the start-up cache is used.
touch -m -d "@$(date -r target/installer/image/pageframe/lib/app/pageframe.jar +%s)" "$root/opt/pageframe/lib/app/pageframe.jar"
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version > /dev/null 2> "$root/aot.log" \
  || { cat "$root/aot.log"; fail "the rpm's start-up cache does not fit its jar and runtime"; }
env -u JAVA_HOME PATH=/usr/bin:/bin HOME="$root" "$launcher" run notebooks/tour.ipynb -o "$root/tour.ipynb" 2> "$root/run.log" \
  || { cat "$root/run.log"; fail "the rpm's pageframe run of the tour"; }
scripts=$(rpm -qp --scripts "$rpm_file")
grep -q 'ln -sf /opt/pageframe/bin/pageframe /usr/bin/pageframe' <<< "$scripts" || fail "%post does not link /usr/bin/pageframe"
grep -q "touch -m -d @$(date -r target/installer/image/pageframe/lib/app/pageframe.jar +%s) /opt/pageframe/lib/app/pageframe.jar" <<< "$scripts" \
  || fail "%post does not set the jar's time back to the one the start-up cache was made with"
grep -q 'rm -f /usr/bin/pageframe' <<< "$scripts" || fail "%preun does not remove /usr/bin/pageframe"
grep -q 'xdg-desktop-menu install' <<< "$scripts" || fail "%post does not register the menu entry"
echo "test-rpm: ok: $(basename "$rpm_file") unpacks, runs the tour on its own runtime, and its scripts link, touch and clean up"
