#!/usr/bin/env bash
# Prints the installers' sizes against their budgets (issue 14: a .deb of at most 40 MB, at most 120 MB installed) and
# fails when either is over. The installed size is what /opt/pageframe holds once installed: the package's own files
# (its Installed-Size) and the start-up cache its postinst makes (as large as the one installer/build.sh made the same
# way for the image). Both are checked in MB (10^6 bytes), the stricter reading of the budget; MiB are printed too.
# What they are made of, and what was tried: BENCHMARKS.md, "Installers".
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/pageframe_*.deb | head -n 1)
package_kib=$(dpkg-deb -f "$deb" Installed-Size)
deb_bytes=$(stat -c %s "$deb")
cache=target/installer/image/pageframe/lib/app/pageframe.aot
[ -f "$cache" ] || { echo "check-sizes: no $cache (installer/build.sh makes it, unless --no-cache)" >&2; exit 2; }
cache_bytes=$(stat -c %s "$cache")
installed_bytes=$(( package_kib * 1024 + cache_bytes ))
awk -v d="$deb_bytes" -v p="$package_kib" -v c="$cache_bytes" -v i="$installed_bytes" 'BEGIN {
  printf "check-sizes: .deb %.2f MB (budget 40 MB); installed %.2f MB = %.1f MiB (budget 120 MB): the package'"'"'s files %.1f MiB and the start-up cache postinst makes %.1f MiB\n", d / 1e6, i / 1e6, i / 1048576, p / 1024, c / 1048576 }'
[ "$deb_bytes" -le 40000000 ] || { echo "check-sizes: FAIL: the .deb is over its 40 MB budget" >&2; exit 1; }
[ "$installed_bytes" -le 120000000 ] || { echo "check-sizes: FAIL: the installed size is over its 120 MB budget" >&2; exit 1; }
