#!/usr/bin/env python3
"""A new part of the hedging sets from two annotators and a settling reading (issue #14).

The way test2-test5 were labelled, kept on file: a part's folder under eval/hedging/ holds
sentences-N.tsv (what the annotators saw, in sets of about 360), annotator-Na.tsv and annotator-Nb.tsv
(two independent labellings of set N), annotator-S.tsv (a third blind reading of the sentences a pair
split on) and key-N.tsv (each id's source document). Prints each pair's agreement and writes the
labelled rows (source, sentence, cues) in the sets' order, by the same majority relabel.py uses:

    python3 eval/tools/annotated-part.py dev8 /tmp/dev8-rows.tsv

Dev part 8 (2026-12-04, eval/hedging/dev8.tsv) is the first made this way: 2,851 random sentences of dev documents
(sample-hedging.py --dev8), written below the header of dev8.tsv.
"""
import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location('relabel', os.path.join(HERE, 'relabel.py'))
relabel = importlib.util.module_from_spec(spec)
spec.loader.exec_module(relabel)


def rows(folder):
    settle = relabel.labels(folder, 'S')
    names = [f[len('key-'):-len('.tsv')] for f in os.listdir(folder) if f.startswith('key-')]
    out = []
    for name in sorted(names, key=int):
        a, b = relabel.labels(folder, name + 'a'), relabel.labels(folder, name + 'b')
        sources = dict(line.rstrip('\n').split('\t') for line in open(os.path.join(folder, f'key-{name}.tsv'), encoding='utf-8'))
        sentences = [line.rstrip('\n').split('\t', 1) for line in open(os.path.join(folder, f'sentences-{name}.tsv'), encoding='utf-8')]
        ids = [i for i, _ in sentences]
        ya, yb = {i: a[i][0] for i in ids}, {i: b[i][0] for i in ids}
        print(f'{name}: {len(ids)} sentences; hedged: {name}a {sum(ya.values())}, {name}b {sum(yb.values())}; '
              f'F1 {relabel.f1(ya, yb, ids):.3f}; split on {sum(ya[i] != yb[i] for i in ids)}')
        for i, sentence in sentences:
            out.append((sources[i], sentence) + relabel.verdict(a[i], b[i], settle.get(i)))
    return out


def main():
    labelled = rows(os.path.join(HERE, '..', 'hedging', sys.argv[1]))
    print(f'{len(labelled)} sentences, {sum(1 for row in labelled if row[2])} hedged')
    if len(sys.argv) > 2:
        lines = [f"{source}\t{sentence}\t{';'.join(cues) if hedged else ''}" for source, sentence, hedged, cues in labelled]
        open(sys.argv[2], 'w', encoding='utf-8').write('\n'.join(lines) + '\n')


if __name__ == '__main__':
    main()
