#!/usr/bin/env bash
# Builds Pageframe's native installers, as a recipe:
#   1. the jar (./mvnw package), unless it is newer than the sources;
#   2. a Java runtime with jlink: only the JDK modules the app and its cells use (modules.txt), without the parts of
#      them nothing here reaches (runtime-trim.txt), with bin/java kept, since every notebook kernel is a second JVM
#      started from the app's own runtime;
#   3. the app image with jpackage (launcher `pageframe`, the jar, JavaFX's native libraries beside it, the
#      JVM options of scripts/jvm-options);
#   4. the start-up cache: the classes the app loads up to its window, listed by running the image's own runtime
#      on the bundled tour (needs a display, or xvfb-run), then archived (startup-cache.sh), so the installed app
#      starts as fast as ./pageframe with its cache;
#   5. the packages for this system, from that image: .deb and .rpm on Linux (each when its tool is there), which
#      carry the class list and make the cache when they are installed; .dmg on macOS, .msi on Windows (WiX 3 or
#      newer on PATH), which carry the cache itself.
# Usage: installer/build.sh [--types "app-image deb rpm"] [--no-cache] [--skip-build]
# Output: target/installer/ (the image in image/, the packages beside it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
top="$(dirname "$here")"
cd "$top"  # the jpackage option files name their files from here
. "$top/scripts/find-jdk.sh"
pageframe_find_jdk installer/build.sh

types="" cache=1 build=1
while [ $# -gt 0 ]; do
  case "$1" in
    --types) types="$2"; shift 2 ;;
    --no-cache) cache=0; shift ;;
    --skip-build) build=0; shift ;;
    -h|--help) sed -n '2,14p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "installer/build.sh: unknown option $1 (try --help)" >&2; exit 2 ;;
  esac
done

case "$(uname -s)" in
  Linux) os=linux; default_types="app-image deb rpm" ;;
  Darwin) os=macos; default_types="app-image dmg" ;;
  MINGW*|MSYS*|CYGWIN*) os=windows; default_types="app-image msi" ;;
  *) echo "installer/build.sh: unsupported system $(uname -s)" >&2; exit 2 ;;
esac
types=${types:-$default_types}

out="$top/target/installer"
jar="$top/target/pageframe.jar"
version=$(sed -n 's/.*String VERSION = "\(.*\)";.*/\1/p' "$top/src/main/java/dev/pageframe/cli/Main.java")

# 1. The jar, rebuilt when any source, resource, document or notebook is newer.
if [ "$build" = 1 ]; then
  if [ ! -f "$jar" ] || [ -n "$(find "$top/src/main" "$top/src/build" "$top/content" "$top/notebooks" "$top/pom.xml" -newer "$jar" -type f -print -quit)" ]; then
    "$top/mvnw" -B -q package -DskipTests
  fi
