#!/usr/bin/env python3
"""Prints the largest stories of a clustering run for reading (stdout only).

    inspect_stories.py CORPUS.jsonl[.gz] ASSIGNMENTS.jsonl [--top 15] [--story ID]

ASSIGNMENTS is what `stories-eval stories CORPUS --out FILE` writes: one ["id","storyID","dupOf"] per line.
"""
import collections, gzip, json, sys

def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

args = sys.argv[1:]
top = int(args[args.index("--top") + 1]) if "--top" in args else 15
only = args[args.index("--story") + 1] if "--story" in args else None
arts = {a["id"]: a for a in load(args[0])}
stories = collections.defaultdict(list)
for row in load(args[1]):
    stories[row[1]].append(row)
big = sorted(stories.items(), key=lambda kv: -len(kv[1]))
if only:
    big = [(only, stories[only])]
sizes = collections.Counter(min(len(v), 50) // 5 * 5 for v in stories.values())
print("stories", len(stories), "size histogram (bucket of 5):", sorted(sizes.items()))
for sid, rows in big[:top]:
    days = collections.Counter(arts[r[0]].get("published", "")[:10] for r in rows)
    srcs = collections.Counter(arts[r[0]].get("source") for r in rows)
    print(f"\n== story {sid}: {len(rows)} articles, {len(srcs)} sources, days {sorted(days.items())}")
    for r in rows[: (200 if only else 12)]:
        a = arts[r[0]]
        print("  ", a.get("published", "")[:16], (a.get("source") or "")[:10].ljust(10), "DUP" if r[2] else "   ", a["title"][:90])
