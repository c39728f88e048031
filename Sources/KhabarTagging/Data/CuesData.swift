// Tagging policy word lists: context cues for ambiguous aliases, attribution cues and the words
// that never become key-phrase tags. Data only.
let cuesData = #"""
# Word lists — one list entry per line:   list|word,word,…
# A list may continue over several lines with the same name. Words are written in ordinary
# spelling and normalized by the parser; multi-word entries are not allowed (one token each).
# Clitics are stripped from the text's word before lookup (والرئيس → الرئيس), so only bare
# forms are listed.
#
# person-title   a person's single-word alias (عباس، الأسد) counts when one of these is among
#                the four words before it
# outlet-cue     an outlet alias that is also a common word (العربية، الجزيرة) counts when the
#                word just before it is one of these or a citation word. Only the bare noun is
#                listed: the construct "قناة العربية" names Al Arabiya, while "القناة العربية"
#                is "the Arab channel", so the ال form is no cue (and ال is not stripped here).
# org-cue        the same for organizations (القاعدة، فتح، الأهلي) — the word just before
# place-cue      the same for places (مالي، صور، الخليل) — the word just before
# place-idiom    a one-word place or capital alias right before one of these words is part of an
#                idiom, not the place (مسقط رأس: birthplace, not Muscat)
# event-head     a one-word club or other organization alias right after one of these words
#                names the event's city, not the body (دورة برشلونة is the tennis open, سباق
#                موناكو the Grand Prix), as it does after a city's own bodies and officers
#                (جامعة ساوثهامبتون، مستشفى ساوثهامبتون، شرطة برايتون، عمدة ليستر)
# club-venue     a club's everyday one-word name (الهلال، تورينو) right after one of these reads
#                as the place, not the club, when only its rivals or league would make it the
#                club (في تورينو، ملعب تورينو); a short word keeps its و form (وفي)
# stadium        a word for a stadium: the name after it, over at most two titles or place nouns
#                (ستاد الأمير فيصل بن فهد، ستاد مدينة الملك عبدالله), is the stadium's, no mention
#                of the person, country or body it honours (ملعب الإمارات is no UAE)
# government-head  the same name right after one of these is a government body's complement
#                (وزارة الشباب والرياضة، وزير الشباب), there and in the text's other bare mentions
# citation       words that introduce a source (نقلاً عن، حسب ما أفادت، وفقاً لـ، ذكرت …)
# relay          words after which the next cited source is the one quoted by the previous
#                source in the same sentence (… نقلاً عن وكالة رويترز → رويترز is the original)
# nisba-blocker  a nisba adjective right after one of these names a language, not a country
#                (اللغة الفرنسية)
# nisba-qualifier a nisba adjective up to three words after one of these (or right after a club,
#                league, company or outlet the gazetteer names) says whose currency, newspaper,
#                player or club it is: the mention stays, but it makes no country tag
#                (دولار أمريكي، صحيفة ماركا الإسبانية، النجم المصري، ريال مدريد الإسباني)
# generic        words that never start or end a key phrase and are never a key-phrase tag on
#                their own: reporting verbs, time words, months, weekdays, number words, vague
#                nouns of news prose. The analyzer's stopwords are excluded as well.
# name-link      words that only join a name (بن، ولد): inside a key phrase, never at its start
#                or end ("الوليد بن" is no phrase, "الوليد بن طلال" is)
# name-head      words that open a name (أبو، عبد، آل): never at the end of a key phrase
# vague          nouns too general to browse by: a key phrase made only of words with these
#                stems (الرئيس، رئيس الوزراء، الفريق، عاما) is never a tag, though such words
#                may sit in a longer one (key-phrase extraction itself still offers them). Titles and institutions without their country,
#                event nouns, sport and business nouns, units.

person-title|الرئيس,رئيس,رئيسة,الرئيسة,رئيسا,الملك,الملكة,العاهل,عاهل,الأمير,الأميرة,أمير,ولي,العهد
person-title|الشيخ,الشيخة,السلطان,الوزير,وزير,وزيرة,الوزيرة,المستشار,المستشارة,الزعيم,زعيم,المرشد
person-title|نائب,نائبة,النائب,السيناتور,الجنرال,المشير,الفريق,اللواء,العقيد,العميد,السيد,السيدة
person-title|البابا,الإمام,المبعوث,مبعوث,السفير,سفير,الأمين,المتحدث,متحدث,الناطق,القائد,قائد
person-title|الحاكم,حاكم,المرشح,مرشح,المرشحة,مرشحة,الوزراء,الخارجية,الدفاع,حكومة,الحكومة

