#!/usr/bin/env bash
# make bench / make bench-scale: the measurements of issue 8 in one run. Every figure is the ratio of two things
# measured in this run, with the median and spread of several runs; the table is printed and written, with the
# machine it ran on, to bench/RESULTS.md (make bench) or bench/RESULTS-scale.md (make bench-scale).
#   bench/run.sh         P1-P10, with P3 at 1,000 and 10,000 articles
#   bench/run.sh scale   P4: 10,000 and 100,000 articles, tag-based related, ours only (Hugo would need tens of GB)
#   bench/run.sh coldstart   P5, P6 and the function jars only (a few minutes; no corpus, no Hugo)
#   bench/run.sh p3      P3 only (re-render 1,000 and 10,000 vs Hugo), written to bench/RESULTS-p3.md
# BENCH_RUNS (default 3) sets the runs per figure. Corpora are generated once into bench/work and reused.
set -euo pipefail
MODE="${1:-all}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
HUGO_BENCH="$ROOT/bench/hugo"
WORK="$ROOT/bench/work"
LIB="$WORK/lib"
RUNS="${BENCH_RUNS:-3}"
MVN="${MVN:-mvn}"
RESULTS="$WORK/results-$MODE.txt"
mkdir -p "$WORK"
: > "$RESULTS"
started=$(date +%s)

log() { printf '\n== %s\n' "$*" >&2; }

if [[ $MODE != coldstart ]] && ! command -v hugo >/dev/null; then
  log "installing Hugo"
  apt-get install -y hugo >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y hugo >/dev/null; }
fi

log "building"
"$MVN" -q -B -pl functions/articles-api,bench -am package -DskipTests
if [[ $MODE != p3 ]]; then
  "$MVN" -q -B -pl functions/comments-api,functions/share-api,functions/render-worker -am package -DskipTests \
    || log "the comments, share and render functions did not build; their jar sizes are left out"
fi
"$MVN" -q -B -pl functions/core -am compile dependency:build-classpath -Dmdep.includeScope=runtime \
  -Dmdep.outputFile=target/runtime-classpath.txt
cp functions/core/target/runtime-classpath.txt "$WORK/core-deps.txt"

# What is measured is copied first, so nothing another build does to target/ can change it mid-run.
rm -rf "$LIB" && mkdir -p "$LIB"
jar cf "$LIB/core.jar" -C functions/core/target/classes .
jar cf "$LIB/local-servers.jar" -C local/servers/target/classes .
jar cf "$LIB/bench.jar" -C bench/target/classes .
cp functions/articles-api/target/articles-api.jar "$LIB/"
cp bench/target/bench-*-constant-function.jar "$LIB/constant-function.jar"
for function in comments-api share-api render-worker; do cp "functions/$function/target/$function.jar" "$LIB/" 2>/dev/null || true; done
echo "$LIB/bench.jar:$(sed -e "s#$ROOT/functions/core/target/classes#$LIB/core.jar#" \
  -e "s#$ROOT/local/servers/target/classes#$LIB/local-servers.jar#" bench/target/classpath.txt)" > "$LIB/bench-classpath.txt"
BENCH_CP="$(cat "$LIB/bench-classpath.txt")"
export REBUILD_CLASSPATH="$LIB/core.jar:$(cat "$WORK/core-deps.txt")"
# the rebuild's class-data archive (bench/rebuild.sh) is made by the first, warm-up, run of each size
export REBUILD_CDS_DIR="$LIB"
export SITE_BASE_URL="https://news.example.org" SITE_NAME="Example News"

# A corpus of N articles, as a Hugo site and as our archive (articles-json/): both render identical content.
corpus() {
  local n=$1 dir="$WORK/corpus-$1"
  if [[ ! -f "$dir/articles-json/manifest.tsv" || $(($(wc -l < "$dir/articles-json/manifest.tsv") - 1)) -ne $n ]]; then
    log "generating $n articles"
    bash "$HUGO_BENCH/gen-hugo-site.sh" "$n" "$dir" pinned >/dev/null
  fi
}

# Runs a command under /usr/bin/time -v and records its wall seconds and peak RSS (MiB) as NAME.wall, NAME.rss.
timed() {
  local name=$1; shift
  if ! /usr/bin/time -v "$@" > "$WORK/last.out" 2> "$WORK/time.txt"; then
    cat "$WORK/last.out" "$WORK/time.txt" >&2
    exit 1
  fi
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/{n=split($2,t,":"); s=0; for(i=1;i<=n;i++) s=s*60+t[i]; print s}' "$WORK/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/{printf "%.1f", $2/1024}' "$WORK/time.txt")
  echo "RESULT $name.wall $wall" >> "$RESULTS"
  echo "RESULT $name.rss $rss" >> "$RESULTS"
  printf '%-22s %6s s %8s MiB   %s\n' "$name" "$wall" "$rss" "$(head -c 160 "$WORK/last.out")" >&2
}

