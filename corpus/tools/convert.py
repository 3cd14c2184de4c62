#!/usr/bin/env python3
"""Converts the shared real-text collections into Morgue's JSON Lines format for corpus/articles.

Reads (never at Morgue's run time, only here):
  <data>/sotu/*.json                  State of the Union addresses: year, name, party, text
  <data>/brown-press-reportage/ca01.. Brown Corpus section A, form C (word/tag tokens)
and writes:
  corpus/articles/state-of-the-union/state-of-the-union-<first>-<last>.jsonl
  corpus/articles/brown-press-reportage/brown-press-reportage.jsonl

The dates of the addresses come from tools/sotu-dates.tsv (see its header and corpus/README.md).
The output is deterministic, so rerunning after a change shows only that change in `git diff`.

Usage (from the repository root, with the shared data next to the checkout):
  python3 corpus/tools/convert.py [--data ../shared/data]

Python 3.9+, standard library only.
"""

import argparse
import datetime
import html
import json
import re
import sys
from pathlib import Path

CORPUS = Path(__file__).resolve().parent.parent
ARTICLES = CORPUS / "articles"
DATES = Path(__file__).resolve().parent / "sotu-dates.tsv"

# Addresses grouped by period so no file grows much past a few megabytes.
SOTU_PERIODS = [(1790, 1849), (1850, 1899), (1900, 1949), (1950, 1999), (2000, 2099)]

# A paragraph of a text with no paragraph breaks: at least MIN sentences and MIN_CHARS characters,
# at most MAX sentences or MAX_CHARS characters; long enough to read as prose, short enough to scan.
MIN_SENTENCES, MAX_SENTENCES, MIN_CHARS, MAX_CHARS = 5, 8, 600, 2000

# Words ending in a full stop that do not end a sentence. Single capitals (initials) are handled by
# the pattern itself.
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "st", "jr", "sr", "gen", "col", "capt", "lt", "gov", "sen", "rep", "hon",
    "messrs", "no", "nos", "vs", "etc", "viz", "i.e", "e.g", "u.s", "u.s.a", "u.n", "a.m", "p.m",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "co", "inc",
    "art", "sec", "ft", "mt",
}

SENTENCE_END = re.compile(r"""(?<=[.!?])["')\]]*\s+(?=["'(\[]?[A-Z0-9])""")
# "Mr. President, Mr. Speaker, Members of the Congress:" opens most addresses: its own paragraph.
# No sentence may end inside it, or "Thank you. ... Madam Vice President:" would count.
SALUTATION = re.compile(r"^((?:[^:.!?]|\b(?i:mr|mrs|ms)\.){5,200}:)\s+")
SALUTATION_WORDS = ("Congress", "Senate", "Representatives", "Speaker", "President", "CONGRESS", "SENATE")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=CORPUS.parent.parent / "shared" / "data",
                        help="the shared data folder (default: ../shared/data next to the checkout)")
    args = parser.parse_args()
    if not (args.data / "sotu").is_dir():
        sys.exit(f"no sotu folder under {args.data}; pass --data")
    sotu = convert_sotu(args.data / "sotu", read_dates(DATES))
    brown = convert_brown(args.data / "brown-press-reportage")
    print(f"wrote {sotu} State of the Union addresses and {brown} Brown Corpus samples under {ARTICLES}")


# ---------------------------------------------------------------- State of the Union

def read_dates(path):
    """file name -> (date or None, precision, note), from the tab-separated table."""
    dates = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    for line in lines[1:]:  # the first is the column header
        file, date, precision, note = line.split("\t")
        if precision not in ("day", "year") or (precision == "day") != bool(date):
            sys.exit(f"{path}: bad row for {file}: a day date needs a date, a year date none")
        dates[file] = (datetime.date.fromisoformat(date) if date else None, precision, note)
    return dates


def convert_sotu(folder, dates):
    records = []
    ids = set()
    for path in sorted(folder.glob("*.json")):
        if path.stem not in dates:
            sys.exit(f"{path.name} has no row in {DATES.name}: add its date")
        address = json.loads(path.read_text(encoding="utf-8"))
        date, precision, _ = dates[path.stem]
        year = int(address["year"])
        if date is not None and date.year != year:
            sys.exit(f"{path.name}: date {date} is not in {year}")
        president = display_name(address["name"])
        record_id = f"sotu-{year}-{surname_slug(address['name'])}"
        if record_id in ids:
            sys.exit(f"duplicate id {record_id}")
        ids.add(record_id)
        when = f"{date.strftime('%B')} {date.day}, {year}" if date else str(year)
        record = {
            "id": record_id,
            "title": f"{president}: State of the Union, {when}",
            "published": (date or datetime.date(year, 1, 1)).isoformat(),
            "source": "State of the Union",
            "authors": [president],
            "language": "en",
            "date_precision": [precision],
        }
        if address["party"] != "none":  # Washington belonged to no party; "none" is not a party name
            record["party"] = [address["party"]]
        # The collection's texts were scraped from web pages, and a few kept their HTML entities
        # ("&quot;National Guard,&quot;"): a reader would see them as written, so they are decoded.
        record["body"] = "\n\n".join(paragraphs(html.unescape(address["text"])))
        records.append((year, record))
    out = ARTICLES / "state-of-the-union"
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("*.jsonl"):
        old.unlink()
    for first, last in SOTU_PERIODS:
        chosen = [r for y, r in records if first <= y <= last]
        if chosen:
            end = min(last, max(y for y, _ in records))
            write_jsonl(out / f"state-of-the-union-{first}-{end}.jsonl", chosen)
    return len(records)


