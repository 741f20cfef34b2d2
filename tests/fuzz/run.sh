#!/bin/sh
# tests/fuzz/run.sh: runs the libFuzzer harnesses that `make fuzz-build`
# put in $FUZZ_BUILD/fuzz (default build-fuzz/fuzz).
#   run.sh fuzz [NAME...]   each for FUZZ_SECONDS (default 60), FUZZ_JOBS
#                           (default 2) at a time, growing the corpus in
#                           $FUZZ_BUILD/corpus/NAME; says executions and
#                           crashes per harness; exits 1 on a crash
#   run.sh smoke            each for FUZZ_SMOKE_SECONDS (default 3) from the
#                           small seed set, then every file of
#                           tests/fuzz-regress through each, FUZZ_JOBS at
#                           a time; "ok"/"not ok" lines, then "N passed,
#                           N failed" (for tests/run.sh)
#   run.sh seeds            only make the seeds
# Seeds go to $SEEDS (default build/fuzz-seeds), made at run time from
# ../shared/seed.txt and ../shared/corpus/*.txt (tests/fixtures/*.txt when
# ../shared is absent), and a small set for the smoke from tests/fixtures
# and seed.txt; JSON, YAML and Markdown seeds are those texts as lede's
# writers give them ($BUILD/lede.so, default build).

set -u
cd "$(dirname "$0")/../.." || exit 2
FUZZ_BUILD=${FUZZ_BUILD:-build-fuzz}
BUILD=${BUILD:-build}
SEEDS=${SEEDS:-build/fuzz-seeds}
FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_SMOKE_SECONDS=${FUZZ_SMOKE_SECONDS:-3}
FUZZ_JOBS=${FUZZ_JOBS:-2}
# Bugs show in a few paragraphs, and longer inputs only slow each run
# (seeds are cut to it); a run over FUZZ_TIMEOUT seconds is a hang.
FUZZ_MAX_LEN=${FUZZ_MAX_LEN:-4096}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-10}
BIN=$FUZZ_BUILD/fuzz
REGRESS=tests/fuzz-regress
# Leaks are findings too; a crash stops at once.
ASAN_OPTIONS=${ASAN_OPTIONS:-abort_on_error=0:detect_leaks=1}
UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export ASAN_OPTIONS UBSAN_OPTIONS
unset LD_PRELOAD

# What each harness reads: seed folders (under $SEEDS) and dictionaries.
seeds_of() {
  case $1 in
    markdown) echo "markdown text" ;;
    yaml) echo "yaml" ;;
    json) echo "json" ;;
    lua) echo "text json markdown" ;;
    *) echo "text" ;;
  esac
}
dicts_of() {
  case $1 in
    markdown) echo "markdown text" ;;
    yaml) echo "yaml text" ;;
    json) echo "json text" ;;
    lua) echo "text json markdown" ;;
    *) echo "text" ;;
  esac
}

