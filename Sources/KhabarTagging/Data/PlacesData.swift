// Gazetteer data: cities, regions, conflict areas and continents. Data only.
let placesData = #"""
# Places — one per line:   id|name|aliases|country|kind
#
# id       ASCII slug;  name  canonical display;  aliases  comma-separated
# country  id of the country the place belongs to; empty for contested places (القدس،
#          ناغورنو كاراباخ keeps azerbaijan as the internationally recognised state; the
#          Golan keeps syria) and for regions that span several states
# kind     city, region, conflict (a contested area or front line), continent, water, site,
#          storm (a named storm: one tag whatever the spelling of its name)
#
# Capitals are declared with their country in CountriesData.swift. Alias markers: "?" = the
# alias alone is a common word or shared name and needs support (a place cue such as مدينة or
# the same place named unambiguously elsewhere); "*" = metonym. An alias shared by two entries
# (طرابلس) is resolved by which related country the text mentions.

# --- Palestine and Israel
gaza|غزة|قطاع غزة,مدينة غزة|palestine|conflict
west-bank|الضفة الغربية|الضفة الغربية المحتلة|palestine|conflict
jerusalem|القدس|القدس المحتلة,مدينة القدس,بيت المقدس||conflict
al-aqsa|المسجد الأقصى|الأقصى?,باحات الأقصى||site
ramallah|رام الله||palestine|city
rafah|رفح|معبر رفح|palestine|city
khan-younis|خان يونس|خانيونس|palestine|city
jenin|جنين?|مخيم جنين,مدينة جنين|palestine|city
nablus|نابلس||palestine|city
hebron|الخليل?|مدينة الخليل|palestine|city
bethlehem|بيت لحم||palestine|city
jabalia|جباليا|مخيم جباليا|palestine|city
haifa|حيفا||israel|city
golan|الجولان|هضبة الجولان,مرتفعات الجولان,الجولان المحتل,الجولان السوري المحتل|syria|conflict

# --- Syria, Iraq, Lebanon
aleppo|حلب||syria|city
idlib|إدلب|ادلب|syria|conflict
homs|حمص?|مدينة حمص|syria|city
hama|حماة|حماه|syria|city
latakia|اللاذقية||syria|city
daraa|درعا||syria|city
raqqa|الرقة?|مدينة الرقة|syria|city
deir-ez-zor|دير الزور||syria|city
ghouta|الغوطة|الغوطة الشرقية|syria|conflict
afrin|عفرين||syria|conflict
manbij|منبج||syria|city
kobani|كوباني|عين العرب|syria|city
palmyra|تدمر?|مدينة تدمر|syria|city
tartus|طرطوس||syria|city
qamishli|القامشلي||syria|city
mosul|الموصل||iraq|city
basra|البصرة||iraq|city
erbil|أربيل|اربيل,هولير|iraq|city
kirkuk|كركوك||iraq|city
fallujah|الفلوجة||iraq|city
ramadi|الرمادي?|مدينة الرمادي|iraq|city
najaf|النجف||iraq|city
karbala|كربلاء||iraq|city
sulaymaniyah|السليمانية||iraq|city
anbar|الأنبار|محافظة الأنبار|iraq|region
kurdistan-region|إقليم كردستان|كردستان العراق,إقليم كردستان العراق,كردستان|iraq|region
tripoli-lebanon|طرابلس اللبنانية|طرابلس لبنان,طرابلس|lebanon|city
sidon|صيدا||lebanon|city
tyre|صور?|مدينة صور|lebanon|city
baalbek|بعلبك||lebanon|city
bekaa|البقاع||lebanon|region
dahiyeh|الضاحية الجنوبية|ضاحية بيروت الجنوبية|lebanon|region

douma|دوما?|مدينة دوما|syria|city
# --- Gulf, Yemen
jeddah|جدة?|مدينة جدة|saudi-arabia|city
mecca|مكة|مكة المكرمة|saudi-arabia|city
medina|المدينة المنورة||saudi-arabia|city
dammam|الدمام||saudi-arabia|city
neom|نيوم||saudi-arabia|city
dubai|دبي||uae|city
sharjah|الشارقة||uae|city
aden|عدن||yemen|city
hodeidah|الحديدة||yemen|city
taiz|تعز||yemen|city
marib|مأرب?|محافظة مأرب|yemen|city
saada|صعدة||yemen|city
hadramout|حضرموت||yemen|region

