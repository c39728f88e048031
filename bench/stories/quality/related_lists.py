#!/usr/bin/env python3
"""Fetch the related lists of every article (or a seeded sample) from a running `khabar serve`.
usage: related_lists.py DB PORT OUT [--sample N --seed S]"""
import json, sqlite3, sys, urllib.request, random, concurrent.futures as cf
db, port, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
args = sys.argv[4:]
ids = [r[0] for r in sqlite3.connect(db).execute("select id from articles order by id")]
if "--sample" in args:
    n = int(args[args.index("--sample") + 1]); seed = int(args[args.index("--seed") + 1])
    ids = random.Random(seed).sample(ids, n)
def get(i):
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/api/articles/{i}/related") as r:
        return json.load(r)
with open(out, "w") as f, cf.ThreadPoolExecutor(2) as ex:
    for d in ex.map(get, ids):
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
