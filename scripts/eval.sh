#!/usr/bin/env bash
# Development figures: builds the seed articles and scores them against the gold facts,
# and (with --carb) runs the CaRB dev benchmark. Needs ../shared.
# Usage: scripts/eval.sh [--carb] [--show-missed]
set -euo pipefail
cd "$(dirname "$0")/.."
carb=0; extra=()
for a in "$@"; do
  case $a in
    --carb) carb=1 ;;
    *) extra+=("$a") ;;
  esac
done
cargo build --release --quiet
bin=target/release/actorgraph
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
"$bin" build ../shared/corpus/seeds --out "$out/seeds" --quiet
python3 ../shared/eval/score.py --gold ../shared/eval/seeds.gold.jsonl \
  --entities ../shared/eval/seeds.entities.json --pred "$out/seeds/statements.jsonl" "${extra[@]}"
if [ "$carb" = 1 ]; then
  "$bin" extract --sentences ../shared/eval/carb/dev.txt --format carb -o "$out/carb.tsv"
  echo "CaRB dev, all sentences:"
  python3 ../shared/eval/carb/carb_score.py --gold ../shared/eval/carb/dev.tsv --pred "$out/carb.tsv"
  echo "CaRB dev, news sentences:"
  python3 ../shared/eval/carb/carb_score.py --gold ../shared/eval/carb/dev.tsv --pred "$out/carb.tsv" \
    --news-only ../shared/eval/carb/news_sentences.txt
fi
