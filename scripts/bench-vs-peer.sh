#!/usr/bin/env bash
# Throughput of actorgraph against the peer baseline (spaCy en_core_web_sm + textacy),
# on the same corpus, on this machine, in one run.
#
# Usage: scripts/bench-vs-peer.sh [CORPUS.jsonl|DIR]...
#   default corpus: ../shared/corpus/bbc-news-2225.jsonl
# Env: PEER_VENV (default .peer-venv), PEER_PROCS (default: number of cores),
#      PEER_CONFIGS (default "full textacy-only"; the ratio uses the faster one run),
#      SKIP_PEER=1 to measure actorgraph alone.
#
# For each corpus it prints one row per tool: words, seconds (wall clock, end to end, all
# outputs written; for the peer also its own figure without model load), words/s, peak RSS,
# and the ratio of actorgraph's words/s to the faster peer configuration.
set -euo pipefail
cd "$(dirname "$0")/.."
corpora=("$@")
[ ${#corpora[@]} -eq 0 ] && corpora=(../shared/corpus/bbc-news-2225.jsonl)
venv=${PEER_VENV:-.peer-venv}
procs=${PEER_PROCS:-$(nproc)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

command -v /usr/bin/time >/dev/null || { echo "needs /usr/bin/time (apt-get install time)" >&2; exit 2; }
cargo build --release --quiet
bin=target/release/actorgraph
if [ "${SKIP_PEER:-0}" != 1 ] && [ ! -x "$venv/bin/python" ]; then
  ../shared/peer/setup.sh "$venv"
fi

# words as the peer counts them: whitespace-separated words of the article texts
count_words() {
  python3 - "$1" <<'PY'
import json, os, sys
p = sys.argv[1]
n = 0
if os.path.isdir(p):
    for root, _, files in os.walk(p):
        for f in files:
            if f.endswith((".txt", ".md")):
                n += len(open(os.path.join(root, f), encoding="utf-8", errors="replace").read().split())
else:
    for line in open(p, encoding="utf-8"):
        if line.strip():
            n += len(json.loads(line).get("text", "").split())
print(n)
PY
}

# run NAME CMD...: prints "seconds peak_kb"
measure() {
  local log=$work/time.log
  /usr/bin/time -v "$@" > "$work/stdout" 2> "$log" || { cat "$log" >&2; return 1; }
  local wall rss
  wall=$(grep "Elapsed (wall clock)" "$log" | awk '{print $NF}')
  rss=$(grep "Maximum resident set size" "$log" | awk '{print $NF}')
  python3 -c "
w='$wall'.split(':'); s=sum(float(x)*60**i for i,x in enumerate(reversed(w)))
print(f'{s:.2f} $rss')"
}

printf '%-28s %-26s %10s %9s %10s %10s\n' corpus tool words seconds words/s peak_MB
for corpus in "${corpora[@]}"; do
  name=$(basename "$corpus")
  words=$(count_words "$corpus")
  read -r secs kb < <(measure "$bin" build "$corpus" --out "$work/ag" --quiet)
  ag_wps=$(python3 -c "print(round($words/$secs))")
  printf '%-28s %-26s %10s %9s %10s %10s\n' "$name" actorgraph "$words" "$secs" "$ag_wps" "$((kb/1024))"
  best=0
  if [ "${SKIP_PEER:-0}" != 1 ]; then
    for cfg in ${PEER_CONFIGS:-full textacy-only}; do
      args=(--n-process "$procs")
      [ "$cfg" = textacy-only ] && args+=(--exclude ner,lemmatizer)
      read -r psecs pkb < <(measure "$venv/bin/python" ../shared/peer/peer_triples.py "$corpus" -o "$work/peer.jsonl" "${args[@]}")
      wps=$(python3 -c "print(round($words/$psecs))")
      printf '%-28s %-26s %10s %9s %10s %10s\n' "$name" "peer $cfg ($procs procs)" "$words" "$psecs" "$wps" "$((pkb/1024))"
      [ "$wps" -gt "$best" ] && best=$wps
    done
    python3 -c "print(f'ratio actorgraph / faster peer: {$ag_wps/$best:.1f}x')"
  fi
done
echo "machine: $(nproc) cores, $(awk '/MemTotal/{printf "%.0f GB", $2/1048576}' /proc/meminfo), $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