socotra|سقطرى|جزيرة سقطرى,أرخبيل سقطرى|yemen|region
salalah|صلالة|مدينة صلالة|oman|city
# --- Egypt, North Africa, Sudan
alexandria|الإسكندرية|الاسكندرية|egypt|city
giza|الجيزة||egypt|city
luxor|الأقصر||egypt|city
aswan|أسوان||egypt|city
sharm-el-sheikh|شرم الشيخ||egypt|city
port-said|بورسعيد|بور سعيد|egypt|city
suez|السويس|قناة السويس|egypt|city
sinai|سيناء|شبه جزيرة سيناء,شمال سيناء,جنوب سيناء|egypt|region
benghazi|بنغازي||libya|city
misrata|مصراتة||libya|city
sirte|سرت?|مدينة سرت|libya|city
derna|درنة||libya|city
sfax|صفاقس||tunisia|city
oran|وهران||algeria|city
constantine|قسنطينة||algeria|city
casablanca|الدار البيضاء||morocco|city
marrakesh|مراكش||morocco|city
tangier|طنجة||morocco|city
fez|فاس?|مدينة فاس|morocco|city
omdurman|أم درمان||sudan|city
darfur|دارفور|إقليم دارفور|sudan|conflict
el-fasher|الفاشر||sudan|city
port-sudan|بورتسودان|بور سودان|sudan|city

