// Gazetteer data: international bodies, national institutions, parties, armed groups, clubs.
// Data only.
let organizationsData = #"""
# Organizations — one per line:   id|name|aliases|country[|kind]
#
# country  id of the country the body belongs to; empty for international bodies.
# kind     optional: "movement" for a party, movement or armed group of one country, whose
#          mentions speak of that country as its places do (a report on الحوثيون is a report on
#          اليمن; one on a club or a company is not one on its country); "sport" for a club or
#          a league (not a federation: الاتحاد alone after one is the federation)
# Alias markers: "?" = the alias alone is also a common word (القاعدة "the base", فتح "opening")
# and counts only with support (a cue such as تنظيم / حركة / حزب just before it, or the body named
# unambiguously elsewhere in the text); "??" = an everyday word (الهلال "the crescent", النصر
# "victory", الريال "the riyal") that counts only with a cue right before it (نادي، لاعب، مدرب …),
# or, for a sport body, beside another sport body of its country the text names unambiguously
# (مباراة النصر والهلال in a report that names الدوري السعودي); never merely because the club is
# named elsewhere; "*" = metonym.

# --- United Nations system
un|الأمم المتحدة|منظمة الأمم المتحدة,هيئة الأمم المتحدة,الأمم المتحده|
un-security-council|مجلس الأمن|مجلس الأمن الدولي,مجلس الأمن التابع للأمم المتحدة|
un-general-assembly|الجمعية العامة للأمم المتحدة|الجمعية العامة|
unhcr|مفوضية اللاجئين|المفوضية السامية للأمم المتحدة لشؤون اللاجئين,مفوضية الأمم المتحدة لشؤون اللاجئين|
unrwa|الأونروا|أونروا,وكالة غوث وتشغيل اللاجئين الفلسطينيين,وكالة الأمم المتحدة لإغاثة وتشغيل اللاجئين الفلسطينيين|
unicef|اليونيسف|يونيسف,منظمة الأمم المتحدة للطفولة|
unesco|اليونسكو|يونسكو,منظمة الأمم المتحدة للتربية والعلم والثقافة|
who|منظمة الصحة العالمية|الصحة العالمية,منظمة الصحة|
wfp|برنامج الأغذية العالمي||
fao|منظمة الأغذية والزراعة|الفاو|
undp|برنامج الأمم المتحدة الإنمائي||
unifil|اليونيفيل|يونيفيل,قوات اليونيفيل,قوة الأمم المتحدة المؤقتة في لبنان|
iaea|الوكالة الدولية للطاقة الذرية|وكالة الطاقة الذرية|
icc|المحكمة الجنائية الدولية|الجنائية الدولية|
icj|محكمة العدل الدولية|العدل الدولية|
un-human-rights-council|مجلس حقوق الإنسان|مجلس حقوق الإنسان التابع للأمم المتحدة|
wipo|المنظمة العالمية للملكية الفكرية|الويبو|
ocha|مكتب تنسيق الشؤون الإنسانية|أوتشا|
imf|صندوق النقد الدولي|صندوق النقد|
world-bank|البنك الدولي||
wto|منظمة التجارة العالمية||
iom|المنظمة الدولية للهجرة|منظمة الهجرة الدولية,منظمة الهجرة|
ilo|منظمة العمل الدولية||
imo|المنظمة البحرية الدولية||

