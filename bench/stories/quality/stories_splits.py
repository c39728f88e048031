"""The stories of one clustering run that another run splits, for reading: each base story with its
members grouped by their story in the other run. Assignments as `khabar bench stories
--assignments-out` writes them. usage: stories_splits.py CORPUS BASE.jsonl OTHER.jsonl [SEED [N]]"""
import json, sys, gzip, collections, random
corpus, base, new = sys.argv[1], sys.argv[2], sys.argv[3]
sys.argv = sys.argv[:1] + sys.argv[2:]   # [prog, BASE, OTHER, SEED, N] below
arts = {}
for l in gzip.open(corpus, 'rt'):
    d = json.loads(l); arts[d['id']] = (d['title'], d['source'], d['published'][:16])
def load(p):
    a = {}
    for l in open(p):
        d = json.loads(l); a[d[0]] = d[1]   # [id, story, duplicateOf]
    return a
A, B = load(base), load(new)
sa = collections.defaultdict(list); sb = collections.defaultdict(list)
for i, s in A.items(): sa[s].append(i)
for i, s in B.items(): sb[s].append(i)
# articles whose base story-mates differ in the new run: a member taken out of a base story
moved = []
for s, mem in sa.items():
    if len(mem) < 2: continue
    groups = collections.defaultdict(list)
    for i in mem: groups[B[i]].append(i)
    if len(groups) > 1:
        moved.append((s, mem, groups))
print("base stories split:", len(moved))
random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1).shuffle(moved)
for s, mem, groups in moved[:int(sys.argv[4]) if len(sys.argv) > 4 else 20]:
    print(f"\n## base story {s} ({len(mem)})")
    for g, ids in sorted(groups.items(), key=lambda x: -len(x[1])):
        for i in sorted(ids, key=lambda i: arts[i][2]):
            t, src, p = arts[i]
            print(f"   [{g}] {p[5:]} {src[:6]:6} {t}")
