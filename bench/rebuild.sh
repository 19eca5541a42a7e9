#!/usr/bin/env bash
# make rebuild DIR=<archive> OUT=<folder> [RELATED=tags]: the whole site rendered again from an article archive
# (DIR/manifest.tsv and DIR/<slug>.json, as ../shared/bench/gen-hugo-site.sh writes in articles-json/) into OUT,
# with the production templates. Site settings come from the environment as in Lambda: SITE_BASE_URL (required),
# SITE_NAME, SITE_LANGUAGE, SITE_TIME_ZONE. bench/run.sh passes REBUILD_CLASSPATH to time the command alone.
set -euo pipefail
ARCHIVE="${1:?usage: rebuild.sh ARCHIVE_DIR OUTPUT_DIR [pinned|tags]}"
OUT="${2:?usage: rebuild.sh ARCHIVE_DIR OUTPUT_DIR [pinned|tags]}"
RELATED="${3:-pinned}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
MVN="${MVN:-mvn}"

if [[ -z "${REBUILD_CLASSPATH:-}" ]]; then
  "$MVN" -q -B -f "$ROOT/pom.xml" -pl functions/core -am install -DskipTests
  DEPS="$(mktemp)"
  "$MVN" -q -B -f "$ROOT/pom.xml" -pl functions/core dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$DEPS"
  REBUILD_CLASSPATH="$ROOT/functions/core/target/core-1.0.0-SNAPSHOT.jar:$(cat "$DEPS")"
  rm -f "$DEPS"
fi

# The JVM options are part of the command; bench/RESULTS.md shows the measurements behind them.
exec java ${REBUILD_JAVA_OPTS:-} -cp "$REBUILD_CLASSPATH" com.newsdesk.core.rebuild.RebuildCommand "$ARCHIVE" "$OUT" "--related=$RELATED"
