// Gazetteer data: countries and territories. Data only; parsed once by `GazetteerParser`.
let countriesData = #"""
# Countries — one per line, fields separated by "|":
#
#   id|status|name|aliases|capital|nisba|plural|metonyms
#
# id        ASCII slug, stable (it is the tag slug: /tag/russia)
# status    un (UN member state), observer (UN observer state), territory (other widely
#           reported state or territory)
# name      canonical display spelling (أمريكا, not أميركا)
# aliases   other names, comma-separated
# capital   slug=Display,alias,… — the capital becomes its own place entity (kind capital,
#           country = this id); the tagger rolls capitals up to their country. When the capital
#           has the country's name (الكويت) only the longer form is given to the city.
# nisba     masculine singular nisba adjectives (روسي); the parser derives the feminine, dual,
#           sound plurals and the ال forms (الروسية، الروسيان، الروسيين …). A multi-word nisba
#           (كوري شمالي) is inflected word by word. "?" after a nisba: its bare masculine form is
#           also a common word or name (تركي), so it needs the country elsewhere in the text;
#           "??": so do all its forms without ال (مجري: مجريات "the course of events").
# plural    broken plurals (روس، أتراك); the ال form is derived
# metonyms  places that stand for the government (الكرملين) — mentions carry metonym = true
#
# Alias markers (any list): "?" = ambiguous alone, counts only with support (see Matcher.swift);
# "*" = metonym. Spelling variants that the normalizer already folds (أ/ا، ة/ه، ى/ي) need not be
# listed; transliteration variants (غ/ج، ي/ى in the middle, واو) must be. A spelling with harakat
# or shadda (عُمان، عمّان) is kept as an alias of its own: where a text writes those marks, they
# tell namesakes apart.
# Blank lines and lines starting with # are ignored.

# --- Arab League
egypt|un|مصر|جمهورية مصر العربية,جمهورية مصر|cairo=القاهرة|مصري||قصر الاتحادية*
saudi-arabia|un|السعودية|المملكة العربية السعودية,المملكة السعودية,العربية السعودية|riyadh=الرياض|سعودي||
uae|un|الإمارات|الإمارات العربية المتحدة,دولة الإمارات|abu-dhabi=أبوظبي,أبو ظبي|إماراتي||
qatar|un|قطر|دولة قطر|doha=الدوحة|قطري||
kuwait|un|الكويت|دولة الكويت|kuwait-city=مدينة الكويت,العاصمة الكويتية|كويتي||
bahrain|un|البحرين|مملكة البحرين|manama=المنامة|بحريني||
oman|un|عمان|سلطنة عمان,السلطنة العمانية,عُمان|muscat=مسقط|عماني||
yemen|un|اليمن|الجمهورية اليمنية|sanaa=صنعاء|يمني||
iraq|un|العراق|جمهورية العراق|baghdad=بغداد|عراقي||
syria|un|سوريا|سورية,الجمهورية العربية السورية|damascus=دمشق|سوري||
lebanon|un|لبنان|الجمهورية اللبنانية|beirut=بيروت|لبناني||قصر بعبدا*
jordan|un|الأردن|المملكة الأردنية الهاشمية,المملكة الأردنية|amman=عمان,عمّان,العاصمة الأردنية|أردني||
palestine|observer|فلسطين|دولة فلسطين,الأراضي الفلسطينية|east-jerusalem=القدس الشرقية|فلسطيني||
libya|un|ليبيا|دولة ليبيا|tripoli=طرابلس,طرابلس الغرب|ليبي||
tunisia|un|تونس|الجمهورية التونسية|tunis=تونس العاصمة,العاصمة التونسية|تونسي||قصر قرطاج*
algeria|un|الجزائر|الجمهورية الجزائرية|algiers=الجزائر العاصمة,العاصمة الجزائرية|جزائري||قصر المرادية*
morocco|un|المغرب|المملكة المغربية|rabat=الرباط|مغربي|مغاربة|
sudan|un|السودان|جمهورية السودان|khartoum=الخرطوم|سوداني||
mauritania|un|موريتانيا|الجمهورية الإسلامية الموريتانية|nouakchott=نواكشوط|موريتاني||
somalia|un|الصومال|جمهورية الصومال|mogadishu=مقديشو,مقديشيو|صومالي||
djibouti|un|جيبوتي|جمهورية جيبوتي|djibouti-city=مدينة جيبوتي|جيبوتي||
comoros|un|جزر القمر|اتحاد جزر القمر,القمر المتحدة|moroni=موروني|||

