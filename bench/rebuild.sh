#!/usr/bin/env bash
# make rebuild DIR=<archive> OUT=<folder> [RELATED=tags]: the whole site rendered again from an article archive
# (DIR/manifest.tsv and DIR/<slug>.json, as bench/hugo/gen-hugo-site.sh writes in articles-json/) into OUT,
# with the production templates. Site settings come from the environment as in Lambda: SITE_BASE_URL (required),
# SITE_NAME, SITE_LANGUAGE, SITE_TIME_ZONE. bench/run.sh passes REBUILD_CLASSPATH to time the command alone.
set -euo pipefail
ARCHIVE="${1:?usage: rebuild.sh ARCHIVE_DIR OUTPUT_DIR [pinned|tags]}"
OUT="${2:?usage: rebuild.sh ARCHIVE_DIR OUTPUT_DIR [pinned|tags]}"
RELATED="${3:-pinned}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MVN="${MVN:-mvn}"

if [[ -z "${REBUILD_CLASSPATH:-}" ]]; then
  # One reactor run, so a fresh clone needs none of the project's own artifacts installed; each module writes its
  # own target/runtime-classpath.txt.
  "$MVN" -q -B -f "$ROOT/pom.xml" -pl functions/core -am package dependency:build-classpath -DskipTests \
    -Dmdep.includeScope=runtime -Dmdep.outputFile=target/runtime-classpath.txt
  REBUILD_CLASSPATH="$ROOT/functions/core/target/core-1.0.0-SNAPSHOT.jar:$(cat "$ROOT/functions/core/target/runtime-classpath.txt")"
fi

# Part of the command, measured (bench/NOTES.md): C1 only, as the functions run, because on two cores C2's compiling
# cost more than its faster code saved (10,000 articles: 19 s instead of 33 s); the serial collector and a capped
# heap hold peak RSS near 210 MiB where G1's own sizing took 555 MiB. The site is streamed: 100,000 articles keep
# only some 130 MB live.
JAVA_OPTS=(${REBUILD_JAVA_OPTS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx512m})
MAIN=(com.newsdesk.core.rebuild.RebuildCommand "$ARCHIVE" "$OUT" "--related=$RELATED")

# Class-data sharing (AppCDS): the first run on a classpath records the classes it loaded into an archive next to
# the build (REBUILD_CDS_DIR), later runs map them instead of loading them from the jars. The archive's name
# hashes the classpath, its files' sizes and times and the JVM, so any rebuild of a jar makes a new one.
# REBUILD_CDS=off runs without it.
if [[ ${REBUILD_CDS:-on} == off ]]; then
  exec java "${JAVA_OPTS[@]}" -cp "$REBUILD_CLASSPATH" "${MAIN[@]}"
fi
CDS_DIR="${REBUILD_CDS_DIR:-$ROOT/functions/core/target}"
KEY=$({ echo "$REBUILD_CLASSPATH"; readlink -f "$(command -v java)"
        tr ':' '\n' <<< "$REBUILD_CLASSPATH" | xargs -d '\n' stat -c '%n %s %Y' 2>/dev/null || true; } | sha1sum | cut -c1-16)
CDS_ARCHIVE="$CDS_DIR/rebuild-$KEY.jsa"
if [[ -f $CDS_ARCHIVE ]]; then
  exec java "${JAVA_OPTS[@]}" -XX:SharedArchiveFile="$CDS_ARCHIVE" -cp "$REBUILD_CLASSPATH" "${MAIN[@]}"
fi
mkdir -p "$CDS_DIR"
# written under another name and moved when complete, so a concurrent run never maps half an archive
status=0
java "${JAVA_OPTS[@]}" -XX:ArchiveClassesAtExit="$CDS_ARCHIVE.$$" -Xlog:cds=off -Xlog:cds+dynamic=off \
  -cp "$REBUILD_CLASSPATH" "${MAIN[@]}" || status=$?
if [[ $status -eq 0 && -f $CDS_ARCHIVE.$$ ]]; then mv "$CDS_ARCHIVE.$$" "$CDS_ARCHIVE"; else rm -f "$CDS_ARCHIVE.$$"; fi
exit $status
