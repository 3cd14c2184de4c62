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
       python3 eval/tools/sample-hedging.py --modal OUT_FOLDER
Writes OUT_FOLDER/dev-modal-unlabelled.tsv, the modal-sense draw (CUE_SEED): dev documents only,
sentences holding may/might/could/anticipate/"know if" that no set in eval/hedging holds yet.
       python3 eval/tools/sample-hedging.py --fresh OUT_FOLDER
Writes OUT_FOLDER/test-fresh-unlabelled.tsv and OUT_FOLDER/dev-fresh-unlabelled.tsv, the fresh draw of
2026-12-03 (FRESH_TEST_SEED, FRESH_DEV_SEED): a new test part and a new dev part, at random.
       python3 eval/tools/sample-hedging.py --round3 OUT_FOLDER
Writes OUT_FOLDER/test3-unlabelled.tsv and OUT_FOLDER/dev-candidates-unlabelled.tsv, the third round
(2026-12-03, THIRD_TEST_SEED, CANDIDATE_SEED): a third held-out part drawn at random from the test
documents as test2 was, and a large dev part of sentences holding a word that may be a hedge cue
(CANDIDATE_PATTERN), so a classifier of cue sense has thousands of dev examples to learn from.
       python3 eval/tools/sample-hedging.py --round4 OUT_FOLDER
Writes OUT_FOLDER/test4-unlabelled.tsv: a fourth held-out part (FOURTH_TEST_SEED), random sentences of
the test documents that no set holds, drawn after test3 had been measured twice.
       python3 eval/tools/sample-hedging.py --dev7 OUT_FOLDER
Writes OUT_FOLDER/dev7-unlabelled.tsv: dev part 7 (SEVENTH_DEV_SEED), more dev sentences holding a
word of CANDIDATE_PATTERN, for the cue-sense model.
       python3 eval/tools/sample-hedging.py --round5 OUT_FOLDER
Writes OUT_FOLDER/test5-unlabelled.tsv: a fifth held-out part (FIFTH_TEST_SEED), random sentences of
the test documents that no set holds, drawn on 2026-12-03 before the next change to the cue-sense model.
       python3 eval/tools/sample-hedging.py --dev8 OUT_FOLDER