# --- the permanent five and the states most in Arabic news
usa|un|أمريكا|أميركا,الولايات المتحدة,الولايات المتحدة الأمريكية,الولايات المتحدة الأميركية,الولايات المتحده الامريكيه|washington=واشنطن,واشنطون|أمريكي,أميركي|أمريكان,أميركان|البيت الأبيض*
russia|un|روسيا|روسيا الاتحادية,الاتحاد الروسي|moscow=موسكو|روسي|روس|الكرملين*
china|un|الصين|جمهورية الصين الشعبية,الصين الشعبية|beijing=بكين,بيجين,بيجينغ|صيني||
uk|un|بريطانيا|المملكة المتحدة,بريطانيا العظمى|london=لندن|بريطاني||داونينغ ستريت*,داوننغ ستريت*
france|un|فرنسا|الجمهورية الفرنسية|paris=باريس|فرنسي||الإليزيه*,قصر الإليزيه*,الاليزيه*
iran|un|إيران|الجمهورية الإسلامية الإيرانية|tehran=طهران|إيراني||
turkey|un|تركيا|الجمهورية التركية,جمهورية تركيا|ankara=أنقرة|تركي?|أتراك|
israel|un|إسرائيل|دولة إسرائيل|tel-aviv=تل أبيب,تل ابيب|إسرائيلي||
ukraine|un|أوكرانيا||kyiv=كييف,كييڤ|أوكراني||
germany|un|ألمانيا|جمهورية ألمانيا الاتحادية|berlin=برلين|ألماني|ألمان|
japan|un|اليابان||tokyo=طوكيو|ياباني||
india|un|الهند|جمهورية الهند|new-delhi=نيودلهي,نيو دلهي|هندي|هنود|
pakistan|un|باكستان|جمهورية باكستان الإسلامية|islamabad=إسلام آباد,اسلام اباد|باكستاني||
afghanistan|un|أفغانستان||kabul=كابل,كابول|أفغاني|أفغان|
italy|un|إيطاليا||rome=روما|إيطالي||
spain|un|إسبانيا|أسبانيا|madrid=مدريد|إسباني,أسباني|إسبان|
canada|un|كندا||ottawa=أوتاوا|كندي||
brazil|un|البرازيل||brasilia=برازيليا|برازيلي||
armenia|un|أرمينيا|جمهورية أرمينيا|yerevan=يريفان|أرميني|أرمن|
azerbaijan|un|أذربيجان|جمهورية أذربيجان|baku=باكو?|أذربيجاني,أذري||
georgia|un|جورجيا|جمهورية جورجيا|tbilisi=تبليسي|جورجي?||
belarus|un|بيلاروسيا|روسيا البيضاء,بيلاروس|minsk=مينسك|بيلاروسي||