# --- Arab cities and provinces besides capitals (the ones Arabic news names most); "?" where
# the name is also an everyday word, "??" where it is one in most texts, so that it needs a place
# cue right before it (الخبر "the news": «إعلانه الخبر» is no Khobar); حائل "barrier", عسير "difficult", ينبع
# "springs", العلا "heights", الزرقاء "blue", العقبة "obstacle", المفرق "junction", المنصورة
# "victorious", سوسة "weevil", الزاوية "angle", المهرة "the skilled", حجة "argument", البيضاء "white",
# النبطية "Nabataean"
abha|أبها|مدينة أبها|saudi-arabia|city
tabuk|تبوك|منطقة تبوك,مدينة تبوك|saudi-arabia|city
taif|الطائف|محافظة الطائف|saudi-arabia|city
khobar|الخبر??|مدينة الخبر,محافظة الخبر|saudi-arabia|city
dhahran|الظهران||saudi-arabia|city
jubail|الجبيل|مدينة الجبيل الصناعية|saudi-arabia|city
qatif|القطيف|محافظة القطيف|saudi-arabia|city
al-ahsa|الأحساء|محافظة الأحساء|saudi-arabia|region
buraidah|بريدة|مدينة بريدة|saudi-arabia|city
qassim|القصيم|منطقة القصيم|saudi-arabia|region
hail|حائل?|منطقة حائل,مدينة حائل|saudi-arabia|region
jazan|جازان|جيزان,منطقة جازان|saudi-arabia|region
najran|نجران|منطقة نجران|saudi-arabia|region
asir|عسير?|منطقة عسير|saudi-arabia|region
al-baha|الباحة|منطقة الباحة|saudi-arabia|region
yanbu|ينبع?|محافظة ينبع,مدينة ينبع|saudi-arabia|city
khamis-mushait|خميس مشيط||saudi-arabia|city
arar|عرعر||saudi-arabia|city
sakaka|سكاكا||saudi-arabia|city
diriyah|الدرعية||saudi-arabia|city
al-ula|العلا?|محافظة العلا|saudi-arabia|city
hafar-al-batin|حفر الباطن||saudi-arabia|city
jahra|الجهراء||kuwait|city
al-wakrah|الوكرة||qatar|city
lusail|لوسيل||qatar|city
muharraq|المحرق||bahrain|city
sohar|صحار||oman|city
nizwa|نزوى||oman|city
musandam|مسندم||oman|region
ajman|عجمان||uae|city
ras-al-khaimah|رأس الخيمة|راس الخيمة|uae|city
umm-al-quwain|أم القيوين||uae|city
zarqa|الزرقاء?|مدينة الزرقاء,محافظة الزرقاء|jordan|city
irbid|إربد|اربد|jordan|city
aqaba|العقبة?|مدينة العقبة,ميناء العقبة|jordan|city
mafraq|المفرق?|محافظة المفرق|jordan|city
karak|الكرك||jordan|city
tanta|طنطا||egypt|city
assiut|أسيوط||egypt|city
ismailia|الإسماعيلية||egypt|city
hurghada|الغردقة||egypt|city
minya|المنيا||egypt|city
sohag|سوهاج||egypt|city
faiyum|الفيوم||egypt|city
beni-suef|بني سويف||egypt|city
damietta|دمياط||egypt|city
arish|العريش||egypt|city
zagazig|الزقازيق||egypt|city
marsa-matruh|مرسى مطروح|مطروح|egypt|city
mansoura|المنصورة?|مدينة المنصورة|egypt|city
agadir|أكادير|أغادير|morocco|city
meknes|مكناس||morocco|city
oujda|وجدة||morocco|city
tetouan|تطوان||morocco|city
al-hoceima|الحسيمة||morocco|city
annaba|عنابة||algeria|city
tlemcen|تلمسان||algeria|city
setif|سطيف||algeria|city
blida|البليدة||algeria|city
bejaia|بجاية||algeria|city
tizi-ouzou|تيزي وزو||algeria|city
ouargla|ورقلة||algeria|city
ghardaia|غرداية||algeria|city
sousse|سوسة?|مدينة سوسة,ولاية سوسة|tunisia|city
kairouan|القيروان||tunisia|city
bizerte|بنزرت||tunisia|city
gabes|قابس||tunisia|city
nabeul|نابل||tunisia|city
monastir|المنستير||tunisia|city
gafsa|قفصة||tunisia|city
sidi-bouzid|سيدي بوزيد||tunisia|city
djerba|جربة||tunisia|city
kasserine|القصرين||tunisia|city
sabha|سبها||libya|city
tobruk|طبرق||libya|city
ajdabiya|أجدابيا||libya|city
gharyan|غريان||libya|city
kufra|الكفرة||libya|city
ras-lanuf|رأس لانوف|راس لانوف|libya|city
brega|البريقة||libya|city
zawiya|الزاوية?|مدينة الزاوية|libya|city
al-bayda-libya|البيضاء?||libya|city
tikrit|تكريت||iraq|city
samarra|سامراء||iraq|city
hillah|الحلة||iraq|city
nasiriyah|الناصرية||iraq|city
diwaniyah|الديوانية||iraq|city
baqubah|بعقوبة||iraq|city
diyala|ديالى|محافظة ديالى|iraq|region
kut|الكوت||iraq|city
tal-afar|تلعفر||iraq|city
sinjar|سنجار||iraq|city
duhok|دهوك||iraq|city
quneitra|القنيطرة||syria|city
suwayda|السويداء||syria|city
hasakah|الحسكة||syria|city
jarabulus|جرابلس||syria|city
tal-rifaat|تل رفعت||syria|city
zahle|زحلة||lebanon|city
jounieh|جونية||lebanon|city
nabatieh|النبطية?|مدينة النبطية|lebanon|city
akkar|عكار||lebanon|region
dhamar|ذمار||yemen|city
shabwa|شبوة||yemen|region
al-mahrah|المهرة?|محافظة المهرة|yemen|region
lahij|لحج||yemen|region
abyan|أبين||yemen|region
hajjah|حجة?|محافظة حجة|yemen|region
mukalla|المكلا||yemen|city
mocha|المخا||yemen|city
al-bayda-yemen|البيضاء?|محافظة البيضاء|yemen|region
kassala|كسلا||sudan|city
nyala|نيالا||sudan|city

