#!/usr/bin/env bash
# Runs the KhabarStories evaluation (items 1–5 of the stories brief) from a scratch package that
# builds Sources/KhabarStories + Sources/khabar/StoriesEval.swift into `stories-eval`, next to the
# Python peers on the same inputs. Until `khabar bench stories …` exists, this is the way to run it.
#   bench/stories/run_eval.sh [SCRATCH_PKG=/tmp/stories-pkg]
# Needs ../shared (data + peers/.venv). Writes results to $OUT (default /tmp/stories-eval-out).
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
SHARED="$REPO/../shared"
PKG="${1:-/tmp/stories-pkg}"
OUT="${OUT:-/tmp/stories-eval-out}"
PY="$SHARED/peers/.venv/bin/python"
mkdir -p "$OUT"
E="$PKG/.build/release/stories-eval"
(cd "$PKG" && swift build -c release -j 2 --product stories-eval >/dev/null)
D="$SHARED/data"
echo "== 1 seed sample";   "$E" seed "$SHARED/peers/sample.jsonl" | tee "$OUT/seed.json"
echo "== 2 ANT stories";   "$E" stories "$D/ant-multisource/articles.dev.jsonl.gz" --out "$OUT/ant-assignments.jsonl" | tee "$OUT/stories.json"
python3 "$REPO/bench/stories/story_stats.py" "$D/ant-multisource/articles.dev.jsonl.gz" "$OUT/ant-assignments.jsonl"
echo "== 3 SaudiNewsNet near-duplicates"
"$E" neardup "$D/saudinewsnet/articles.2015-08-09_11.jsonl.gz" "$REPO/bench/stories/saudinewsnet-pairs.jsonl" | tee "$OUT/neardup.json"
echo "== 4 SemEval similarity (Khabar, then peers)"
S="$D/semeval2022-task8-ar"
"$E" similarity "$S/articles.dev.jsonl" "$S/pairs.dev.jsonl" --out "$OUT/semeval-khabar.jsonl" | tee "$OUT/similarity.json"
"$PY" "$SHARED/peers/eval_pairs.py" "$S/pairs.dev.jsonl" "$OUT/semeval-khabar.jsonl" --gold-field similarity | tail -1
for e in tfidf bm25 jaccard; do
  PYTHONHASHSEED=0 "$PY" "$SHARED/peers/pairs_eval.py" "$S/articles.dev.jsonl" "$S/pairs.dev.jsonl" --engine $e --gold-field similarity 2>/dev/null | tail -1
done
echo "== 5 latency: ANT dev, then 100k synthetic (peers: tantivy)"
"$E" latency "$D/ant-multisource/articles.dev.jsonl.gz" --queries 1000 --out "$OUT/ant-related.jsonl" | tee "$OUT/latency-ant.json"
PYTHONHASHSEED=0 "$PY" "$SHARED/peers/related.py" "$D/ant-multisource/articles.dev.jsonl.gz" --engine tantivy --queries 1000 2>/dev/null | tail -1
SYN="${SYN:-/tmp/syn100k.jsonl.gz}"
[ -f "$SYN" ] || "$PY" "$SHARED/peers/scale.py" "$D/ant-multisource/articles.dev.jsonl.gz" --n 100000 --out "$SYN" | tail -1
"$E" latency "$SYN" --queries 1000 | tee "$OUT/latency-100k.json"
PYTHONHASHSEED=0 "$PY" "$SHARED/peers/related.py" "$SYN" --engine tantivy --queries 1000 2>/dev/null | tail -1
