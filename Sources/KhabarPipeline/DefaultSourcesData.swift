/// Public feeds of Arabic outlets, added on the first start of `khabar serve` unless
/// `--no-default-sources`. One source per line: `name|feed URL`. These are the outlets' own
/// published feed addresses as of 2026; the machine this list was written on had no network, so a
/// feed that has moved shows its error on its source page and can be fixed or removed there.
let defaultSourcesData = #"""
بي بي سي عربي|https://feeds.bbci.co.uk/arabic/rss.xml
فرانس 24|https://www.france24.com/ar/rss
دويتشه فيله عربية|https://rss.dw.com/rdf/rss-ar-all
أخبار الأمم المتحدة|https://news.un.org/feed/subscribe/ar/news/all/rss.xml
آر تي عربي|https://arabic.rt.com/rss/
يورونيوز عربي|https://arabic.euronews.com/rss
سي إن إن عربية|https://arabic.cnn.com/api/v1/rss/rss.xml
العربية|https://www.alarabiya.net/feed/rss2/ar.xml
الشرق الأوسط|https://aawsat.com/feed
القدس العربي|https://www.alquds.co.uk/feed/
هسبريس|https://www.hespress.com/feed
الأناضول|https://www.aa.com.tr/ar/rss/default?cat=guncel
"""#
