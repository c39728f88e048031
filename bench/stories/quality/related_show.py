#!/usr/bin/env python3
"""Prints a seeded sample of related lists for reading: each query's title and lead, each listed
title with its lead and the tags it shares. usage: related_show.py DB LISTS.jsonl N SEED"""
import json, sqlite3, sys, random, collections
db, lists, n, seed = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
con = sqlite3.connect(db)
art = {i: (t, b, p, c) for i, t, b, p, c in con.execute("select id, title, body, published, category from articles")}
tags = collections.defaultdict(dict)
for i, name, typ in con.execute("select a.id, t.name, t.type from article_tags x join articles a on a.seq = x.article_seq join tags t on t.slug = x.slug order by x.rank"):
    tags[i][name] = typ
rows = [json.loads(l) for l in open(lists)]
rows.sort(key=lambda d: d["id"])
sample = random.Random(seed).sample(rows, n)
import datetime
def day(p): return datetime.datetime.utcfromtimestamp(p).strftime("%m-%d %H")
def lead(b, k): return " ".join(b.split())[:k]
for qn, d in enumerate(sample):
    q = d["id"]; t, b, p, c = art[q]
    print(f"\n### Q{qn} {q} [{c} {day(p)}] {t}\n    {lead(b, 260)}\n    tags: {', '.join(tags[q])}")
    ra = d["readAlso"]["id"] if d.get("readAlso") else None
    for x in d["similar"]:
        a = art[x["id"]]
        sh = [k for k in tags[x['id']] if k in tags[q]]
        print(f"  {'RA ' if x['id']==ra else '   '}{x['score']:.3f} [{a[3]} {day(a[2])}] {a[0]}  | {lead(a[1], 110)}  {{{', '.join(sh)}}}")
