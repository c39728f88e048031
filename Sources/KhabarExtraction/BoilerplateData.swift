// Boilerplate knowledge for Arabic news pages, kept as data (DESIGN.md house rule 7).
//
// Phrases are matched after `MatchText.normalize`: harakat and tatweel dropped, أ إ آ ٱ → ا,
// ى → ي, ة → ه, punctuation and digits → space, Latin lower-cased. Write them as a reader
// would see them; normalisation makes "اقرأ أيضاً:" and "إقرأ ايضا" the same key.
//
// Kinds:
//   heading  — a whole line that opens a boilerplate box ("اقرأ أيضاً", "مقالات ذات صلة"): the
//              line, and the box or the run of links it heads, are removed.
//   comments — a whole line that opens the comments ("التعليقات (12)"): like heading, and when it
//              sits after most of the text, everything after it in its container goes too
//              (comments are prose, so "stop at the next paragraph" does not work for them).
//   label    — a whole line that is boilerplate on its own ("إعلان") and heads nothing.
//   prefix   — a line starting with these words is boilerplate, whatever follows
//              ("اقرأ أيضاً: <headline>", "تابعونا على فيسبوك").
//   contains — a short line (≤ 40 words) containing these words is boilerplate.
//   social   — words of share bars; a short line made only of them (and of heading words) goes.
//   byline   — a short line (≤ 10 words) starting with these words, at the edge of the text, goes.
//   date     — month, weekday and time words: a short line with digits and one of them, at the edge
//              of the text, is a dateline and goes.
//   stop     — common function words; prose has many, menus and headlines few.
let boilerplatePhraseData = #"""
heading|اقرأ أيضاً
heading|إقرأ أيضا
heading|اقرأ المزيد
heading|إقرأ المزيد
heading|اقرأ كذلك
heading|شاهد أيضاً
heading|شاهد أيضا
heading|شاهد ايضا
heading|شاهد المزيد
heading|شاهد الفيديو
heading|مقالات مشابهة
heading|مقالات ذات صلة
heading|مقالات متعلقة
heading|مقالات أخرى
heading|مقالات قد تعجبك
heading|أخبار ذات صلة
heading|أخبار متعلقة
heading|أخبار مشابهة
heading|اخبار ذات صلة
heading|أخبار أخرى
heading|مواضيع ذات صلة
heading|مواضيع متعلقة
heading|مواضيع مشابهة
heading|موضوعات ذات صلة
heading|موضوعات متعلقة
heading|مواد ذات صلة
heading|روابط ذات صلة
heading|قصص ذات صلة
heading|ذات صلة
heading|كلمات دلالية
heading|الكلمات الدلالية
heading|الكلمات المفتاحية
heading|كلمات مفتاحية
heading|الوسوم
heading|وسوم
heading|العلامات
heading|تابعونا على
heading|تابعنا على
heading|تابعونا
heading|الأكثر قراءة
heading|الاكثر قراءة
heading|الأكثر مشاهدة
heading|الأكثر تداولاً
heading|الأكثر تصفحاً
heading|الأكثر شعبية
heading|الأكثر تعليقاً
heading|الأكثر مشاركة
heading|الأكثر قراءة اليوم
heading|آخر الأخبار
heading|أحدث الأخبار
heading|أخبار عاجلة
heading|المزيد من الأخبار
heading|المزيد من
heading|اخترنا لك
heading|قد يهمك أيضاً
heading|قد يهمك
heading|قد يعجبك أيضاً
heading|قد يعجبك
heading|ننصحك بقراءة
heading|ننصح بقراءة
heading|لا تفوتك
heading|لا يفوتك
heading|عناوين أخرى
heading|شارك
heading|شارك الخبر
heading|شارك المقال
heading|شارك هذا المقال
heading|شارك هذا الخبر
heading|شاركها
heading|مشاركة
heading|المشاركة
heading|مشاركة الخبر
heading|مشاركة المقال
comments|تعليقات
comments|التعليقات
comments|تعليقات القراء
comments|التعليقات على الخبر
comments|أضف تعليق
comments|أضف تعليقك
comments|اترك تعليقاً
comments|اترك تعليقا
comments|اكتب تعليقك
comments|شارك برأيك
comments|آراء القراء
comments|تعليقات الزوار
comments|التعليقات المنشورة
heading|اشترك في النشرة
heading|اشترك في النشرة البريدية
heading|النشرة البريدية
heading|النشرة الإخبارية
heading|اشترك الآن
heading|تطبيقاتنا
heading|حمل التطبيق
heading|روابط سريعة
heading|أقسام الموقع
label|إعلان
label|اعلان
label|إعلانات
label|advertisement
label|ad
label|sponsored
heading|محتوى مدعوم
heading|مواضيع قد تهمك
heading|فيديوهات ذات صلة
heading|صور ذات صلة
prefix|اقرأ أيضاً
prefix|إقرأ أيضا
prefix|اقرأ أيضا في
prefix|اقرأ المزيد
prefix|اقرأ كذلك
prefix|شاهد أيضاً
prefix|شاهد أيضا
prefix|شاهد ايضا
prefix|شاهد المزيد
prefix|شاهد الفيديو
prefix|طالع أيضاً
prefix|طالع أيضا
prefix|اطلع أيضاً
prefix|ذات صلة
prefix|كلمات دلالية
prefix|الكلمات الدلالية
prefix|الكلمات المفتاحية
prefix|كلمات مفتاحية
prefix|الوسوم
prefix|وسوم
prefix|تابعونا على
prefix|تابعنا على
prefix|تابعوا آخر
prefix|تابع آخر الأخبار
prefix|تابعوا أخبارنا
prefix|لمزيد من الأخبار
prefix|للمزيد من الأخبار
prefix|لمزيد من التفاصيل تابع
prefix|لمتابعة آخر الأخبار
prefix|لمتابعة أهم الأخبار
prefix|لمتابعة أخبار
prefix|لقراءة المزيد
prefix|للاطلاع على المزيد
prefix|اشترك في النشرة
prefix|اشترك في قناة
prefix|اشتركوا في
prefix|حمل تطبيق
prefix|حمّل تطبيق
prefix|نزل تطبيق
prefix|جميع الحقوق محفوظة
prefix|حقوق النشر محفوظة
prefix|الحقوق محفوظة
prefix|أضف تعليقك
prefix|اضغط هنا
prefix|انقر هنا
contains|تابع آخر الأخبار عبر
contains|تابعوا آخر الأخبار عبر
contains|لمزيد من الأخبار تابع
contains|جميع الحقوق محفوظة
contains|الآراء الواردة
contains|لا تعبر عن رأي
contains|لا تعبر بالضرورة عن
contains|تعبر عن رأي كاتبها
contains|تعبر عن رأي أصحابها
contains|عبر تطبيق واتساب
contains|قناتنا على يوتيوب
contains|عبر حساباتنا على
contains|اشترك في نشرتنا
contains|سياسة الخصوصية
contains|شروط الاستخدام
contains|إرشادات الاستخدام
contains|اضغط هنا لمتابعة
social|شارك
social|شاركها
social|مشاركة
social|المشاركة
social|عبر
social|على
social|فيسبوك
social|فيس بوك
social|الفيسبوك
social|تويتر
social|إكس
social|واتساب
social|واتس اب
social|تلغرام
social|تيليجرام
social|تليجرام
social|لينكدإن
social|لينكد إن
social|إنستغرام
social|انستجرام
social|يوتيوب
social|بريد
social|البريد الإلكتروني
social|إيميل
social|طباعة
social|طباعه
social|نسخ
social|الرابط
social|نسخ الرابط
social|رابط
social|حفظ
social|ماسنجر
social|سناب شات
social|تيك توك
social|facebook
social|twitter
social|whatsapp
social|telegram
social|linkedin
social|email
social|print
social|share
social|x
byline|بقلم
byline|كتب
byline|كتبت
byline|كتب ـ
byline|تحرير
byline|إعداد
byline|المحرر
byline|حرر بواسطة
byline|نشر في
byline|نشر بتاريخ
byline|تاريخ النشر
byline|آخر تحديث
byline|تم النشر
byline|تم التحديث
byline|منذ
date|يناير
date|فبراير
date|مارس
date|أبريل
date|ابريل
date|مايو
date|يونيو
date|يونيه
date|يوليو
date|يوليه
date|أغسطس
date|سبتمبر
date|أكتوبر
date|نوفمبر
date|ديسمبر
date|كانون
date|شباط
date|آذار
date|نيسان
date|أيار
date|حزيران
date|تموز
date|آب
date|أيلول
date|تشرين
date|السبت
date|الأحد
date|الاثنين
date|الإثنين
date|الثلاثاء
date|الأربعاء
date|الخميس
date|الجمعة
date|ساعة
date|ساعات
date|دقيقة
date|دقائق
date|ص
date|م
date|gmt
stop|في
stop|من
stop|على
stop|إلى
stop|عن
stop|مع
stop|أن
stop|إن
stop|أو
stop|ثم
stop|قد
stop|لقد
stop|كان
stop|كانت
stop|يكون
stop|التي
stop|الذي
stop|الذين
stop|هذا
stop|هذه
stop|ذلك
stop|تلك
stop|هناك
stop|بعد
stop|قبل
stop|حيث
stop|كما
stop|لم
stop|لن
stop|لا
stop|ما
stop|إذا
stop|بين
stop|حتى
stop|عند
stop|خلال
stop|منذ
stop|دون
stop|كل
stop|غير
stop|به
stop|بها
stop|له
stop|لها
stop|لهم
stop|فيه
stop|فيها
stop|منه
stop|منها
stop|عليه
stop|عليها
stop|إليه
stop|أنه
stop|أنها
stop|وقد
stop|وفي
stop|ومن
stop|وعلى
stop|وأن
stop|وهو
stop|وهي
stop|هو
stop|هي
stop|هم
stop|وقال
stop|قال
stop|وأضاف
stop|أيضا
stop|إلا
stop|وذلك
stop|بأن
stop|لأن
stop|عام
stop|أكثر
stop|وكان
stop|يوم
stop|the
stop|of
stop|and
stop|to
stop|in
stop|is
stop|that
stop|for
stop|was
stop|with
"""#

// Class / id / role hints. Class and id values are split into tokens at non-letters and at
// camelCase humps ("relatedArticles" → related, articles); `*-sub` patterns are searched in
// each class name with separators removed ("side-bar" → "sidebar").
//   strong — this element is the article body (wins over everything)
//   neg    — boilerplate (comments, share bars, related lists, ads, navigation…)
//   pos    — likely content
let classHintData = #"""
strong-sub|articlebody
strong-sub|articlecontent
strong-sub|articletext
strong-sub|articledetails
strong-sub|articledetail
strong-sub|entrycontent
strong-sub|postcontent
strong-sub|postbody
strong-sub|postentry
strong-sub|storybody
strong-sub|storycontent
strong-sub|storytext
strong-sub|newscontent
strong-sub|newsbody
strong-sub|newstext
strong-sub|newsdetails
strong-sub|newsdetail
strong-sub|detailscontent
strong-sub|detailsbody
strong-sub|contentbody
strong-sub|bodytext
strong-sub|textbody
strong-sub|fieldnamebody
strong-sub|fieldbody
strong-sub|wysiwyg
strong-sub|mainarticle
neg|comment comments commentlist commentslist commentbox commentform disqus respond reply replies
neg|share shares sharing sharer sharebar sharethis addthis social socials socialmedia follow
neg|related relatedposts relatedarticles relatednews similar recommended recommendations readmore readalso also more
neg|sidebar aside widget widgets rail
neg|footer foot nav navbar navigation menu submenu breadcrumb breadcrumbs crumbs skip
neg|tags tag tagcloud taglist keywords topics
neg|promo promos promoted sponsor sponsored ad ads adv advert adverts advertisement advertising adsbygoogle banner dfp gpt
neg|newsletter subscribe subscription signup login popup modal overlay cookie cookies consent
neg|outbrain taboola mostread popular trending latest ticker marquee
neg|print rating ratings pagination pager masthead topbar toolbar
neg|byline author authors meta date time timestamp dateline published caption credit
neg-sub|sidebar
neg-sub|breadcrumb
neg-sub|newsletter
neg-sub|outbrain
neg-sub|taboola
neg-sub|disqus
neg-sub|advert
neg-sub|sponsor
neg-sub|related
neg-sub|socialshare
neg-sub|sharebar
neg-sub|sharing
neg-sub|commentlist
neg-sub|commentsarea
neg-sub|mostread
neg-sub|mostpopular
neg-sub|readalso
neg-sub|readmore
neg-sub|tagcloud
pos|article content entry post story text body main news detail details single
"""#