outlet-cue|وكالة,وكالات,قناة,قنوات,صحيفة,صحف,جريدة,موقع,شبكة,تلفزيون,إذاعة,مجلة,مراسل,مراسلة

org-cue|تنظيم,التنظيم,حركة,الحركة,حزب,الحزب,جماعة,الجماعة,منظمة,المنظمة,نادي,النادي,فريق
org-cue|الفريق,مقاتلو,مقاتلي,عناصر,ميليشيا,ميليشيات,كتائب,لاعب,لاعبو,لاعبي,مدرب,جماهير,قادة

place-cue|مدينة,المدينة,بلدة,البلدة,قرية,دولة,جمهورية,عاصمة,العاصمة,محافظة,ولاية,إقليم,منطقة
place-cue|مخيم,شمال,جنوب,شرق,غرب,شمالي,جنوبي,شرقي,غربي,وسط,ضواحي,سفارة,سفير,حكومة,حكومات
place-cue|رئيس,رئيسة,شعب,أهالي,سكان,مطار,ميناء

event-head|دورة,بطولة,سباق,ماراثون,طواف
event-head|جامعة,مدينة,شرطة,بلدية,مطار,ميناء,محافظ,عمدة,مستشفى
club-venue|في,وفي,ملعب
stadium|ستاد,استاد,ملعب
government-head|وزارة,وزير,وزيرة,مديرية,هيئة

citation|نقلا,ذكرت,ذكر,أفادت,أفاد,أوردت,أورد,نقلت,نقل,بحسب,حسب,حسبما,وفقا,وفق,طبقا,قالت
citation|أعلنت,بثت,نشرت,كشفت,أكدت,تقول,يقول,أشارت,أضافت,ذكرته,أوردته,نشرته,بثته,نقلته
citation|المصدر,مصدر,تصريحات,تصريح,حديث,لقاء,مقابلة

relay|نقلا,عن

place-idiom|رأس,رأسه,رأسها,رأسهم,رأسي,رأسك,رأسنا
nisba-qualifier|دولار,الدولار,دولارا,صحيفة,الصحيفة,جريدة,مجلة,المجلة,موقع,قناة,شبكة,نادي,النادي
nisba-qualifier|فريق,الفريق,النجم,نجم,اللاعب,لاعب,لاعبو,لاعبي,المهاجم,مهاجم,المدافع,مدافع,الحارس
nisba-qualifier|حارس,المدرب,مدرب,الدولي,الدوري,دوري,بطولة,البطولة,الممثل,الممثلة,الفنان,الفنانة,المطرب

nisba-blocker|اللغة,لغة,باللغة,بلغة,اللغات,لغات,الترجمة,ترجمة,اللهجة,لهجة,الأدب,الثقافة,المطبخ

name-link|بن,ابن,بنت,ولد,بنو,بني
name-head|أبو,أبي,أبا,أم,عبد,آل,ذو,ذي,سيدي,مولاي,باسم