# The harnesses built, by name.
harnesses() {
  for b in "$BIN"/*; do
    [ -x "$b" ] && [ -f "$b" ] && basename "$b"
  done
}

# Copy text files into $SEEDS/$1 and write them as JSON, YAML and
# Markdown into $SEEDS/$1json, ... ($1 is "" or "smoke-").
seed_set() {
  set_=$1
  shift
  mkdir -p "$SEEDS/${set_}text" "$SEEDS/${set_}json" "$SEEDS/${set_}yaml" \
    "$SEEDS/${set_}markdown"
  for f in "$@"; do
    [ -f "$f" ] && cp "$f" "$SEEDS/${set_}text/"
  done
  [ -f "$BUILD/lede.so" ] || return 0
  LUA_CPATH="$BUILD/?.so;;" lua5.4 tests/fuzz/seeds.lua "$SEEDS" "$set_" \
    "$SEEDS/${set_}text"/* ||
    echo "note: no JSON, YAML or Markdown seeds ($BUILD/lede.so failed)" >&2
}

# The stamp names the layout: a change to it makes the seeds again.
make_seeds() {
  [ -f "$SEEDS/.made-3" ] && return 0
  rm -rf "$SEEDS"
  if [ -d ../shared/corpus ]; then
    seed_set "" ../shared/seed.txt ../shared/corpus/*.txt
  else
    echo "note: ../shared is absent: fuzz seeds come from tests/fixtures" >&2
    seed_set "" tests/fixtures/*.txt
  fi
  seed_set smoke- ../shared/seed.txt tests/fixtures/*.txt
  touch "$SEEDS/.made-3"
}

# The harness's dictionaries as one file (libFuzzer takes one -dict).
dict_for() {
  mkdir -p "$FUZZ_BUILD/dicts"
  d=$FUZZ_BUILD/dicts/$1.dict
  : >"$d"
  for n in $(dicts_of "$1"); do cat "tests/fuzz/$n.dict" >>"$d"; done
  echo "$d"
}

# The seed folders of harness $1; $2 "smoke" for the small set.
seed_dirs() {
  for s in $(seeds_of "$1"); do echo "$SEEDS/${2:+$2-}$s"; done
}

# libFuzzer's figures from a log: executions, seconds, crash file.
report() {
  name=$1 log=$2 rc=$3
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  secs=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
  crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$log" | tail -n 1)
  if [ "$rc" = 0 ]; then
    printf '%-10s %10s executions in %s s, corpus %s files, no crash\n' "$name" \
      "${execs:-?}" "${secs:-?}" "$(find "$FUZZ_BUILD/corpus/$name" -type f | wc -l)"
  else
    printf '%-10s CRASH after %s executions: %s\n' "$name" "${execs:-?}" "${crash:-see $log}"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|.*check failed|lua error)' "$log" |
      head -n 5 | sed 's/^/    /'
  fi
}

fuzz_one() {
  name=$1
  mkdir -p "$FUZZ_BUILD/corpus/$name" "$FUZZ_BUILD/crashes" "$FUZZ_BUILD/logs"
  log=$FUZZ_BUILD/logs/$name.log
  # shellcheck disable=SC2046
  "$BIN/$name" -max_total_time="$FUZZ_SECONDS" -max_len="$FUZZ_MAX_LEN" \
    -timeout="$FUZZ_TIMEOUT" -dict="$(dict_for "$name")" -print_final_stats=1 \
    -artifact_prefix="$FUZZ_BUILD/crashes/$name-" \
    "$FUZZ_BUILD/corpus/$name" $(seed_dirs "$name") >"$log" 2>&1
  report "$name" "$log" $?
}

fuzz() {
  # shellcheck disable=SC2046  # names have no spaces
  [ $# -gt 0 ] || set -- $(harnesses)
  make_seeds
  echo "fuzzing $# harnesses, $FUZZ_SECONDS s each, $FUZZ_JOBS at a time" \
    "(-max_len=$FUZZ_MAX_LEN -timeout=$FUZZ_TIMEOUT)"
  out=$(mktemp -d)
  i=0
  for name in "$@"; do
    fuzz_one "$name" >"$out/$i.run" &
    i=$((i + 1))
    if [ $((i % FUZZ_JOBS)) = 0 ]; then wait; cat "$out"/*.run | tee -a "$out/all"; rm -f "$out"/*.run; fi
  done
  wait
  cat "$out"/*.run 2>/dev/null | tee -a "$out/all"
  ! grep -q CRASH "$out/all"
  rc=$?
  rm -rf "$out"
  return $rc
}

# smoke: "ok - NAME" or "not ok - NAME" with the log's end under it.
result() {
  if [ "$1" = 0 ]; then
    echo "ok - $2"
  else
    echo "not ok - $2"
    if grep -q -E '^(==[0-9]+==ERROR|.*runtime error|.*check failed|lua error)' "$3"; then
      grep -E -A 12 '^(==[0-9]+==ERROR|.*runtime error|.*check failed|lua error)' \
        "$3" | head -n 30 | sed 's/^/    /'
    else
      tail -n 5 "$3" | sed 's/^/    /'
    fi
    grep -E '^Running: ' "$3" | tail -n 1 | sed 's/^/    /'
  fi
}

# One harness for FUZZ_SMOKE_SECONDS from the smoke seeds (the fixtures
# and seed.txt: the whole corpus would take longer to load than to fuzz),
# then the regression files; its lines go to $2/NAME.out.
smoke_one() {
  name=$1 dir=$2
  mkdir -p "$dir/corpus-$name"
  # shellcheck disable=SC2046
  "$BIN/$name" -max_total_time="$FUZZ_SMOKE_SECONDS" -max_len="$FUZZ_MAX_LEN" \
    -timeout="$FUZZ_TIMEOUT" -dict="$(dict_for "$name")" \
    -artifact_prefix="$dir/$name-" \
    "$dir/corpus-$name" $(seed_dirs "$name" smoke) >"$dir/$name.log" 2>&1
  result $? "smoke $name ($FUZZ_SMOKE_SECONDS s)" "$dir/$name.log" >"$dir/$name.out"
  files=$(ls "$REGRESS"/* 2>/dev/null)
  [ -n "$files" ] || return 0
  # shellcheck disable=SC2086
  "$BIN/$name" -timeout="$FUZZ_TIMEOUT" -runs=1 $files >"$dir/$name.log" 2>&1
  result $? "regress $name ($(echo "$files" | wc -l) files)" "$dir/$name.log" \
    >>"$dir/$name.out"
}

smoke() {
  if ! command -v clang >/dev/null 2>&1; then
    echo "not ok - clang is missing: the fuzz harnesses need clang with libFuzzer"
    echo "0 passed, 1 failed"
    return 1
  fi
  # shellcheck disable=SC2046  # names have no spaces
  set -- $(harnesses)
  if [ $# = 0 ]; then
    echo "not ok - no harness in $BIN: make fuzz-build failed (does" \
      "'clang -fsanitize=fuzzer' link? libFuzzer comes with clang)"
    echo "0 passed, 1 failed"
    return 1
  fi
  make_seeds
  scratch=$(mktemp -d)
  i=0
  for name in "$@"; do
    smoke_one "$name" "$scratch" &
    i=$((i + 1))
    [ $((i % FUZZ_JOBS)) = 0 ] && wait
  done
  wait
  for name in "$@"; do cat "$scratch/$name.out"; done >"$scratch/all"
  cat "$scratch/all"
  passed=$(grep -c '^ok ' "$scratch/all")
  failed=$(grep -c '^not ok ' "$scratch/all")
  rm -rf "$scratch"
  echo "$passed passed, $failed failed"
  [ "$failed" = 0 ]
}

mode=${1:-smoke}
[ $# -gt 0 ] && shift
case $mode in
  fuzz) fuzz "$@" ;;
  smoke) smoke ;;
  seeds) make_seeds ;;
  *) echo "usage: tests/fuzz/run.sh fuzz [NAME...] | smoke | seeds" >&2; exit 2 ;;
esac
