// Gazetteer data: news agencies, channels, newspapers and sites. Data only.
let outletsData = #"""
# Outlets — one per line:   id|name|aliases|country|kind
#
# kind     agency, channel, newspaper, site, radio — it becomes the credit's role
# aliases  Arabic and Latin spellings (Latin is lowercased by the normalizer, so "CNN" = "cnn").
#          Many outlet names are also ordinary words or places (العربية "Arabic", الجزيرة "the
#          island", الرياض the city, وام "and mother"): those carry "?" and count only with support —
#          an outlet cue or a citation word just before (وكالة، قناة، صحيفة، ذكرت … see
#          CuesData.swift), brackets around them ("(واس)"، «الشرق الأوسط»), a dateline dash
#          ("الرياض - واس"), or the same outlet named unambiguously elsewhere in the text.
#          "??" is stricter, for names that are everyday nouns (البيان "the statement", المدينة
#          "the city"): a citation word does not count ("قال البيان" is a statement), only an
#          outlet noun, brackets or quotes (not after a place noun: العاصمة "الرياض") or a
#          dateline. اليوم ("today") is too common even so: only صحيفة اليوم، اليوم السعودية
#          name the paper.

# --- international agencies
reuters|رويترز|وكالة رويترز,رويتر,reuters|uk|agency
afp|فرانس برس|وكالة فرانس برس,وكالة الأنباء الفرنسية,فرانس بريس,وكالة الصحافة الفرنسية,أ ف ب,أ.ف.ب,ا ف ب,afp,الفرنسية?|france|agency
ap|أسوشيتد برس|أسوشيتدبرس,أسوشييتد برس,اسوشيتد برس,وكالة أسوشيتد برس,أ ب?,associated press|usa|agency
dpa|د ب أ|وكالة الأنباء الألمانية,د.ب.أ,dpa,الألمانية?|germany|agency
anadolu|الأناضول|وكالة الأناضول,الأناضول التركية,anadolu|turkey|agency
xinhua|شينخوا|وكالة شينخوا,وكالة أنباء الصين الجديدة,xinhua|china|agency
tass|تاس|وكالة تاس,إيتار تاس,tass|russia|agency
ria-novosti|ريا نوفوستي|وكالة ريا نوفوستي,نوفوستي|russia|agency
interfax|إنترفاكس|وكالة إنترفاكس,انترفاكس|russia|agency
sputnik|سبوتنيك|وكالة سبوتنيك,سبوتنيك عربي|russia|agency
irna|إرنا|وكالة إرنا,وكالة الأنباء الإيرانية,ارنا|iran|agency
fars|فارس??|وكالة فارس,وكالة أنباء فارس|iran|agency
tasnim|تسنيم|وكالة تسنيم|iran|agency
efe|إفي|وكالة إفي,وكالة الأنباء الإسبانية|spain|agency
bloomberg|بلومبرغ|وكالة بلومبرغ,بلومبيرغ,بلومبرج,bloomberg|usa|agency
kyodo|كيودو|وكالة كيودو|japan|agency
yonhap|يونهاب|وكالة يونهاب|south-korea|agency
ansa|أنسا|وكالة أنسا|italy|agency

# --- Arab state news agencies
spa|واس|وكالة الأنباء السعودية,وكالة الانباء السعودية واس,saudi press agency,spa|saudi-arabia|agency
wam|وام??|وكالة أنباء الإمارات,wam|uae|agency
qna|قنا??|وكالة الأنباء القطرية,qna|qatar|agency
kuna|كونا??|وكالة الأنباء الكويتية,kuna|kuwait|agency
bna|بنا??|وكالة أنباء البحرين|bahrain|agency
ona|العمانية??|وكالة الأنباء العمانية|oman|agency
sana|سانا|الوكالة العربية السورية للأنباء,sana|syria|agency
petra|بترا??|وكالة الأنباء الأردنية|jordan|agency
mena|أ ش أ|وكالة أنباء الشرق الأوسط,ا ش ا|egypt|agency
middle-east-radio|إذاعة الشرق الأوسط||egypt|radio
wafa|وفا??|وكالة الأنباء الفلسطينية,وكالة وفا|palestine|agency
ina|واع??|وكالة الأنباء العراقية|iraq|agency
nna|الوكالة الوطنية للإعلام|الوكالة الوطنية للاعلام اللبنانية|lebanon|agency
map|لاماب|وكالة المغرب العربي للأنباء|morocco|agency
aps|وأج|وكالة الأنباء الجزائرية|algeria|agency
tap|وات??|وكالة تونس أفريقيا للأنباء|tunisia|agency
suna|سونا??|وكالة السودان للأنباء|sudan|agency
saba|سبأ??|وكالة سبأ|yemen|agency
lana|وال??|وكالة الأنباء الليبية|libya|agency