# --- regional and other international bodies
nato|الناتو|حلف الناتو,حلف شمال الأطلسي,حلف الأطلسي,شمال الأطلسي,ناتو|
eu|الاتحاد الأوروبي|الاتحاد الاوروبى,دول الاتحاد الأوروبي|
european-commission|المفوضية الأوروبية||
european-parliament|البرلمان الأوروبي||
european-central-bank|البنك المركزي الأوروبي||
arab-league|جامعة الدول العربية|الجامعة العربية|
gcc|مجلس التعاون الخليجي|مجلس التعاون لدول الخليج العربية,مجلس التعاون|
opec|أوبك|منظمة أوبك,منظمة الدول المصدرة للنفط,منظمة البلدان المصدرة للنفط,أوبك بلس,أوبك+|
african-union|الاتحاد الأفريقي|الاتحاد الإفريقي|
oic|منظمة التعاون الإسلامي|منظمة المؤتمر الإسلامي|
g20|مجموعة العشرين|قمة العشرين|
g7|مجموعة السبع|مجموعة الدول السبع,مجموعة الثماني|
brics|بريكس|مجموعة بريكس|
sco|منظمة شنغهاي للتعاون|منظمة شانغهاي للتعاون|
asean|آسيان|رابطة دول جنوب شرق آسيا|
osce|منظمة الأمن والتعاون في أوروبا||
tftc|مركز استهداف تمويل الإرهاب|مركز استهداف تمويل الارهاب|
opcw|منظمة حظر الأسلحة الكيميائية|منظمة حظر الكيماوي,منظمة حظر الكيميائي,منظمة حظر الأسلحة الكيماوية,منظمة حظر الأسلحة الكيمياوية,منظمة حظر الأسلحة الكيميائية الدولية|
red-cross|الصليب الأحمر|اللجنة الدولية للصليب الأحمر,الصليب الأحمر الدولي|
red-crescent|الهلال الأحمر|الهلال الأحمر الفلسطيني,الهلال الأحمر السوري|
msf|أطباء بلا حدود|منظمة أطباء بلا حدود|
reporters-without-borders|مراسلون بلا حدود|منظمة مراسلون بلا حدود,مراسلين بلا حدود,منظمة مراسلين بلا حدود|
amnesty|منظمة العفو الدولية|العفو الدولية|
hrw|هيومن رايتس ووتش|منظمة هيومن رايتس ووتش,هيومان رايتس ووتش,منظمة هيومان رايتس ووتش|
fifa|الفيفا|فيفا,الاتحاد الدولي لكرة القدم|
uefa|الاتحاد الأوروبي لكرة القدم|يويفا,اليويفا,الاتحاد الأوروبي?|
# competitions: named in full they are one name, so أوروبا inside دوري أبطال أوروبا is not Europe
uefa-champions-league|دوري أبطال أوروبا|دوري أبطال أوربا,أبطال أوروبا,أبطال أوربا|
uefa-europa-league|الدوري الأوروبي|يوروبا ليغ|
# المونديال is the World Cup where the text names it (مونديال السلة is another); مونديال روسيا
# names the tournament, not its host
fifa-world-cup|كأس العالم|كأس العالم لكرة القدم,المونديال?,مونديال?,مونديال روسيا,مونديال قطر|
fifa-club-world-cup|كأس العالم للأندية|مونديال الأندية|
formula-1|فورمولا 1|الفورمولا 1,فورمولا ون,فورمولا1,بطولة العالم للفورمولا 1|
afc-champions-league|دوري أبطال آسيا|دوري أبطال اسيا|
caf-champions-league|دوري أبطال أفريقيا|دوري أبطال إفريقيا|
roland-garros|رولان غاروس|رولان جاروس,بطولة رولان غاروس|france
wimbledon|ويمبلدون|بطولة ويمبلدون|uk
saudi-king-cup|كأس خادم الحرمين الشريفين|كأس خادم الحرمين|saudi-arabia
nobel-prize|جائزة نوبل|جوائز نوبل|
# "مهرجان كان" alone may be "the festival was": it counts where the festival is named in full
cannes-film-festival|مهرجان كان السينمائي|مهرجان كان?,مهرجان كان السينمائي الدولي|france
sheikh-zayed-book-award|جائزة الشيخ زايد للكتاب|جائزة الشيخ زايد|uae
# national leagues: the league, not its country ("الدوري الإسباني" tagged Spain on 259 ANT dev articles about football)
saff|الاتحاد السعودي لكرة القدم|الاتحاد السعودي للعبة,اتحاد الكرة السعودي,اتحاد القدم السعودي|saudi-arabia
efa|الاتحاد المصري لكرة القدم|الاتحاد المصري للعبة,اتحاد الكرة المصري|egypt
the-fa|الاتحاد الإنجليزي لكرة القدم|الاتحاد الإنجليزي,الاتحاد الإنكليزي,الاتحاد الإنجليزي للعبة|uk
premier-league|الدوري الإنجليزي الممتاز|الدوري الإنجليزي,الدوري الإنكليزي,البريميرليغ|uk|sport
la-liga|الدوري الإسباني|الليغا,الدوري الإسباني لكرة القدم|spain|sport
serie-a|الدوري الإيطالي|الكالتشيو,الدوري الإيطالي لكرة القدم|italy|sport
bundesliga|الدوري الألماني|البوندسليغا,البوندسليجا|germany|sport
ligue-1|الدوري الفرنسي||france|sport
saudi-pro-league|الدوري السعودي|دوري المحترفين السعودي,الدوري السعودي للمحترفين|saudi-arabia|sport
egyptian-premier-league|الدوري المصري|الدوري المصري الممتاز|egypt|sport
jordan-pro-league|الدوري الأردني|دوري المحترفين الأردني,الدوري الأردني للمحترفين|jordan|sport
uae-pro-league|دوري الخليج العربي|دوري الخليج العربي للمحترفين,الدوري الإماراتي,دوري المحترفين الإماراتي,الدوري الإماراتي للمحترفين|uae|sport
qatar-stars-league|دوري نجوم قطر|الدوري القطري,دوري نجوم QNB|qatar|sport
kuwait-premier-league|الدوري الكويتي|الدوري الكويتي الممتاز|kuwait|sport
iraqi-premier-league|الدوري العراقي|الدوري العراقي الممتاز|iraq|sport
botola|الدوري المغربي|البطولة الاحترافية المغربية|morocco|sport
tunisian-ligue-1|الدوري التونسي|الرابطة التونسية المحترفة الأولى|tunisia|sport
algerian-ligue-1|الدوري الجزائري|الرابطة الجزائرية المحترفة الأولى|algeria|sport
chinese-super-league|الدوري الصيني|الدوري الصيني الممتاز|china|sport
a-league|الدوري الأسترالي|الدوري الأسترالي للمحترفين|australia|sport
j-league|الدوري الياباني|الدوري الياباني للمحترفين|japan|sport
primeira-liga|الدوري البرتغالي|الدوري البرتغالي الممتاز|portugal|sport
eredivisie|الدوري الهولندي|الدوري الهولندي الممتاز|netherlands|sport
russian-premier-league|الدوري الروسي|الدوري الروسي الممتاز|russia|sport
mls|الدوري الأمريكي لكرة القدم|الدوري الأميركي لكرة القدم,الدوري الأمريكي لكرة القدم للمحترفين,الدوري الأميركي لكرة القدم للمحترفين|usa|sport
# national cups: the country's name inside is the cup's, not a mention of the country (كأس ألمانيا)
fa-cup|كأس الاتحاد الإنجليزي|كأس الاتحاد الإنكليزي,كأس الاتحاد الإنجليزي لكرة القدم|uk|sport
dfb-pokal|كأس ألمانيا|كأس ألمانيا لكرة القدم|germany|sport
coupe-de-france|كأس فرنسا|كأس فرنسا لكرة القدم|france|sport
coppa-italia|كأس إيطاليا|كأس إيطاليا لكرة القدم|italy|sport
egypt-cup|كأس مصر|كأس مصر لكرة القدم|egypt|sport
ioc|اللجنة الأولمبية الدولية||
afc|الاتحاد الآسيوي لكرة القدم||
caf|الاتحاد الأفريقي لكرة القدم|الكاف??|
al-azhar|الأزهر|الأزهر الشريف,مشيخة الأزهر|egypt