Writes OUT_FOLDER/dev8-unlabelled.tsv: dev part 8 (EIGHTH_DEV_SEED), random sentences of the dev
documents that no set holds, drawn on 2026-12-04.
Each draw skips the sentences the sets held when it was made, so it is repeated by running the
script on the tree of its commit (the labelled files of later draws would change it).
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
# The modal-sense draw (--modal), made after the detector's test false alarms turned out to be mostly
# may/might/could read as possibility, plus "anticipate" and "know if": dev sentences holding those
# words, so the modal rules can be tuned on more dev examples of the failing kind. Its own seed.
CUE_SEED = 20261205
# Sentences per source: every dev Brown and Reuters sentence with a cue, and SOTU for the rest.
CUE_QUOTA = {"brown": 90, "reuters": 20, "sotu": 124}
CUE_PATTERN = re.compile(r"\b(may|might|could|anticipat\w*|know(s|n)? (if|whether))\b", re.I)
# The fresh draw (--fresh), made on 2026-12-03 because the first test part had been measured after
# several tuning rounds: a new held-out test part from the test documents and a new random dev part
# from the dev documents, both among sentences no set holds yet. Their own seeds.
FRESH_TEST_SEED, FRESH_DEV_SEED = 20261206, 20261207
FRESH_TEST = {"brown": 280, "sotu": 320}
FRESH_DEV = {"brown": 130, "reuters": 30, "sotu": 140}
# The third round (--round3), made on 2026-12-03 after test2 had been measured before and after a
# tuning round: test3, random sentences of the test documents as test2 was; and dev part 6, sentences
# of dev documents holding a word that is sometimes a hedge cue and sometimes not, for a classifier of
# cue sense. Their own seeds.
THIRD_TEST_SEED, CANDIDATE_SEED = 20261208, 20261209
# The fourth held-out part (--round4), drawn the same day after test3 had been measured with the rules
# and with the first cue-sense model: random sentences of the test documents, as test2 and test3 were.
FOURTH_TEST_SEED = 20261210
FOURTH_TEST = {"brown": 200, "sotu": 400}
# Dev part 7 (--dev7), drawn the same day for the cue-sense model: more dev sentences holding a word of
# CANDIDATE_PATTERN, among sentences no set holds (part 6 included). Its own seed.
SEVENTH_DEV_SEED = 20261211
SEVENTH_DEV = {"brown": 200, "reuters": 20, "sotu": 1400}
THIRD_TEST = {"brown": 200, "sotu": 400}
# The fifth held-out part (--round5), drawn on 2026-12-03 after test4 had been measured with the final
# cue-sense model, before the next change to it: random sentences of the test documents, as test2-4.
FIFTH_TEST_SEED = 20261213
FIFTH_TEST = {"brown": 200, "sotu": 400}
CANDIDATES = {"brown": 400, "reuters": 100, "sotu": 1300}
# Dev part 8 (--dev8), drawn on 2026-12-04 after the relabellings showed the dev labels were not what
# held the detector back: random sentences of DEV documents, as test2-test5 are of the test documents,
# so the detector's misses on ordinary text (cue words it lacks, senses it takes wrongly) can be read on
# dev in the proportions the held-out parts have. As many Brown and Reuters sentences as remain. Its
# own seed.
EIGHTH_DEV_SEED = 20261216
EIGHTH_DEV = {"brown": 1000, "reuters": 200, "sotu": 1800}
CANDIDATE_PATTERN = re.compile(
    r"\b(may|might|could|must|should|seems?|seemed|seemingly|appears?|appeared|apparent(ly)?"
    r"|likely|unlikely|likelihood|probabl[ey]|possibl[ey]|possibility|possibilities|perhaps|maybe|presumabl[ey]"
    r"|suggest\w*|believe[sd]?|belief|think[s]?|thought|feel[s]?|felt|suppos\w+|expect\w*|anticipat\w*"
    r"|predict\w*|forecast\w*|project(s|ed|ion|ions)?|estimat\w*|guess\w*|assum\w+|doubt\w*|uncertain\w*"
    r"|unclear|sure|confident|reported(ly)?|alleged(ly)?|purported(ly)?|rumou?r\w*|indicat\w+|signs?|potential(ly)?"
    r"|speculat\w+|looks? (like|as if)|looked (like|as if))\b", re.I)
CUE_RARE = re.compile(r"\b(may well|might well|could well|anticipat\w*|know(s|n)? (if|whether))\b", re.I)


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


def draw():
    """The seeded draw of dev.tsv and test.tsv: (parts, extra, split), split being
    {kind: {"dev": [document ids], "test": [document ids]}}, the document split every later draw reuses."""
    rng = random.Random(SEED)
    seen = earlier_sentences()
    dev_docs = earlier_dev_documents()
    parts = {"dev": [], "test": []}
    extra = []
    splits = {}
    for kind, docs in documents().items():
        split = {"dev": [], "test": []}
        free = []
        for doc in sorted(docs):
            part = forced_part(kind, doc, dev_docs)
            (split[part] if part else free).append(doc)
        rng.shuffle(free)
        for doc in free:  # the rest alternate, filling the smaller part first
            split["dev" if len(split["dev"]) <= len(split["test"]) else "test"].append(doc)
        splits[kind] = split
        for part, chosen in split.items():
            pool = [(doc, sentence) for doc, sentence in document_sentences(docs, chosen)
                    if normalise(sentence) not in seen]
            print(f"{kind} {part}: {len(pool)} sentences to draw from", file=sys.stderr)
            drawn = rng.sample(pool, min(PER_PART[kind], len(pool)))
            parts[part].extend(drawn)
            if part == "test" and kind in TEST_EXTRA:
                rest = [row for row in pool if row not in set(drawn)]
                extra.extend(random.Random(SEED + 1).sample(rest, TEST_EXTRA[kind]))
    for rows in parts.values():
        rng.shuffle(rows)
    random.Random(SEED + 1).shuffle(extra)
    return parts, extra, splits