# --- Europe
albania|un|ألبانيا||tirana=تيرانا|ألباني||
andorra|un|أندورا||andorra-la-vella=أندورا لا فيلا|||
austria|un|النمسا||vienna=فيينا|نمساوي,نمسوي||
belgium|un|بلجيكا||brussels=بروكسل|بلجيكي||
bosnia|un|البوسنة والهرسك|البوسنة|sarajevo=سراييفو|بوسني||
bulgaria|un|بلغاريا||sofia=صوفيا?|بلغاري|بلغار|
croatia|un|كرواتيا||zagreb=زغرب,زاغرب|كرواتي|كروات|
cyprus|un|قبرص|جمهورية قبرص|nicosia=نيقوسيا|قبرصي||
czechia|un|التشيك|جمهورية التشيك,تشيكيا|prague=براغ|تشيكي||
denmark|un|الدنمارك|الدانمارك|copenhagen=كوبنهاغن,كوبنهاجن|دنماركي,دانماركي||
estonia|un|إستونيا|استونيا|tallinn=تالين|إستوني||
finland|un|فنلندا||helsinki=هلسنكي|فنلندي||
greece|un|اليونان||athens=أثينا|يوناني||
hungary|un|المجر|هنغاريا|budapest=بودابست|مجري??,هنغاري||
iceland|un|آيسلندا|أيسلندا|reykjavik=ريكيافيك|آيسلندي||
ireland|un|أيرلندا|إيرلندا,جمهورية أيرلندا|dublin=دبلن|أيرلندي,إيرلندي||
latvia|un|لاتفيا||riga=ريغا|لاتفي||
liechtenstein|un|ليختنشتاين||vaduz=فادوز|||
lithuania|un|ليتوانيا||vilnius=فيلنيوس|ليتواني||
luxembourg|un|لوكسمبورغ|لوكسمبورج|luxembourg-city=مدينة لوكسمبورغ|||
malta|un|مالطا||valletta=فاليتا|مالطي||
moldova|un|مولدوفا|مولدافيا|chisinau=كيشيناو|مولدوفي||
monaco|un|موناكو|إمارة موناكو|monaco-city=مدينة موناكو|||
montenegro|un|الجبل الأسود|مونتينيغرو|podgorica=بودغوريتسا|||
netherlands|un|هولندا|مملكة هولندا,الأراضي المنخفضة|amsterdam=أمستردام|هولندي||
north-macedonia|un|مقدونيا الشمالية|مقدونيا|skopje=سكوبيه,سكوبيي|مقدوني||
norway|un|النرويج||oslo=أوسلو|نرويجي||
poland|un|بولندا||warsaw=وارسو|بولندي||
portugal|un|البرتغال||lisbon=لشبونة|برتغالي||
romania|un|رومانيا||bucharest=بوخارست|روماني?||
san-marino|un|سان مارينو||san-marino-city=مدينة سان مارينو|||
serbia|un|صربيا||belgrade=بلغراد|صربي|صرب|
slovakia|un|سلوفاكيا||bratislava=براتيسلافا|سلوفاكي||
slovenia|un|سلوفينيا||ljubljana=ليوبليانا|سلوفيني||
sweden|un|السويد||stockholm=ستوكهولم|سويدي||
switzerland|un|سويسرا||bern=برن|سويسري||

# --- Asia
bangladesh|un|بنغلاديش|بنجلاديش,بنغلادش|dhaka=دكا|بنغلاديشي||
bhutan|un|بوتان||thimphu=تيمفو|||
brunei|un|بروناي|بروناي دار السلام|bandar-seri-begawan=بندر سري بيغاوان|||
cambodia|un|كمبوديا||phnom-penh=بنوم بنه|كمبودي||
indonesia|un|إندونيسيا|اندونيسيا|jakarta=جاكرتا|إندونيسي||
kazakhstan|un|كازاخستان||astana=أستانا,نور سلطان|كازاخي,كازاخستاني||
kyrgyzstan|un|قرغيزستان|قيرغيزستان|bishkek=بيشكيك|قرغيزي||
laos|un|لاوس||vientiane=فيينتيان|||
malaysia|un|ماليزيا||kuala-lumpur=كوالالمبور,كوالا لمبور|ماليزي||
maldives|un|جزر المالديف|المالديف|male=ماليه?|مالديفي||
mongolia|un|منغوليا||ulaanbaatar=أولان باتور|منغولي||
myanmar|un|ميانمار|بورما|naypyidaw=نايبيداو|ميانماري,بورمي||
nepal|un|نيبال||kathmandu=كاتماندو|نيبالي||
north-korea|un|كوريا الشمالية|جمهورية كوريا الديمقراطية الشعبية|pyongyang=بيونغ يانغ,بيونج يانج,بيونغيانغ|كوري شمالي||
south-korea|un|كوريا الجنوبية|جمهورية كوريا|seoul=سول,سيول?|كوري جنوبي||
philippines|un|الفلبين||manila=مانيلا|فلبيني||
singapore|un|سنغافورة||singapore-city=مدينة سنغافورة|سنغافوري||
sri-lanka|un|سريلانكا|سري لانكا|colombo=كولومبو|سريلانكي||
tajikistan|un|طاجيكستان||dushanbe=دوشنبه|طاجيكي||
thailand|un|تايلاند|تايلند|bangkok=بانكوك|تايلاندي||
timor-leste|un|تيمور الشرقية|تيمور ليشتي|dili=ديلي?|||
turkmenistan|un|تركمانستان||ashgabat=عشق آباد|تركمانستاني||
uzbekistan|un|أوزبكستان||tashkent=طشقند|أوزبكي,أوزبكستاني||
vietnam|un|فيتنام||hanoi=هانوي|فيتنامي||

