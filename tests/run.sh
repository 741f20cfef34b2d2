#!/bin/sh
# run.sh: runs every test suite of lede, says how each went, and ends with
# one line "N passed, N failed" summed over the suites; exits 1 when any
# test failed. `make test` calls it; BUILD (default build) names the build.
# Suites: cmocka unit tests ($BUILD/tests/test_*), the thread test under
# ThreadSanitizer ($BUILD/tsan/test_threads), busted specs
# (tests/lua), command-line cases (tests/cli/*.cases), REPL scripts run in
# a pseudo-terminal (tests/cli/repl/*.pty), the html writer in headless
# Chromium (tests/browser/run.lua), the GNU parallel pipelines of
# docs/scale.md (tests/scale/parallel.sh), a short run of each libFuzzer
# harness and the fuzz regression files (tests/fuzz/run.sh smoke;
# FUZZ_BUILD, default build-fuzz, names the harnesses' build).

set -u
cd "$(dirname "$0")/.." || exit 2
BUILD=${BUILD:-build}
PASSED=0
FAILED=0
LOG=$(mktemp)
SCRATCH=$(mktemp -d)
trap 'rm -rf "$LOG" "$SCRATCH"' EXIT

# tally NAME PASSED FAILED: print a suite's result and add it up.
tally() {
  printf '%s: %d passed, %d failed\n' "$1" "$2" "$3"
  PASSED=$((PASSED + $2))
  FAILED=$((FAILED + $3))
}

# indent: show a failure's details under its suite line.
indent() {
  sed 's/^/    /'
}

# The sanitizer build's lede.so needs its runtimes preloaded into the stock
# lua5.4 that busted runs in; leaks of lua5.4 itself are not ours.
sanitizer_env() {
  if [ "${LEDE_SANITIZE:-}" = 1 ]; then
    LD_PRELOAD="$(cc -print-file-name=libasan.so) $(cc -print-file-name=libubsan.so)"
    ASAN_OPTIONS=detect_leaks=0
    export LD_PRELOAD ASAN_OPTIONS
  fi
}

# cmocka prints "[  PASSED  ] N test(s)." and "[  FAILED  ] N test(s)...";
# a binary that dies before its summary counts as one failure.
unit_suite() {
  found=0
  for bin in "$BUILD"/tests/test_*; do
    [ -x "$bin" ] || continue
    found=1
    "$bin" >"$LOG" 2>&1
    rc=$?
    # A binary may run several groups: add up every summary line.
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\..*/\1/p' "$LOG" |
        awk '{ n += $1 } END { print n + 0 }')
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test(s).*/\1/p' "$LOG" |
        awk '{ n += $1 } END { print n + 0 }')
    p=${p:-0}
    f=${f:-0}
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
      f=1
    fi
    tally "unit $(basename "$bin")" "$p" "$f"
    if [ "$f" != 0 ]; then
      grep -v -e '^\[ RUN      \]' -e '^\[       OK \]' "$LOG" | indent
    fi
  done
  [ "$found" = 1 ] || echo "unit: no cmocka tests in $BUILD/tests"
}

# The thread test built with -fsanitize=thread: a data race in the core
# makes it exit non-zero with TSan's report.
tsan_suite() {
  bin="$BUILD/tsan/test_threads"
  if [ ! -x "$bin" ]; then
    echo "tsan: skipped ($bin not built: the compiler lacks -fsanitize=thread, or a sanitizer build)"
    return
  fi
  TSAN_OPTIONS="halt_on_error=1 exitcode=66" "$bin" >"$LOG" 2>&1
  rc=$?
  p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test(s)\..*/\1/p' "$LOG")
  if [ "$rc" = 0 ] && [ -n "$p" ]; then
    tally "tsan test_threads" "$p" 0
  else
    tally "tsan test_threads" 0 1
    indent <"$LOG"
  fi
}