# --- national institutions often named alone
us-congress|الكونغرس|الكونجرس,الكونغرس الأمريكي,الكونغرس الأميركي|usa
us-senate|مجلس الشيوخ الأمريكي|مجلس الشيوخ الأميركي|usa
pentagon|البنتاغون|البنتاجون,وزارة الدفاع الأمريكية,وزارة الدفاع الأميركية|usa
us-state-department|وزارة الخارجية الأمريكية|الخارجية الأمريكية,الخارجية الأميركية,وزارة الخارجية الأميركية|usa
cia|وكالة المخابرات المركزية الأمريكية|سي آي إيه,وكالة المخابرات المركزية|usa
fbi|مكتب التحقيقات الفيدرالي|إف بي آي,مكتب التحقيقات الاتحادي|usa
federal-reserve|الاحتياطي الفيدرالي|مجلس الاحتياطي الفيدرالي,الاحتياطي الاتحادي,الفيدرالي الأمريكي|usa
knesset|الكنيست|الكنيست الإسرائيلي|israel
idf|الجيش الإسرائيلي|جيش الاحتلال الإسرائيلي,جيش الاحتلال|israel
mossad|الموساد||israel
irgc|الحرس الثوري|الحرس الثوري الإيراني,فيلق القدس|iran
russian-foreign-ministry|الخارجية الروسية|وزارة الخارجية الروسية|russia
state-duma|مجلس الدوما|الدوما|russia
wagner|فاغنر|مجموعة فاغنر,فاغنر الروسية|russia
aramco|أرامكو|أرامكو السعودية,شركة أرامكو|saudi-arabia
suez-canal-authority|هيئة قناة السويس||egypt
general-entertainment-authority|الهيئة العامة للترفيه|هيئة الترفيه|saudi-arabia
# central banks (their nisba alone would make only the country's tag)
central-bank-of-egypt|البنك المركزي المصري|المركزي المصري,البنك المركزي في مصر|egypt
sama|مؤسسة النقد العربي السعودي|النقد العربي السعودي,ساما?,البنك المركزي السعودي,المركزي السعودي|saudi-arabia
saudi-shura-council|مجلس الشورى السعودي||saudi-arabia
council-of-senior-scholars|هيئة كبار العلماء|هيئة كبار العلماء في السعودية|saudi-arabia
cpvpv|هيئة الأمر بالمعروف والنهي عن المنكر|هيئة الأمر بالمعروف|saudi-arabia
saudi-red-crescent|هيئة الهلال الأحمر السعودي|الهلال الأحمر السعودي|saudi-arabia
pif|صندوق الاستثمارات العامة||saudi-arabia
saudi-national-guard|الحرس الوطني السعودي|وزارة الحرس الوطني|saudi-arabia
saudi-tourism-commission|الهيئة العامة للسياحة والتراث الوطني|هيئة السياحة والتراث الوطني|saudi-arabia
ksu|جامعة الملك سعود||saudi-arabia
kau|جامعة الملك عبدالعزيز|جامعة الملك عبد العزيز|saudi-arabia
kfupm|جامعة الملك فهد للبترول والمعادن|جامعة الملك فهد|saudi-arabia
kku|جامعة الملك خالد||saudi-arabia
kfu|جامعة الملك فيصل||saudi-arabia
kaust|جامعة الملك عبدالله للعلوم والتقنية|جامعة الملك عبد الله للعلوم والتقنية,كاوست|saudi-arabia
kacst|مدينة الملك عبدالعزيز للعلوم والتقنية|مدينة الملك عبد العزيز للعلوم والتقنية|saudi-arabia
cairo-university|جامعة القاهرة||egypt
al-azhar-university|جامعة الأزهر||egypt
central-bank-uae|مصرف الإمارات المركزي|المصرف المركزي الإماراتي,المركزي الإماراتي,البنك المركزي الإماراتي|uae
banque-du-liban|مصرف لبنان|مصرف لبنان المركزي,البنك المركزي اللبناني,المركزي اللبناني|lebanon
bank-of-russia|البنك المركزي الروسي|المركزي الروسي|russia
# programmes named as topics in Gulf economic news
saudi-vision-2030|رؤية المملكة 2030|رؤية 2030,رؤية السعودية 2030,رؤية المملكة?|saudi-arabia
citizen-account|حساب المواطن|برنامج حساب المواطن|saudi-arabia

