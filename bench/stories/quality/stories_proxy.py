#!/usr/bin/env python3
"""Story proxy: members of multi-article stories (copies left out) that share no person,
organization, place or key phrase tag with any other member of their story (only countries, or
nothing). Assignments as `khabar bench stories --assignments-out` writes them; tags from a store of the
same corpus. usage: stories_proxy.py DB ASSIGNMENTS.jsonl..."""
import json, sqlite3, sys, collections
con = sqlite3.connect(sys.argv[1])
tags = collections.defaultdict(dict)
for i, slug, typ in con.execute("select a.id, t.slug, t.type from article_tags x join articles a on a.seq = x.article_seq join tags t on t.slug = x.slug where t.type != 'outlet'"):
    tags[i][slug] = typ
for path in sys.argv[2:]:
    st = collections.defaultdict(list)
    for l in open(path):
        r = json.loads(l); i, s, dup = r[0], r[1], r[2]
        if not dup: st[s].append(i)
    members = lonely = countryonly = 0
    for s, ids in st.items():
        if len(ids) < 2: continue
        for i in ids:
            members += 1
            others = set().union(*(tags[j].keys() for j in ids if j != i))
            shared = set(tags[i]) & others
            if not any(tags[i][t] != 'country' for t in shared):
                lonely += 1
                countryonly += bool(shared)
    print(f"{path}: members of multi-article stories {members}; sharing no specific tag with the others {lonely} ({lonely/members:.3f}), of them sharing a country {countryonly}")