# --- Caucasus, Ukraine, Russia, Europe
nagorno-karabakh|ناغورنو كاراباخ|ناجورنو كاراباخ,ناغورني كاراباخ,ناجورني كاراباخ,ناغورنو قره باغ,ناغورني قره باغ,قره باغ,قرة باغ,كاراباخ,كراباخ,ناغورنو كراباخ|azerbaijan|conflict
south-caucasus|جنوب القوقاز|||region
caucasus|القوقاز|منطقة القوقاز||region
abkhazia|أبخازيا||georgia|conflict
south-ossetia|أوسيتيا الجنوبية||georgia|conflict
chechnya|الشيشان||russia|region
crimea|القرم|شبه جزيرة القرم|ukraine|conflict
donbas|دونباس|دونباس الأوكراني,حوض دونباس|ukraine|conflict
donetsk|دونيتسك||ukraine|conflict
luhansk|لوهانسك|لوغانسك|ukraine|conflict
zaporizhzhia|زابوريجيا|زابوروجيا|ukraine|conflict
kherson|خيرسون||ukraine|conflict
kharkiv|خاركيف|خاركوف|ukraine|city
odesa|أوديسا|اوديسا|ukraine|city
mariupol|ماريوبول||ukraine|city
bakhmut|باخموت||ukraine|conflict
kursk|كورسك||russia|city
saint-petersburg|سانت بطرسبرغ|سان بطرسبرغ,سانت بطرسبورغ,بطرسبورغ|russia|city
sochi|سوتشي||russia|city
istanbul|إسطنبول|اسطنبول,إستانبول|turkey|city
izmir|إزمير||turkey|city
antalya|أنطاليا||turkey|city
gaziantep|غازي عنتاب||turkey|city
england|إنجلترا|إنكلترا,انجلترا|uk|region
scotland|اسكتلندا|أسكتلندا,إسكتلندا|uk|region
wales|ويلز||uk|region
northern-ireland|أيرلندا الشمالية||uk|region
manchester|مانشستر||uk|city
geneva|جنيف||switzerland|city
zurich|زيورخ||switzerland|city
davos|دافوس||switzerland|city
munich|ميونخ|ميونيخ|germany|city
frankfurt|فرانكفورت||germany|city
hamburg|هامبورغ|هامبورج|germany|city
munster|مونستر|مونستير|germany|city
liege|لييج|لياج|belgium|city
wembley-stadium|استاد ويمبلي|ملعب ويمبلي,ويمبلي|uk|site
the-hague|لاهاي||netherlands|city
strasbourg|ستراسبورغ||france|city
# a city whose name is also its club's, and France is named in the match reports too: only with a place
# cue right before (ANT dev: 16 match reports had tagged the city)
marseille|مرسيليا??|مدينة مرسيليا|france|city
lyon|ليون?|مدينة ليون|france|city
# ميلان alone is the club (Arabic news writes the city ميلانو)
milan|ميلانو|مدينة ميلانو|italy|city
barcelona-city|مدينة برشلونة||spain|city
balkans|البلقان|منطقة البلقان||region
kaliningrad|كالينينغراد||russia|city

fujairah|الفجيرة|إمارة الفجيرة|uae|city
dead-sea|البحر الميت|||water
yarmouk-camp|مخيم اليرموك||syria|conflict
basque-country|إقليم الباسك|بلاد الباسك|spain|region
nashville|ناشفيل||usa|city
kansas-city|كانساس سيتي|كنساس سيتي|usa|city
oklahoma-city|أوكلاهوما سيتي||usa|city

# --- Iran, Asia
isfahan|أصفهان||iran|city
mashhad|مشهد?|مدينة مشهد|iran|city
tabriz|تبريز||iran|city
shiraz|شيراز||iran|city
natanz|نطنز||iran|site
strait-of-hormuz|مضيق هرمز|هرمز|iran|water
kashmir|كشمير|إقليم كشمير|india|conflict
kandahar|قندهار||afghanistan|city
karachi|كراتشي||pakistan|city
lahore|لاهور||pakistan|city
mumbai|مومباي|بومباي|india|city
shanghai|شنغهاي|شانغهاي|china|city
hong-kong|هونغ كونغ|هونج كونج,هونغكونغ|china|region
macau|ماكاو||china|region
xinjiang|شينجيانغ|شينجيانج,تركستان الشرقية|china|region
tibet|التبت||china|region
rakhine|راخين|أراكان|myanmar|region

ahvaz|الأحواز|الأهواز|iran|city
surabaya|سورابايا||indonesia|city
uttar-pradesh|أوتار براديش|ولاية أوتار براديش|india|region

