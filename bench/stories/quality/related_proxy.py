#!/usr/bin/env python3
"""Automatic proxy of related-list precision: for every (article, listed article) pair, what the
two share among the tags the tagger stored, and whether the ANT categories agree.
usage: related_proxy.py DB LISTS.jsonl"""
import json, sqlite3, sys, collections, statistics, datetime
db, lists = sys.argv[1], sys.argv[2]
con = sqlite3.connect(db)
cat = {}; pub = {}
for i, c, p in con.execute("select id, category, published from articles"):
    cat[i] = c; pub[i] = p
tags = collections.defaultdict(dict)
for i, slug, typ in con.execute("select a.id, t.slug, t.type from article_tags x join articles a on a.seq = x.article_seq join tags t on t.slug = x.slug"):
    tags[i][slug] = typ
GROUP = {"internationalNews": "news", "middleEast": "news"}
def grp(c): return GROUP.get(c, c)
def kind(a, b):
    shared = set(tags[a]) & set(tags[b])
    types = {tags[a][s] for s in shared} - {"outlet"}
    if types - {"country"}: return "specific"
    if "country" in types: return "country-only"
    return "none"
def summary(name, pairs):
    n = len(pairs)
    if n == 0: print(name, "no pairs"); return
    k = collections.Counter(kind(a, b) for a, b in pairs)
    mism = sum(grp(cat[a]) != grp(cat[b]) for a, b in pairs)
    print(f"{name}: {n} pairs; share a specific tag {k['specific']/n:.3f}, only a country {k['country-only']/n:.3f}, "
          f"no tag {k['none']/n:.3f}; category group differs {mism/n:.3f}")
sim, ra, ss = [], [], []
empty = 0; nq = 0; lens = []; ages = []
for line in open(lists):
    d = json.loads(line); q = d["id"]; nq += 1
    s = [x["id"] for x in d["similar"]]
    lens.append(len(s)); empty += not s
    sim += [(q, x) for x in s]
    ss += [(q, x["id"]) for x in d["sameStory"]]
    if d.get("readAlso"):
        r = d["readAlso"]["id"]; ra.append((q, r)); ages.append(abs(pub[q] - pub[r]) / 86400)
print(f"queries {nq}; empty similar {empty/nq:.3f}; mean similar {statistics.mean(lens):.2f}; read-also {len(ra)/nq:.3f}"
      f" (median age gap {statistics.median(ages) if ages else 0:.2f} d, mean {statistics.mean(ages) if ages else 0:.2f} d)")
summary("similar", sim)
summary("read also", ra)
summary("same story", ss)