# --- Africa
angola|un|أنغولا|أنجولا|luanda=لواندا|أنغولي||
benin|un|بنين?|جمهورية بنين|porto-novo=بورتو نوفو|||
botswana|un|بوتسوانا||gaborone=غابورون|||
burkina-faso|un|بوركينا فاسو||ouagadougou=واغادوغو|||
burundi|un|بوروندي||gitega=غيتيغا|||
cameroon|un|الكاميرون||yaounde=ياوندي|كاميروني||
cape-verde|un|الرأس الأخضر|كابو فيردي|praia=برايا|||
central-african-republic|un|جمهورية أفريقيا الوسطى|أفريقيا الوسطى,افريقيا الوسطى|bangui=بانغي|||
chad|un|تشاد||ndjamena=نجامينا,انجامينا|تشادي||
congo|un|جمهورية الكونغو|الكونغو برازافيل|brazzaville=برازافيل|||
dr-congo|un|جمهورية الكونغو الديمقراطية|الكونغو الديمقراطية,الكونغو,الكونغو كينشاسا|kinshasa=كينشاسا|كونغولي||
ivory-coast|un|ساحل العاج|كوت ديفوار|yamoussoukro=ياموسوكرو|إيفواري||
equatorial-guinea|un|غينيا الاستوائية||malabo=مالابو|||
eritrea|un|إريتريا|إرتريا|asmara=أسمرة|إريتري,إرتري||
eswatini|un|إسواتيني|سوازيلاند|mbabane=مباباني|||
ethiopia|un|إثيوبيا|أثيوبيا|addis-ababa=أديس أبابا|إثيوبي,أثيوبي||
gabon|un|الغابون|الجابون|libreville=ليبرفيل|غابوني||
gambia|un|غامبيا|جامبيا|banjul=بانجول|غامبي||
ghana|un|غانا||accra=أكرا|غاني||
guinea|un|غينيا|غينيا كوناكري|conakry=كوناكري|غيني||
guinea-bissau|un|غينيا بيساو||bissau=بيساو|||
kenya|un|كينيا||nairobi=نيروبي|كيني||
lesotho|un|ليسوتو||maseru=ماسيرو|||
liberia|un|ليبيريا||monrovia=مونروفيا|ليبيري||
madagascar|un|مدغشقر||antananarivo=أنتاناناريفو|مدغشقري||
malawi|un|مالاوي|ملاوي|lilongwe=ليلونغوي|||
mali|un|مالي?|جمهورية مالي|bamako=باماكو|||
mauritius|un|موريشيوس||port-louis=بورت لويس|||
mozambique|un|موزمبيق||maputo=مابوتو|موزمبيقي||
namibia|un|ناميبيا||windhoek=ويندهوك|ناميبي||
niger|un|النيجر|جمهورية النيجر|niamey=نيامي|نيجري||
nigeria|un|نيجيريا||abuja=أبوجا|نيجيري||
rwanda|un|رواندا||kigali=كيغالي,كيجالي|رواندي||
sao-tome|un|ساو تومي وبرينسيب|ساو تومي|sao-tome-city=مدينة ساو تومي|||
senegal|un|السنغال||dakar=داكار|سنغالي||
seychelles|un|سيشل|جزر سيشل|victoria-seychelles=فيكتوريا?|||
sierra-leone|un|سيراليون||freetown=فريتاون|||
south-africa|un|جنوب أفريقيا|جنوب إفريقيا,جمهورية جنوب أفريقيا|pretoria=بريتوريا|||
south-sudan|un|جنوب السودان|دولة جنوب السودان|juba=جوبا|||
tanzania|un|تنزانيا||dodoma=دودوما|تنزاني||
togo|un|توغو|توجو|lome=لومي|توغولي||
uganda|un|أوغندا||kampala=كمبالا|أوغندي||
zambia|un|زامبيا||lusaka=لوساكا|زامبي||
zimbabwe|un|زيمبابوي||harare=هراري|||

