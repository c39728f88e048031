#!/usr/bin/env python3
"""Pearson of pair predictions against gold, with paired bootstrap intervals of the differences.

    pair_bootstrap.py PAIRS GOLD_FIELD NAME=PRED.jsonl [NAME=PRED.jsonl ...] [--b 10000]

PAIRS: {"a","b",GOLD_FIELD} (unordered; a repeated pair keeps its last value). PRED: {"a","b","score"}
(eval_pairs.py's input; `stories-eval similarity --out`, `pairs_eval.py --out`). The first NAME is
compared with every other: Pearson difference, its 95 % paired-bootstrap interval (pairs resampled
with replacement, the same resample for both systems) and the share of resamples where it is > 0.
Uses numpy only (the peers' venv has it).
"""
import json
import sys

import numpy as np


def load(path, field=None):
    out = {}
    with open(path) as f:
        for line in f:
            if line.strip():
                o = json.loads(line)
                out[tuple(sorted((o["a"], o["b"])))] = float(o[field] if field else o["score"])
    return out


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--b")]
    b = 10000
    for a in sys.argv[1:]:
        if a.startswith("--b="):
            b = int(a[4:])
    pairs, field, systems = args[0], args[1], [s.split("=", 1) for s in args[2:]]
    gold = load(pairs, field)
    keys = sorted(gold)
    g = np.array([gold[k] for k in keys])
    preds = {name: load(path) for name, path in systems}
    x = {name: np.array([p.get(k, 0.0) for k in keys]) for name, p in preds.items()}
    idx = np.random.default_rng(0).integers(0, len(keys), (b, len(keys)))

    def r(v, i=slice(None)):
        return float(np.corrcoef(v[i], g[i])[0, 1])

    boot = {n: np.array([r(v, i) for i in idx]) for n, v in x.items()}
    first = systems[0][0]
    for n, v in x.items():
        lo, hi = np.percentile(boot[n], [2.5, 97.5])
        print(json.dumps({"system": n, "pairs": len(keys), "pearson": round(r(v), 4), "ci95": [round(lo, 3), round(hi, 3)]}))
    for n, _ in systems[1:]:
        d = boot[first] - boot[n]
        lo, hi = np.percentile(d, [2.5, 97.5])
        print(json.dumps({"diff": f"{first} - {n}", "pearson": round(r(x[first]) - r(x[n]), 4),
                          "ci95": [round(lo, 3), round(hi, 3)], "p_positive": round(float(np.mean(d > 0)), 3)}))


if __name__ == "__main__":
    main()