def document_sentences(docs, chosen):
    """(document, sentence) of the chosen documents, in order, of MIN_WORDS to MAX_WORDS words."""
    for doc in sorted(chosen):
        for paragraph in docs[doc].split("\n\n"):
            for sentence in sentences(re.sub(r"\s+", " ", paragraph).strip()):
                if MIN_WORDS <= len(sentence.split()) <= MAX_WORDS:
                    yield doc, sentence


def labelled_sentences():
    """Every sentence of the current and the earlier sets, normalised, so no draw repeats one."""
    seen = set()
    for path in (ROOT / "eval/hedging").glob("*.tsv"):
        for line in path.open(encoding="utf-8"):
            if not line.startswith("#") and "\t" in line:
                seen.add(normalise(line.split("\t")[1]))
    return seen


def cue_draw(out):
    """The modal-sense draw (seed CUE_SEED): sentences of DEV documents only, holding a word of
    CUE_PATTERN, that no set holds yet; CUE_QUOTA per source (all of them where fewer), of which up to
    a third hold a rarer cue (CUE_RARE), the rest a plain modal, each drawn at random."""
    _, _, splits = draw()
    docs = documents()
    seen = labelled_sentences()
    rng = random.Random(CUE_SEED)
    rows = []
    for kind in docs:
        rare, common = [], []
        for doc, sentence in document_sentences(docs[kind], splits[kind]["dev"]):
            if normalise(sentence) in seen or not CUE_PATTERN.search(sentence):
                continue
            (rare if CUE_RARE.search(sentence) else common).append((doc, sentence))
        quota = CUE_QUOTA[kind]
        taken = rng.sample(rare, min(len(rare), quota // 3))
        taken += rng.sample(common, min(len(common), quota - len(taken)))
        print(f"cue draw, {kind}: {len(rare)} with a rarer cue, {len(common)} with a modal; {len(taken)} taken",
              file=sys.stderr)
        rows.extend(taken)
    rng.shuffle(rows)
    with (out / "dev-modal-unlabelled.tsv").open("w", encoding="utf-8") as f:
        for doc, sentence in rows:
            f.write(f"{doc}\t{sentence}\n")
    print(f"dev, modal-sense draw: {len(rows)} sentences")


def fresh_draw(out):
    """The fresh draw: FRESH_TEST sentences of TEST documents and FRESH_DEV sentences of DEV
    documents, at random among those no set in eval/hedging holds yet, each part with its own seed."""
    _, _, splits = draw()
    docs = documents()
    seen = labelled_sentences()
    for part, seed, quota in (("test", FRESH_TEST_SEED, FRESH_TEST), ("dev", FRESH_DEV_SEED, FRESH_DEV)):
        rng = random.Random(seed)
        rows = []
        for kind, count in quota.items():
            pool = [(doc, sentence) for doc, sentence in document_sentences(docs[kind], splits[kind][part])
                    if normalise(sentence) not in seen]
            rows.extend(rng.sample(pool, min(count, len(pool))))
        rng.shuffle(rows)
        with (out / f"{part}-fresh-unlabelled.tsv").open("w", encoding="utf-8") as f:
            for doc, sentence in rows:
                f.write(f"{doc}\t{sentence}\n")
        print(f"{part}, fresh draw: {len(rows)} sentences")


def draw_part(splits, docs, seen, part, quota, seed, pattern=None, label=None):
    """A seeded draw from one part's documents (part: "dev" or "test"): quota sentences per source
    (all of them where fewer remain), among sentences not in seen and, given a pattern, holding it;
    shuffled. The draws of the third round on are this one function with their own seeds."""
    rng = random.Random(seed)
    rows = []
    for kind, count in quota.items():
        pool = [(doc, sentence) for doc, sentence in document_sentences(docs[kind], splits[kind][part])
                if normalise(sentence) not in seen and (pattern is None or pattern.search(sentence))]
        if label:
            print(f"{label}, {kind}: {len(pool)} sentences to draw from", file=sys.stderr)
        rows.extend(rng.sample(pool, min(count, len(pool))))
    rng.shuffle(rows)
    return rows


def write_rows(out, name, rows, what):
    with (out / name).open("w", encoding="utf-8") as f:
        for doc, sentence in rows:
            f.write(f"{doc}\t{sentence}\n")
    print(f"{what}: {len(rows)} sentences")


def third_round(out):
    """The third round: THIRD_TEST random sentences of TEST documents (seed THIRD_TEST_SEED), and
    CANDIDATES sentences of DEV documents holding a word of CANDIDATE_PATTERN (seed CANDIDATE_SEED), all
    among sentences no set in eval/hedging holds yet; the candidates are drawn after the test part, so
    none of them can be a test sentence even by text."""
    _, _, splits = draw()
    docs = documents()
    seen = labelled_sentences()
    rows = draw_part(splits, docs, seen, "test", THIRD_TEST, THIRD_TEST_SEED, label="test3")
    seen |= {normalise(sentence) for _, sentence in rows}
    write_rows(out, "test3-unlabelled.tsv", rows, "test3")
    rows = draw_part(splits, docs, seen, "dev", CANDIDATES, CANDIDATE_SEED, CANDIDATE_PATTERN, "dev candidates")
    write_rows(out, "dev-candidates-unlabelled.tsv", rows, "dev candidates")


def fourth_round(out):
    """The fourth held-out part: FOURTH_TEST random sentences of TEST documents (seed FOURTH_TEST_SEED),
    among sentences no set in eval/hedging holds yet (test3 included)."""
    _, _, splits = draw()
    rows = draw_part(splits, documents(), labelled_sentences(), "test", FOURTH_TEST, FOURTH_TEST_SEED)
    write_rows(out, "test4-unlabelled.tsv", rows, "test4")


def fifth_round(out):
    """The fifth held-out part: FIFTH_TEST random sentences of TEST documents (seed FIFTH_TEST_SEED),
    among sentences no set in eval/hedging holds yet (test4 included)."""
    _, _, splits = draw()
    rows = draw_part(splits, documents(), labelled_sentences(), "test", FIFTH_TEST, FIFTH_TEST_SEED, label="test5")
    write_rows(out, "test5-unlabelled.tsv", rows, "test5")


def seventh_dev(out):
    """Dev part 7: SEVENTH_DEV sentences of DEV documents holding a word of CANDIDATE_PATTERN (seed
    SEVENTH_DEV_SEED), among sentences no set in eval/hedging holds yet."""
    _, _, splits = draw()
    rows = draw_part(splits, documents(), labelled_sentences(), "dev", SEVENTH_DEV, SEVENTH_DEV_SEED,
                     CANDIDATE_PATTERN)
    write_rows(out, "dev7-unlabelled.tsv", rows, "dev part 7")


def eighth_dev(out):
    """Dev part 8: EIGHTH_DEV random sentences of DEV documents (seed EIGHTH_DEV_SEED), among sentences
    no set in eval/hedging holds yet."""
    _, _, splits = draw()
    rows = draw_part(splits, documents(), labelled_sentences(), "dev", EIGHTH_DEV, EIGHTH_DEV_SEED, label="dev part 8")
    write_rows(out, "dev8-unlabelled.tsv", rows, "dev part 8")


def main():
    out = Path(sys.argv[-1])
    out.mkdir(parents=True, exist_ok=True)
    if "--dev8" in sys.argv[1:-1]:
        eighth_dev(out)
        return
    if "--round5" in sys.argv[1:-1]:
        fifth_round(out)
        return
    if "--dev7" in sys.argv[1:-1]:
        seventh_dev(out)
        return
    if "--round4" in sys.argv[1:-1]:
        fourth_round(out)
        return
    if "--round3" in sys.argv[1:-1]:
        third_round(out)
        return
    if "--fresh" in sys.argv[1:-1]:
        fresh_draw(out)
        return
    if "--modal" in sys.argv[1:-1]:
        cue_draw(out)
        return
    parts, extra, _ = draw()
    for part, rows in parts.items():
        with (out / f"{part}-unlabelled.tsv").open("w", encoding="utf-8") as f:
            for doc, sentence in rows:
                f.write(f"{doc}\t{sentence}\n")
        print(f"{part}: {len(rows)} sentences")
    with (out / "test-extra-unlabelled.tsv").open("w", encoding="utf-8") as f:
        for doc, sentence in extra:
            f.write(f"{doc}\t{sentence}\n")
    print(f"test, second draw: {len(extra)} sentences")


if __name__ == "__main__":
    main()