# --- parties, movements, armed groups
hamas|حماس|حركة حماس,حركة المقاومة الإسلامية,بحماس?|palestine|movement
polisario-front|جبهة البوليساريو|البوليساريو!,جبهة البوليزاريو|western-sahara|movement
qassam-brigades|كتائب القسام|كتائب عز الدين القسام,القسام|palestine|movement
fatah|فتح??|حركة فتح|palestine|movement
islamic-jihad|الجهاد الإسلامي|حركة الجهاد الإسلامي,سرايا القدس|palestine|movement
great-march-of-return|مسيرة العودة الكبرى|مسيرات العودة الكبرى,مسيرة العودة,مسيرات العودة|palestine|movement
plo|منظمة التحرير الفلسطينية|منظمة التحرير|palestine|movement
palestinian-authority|السلطة الفلسطينية|السلطة الوطنية الفلسطينية|palestine|movement
hezbollah|حزب الله|حزب الله اللبناني|lebanon|movement
amal-movement|حركة أمل||lebanon|movement
future-movement|تيار المستقبل||lebanon|movement
lebanese-forces|القوات اللبنانية|حزب القوات اللبنانية|lebanon|movement
free-patriotic-movement|التيار الوطني الحر||lebanon|movement
houthis|الحوثيون|الحوثيين,جماعة الحوثي,الحوثي,أنصار الله,جماعة أنصار الله,ميليشيا الحوثي,الحوثيون في اليمن|yemen|movement
isis|داعش|تنظيم داعش,تنظيم الدولة الإسلامية,الدولة الإسلامية,تنظيم الدولة|
al-qaeda|القاعدة?|تنظيم القاعدة,القاعدة في جزيرة العرب|
taliban|طالبان|حركة طالبان|afghanistan|movement
hts|هيئة تحرير الشام|جبهة النصرة,جبهة فتح الشام|syria|movement
sdf|قوات سوريا الديمقراطية|قسد|syria|movement
fsa|الجيش السوري الحر|الجيش الحر|syria|movement
jaysh-al-islam|جيش الإسلام||syria|movement
faylaq-al-rahman|فيلق الرحمن||syria|movement
ahrar-al-sham|أحرار الشام|حركة أحرار الشام|syria|movement
pkk|حزب العمال الكردستاني|بي كي كي|turkey|movement
ypg|وحدات حماية الشعب|وحدات حماية الشعب الكردية|syria|movement
muslim-brotherhood|الإخوان المسلمين|جماعة الإخوان المسلمين,الإخوان المسلمون,جماعة الإخوان,الإخوان|
hashd|الحشد الشعبي|قوات الحشد الشعبي,هيئة الحشد الشعبي|iraq|movement
rsf|قوات الدعم السريع|الدعم السريع|sudan|movement
al-shabaab|حركة الشباب|حركة الشباب المجاهدين,الشباب المجاهدين|somalia|movement
boko-haram|بوكو حرام|جماعة بوكو حرام|nigeria|movement
likud|الليكود|حزب الليكود|israel|movement
akp|حزب العدالة والتنمية|العدالة والتنمية|turkey|movement
chp|حزب الشعب الجمهوري|الشعب الجمهوري|turkey|movement
mhp|حزب الحركة القومية|الحركة القومية|turkey|movement
iyi-party|حزب الخير||turkey|movement
hdp|حزب الشعوب الديمقراطي|الشعوب الديمقراطي|turkey|movement
ennahda|حركة النهضة|حزب النهضة|tunisia|movement
nidaa-tounes|نداء تونس|حركة نداء تونس,حزب نداء تونس|tunisia|movement
# Iraq's lists of the 2018 election: سائرون and دولة القانون alone are also everyday words
sairoon|تحالف سائرون|سائرون?,قائمة سائرون,ائتلاف سائرون|iraq|movement
state-of-law|ائتلاف دولة القانون|دولة القانون?,قائمة دولة القانون|iraq|movement
victory-alliance|ائتلاف النصر|قائمة النصر|iraq|movement
fatah-alliance|تحالف الفتح|قائمة الفتح|iraq|movement
kdp|الحزب الديمقراطي الكردستاني||iraq|movement
puk|الاتحاد الوطني الكردستاني||iraq|movement
gpc|المؤتمر الشعبي العام|حزب المؤتمر الشعبي العام|yemen|movement
# الحزب الجمهوري alone is whichever of the two the text's country is (Armenia's ruled it in 2018)
republican-party|الحزب الجمهوري?|الجمهوريون?,الحزب الجمهوري الأمريكي,الحزب الجمهوري الأميركي|usa|movement
republican-party-armenia|الحزب الجمهوري الأرميني|الحزب الجمهوري?,الجمهوريون?,حزب أرمينيا الجمهوري|armenia|movement
democratic-party|الحزب الديمقراطي|الديمقراطيون|usa|movement
conservative-party|حزب المحافظين||uk|movement
labour-party|حزب العمال البريطاني||uk|movement
uk-house-of-commons|مجلس العموم|مجلس العموم البريطاني|uk
uk-house-of-lords|مجلس اللوردات|مجلس اللوردات البريطاني|uk

