#!/usr/bin/env bash
# Checks the Linux packages' declared dependencies against what their files link: every shared library an ELF file of
# the app image needs (readelf's NEEDED entries) and the image does not bring itself must be
#   - in the .deb's Depends, as the Debian package that holds it on this machine (an alternative such as
#     "libgtk-3-0t64 | libgtk-3-0" counts), and
#   - in the .rpm's Requires, by soname (glibc's own libraries aside: every rpm system has them).
# The lists are written by hand (installer/linux/resources/control and pageframe.spec) because jpackage derives them
# from the build machine: Debian-only names that do not install on Ubuntu, and nothing at all for the .rpm.
# Usage: installer/check-deps.sh [IMAGE_DIR [DEB [RPM]]]
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-target/installer/image/pageframe}"
deb="${2:-$(ls target/installer/pageframe_*.deb | head -n 1)}"
rpm_file="${3:-$(ls target/installer/pageframe-*.rpm 2>/dev/null | head -n 1 || true)}"
fail() { echo "check-deps: FAIL: $*" >&2; exit 1; }
[ -d "$image" ] || fail "no app image at $image; run installer/build.sh first"

own=$(find "$image" -name '*.so*' -printf '%f\n' | sort -u)
# (readelf fails on the image's scripts, which are not ELF files.)
needed=$(find "$image" -type f \( -name '*.so*' -o -perm -u+x \) -print0 \
  | { xargs -0 -n 50 readelf -d 2>/dev/null || true; } | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p' | sort -u)
external=$(comm -23 <(echo "$needed") <(echo "$own"))
[ -n "$external" ] || fail "no library needed from outside the image: readelf found nothing in $image"

# The Depends field as one name per line, alternatives split.
depends=$(dpkg-deb -f "$deb" Depends | tr ',|' '\n\n' | sed 's/([^)]*)//; s/^ *//; s/ *$//' | sort -u)
missing=()
for so in $external; do
  package=$(dpkg -S "*/$so" 2>/dev/null | head -n 1 | cut -d: -f1)
  [ -n "$package" ] || fail "$so: no Debian package on this machine holds it"
  grep -qx "$package" <<< "$depends" || missing+=("$so ($package)")
done
[ ${#missing[@]} -eq 0 ] || fail "$(basename "$deb") does not depend on: ${missing[*]}"
echo "check-deps: ok: $(basename "$deb") depends on the package of each of the $(wc -w <<< "$external") libraries its files link"

if [ -n "$rpm_file" ]; then
  requires=$(rpm -qp --requires --nosignature "$rpm_file" 2>/dev/null)
  missing=()
  for so in $external; do
    case "$so" in ld-linux*|libc.so.*|libm.so.*|libdl.so.*|libpthread.so.*|librt.so.*) continue ;; esac
    grep -qxF "$so()(64bit)" <<< "$requires" || missing+=("$so")
  done
  [ ${#missing[@]} -eq 0 ] || fail "$(basename "$rpm_file") does not require: ${missing[*]}"
  ! rpm -qlp --nosignature "$rpm_file" 2>/dev/null | grep -qxE '/opt|/usr|/usr/bin' \
    || fail "$(basename "$rpm_file") owns a folder of the filesystem package (/opt, /usr or /usr/bin)"
  echo "check-deps: ok: $(basename "$rpm_file") requires each library its files link, by soname"
fi
