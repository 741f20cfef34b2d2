#!/bin/sh
# valgrind.sh: `make valgrind`. Runs lede under memcheck over the bundled
# sample, the fixtures and, when ../shared is there, the seed and the
# whole corpus, with every query and writer (tests/valgrind.lua), in one
# process. Passes only with zero errors and zero bytes definitely lost.
set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
files="tests/fixtures/*.txt"
if [ -d ../shared ]; then
  files="$files ../shared/seed.txt ../shared/corpus/*.txt"
else
  echo "note: ../shared is absent: only the bundled fixtures are checked"
fi
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# shellcheck disable=SC2086
valgrind --tool=memcheck --error-exitcode=99 --leak-check=full \
  --errors-for-leak-kinds=definite --log-file="$log" \
  "$BUILD/lede" tests/valgrind.lua $files
rc=$?
grep -E "ERROR SUMMARY|definitely lost|in use at exit" "$log"
n=$(echo $files | wc -w)
if [ "$rc" = 0 ]; then
  echo "valgrind: $n articles, 0 errors, 0 bytes definitely lost"
else
  sed -n '1,60p' "$log"
  echo "valgrind: FAILED (exit $rc)"
  exit 1
fi