generic|بلا,عبر,ضمن,وسط,إثر,جراء,نحو,لدى,أثناء,الكثير,كثير,العديد,عديد,بعض,أبرز
generic|قال,قالت,يقول,تقول,أعلن,أعلنت,يعلن,تعلن,أكد,أكدت,يؤكد,تؤكد,أشار,أشارت,يشير,تشير
generic|أوضح,أوضحت,يوضح,توضح,أضاف,أضافت,يضيف,تضيف,ذكر,ذكرت,يذكر,تذكر,أفاد,أفادت,يفيد,تفيد
generic|تابع,تابعت,لفت,لفتت,نوه,نوهت,اعتبر,اعتبرت,يعتبر,تعتبر,رأى,يرى,ترى,كشف,كشفت,يكشف
generic|شدد,شددت,يشدد,دعا,دعت,يدعو,تدعو,طالب,طالبت,يطالب,تطالب,أعرب,أعربت,أبدى,أبدت
generic|أجرى,أجرت,يجري,تجري,عقد,عقدت,يعقد,تعقد,بدأ,بدأت,يبدأ,تبدأ,وصل,وصلت,أصدر,أصدرت
generic|شهد,شهدت,يشهد,تشهد,توقع,توقعت,يتوقع,تتوقع,قام,قامت,يقوم,تقوم,جرى,جرت,سيتم,يجب,ينبغي
generic|أصبح,باتت,وكان,وكانت,ويأتي,أتى,أتت,يأتي,نشر,نشرت,نقل,نقلت,أورد,أوردت,صرح,صرحت
generic|حكمت,قضت,أدانت,برأت,نفى,نفت,ينفي,تنفي,مجرد
generic|مؤخرا,مجددا,أيضا,لاحقا,حاليا,سابقا,تقريبا,خصوصا,أخيرا,سريعا,كثيرا,قليلا,جدا,فعلا,مبكرا,رسميا,نهائيا
generic|مضيفا,مشيرا,موضحا,مؤكدا,معتبرا,لافتا,منوها,قائلا,مشيرة,مضيفة,مؤكدة,موضحة,مبينا,بين
generic|الأحد,الاثنين,الإثنين,الثلاثاء,الأربعاء,الخميس,الجمعة,السبت,يوم,اليوم,أمس,غدا,الليلة
generic|يناير,فبراير,مارس,أبريل,إبريل,مايو,يونيو,يوليو,أغسطس,سبتمبر,أكتوبر,نوفمبر,ديسمبر
generic|كانون,شباط,آذار,نيسان,أيار,حزيران,تموز,آب,أيلول,تشرين,الأول,الثاني,الثالث,الأخير
generic|الماضي,الماضية,المقبل,المقبلة,الحالي,الحالية,الجاري,الجارية,القادم,القادمة,السابق,السابقة
generic|الأسبوع,أسبوع,أسابيع,الشهر,شهر,أشهر,شهور,العام,عام,أعوام,سنة,السنة,سنوات,الساعة,ساعة,ساعات
generic|دقيقة,دقائق,صباح,مساء,صباحا,مساء,فجر,ظهر,عصر,ليلة,ليل,نهار,الوقت,وقت,أوقات,مدة,فترة,الفترة
generic|يومين,أسبوعين,شهرين,عامين,سنتين,ساعتين,أيام,الأيام,الأسابيع,الأشهر,الشهور,الأعوام,السنوات,الساعات,الدقائق
generic|عدم,البلاد,الجديد,الجديدة,الجدد,التوالي,حال,جيد,جيدة
generic|واحد,واحدة,اثنان,اثنين,ثلاثة,ثلاث,أربعة,أربع,خمسة,خمس,ستة,ست,سبعة,سبع,ثمانية,ثماني
generic|تسعة,تسع,عشرة,عشر,عشرات,مئة,مائة,مئات,ألف,آلاف,مليون,ملايين,مليار,مليارات,نصف,ربع
generic|ألفا,ألفي,مليونا,مليوني,مليارا,ملياري
# (the tens but ستون، ستين, which also spell Stone: إيما ستون)
generic|عشرون,عشرين,ثلاثون,ثلاثين,أربعون,أربعين,خمسون,خمسين,سبعون,سبعين,ثمانون,ثمانين,تسعون,تسعين
generic|الأولى,أول,أولى,ثاني,ثانية,ثالث,آخر,أخرى,آخرين,آخرون,أخيرا,عدد,عدة,كثير,كثيرة,كبير,كبيرة
generic|صغير,صغيرة,جديد,جديدة,جدد,أكثر,أقل,أكبر,أصغر,أهم,مهم,مهمة,إطار,جانب,شأن,نسبة,مستوى
generic|خلال,ظل,مرة,مرات,أمر,الأمر,حالة,حالات,شكل,طريق,طريقة,إضافة,فضلا,أيضا,كذلك,يمكن,بشكل
generic|مصدر,مصادر,مسؤول,مسؤولون,مسؤولين,المسؤول,بيان,البيان,تصريحات,تصريح,وكالة,الوكالة,أنباء
generic|الأنباء,خبر,أخبار,تقرير,تقارير,صحفي,صحفية,الصحفي,الصحفيين,وسائل,الإعلام,إعلام,إعلامية
generic|متابعة,تفاصيل,المزيد,اقرأ,شاهد,فيديو,صور,صورة,تحديث,عاجل,حصري,مباشر,رابط,المصدر
generic|وفق,وفقا,حسب,بحسب,نقلا,طبقا,بسبب,نتيجة,عبر,حيث,بينما,إذ,وذلك,ذلك,هذا,هذه,التي,الذي
generic|شخص,أشخاص,الناس,أمام,قبل,بعد,منذ,حتى,إلى,غير,بين,أنها,أنه,كما,لكن,ولكن,بل,جميع,كل,بعض
generic|نحو,حوالي,قرابة,تقريبا,فقط,جدا,كلها,كله,مجموعة,أجل,سبيل,عملية,عمليات,وضع,الوضع,أمور
generic|أدنى,أعلى,أفضل,أسوأ,أبرز,أغلب,معظم,أكثرية,أغرب,أهمية,أول,آخر,نفس,ذات,كافة,عدد,أيضا
generic|صلى,رضي,تعالى,سبحانه
# (prepositions with their pronouns: علينا أن …، عندنا)
generic|علينا,عندنا,إلينا,معنا,فينا,منا,عنا,لنا,بنا,عليكم,عندكم,لديكم,إليكم,معكم,عليهم,عندهم,لديهم,إليهم,معهم,عليه,عليها,عنده,عندها,لديه,لديها,إليه,إليها
vague|ثالثة,رابع,رابعة,خامس,خامسة,سادس,سادسة,سابع,سابعة,ثامن,ثامنة,تاسع,تاسعة,عاشر,عاشرة
vague|رئيس,الرئيس,رئيسة,الوزراء,وزير,الوزير,الأمير,أمير,الملك,ملك,نائب,مدير,قائد,زعيم,المتحدث
vague|الحكومة,البرلمان,الجيش,القوات,الشرطة,السلطات,المحكمة,الوزارة,المجلس,اللجنة,الدولة,البلاد
vague|المدينة,المنطقة,الشعب,المواطنين,المواطنون,الأهالي,الأطفال,الناس,العالم,الأرض
vague|الحادث,حادث,الحادثة,مقتل,القتلى,قتلى,الضحايا,الجرحى,المصابين,الهجوم,هجوم,الانفجار,الاعتداء
vague|القضية,القرار,الاتفاق,الاتفاقية,المشروع,الخطة,الأزمة,الاجتماع,الزيارة,المؤتمر,الدراسة
vague|الفريق,المباراة,مباراة,المباريات,الموسم,اللاعب,اللاعبين,المدرب,المنتخب,النادي,البطولة,الدوري,الهدف,الأهداف,نقطة,نقاط,الجولة,المركز
vague|الشركة,الشركات,الموقع,البرنامج,الجهاز,الخدمة,المنتج,السوق,المستخدمين,القطاع
vague|الأسبق,السابق,السياسي,السياسية,الأمني,الأمنية,الأمن,النظام,الطائرة,المعارضة,المالية,النار
vague|عاما,عامًا,سنة,المئة,بالمئة,بالمائة,المائة,الربع,الأوقية,المليون,المليار,الرقم,النسبة
vague|شخص,شخصا,أشخاص,الأشخاص,الرجل,الرجال,الفتاة,وسط,القبض,العاصمة,الفنان,الفنانة,المخرج,الميزة,الميزات
vague|الفوز,الخسارة,النهائي,اللقب,المصنف,المصنفة,ملعب,الملعب,ملاعب,ستاد,استاد
vague|شمال,جنوب,شرق,غرب,شمالي,جنوبي,شرقي,غربي,شمالا,جنوبا,شرقا,غربا
# (a role alone is a person the article names or fails to: no topic to browse by)
vague|المهاجم,المدافع,الحارس,الممثل,الممثلة,المغني,المغنية,المطرب,المطربة,الكاتب,الكاتبة,الشاعر,الشاعرة,الأديب,الفيلسوف,الناشط,الناشطة,السفير,السفيرة,القس,المفتي,الإمام,الجنرال,العاهل,السيد,السيدة,السائق,المرشح,المرشحة,منتصف
# (a market report's movement and its measure, a match's minute, "at least", "names": no topic alone)
vague|ارتفاع,الارتفاع,تراجع,التراجع,انخفاض,الانخفاض,مؤشر,المؤشر,الأقل,الدقيقة,الدقائق,أسماء,الأسماء
# (خادم الحرمين الشريفين is the Saudi king's title, نائب خادم الحرمين his deputy's: people, no topic)
vague|خادم,الحرمين,الشريفين
"""#
