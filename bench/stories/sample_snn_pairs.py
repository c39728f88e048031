#!/usr/bin/env python3
"""Sample candidate (SPA item, other-paper item) pairs from SaudiNewsNet for
near-duplicate (wire-copy) labelling.

Stdlib only, deterministic (fixed seed).  Writes ids + similarity numbers only
(no article text) to candidates.jsonl next to this script.

Usage:
    python3 sample_snn_pairs.py [path/to/articles.jsonl.gz]
    python3 sample_snn_pairs.py --show START END   # print pairs for reading
                                                   # (stdout only, never saved)
    python3 sample_snn_pairs.py --emit             # labels.tsv + candidates.jsonl
                                                   # -> saudinewsnet-pairs.jsonl
"""
import gzip
import json
import os
import random
import re
import sys
from collections import Counter, defaultdict

SEED = 20150809
HERE = os.path.dirname(os.path.abspath(__file__))
DATA = "/work/shared/data/saudinewsnet/articles.2015-08-09_11.jsonl.gz"
OUT = os.path.join(HERE, "candidates.jsonl")
SPA = "Saudi Press Agency"

# how many pairs to draw per band (before labelling / dropping)
BANDS = [  # (name, lo, hi, n)
    ("c>=0.8", 0.8, 1.01, 60),
    ("c0.5-0.8", 0.5, 0.8, 60),
    ("c0.3-0.5", 0.3, 0.5, 40),
    ("c0.15-0.3", 0.15, 0.3, 40),
    ("c0.05-0.15", 0.05, 0.15, 15),
]
N_TITLE_HARD = 50   # same day, >=3 rare shared title words, max containment < 0.15
N_RANDOM = 20       # random same-day pairs
MAX_PER_SPA_PER_BAND = 2
RARE_DF = 40        # a title word is "rare" if it occurs in <= this many titles

# ---------------------------------------------------------------- normalising
DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")
TATWEEL = "\u0640"
ALEF = re.compile("[\u0622\u0623\u0625\u0671]")
NON_WORD = re.compile(r"[^\w]+")
# SPA boilerplate: dateline line "<city> 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس",
# closing "// انتهى //" and time stamp "13:37 ت م"; title category prefix "عام / ".
SPA_DATELINE = re.compile(r"^[^\n]{0,80}?\d{4}\s*م\s*واس\s*\n")
SPA_END = re.compile(r"/+\s*انتهى\s*/+[\s\S]*$")
SPA_TITLE_PREFIX = re.compile(r"^[^/]{1,20}/\s*")


def norm(text):
    text = DIACRITICS.sub("", text).replace(TATWEEL, "")
    text = ALEF.sub("\u0627", text).replace("\u0649", "\u064a").replace("\u0629", "\u0647")
    text = NON_WORD.sub(" ", text.lower())
    return text.split()


def clean_body(d):
    b = d["body"]
    if d["source"] == SPA:
        b = SPA_DATELINE.sub("", b, count=1)
        b = SPA_END.sub("", b)
    return b


def clean_title(d):
    t = d["title"]
    if d["source"] == SPA:
        t = SPA_TITLE_PREFIX.sub("", t, count=1)
    return t


def shingles(words, k):
    return {" ".join(words[i:i + k]) for i in range(max(0, len(words) - k + 1))}


STOP = set(norm(
    "في من على الى إلى عن مع ان أن إن هذا هذه ذلك التي الذي الذين و او أو ثم كما قد لا ما "
    "بين بعد قبل خلال حتى عند كل اليوم امس أمس يوم غدا العام عام وزير امير أمير منطقه "
    "المملكه السعوديه الملك خادم الحرمين الشريفين سمو ولي العهد رئيس مجلس"))


def load(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f]