# Full re-renders into an empty folder each run, after one warm-up run that fills the page cache. With Hugo, the
# two alternate run by run, so a busy moment on this shared machine hits both alike.
rerender() {
  local n=$1 name=$2 related=$3 hugo_name=$4 dir="$WORK/corpus-$1"
  corpus "$n"
  log "re-rendering $n articles ($related related), $RUNS runs"
  bench/rebuild.sh "$dir/articles-json" "$WORK/site" "$related" >/dev/null
  if [[ $hugo_name != none ]]; then (cd "$dir" && rm -rf public && hugo --quiet >/dev/null); fi
  for _ in $(seq "$RUNS"); do
    if [[ $hugo_name != none ]]; then
      rm -rf "$dir/public"
      timed "$hugo_name" hugo --quiet --source "$dir"
    fi
    rm -rf "$WORK/site"
    timed "$name" bench/rebuild.sh "$dir/articles-json" "$WORK/site" "$related"
  done
  echo "RESULT $name.files $(find "$WORK/site" -type f | wc -l)" >> "$RESULTS"
}

coldstart() {
  log "P5, P6: cold starts and priming in fresh JVMs"
  java -cp "$BENCH_CP" com.newsdesk.bench.coldstart.ColdStartBench "$ROOT" "$LIB" $((RUNS + 2)) \
    2>"$WORK/coldstart.err" | tee -a "$RESULTS" | { grep -v '^RESULT' || true; } >&2 \
    || log "cold-start measurements failed: see $WORK/coldstart.err"
}

if [[ $MODE == coldstart ]]; then
  coldstart
elif [[ $MODE == scale ]]; then
  rerender 10000 p4.tags.10k tags none
  rerender 100000 p4.tags.100k tags none
elif [[ $MODE == p3 ]]; then
  rerender 1000 p3.ours.1k pinned p3.hugo.1k
  rerender 10000 p3.ours.10k pinned p3.hugo.10k
else
  rerender 1000 p3.ours.1k pinned p3.hugo.1k
  rerender 10000 p3.ours.10k pinned p3.hugo.10k
  rerender 10000 p4.tags.10k tags none

  log "P2, P7-P10: publishing into a site of 10,000 held in the local DynamoDB and S3, the render queue in ElasticMQ"
  java -cp "$BENCH_CP" com.newsdesk.bench.publish.PublishBench "$WORK/corpus-10000/articles-json" 3 $((RUNS * 3)) \
    2>"$WORK/publish.err" | tee -a "$RESULTS" | { grep -v '^RESULT' || true; } >&2

  coldstart

  log "P1: JMH, Pebble vs hand-written"
  java -cp "$BENCH_CP" org.openjdk.jmh.Main ArticlePageBench -f "$RUNS" -wi 3 -w 1s -i 3 -r 1s -t 1 \
    -rf json -rff "$WORK/jmh.json" > "$WORK/jmh.txt"
  java -cp "$BENCH_CP" com.newsdesk.bench.page.JmhResults "$WORK/jmh.json" >> "$RESULTS"
fi

# Each figure beside the previous run's: the raw measurements are kept with the table (bench/results*.txt).
ROWS=(); OUT="bench/RESULTS.md"; TITLE="make bench"; RAW="bench/results.txt"
if [[ $MODE == scale ]]; then ROWS=(P4); OUT="bench/RESULTS-scale.md"; TITLE="make bench-scale"; RAW="bench/results-scale.txt"; fi
if [[ $MODE == coldstart ]]; then ROWS=(P5 P6); OUT="bench/RESULTS-coldstart.md"; TITLE="bench/run.sh coldstart"; RAW="bench/results-coldstart.txt"; fi
TABLE="$(java -cp "$BENCH_CP" com.newsdesk.bench.report.ResultsTable "$RESULTS" --previous "$RAW" "${ROWS[@]}")"
{ echo "# make bench raw measurements, $(date -u +'%Y-%m-%d %H:%M UTC') at $(git rev-parse --short HEAD): the previous run for the next table"
  grep '^RESULT ' "$RESULTS"; } > "$RAW"
ROWS=(); OUT="bench/RESULTS.md"; TITLE="make bench"
if [[ $MODE == scale ]]; then ROWS=(P4); OUT="bench/RESULTS-scale.md"; TITLE="make bench-scale"; fi
if [[ $MODE == p3 ]]; then ROWS=(P3); OUT="bench/RESULTS-p3.md"; TITLE="bench/run.sh p3"; fi
TABLE="$(java -cp "$BENCH_CP" com.newsdesk.bench.report.ResultsTable "$RESULTS" "${ROWS[@]}")"
{
  echo "# $TITLE: results"
  echo
  echo "Run $(date -u +'%Y-%m-%d %H:%M UTC') at $(git rev-parse --short HEAD) in $(( $(date +%s) - started )) s, $RUNS runs per figure."
  echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(free -h | awk '/^Mem:/{print $2}') memory ($(free -h | awk '/^Mem:/{print $7}') available), $(java -version 2>&1 | head -1), $(hugo version 2>/dev/null | cut -d' ' -f1-2)."
  echo "Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo
  echo "$TABLE"
  if [[ $MODE == all && -f bench/NOTES.md ]]; then echo; cat bench/NOTES.md; fi
} > "$OUT"
echo "$TABLE"
echo
echo "written to $OUT"
