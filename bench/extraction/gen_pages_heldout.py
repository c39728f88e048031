#!/usr/bin/env python3
"""Held-out page set: templates written after the extractor was tuned and never tuned on.

    python3 gen_pages_heldout.py --corpus ANT.jsonl.gz --out DIR
"""
import argparse, gzip, html, json, os, random, collections, zlib
import gen_pages as G

e = html.escape
EDITOR = "كلمة رئيس التحرير: نؤمن في هذه الصحيفة بأن الخبر الدقيق حق لكل قارئ، ولذلك نلتزم بالتحقق من كل معلومة قبل نشرها، ونرحب بملاحظاتكم وتصويباتكم على بريدنا الإلكتروني في أي وقت."
ADDRESS = "العنوان: شارع الجمهورية، بناية النور، الطابق الرابع. هاتف المكتب الرئيسي متاح من التاسعة صباحاً حتى الخامسة مساءً طوال أيام الأسبوع."


def link(o):
    return f'<a href="/n/{zlib.crc32(o["id"].encode()) % 10**6}">{e(o["title"])}</a>'


def w_lead_split(c):
    a = c.a
    lead, rest = c.paras[0], c.paras[1:]
    mid = len(rest) // 2
    aside = f'<aside class="inline-box"><h4>في السياق</h4><ul><li>{link(c.rel[0])}</li><li>{link(c.rel[1])}</li></ul></aside>'
    body = "".join(f"<p>{e(p)}</p>" for p in rest[:mid]) + aside + "".join(f"<p>{e(p)}</p>" for p in rest[mid:])
    return (c.head() + f'<body><div class="page">{c.nav("site-nav")}<div class="story-wrap"><h1>{e(a["title"])}</h1>'
            + f'<div class="lead"><strong>{e(lead)}</strong></div><div class="text">{body}</div>'
            + f'<div class="next-story"><span>الخبر التالي</span><h3>{link(c.rel[3])}</h3><p>{e(c.rel[3]["summary"][:220])}</p></div></div>'
            + c.footer() + '</div></body></html>')


def w_editor_sidebar(c):
    a = c.a
    body = "".join(f"<p>{e(p)}</p>" for p in c.paras)
    return (c.head() + '<body><div id="content"><table width="100%"><tr><td valign="top" width="68%">'
            + f'<h2 class="head">{e(a["title"])}</h2><span class="when">{c.date}</span>{body}'
            + '</td><td valign="top" class="right">' + f'<div class="editor"><p>{EDITOR}</p></div>'
            + '<div class="links">' + "<br>".join(link(o) for o in c.most) + '</div></td></tr></table></div>'
            + f'<div class="foot"><p>{ADDRESS}</p></div></body></html>')


def w_spans(c):
    a = c.a
    spans = "<br><br>".join(f'<span class="t">{e(p)}</span>' for p in c.paras)
    return (c.head() + f'<body>{c.nav()}<div class="holder"><div class="ttl">{e(a["title"])}</div>'
            + '<div class="icons"><a href="#"><img src="/fb.png"></a><a href="#"><img src="/tw.png"></a></div>'
            + f'<p class="news">{spans}</p><div class="pager"><a href="?p=1">1</a> <a href="?p=2">2</a> <a href="?p=3">المزيد</a></div>'
            + '<div class="more">' + "".join(f'<div class="m">{link(o)}</div>' for o in c.rel[2:8]) + '</div></div>'
            + f'<div class="addr">{ADDRESS}</div></body></html>')


TEMPLATES = [("lead-split", w_lead_split), ("editor-sidebar", w_editor_sidebar), ("spans", w_spans)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/data/ant-multisource/articles.dev.jsonl.gz")
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-source", type=int, default=12)
    ap.add_argument("--seed", type=int, default=23)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = [json.loads(l) for l in gzip.open(args.corpus, "rt", encoding="utf-8")]
    by = collections.defaultdict(list)
    for r in rows:
        if len(r["body"]) >= 300 and len([l for l in r["body"].split("\n") if l.strip()]) >= 3:
            by[r["source"]].append(r)
    picked = []
    for s in sorted(by):
        picked += rng.sample(by[s], args.per_source)
    rng.shuffle(picked)
    others = [r for r in rows if r.get("summary")]
    os.makedirs(os.path.join(args.out, "html"), exist_ok=True)
    os.makedirs(os.path.join(args.out, "gold"), exist_ok=True)
    with open(os.path.join(args.out, "pages.jsonl"), "w", encoding="utf-8") as idx:
        for k, a in enumerate(picked):
            name, fn = TEMPLATES[k % len(TEMPLATES)]
            c = G.Ctx(a, others, random.Random(args.seed * 1000 + k))
            fid = f"{k:03d}-{name}"
            open(os.path.join(args.out, "html", fid + ".html"), "w", encoding="utf-8").write(fn(c))
            open(os.path.join(args.out, "gold", fid + ".txt"), "w", encoding="utf-8").write("\n".join(c.paras) + "\n")
            idx.write(json.dumps({"id": fid, "url": a["url"], "template": name, "html_file": f"html/{fid}.html", "gold_file": f"gold/{fid}.txt"}, ensure_ascii=False) + "\n")
    print(f"{len(picked)} pages -> {args.out}")


if __name__ == "__main__":
    main()
