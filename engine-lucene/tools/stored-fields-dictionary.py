#!/usr/bin/env python3
"""Writes the preset dictionary Morgue's stored fields are compressed with (issue #21).

DEFLATE over blocks of 8 KB (one to three articles) starts every block knowing nothing, so each
block spells out again the JSON keys every article has and the commonest English words. A preset
dictionary gives every block those strings to refer back to. It is made of two parts, the last
nearest the data (DEFLATE codes near references more cheaply):

  1. common English words: the lower-case words of the Brown Corpus's press reportage (the 44
     samples in corpus/articles/brown-press-reportage) seen at least three times in lower case,
     rarest first, up to WORD_BYTES. Only lower-case words, so no name or story of that corpus is
     in it: the bench corpus is made from the shipped corpus, and its own sentences in the
     dictionary would flatter the bench.
  2. the values that come from Morgue's own data files, which most articles repeat: each theme of
     the taxonomy as stored (id, name, IPTC code, its parent's for a sub-theme) and the other names
     in capitals the countries' gazetteer gives ("aliases":["U.S.","US","USA","U.S.A."]). None of
     it is text of the corpus.
  3. the skeleton of the stored JSON (ArticleJson's stored form): every key in the order written,
     with the values that come from fixed lists (block kinds, actor types, cue kinds and
     categories, hedging levels).

The output is read by DeflateWithDictionary, which checks its SHA-256: an index's stored fields
can only be read with the dictionary they were written with, so this file never changes under a
codec name. Changing it means a new codec name in ArchiveCodec, with the old codec kept to read
the old segments: stored-fields-morgue105.dict, beside it, is what this tool wrote before mentions
were stored as [start, length] and cues without their words and sentence (its skeleton had
{"start":,"end":} mentions and cues with "text" and "sentence"); Morgue105Codec reads with it. stored-fields-morgue106.dict is
what it wrote before blocks were stored without their lengths and cues as start and length without
"quoted":false, and without the themes and other names (Morgue106Codec reads with it).

Usage: python3 engine-lucene/tools/stored-fields-dictionary.py   (from the project's root)
"""
import collections
import glob
import json
import re

WORD_BYTES = 16 * 1024
OUT = "engine-lucene/src/main/resources/org/morgue/engine/lucene/index/stored-fields-morgue107.dict"
TAXONOMY = "indexer/src/main/resources/org/morgue/indexer/enrich/theme/taxonomy.json"
COUNTRIES = "indexer/src/main/resources/org/morgue/indexer/enrich/actor/countries.tsv"

SKELETON = (
    '{"article":{"id":"","title":"","blocks":[{"kind":"lede"},{"kind":"key_point"},{"kind":"heading"},'
    '{"kind":"quote"},{"kind":"list_item"},{"kind":"paragraph","length":},{"kind":"paragraph"},'
    '{"kind":"paragraph"}],"published":"","source":"",'
    '"url":"https://","authors":[""],"origin":"","metadata":{}},"enrichment":{"actors":['
    '{"name":"","type":"group","role":null,"mentions":[[,]],"salience":0.,"aliases":[]},'
    '{"name":"","type":"government","role":null,"mentions":[[,]],"salience":0.,"aliases":[]},'
    '{"name":"","type":"organisation","role":null,"mentions":[[,]],"salience":0.,"aliases":[]},'
    '{"name":"","type":"person","role":"","mentions":[[,]],"salience":0.,"aliases":[]},'
    '{"name":"","type":"place","role":null,"mentions":[[,],[,]],"salience":1.0,"aliases":[]}],'
    '"themes":[{"id":"","name":"","iptc":"","score":,"triggers":["",""]}],'
    '"hedging":{"score":0.,"level":"high","level":"medium","level":"low","sentences":,"hedgedSentences":,'
    '"sentenceSpans":[[0,],[2,],[1,],[1,]],"cues":['
    '{"kind":"attribution","category":"anonymous-source","start":,"length":,"quoted":true},'
    '{"kind":"attribution","category":"source-phrase","start":,"length":},'
    '{"kind":"attribution","category":"reporting-verb","start":,"length":},'
    '{"kind":"booster","category":"adverb","start":,"length":},'
    '{"kind":"booster","category":"phrase","start":,"length":},'
    '{"kind":"hedge","category":"open-question","start":,"length":},'
    '{"kind":"hedge","category":"noun","start":,"length":},'
    '{"kind":"hedge","category":"evidential","start":,"length":},'
    '{"kind":"hedge","category":"epistemic-adverb","start":,"length":},'
    '{"kind":"hedge","category":"adjective","start":,"length":},'
    '{"kind":"hedge","category":"forecast","start":,"length":},'
    '{"kind":"hedge","category":"modal","start":,"length":},'
    '{"kind":"hedge","category":"epistemic-verb","start":,"length":}]}}}'
)


def data_values():
    """Each theme of the taxonomy as stored, and the countries' other names written in capitals."""
    with open(TAXONOMY, encoding="utf-8") as taxonomy:
        themes = json.load(taxonomy)["themes"]
    codes = {theme["id"]: theme.get("iptc") for theme in themes}
    stored = [
        '{"id":"%s","name":"%s","iptc":"%s","score":' % (t["id"], t["name"], t.get("iptc") or codes[t["parent"]])
        for t in themes
    ]
    aliases = []
    with open(COUNTRIES, encoding="utf-8") as countries:
        for line in countries:
            fields = line.rstrip("\n").split("\t")
            if line.startswith("#") or len(fields) < 3:
                continue
            capitals = [a for a in fields[2].split("|") if a and not any(c.islower() for c in a)]
            if capitals:
                aliases.append('"aliases":[%s]}' % ",".join('"%s"' % a for a in capitals))
    return "".join(aliases) + "".join(stored)


def main():
    lower = collections.Counter()
    for path in sorted(glob.glob("corpus/articles/brown-press-reportage/*.jsonl")):
        with open(path, encoding="utf-8") as lines:
            for line in lines:
                for word in re.findall(r"[A-Za-z']+", json.loads(line).get("body", "")):
                    if word.islower():
                        lower[word] += 1
    # Ties broken by the word, so the file is the same on every run.
    ranked = sorted((w for w, n in lower.items() if n >= 3), key=lambda w: (-lower[w], w))
    words, size = [], 0
    for word in ranked:
        if size + len(word) + 1 > WORD_BYTES:
            break
        words.append(word)
        size += len(word) + 1
    text = "".join(" " + w for w in reversed(words)) + data_values() + SKELETON
    with open(OUT, "w", encoding="ascii", newline="") as out:
        out.write(text)
    print(f"{OUT}: {len(text)} bytes ({len(words)} words, skeleton {len(SKELETON)} bytes)")


if __name__ == "__main__":
    main()
