#!/usr/bin/env python3
"""Synthetic-but-realistic Arabic news pages around real ANT article bodies (gold = the body).

Eight page templates modelled on common CMS markup (WordPress, Drupal, legacy table/<br> sites,
React sites with hashed class names, AMP-like article pages, JSON-LD pages, div-soup bodies),
each with navigation, breadcrumbs, byline/date, share bar, in-article read-also box, tags,
related lists (sometimes with teaser summaries taken from other ANT articles), most-read
sidebar, comments, newsletter, cookie notice and footer. Deterministic (--seed)."""
import argparse, gzip, html, json, os, random, collections, zlib

COMMENTS = [
    "تحليل ممتاز، شكراً على المتابعة المستمرة لهذا الملف.",
    "أتمنى أن تنتهي هذه الأزمة قريباً وأن يعم الهدوء المنطقة كلها.",
    "الخبر غير دقيق في بعض تفاصيله، أرجو من المحرر مراجعة الأرقام.",
    "متى سيتم الإعلان عن النتائج النهائية؟ ننتظر منذ أسابيع.",
    "كلام منطقي جداً ويستحق أن يفتح حوله نقاش واسع بين المختصين.",
    "للأسف الوضع يزداد سوءاً يوماً بعد يوم ولا أحد يتحرك.",
    "أين دور المنظمات الدولية من كل ما يحدث على الأرض؟",
    "شكراً للموقع على التغطية السريعة والمهنية كالعادة.",
    "لا أتفق مع ما ورد في التقرير، فالأرقام تبدو مبالغاً فيها، والواقع مختلف تماماً عما نقرأ.",
    "نريد مزيداً من التفاصيل حول هذا الموضوع في الأيام القادمة.",
    "هذا ما توقعناه منذ البداية، والقادم أصعب بكثير للأسف.",
    "تقرير متوازن يعرض وجهات النظر المختلفة بوضوح ومن دون انحياز.",
    "سؤالي للكاتب: هل هناك مصادر أخرى تؤكد هذه المعلومات؟",
    "أعتقد أن المشكلة أعمق من ذلك بكثير، وتحتاج إلى حلول جذرية لا إلى مسكنات مؤقتة.",
]
NAMES = ["أبو خالد", "سارة م.", "محمد العلي", "قارئ من عمان", "ليلى", "أحمد ح.", "مواطن", "نور الهدى", "سامر", "يوسف ب."]
SECTIONS = ["الرئيسية", "سياسة", "اقتصاد", "رياضة", "ثقافة وفنون", "تكنولوجيا", "منوعات", "فيديو", "مقالات الرأي", "صحة"]
FOOTER_LINKS = ["من نحن", "اتصل بنا", "سياسة الخصوصية", "شروط الاستخدام", "أعلن معنا", "خريطة الموقع", "وظائف"]
ABOUT = "موقع إخباري عربي مستقل يقدم تغطية شاملة لأهم الأحداث المحلية والعالمية على مدار الساعة، بفريق من المراسلين في أكثر من عشرين بلداً."
COOKIE = "نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا وتقديم محتوى يناسب اهتماماتك، وبمواصلة التصفح فإنك توافق على ذلك."
NEWS_T = "اشترك في النشرة البريدية"
NEWS_P = "احصل على أبرز العناوين والتحليلات مباشرة في بريدك الإلكتروني كل صباح، مجاناً ومن دون إعلانات."
SEO = ["لمزيد من الأخبار العاجلة والتقارير الحصرية تابعوا موقعنا على مدار الساعة.",
       "تابع آخر الأخبار عبر تطبيقنا المجاني على الهواتف الذكية.",
       "تابعونا على فيسبوك وتويتر ويوتيوب لمتابعة آخر المستجدات."]
TWEETS = ["نتابع التطورات عن كثب وندعو جميع الأطراف إلى ضبط النفس وتغليب لغة الحوار #عاجل",
          "وصلنا قبل قليل إلى موقع الحدث، والصورة على الأرض أصعب مما تنقله الشاشات.",
          "بيان مهم سيصدر خلال الساعات المقبلة، ترقبوا التفاصيل الكاملة على حسابنا."]