# --- Arabic channels and sites
al-qahera-news|القاهرة الإخبارية|قناة القاهرة الإخبارية,al qahera news|egypt|channel
sky-news-arabia|سكاي نيوز عربية|سكاي نيوز العربية,سكاي نيوز عربيه,sky news arabia,skynewsarabia|uae|channel
al-arabiya|العربية?|قناة العربية,العربية نت,العربية.نت,al arabiya,alarabiya|saudi-arabia|channel
al-hadath|الحدث??|قناة الحدث|saudi-arabia|channel
al-jazeera|الجزيرة?|قناة الجزيرة,الجزيرة نت,الجزيرة مباشر,شبكة الجزيرة,al jazeera,aljazeera|qatar|channel
bbc|بي بي سي|بي.بي.سي,هيئة الإذاعة البريطانية,بي بي سي عربي,bbc,bbc arabic|uk|channel
cnn|سي إن إن|سي ان ان,cnn,cnn arabic,cnn بالعربية,سي إن إن بالعربية|usa|channel
france-24|فرانس 24|فرانس24,فرانس 24 عربي,france 24,france 24 arabic,france24|france|channel
rt|روسيا اليوم|آر تي,قناة روسيا اليوم,rt arabic|russia|channel
alhurra|الحرة??|قناة الحرة|usa|channel
al-mayadeen|الميادين??|قناة الميادين|lebanon|channel
al-manar|المنار??|قناة المنار|lebanon|channel
al-ikhbariya|الإخبارية السعودية|قناة الإخبارية|saudi-arabia|channel
asharq-news|الشرق للأخبار|قناة الشرق,الشرق بلومبرغ|saudi-arabia|channel
al-ghad|الغد??|قناة الغد|egypt|channel
extra-news|إكسترا نيوز|اكسترا نيوز|egypt|channel
al-alam|العالم??|قناة العالم|iran|channel
al-ain|العين الإخبارية|بوابة العين الإخبارية,العين الاخبارية|uae|site
independent-arabia|إندبندنت عربية|اندبندنت عربية|uk|site
arabi21|عربي 21|عربي21|uk|site
al-quds-al-arabi|القدس العربي|صحيفة القدس العربي|uk|newspaper
youm7|اليوم السابع|صحيفة اليوم السابع|egypt|newspaper
al-masry-al-youm|المصري اليوم|صحيفة المصري اليوم|egypt|newspaper
ahram|الأهرام??|صحيفة الأهرام,بوابة الأهرام,جريدة الأهرام|egypt|newspaper
akhbar-el-yom|أخبار اليوم|صحيفة أخبار اليوم|egypt|newspaper
shorouk|الشروق??|صحيفة الشروق|egypt|newspaper
elwatan-eg|الوطن??|صحيفة الوطن,جريدة الوطن,الوطن المصرية,el watan news|egypt|newspaper
al-watan-sa|الوطن السعودية|al-watan|saudi-arabia|newspaper
asharq-al-awsat|الشرق الأوسط??|صحيفة الشرق الأوسط,الشرق الأوسط أونلاين,asharq al-awsat|saudi-arabia|newspaper
al-hayat|الحياة??|صحيفة الحياة|saudi-arabia|newspaper
okaz|عكاظ|صحيفة عكاظ,okaz|saudi-arabia|newspaper
al-riyadh|الرياض??|صحيفة الرياض,جريدة الرياض,الرياض الإلكتروني,al-riyadh|saudi-arabia|newspaper
al-jazirah|صحيفة الجزيرة|جريدة الجزيرة,al-jazirah|saudi-arabia|newspaper
al-yaum|صحيفة اليوم|جريدة اليوم,اليوم السعودية,al-yaum|saudi-arabia|newspaper
al-eqtisadiah|الاقتصادية??|صحيفة الاقتصادية,الاقتصادية الإلكترونية,al-eqtisadiya|saudi-arabia|newspaper
al-madina|المدينة??|صحيفة المدينة,al-madina|saudi-arabia|newspaper
ain-alyoum|عين اليوم|صحيفة عين اليوم,ain alyoum|saudi-arabia|site
al-weeam|الوئام??|صحيفة الوئام,al-weeam|saudi-arabia|site
arriyadiyah|الرياضية??|صحيفة الرياضية,arriyadiyah|saudi-arabia|newspaper
sabq|سبق??|صحيفة سبق,sabq|saudi-arabia|site
an-nahar|النهار??|صحيفة النهار|lebanon|newspaper
al-akhbar-lb|الأخبار??|صحيفة الأخبار اللبنانية|lebanon|newspaper
al-khaleej|الخليج??|صحيفة الخليج|uae|newspaper
al-bayan|البيان??|صحيفة البيان|uae|newspaper
al-ittihad-uae|صحيفة الاتحاد|جريدة الاتحاد|uae|newspaper
al-raya|الراية??|صحيفة الراية|qatar|newspaper
al-watan-qa|الوطن القطرية||qatar|newspaper
al-qabas|القبس??|صحيفة القبس|kuwait|newspaper
al-rai|الراي??|صحيفة الراي|kuwait|newspaper
ad-diyar|الديار??|صحيفة الديار|lebanon|newspaper

