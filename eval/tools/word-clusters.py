#!/usr/bin/env python3
"""Groups the words of the shipped corpus into clusters by the words around them, for an experiment.

Distributional word classes (one word's neighbours to the left and right, positive PMI, a rank-100
SVD, then k-means) were tried on 2026-12-04 as a new feature of the cue-sense model: the verb after a
modal and the words before it, by class rather than by spelling, so that a sense learnt on "remain"
carries to "exist" (the stative verbs, which go with a modal's guessing sense, fall into one class
here: become, require, remain, exist, seem, mean, prove, appear). Measured by
ClusterFeatureExperimentTest (eval module, an experiment the default build skips); docs/enrichment.md
gives the result. Unsupervised: no label is read.

Usage (from the repository root, numpy and scipy installed):
    python3 eval/tools/word-clusters.py eval/target/word-clusters
Writes eval/target/word-clusters-64.tsv and eval/target/word-clusters-256.tsv: word <TAB> cluster.
Reads the State of the Union addresses and Brown samples of corpus/articles and the Reuters stories
of eval/reuters-acq (1.9 million words). Seeded, so the clusters are the same on every run.
"""
import collections
import glob
import json
import re
import sys

import numpy as np
from scipy.cluster.vq import kmeans2
from scipy.sparse import coo_matrix
from scipy.sparse.linalg import svds

CONTEXT_WORDS = 2000
MIN_COUNT = 5
DIMENSIONS = 100
SEED = 7


def texts():
    for path in sorted(glob.glob('corpus/articles/*/*.jsonl')):
        with open(path, encoding='utf-8') as lines:
            for line in lines:
                yield json.loads(line)['body']
    for path in sorted(glob.glob('eval/reuters-acq/*.xml')):
        with open(path, encoding='utf-8', errors='replace') as story:
            yield re.sub('<[^>]+>', ' ', story.read())


def main(prefix):
    words = re.compile(r"[a-z]+(?:'[a-z]+)?")
    sequences = [words.findall(text.lower()) for text in texts()]
    counts = collections.Counter(w for s in sequences for w in s)
    vocabulary = [w for w, c in counts.most_common() if c >= MIN_COUNT]
    index = {w: i for i, w in enumerate(vocabulary)}
    context = {w: i for i, w in enumerate(vocabulary[:CONTEXT_WORDS])}
    pairs = collections.Counter()
    for s in sequences:
        for i, w in enumerate(s):
            if w not in index:
                continue
            for slot, offset in enumerate((-2, -1, 1, 2)):
                j = i + offset
                if 0 <= j < len(s) and s[j] in context:
                    pairs[(index[w], slot * CONTEXT_WORDS + context[s[j]])] += 1
    rows = np.array([k[0] for k in pairs])
    cols = np.array([k[1] for k in pairs])
    values = np.array(list(pairs.values()), dtype=float)
    m = coo_matrix((values, (rows, cols)), shape=(len(vocabulary), 4 * CONTEXT_WORDS)).tocsr()
    total = m.sum()
    row_sums = np.asarray(m.sum(1)).ravel()
    col_sums = np.asarray(m.sum(0)).ravel() ** 0.75
    col_sums = col_sums / col_sums.sum()
    m = m.tocoo()
    pmi = np.log((m.data / total) / ((row_sums[m.row] / total) * col_sums[m.col]))
    keep = pmi > 0
    ppmi = coo_matrix((pmi[keep], (m.row[keep], m.col[keep])), shape=m.shape).tocsr()
    u, s, _ = svds(ppmi, k=DIMENSIONS, random_state=SEED)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    for k in (64, 256):
        _, labels = kmeans2(vectors, k, minit='++', iter=30, seed=SEED)
        with open(f'{prefix}-{k}.tsv', 'w', encoding='utf-8') as out:
            for word, label in zip(vocabulary, labels):
                out.write(f'{word}\t{label}\n')
    print(f'{sum(counts.values())} words, {len(vocabulary)} clustered, written to {prefix}-64.tsv and {prefix}-256.tsv')


if __name__ == '__main__':
    main(sys.argv[1])
