/// Wrappers that outlets and agencies put around a text, and courtesy words that editors add or
/// drop; data for `Boilerplate` (one rule a line, `#` comments, Arabic as written: every phrase is
/// normalized by `ArabicNormalizer`). Matching is on word tokens, stopwords included.
///
///   lead N | phrase [| extra]   within the first N tokens: drop everything up to the phrase's end
///                               (and `extra` more tokens: a reporter's name or city after it)
///   tail N | phrase             starting within the last N tokens: drop from the phrase to the end
///   drop   | phrase             drop the phrase wherever it stands (from the text)
///   soft   | phrase             drop the phrase from the copy check only (word shingles): courtesy
///                               titles and formulas an editor adds or removes; terms keep them
///
/// `*` in a phrase matches any one token. The rules are of general form (an agency's dateline, a
/// paper's share bar or link-back line), never a fix for one article.
let boilerplateData = """
# Saudi Press Agency dateline: "<city> 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس"
lead 24 | الموافق * * * م واس
lead 24 | الموافق * * * واس
# SPA trailer: "// انتهى //" or "// يتبع //" with the desk's time stamp "17:36 ت م"
tail 8 | انتهى
tail 8 | يتبع
# Okaz share bar at the head of the body
drop | شارك من خلال تويتر فيسبوك جوجل بلس اكتب رأيك
# Al-Weeam link-back line: "رابط الخبر بصحيفة الوئام: <headline>"
tail 40 | رابط الخبر بصحيفة الوئام
# Ain Alyoum byline "عين اليوم – <reporter or city>" and its tag line "سمات <tags>"
lead 6 | عين اليوم | 2
tail 12 | سمات
# Sabq byline "<reporter>- سبق- <city>:"
lead 6 | سبق | 1
# Courtesy titles and formulas (an edited copy drops or adds them)
soft | صاحب السمو الملكي
soft | صاحب السمو
soft | صاحب المعالي
soft | صاحبة السمو
soft | سمو
soft | سموه
soft | معالي
soft | سعادة
soft | فخامة
soft | الدكتور
soft | المهندس
soft | حفظه الله
soft | يحفظه الله
soft | حفظهم الله
soft | يحفظهم الله
soft | رعاه الله
soft | أيده الله
soft | عز وجل
soft | سبحانه وتعالى
soft | الشقيقة
soft | الشقيق
"""
