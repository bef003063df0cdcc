#!/usr/bin/env bash
# Makes the installers' icons from pageframe.svg: a PNG for Linux, the PNGs the app's window shows, an ICO for
# Windows, an ICNS for macOS. Needs rsvg-convert (librsvg2-bin), ImageMagick and png2icns (icnsutils),
# all Debian packages. The outputs are committed, so building an installer does not need these tools.
set -euo pipefail
cd "$(dirname "$0")"
for size in 16 32 48 64 128 256 512; do
  rsvg-convert -w "$size" -h "$size" pageframe.svg -o "pageframe-$size.png"
done
cp pageframe-256.png ../linux/pageframe.png
convert pageframe-16.png pageframe-32.png pageframe-48.png pageframe-64.png pageframe-128.png pageframe-256.png \
  ../windows/pageframe.ico
png2icns ../macos/pageframe.icns pageframe-16.png pageframe-32.png pageframe-128.png pageframe-256.png pageframe-512.png >/dev/null
mkdir -p ../../src/main/resources/dev/pageframe/ui/icons
for size in 32 48 128 256; do mv "pageframe-$size.png" ../../src/main/resources/dev/pageframe/ui/icons/; done
rm -f pageframe-16.png pageframe-64.png pageframe-512.png
