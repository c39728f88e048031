#!/usr/bin/env python3
"""Totals of the hand labels (related-labels.tsv) over a run's seeded sample of related lists.

usage: related_judged.py LISTS.jsonl LABELS.tsv RUN [--sample 60 --seed 7]
Items of the sample without a label in RUN are counted as unlabelled (read them with
related_show.py and add them)."""
import json, sys, random, collections
lists, labels, run = sys.argv[1:4]
args = sys.argv[4:]
n = int(args[args.index("--sample") + 1]) if "--sample" in args else 60
seed = int(args[args.index("--seed") + 1]) if "--seed" in args else 7
lab = {}
for line in open(labels):
    if line.startswith("#"): continue
    r, q, b, l, ra = (line.rstrip("\n").split("\t") + [""])[:5]
    if r == run: lab[(q, b)] = l
rows = sorted((json.loads(l) for l in open(lists)), key=lambda d: d["id"])
tot = collections.Counter(); ra = collections.Counter(); empty = 0
for d in random.Random(seed).sample(rows, n):
    if not d["similar"]: empty += 1
    for x in d["similar"]:
        l = lab.get((d["id"], x["id"]), "?")
        tot[l] += 1
        if d.get("readAlso") and d["readAlso"]["id"] == x["id"]: ra[l] += 1
k = sum(tot.values())
print(f"{run}: {n} queries ({empty} with no similar list), {k} listed items: "
      + ", ".join(f"{l} {tot[l]} ({tot[l] / k:.0%})" for l in "GWU?" if tot[l]) + "; read also: "
      + ", ".join(f"{l} {ra[l]}" for l in "GWU?" if ra[l]))