# -------------------------------------------------------------------- sampling
def build(path):
    docs = load(path)
    by_id = {d["id"]: d for d in docs}
    sh5, sh3, tw = {}, {}, {}
    for d in docs:
        w = norm(clean_body(d))
        sh5[d["id"]] = shingles(w, 5)
        sh3[d["id"]] = shingles(w, 3)
        tw[d["id"]] = {t for t in norm(clean_title(d)) if len(t) >= 3 and t not in STOP}
    title_df = Counter(t for s in tw.values() for t in s)

    spa = sorted(d["id"] for d in docs if d["source"] == SPA)
    others = sorted(d["id"] for d in docs if d["source"] != SPA)
    inv = defaultdict(list)
    for i in others:
        for s in sh5[i]:
            inv[s].append(i)

    def day(i):
        return by_id[i]["published"][:10]

    def stats(a, b):
        A5, B5, A3, B3 = sh5[a], sh5[b], sh3[a], sh3[b]
        i5, i3 = len(A5 & B5), len(A3 & B3)
        c5_ab = i5 / len(A5) if A5 else 0.0   # share of the SPA text found in b
        c5_ba = i5 / len(B5) if B5 else 0.0   # share of b found in the SPA text
        c3_ab = i3 / len(A3) if A3 else 0.0
        c3_ba = i3 / len(B3) if B3 else 0.0
        rare = sorted(t for t in tw[a] & tw[b] if title_df[t] <= RARE_DF)
        return {"c5_ab": round(c5_ab, 3), "c5_ba": round(c5_ba, 3),
                "c3_ab": round(c3_ab, 3), "c3_ba": round(c3_ba, 3),
                "c5": round(max(c5_ab, c5_ba), 3), "rare_title": len(rare)}

    # all (SPA, other) pairs sharing at least one 5-gram
    pairs = {}
    for a in spa:
        hits = Counter()
        for s in sh5[a]:
            for b in inv.get(s, ()):
                hits[b] += 1
        for b in sorted(hits):
            pairs[(a, b)] = stats(a, b)

    rng = random.Random(SEED)
    chosen, seen = [], set()

    def story(a):
        # SPA splits long stories into parts ("إضافة أولى" ...): one key per story
        t = re.split(r"\s(?:/\s*)?إضافة", clean_title(by_id[a]))[0]
        return " ".join(norm(t))

    def take(pool, n, stratum):
        pool = sorted(pool)
        rng.shuffle(pool)
        per_story, per_b = Counter(), Counter()
        got = 0
        for a, b in pool:
            if got >= n:
                break
            if ((a, b) in seen or per_story[story(a)] >= MAX_PER_SPA_PER_BAND
                    or per_b[b] >= MAX_PER_SPA_PER_BAND):
                continue
            seen.add((a, b))
            per_story[story(a)] += 1
            per_b[b] += 1
            st = pairs.get((a, b)) or stats(a, b)
            chosen.append({"a": a, "b": b, "stratum": stratum, **st})
            got += 1

    for name, lo, hi, n in BANDS:
        pool = [p for p, st in pairs.items() if lo <= st["c5"] < hi]
        if lo >= 0.5:
            # make sure asymmetric copies (lead-only / added text) are represented:
            # one third of the band from pairs whose two directions differ a lot
            asym = [p for p in pool if abs(pairs[p]["c5_ab"] - pairs[p]["c5_ba"]) >= 0.3]
            take(asym, n // 3, name + "/asym")
            take(pool, n - n // 3, name)
        else:
            take(pool, n, name)

    # hard negatives: same day, >=3 rare title words shared, low body overlap
    hard = []
    for a in spa:
        for b in others:
            if day(a) != day(b):
                continue
            if len([t for t in tw[a] & tw[b] if title_df[t] <= RARE_DF]) < 3:
                continue
            st = pairs.get((a, b)) or stats(a, b)
            if st["c5"] < 0.15:
                hard.append((a, b))
    take(hard, N_TITLE_HARD, "title-hard")

    # random same-day pairs
    rnd = []
    for _ in range(N_RANDOM * 50):
        a = rng.choice(spa)
        b = rng.choice(others)
        if day(a) == day(b):
            rnd.append((a, b))
    take(rnd, N_RANDOM, "random-same-day")

    for k, c in enumerate(chosen):
        c["n"] = k
    with open(OUT, "w", encoding="utf-8") as f:
        for c in chosen:
            f.write(json.dumps(c, ensure_ascii=False) + "\n")
    print("pairs with >=1 shared 5-gram:", len(pairs))
    for name, lo, hi, n in BANDS:
        print(name, "pool", sum(1 for st in pairs.values() if lo <= st["c5"] < hi))
    print("title-hard pool", len(hard))
    print(Counter(c["stratum"] for c in chosen))
    print("written", len(chosen), "->", OUT)


# ----------------------------------------------------------------- reading aid
def show(start, end, path):
    by_id = {d["id"]: d for d in load(path)}
    cands = [json.loads(l) for l in open(OUT, encoding="utf-8")]
    for c in cands[start:end]:
        print("=" * 100)
        print(f"#{c['n']} [{c['stratum']}] c5 a->b {c['c5_ab']} b->a {c['c5_ba']} | "
              f"c3 a->b {c['c3_ab']} b->a {c['c3_ba']} | rare_title {c['rare_title']}")
        for side in ("a", "b"):
            d = by_id[c[side]]
            body = d["body"].replace("\n", " ¶ ")
            tail = body[-200:] if len(body) > 600 else ""
            print(f" {side.upper()} {d['source']} {d['published']} len={len(body)} :: {d['title']}")
            print("   HEAD:", body[:400])
            if tail:
                print("   TAIL:", tail)


# ------------------------------------------------------------- final output
LABELS = os.path.join(HERE, "labels.tsv")
PAIRS = os.path.join(HERE, "saudinewsnet-pairs.jsonl")


def emit():
    cands = {c["n"]: c for c in map(json.loads, open(OUT, encoding="utf-8"))}
    rows = []
    for line in open(LABELS, encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        n, lab, kind = line.rstrip("\n").split("\t")
        if lab == "DROP":
            continue
        c = cands[int(n)]
        rows.append((c, lab == "T", kind))
    with open(PAIRS, "w", encoding="utf-8") as f:
        for c, lab, kind in rows:
            f.write(json.dumps({"a": c["a"], "b": c["b"], "label": lab, "kind": kind},
                               ensure_ascii=False) + "\n")
    pos = sum(1 for _, lab, _ in rows if lab)
    print(f"written {len(rows)} pairs ({pos} true, {len(rows) - pos} false) -> {PAIRS}")
    print("by kind:", sorted(Counter((lab, k) for _, lab, k in rows).items()))
    for name, key in (("max(c5 a->b, b->a) >= 0.5", "c5"), ("c5 a->b >= 0.5", "c5_ab"),
                      ("max(c3) >= 0.5", None)):
        def val(c):
            return max(c["c3_ab"], c["c3_ba"]) if key is None else c[key]
        agree = sum(1 for c, lab, _ in rows if (val(c) >= 0.5) == lab)
        fn = sum(1 for c, lab, _ in rows if lab and val(c) < 0.5)
        fp = sum(1 for c, lab, _ in rows if not lab and val(c) >= 0.5)
        print(f"rule {name}: agree {agree}/{len(rows)} ({agree / len(rows):.1%}), "
              f"missed positives {fn}, false alarms {fp}")
    print("by stratum:", sorted(Counter((c["stratum"].split("/")[0], lab)
                                        for c, lab, _ in rows).items()))


if __name__ == "__main__":
    args = sys.argv[1:]
    if args and args[0] == "--emit":
        emit()
    elif args and args[0] == "--show":
        show(int(args[1]), int(args[2]), args[3] if len(args) > 3 else DATA)
    else:
        build(args[0] if args else DATA)
