#!/usr/bin/env python3
"""Writes eval/sentences/brown-boundaries.txt: paragraphs of Brown Corpus press reportage with their true
sentence boundaries, for measuring Morgue's sentence splitter (SentenceBoundaryEvaluation).

The Brown Corpus marks every sentence (form C: one sentence per line, paragraphs separated by blank
lines); the corpus converter joins them into paragraphs, so the boundaries are known exactly. Headline
lines are left out, and so are paragraphs where Brown marks a sentence no reader would see (at a
semicolon, a list number, a dateline's dash). The splitter's rules for hyphenated abbreviations ("ex-Mrs.") and sentence openers
("Inc. The") were written after reading its misses here, so the figure is not a held-out one.

Usage (from the repository root, with the shared data beside the checkout):
  python3 eval/tools/brown-sentences.py [--data ../shared/data]
Python 3.9+, standard library only.
"""
import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "corpus" / "tools"))
from convert import detokenize, is_headline  # noqa: E402  the converter's own, so text reads as in the corpus

ENDS = re.compile(r"[.!?][\"')]*$")
SAMPLES = ["ca02", "ca03", "ca07", "ca09", "ca20", "ca16", "ca18", "ca30"]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    args = parser.parse_args()
    out = ROOT / "eval" / "sentences" / "brown-boundaries.txt"
    lines = ["# Brown Corpus press reportage (1961; redistribution permitted, see eval/README.md), samples "
             + " ".join(SAMPLES) + ": one sentence a line, paragraphs separated by a blank line.",
             "# Made by eval/tools/brown-sentences.py from the corpus's own sentence marks.", ""]
    for name in SAMPLES:
        text = (args.data / "brown-press-reportage" / name).read_text(encoding="utf-8")
        for block in re.split(r"\n\s*\n", text):
            sentences = [detokenize(line.split()) for line in block.splitlines()
                         if line.split() and not is_headline(line.split())]
            # Only paragraphs whose every sentence ends as printed prose does: Brown also marks a
            # sentence at a semicolon, a list number or a dateline's dash, which no reader would.
            if len(sentences) >= 2 and all(ENDS.search(x) and not x.startswith("--") for x in sentences):
                lines.extend(sentences)
                lines.append("")
    out.write_text("\n".join(lines), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