# --- football clubs (sports news is a large share of Arabic news)
real-madrid|ريال مدريد|الريال??|spain|sport
fc-barcelona|برشلونة|البارسا,نادي برشلونة|spain|sport
atletico-madrid|أتلتيكو مدريد|أتليتيكو مدريد|spain|sport
manchester-united|مانشستر يونايتد||uk|sport
manchester-city|مانشستر سيتي||uk|sport
liverpool-fc|ليفربول||uk|sport
chelsea|تشيلسي|تشلسي|uk|sport
arsenal|أرسنال|آرسنال|uk|sport
tottenham|توتنهام||uk|sport
bayern-munich|بايرن ميونخ|بايرن ميونيخ,بايرن|germany|sport
borussia-dortmund|بوروسيا دورتموند|دورتموند|germany|sport
juventus|يوفنتوس||italy|sport
ac-milan|ميلان??|إيه سي ميلان|italy|sport
inter-milan|إنتر ميلان|الإنتر,إنتر?,انتر ميلان|italy|sport
as-monaco|موناكو?||france|sport
psg|باريس سان جيرمان|باريس سان جرمان,سان جيرمان,سان جرمان|france|sport
al-ahly|الأهلي??|النادي الأهلي,الأهلي المصري|egypt|sport
al-ahli-saudi|الأهلي السعودي|أهلي جدة,الأهلي جدة,النادي الأهلي السعودي,الأهلي??|saudi-arabia|sport
zamalek|الزمالك|نادي الزمالك|egypt|sport
al-hilal|الهلال??|نادي الهلال,الهلال السعودي|saudi-arabia|sport
al-nassr|النصر??|نادي النصر,النصر السعودي|saudi-arabia|sport
al-ittihad|الاتحاد??|نادي الاتحاد,اتحاد جدة|saudi-arabia|sport
al-sadd|السد??|نادي السد|qatar|sport
raja-casablanca|الرجاء البيضاوي||morocco|sport
wydad-casablanca|الوداد البيضاوي||morocco|sport
esperance-tunis|الترجي|الترجي التونسي,الترجي الرياضي|tunisia|sport
# --- companies
microsoft|مايكروسوفت|ميكروسوفت|usa
google|غوغل|جوجل,جوغل,قوقل|usa
apple-inc|آبل!|شركة آبل,أبل??|usa
amazon-com|أمازون||usa
# Facebook (the network, and the company before 2021) and Meta (its company since) are two tags:
# a 2018 story about Facebook was tagged ميتا
facebook|فيسبوك|فايسبوك,فيس بوك,شركة فيسبوك,موقع فيسبوك,شبكة فيسبوك|usa
meta-platforms|ميتا??|شركة ميتا,ميتا بلاتفورمز|usa
twitter-x|تويتر||usa
whatsapp|واتساب|واتس آب,واتس اب,تطبيق واتساب|usa
youtube|يوتيوب|يوتوب|usa
instagram|إنستغرام|انستغرام,إنستجرام,انستجرام,إنستقرام|usa
snapchat|سناب شات|سنابشات|usa
intel|إنتل|انتل!|usa
ibm|آي بي إم|آي.بي.إم|usa
boeing|بوينغ|بوينج|usa
airbus|إيرباص|ايرباص|france
general-motors|جنرال موتورز||usa
ford-motor|فورد??|شركة فورد|usa
exxonmobil|إكسون موبيل|اكسون موبيل|usa
chevron|شيفرون||usa
coca-cola|كوكا كولا||usa
nokia|نوكيا||finland
ikea|إيكيا|ايكيا,آيكيا,أيكيا|sweden
samsung|سامسونغ|سامسونج|south-korea
sony|سوني||japan
toyota|تويوتا||japan
honda|هوندا||japan
nissan|نيسان??|شركة نيسان|japan
volkswagen|فولكسفاغن|فولكس فاغن,فولكسفاجن,فولكس واجن|germany
mercedes-benz|مرسيدس||germany
bmw|بي إم دبليو||germany
siemens|سيمنز|سيمينز|germany
peugeot-citroen|بيجو||france
citroen|سيتروين|ستروين|france
renault|رينو||france
total-energies|توتال|توتال إنرجيز|france
shell|شل??|شركة شل,رويال داتش شل|uk
bp|بريتيش بتروليوم|بي بي??|uk
gazprom|غازبروم|جازبروم|russia
lukoil|لوك أويل|لوكويل|russia
huawei|هواوي||china
alibaba|علي بابا??|مجموعة علي بابا|china
sabic|سابك||saudi-arabia
etisalat|اتصالات??|مؤسسة الإمارات للاتصالات|uae
emirates-airline|طيران الإمارات||uae
qatar-airways|الخطوط الجوية القطرية|القطرية??|qatar
saudia|الخطوط السعودية|الخطوط الجوية العربية السعودية|saudi-arabia
egyptair|مصر للطيران||egypt
nasa|ناسا|وكالة ناسا,وكالة الفضاء الأمريكية,وكالة الفضاء الأميركية|usa
spacex|سبيس إكس|سبيس اكس|usa
tesla|تسلا|شركة تسلا|usa
uber|أوبر|شركة أوبر|usa
telegram|تلغرام|تيليغرام,تليغرام,تلجرام,تطبيق تلغرام|
starbucks|ستاربكس||usa
nestle|نستله||switzerland
air-france|إير فرانس|اير فرانس|france
cambridge-analytica|كامبريدج أناليتيكا|كمبردج أناليتيكا,كامبردج أناليتيكا|uk
adnoc|أدنوك|شركة بترول أبوظبي الوطنية|uae
moodys|موديز|وكالة موديز|usa
sp-global|ستاندرد آند بورز|ستاندرد أند بورز,وكالة ستاندرد آند بورز|usa