# --- the Americas
antigua-and-barbuda|un|أنتيغوا وباربودا|أنتيغوا|saint-johns=سانت جونز|||
argentina|un|الأرجنتين||buenos-aires=بوينس آيرس,بوينس أيرس|أرجنتيني||
bahamas|un|جزر البهاما|البهاما|nassau=ناساو|||
barbados|un|باربادوس||bridgetown=بريدجتاون|||
belize|un|بليز||belmopan=بلموبان|||
bolivia|un|بوليفيا||sucre=سوكري|بوليفي||
chile|un|تشيلي|شيلي|santiago=سانتياغو?,سانتياجو?|تشيلي||
colombia|un|كولومبيا||bogota=بوغوتا,بوجوتا|كولومبي||
costa-rica|un|كوستاريكا|كوستا ريكا|san-jose=سان خوسيه|||
cuba|un|كوبا||havana=هافانا|كوبي||
dominica|un|دومينيكا||roseau=روسو|||
dominican-republic|un|جمهورية الدومينيكان|الدومينيكان|santo-domingo=سانتو دومينغو|دومينيكاني||
ecuador|un|الإكوادور|الاكوادور|quito=كيتو|إكوادوري||
el-salvador|un|السلفادور||san-salvador=سان سلفادور|سلفادوري||
grenada|un|غرينادا||saint-georges=سانت جورجز|||
guatemala|un|غواتيمالا|جواتيمالا|guatemala-city=مدينة غواتيمالا|غواتيمالي||
guyana|un|غيانا|جيانا|georgetown=جورجتاون|||
haiti|un|هايتي||port-au-prince=بورت أو برنس,بورت أو برانس|هايتي||
honduras|un|هندوراس||tegucigalpa=تيغوسيغالبا|هندوراسي||
jamaica|un|جامايكا||kingston=كينغستون|جامايكي||
mexico|un|المكسيك||mexico-city=مكسيكو سيتي,مدينة مكسيكو|مكسيكي||
nicaragua|un|نيكاراغوا|نيكاراجوا|managua=ماناغوا|نيكاراغوي||
panama|un|بنما||panama-city=مدينة بنما|بنمي||
paraguay|un|باراغواي|باراجواي|asuncion=أسونسيون|باراغوائي||
peru|un|بيرو||lima=ليما|بيروفي||
saint-kitts-and-nevis|un|سانت كيتس ونيفيس||basseterre=باستير|||
saint-lucia|un|سانت لوسيا||castries=كاستريس|||
saint-vincent|un|سانت فنسنت والغرينادين|سانت فينسنت وجزر غرينادين|kingstown=كينغستاون|||
suriname|un|سورينام||paramaribo=باراماريبو|||
trinidad-and-tobago|un|ترينيداد وتوباغو|ترينيداد وتوباجو|port-of-spain=بورت أوف سبين|||
uruguay|un|الأوروغواي|أوروغواي,الأوروجواي|montevideo=مونتيفيديو|أوروغوائي||
venezuela|un|فنزويلا||caracas=كاراكاس|فنزويلي||

# --- Oceania
australia|un|أستراليا|استراليا|canberra=كانبرا|أسترالي||
fiji|un|فيجي|جزر فيجي|suva=سوفا|||
kiribati|un|كيريباتي||tarawa=تاراوا|||
marshall-islands|un|جزر مارشال||majuro=ماجورو|||
micronesia|un|ميكرونيزيا|ولايات ميكرونيزيا المتحدة|palikir=باليكير|||
nauru|un|ناورو||yaren=يارين|||
new-zealand|un|نيوزيلندا|نيوزيلاندا|wellington=ويلينغتون,ولينغتون|نيوزيلندي||
palau|un|بالاو||ngerulmud=نغيرولمود|||
papua-new-guinea|un|بابوا غينيا الجديدة||port-moresby=بورت مورسبي|||
samoa|un|ساموا||apia=أبيا|||
solomon-islands|un|جزر سليمان|جزر سولومون|honiara=هونيارا|||
tonga|un|تونغا||nukualofa=نوكوالوفا|||
tuvalu|un|توفالو||funafuti=فونافوتي|||
vanuatu|un|فانواتو||port-vila=بورت فيلا|||

# --- observers and other states and territories in the news
vatican|observer|الفاتيكان|الكرسي الرسولي|vatican-city=مدينة الفاتيكان|||
taiwan|territory|تايوان||taipei=تايبيه,تايبي|تايواني||
kosovo|territory|كوسوفو||pristina=بريشتينا|كوسوفي||
western-sahara|territory|الصحراء الغربية|الصحراء المغربية|laayoune=العيون?|||
"""#
