#!/usr/bin/env bash
# Prints the installers' sizes against their budgets (issue 14: a .deb of at most 40 MB, at most 120 MB installed) and
# fails when either is over. The installed size is the .deb's Installed-Size, which counts the start-up cache its
# postinst makes (installer/build.sh writes it in; installer/test-installed.sh checks it against /opt/pageframe once
# installed). Both are checked in MB (10^6 bytes), the stricter reading of the budget; MiB are printed too.
# What they are made of, and what was tried: BENCHMARKS.md, "Installers".
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/installer/pageframe_*.deb | head -n 1)
installed_kib=$(dpkg-deb -f "$deb" Installed-Size)
deb_bytes=$(stat -c %s "$deb")
cache_bytes=$(stat -c %s target/installer/image/pageframe/lib/app/pageframe.aot 2>/dev/null || echo 0)
awk -v d="$deb_bytes" -v i="$installed_kib" -v c="$cache_bytes" 'BEGIN {
  printf "check-sizes: .deb %.2f MB (budget 40 MB); installed %.2f MB = %.1f MiB (budget 120 MB), of which the start-up cache postinst makes %.1f MiB\n", d / 1e6, i * 1024 / 1e6, i / 1024, c / 1048576 }'
[ "$deb_bytes" -le 40000000 ] || { echo "check-sizes: FAIL: the .deb is over its 40 MB budget" >&2; exit 1; }
[ $(( installed_kib * 1024 )) -le 120000000 ] || { echo "check-sizes: FAIL: the installed size is over its 120 MB budget" >&2; exit 1; }
