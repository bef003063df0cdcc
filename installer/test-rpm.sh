#!/usr/bin/env bash
# Checks the .rpm that installer/build.sh made, without an rpm-based machine: its files are unpacked with rpm into a
# scratch root (--noscripts: the scripts need that system's shell), the start-up cache is made there as %post makes
# it, its launcher there runs a bundled notebook on the bundled runtime, and its install scripts link
# /usr/bin/pageframe, make the start-up cache (which the package owns as a ghost: none shipped, removed with it) and
# clean up on removal.
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
# The package ships no cache (a ghost: listed, not in the payload), then %post's command makes one that is used.
[ ! -s "$root/opt/pageframe/lib/app/pageframe.aot" ] || fail "the rpm carries a start-up cache; %post makes it"
rpm -qlp --nosignature "$rpm_file" > "$root/files.txt" 2>/dev/null
grep -qx /opt/pageframe/lib/app/pageframe.aot "$root/files.txt" \
  || fail "the rpm does not own lib/app/pageframe.aot, so rpm -e would leave it behind"
sh "$root/opt/pageframe/lib/app/startup-cache.sh" "$root/opt/pageframe/lib/runtime/bin/java" "$root/opt/pageframe/lib/app" \
  || fail "the rpm's startup-cache.sh"
JAVA_TOOL_OPTIONS=-XX:AOTMode=on "$launcher" --version > /dev/null 2> "$root/aot.log" \
  || { cat "$root/aot.log"; fail "the start-up cache made from the rpm's class list does not fit its jar and runtime"; }
env -u JAVA_HOME PATH=/usr/bin:/bin HOME="$root" "$launcher" run notebooks/tour.ipynb -o "$root/tour.ipynb" 2> "$root/run.log" \
  || { cat "$root/run.log"; fail "the rpm's pageframe run of the tour"; }
scripts=$(rpm -qp --scripts "$rpm_file")
grep -q 'ln -sf /opt/pageframe/bin/pageframe /usr/bin/pageframe' <<< "$scripts" || fail "%post does not link /usr/bin/pageframe"
grep -qF 'sh /opt/pageframe/lib/app/startup-cache.sh /opt/pageframe/lib/runtime/bin/java /opt/pageframe/lib/app' <<< "$scripts" \
  || fail "%post does not make the start-up cache"
grep -q 'rm -f /usr/bin/pageframe' <<< "$scripts" || fail "%preun does not remove /usr/bin/pageframe"
grep -q 'xdg-desktop-menu install' <<< "$scripts" || fail "%post does not register the menu entry"
echo "test-rpm: ok: $(basename "$rpm_file") unpacks, runs the tour on its own runtime, and its cache is made from its class list, its scripts link, make the cache and clean up"