# --- Americas, Africa, elsewhere
new-york|نيويورك||usa|city
los-angeles|لوس أنجلوس|لوس انجلوس,لوس أنجليس|usa|city
chicago|شيكاغو||usa|city
miami|ميامي||usa|city
houston|هيوستن||usa|city
san-francisco|سان فرانسيسكو||usa|city
silicon-valley|وادي السيليكون||usa|region
florida|فلوريدا||usa|region
texas|تكساس||usa|region
california|كاليفورنيا||usa|region
guantanamo|غوانتانامو|جوانتانامو|usa|site
toronto|تورونتو||canada|city
montreal|مونتريال||canada|city
sao-paulo|ساو باولو||brazil|city
rio-de-janeiro|ريو دي جانيرو||brazil|city
johannesburg|جوهانسبرغ|جوهانسبرج|south-africa|city
cape-town|كيب تاون||south-africa|city
lagos|لاغوس|لاجوس|nigeria|city
sydney|سيدني||australia|city
melbourne|ملبورن||australia|city
greenland|غرينلاند|جرينلاند|denmark|region
puerto-rico|بورتوريكو||usa|region

hawaii|هاواي|جزر هاواي,ولاية هاواي|usa|region
georgia-us-state|ولاية جورجيا|ولاية جورجيا الأمريكية,ولاية جورجيا الأميركية|usa|region
gerd|سد النهضة|سد النهضة الإثيوبي,سد النهضة الكبير|ethiopia|site

# --- the states of the United States (besides those above: فلوريدا، تكساس، كاليفورنيا، هاواي،
# ولاية جورجيا); a name that is also a person's or a city's is written with ولاية, or marked "?"
alabama|ألاباما|ولاية ألاباما|usa|region
alaska|ألاسكا|ولاية ألاسكا|usa|region
arizona|أريزونا|ولاية أريزونا|usa|region
arkansas|أركنساس|ولاية أركنساس,أركانساس|usa|region
colorado|كولورادو|ولاية كولورادو|usa|region
connecticut|كونيتيكت|ولاية كونيتيكت,كونيكتيكت,كونتيكت|usa|region
delaware|ديلاوير|ولاية ديلاوير,ديلاوار|usa|region
idaho|أيداهو|ولاية أيداهو|usa|region
illinois|إلينوي|ولاية إلينوي,إلينويز|usa|region
indiana|إنديانا|ولاية إنديانا|usa|region
iowa|أيوا|ولاية أيوا|usa|region
kansas|كانساس|ولاية كانساس,كنساس|usa|region
kentucky|كنتاكي|ولاية كنتاكي,كنتكي|usa|region
louisiana|لويزيانا|ولاية لويزيانا|usa|region
maine|ولاية مين|ولاية ماين|usa|region
maryland|ماريلاند|ولاية ماريلاند,ميريلاند|usa|region
massachusetts|ماساتشوستس|ولاية ماساتشوستس,ماساشوستس,ماساتشوسيتس|usa|region
michigan|ميشيغان|ولاية ميشيغان,ميشيجان,ميتشيغان|usa|region
minnesota|مينيسوتا|ولاية مينيسوتا|usa|region
mississippi|ميسيسيبي|ولاية ميسيسيبي,مسيسيبي|usa|region
missouri|ميزوري|ولاية ميزوري,ميسوري,ولاية ميسوري|usa|region
montana|مونتانا?|ولاية مونتانا|usa|region
nebraska|نبراسكا|ولاية نبراسكا|usa|region
nevada|نيفادا|ولاية نيفادا|usa|region
new-hampshire|نيوهامبشير|ولاية نيوهامبشير,نيو هامبشير|usa|region
new-jersey|نيوجيرسي|ولاية نيوجيرسي,نيو جيرسي|usa|region
new-mexico|نيو مكسيكو|ولاية نيو مكسيكو,نيومكسيكو|usa|region
new-york-state|ولاية نيويورك||usa|region
north-carolina|كارولينا الشمالية|ولاية كارولينا الشمالية,نورث كارولينا|usa|region
north-dakota|داكوتا الشمالية|ولاية داكوتا الشمالية,نورث داكوتا|usa|region
ohio|أوهايو|ولاية أوهايو|usa|region
oklahoma|أوكلاهوما|ولاية أوكلاهوما|usa|region
oregon|أوريغون|ولاية أوريغون,أوريجون|usa|region
pennsylvania|بنسلفانيا|ولاية بنسلفانيا,بنسيلفانيا|usa|region
rhode-island|رود آيلاند|ولاية رود آيلاند,رود أيلاند|usa|region
south-carolina|كارولينا الجنوبية|ولاية كارولينا الجنوبية,ساوث كارولينا|usa|region
south-dakota|داكوتا الجنوبية|ولاية داكوتا الجنوبية,ساوث داكوتا|usa|region
tennessee|تينيسي|ولاية تينيسي,تنيسي|usa|region
utah|يوتا|ولاية يوتا|usa|region
vermont|فيرمونت|ولاية فيرمونت,فرمونت|usa|region
virginia|فيرجينيا?|ولاية فيرجينيا,فرجينيا?,ولاية فرجينيا|usa|region
washington-state|ولاية واشنطن||usa|region
west-virginia|فيرجينيا الغربية|ولاية فيرجينيا الغربية,فرجينيا الغربية,وست فيرجينيا|usa|region
wisconsin|ويسكونسن|ولاية ويسكونسن,ويسكونسين|usa|region
wyoming|وايومنغ|ولاية وايومنغ,وايومينغ|usa|region

