#!/usr/bin/env python3
"""A relabelling of the dev hedging set (issue #14), from its annotations.

Dev sentences of one kind were labelled again by two annotators, blind to the old labels, the way the
held-out parts are; a third blind reading settled the sentences they split on (majority). Each
relabelling has its folder under eval/hedging/: sentences-X.tsv (what the annotators saw),
annotator-X1/X2.tsv (their labels), key-X.tsv (each id's row among dev.tsv's labelled rows, its
source and its label before), and the settling reading, the one annotator file without a digit
(annotator-E.tsv, annotator-S.tsv). Prints the agreement figures of each set and, given the dev file
from before the relabelling, writes the relabelled one:

- modal-relabel (2026-12-03): every dev sentence holding "may", "might" or "could". Set R is the 300
  drawn at random (seed 20261214) from the modal sentences of dev parts 6-7, labelled first to see
  whether the dev labels differ; C and D are the other 690.

      git show dfe13f2^:eval/hedging/dev.tsv > /tmp/dev-before.tsv
      python3 eval/tools/relabel.py modal-relabel /tmp/dev-before.tsv /tmp/dev-after.tsv

- candidate-relabel (2026-12-04): every other dev sentence holding a word of sample-hedging.py's
  CANDIDATE_PATTERN besides "should" and "must" (1,493), in sets F, G, H and J drawn at random
  (seed 20261215).

      git show 32faaf1:eval/hedging/dev.tsv > /tmp/dev-before.tsv
      python3 eval/tools/relabel.py candidate-relabel /tmp/dev-before.tsv /tmp/dev-after.tsv
"""
import os
import sys

HEDGING = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'hedging')


def labels(folder, name):
    out = {}
    for line in open(os.path.join(folder, f'annotator-{name}.tsv'), encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        if len(f) >= 2:
            out[f[0]] = (f[1].strip().lower() == 'yes', [c.strip() for c in (f[2] if len(f) > 2 else '').split(';') if c.strip()])
    return out


def keys(folder, name):
    out = {}
    for line in open(os.path.join(folder, f'key-{name}.tsv'), encoding='utf-8'):
        f = line.rstrip('\n').split('\t')
        out[f[0]] = (int(f[1]), bool(f[3].strip()) if len(f) > 3 else False)
    return out


def f1(a, b, ids):
    both = sum(a[i] and b[i] for i in ids)
    return 2 * both / max(1, sum(a[i] for i in ids) + sum(b[i] for i in ids))


def words_as_written(cue):
    return (cue.split(':', 1)[1] if cue.startswith('hedge:') else cue).strip()


def words(cue):
    return (cue.split(':', 1)[1] if cue.startswith('hedge:') else cue).strip().lower()


def sets(folder):
    """(set, first annotator, second annotator) for each key file, and the settling reading's name."""
    files = sorted(os.listdir(folder))
    names = [f[len('key-'):-len('.tsv')] for f in files if f.startswith('key-') and f.endswith('.tsv')]
    settling = [f[len('annotator-'):-len('.tsv')] for f in files
                if f.startswith('annotator-') and not any(ch.isdigit() for ch in f)]
    return [(n, n + '1', n + '2') for n in names], settling[0]


def decide(folder):
    """Each relabelled row's (hedged, cues): the two annotators' label, or the majority with the settling reading."""
    groups, settling = sets(folder)
    settle = labels(folder, settling)
    final = {}
    for name, first, second in groups:
        a, b, k = labels(folder, first), labels(folder, second), keys(folder, name)
        ids = list(k)
        old = {i: k[i][1] for i in ids}
        ya = {i: a[i][0] for i in ids}
        yb = {i: b[i][0] for i in ids}
        print(f'{name}: {len(ids)} sentences; hedged: before {sum(old.values())}, {first} {sum(ya.values())}, '
              f'{second} {sum(yb.values())}; F1 {first}-{second} {f1(ya, yb, ids):.3f}, '
              f'before-{first} {f1(old, ya, ids):.3f}, before-{second} {f1(old, yb, ids):.3f}; '
              f'split on {sum(ya[i] != yb[i] for i in ids)}')
        for i in ids:
            final[k[i][0]] = verdict(a[i], b[i], settle.get(i))
    return final


def verdict(a, b, settling):
    """(hedged, cues) of one sentence from its two labels, and the settling reading where they split."""
    votes = [a, b] + ([settling] if a[0] != b[0] else [])
    hedged = 2 * sum(v[0] for v in votes) > len(votes)
    cues = []
    for v in votes:
        if v[0] == hedged:
            cues += ['hedge:' + words_as_written(c) for c in v[1]]
    # Overlapping spans name one cue ("believed", "is believed"): keep the shortest, as dev always has.
    cues = [c for c in cues if not any(words(o) != words(c) and words(o) in words(c) for o in cues)]
    seen = set()
    cues = [c for c in cues if not (words(c) in seen or seen.add(words(c)))]
    return hedged, cues


def main():
    final = decide(os.path.join(HEDGING, sys.argv[1]))
    if len(sys.argv) < 4:
        return
    lines = open(sys.argv[2], encoding='utf-8').read().split('\n')
    row = -1
    out = []
    changed = [0, 0]
    for line in lines:
        if line and not line.startswith('#'):
            row += 1
            if row in final:
                f = line.split('\t')
                hedged, cues = final[row]
                before = len(f) > 2 and f[2].strip() != ''
                if before != hedged:
                    changed[0 if hedged else 1] += 1
                line = f[0] + '\t' + f[1] + '\t' + (';'.join(cues) if hedged else '')
        out.append(line)
    open(sys.argv[3], 'w', encoding='utf-8').write('\n'.join(out))
    print(f'{len(final)} rows relabelled: {changed[0]} not hedged to hedged, {changed[1]} hedged to not')


if __name__ == '__main__':
    main()
