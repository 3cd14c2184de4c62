#!/usr/bin/env python3
"""Draws the sentences of eval/hedging/{dev,test}.tsv at random from real text, for annotation.

Run once, before any annotation and before the detector runs on the result; the seed makes the draw
repeatable, so anyone can check that the sentences were not picked for their cues.

Sources (all in this repository): the Brown Corpus press reportage samples and the State of the
Union addresses of corpus/articles, and the Reuters-21578 stories of eval/reuters-acq. Documents,
not sentences, are split between dev and test, so no test sentence shares a story with a dev one. A
document the earlier dev set drew from (eval/hedging/dev-2026-11.tsv) stays in dev, and Reuters keeps
the split of eval/README.md (reut-00027 on is test), so nothing the detector was tuned on reaches the
test part. Sentences already in the earlier sets (eval/hedging/*-2026-11.tsv) are never drawn again.

Usage (from the repository root): python3 eval/tools/sample-hedging.py OUT_FOLDER
Takes PER_PART sentences per source and part, or all of them where fewer remain (the Reuters test
stories are short, and their first sentences are already in the earlier test set).
Writes OUT_FOLDER/dev-unlabelled.tsv, OUT_FOLDER/test-unlabelled.tsv and the second test draw
OUT_FOLDER/test-extra-unlabelled.tsv: source <TAB> sentence.
Python 3.9+, standard library only.
"""

import html
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "corpus" / "tools"))
from convert import sentences  # noqa: E402  the corpus's own splitter, so sentences read as in the corpus

SEED = 20261202
# Sentences per source and part: newswire and 1961 reportage for news, addresses for the long
# political text that the issue singles out.
PER_PART = {"brown": 130, "reuters": 60, "sotu": 110}
# A second test draw, made after the first was labelled and found to hold only 28 hedged sentences:
# more sentences of the same test documents, so the test figures rest on more hedged ones. It has
# its own seed, so the first draw is unchanged.
TEST_EXTRA = {"brown": 110, "sotu": 110}
MIN_WORDS, MAX_WORDS = 5, 80


def documents():
    """source kind -> {document id: text}."""
    docs = {"brown": {}, "reuters": {}, "sotu": {}}
    for line in (ROOT / "corpus/articles/brown-press-reportage/brown-press-reportage.jsonl").open(encoding="utf-8"):
        record = json.loads(line)
        docs["brown"][record["id"]] = record["body"]
    for path in sorted((ROOT / "corpus/articles/state-of-the-union").glob("*.jsonl")):
        for line in path.open(encoding="utf-8"):
            record = json.loads(line)
            docs["sotu"][record["id"]] = record["body"]
    for path in sorted((ROOT / "eval/reuters-acq").glob("reut-*.xml")):
        body = re.search(r"<BODY>(.*?)</BODY>", path.read_text(encoding="utf-8"), re.S)
        if body:
            text = html.unescape(re.sub(r"&#\d+;", " ", body.group(1)))
            text = re.sub(r"\s*Reuter\s*$", "", text.strip())
            docs["reuters"][path.stem] = re.sub(r"\s+", " ", text)
    return docs


def earlier_dev_documents():
    docs = set()
    for line in (ROOT / "eval/hedging/dev-2026-11.tsv").open(encoding="utf-8"):
        if not line.startswith("#") and "\t" in line:
            docs.add(line.split("\t")[0])
    return docs


def forced_part(kind, doc, dev_docs):
    """'dev' or 'test' where the earlier sets decide, else None."""
    if kind == "reuters":
        return "dev" if doc < "reut-00027" else "test"
    short = doc if kind == "brown" else "-".join(doc.split("-")[:2])  # sotu-1905-roosevelt -> sotu-1905
    return "dev" if short in dev_docs else None


def earlier_sentences():
    seen = set()
    for path in (ROOT / "eval/hedging").glob("*-2026-11.tsv"):
        for line in path.open(encoding="utf-8"):
            if not line.startswith("#") and "\t" in line:
                seen.add(normalise(line.split("\t")[1]))
    return seen


def normalise(sentence):
    return re.sub(r"\W+", " ", sentence).strip().lower()


def main():
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    seen = earlier_sentences()
    dev_docs = earlier_dev_documents()
    parts = {"dev": [], "test": []}
    extra = []
    for kind, docs in documents().items():
        split = {"dev": [], "test": []}
        free = []
        for doc in sorted(docs):
            part = forced_part(kind, doc, dev_docs)
            (split[part] if part else free).append(doc)
        rng.shuffle(free)
        for doc in free:  # the rest alternate, filling the smaller part first
            split["dev" if len(split["dev"]) <= len(split["test"]) else "test"].append(doc)
        for part, chosen in split.items():
            pool = []
            for doc in sorted(chosen):
                for paragraph in docs[doc].split("\n\n"):
                    for sentence in sentences(re.sub(r"\s+", " ", paragraph).strip()):
                        words = len(sentence.split())
                        if MIN_WORDS <= words <= MAX_WORDS and normalise(sentence) not in seen:
                            pool.append((doc, sentence))
            print(f"{kind} {part}: {len(pool)} sentences to draw from", file=sys.stderr)
            drawn = rng.sample(pool, min(PER_PART[kind], len(pool)))
            parts[part].extend(drawn)
            if part == "test" and kind in TEST_EXTRA:
                rest = [row for row in pool if row not in set(drawn)]
                extra.extend(random.Random(SEED + 1).sample(rest, TEST_EXTRA[kind]))
    for part, rows in parts.items():
        rng.shuffle(rows)
        with (out / f"{part}-unlabelled.tsv").open("w", encoding="utf-8") as f:
            for doc, sentence in rows:
                f.write(f"{doc}\t{sentence}\n")
        print(f"{part}: {len(rows)} sentences")
    random.Random(SEED + 1).shuffle(extra)
    with (out / "test-extra-unlabelled.tsv").open("w", encoding="utf-8") as f:
        for doc, sentence in extra:
            f.write(f"{doc}\t{sentence}\n")
    print(f"test, second draw: {len(extra)} sentences")


if __name__ == "__main__":
    main()
