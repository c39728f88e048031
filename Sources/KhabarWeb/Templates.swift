/// Page templates, embedded as string literals so a copied release binary needs no resource
/// bundle (stack notes P10). `{{…}}` escapes; `{{{…}}}` is used only for HTML that `HTMLText` or
/// another template produced.
enum Templates {
    static let layout = #"""
    <!doctype html>
    <html lang="ar" dir="rtl">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{pageTitle}} — خبر</title>
    <link rel="stylesheet" href="/static/khabar.css?v={{cssVersion}}">
    {{#feedLinks}}<link rel="alternate" type="{{type}}" title="{{title}}" href="{{href}}">
    {{/feedLinks}}
    </head>
    <body>
    <a class="skip" href="#main">تخطَّ إلى المحتوى</a>
    <header class="site">
    <a class="brand" href="/">خبر</a>
    <nav class="site-nav" aria-label="أقسام الموقع"><a href="/">أهم الأخبار</a> <a href="/latest">كل الأخبار</a> <a href="/tags">المواضيع</a> <a href="/sources">المصادر</a> <a href="/search">البحث</a></nav>
    </header>
    <main id="main">
    {{{content}}}
    </main>
    <footer class="site">خبر — مجمّع أخبار عربي مفتوح المصدر{{#zoneNote}} · {{zoneNote}}{{/zoneNote}}</footer>
    </body>
    </html>
    """#

    static let article = #"""
    <article class="article">
    <h1>{{{titleHTML}}}</h1>
    <p class="meta">
    <span class="source">المصدر: <a href="/source/{{sourceID}}"><bdi>{{sourceName}}</bdi></a></span>
    <time datetime="{{iso}}">{{date}}</time>
    {{#category}}<span class="category">{{category}}</span>{{/category}}
    </p>
    {{#attribution}}<p class="attribution">نقلاً عن: {{attribution}}</p>{{/attribution}}
    {{#author}}<p class="byline">{{{author}}}</p>{{/author}}
    {{#original}}<p class="copy-of">نُشر النص نفسه أولاً في <bdi>{{sourceName}}</bdi>: <a href="/article/{{path}}">{{{titleHTML}}}</a></p>{{/original}}
    <div class="body">
    {{#paragraphs}}<p>{{{.}}}</p>
    {{/paragraphs}}
    </div>
    {{#readAlso}}<aside class="read-also"><strong>اقرأ أيضاً:</strong> <a href="/article/{{path}}">{{{titleHTML}}}</a>
    <span class="meta"><bdi>{{sourceName}}</bdi> · <time datetime="{{iso}}">{{date}}</time></span></aside>{{/readAlso}}
    {{#tags}}<nav class="tags" aria-label="كلمات دلالية"><h2>كلمات دلالية</h2>
    {{#items}}<a class="tag" href="/tag/{{path}}">{{name}}</a>
    {{/items}}</nav>{{/tags}}
    {{#originalURL}}<p class="original"><a href="{{originalURL}}" rel="nofollow noopener noreferrer">اقرأ الخبر في موقع المصدر</a></p>{{/originalURL}}
    </article>
    {{#sameStory}}<section class="same-story"><h2>القصة نفسها من مصادر أخرى</h2>
    <ul class="compact">{{#items}}<li><a href="/article/{{path}}">{{{titleHTML}}}</a> <span class="meta"><bdi>{{sourceName}}</bdi> · <time datetime="{{iso}}">{{date}}</time></span></li>
    {{/items}}</ul>
    {{#story}}<p><a href="{{path}}">كل التغطية: {{articlesPhrase}} من {{sourcesPhrase}}</a></p>{{/story}}
    </section>{{/sameStory}}
    {{^sameStory}}{{#story}}<p class="story-link"><a href="{{path}}">كل التغطية: {{articlesPhrase}} من {{sourcesPhrase}}</a></p>{{/story}}{{/sameStory}}
    {{#similar}}<section class="similar"><h2>مقالات مشابهة</h2>
    <ul class="compact">{{#items}}<li><a href="/article/{{path}}">{{{titleHTML}}}</a> <span class="meta"><bdi>{{sourceName}}</bdi> · <time datetime="{{iso}}">{{date}}</time></span></li>
    {{/items}}</ul></section>{{/similar}}
    """#

    static let home = #"""
    <h1>أهم الأخبار</h1>
    {{#topTags}}<nav class="tags top-tags" aria-label="الأكثر تداولاً"><span class="label">الأكثر تداولاً:</span>
    {{#items}}<a class="tag" href="/tag/{{path}}">{{name}}</a>
    {{/items}}</nav>{{/topTags}}
    <ol class="stories">
    {{#stories}}<li>{{#path}}<a class="title" href="/article/{{path}}">{{{titleHTML}}}</a>{{/path}}{{^path}}<span class="title">{{{titleHTML}}}</span>{{/path}}
    <span class="meta">{{#multi}}<a href="/story/{{id}}">{{sourcesPhrase}} · {{articlesPhrase}}</a> · {{/multi}}{{{outletsHTML}}} · <time datetime="{{iso}}">{{date}}</time></span>
    {{#developments}}<ul class="developments" aria-label="تطورات متصلة">{{#items}}<li>{{#path}}<a href="/article/{{path}}">{{{titleHTML}}}</a>{{/path}}{{^path}}{{{titleHTML}}}{{/path}} <span class="meta">{{#multi}}<a href="/story/{{id}}">{{sourcesPhrase}}</a> · {{/multi}}<time datetime="{{iso}}">{{date}}</time></span></li>
    {{/items}}</ul>{{/developments}}</li>
    {{/stories}}
    </ol>
    <nav class="pager" aria-label="التنقل بين الصفحات"><a href="/latest">كل الأخبار بترتيب النشر</a></nav>
    """#

    static let story = #"""
    <h1>{{{titleHTML}}}</h1>
    <p class="subheading">{{summary}}</p>
    <p class="subheading">المصدر الأول: <bdi>{{primarySource}}</bdi></p>
    <ol class="timeline">
    {{#timeline}}<li{{#primary}} class="primary"{{/primary}}><time datetime="{{iso}}">{{time}}</time>
    <span class="source"><bdi>{{sourceName}}</bdi></span>{{#primary}} <span class="badge">الأسبق</span>{{/primary}}{{#copyOf}} <span class="badge">نسخة من <bdi>{{copyOf}}</bdi></span>{{/copyOf}}
    <a class="title" href="/article/{{path}}">{{{titleHTML}}}</a></li>
    {{/timeline}}
    </ol>
    """#

    static let list = #"""
    <h1>{{heading}}</h1>
    {{#topTags}}<nav class="tags top-tags" aria-label="الأكثر تداولاً"><span class="label">الأكثر تداولاً:</span>
    {{#items}}<a class="tag" href="/tag/{{path}}">{{name}}</a>
    {{/items}}</nav>{{/topTags}}
    {{#subheading}}<p class="subheading">{{subheading}}</p>{{/subheading}}
    {{#searchTag}}<form class="search" action="/search" method="get" role="search"><input type="search" name="q" placeholder="ابحث في أخبار هذا الوسم" dir="auto" maxlength="500" aria-label="نص البحث"><input type="hidden" name="tag" value="{{searchTag}}"><button type="submit">ابحث</button></form>{{/searchTag}}
    {{#relatedTags}}<nav class="tags related-tags" aria-label="وسوم ذات صلة"><span class="label">وسوم ذات صلة:</span>
    {{#items}}<a class="tag" href="/tag/{{path}}">{{name}}</a>
    {{/items}}</nav>{{/relatedTags}}
    {{#feed}}<dl class="feed-status">
    <dt>الخلاصة</dt><dd><bdi>{{feedURL}}</bdi></dd>
    <dt>آخر جلب</dt><dd>{{lastFetch}}{{#httpStatus}} · <bdi>HTTP {{httpStatus}}</bdi>{{/httpStatus}}{{#itemsPhrase}} · {{itemsPhrase}} في الخلاصة{{/itemsPhrase}}</dd>
    {{#error}}<dt>آخر خطأ</dt><dd class="error"><bdi>{{error}}</bdi></dd>{{/error}}
    {{#nextPoll}}<dt>الجلب التالي</dt><dd>{{nextPoll}} (كل {{interval}})</dd>{{/nextPoll}}
    {{#disabled}}<dt>الحالة</dt><dd>متوقف</dd>{{/disabled}}
    </dl>{{/feed}}
    {{#days}}
    <section class="day">
    <h2>{{day}}</h2>
    <ul class="articles">
    {{#items}}<li><a class="title" href="/article/{{path}}">{{{titleHTML}}}</a>
    <span class="meta"><a href="/source/{{sourceID}}"><bdi>{{sourceName}}</bdi></a> · <time datetime="{{iso}}">{{time}}</time></span></li>
    {{/items}}
    </ul>
    </section>
    {{/days}}
    {{^days}}<p class="empty">{{emptyMessage}}</p>{{/days}}
    {{#pager}}<nav class="pager" aria-label="التنقل بين الصفحات">{{#links}}<a{{#rel}} rel="{{rel}}"{{/rel}} href="{{href}}">{{label}}</a>
    {{/links}}</nav>{{/pager}}
    """#

    static let sources = #"""
    <h1>المصادر</h1>
    <ul class="sources">
    {{#sources}}<li><a href="/source/{{id}}"><bdi>{{name}}</bdi></a> {{#domain}}<bdi class="domain">{{domain}}</bdi>{{/domain}} <span class="count">{{countPhrase}}</span></li>
    {{/sources}}
    </ul>
    {{^sources}}<p class="empty">لا توجد مصادر بعد.</p>{{/sources}}
    """#

    static let tags = #"""
    <h1>{{heading}}</h1>
    <nav class="tabs" aria-label="المدة">{{#periods}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>
    {{/periods}}</nav>
    <nav class="tabs" aria-label="النوع">{{#types}}<a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a>
    {{/types}}</nav>
    {{#sections}}<section class="tag-group"><h2>{{heading}}</h2>
    <ul class="tag-list">{{#items}}<li><a class="tag" href="/tag/{{path}}">{{name}}</a> <span class="count">{{countPhrase}}</span></li>
    {{/items}}</ul>
    {{#more}}<p class="more"><a href="{{more}}">المزيد: {{heading}}</a></p>{{/more}}</section>
    {{/sections}}
    {{^sections}}<p class="empty">لا توجد وسوم لأخبار هذه المدة.</p>{{/sections}}
    """#

    static let search = #"""
    <h1>البحث</h1>
    <form class="search" action="/search" method="get" role="search">
    <input type="search" name="q" value="{{query}}" placeholder="ابحث في الأخبار" dir="auto" maxlength="500" aria-label="نص البحث">
    <select name="source" aria-label="المصدر"><option value="">كل المصادر</option>
    {{#sources}}<option value="{{id}}"{{#selected}} selected{{/selected}}>{{name}}</option>{{/sources}}
    </select>
    <label>من <input type="date" name="from" value="{{from}}"></label>
    <label>إلى <input type="date" name="to" value="{{to}}"></label>
    {{#tag}}<span class="filter">في الوسم <a href="{{path}}"><bdi>{{name}}</bdi></a><input type="hidden" name="tag" value="{{slug}}"> <a href="{{without}}" aria-label="البحث في كل الأخبار">×</a></span>{{/tag}}
    <button type="submit">ابحث</button>
    </form>
    {{#syntax}}<p class="meta">«عبارة بين علامتي تنصيص» تُطابق كما هي · -كلمة تستبعد الأخبار التي فيها · كلمة OR أخرى تطلب إحداهما</p>{{/syntax}}
    {{#message}}<p class="empty">{{message}}</p>{{/message}}
    {{#summary}}<p class="subheading">{{summary}}</p>{{/summary}}
    <ol class="results"{{#start}} start="{{start}}"{{/start}}>
    {{#results}}<li><a class="title" href="/article/{{path}}">{{{titleHTML}}}</a>
    <span class="meta"><a href="/source/{{sourceID}}"><bdi>{{sourceName}}</bdi></a> · <time datetime="{{iso}}">{{date}}</time></span>
    <p class="snippet">{{{snippetHTML}}}</p>
    {{#copies}}<p class="meta copies">{{label}}: {{#items}}{{separator}}<a href="/article/{{path}}" title="{{title}} ({{date}})"><bdi>{{sourceName}}</bdi></a>{{/items}}</p>{{/copies}}</li>
    {{/results}}
    </ol>
    {{#pager}}<nav class="pager" aria-label="التنقل بين الصفحات">{{#previous}}<a rel="prev" href="{{previous}}">النتائج السابقة</a>{{/previous}}
    {{#next}}<a rel="next" href="{{next}}">نتائج أخرى</a>{{/next}}</nav>{{/pager}}
    """#

    static let notFound = #"""
    <section class="not-found">
    <h1>الصفحة غير موجودة</h1>
    <p>{{message}}</p>
    <p><a href="/">العودة إلى الصفحة الرئيسية</a></p>
    </section>
    """#

    static let error = #"""
    <section class="not-found">
    <h1>{{heading}}</h1>
    <p>{{message}}</p>
    {{#detail}}<p class="meta"><bdi>{{detail}}</bdi></p>{{/detail}}
    <p><a href="/">العودة إلى الصفحة الرئيسية</a></p>
    </section>
    """#

    /// Logical properties only (`margin-inline`, `padding-block` …), so the same sheet works for any
    /// direction; system fonts only, no CDN.
    static let css = #"""
    :root { color-scheme: light dark; --fg: #1b1b1b; --muted: #5f6368; --accent: #0b57d0; --bg: #fff; --line: #e3e3e3; }
    @media (prefers-color-scheme: dark) { :root { --fg: #e8e8e8; --muted: #a0a4a8; --accent: #8ab4f8; --bg: #16181a; --line: #2e3134; } }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--bg); color: var(--fg);
      font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Segoe UI", Tahoma, "DejaVu Sans", sans-serif;
      font-size: 1.0625rem; line-height: 1.8; }
    a { color: var(--accent); text-decoration: none; }
    a:hover, a:focus { text-decoration: underline; }
    header.site, footer.site, main { max-inline-size: 52rem; margin-inline: auto; padding-inline: 1rem; }
    header.site { display: flex; flex-wrap: wrap; align-items: baseline; gap: 1rem; padding-block: 0.75rem;
      border-block-end: 1px solid var(--line); }
    .brand { font-size: 1.6rem; font-weight: 700; color: var(--fg); }
    .site-nav { display: flex; gap: 1rem; }
    footer.site { color: var(--muted); font-size: 0.875rem; padding-block: 2rem; border-block-start: 1px solid var(--line);
      margin-block-start: 2rem; }
    h1 { font-size: 1.6rem; line-height: 1.5; margin-block: 1rem 0.5rem; }
    h2 { font-size: 1.1rem; color: var(--muted); margin-block: 1.5rem 0.25rem; }
    .meta, .byline, .subheading { color: var(--muted); font-size: 0.9rem; }
    .meta > * + * { margin-inline-start: 0.75rem; }
    .category { border: 1px solid var(--line); border-radius: 0.25rem; padding-inline: 0.4rem; }
    .body p { margin-block: 0 1rem; text-align: start; overflow-wrap: anywhere; }
    ul.articles, ul.sources { list-style: none; padding-inline-start: 0; margin: 0; }
    ul.articles li, ul.sources li { padding-block: 0.5rem; border-block-end: 1px solid var(--line); }
    ul.articles .title { display: block; font-weight: 600; }
    .pager { margin-block: 1.5rem; display: flex; gap: 1.5rem; }
    .feed-status { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; font-size: 0.9rem;
      border: 1px solid var(--line); border-radius: 0.4rem; padding: 0.75rem 1rem; }
    .feed-status dt { color: var(--muted); }
    .feed-status dd { margin: 0; overflow-wrap: anywhere; }
    .feed-status .error { color: #b3261e; }
    @media (prefers-color-scheme: dark) { .feed-status .error { color: #f2b8b5; } }
    form.search { display: flex; flex-wrap: wrap; gap: 0.5rem; margin-block: 1rem; }
    form.search input[type=search] { flex: 1 1 16rem; min-inline-size: 0; padding: 0.4rem 0.6rem; font: inherit; }
    form.search select, form.search input, form.search button { font: inherit; }
    ol.results { padding-inline-start: 1.25rem; }
    ol.results li { padding-block: 0.6rem; border-block-end: 1px solid var(--line); }
    ol.results .title { display: block; font-weight: 600; }
    .snippet { margin-block: 0.25rem 0; }
    mark { background: #fde68a; color: inherit; padding-inline: 0.1rem; border-radius: 0.15rem; }
    @media (prefers-color-scheme: dark) { mark { background: #6b5a12; } }
    .empty { color: var(--muted); }
    .attribution, .copy-of, .story-link { color: var(--muted); font-size: 0.9rem; }
    .tags { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: baseline; margin-block: 1rem; }
    .tags h2, .tags .label { font-size: 0.95rem; margin: 0; margin-inline-end: 0.5rem; color: var(--muted); }
    .tag { border: 1px solid var(--line); border-radius: 1rem; padding-inline: 0.7rem; font-size: 0.9rem; }
    .read-also { border-inline-start: 3px solid var(--accent); padding-inline-start: 0.75rem; margin-block: 1rem; }
    .read-also .meta { display: block; }
    ul.compact { list-style: none; padding-inline-start: 0; margin: 0; }
    ul.compact li { padding-block: 0.35rem; border-block-end: 1px solid var(--line); }
    ol.stories { list-style: none; padding-inline-start: 0; }
    ol.stories li { padding-block: 0.6rem; border-block-end: 1px solid var(--line); }
    ol.stories .title { display: block; font-weight: 600; }
    ul.developments { margin-block: 0.3rem 0; padding-inline-start: 1.2rem; font-size: 0.92rem; }
    ul.developments li { padding-block: 0.1rem; border: none; }
    .meta bdi { white-space: nowrap; }
    .skip { position: absolute; inset-inline-start: -100vw; }
    .skip:focus { inset-inline-start: 1rem; background: var(--bg); padding: 0.25rem 0.5rem; }
    ol.timeline { list-style: none; padding-inline-start: 0; border-inline-start: 2px solid var(--line); }
    ol.timeline li { padding-block: 0.5rem; padding-inline-start: 1rem; }
    ol.timeline li.primary { border-inline-start: 3px solid var(--accent); margin-inline-start: -2px; }
    ol.timeline .title { display: block; }
    ol.timeline time, ol.timeline .source { color: var(--muted); font-size: 0.9rem; margin-inline-end: 0.5rem; }
    .badge { font-size: 0.8rem; border: 1px solid var(--line); border-radius: 0.25rem; padding-inline: 0.3rem; }
    .tabs { display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; margin-block: 0.5rem; font-size: 0.95rem; }
    .tabs [aria-current] { color: var(--fg); font-weight: 700; }
    ul.tag-list { list-style: none; padding-inline-start: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 0.5rem 1rem; }
    ul.tag-list .count { margin-inline-start: 0.25rem; }
    .domain, .count { color: var(--muted); font-size: 0.875rem; margin-inline-start: 0.5rem; }
    @media (max-width: 40rem) { body { font-size: 1rem; } h1 { font-size: 1.35rem; } }
    """#
}