def display_name(name):
    """'Chester A Arthur' -> 'Chester A. Arthur', 'William Mc Kinley' -> 'William McKinley'."""
    name = re.sub(r"\bMc (?=[A-Z])", "Mc", name)
    return re.sub(r"\b([A-Z])\b(?!\.)", r"\1.", name)


def surname_slug(name):
    """'George Washington' -> 'washington', 'Martin Van Buren' -> 'van-buren', 'William Mc Kinley' -> 'mckinley'."""
    words = display_name(name).split()
    surname = words[-1]
    if len(words) > 2 and words[-2].lower() in ("van", "de", "von"):
        surname = words[-2] + "-" + surname
    return re.sub(r"[^a-z-]", "", surname.lower())


def paragraphs(text):
    """The text's own paragraphs where it has breaks, else chunks of whole sentences."""
    text = text.replace("\r\n", "\n").strip()
    if re.search(r"\n\s*\n", text):
        return [collapse(p) for p in re.split(r"\n\s*\n", text) if p.strip()]
    text = collapse(text)
    result = []
    salutation = SALUTATION.match(text)
    if salutation and any(word in salutation.group(1) for word in SALUTATION_WORDS):
        result.append(salutation.group(1))
        text = text[salutation.end():]
    chunk = []
    for sentence in sentences(text):
        chunk.append(sentence)
        size = sum(len(s) + 1 for s in chunk)
        if len(chunk) >= MAX_SENTENCES or size >= MAX_CHARS or (len(chunk) >= MIN_SENTENCES and size >= MIN_CHARS):
            result.append(" ".join(chunk))
            chunk = []
    if chunk:
        # A short tail reads better joined to the paragraph before it than standing alone.
        if result and len(chunk) < 3 and not result[-1].endswith(":"):
            result[-1] += " " + " ".join(chunk)
        else:
            result.append(" ".join(chunk))
    return result


def sentences(text):
    pieces = []
    start = 0
    for match in SENTENCE_END.finditer(text):
        before = text[start:match.start()].rstrip("\"')]")
        last_word = before.split()[-1] if before.split() else ""
        stem = last_word.rstrip(".!?").lstrip("\"'(").lower()
        if last_word.endswith(".") and (stem in ABBREVIATIONS or re.fullmatch(r"[a-z]", stem)):
            continue
        pieces.append(text[start:match.end()].strip())
        start = match.end()
    pieces.append(text[start:].strip())
    return [p for p in pieces if p]


def collapse(text):
    return re.sub(r"\s+", " ", text).strip()


# ---------------------------------------------------------------- Brown Corpus

NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "''", "%"}
NO_SPACE_AFTER = {"(", "[", "``", "$"}


def convert_brown(folder):
    records = []
    for path in sorted(p for p in folder.iterdir() if re.fullmatch(r"ca\d\d", p.name)):
        paras = brown_paragraphs(path.read_text(encoding="utf-8"))
        sample = "A" + path.name[2:]
        # No headline of its own: the sample is named by its first words (see corpus/README.md).
        opening = " ".join(" ".join(paras).split()[:8]).rstrip(",;:.-")
        records.append({
            "id": f"brown-{path.name}",
            "title": f"Brown Corpus {sample}: {opening}…",
            "published": "1961-01-01",
            "source": "Brown Corpus (1961)",
            "language": "en",
            "date_precision": ["year"],
            "brown_sample": [sample],
            "genre": ["press reportage"],
            "body": "\n\n".join(paras),
        })
    out = ARTICLES / "brown-press-reportage"
    out.mkdir(parents=True, exist_ok=True)
    write_jsonl(out / "brown-press-reportage.jsonl", records)
    return len(records)


def brown_paragraphs(text):
    """Form C: paragraphs separated by blank lines, one sentence per line, tokens word/tag.

    Several stories run together in a sample; their headlines (and datelines) are lines tagged
    "-hl". Each becomes a paragraph of its own instead of running into the sentence after it.
    """
    paras = []
    for block in re.split(r"\n\s*\n", text):
        sentences = []
        for line in block.splitlines():
            tokens = line.split()
            if not tokens:
                continue
            if is_headline(tokens):
                if sentences:
                    paras.append(" ".join(sentences))
                    sentences = []
                paras.append(detokenize(tokens))
            else:
                sentences.append(detokenize(tokens))
        if sentences:
            paras.append(" ".join(sentences))
    return paras


def is_headline(tokens):
    # The tagging is not perfectly consistent (quotes and the odd word lack the suffix): a majority.
    tagged = sum(1 for token in tokens if "-hl" in token.rpartition("/")[2])
    return tagged * 2 >= len(tokens)


def detokenize(tokens):
    """Tokens back to text: quotes and punctuation attach to their words, as in print."""
    out = ""
    glue = True  # no space before the first word
    single_quotes = 0
    for token in tokens:
        word = token.rpartition("/")[0] or token
        if word == "'":
            # Brown writes both single quotes the same way: odd ones open, even ones close.
            single_quotes += 1
            opening = single_quotes % 2 == 1
            out += ("" if glue or not opening else " ") + "'"
            glue = opening
            continue
        if word == "." and out.endswith("."):
            continue  # "Jr." ending a sentence is tokenised "Jr." "."; print shows one full stop
        if word == "--":
            out += " --"
            glue = False
            continue
        if out and not glue and word not in NO_SPACE_BEFORE:
            out += " "
        out += {"``": "\"", "''": "\""}.get(word, word)
        glue = word in NO_SPACE_AFTER
    return out.strip()


def write_jsonl(path, records):
    with path.open("w", encoding="utf-8", newline="\n") as out:
        for record in records:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