fi
[ -f "$jar" ] || { echo "installer/build.sh: no $jar (run without --skip-build)" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out/input"

# 2. The runtime. JavaFX is not linked in: it comes from the Maven artifacts' Linux jars (org.openjfx
# javafx-base, -graphics, -controls 25.0.2, linux classifier) already inside pageframe.jar, on the class
# path, and their native libraries are put beside the jar in step 3.
# Inside those modules, what nothing here uses leaves too (runtime-trim.txt: Swing, sound, printing, XSLT, JDI, the
# jshell tool, other languages' messages: 9.4 MB of the 30.6 MB of modules, BENCHMARKS.md).
modules=$(grep -Ev '^[[:space:]]*(#|$)' "$here/modules.txt" | paste -sd, -)
"$here/runtime-excludes.sh" "$here/runtime-trim.txt" "$JAVA_HOME" "$os" > "$out/runtime-excludes.txt"
"$JAVA_HOME/bin/jlink" --add-modules "$modules" --output "$out/runtime" \
  --strip-debug --no-header-files --no-man-pages --exclude-resources=@target/installer/runtime-excludes.txt \
  "--compress=zip-9:filter=regex:^/(?!java\.desktop/).*" \
  --exclude-files='**/ct.sym,**/lib/classlist,**/libsimdsort.*,**/libawt_xawt.*,**/libsplashscreen.*,**/libjsound.*,**/libjawt.*,**/libjavajpeg.*,**/libjdwp.*,**/libdt_socket.*,**/bin/javac,**/bin/jdb,**/bin/jshell,**/bin/keytool,**/bin/serialver,**/lib/security/cacerts,**/lib/security/public_suffix_list.dat'
# Compression: every module's classes are deflated (zip-9) but java.desktop's, which stay as they are: the .deb's xz
# then packs them 1.9 MB smaller for 4.0 MB more installed, the best trade of the modules (0.46 MB of .deb per MB
# installed; java.base 0.45, jdk.compiler and java.xml 0.30: BENCHMARKS.md, "Installers").
# TLS left with sun.security.ssl (runtime-trim.txt), and with it its trust store and the public suffix list: its
# provider leaves the security configuration too, whose list must stay numbered without a gap.
conf="$out/runtime/conf/security/java.security"
grep -q '^security\.provider\.[0-9]*=SunJSSE$' "$conf" \
  || { echo "installer/build.sh: $conf does not list SunJSSE: check runtime-trim.txt's TLS line" >&2; exit 1; }
awk '/^security\.provider\.[0-9]+=SunJSSE$/ { gone = 1; next }
     gone && /^security\.provider\.[0-9]+=/ { split($0, kv, "="); n = substr(kv[1], 19) - 1; sub(/^[^=]*/, "security.provider." n) }
     { print }' "$conf" > "$conf.new"
mv "$conf.new" "$conf"
# Their symbol tables are a sixth of the runtime (libjvm.so: 29.8 MB, 24.8 MB stripped); crash reports still name
# the Java frames.
if command -v strip >/dev/null && [ "$os" = linux ]; then
  chmod u+w "$out/runtime/lib/server/libjvm.so"
  strip --strip-unneeded "$out/runtime/lib"/*.so "$out/runtime/lib/server"/*.so
fi

# 3. The app image.
cp -p "$jar" "$out/input/pageframe.jar"
native=$("$JAVA_HOME/bin/jar" tf "$out/input/pageframe.jar" | grep -E '^[^/]+\.(so|dylib|dll)$' || true)
(cd "$out/input" && "$JAVA_HOME/bin/jar" xf pageframe.jar $native)
# JavaFX loads a library from its jar's folder before it looks inside the jar, so the copies in the jar are never
# read once they sit beside it: they leave the image's jar (0.8 MB). So does the SWT bridge, which nothing uses.
command -v zip >/dev/null || { echo "installer/build.sh: needs zip (apt-get install zip)" >&2; exit 2; }
if [ -n "$native" ]; then
  (cd "$out/input" && zip -q -d pageframe.jar $native javafx-swt.jar)
fi
# The themes the app never sets leave too: AtlantaFX's six others (the app uses Primer light and dark) and JavaFX's
# old Caspian; Modena stays, as JavaFX's fallback. So do the HTML editor's icons (its control is in javafx.web, which
# is not here). 0.6 MB of the jar.
(cd "$out/input" && zip -q -d pageframe.jar 'atlantafx/base/theme/nord-*' 'atlantafx/base/theme/dracula.*' \
  'atlantafx/base/theme/cupertino-*' 'com/sun/javafx/scene/control/skin/caspian/*' \
  'com/sun/javafx/scene/control/skin/modena/HTMLEditor-*')
# Our stylesheets ship compiled as well (JavaFX's Css2Bin, from the JavaFX in the jar): JavaFX loads a .bss beside a
# .css in its place, which skips parsing the text while the window is made (BENCHMARKS.md).
mkdir -p "$out/bss"
(cd "$out/bss" && "$JAVA_HOME/bin/jar" xf "$out/input/pageframe.jar" $("$JAVA_HOME/bin/jar" tf "$out/input/pageframe.jar" | grep -E '^dev/pageframe/.*\.css$'))
for css in $(cd "$out/bss" && find dev -name '*.css'); do
  "$JAVA_HOME/bin/java" -cp "$out/input/pageframe.jar" com.sun.javafx.css.parser.Css2Bin "$out/bss/$css" "$out/bss/${css%.css}.bss"
done
(cd "$out/bss" && zip -q -9 "$out/input/pageframe.jar" $(find dev -name '*.bss'))
# The libraries' line-number and local-variable tables leave, as jlink's --strip-debug takes the JDK's: 1.2 MB of
# the jar, 1.4 MB of the .deb. Our own classes keep theirs, so a stack trace in a bug report names our lines.
"$JAVA_HOME/bin/java" "$top/src/build/java/dev/pageframe/build/DebugTableStrip.java" \
  "$out/input/pageframe.jar" "$out/input/pageframe.jar" dev/pageframe/
mapfile -t jvm_options < <(grep -Ev '^[[:space:]]*(#|$)' "$top/scripts/jvm-options")
# The jar's manifest enables native access (JavaFX's libraries) and opens jdk.jshell (the kernel trims JShell's class
# files, ReplClassFiles) only for `java -jar`; the launchers start its class. The start-up caches are made with the
# same options, as a cache made without --add-opens is refused by a JVM given it.
jvm_options+=(--enable-native-access=ALL-UNNAMED --add-opens=jdk.jshell/jdk.jshell=ALL-UNNAMED)
java_opts=()
for o in "${jvm_options[@]}"; do java_opts+=(--java-options "$o"); done
# The cache's path is written with jpackage's $APPDIR, so it follows the app wherever it is installed.
[ "$cache" = 1 ] && java_opts+=(--java-options '-XX:AOTCache=$APPDIR/pageframe.aot')
"$JAVA_HOME/bin/jpackage" @"$here/common.args" @"$here/$os/app-image.args" \
  --type app-image --app-version "$version" --runtime-image "$out/runtime" \
  --input "$out/input" --main-jar pageframe.jar "${java_opts[@]}" --dest "$out/image"
case "$os" in
  # jpackage's native launcher on Linux asks rpm and dpkg which package owns it at every start; ours does not.
  # Its shared library (1.7 MB) then serves nothing.
  linux) cp "$here/linux/launcher.sh" "$out/image/pageframe/bin/pageframe"
         rm "$out/image/pageframe/lib/libapplauncher.so" ;;
esac
case "$os" in
  macos) image="$out/image/pageframe.app"; appdir="$image/Contents/app"; java="$image/Contents/runtime/Contents/Home/bin/java" ;;
  windows) image="$out/image/pageframe"; appdir="$image/app"; java="$image/runtime/bin/java" ;;
  *) image="$out/image/pageframe"; appdir="$image/lib/app"; java="$image/lib/runtime/bin/java" ;;
esac

# 4. The start-up cache: the image's runtime, its jar at its place in the image and the launcher's JVM options,
# so the JVM maps it once installed (it checks the runtime and the jar, and allows the folder to move).
if [ "$cache" = 1 ]; then
  # The class list: what the window loads before it shows (the bundled tour's first screen among it), through the
  # entry point the launcher takes for the desktop app, quitting as soon as the window is shown. What comes after
  # (the outline, the docs page, the editor's warm-up) loads from the jar, mostly off the FX thread. Listed 5 s
  # past the window the cache is 5 MiB bigger; listed also on Run All, scrolling and editing, as
  # scripts/startup-cache.sh does, 67 MB (BENCHMARKS.md). Without the warm-ups that begin once the first page is
  # shown (-Dpageframe.noWarmUp): they race the window, so the list held more or less of them by the machine's
  # speed, and the cache came out 3 MiB bigger on one machine than on another.
  # A profile of its own, so that the build machine's settings or recovery copies (a recovery dialog) stay out of it.
  rm -rf "$out/training-profile"
  train=("$java" "${jvm_options[@]}" -XX:DumpLoadedClassList="$out/pageframe.classlist" -Dpageframe.noWarmUp=true
         -Dpageframe.measure=true -Dpageframe.measure.exitAfter="${PAGEFRAME_TRAIN_SECONDS:-0}"
         -Dpageframe.config.dir="$out/training-profile/config" -Dpageframe.data.dir="$out/training-profile/data"
         -cp "$appdir/pageframe.jar" dev.pageframe.ui.PageframeLauncher)
  if [ -n "${DISPLAY:-}" ] || [ "$os" != linux ]; then
    "${train[@]}" > "$out/training.log" 2>&1
  elif command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1600x1000x24" "${train[@]}" > "$out/training.log" 2>&1
  else
    echo "installer/build.sh: the start-up cache needs a display or xvfb-run (apt-get install xvfb); or pass --no-cache" >&2
    exit 2
  fi
  grep -q '^dev/pageframe/ui/PageframeApp ' "$out/pageframe.classlist" 2>/dev/null \
    || { cat "$out/training.log" >&2; echo "installer/build.sh: no class list of the app's start was written" >&2; exit 1; }
  gzip -9 -n -c "$out/pageframe.classlist" > "$appdir/pageframe.classlist.gz"
  # The installed packages make the cache with the same script (their postinst), from the image's copy.
  [ "$os" = linux ] && cp "$here/startup-cache.sh" "$appdir/startup-cache.sh"
  sh "$here/startup-cache.sh" "$java" "$appdir"
fi

# 5. The packages, made from the image as it is, but for the start-up cache on Linux: the .deb and .rpm make it
# when they are installed (their postinst and %post run lib/app/startup-cache.sh; their prerm and %preun remove it).
# The .deb's control file (linux/resources/control, jpackage's own but for this) states the size the package takes
# once installed, the start-up cache its postinst makes included, so that apt says how much disk it will use.
resources=()
if [ -d "$here/$os/resources" ]; then
  mkdir -p "$out/resources"
  installed_kib=$(find "$image" -type f -printf '%s\n' | awk '{ kib += int(($1 + 1023) / 1024) } END { print kib }')
  for f in "$here/$os/resources"/*; do
    sed "s/PAGEFRAME_INSTALLED_SIZE/$installed_kib/g" "$f" > "$out/resources/$(basename "$f")"
  done
  # The menu entry's icon: given an app image, jpackage takes it from the resource folder by the package's name, and
  # without one there it ships its own default (a 32 px Duke), whatever --icon says.
  if [ "$os" = linux ]; then cp "$here/linux/pageframe.png" "$out/resources/pageframe.png"; fi
  resources=(--resource-dir "$out/resources")
fi
aside=""
if [ "$os" = linux ] && [ -f "$appdir/pageframe.aot" ]; then
  aside="$out/pageframe.aot.aside"
  mv "$appdir/pageframe.aot" "$aside"
  trap 'mv "$aside" "$appdir/pageframe.aot"' EXIT
fi
for type in $types; do
  [ "$type" = app-image ] && continue
  case "$type" in
    deb) command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null \
           || { echo "installer/build.sh: skipping .deb: needs dpkg-deb and fakeroot (apt-get install fakeroot)" >&2; continue; } ;;
    rpm) command -v rpmbuild >/dev/null \
           || { echo "installer/build.sh: skipping .rpm: needs rpmbuild (apt-get install rpm)" >&2; continue; } ;;
  esac
  "$JAVA_HOME/bin/jpackage" @"$here/common.args" @"$here/$os/package.args" \
    --type "$type" --app-version "$version" --app-image "$image" ${resources[@]+"${resources[@]}"} --dest "$out"
done
if [ -n "$aside" ]; then
  mv "$aside" "$appdir/pageframe.aot"
  trap - EXIT
fi
echo "installer/build.sh: $(cd "$out" && ls -d image/* *.deb *.rpm *.dmg *.msi 2>/dev/null | tr '\n' ' ')in $out"
