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
  2. the skeleton of the stored JSON (ArticleJson's stored form): every key in the order written,
     with the values that come from fixed lists (block kinds, actor types, cue kinds and
     categories, hedging levels).

The output is read by DeflateWithDictionary, which checks its SHA-256: an index's stored fields
can only be read with the dictionary they were written with, so this file never changes under a
codec name. Changing it means a new codec name in ArchiveCodec, with the old codec kept to read
the old segments: stored-fields-morgue105.dict, beside it, is what this tool wrote before mentions
were stored as [start, length] and cues without their words and sentence (its skeleton had
{"start":,"end":} mentions and cues with "text" and "sentence"); Morgue105Codec reads with it.

Usage: python3 engine-lucene/tools/stored-fields-dictionary.py   (from the project's root)
"""
import collections
import glob
import json
import re

WORD_BYTES = 16 * 1024
OUT = "engine-lucene/src/main/resources/org/morgue/engine/lucene/index/stored-fields-morgue106.dict"

SKELETON = (
    '{"article":{"id":"","title":"","blocks":[{"kind":"lede","length":},{"kind":"key_point","length":},'
    '{"kind":"heading","length":},{"kind":"quote","length":},{"kind":"list_item","length":},'
    '{"kind":"paragraph","length":},{"kind":"paragraph","length":}],"published":"","source":"",'
    '"url":"https://","authors":[""],"origin":"","metadata":{}},"enrichment":{"actors":['
    '{"name":"","type":"group","role":null,"mentions":[[,]],"salience":0.},'
    '{"name":"","type":"government","role":null,"mentions":[[,]],"salience":0.},'
    '{"name":"","type":"organisation","role":null,"mentions":[[,]],"salience":0.},'
    '{"name":"","type":"person","role":"","mentions":[[,]],"salience":0.},'
    '{"name":"","type":"place","role":null,"mentions":[[,],[,]],"salience":1.0}],'
    '"themes":[{"id":"","name":"","iptc":"","score":,"triggers":["",""]}],'
    '"hedging":{"score":0.,"level":"high","level":"medium","level":"low","sentences":,"hedgedSentences":,'
    '"sentenceSpans":[[0,],[2,],[1,],[1,]],"cues":['
    '{"kind":"attribution","category":"anonymous-source","start":,"end":,"quoted":true},'
    '{"kind":"attribution","category":"reporting-verb","start":,"end":,"quoted":false},'
    '{"kind":"booster","category":"","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"open-question","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"forecast","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"adverb","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"epistemic-verb","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"evidential","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"adjective","start":,"end":,"quoted":false},'
    '{"kind":"hedge","category":"modal","start":,"end":,"quoted":false}]}}}'
)


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
    text = "".join(" " + w for w in reversed(words)) + SKELETON
    with open(OUT, "w", encoding="ascii", newline="") as out:
        out.write(text)
    print(f"{OUT}: {len(text)} bytes ({len(words)} words, skeleton {len(SKELETON)} bytes)")


if __name__ == "__main__":
    main()