# --- territories and regions in the news
catalonia|كتالونيا|كاتالونيا,إقليم كتالونيا,إقليم كاتالونيا|spain|region
new-caledonia|كاليدونيا الجديدة||france|region
french-polynesia|بولينيزيا الفرنسية||france|region
french-guiana|غويانا الفرنسية|غيانا الفرنسية|france|region
gibraltar|جبل طارق?|مستعمرة جبل طارق|uk|region
strait-of-gibraltar|مضيق جبل طارق|||water
falklands|جزر فوكلاند|جزر الفوكلاند,جزر مالفيناس,جزر المالفيناس|uk|region
bermuda|برمودا|جزر برمودا|uk|region
guam|غوام|جزيرة غوام,جوام|usa|region
somaliland|أرض الصومال|صوماليلاند|somalia|region
northern-cyprus|قبرص التركية|جمهورية شمال قبرص التركية|cyprus|conflict
transnistria|ترانسنيستريا|بريدنيستروفيه|moldova|conflict
faroe-islands|جزر فارو||denmark|region
# --- regions, seas, continents
middle-east|الشرق الأوسط|منطقة الشرق الأوسط||region
gulf|الخليج|الخليج العربي,منطقة الخليج,الخليج الفارسي||region
arabian-peninsula|شبه الجزيرة العربية|الجزيرة العربية||region
maghreb|المغرب العربي|دول المغرب العربي||region
levant|بلاد الشام|الشام?||region
horn-of-africa|القرن الأفريقي|القرن الإفريقي||region
sahel|الساحل الأفريقي|منطقة الساحل,الساحل والصحراء||region
red-sea|البحر الأحمر|||water
mediterranean|البحر المتوسط|البحر الأبيض المتوسط,المتوسط?||water
black-sea|البحر الأسود|||water
pacific-ocean|المحيط الهادئ|المحيط الهادي,المحيط الهادىء||water
atlantic-ocean|المحيط الأطلسي|المحيط الأطلنطي||water
indian-ocean|المحيط الهندي|||water
gulf-of-mexico|خليج المكسيك|ساحل الخليج الأمريكي,ساحل الخليج الشمالي,سواحل الخليج الشمالي||water
baltic-sea|بحر البلطيق|البلطيق||water
south-china-sea|بحر الصين الجنوبي|||water
bab-el-mandeb|باب المندب|مضيق باب المندب||water
europe|أوروبا|أوربا,القارة الأوروبية,القارة العجوز||continent
africa|أفريقيا|إفريقيا,القارة الأفريقية,القارة السمراء||continent
asia|آسيا|القارة الآسيوية||continent
latin-america|أمريكا اللاتينية|أميركا اللاتينية||continent
south-america|أمريكا الجنوبية|أميركا الجنوبية||continent
north-america|أمريكا الشمالية|أميركا الشمالية||continent
arctic|القطب الشمالي|||region
antarctica|القارة القطبية الجنوبية|أنتاركتيكا||continent
# --- named storms
cyclone-mekunu|إعصار ماكونو|ماكونو,مكونو,ميكونو,إعصار مكونو,إعصار ميكونو||storm
storm-alberto|العاصفة ألبرتو|العاصفة المدارية ألبرتو,العاصفة الاستوائية ألبرتو,الإعصار ألبرتو||storm
"""#
