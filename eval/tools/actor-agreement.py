#!/usr/bin/env python3
"""Agreement of blind actor lists with eval/actors/gold.tsv and with each other (issue #14).

Reads the annotators' lists in eval/actors/blind-check/ (annotator-A1.tsv, annotator-A2.tsv: "=== ref"
lines, then "name|variant...<TAB>type") and the gold lists of the same articles, matches actors one to
one by any shared name (case, spacing and a final full stop ignored, as the scorer does), and prints
per article and in all the matches and F1 of gold-A1, gold-A2 and A1-A2, then what both annotators
list that the gold lacks and what the gold lists that neither does:

    python3 eval/tools/actor-agreement.py
"""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
ACTORS = os.path.join(HERE, '..', 'actors')


def norm(name):
    return re.sub(r'\s+', ' ', name.strip().lower()).rstrip('.')


def actor(line):
    fields = line.split('\t')
    return {norm(n) for n in fields[0].split('|')}, fields[1].strip() if len(fields) > 1 else ''


def annotated(name):
    lists, current = {}, None
    for line in open(os.path.join(ACTORS, 'blind-check', f'annotator-{name}.tsv'), encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('==='):
            current = line[4:].strip()
            lists[current] = []
        elif line.strip() and current:
            lists[current].append(actor(line))
    return lists


def gold():
    lists, current = {}, None
    for line in open(os.path.join(ACTORS, 'gold.tsv'), encoding='utf-8'):
        line = line.rstrip('\n')
        if line.startswith('#') or not line.strip():
            continue
        if line.startswith('@'):
            current = line.split('\t')[1]
            lists[current] = []
        else:
            lists[current].append(actor(line))
    return lists


def matches(xs, ys):
    used, count = set(), 0
    for names, _ in xs:
        for j, (other, _) in enumerate(ys):
            if j not in used and names & other:
                used.add(j)
                count += 1
                break
    return count


def shares(names, ys):
    return any(names & other for other, _ in ys)


def main():
    a1, a2, g = annotated('A1'), annotated('A2'), gold()
    totals = {}
    for ref in a1:
        pairs = {'gold-A1': (g[ref], a1[ref]), 'gold-A2': (g[ref], a2[ref]), 'A1-A2': (a1[ref], a2[ref])}
        row = []
        for pair, (xs, ys) in pairs.items():
            m = matches(xs, ys)
            total = totals.setdefault(pair, [0, 0, 0])
            total[0] += m
            total[1] += len(xs)
            total[2] += len(ys)
            row.append(f'{pair} {m} of {len(xs)}/{len(ys)}')
        print(ref.split('#')[-1] + ': ' + ', '.join(row))
    for pair, (m, nx, ny) in totals.items():
        print(f'{pair}: {m} matched of {nx} and {ny}, F1 {2 * m / (nx + ny):.3f}')
    for ref in a1:
        for names, kind in a1[ref]:
            if shares(names, a2[ref]) and not shares(names, g[ref]):
                print(f'both annotators, not gold: {ref.split("#")[-1]} {sorted(names)[0]} ({kind})')
        for names, kind in g[ref]:
            if not shares(names, a1[ref]) and not shares(names, a2[ref]):
                print(f'gold, neither annotator: {ref.split("#")[-1]} {sorted(names)[0]} ({kind})')


if __name__ == '__main__':
    main()
