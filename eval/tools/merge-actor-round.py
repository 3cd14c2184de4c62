"""Merges an actor annotation round into eval/actors/gold.tsv: each sample's scored blocks are
extended to the end the round annotated (ENDS, a JSON map from sample id to block count) and every
actor the annotators list that no gold actor of the sample names is added; names that match one add
their other forms as variants. Usage: merge-actor-round.py ENDS FOLDER [--write], from the
repository root."""
import json,re,glob,sys
gold='eval/actors/gold.tsv'
ends=json.load(open(sys.argv[1]))
def norm(n): return re.sub(r'\.$','',re.sub(r'\s+',' ',n.strip().replace('\u2019',"'"))).lower()
new={}
for f in sorted(glob.glob(sys.argv[2] + '/annotator-*.tsv')):
    ref=None
    for l in open(f):
        l=l.rstrip('\n')
        if l.startswith('==='): ref=l[3:].strip(); new.setdefault(ref,[]); continue
        if not l.strip(): continue
        names,typ=l.rsplit('\t',1) if '\t' in l else re.split(r'\s{2,}',l,1)
        typ=typ.strip(); assert typ in ('person','organisation','place','government','group'),l
        new[ref].append(([n.strip() for n in names.split('|') if n.strip()],typ))
lines=open(gold).read().split('\n'); out=[]; i=0; added=0; variants=0
while i<len(lines):
    l=lines[i]
    if l.startswith('@\t'):
        f=l.split('\t'); ref=f[1]; j=i+1
        while j<len(lines) and lines[j].strip() and not lines[j].startswith('@'): j+=1
        ents=[x.split('\t') for x in lines[i+1:j]]
        if ref in new:
            sid=ref.split('#brown-')[1]; f[3]=str(ends[sid])
            for names,typ in new[ref]:
                hit=[e for e in ents if any(norm(n) in {norm(m) for m in e[0].split('|')} for n in names)]
                if hit:
                    have={norm(m) for m in hit[0][0].split('|')}
                    extra=[n for n in names if norm(n) not in have]
                    if extra: hit[0][0]+='|'+'|'.join(extra); variants+=1
                else:
                    ents.append(['|'.join(names),typ]); added+=1
        out.append('\t'.join(f)); out+=['\t'.join(e) for e in ents]; i=j; continue
    out.append(l); i+=1
missing=set(new)-{l.split('\t')[1] for l in lines if l.startswith('@\t')}
assert not missing,missing
if '--write' in sys.argv: open(gold,'w').write('\n'.join(out))
print('added',added,'variants',variants,'samples',len(new))
