#!/usr/bin/env bash
# Fuzzes the readers with afl.rs (`cargo afl`, stable Rust), one target after the other.
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (3600 by default: the hour per reader of issue #22); the targets are
# corpus_text, corpus_jsonl, graph_jsonld and partial (all by default). The checks each
# target makes are in fuzz/src/checks.rs. Installs cargo-afl from crates.io when it is
# missing. Each target's queue is kept in fuzz/out/<target>/ (git-ignored), so a second
# run goes on from where the first stopped; fuzz/dict/<target>.dict gives afl the format's
# tokens. One fuzzing process at a time, at nice 19:
# the machines have 2 cores.
#
# Exits 1 when a target found a crash (a panic: a broken invariant) or a hang (an input
# over the timeout, AFL_TIMEOUT_MS, 2000 ms by default; the targets' work budget is
# 2,000 tokens, a few tens of milliseconds). Each finding is printed with its path: replay
# it with `fuzz/target/release/<target> < FILE`, fix it, and keep it (minimised with
# `cargo afl tmin`) under tests/fuzz/<target>/, where `cargo test` replays it.
#
# The last lines give, per target, the seconds run, the executions and the findings, from
# afl's fuzzer_stats. CI (.ci/run) runs this script with 40 seconds per target.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-3600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(corpus_text corpus_jsonl graph_jsonld partial)
timeout_ms=${AFL_TIMEOUT_MS:-2000}

if ! cargo afl --version >/dev/null 2>&1; then
  echo "installing cargo-afl (crates.io)"
  cargo install cargo-afl --locked --quiet
fi
# the AFL++ runtime for this rustc; "already built" is not an error
cargo afl config --build >/dev/null 2>&1 || cargo afl --version >/dev/null

(cd fuzz && nice -n 19 cargo afl build --release --quiet)

# no core_pattern or CPU governor changes on a shared machine; no CPU pinning either
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_SKIP_CPUFREQ=1 AFL_NO_AFFINITY=1
export AFL_NO_UI=1 AFL_QUIET=1

mkdir -p fuzz/out
found=0
summary=()
for t in "${targets[@]}"; do
  out="fuzz/out/$t"
  input=(-i "fuzz/seeds/$t")
  # resume from the queue of an earlier run
  [ -f "$out/default/fuzzer_stats" ] && input=(-i -)
  # the format's tokens (keys, tags, escapes), so that mutations reach its structure
  [ -f "fuzz/dict/$t.dict" ] && input+=(-x "fuzz/dict/$t.dict")
  echo "=== fuzzing $t for ${seconds}s"
  started=$(date +%s)
  nice -n 19 cargo afl fuzz "${input[@]}" -o "$out" -V "$seconds" -t "$timeout_ms" \
    "fuzz/target/release/$t" > "fuzz/out/$t.log" 2>&1 || {
    echo "afl-fuzz failed for $t:"; tail -n 30 "fuzz/out/$t.log"; exit 2; }
  stats="$out/default/fuzzer_stats"
  stat() { awk -F' *: *' -v k="$1" '$1 == k { print $2 }' "$stats"; }
  crashes=$(stat saved_crashes)
  hangs=$(stat saved_hangs)
  summary+=("$t: $(( $(date +%s) - started ))s, $(stat execs_done) executions in all runs, $(stat corpus_count) inputs in the queue, $crashes crashes, $hangs hangs")
  if [ "$crashes" != 0 ] || [ "$hangs" != 0 ]; then
    found=1
    ls "$out"/default/crashes/id:* "$out"/default/hangs/id:* 2>/dev/null || true
  fi
done
printf '%s\n' "${summary[@]}"
exit "$found"
