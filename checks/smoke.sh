#!/usr/bin/env bash
# make smoke [BASE=http://localhost:3000] [TOKEN=<editor JWT>]: the README's walk through a running stack, local or
# deployed, as an editor and a reader would take it. Each step prints one line; the first failure stops the walk
# with what was expected and what came back. Pages behind a CDN are polled for up to SMOKE_WAIT seconds (default
# 90), since a purge takes a moment to reach every edge.
# Needs bash, curl and grep. The article it creates has a slug of its own (smoke-<time>) and is left unpublished.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BASE="${1:-${BASE:-http://localhost:3000}}"
BASE="${BASE%/}"
TOKEN="${TOKEN:-}"
if [[ -z "$TOKEN" && -f "$ROOT/.local/editor.token" ]]; then TOKEN="$(cat "$ROOT/.local/editor.token")"; fi
[[ -n "$TOKEN" ]] || { echo "smoke: no editor token: pass TOKEN=<JWT of a member of editors>" >&2; exit 2; }
WAIT="${SMOKE_WAIT:-90}"
SLUG="smoke-$(date +%s)-$RANDOM"
API="$BASE/api"
ARTICLE="$ROOT/samples/articles/night-buses-return.json"
SECTION="city"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
step=0

fail() { printf 'FAIL  %s\n' "$*" >&2; [[ -s "$WORK/body" ]] && head -c 600 "$WORK/body" >&2 && echo >&2; exit 1; }
ok() { step=$((step + 1)); printf 'ok %2d %s\n' "$step" "$*"; }

# call METHOD URL [curl args...]: the status in $status, headers in $WORK/headers, body in $WORK/body
call() {
  local method="$1" url="$2"; shift 2
  status=$(curl -sS -o "$WORK/body" -D "$WORK/headers" -w '%{http_code}' --max-time 30 -X "$method" "$url" "$@") \
    || fail "$method $url: no answer"
}
editor() { call "$@" -H "Authorization: Bearer $TOKEN"; }
expect() { [[ "$status" == "$1" ]] || fail "$2: expected $1, got $status"; }
header() { grep -i "^$1:" "$WORK/headers" | head -n 1 | cut -d' ' -f2- | tr -d '\r'; }
field() { grep -o "\"$1\":\"[^\"]*\"" "$WORK/body" | head -n 1 | cut -d'"' -f4; }
contains() { grep -qF -- "$1" "$WORK/body"; }

# until_page URL STATUS [TEXT] [absent]: poll a reader's URL until it answers STATUS and holds (or lacks) TEXT
until_page() {
  local url="$1" want="$2" text="${3:-}" absent="${4:-}" deadline=$((SECONDS + WAIT))
  while :; do
    call GET "$url" -H 'Cache-Control: no-cache'
    if [[ "$status" == "$want" ]]; then
      if [[ -z "$text" ]]; then return 0; fi
      if [[ -n "$absent" ]] && ! contains "$text"; then return 0; fi
      if [[ -z "$absent" ]] && contains "$text"; then return 0; fi
    fi
    ((SECONDS < deadline)) || fail "GET $url: wanted $want${text:+ ${absent:+without}${absent:-with} \"$text\"}, got $status"
    sleep 1
  done
}

editor PUT "$API/articles/$SLUG" -H 'Content-Type: application/json' --data-binary "@$ARTICLE"
expect 201 "create the draft"
etag=$(header ETag)
ok "created the draft $SLUG (ETag $etag)"

editor PUT "$API/articles/$SLUG" -H "If-Match: $etag" -H 'Content-Type: application/json' --data-binary "@$ARTICLE"
expect 200 "update it with the ETag"
editor PUT "$API/articles/$SLUG" -H "If-Match: $etag" -H 'Content-Type: application/json' --data-binary "@$ARTICLE"
expect 412 "update it again with the stale ETag"
ok "updated it with its ETag; the stale ETag got 412"

editor GET "$API/articles/$SLUG/revisions"
expect 200 "list its versions"
contains '"version":2' && contains '"version":1' || fail "the versions 2 and 1 are not both listed"
ok "both versions are kept"

editor GET "$API/articles/$SLUG/preview"
expect 200 "preview"
contains 'noindex' || fail "the preview is not marked noindex"
ok "previewed it (noindex)"

editor POST "$API/articles/$SLUG/publish"
expect 200 "publish"
page="$BASE/$SECTION/$SLUG/"
ok "published it"

until_page "$page" 200 'Night buses return'
ok "the page answers at $page"
until_page "$BASE/" 200 "/$SECTION/$SLUG/"
ok "the home page lists it"
until_page "$BASE/$SECTION/" 200 "/$SECTION/$SLUG/"
ok "the section page lists it"
until_page "$BASE/feed.xml" 200 "/$SECTION/$SLUG/"
ok "the feed holds it"
until_page "$BASE/sitemaps/news.xml" 200 "/$SECTION/$SLUG/"
ok "the news sitemap holds it"

remark="Smoke test remark $SLUG"
call POST "$API/articles/$SLUG/comments" -H 'Content-Type: application/json' -A 'Mozilla/5.0 (smoke)' \
  --data-binary "{\"name\":\"Smoke Reader\",\"email\":\"smoke@example.org\",\"body\":\"$remark\"}"
expect 202 "post a comment"
comment=$(field id)
[[ -n "$comment" ]] || fail "the comment's answer has no id"
ok "posted a comment ($comment), held for moderation"

editor POST "$API/articles/$SLUG/comments/$comment/moderation" -H 'Content-Type: application/json' \
  --data-binary '{"action":"approve"}'
expect 200 "approve the comment"
until_page "$page" 200 "$remark"
ok "approved it: the comment is on the page"

call POST "$API/articles/$SLUG/share-links" -H 'Content-Type: application/json' --data-binary '{"channel":"x"}'
[[ "$status" == 200 || "$status" == 201 ]] || fail "create a share link: expected 200 or 201, got $status"
code=$(field code)
[[ -n "$code" ]] || fail "the share link's answer has no code"
call GET "$BASE/s/$code" -A 'Mozilla/5.0 (smoke)'
expect 301 "follow the share link"
location=$(header Location)
[[ "$location" == *"/$SECTION/$SLUG/?utm_source=x&utm_medium=social&utm_campaign=share" ]] \
  || fail "the share link leads to $location"
ok "the share link /s/$code answers 301 to the page with its UTM"

editor POST "$API/articles/$SLUG/unpublish"
expect 200 "unpublish"
until_page "$page" 410
ok "unpublished it: the page answers 410"
until_page "$BASE/$SECTION/" 200 "/$SECTION/$SLUG/" absent
ok "the section page no longer lists it"

echo "smoke: all $step steps passed against $BASE"