# --- basketball: the NBA and its teams most in Arabic sports news (a team's short name alone
# only where it is no other word: سبيرز is also Britney Spears)
nba|دوري كرة السلة الأمريكي للمحترفين|دوري كرة السلة الأميركي للمحترفين,دوري كرة السلة الأمريكي,دوري كرة السلة الأميركي,دوري السلة الأمريكي للمحترفين,دوري السلة الأميركي للمحترفين,الدوري الأمريكي للمحترفين,الدوري الأميركي للمحترفين|usa|sport
cleveland-cavaliers|كليفلاند كافاليرز|كلفيلاند كافاليرز,كافاليرز|usa|sport
golden-state-warriors|غولدن ستيت ووريورز|غولدن ستيت وريورز,جولدن ستيت وريورز,وريورز,ووريورز|usa|sport
houston-rockets|هيوستن روكتس|هيوستون روكتس,روكتس|usa|sport
toronto-raptors|تورونتو رابتورز|رابتورز|canada|sport
boston-celtics|بوسطن سلتيكس|بوسطن سيلتيكس,سيلتيكس,سلتيكس|usa|sport
indiana-pacers|إنديانا بيسرز|إنديانا بايسرز,بيسرز,بايسرز|usa|sport
san-antonio-spurs|سان أنطونيو سبيرز||usa|sport
la-lakers|لوس أنجلوس ليكرز|لوس أنجليس ليكرز,ليكرز|usa|sport
philadelphia-76ers|فيلادلفيا سفنتي سيكسرز|فيلادلفيا سيفنتي سيكسرز,سفنتي سيكسرز,سيفنتي سيكسرز|usa|sport
oklahoma-city-thunder|أوكلاهوما سيتي ثاندر||usa|sport
portland-trail-blazers|بورتلاند تريل بليزرز|تريل بليزرز|usa|sport
utah-jazz|يوتا جاز|يوتا??|usa|sport
minnesota-timberwolves|مينيسوتا تيمبروولفز|مينيسوتا تمبروولفز,مينيسوتا تيمبر ولفز,مينيسوتا تمبر وولفز,مينيسوتا تيمبر وولفز,تيمبروولفز,مينيسوتا??|usa|sport
milwaukee-bucks|ميلووكي باكس|ميلواكي باكس|usa|sport
new-orleans-pelicans|نيو أورليانز بيليكانز|نيو أورلينز بيليكانز,بيليكانز|usa|sport
miami-heat|ميامي هيت||usa|sport
washington-wizards|واشنطن ويزاردز|ويزاردز|usa|sport
sporting-kansas-city|سبورتنغ كانساس سيتي|سبورتنج كانساس سيتي|usa|sport

