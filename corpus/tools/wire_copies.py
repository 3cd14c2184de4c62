#!/usr/bin/env python3
"""Writes corpus/wire-copies/wire-copies.jsonl: real stories and copies of them with the edits wire
copies get (a new headline, the last paragraphs cut, a changed figure, a correction line, a
re-issue), plus related stories that are not copies. A fixture for grouping by story, not part of
the sample archive. Deterministic; rerun after changing it:

    python3 corpus/tools/wire_copies.py --data ../shared/data
"""
import argparse
import html
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def seed(name):
    lines = (ROOT / "articles" / "seed-articles" / (name + ".txt")).read_text(encoding="utf-8").split("\n")
    title = lines[0].strip()
    paragraphs = [p.strip() for p in "\n".join(lines[1:]).split("\n\n") if p.strip()]
    return title, paragraphs


def reuters(data, number):
    xml = (Path(data) / "reuters-21578-acq" / ("reut-%05d.xml" % number)).read_text(encoding="utf-8")
    title = html.unescape(re.search(r"<TITLE>(.*?)</TITLE>", xml, re.S).group(1)).strip()
    body = html.unescape(re.search(r"<BODY>(.*?)</BODY>", xml, re.S).group(1))
    body = re.sub(r"\s*Reuter\s*$", "", body)
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s{3,}", body) if p.strip()]
    return title, paragraphs


def record(id, title, paragraphs, published, source, note):
    return {"id": id, "title": title, "body": "\n\n".join(paragraphs), "published": published,
            "source": source, "metadata": {"fixture": note}}


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True, help="the shared data folder")
    args = parser.parse_args()
    out = []

    title, paras = seed("trump-escalates-venezuela-crackdown")
    out.append(record("crackdown-original", title, paras, "2025-03-14", "Morgue Wire", "original"))
    out.append(record("crackdown-courier", "Venezuela crackdown enters volatile phase", paras[:-3],
                      "2025-03-15", "The Courier", "new headline, last three paragraphs cut"))
    corrected = ["Correction: an earlier version of this story gave the wrong date for the strike."] + paras
    out.append(record("crackdown-corrected", title, corrected, "2025-03-16", "Morgue Wire",
                      "correction line added"))

    title, paras = seed("us-military-kill-claims-raise-the-stakes")
    out.append(record("kill-claims-original", title, paras, "2025-03-14", "Morgue Wire", "original"))
    out.append(record("kill-claims-gazette", "What the kill claims mean", paras[:-2], "2025-03-15",
                      "The Gazette", "new headline, last two paragraphs cut"))

    title, paras = reuters(args.data, 1)
    out.append(record("reuters-1-original", title, paras, "1987-02-26", "Reuters", "original"))
    changed = list(paras)
    figures = re.findall(r"\d[\d,.]*", changed[0])
    if figures:
        old = figures[0]
        # The leading digit moves by one, so the figure keeps its format: 200,000 becomes 300,000.
        new = str((int(old[0]) + 1) % 10 or 1) + old[1:]
        changed[0] = changed[0].replace(old, new, 1)
    out.append(record("reuters-1-reissue", title, changed, "1987-02-27", "Reuters",
                      "re-issue with a changed figure"))

    title, paras = reuters(args.data, 2)
    out.append(record("reuters-2", title, paras, "1987-02-26", "Reuters", "a different story, not a copy"))

    target = ROOT / "wire-copies" / "wire-copies.jsonl"
    with target.open("w", encoding="utf-8") as f:
        for r in out:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print("wrote", len(out), "articles to", target)


if __name__ == "__main__":
    main()