# --- international newspapers and sites
new-york-times|نيويورك تايمز|صحيفة نيويورك تايمز,ذا نيويورك تايمز,new york times|usa|newspaper
washington-post|واشنطن بوست|صحيفة واشنطن بوست,washington post|usa|newspaper
wall-street-journal|وول ستريت جورنال|صحيفة وول ستريت جورنال,wall street journal|usa|newspaper
guardian|الغارديان|الجارديان,صحيفة الغارديان,the guardian|uk|newspaper
the-times|التايمز|صحيفة التايمز,the times|uk|newspaper
financial-times|فايننشال تايمز|فاينانشال تايمز,financial times|uk|newspaper
independent|الإندبندنت|صحيفة الإندبندنت,the independent|uk|newspaper
daily-telegraph|ديلي تلغراف|التلغراف,ديلي تلغراف البريطانية,the telegraph|uk|newspaper
le-monde|لوموند|صحيفة لوموند,le monde|france|newspaper
le-figaro|لوفيغارو|صحيفة لوفيغارو,le figaro|france|newspaper
der-spiegel|دير شبيغل|شبيغل,der spiegel|germany|newspaper
haaretz|هآرتس|صحيفة هآرتس,هارتس,haaretz|israel|newspaper
yedioth-ahronoth|يديعوت أحرونوت|يديعوت احرنوت,صحيفة يديعوت أحرونوت|israel|newspaper
jerusalem-post|جيروزاليم بوست|جيروزالم بوست|israel|newspaper
times-of-israel|تايمز أوف إسرائيل||israel|newspaper
axios|أكسيوس|موقع أكسيوس,axios|usa|site
politico|بوليتيكو|politico|usa|site
fox-news|فوكس نيوز|fox news|usa|channel
cnbc|سي إن بي سي|cnbc|usa|channel
nbc|إن بي سي|nbc|usa|channel
abc-news|إيه بي سي|abc news|usa|channel
cbs|سي بي إس|cbs|usa|channel
business-insider|بيزنس إنسايدر|بزنس إنسايدر,موقع بيزنس إنسايدر,business insider|usa|site
techcrunch|تك كرانش|تيك كرانش,موقع تك كرانش,techcrunch|usa|site
mbc-masr|إم بي سي مصر|ام بي سي مصر,mbc مصر|egypt|channel
"""#