# --- more football clubs
werder-bremen|فيردر بريمن|فيردر بريمين,فيردر|germany|sport
hamburg-sv|هامبورغ??|نادي هامبورغ|germany|sport
schalke|شالكه||germany|sport
as-roma|روما??|نادي روما,إيه إس روما|italy|sport
lazio|لاتسيو||italy|sport
napoli|نابولي??|نادي نابولي|italy|sport
fiorentina|فيورنتينا||italy|sport
udinese|أودينيزي|أودينيزى|italy|sport
levante-ud|ليفانتي|نادي ليفانتي|spain|sport
leganes|ليغانيس|ليجانيس|spain|sport
valencia-cf|فالنسيا??|نادي فالنسيا|spain|sport
red-bull-salzburg|ريد بول سالزبورغ|سالزبورغ??,سالزبورج??,نادي سالزبورغ|austria|sport
sevilla-fc|إشبيلية??|نادي إشبيلية|spain|sport
olympique-lyonnais|ليون??|أولمبيك ليون|france|sport
olympique-marseille|مرسيليا??|أولمبيك مرسيليا|france|sport
celtic|سلتيك||uk|sport
rangers|رينجرز||uk|sport
newcastle|نيوكاسل|نيوكاسل يونايتد|uk|sport
newcastle-jets|نيوكاسل جيتس||australia|sport
aston-villa|أستون فيلا||uk|sport
everton|إيفرتون||uk|sport
west-brom|وست بروميتش ألبيون|وست بروميتش,ويست بروميتش,ويست بروميتش ألبيون|uk|sport
ajax|أياكس||netherlands|sport
psv|آيندهوفن|بي إس في آيندهوفن|netherlands|sport
porto|بورتو??|نادي بورتو,إف سي بورتو|portugal|sport
benfica|بنفيكا||portugal|sport
sporting-lisbon|سبورتينغ لشبونة|سبورتنغ لشبونة|portugal|sport
galatasaray|غلطة سراي|جالطة سراي|turkey|sport
fenerbahce|فنربخشة|فنربهتشة|turkey|sport
boca-juniors|بوكا جونيورز||argentina|sport
river-plate|ريفر بليت||argentina|sport
al-rayyan|الريان??|نادي الريان|qatar|sport
al-arabi-qatar|العربي??|نادي العربي|qatar|sport
al-wahda-uae|الوحدة??|نادي الوحدة|uae|sport
al-ain-club|العين??|نادي العين|uae|sport
al-jazira-club|الجزيرة??|نادي الجزيرة|uae|sport
al-shabab-ksa|الشباب??|نادي الشباب|saudi-arabia|sport
al-ettifaq|الاتفاق??|نادي الاتفاق|saudi-arabia|sport
al-kuwait-sc|نادي الكويت|الكويت الكويتي|kuwait|sport

