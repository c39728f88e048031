#!/usr/bin/env python3
"""Summary of a clustering run: sizes, time spans, outlet spread (stdout, one JSON line).

    story_stats.py CORPUS.jsonl[.gz] ASSIGNMENTS.jsonl
"""
import collections, datetime, gzip, json, sys

def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]

arts = {a["id"]: a for a in load(sys.argv[1])}
stories = collections.defaultdict(list)
for row in load(sys.argv[2]):
    stories[row[1]].append(arts[row[0]])
def ts(a):
    return datetime.datetime.fromisoformat(a["published"]).timestamp()
spans = []
for rows in stories.values():
    t = [ts(a) for a in rows]
    spans.append((max(t) - min(t)) / 3600)
sizes = sorted((len(v) for v in stories.values()), reverse=True)
multi = [v for v in stories.values() if len({a["source"] for a in v}) > 1]
print(json.dumps({
    "stories": len(stories), "singletons": sum(1 for s in sizes if s == 1),
    "multiSource": len(multi), "articlesInMultiSource": sum(len(v) for v in multi),
    "largest": sizes[:8], "spanOver72h": sum(1 for s in spans if s > 72), "spanOver7d": sum(1 for s in spans if s > 168),
    "maxSpanDays": round(max(spans) / 24, 1),
}))
