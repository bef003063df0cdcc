#!/usr/bin/env bash
# Turns installer/runtime-trim.txt into jlink --exclude-resources patterns, one a line (jlink reads them with @FILE).
# A package line becomes one pattern per package it covers, taking all of the package's files but the classes it keeps,
# or else its smallest file; the packages and sizes come from the JDK's own image (jimage list). The smallest file is
# never one that a regex: line takes (those are read here as POSIX regexes too: keep them to what both dialects mean
# alike). Fails on a line that covers no package or keeps no class of the JDK, so that a renamed package is noticed.
# A line that starts with a system's name and a colon (linux:, macos:, windows:) is for that system's JDK only.
# Usage: installer/runtime-excludes.sh TRIM_FILE JDK_HOME linux|macos|windows > patterns.txt
set -euo pipefail
trim=$1 jdk=$2 os=$3
"$jdk/bin/jimage" list --verbose "$jdk/lib/modules" | awk -v trim="$trim" -v os="$os" '
  function quote(s) { gsub(/[.$]/, "\\\\&", s); return s }
  BEGIN {
    while ((getline line < trim) > 0) {
      sub(/[ \t\r]+$/, "", line)
      if (line ~ /^[ \t]*(#|$)/) continue
      if (line ~ /^[a-z]+:[ \t]/) {
        if (substr(line, 1, length(os) + 1) != os ":") continue
        sub(/^[a-z]+:[ \t]+/, "", line)
      }
      if (line ~ /^regex:/) { plain[++nplain] = substr(line, 7) }
      if (line ~ /^(\/|regex:|glob:)/) { print line; continue }
      n = split(line, f, /[ \t]+/)
      if (n < 2 || (n > 2 && f[3] != "keep") || n == 3) { print "runtime-excludes: cannot read: " line > "/dev/stderr"; bad = 1; continue }
      rules++; rmod[rules] = f[1]; rpkg[rules] = f[2]; rtext[rules] = line
      for (k = 4; k <= n; k++) {  # a class that stays: its folder, then its file
        c = f[k]; m = split(c, cp, "."); d = substr(c, 1, length(c) - length(cp[m]) - 1); gsub(/\./, "/", d); d = f[1] "/" d
        if (d in keep) keep[d] = keep[d] "|"
        keep[d] = keep[d] quote(cp[m] ".class"); wanted[d "/" cp[m] ".class"] = c
      }
    }
  }
  { sub(/\r$/, "") }  # jimage on Windows ends its lines with CR LF
  /^Module: / { mod = $2; next }
  NF == 4 && $2 ~ /^[0-9]+$/ {
    path = $4; n = split(path, p, "/")
    if (n < 2) next
    dir = substr(path, 1, length(path) - length(p[n]) - 1); pkg = dir; gsub("/", ".", pkg)
    for (r = 1; r <= rules; r++) {
      if (rmod[r] != mod) continue
      want = rpkg[r]
      if (want ~ /\.\*$/) { base = substr(want, 1, length(want) - 2); hit = (pkg == base || index(pkg, base ".") == 1) }
      else hit = (pkg == want)
      if (!hit) continue
      key = mod "/" dir; used[r] = 1
      if ((key "/" p[n]) in wanted) delete wanted[key "/" p[n]]
      for (q = 1; q <= nplain; q++) if (("/" mod "/" path) ~ ("^" plain[q] "$")) next
      if (!(key in smallest) || $2 + 0 < size[key]) { smallest[key] = p[n]; size[key] = $2 + 0 }
      break
    }
  }
  END {
    for (r = 1; r <= rules; r++) if (!used[r]) { print "runtime-excludes: no such package in the JDK: " rtext[r] > "/dev/stderr"; bad = 1 }
    for (c in wanted) { print "runtime-excludes: no such class in the JDK: " wanted[c] > "/dev/stderr"; bad = 1 }
    if (bad) exit 1
    for (key in smallest) print "regex:/" quote(key) "/(?!(" ((key in keep) ? keep[key] : quote(smallest[key])) ")$)[^/]+"
  }' | sort