# --- clubs of the big five European leagues and the Gulf and Sudanese leagues that sports pages
#     name often (a club whose name is also a city's or a common word takes ? or ??)
bayer-leverkusen|باير ليفركوزن|ليفركوزن,بايرن ليفركوزن|germany|sport
vfl-wolfsburg|فولفسبورغ|فولفسبورج|germany|sport
eintracht-frankfurt|آينتراخت فرانكفورت|اينتراخت فرانكفورت,إنتراخت فرانكفورت|germany|sport
rb-leipzig|لايبزيغ?|آر بي لايبزيغ,لايبزيج?,نادي لايبزيغ|germany|sport
hoffenheim|هوفنهايم||germany|sport
borussia-monchengladbach|بوروسيا مونشنغلادباخ|مونشنغلادباخ,مونشنجلادباخ|germany|sport
vfb-stuttgart|شتوتغارت?|نادي شتوتغارت,شتوتجارت?|germany|sport
hertha-berlin|هيرتا برلين|هيرتا|germany|sport
athletic-bilbao|أتلتيك بلباو|أتلتيك بيلباو,أتليتك بلباو,أتلتيكو بلباو,أتلتيك بيلباو,بلباو?,بيلباو?|spain|sport
villarreal|فياريال||spain|sport
real-sociedad|ريال سوسييداد|سوسييداد|spain|sport
real-betis|ريال بيتيس|بيتيس|spain|sport
celta-vigo|سيلتا فيغو|سيلتا,سيلتا فيجو,سلتا فيغو,سلتا فيجو,سلتا|spain|sport
getafe|خيتافي||spain|sport
eibar|إيبار||spain|sport
girona|جيرونا||spain|sport
espanyol|إسبانيول||spain|sport
leicester-city|ليستر سيتي|ليستر?|uk|sport
west-ham|وست هام يونايتد|وست هام,ويست هام,وستهام|uk|sport
southampton|ساوثهامبتون|ساوثامبتون|uk|sport
crystal-palace|كريستال بالاس||uk|sport
burnley|بيرنلي||uk|sport
watford|واتفورد||uk|sport
bournemouth|بورنموث||uk|sport
brighton|برايتون|برايتون آند هوف ألبيون|uk|sport
huddersfield|هدرسفيلد تاون|هدرسفيلد|uk|sport
swansea-city|سوانزي سيتي|سوانسي,سوانزي|uk|sport
stoke-city|ستوك سيتي|ستوك?|uk|sport
torino|تورينو??|نادي تورينو|italy|sport
sampdoria|سامبدوريا||italy|sport
bologna-fc|بولونيا??|نادي بولونيا|italy|sport
genoa|جنوى??|نادي جنوى|italy|sport
sassuolo|ساسولو||italy|sport
bordeaux|بوردو??|نادي بوردو|france|sport
nantes|نانت??|نادي نانت|france|sport
saint-etienne|سانت إتيان|سانت إيتيان|france|sport
lille|ليل??|نادي ليل|france|sport
ogc-nice|نيس??|نادي نيس|france|sport
al-merrikh|المريخ??|نادي المريخ,المريخ السوداني|sudan|sport
al-fateh|الفتح??|نادي الفتح|saudi-arabia|sport
al-batin|الباطن??|نادي الباطن|saudi-arabia|sport
al-raed|الرائد??|نادي الرائد|saudi-arabia|sport
al-fayha|الفيحاء??|نادي الفيحاء|saudi-arabia|sport
al-taawoun|نادي التعاون||saudi-arabia|sport
sharjah-fc|نادي الشارقة|الشارقة??|uae|sport
al-wasl|الوصل??|نادي الوصل|uae|sport
al-duhail|الدحيل|نادي الدحيل|qatar|sport
al-gharafa|الغرافة??|نادي الغرافة|qatar|sport
al-qadsia|القادسية??|نادي القادسية|kuwait|sport
al-ismaily|الإسماعيلي??|النادي الإسماعيلي|egypt|sport
al-masry|المصري??|النادي المصري|egypt|sport
mouloudia-alger|مولودية الجزائر||algeria|sport
js-kabylie|شبيبة القبائل||algeria|sport
club-africain|الإفريقي??|النادي الإفريقي|tunisia|sport
etoile-sahel|النجم الساحلي||tunisia|sport
cs-sfaxien|الصفاقسي??|النادي الصفاقسي|tunisia|sport
tp-mazembe|مازيمبي|تي بي مازيمبي|dr-congo|sport
vissel-kobe|فيسل كوبي|فيسيل كوبي|japan|sport
shabab-al-ahli|شباب الأهلي|شباب الأهلي دبي,أهلي دبي|uae|sport
atalanta|أتالانتا||italy|sport
# two clubs share the name الفيصلي: alone it needs a cue (نادي الفيصلي) or another club or the
# league of the same country named in the text
al-faisaly-ksa|الفيصلي?|الفيصلي السعودي,نادي الفيصلي السعودي|saudi-arabia|sport
al-faisaly-jordan|الفيصلي الأردني|الفيصلي?,نادي الفيصلي الأردني|jordan|sport
al-wehdat|الوحدات??|نادي الوحدات|jordan|sport
# clubs of the AFC Champions League beyond the Gulf's
persepolis|بيرسبوليس|برسبوليس,بيرسيبوليس,نادي بيرسبوليس|iran|sport
esteghlal|استقلال طهران|الاستقلال الإيراني,نادي الاستقلال الإيراني|iran|sport
tractor-sazi|تراكتور سازي|تراكتورسازي,تراكتور?|iran|sport
zob-ahan|ذوب آهن|ذوب أهن,ذوب اهن|iran|sport
sepahan|سباهان|سپاهان|iran|sport
foolad|فولاد خوزستان|فولاد?|iran|sport
al-quwa-al-jawiya|القوة الجوية??|نادي القوة الجوية,القوة الجوية العراقي|iraq|sport
al-zawraa|الزوراء??|نادي الزوراء,الزوراء العراقي|iraq|sport
al-shorta|الشرطة العراقي|نادي الشرطة العراقي|iraq|sport
al-suwaiq|السويق??|نادي السويق,السويق العماني|oman|sport
dhofar-club|ظفار??|نادي ظفار|oman|sport
shanghai-sipg|شنغهاي إس آي بي جي|شنغهاي بورت,شانغهاي إس آي بي جي|china|sport
guangzhou-evergrande|غوانغجو إيفرغراند|غوانزو إيفرغراند,جوانزو إيفرجراند,غوانغزو إيفرغراند|china|sport
shandong-luneng|شاندونغ لونينغ|شاندونج لونينج,شاندونغ تايشان|china|sport
beijing-guoan|بكين غوان|بكين جوان|china|sport
urawa-reds|أوراوا ريد دياموندز|أوراوا ريدز,أوراوا|japan|sport
kashima-antlers|كاشيما أنتلرز|كاشيما أنتلرس,كاشيما|japan|sport
kawasaki-frontale|كاواساكي فرونتال|كاواساكي فرونتالي|japan|sport
ulsan-hyundai|أولسان هيونداي|أولسان هيونداي إف سي|south-korea|sport
jeonbuk-motors|جيونبوك هيونداي موتورز|جيونبوك هيونداي,جيونبوك,تشونبوك هيونداي|south-korea|sport
suwon-samsung|سوون سامسونغ بلووينغز|سوون سامسونغ|south-korea|sport
lokomotiv-tashkent|لوكوموتيف طشقند||uzbekistan|sport
pakhtakor|باختاكور|باختاكور طشقند|uzbekistan|sport
nasaf-qarshi|ناساف كارشي|ناساف|uzbekistan|sport
"""#