# busted's TAP output: count "ok" and "not ok"; show each "not ok" with
# the diagnostics under it.
lua_suite() {
  if ! ls tests/lua/*_spec.lua >/dev/null 2>&1; then
    echo "lua: no specs in tests/lua"
    return
  fi
  (sanitizer_env; LUA_CPATH="$BUILD/?.so;;" lua5.4 "$(command -v busted)" \
    -o TAP tests/lua) >"$LOG" 2>&1
  rc=$?
  p=$(grep -c '^ok ' "$LOG")
  f=$(grep -c '^not ok ' "$LOG")
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    f=1
    tally "lua (busted)" "$p" "$f"
    indent <"$LOG"
    return
  fi
  tally "lua (busted)" "$p" "$f"
  if [ "$f" != 0 ]; then
    awk '/^not ok /{show=1; print; next} /^(ok |[0-9]+\.\.)/{show=0} show' \
      "$LOG" | indent
  fi
}

# tests/cli/run.lua ends with its own "N passed, N failed" line.
cli_suite() {
  lua5.4 tests/cli/run.lua "$BUILD" tests/cli/*.cases >"$LOG" 2>&1
  line=$(tail -n 1 "$LOG")
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    tally "cli" 0 1
    indent <"$LOG"
    return
  fi
  tally "cli" "$p" "$f"
  if [ "$f" != 0 ]; then
    sed '$d' "$LOG" | grep -v '^ok ' | indent
  fi
}

# One REPL script in a pty. Its header names the command ("# command:")
# and, optionally, a line the history file must then hold ("# history:",
# as libedit writes it: spaces as \040), a number of old entries to put
# in it first ("# prefill:") and how many it may hold at the end
# ("# history-max:"). The history file is a fresh $LEDE_HISTORY per
# script, shared by the runs of one script.
pty_case() {
  script=$1
  home=$SCRATCH/home-$(basename "$script" .pty)
  mkdir -p "$home"
  cmd=$(sed -n 's/^# command: //p' "$script")
  want=$(sed -n 's/^# history: //p' "$script")
  fill=$(sed -n 's/^# prefill: //p' "$script")
  max=$(sed -n 's/^# history-max: //p' "$script")
  if [ -n "$fill" ]; then
    { echo _HiStOrY_V2_; seq 1 "$fill" | sed 's/^/old/'; } >"$home/history"
  fi
  # $cmd is split into words on purpose: commands take no quoting.
  # shellcheck disable=SC2086
  if ! HOME=$home LEDE_HISTORY=$home/history TERM=xterm PATH="$BINDIR:$PATH" \
      env -u XDG_STATE_HOME -u NO_COLOR \
      "$BUILD/tests/ptydrive" "$script" $cmd >"$LOG" 2>&1; then
    echo "  not ok - $script" >>"$SCRATCH/repl.log"
    indent <"$LOG" >>"$SCRATCH/repl.log"
    return 1
  fi
  if [ -n "$want" ] && ! grep -q -F -x "$want" "$home/history" 2>/dev/null; then
    echo "  not ok - $script: the history file lacks '$want'" >>"$SCRATCH/repl.log"
    return 1
  fi
  if [ -n "$max" ] && [ $(($(wc -l <"$home/history") - 1)) -gt "$max" ]; then
    echo "  not ok - $script: the history file holds more than $max entries" \
      >>"$SCRATCH/repl.log"
    return 1
  fi
  return 0
}

repl_suite() {
  if [ ! -x "$BUILD/tests/ptydrive" ]; then
    tally "repl (pty)" 0 1
    echo "    $BUILD/tests/ptydrive is missing (make $BUILD/tests/ptydrive)"
    return
  fi
  BINDIR=$(cd "$BUILD" && pwd)
  p=0
  f=0
  : >"$SCRATCH/repl.log"
  for script in tests/cli/repl/*.pty; do
    if pty_case "$script"; then p=$((p + 1)); else f=$((f + 1)); fi
  done
  tally "repl (pty)" "$p" "$f"
  cat "$SCRATCH/repl.log"
}

# tests/browser/run.lua ends with its own "N passed, N failed" line.
browser_suite() {
  # The lede program links the sanitizer runtimes itself: preloading them
  # too (sanitizer_env) would load ASan into chromium, which then spins
  # at start-up and make sanitize never ends.
  if [ "${LEDE_SANITIZE:-}" = 1 ]; then
    (ASAN_OPTIONS=detect_leaks=0 BUILD=$BUILD "$BUILD/lede" tests/browser/run.lua)
  else
    (BUILD=$BUILD "$BUILD/lede" tests/browser/run.lua)
  fi >"$LOG" 2>&1
  line=$(tail -n 1 "$LOG")
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    tally "browser (chromium)" 0 1
    indent <"$LOG"
    return
  fi
  tally "browser (chromium)" "$p" "$f"
  if [ "$f" != 0 ]; then
    grep '^not ok' "$LOG" | indent
  fi
}

# tests/scale/parallel.sh: the GNU parallel pipelines of docs/scale.md
# over the corpus, "ok"/"not ok" lines, or one "skip" line without it.
scale_suite() {
  sh tests/scale/parallel.sh "$BUILD" >"$LOG" 2>&1
  rc=$?
  if grep -q '^skip' "$LOG"; then
    echo "scale (GNU parallel): $(sed -n 's/^skip: //p' "$LOG")"
    return
  fi
  p=$(grep -c '^ok ' "$LOG")
  f=$(grep -c '^not ok ' "$LOG")
  if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
    f=1
  fi
  tally "scale (GNU parallel)" "$p" "$f"
  if [ "$f" != 0 ]; then
    grep -v '^ok ' "$LOG" | indent
  fi
}

# tests/fuzz/run.sh smoke ends with its own "N passed, N failed" line.
fuzz_suite() {
  FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz} BUILD=$BUILD sh tests/fuzz/run.sh smoke \
    >"$LOG" 2>&1
  line=$(tail -n 1 "$LOG")
  p=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\1/p')
  f=$(echo "$line" | sed -n 's/^\([0-9]*\) passed, \([0-9]*\) failed$/\2/p')
  if [ -z "$p" ]; then
    tally "fuzz (libFuzzer smoke)" 0 1
    indent <"$LOG"
    return
  fi
  tally "fuzz (libFuzzer smoke)" "$p" "$f"
  if [ "$f" != 0 ]; then
    sed '$d' "$LOG" | grep -v '^ok ' | indent
  fi
}

if [ ! -d ../shared ]; then
  echo "note: ../shared is absent: the corpus tests are skipped"
fi
unit_suite
tsan_suite
lua_suite
cli_suite
repl_suite
browser_suite
scale_suite
fuzz_suite
echo "$PASSED passed, $FAILED failed"
[ "$FAILED" = 0 ]