CAPTIONS = ["صورة أرشيفية", "من موقع الحدث - أرشيف", "الصورة من وكالات الأنباء", "لقطة من مقطع مصور متداول"]
MONTHS = ["يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"]
DAYS = ["الاثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "الأحد"]

e = html.escape


def ar_date(iso):
    import datetime
    d = datetime.datetime.fromisoformat(iso)
    return f"{DAYS[d.weekday()]} {d.day:02d} {MONTHS[d.month - 1]} {d.year} - {d.hour:02d}:{d.minute:02d}"


def tags_for(a, rng):
    words = [w.strip('"«»:،.') for w in a["title"].split() if len(w) > 3]
    rng.shuffle(words)
    return (words[:4] or ["أخبار"]) + [a.get("category_ar") or "أخبار"]


class Ctx:
    def __init__(self, a, others, rng):
        self.a, self.others, self.rng = a, others, rng
        self.paras = [l for l in a["body"].split("\n") if l.strip()]
        self.rel = rng.sample(others, 8)
        self.most = rng.sample(others, 5)
        self.date = ar_date(a["published"])
        self.author = a.get("author") or rng.choice(["فريق التحرير", "وكالات", "محرر الشؤون الدولية"])

    def link(self, o, cls=None):
        c = f' class="{cls}"' if cls else ""
        return f'<a href="/news/{zlib.crc32(o["id"].encode()) % 10**6}"{c}>{e(o["title"])}</a>'

    def comments(self, k=3):
        return [(self.rng.choice(NAMES), self.rng.choice(COMMENTS)) for _ in range(k)]

    def nav(self, cls="main-nav"):
        return f'<nav class="{cls}"><ul>' + "".join(f'<li><a href="/s/{i}">{s}</a></li>' for i, s in enumerate(SECTIONS)) + "</ul></nav>"

    def footer(self):
        return ('<footer class="site-footer"><div class="footer-about"><p>' + ABOUT + '</p></div><ul class="footer-links">'
                + "".join(f'<li><a href="/p/{i}">{s}</a></li>' for i, s in enumerate(FOOTER_LINKS))
                + '</ul><p class="copyright">جميع الحقوق محفوظة © 2018</p></footer>')

    def head(self, extra=""):
        a = self.a
        return (f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{e(a["title"])} | {e(a["source"])}</title>'
                f'<meta property="og:title" content="{e(a["title"])}"><meta property="og:site_name" content="{e(a["source"])}">'
                f'<meta property="article:published_time" content="{a["published"]}"><link rel="canonical" href="{e(a["url"])}">'
                f'<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}</script>'
                f'<style>.x{{color:red}}</style>{extra}</head>')

    def read_also_inline(self):
        o = self.rel[0]
        return self.rng.choice([
            f'<p><strong>اقرأ أيضاً:</strong> {self.link(o)}</p>',
            f'<div class="inline-related"><span>إقرأ أيضا</span><ul><li>{self.link(o)}</li><li>{self.link(self.rel[1])}</li></ul></div>',
            f'<p>اقرأ أيضا: {self.link(o)}</p>',
            f'<blockquote class="read-also"><p>شاهد أيضاً</p><p>{self.link(o)}</p></blockquote>',
        ])

    def body_ps(self, attr="", readalso=True, seo=True):
        out = []
        pos = min(2, len(self.paras) - 1) if len(self.paras) > 2 else 99
        for i, p in enumerate(self.paras):
            out.append(f"<p{attr}>{e(p)}</p>")
            if readalso and i == pos:
                out.append(self.read_also_inline())
        if seo and self.rng.random() < 0.4:
            out.append(f"<p{attr}>{self.rng.choice(SEO)}</p>")
        return "\n".join(out)

    def related(self, heading, summaries, cls="related-posts"):
        items = []
        for o in self.rel[2:8]:
            s = f'<p class="excerpt">{e(o["summary"][:160])}...</p>' if summaries and o.get("summary") else ""
            items.append(f'<li class="item"><h4>{self.link(o)}</h4>{s}</li>')
        return f'<div class="{cls}"><h3>{heading}</h3><ul>' + "".join(items) + "</ul></div>"

    def most_read(self, cls="widget most-read"):
        return f'<div class="{cls}"><h3>الأكثر قراءة</h3><ol>' + "".join(f"<li>{self.link(o)}</li>" for o in self.most) + "</ol></div>"

    def tags(self, cls="post-tags"):
        return f'<div class="{cls}"><span>كلمات دلالية:</span> ' + " ".join(f'<a href="/tag/{i}">{e(t)}</a>' for i, t in enumerate(tags_for(self.a, self.rng))) + "</div>"

    def share(self, cls="share-bar"):
        return f'<div class="{cls}"><span>شارك:</span><a href="#">فيسبوك</a><a href="#">تويتر</a><a href="#">واتساب</a><a href="#">تلغرام</a></div>'


def t_wordpress(c):
    a = c.a
    cm = "".join(f'<li class="comment"><div class="comment-author">{e(n)}</div><div class="comment-meta">{c.date}</div><div class="comment-content"><p>{e(t)}</p></div></li>' for n, t in c.comments(4))
    return (c.head() + '<body class="single single-post"><header id="masthead" class="site-header"><div class="site-branding"><a href="/">الموقع</a></div>'
            + c.nav("main-navigation") + '</header><div id="content" class="site-content"><div id="primary" class="content-area"><main id="main">'
            + f'<article class="post type-post"><header class="entry-header"><h1 class="entry-title">{e(a["title"])}</h1>'
            + f'<div class="entry-meta"><span class="posted-on">{c.date}</span> <span class="byline">{e(c.author)}</span></div></header>'
            + f'<div class="entry-content">{c.body_ps()}'
            + '<div class="sharedaddy sd-sharing-enabled"><h3 class="sd-title">شارك هذا المقال</h3><ul><li><a>فيسبوك</a></li><li><a>تويتر</a></li></ul></div>'
            + '<div id="jp-relatedposts" class="jp-relatedposts"><h3 class="jp-relatedposts-headline">مقالات ذات صلة</h3>'
            + "".join(f'<div class="jp-relatedposts-post"><h4>{c.link(o)}</h4><p>{e(o["summary"][:120])}...</p></div>' for o in c.rel[2:5])
            + f'</div></div><footer class="entry-footer">{c.tags("tags-links")}</footer></article>'
            + f'<div id="comments" class="comments-area"><h2 class="comments-title">التعليقات (4)</h2><ol class="comment-list">{cm}</ol>'
            + '<div id="respond"><h3>أضف تعليقاً</h3><form><textarea></textarea><button>إرسال</button></form></div></div>'
            + f'</main></div><aside id="secondary" class="widget-area">{c.most_read("widget widget_popular")}'
            + f'<section class="widget"><h3>{NEWS_T}</h3><p>{NEWS_P}</p></section></aside></div>' + c.footer() + "</body></html>")


def t_drupal(c):
    a = c.a
    return (c.head() + '<body><div class="page"><div class="region region-header">' + c.nav("menu--main") + '</div>'
            + '<div class="breadcrumb"><a href="/">الرئيسية</a> / <a href="/s">' + e(a.get("category_ar") or "") + '</a></div>'
            + '<div class="layout-content"><div class="node node--type-article">'
            + f'<h1 class="page-title"><span>{e(a["title"])}</span></h1><div class="node__meta"><span class="field--name-uid">{e(c.author)}</span> <span>{c.date}</span></div>'
            + f'<div class="field field--name-field-image"><img src="/img/{a["id"]}.jpg" alt=""><div class="field--name-field-caption">{c.rng.choice(CAPTIONS)}</div></div>'
            + f'<div class="clearfix text-formatted field field--name-body field__item">{c.body_ps()}</div>'
            + f'<div class="field field--name-field-tags"><div class="field__label">الوسوم</div><div class="field__items">'
            + "".join(f'<div class="field__item"><a href="/t/{i}">{e(t)}</a></div>' for i, t in enumerate(tags_for(a, c.rng))) + '</div></div>'
            + '</div>' + c.share("social-share-block") + '<div class="block-views-related">' + c.related("أخبار ذات صلة", True, "view-content") + '</div></div>'
            + f'<div class="region region-sidebar-first">{c.most_read("block block-mostread")}</div></div>' + c.footer() + '</body></html>')


def t_legacy(c, charset="utf-8"):
    a = c.a
    brs = "<br><br>\n".join(e(p) for p in c.paras)
    ra = c.rel[0]
    return (f'<html><head><meta http-equiv="Content-Type" content="text/html; charset={charset}"><title>{e(a["title"])}</title></head>'
            '<body><table width="100%"><tr><td colspan="2" class="top">' + " | ".join(f'<a href="/s{i}">{s}</a>' for i, s in enumerate(SECTIONS)) + '</td></tr>'
            '<tr><td width="70%" valign="top"><font class="title">' + e(a["title"]) + '</font><br><font class="date">' + c.date + '</font><br>'
            f'<img src="/pics/{a["id"]}.jpg"><br><div id="NewsText">{brs}<br><br>إقرأ أيضا: <a href="/n/1">{e(ra["title"])}</a></div>'
            '<br><table class="share"><tr><td><a>طباعة</a></td><td><a>إرسال لصديق</a></td><td><a>فيسبوك</a></td></tr></table>'
            '<br><b>تعليقات القراء</b><br>' + "".join(f"<b>{e(n)}</b>: {e(t)}<br>" for n, t in c.comments(2))
            + '</td><td width="30%" valign="top"><b>الأكثر قراءة</b><br>' + "<br>".join(c.link(o) for o in c.most)
            + '</td></tr><tr><td colspan="2" align="center">جميع الحقوق محفوظة © 2018 - ' + ABOUT + '</td></tr></table></body></html>')


def t_hashed(c):
    a = c.a
    r = c.rng
    h = lambda: "css-" + "".join(r.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(6))
    P = h()
    paras = "\n".join(f'<p class="{P}">{e(p)}</p>' for p in c.paras)
    if len(c.paras) > 3:
        paras = paras.replace("</p>\n", f'</p>\n<div class="{h()}"><p class="{h()}">اقرأ أيضاً</p><a class="{h()}" href="/n/2">{e(c.rel[0]["title"])}</a></div>\n', 1)
    cards = "".join(f'<div class="{h()}"><a class="{h()}" href="/n/{i}"><h3 class="{h()}">{e(o["title"])}</h3></a><p class="{h()}">{e(o["summary"][:150])}...</p></div>' for i, o in enumerate(c.rel[2:6]))
    cm = "".join(f'<div class="{h()}"><span class="{h()}">{e(n)}</span><span class="{h()}">منذ ساعتين</span><p class="{h()}">{e(t)}</p></div>' for n, t in c.comments(3))
    return (c.head('<meta property="og:image" content="https://cdn.example.com/a.jpg">') + f'<body><div id="__next"><div class="{h()}"><div class="{h()}">'
            + "".join(f'<a class="{h()}" href="/s/{i}">{s}</a>' for i, s in enumerate(SECTIONS)) + '</div></div>'
            + f'<div class="{h()}"><div class="{h()}"><h1 class="{h()}">{e(a["title"])}</h1><div class="{h()}"><span>{e(c.author)}</span><time datetime="{a["published"]}">{c.date}</time></div>'
            + f'<figure class="{h()}"><img src="/i/{a["id"]}.jpg" alt=""><figcaption class="{h()}">{r.choice(CAPTIONS)}</figcaption></figure>'
            + f'<div class="{h()}">{paras}</div><div class="{h()}"><a href="#">فيسبوك</a><a href="#">تويتر</a><a href="#">واتساب</a></div>'
            + f'<div class="{h()}">' + " ".join(f'<a class="{h()}" href="/t/{i}">{e(t)}</a>' for i, t in enumerate(tags_for(a, r))) + '</div></div>'
            + f'<div class="{h()}"><h2 class="{h()}">قد يعجبك أيضاً</h2>{cards}</div>'
            + f'<div class="{h()}"><h2 class="{h()}">التعليقات</h2>{cm}</div></div>'
            + f'<div class="{h()}"><p class="{h()}">{COOKIE}</p><button>موافق</button></div>'
            + f'<div class="{h()}"><p class="{h()}">{ABOUT}</p>' + "".join(f'<a class="{h()}" href="/p/{i}">{s}</a>' for i, s in enumerate(FOOTER_LINKS)) + '<p>© 2018</p></div></div></body></html>')


def t_divsoup(c):
    a = c.a
    divs = []
    for i, p in enumerate(c.paras):
        divs.append(f"<div>{e(p)}</div>")
        if i == 1:
            divs.append('<div class="adsbygoogle">إعلان</div>')
        if i == min(3, len(c.paras) - 2):
            divs.append(f'<div class="readMore"><b>اقرأ أيضا:</b><div>{c.link(c.rel[0])}</div><div>{c.link(c.rel[1])}</div></div>')
    return (c.head() + '<body><div id="wrapper"><div id="header">' + c.nav("navbar") + '</div>'
            + '<div class="container"><div class="row"><div class="col-md-8">'
            + f'<div class="newsTitle"><h1>{e(a["title"])}</h1></div><div class="newsDate">{c.date}</div><div class="writer">كتب: {e(c.author)}</div>'
            + c.share("social-icons") + f'<div class="news-details" id="newsBody">{"".join(divs)}</div>'
            + c.tags("newsTags") + c.related("مواضيع متعلقة", False, "relatedNews")
            + '</div><div class="col-md-4">' + c.most_read("mostRead") + f'<div class="newsletter"><h4>{NEWS_T}</h4><p>{NEWS_P}</p><input type="email"></div></div></div></div>'
            + c.footer() + '</div></body></html>')


def t_amp(c):
    a = c.a
    r = c.rng
    body = c.body_ps()
    if r.random() < 0.3:
        tw = f'<blockquote class="twitter-tweet"><p lang="ar" dir="rtl">{r.choice(TWEETS)}</p>&mdash; حساب رسمي (@account) <a href="https://twitter.com/x/status/1">{c.date}</a></blockquote>'
        body = body.replace("</p>\n", "</p>\n" + tw + "\n", 1)
    return (c.head() + f'<body><header class="header">{c.nav("nav")}<div class="ticker"><span>عاجل:</span> {c.link(c.most[0])}</div></header><main>'
            + f'<article><header><div class="breadcrumbs"><a href="/">الرئيسية</a> › <a>{e(a.get("category_ar") or "")}</a></div><h1>{e(a["title"])}</h1>'
            + f'<div class="article-meta"><span class="author">{e(c.author)}</span><time>{c.date}</time></div></header>'
            + f'<figure><img src="/m/{a["id"]}.jpg"><figcaption>{r.choice(CAPTIONS)}</figcaption></figure>'
            + f'<div class="article-body" itemprop="articleBody">{body}</div>'
            + f'<footer>{c.tags("article-tags")}{c.share()}</footer></article>'
            + c.related("مقالات مشابهة", True, "related") + '</main>' + f'<aside class="sidebar">{c.most_read()}</aside>' + c.footer() + '</body></html>')


def t_jsonld(c, with_body=True):
    a = c.a
    ld = {"@context": "https://schema.org", "@graph": [
        {"@type": "WebSite", "name": a["source"], "url": "https://example.com/"},
        {"@type": "NewsArticle", "headline": a["title"], "datePublished": a["published"], "dateModified": a["published"],
         "author": [{"@type": "Person", "name": c.author}], "image": {"@type": "ImageObject", "url": f"https://example.com/i/{a['id']}.jpg"},
         "mainEntityOfPage": {"@type": "WebPage", "@id": a["url"]}}]}
    if with_body:
        ld["@graph"][1]["articleBody"] = "\n".join(c.paras)
    s = json.dumps(ld, ensure_ascii=False)
    return (c.head(f'<script type="application/ld+json">{s}</script>') + '<body>' + c.nav() + '<div class="main-container"><div class="story">'
            + f'<h1>{e(a["title"])}</h1><p class="story-date">{c.date}</p>{c.share("story-share")}'
            + f'<div class="story-text">{c.body_ps()}</div>{c.tags("story-tags")}</div>'
            + c.related("اخترنا لك", True, "picks") + c.most_read("sidebar-box") + '</div>' + c.footer() + '</body></html>')


TEMPLATES = [("wordpress", t_wordpress), ("drupal", t_drupal), ("legacy", t_legacy), ("hashed", t_hashed),
             ("divsoup", t_divsoup), ("amp", t_amp), ("jsonld", t_jsonld), ("jsonld-nobody", lambda c: t_jsonld(c, False))]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/data/ant-multisource/articles.dev.jsonl.gz")
    ap.add_argument("--out", required=True)
    ap.add_argument("--per-source", type=int, default=40)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    rows = [json.loads(l) for l in gzip.open(args.corpus, "rt", encoding="utf-8")]
    by = collections.defaultdict(list)
    for r in rows:
        if len(r["body"]) >= 300:
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
            c = Ctx(a, others, random.Random(args.seed * 1000 + k))
            enc = "utf-8"
            if name == "legacy" and k % 2 == 0:
                enc = "windows-1256"
                page = t_legacy(c, "windows-1256")
            else:
                page = fn(c)
            fid = f"{k:03d}-{name}"
            data = page.encode("cp1256", errors="xmlcharrefreplace") if enc == "windows-1256" else page.encode("utf-8")
            with open(os.path.join(args.out, "html", fid + ".html"), "wb") as fh:
                fh.write(data)
            with open(os.path.join(args.out, "gold", fid + ".txt"), "w", encoding="utf-8") as fh:
                fh.write("\n".join(c.paras) + "\n")
            idx.write(json.dumps({"id": fid, "url": a["url"], "template": name, "charset": enc,
                                  "html_file": f"html/{fid}.html", "gold_file": f"gold/{fid}.txt"}, ensure_ascii=False) + "\n")
    print(f"{len(picked)} pages -> {args.out}")


if __name__ == "__main__":
    main()
