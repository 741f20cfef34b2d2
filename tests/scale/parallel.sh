#!/bin/sh
# parallel.sh: the GNU parallel pipelines of docs/scale.md, run locally over
# ../shared/corpus; each merged output must equal the single-process run.
# Usage: sh tests/scale/parallel.sh BUILD_DIR
# Prints "ok N - name" / "not ok N - name" lines, or one "skip" line when
# ../shared/corpus or GNU parallel is absent, and exits 1 on a failure.

set -u
BUILD=${1:-build}
CORPUS=../shared/corpus
LEDE=$(cd "$BUILD" && pwd)/lede
if [ ! -d "$CORPUS" ]; then
  echo "skip: $CORPUS is absent: the GNU parallel pipeline is not tested"
  exit 0
fi
if ! parallel --version >/dev/null 2>&1; then
  echo "skip: GNU parallel is not installed (make deps installs it)"
  exit 0
fi
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
N=0
FAILED=0

# check NAME WANT GOT: the two files must be equal and not empty.
check() {
  N=$((N + 1))
  if [ -s "$2" ] && cmp -s "$2" "$3"; then
    echo "ok $N - $1"
  else
    echo "not ok $N - $1"
    diff "$2" "$3" | head -n 10 | sed 's/^/    /'
    FAILED=1
  fi
}

# What each article gives: path, title, paragraphs, sentences, quotes.
cat >"$TMP/stats.lua" <<'LUA'
print(article.path, article.title or "-", #article.paragraphs,
      #article:sentences(), #article:quotes())
LUA
find "$CORPUS" -name '*.txt' | LC_ALL=C sort >"$TMP/files"

# Files: one lede over all of them, against parallel's jobs of 20 files.
# shellcheck disable=SC2046
"$LEDE" -q -j 1 "$TMP/stats.lua" $(cat "$TMP/files") >"$TMP/one.txt"
parallel --will-cite -k -j 2 -N 20 "$LEDE" -q -j 1 "$TMP/stats.lua" \
  <"$TMP/files" >"$TMP/par.txt"
check "parallel -k -N 20 over the corpus files equals one lede" \
  "$TMP/one.txt" "$TMP/par.txt"

# JSON Lines: parallel --pipe cuts the stream into blocks of 25 lines; the
# records, less the line number (which counts within each block), and
# joined by id, equal one lede --jsonl over the whole stream.
awk '{ printf "{\"id\":%d,\"path\":\"%s\"}\n", NR, $0 }' "$TMP/files" >"$TMP/in.jsonl"
CODE='return {title = article.title, sentences = #article:sentences()}'
"$LEDE" --jsonl -q -j 1 -e "$CODE" <"$TMP/in.jsonl" |
  sed 's/^{"line":[0-9]*,/{/' >"$TMP/one.jsonl"
parallel --will-cite --pipe -k -j 2 -N 25 "$LEDE" --jsonl -q -j 1 -e "'$CODE'" \
  <"$TMP/in.jsonl" | sed 's/^{"line":[0-9]*,/{/' >"$TMP/par.jsonl"
check "parallel --pipe -k over JSON Lines equals one lede --jsonl" \
  "$TMP/one.jsonl" "$TMP/par.jsonl"

# lede's own workers give the same as one process.
# shellcheck disable=SC2046
"$LEDE" -q -j 2 "$TMP/stats.lua" $(cat "$TMP/files") >"$TMP/j2.txt"
check "lede -j 2 over the corpus files equals -j 1" "$TMP/one.txt" "$TMP/j2.txt"
exit "$FAILED"
