#!/usr/bin/env python3
"""Prints a seeded sample of multi-source stories of a store for reading (titles, outlets, times,
entity tags). usage: stories_show.py DB N SEED"""
import sqlite3, sys, random, collections, datetime
db, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
con = sqlite3.connect(db)
rows = con.execute("""select a.story_id, a.id, a.title, a.published, s.name, a.duplicate_of from articles a join sources s on s.id = a.source_id
                      where a.story_id is not null order by a.story_id, a.published, a.seq""").fetchall()
tags = collections.defaultdict(list)
for i, name, typ in con.execute("select a.id, t.name, t.type from article_tags x join articles a on a.seq = x.article_seq join tags t on t.slug = x.slug where t.type != 'keyphrase' order by x.article_seq, x.rank"):
    tags[i].append(name)
st = collections.defaultdict(list)
for r in rows: st[r[0]].append(r)
multi = sorted(k for k, v in st.items() if len({r[4] for r in v}) >= 2)
print("stories", len(st), "multi-source", len(multi))
for k in random.Random(seed).sample(multi, n):
    v = st[k]
    print(f"\n## story {k}: {len(v)} articles, {len({r[4] for r in v})} sources")
    for _, i, t, p, s, d in v:
        print(f"   {datetime.datetime.utcfromtimestamp(p).strftime('%m-%d %H:%M')} {s[:6]:6} {'copy ' if d else ''}{t}  [{', '.join(tags[i][:5])}]")
