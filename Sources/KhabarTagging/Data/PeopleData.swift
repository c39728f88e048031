// Gazetteer data: people in Arabic news (heads of state and government, foreign ministers,
// other officials and figures prominent 2000–2024). Data only.
let peopleData = #"""
# People — one per line:   id|name|aliases|country
#
# id       ASCII slug;  name  canonical display, usually the full name;  country  the country id
#          the person is associated with (empty for international officials)
# aliases  comma-separated. Multi-word aliases match anywhere. A single-word alias is a surname
#          that is often also a common word or another person's name, so by default it counts
#          only with support: a title just before it (الرئيس، الوزير، الملك … see CuesData.swift)
#          or the same person named by a longer alias elsewhere in the text. A single-word alias
#          ending in "!" is distinctive enough to stand alone (ترامب!). Given names alone (جمال،
#          أمل، سلام) are never aliases.

# --- United States
donald-trump|دونالد ترامب|دونالد ترمب,ترامب!,ترمب!,الرئيس ترامب|usa
donald-trump-jr|دونالد ترامب الابن|ترامب الابن,ترمب الابن,دونالد ترامب جونيور,ترامب جونيور|usa
joe-biden|جو بايدن|جوزيف بايدن,بايدن!|usa
barack-obama|باراك أوباما|أوباما!,باراك اوباما|usa
george-w-bush|جورج بوش|جورج دبليو بوش,جورج و. بوش,بوش!|usa
george-h-w-bush|جورج بوش الأب|بوش الأب,جورج إتش دبليو بوش,جورج هربرت ووكر بوش|usa
bill-clinton|بيل كلينتون|كلينتون|usa
hillary-clinton|هيلاري كلينتون|هيلاري رودهام كلينتون,كلينتون|usa
kamala-harris|كامالا هاريس|هاريس|usa
mike-pence|مايك بنس|بنس|usa
jd-vance|جيه دي فانس|جي دي فانس,فانس|usa
antony-blinken|أنتوني بلينكن|أنتوني بلينكين,بلينكن!,بلينكين!|usa
mike-pompeo|مايك بومبيو|بومبيو!,بومبيبو|usa
rex-tillerson|ريكس تيلرسون|تيلرسون!|usa
sarah-huckabee-sanders|سارة ساندرز|سارة هاكابي ساندرز,سارة ساندرز هاكابي,ساندرز|usa
michael-cohen|مايكل كوهين|كوهين|usa
john-kerry|جون كيري|كيري|usa
condoleezza-rice|كوندوليزا رايس|كونداليزا رايس,رايس|usa
colin-powell|كولن باول|كولين باول|usa
melania-trump|ميلانيا ترامب|ميلانيا ترمب,ميلانيا!|usa
john-sullivan|جون سوليفان||usa
robert-mueller|روبرت مولر|مولر|usa
james-comey|جيمس كومي|كومي!|usa
rudy-giuliani|رودي جولياني|رودي جولياني,جولياني!|usa
john-mccain|جون ماكين|ماكين!|usa
marco-rubio|ماركو روبيو|روبيو!|usa
john-bolton|جون بولتون|جون بولتن,بولتون!|usa
jim-mattis|جيمس ماتيس|جيم ماتيس,ماتيس!|usa
lloyd-austin|لويد أوستن|لويد أوستين|usa
jared-kushner|جاريد كوشنر|جاريد كوشنير,كوشنر!|usa
nikki-haley|نيكي هايلي|هايلي!|usa
steven-mnuchin|ستيفن منوتشين|ستيفن منوشين,ستيف منوتشين,ستيف منوشين,منوتشين!,منوشين!|usa
dick-cheney|ديك تشيني|تشيني!|usa
donald-rumsfeld|دونالد رامسفيلد|رامسفيلد!|usa
nancy-pelosi|نانسي بيلوسي|بيلوسي!|usa
jake-sullivan|جيك سوليفان|سوليفان|usa
steve-witkoff|ستيف ويتكوف|ويتكوف!|usa
elon-musk|إيلون ماسك|ماسك|usa
jerome-powell|جيروم باول|باول|usa
mark-zuckerberg|مارك زوكربيرغ|مارك زوكربرغ,مارك زوكربيرج,زوكربيرغ!,زوكربيرج!,زوكربرغ!|usa

# --- Russia
vladimir-putin|فلاديمير بوتين|بوتين!,بوتن!,فلاديمير بوتن|russia
dmitry-medvedev|ديمتري ميدفيديف|دميتري مدفيديف,ميدفيديف!,مدفيديف!|russia
sergey-lavrov|سيرغي لافروف|سيرجي لافروف,سيرغي لافروف,لافروف!|russia
sergei-shoigu|سيرغي شويغو|سيرجي شويجو,شويغو!,شويجو!|russia
mikhail-mishustin|ميخائيل ميشوستين|ميشوستين!|russia
dmitry-peskov|ديمتري بيسكوف|دميتري بيسكوف,بيسكوف!|russia
maria-zakharova|ماريا زاخاروفا|زاخاروفا!|russia
vasily-nebenzya|فاسيلي نيبينزيا|نيبينزيا!,نيبنزيا!|russia
anatoly-antonov|أناتولي أنتونوف|أنتونوف|russia
# the former intelligence officer poisoned in Salisbury in 2018, and his daughter (one surname: no
# bare alias, it would name either)
sergei-skripal|سيرغي سكريبال|سيرجي سكريبال,سيرغي سكريبل|russia
yulia-skripal|يوليا سكريبال|يوليا سكريبل|russia
boris-yeltsin|بوريس يلتسين|يلتسين!|russia
mikhail-gorbachev|ميخائيل غورباتشوف|غورباتشوف!,جورباتشوف!|russia
yevgeny-prigozhin|يفغيني بريغوجين|بريغوجين!|russia
alexei-navalny|أليكسي نافالني|نافالني!|russia

# --- China
xi-jinping|شي جين بينغ|شي جين بينج,شي جينبينغ,الرئيس الصيني شي|china
li-keqiang|لي كه تشيانغ|لي كيتشيانغ|china
li-qiang|لي تشيانغ||china
wang-yi|وانغ يي|وانج يي|china
hu-jintao|هو جين تاو|هو جينتاو|china

# --- United Kingdom
prince-harry|الأمير هاري|الأمير هاري دوق ساسكس|uk
meghan-markle|ميغان ماركل|ميغان ميركل,ميجان ماركل,ماركل!|uk
prince-william|الأمير وليام|الأمير ويليام,دوق كامبريدج|uk
kate-middleton|كيت ميدلتون|كيت ميدلتون,دوقة كامبريدج,كيت دوقة كامبريدج|uk
queen-elizabeth-ii|الملكة إليزابيث الثانية|الملكة إليزابيث,الملكة اليزابيث|uk
king-charles-iii|الملك تشارلز الثالث|الملك تشارلز,الأمير تشارلز|uk
tony-blair|توني بلير|بلير!|uk
gordon-brown|غوردون براون|جوردون براون|uk
david-cameron|ديفيد كاميرون|كاميرون|uk
theresa-may|تيريزا ماي|تريزا ماي|uk
boris-johnson|بوريس جونسون|جونسون|uk
liz-truss|ليز تراس|تراس|uk
rishi-sunak|ريشي سوناك|سوناك!|uk
keir-starmer|كير ستارمر|ستارمر!|uk
david-lammy|ديفيد لامي|لامي|uk
jeremy-hunt|جيريمي هانت|جيرمي هانت|uk
jack-straw|جاك سترو|سترو|uk

# --- France
emmanuel-macron|إيمانويل ماكرون|إمانويل ماكرون,ماكرون!|france
francois-hollande|فرانسوا هولاند|هولاند!|france
nicolas-sarkozy|نيكولا ساركوزي|ساركوزي!|france
jacques-chirac|جاك شيراك|شيراك!|france
jean-yves-le-drian|جان إيف لودريان|لودريان!|france
laurent-fabius|لوران فابيوس|فابيوس!|france
jean-noel-barrot|جان نويل بارو|بارو|france
stephane-sejourne|ستيفان سيجورنيه|سيجورنيه!|france
marine-le-pen|مارين لوبان|لوبان!|france

# --- Germany and other European leaders
angela-merkel|أنغيلا ميركل|أنجيلا ميركل,أنجيلا ميركيل,ميركل!|germany
olaf-scholz|أولاف شولتس|أولاف شولتز,شولتس!,شولتز!|germany
friedrich-merz|فريدريش ميرتس|ميرتس!|germany
frank-walter-steinmeier|فرانك فالتر شتاينماير|شتاينماير!|germany
gerhard-schroeder|غيرهارد شرودر|جيرهارد شرودر,شرودر!|germany
martin-schulz|مارتن شولتز|مارتن شولتس,مارتن شولز|germany
annalena-baerbock|أنالينا بيربوك|بيربوك!|germany
heiko-maas|هايكو ماس||germany
giorgia-meloni|جورجيا ميلوني|ميلوني!|italy
silvio-berlusconi|سيلفيو برلسكوني|برلسكوني!|italy
giuseppe-conte|جوزيبي كونتي|جوزيبي كونتى|italy
sergio-mattarella|سيرجيو ماتاريلا|ماتاريلا!|italy
matteo-salvini|ماتيو سالفيني|سالفيني!|italy
mariano-rajoy|ماريانو راخوي|راخوي!|spain
edouard-philippe|إدوار فيليب|إدوارد فيليب|france
pedro-sanchez|بيدرو سانشيز|سانشيز|spain
carles-puigdemont|كارلس بيغديمونت|كارليس بوتشيمون,كارليس بيغديمونت,بيغديمونت!,بوتشيمون!|spain
viktor-orban|فيكتور أوربان|أوربان!|hungary
alexander-lukashenko|ألكسندر لوكاشينكو|لوكاشينكو!|belarus
pope-francis|البابا فرنسيس|بابا الفاتيكان فرنسيس,البابا فرانسيس|vatican
pope-benedict-xvi|البابا بنديكت السادس عشر|البابا بنديكتوس,البابا بنديكت|vatican
pope-leo-xiv|البابا لاوون الرابع عشر|البابا ليو الرابع عشر|vatican

# --- Ukraine, Caucasus
serzh-sargsyan|سيرج سركيسيان|سيرج سرغسيان|armenia
volodymyr-zelensky|فولوديمير زيلينسكي|فلاديمير زيلينسكي,زيلينسكي!,زيلنسكي!|ukraine
petro-poroshenko|بيترو بوروشينكو|بوروشينكو!|ukraine
dmytro-kuleba|دميترو كوليبا|ديمترو كوليبا,كوليبا!|ukraine
andrii-sybiha|أندريه سيبيها|سيبيها!|ukraine
denys-shmyhal|دينيس شميهال|شميهال!|ukraine
nikol-pashinyan|نيكول باشينيان|باشينيان!|armenia
ilham-aliyev|إلهام علييف|علييف!|azerbaijan

# --- Turkey
recep-tayyip-erdogan|رجب طيب أردوغان|طيب أردوغان,أردوغان!,إردوغان!,رجب طيب إردوغان|turkey
ahmet-davutoglu|أحمد داود أوغلو|داود أوغلو,داوود أوغلو|turkey
binali-yildirim|بن علي يلدريم|يلدريم!|turkey
mevlut-cavusoglu|مولود جاويش أوغلو|جاويش أوغلو,تشاووش أوغلو|turkey
hakan-fidan|هاكان فيدان|فيدان!|turkey
abdullah-gul|عبد الله غول|عبدالله غول|turkey
fethullah-gulen|فتح الله غولن|فتح الله كولن,غولن!,كولن!|turkey
ibrahim-kalin|إبراهيم كالن|إبراهيم قالن,كالن|turkey
mehmet-simsek|محمد شيمشك|شيمشك!|turkey

# --- Iran
ali-khamenei|علي خامنئي|آية الله خامنئي,آية الله علي خامنئي,خامنئي!,المرشد الإيراني علي خامنئي|iran
ruhollah-khomeini|روح الله الخميني|آية الله الخميني,الخميني!|iran
hassan-rouhani|حسن روحاني|روحاني|iran
ebrahim-raisi|إبراهيم رئيسي|رئيسي|iran
masoud-pezeshkian|مسعود بزشكيان|بزشكيان!|iran
mahmoud-ahmadinejad|محمود أحمدي نجاد|أحمدي نجاد,نجاد|iran
mohammad-khatami|محمد خاتمي|خاتمي!|iran
akbar-hashemi-rafsanjani|أكبر هاشمي رفسنجاني|هاشمي رفسنجاني,رفسنجاني!|iran
mohammad-javad-zarif|محمد جواد ظريف|جواد ظريف,ظريف|iran
hossein-amir-abdollahian|حسين أمير عبد اللهيان|أمير عبد اللهيان,عبد اللهيان,عبداللهيان!|iran
abbas-araghchi|عباس عراقجي|عراقجي!|iran
bahram-ghasemi|بهرام قاسمي|قاسمي|iran
ali-larijani|علي لاريجاني|لاريجاني!|iran
qasem-soleimani|قاسم سليماني|سليماني|iran
ali-akbar-salehi|علي أكبر صالحي|صالحي|iran

# --- Israel
benjamin-netanyahu|بنيامين نتنياهو|بنيامين نتانياهو,نتنياهو!,نتانياهو!|israel
naftali-bennett|نفتالي بينيت|بينيت!|israel
yair-lapid|يائير لابيد|لابيد!|israel
isaac-herzog|إسحاق هرتسوغ|يتسحاق هرتسوغ,هرتسوغ!,هرتسوج!|israel
reuven-rivlin|رؤوفين ريفلين|ريفلين!|israel
shimon-peres|شمعون بيريز|بيريز|israel
ehud-olmert|إيهود أولمرت|أولمرت!|israel
ariel-sharon|أرييل شارون|آرييل شارون,شارون|israel
ehud-barak|إيهود باراك||israel
benny-gantz|بيني غانتس|بيني جانتس,غانتس!,جانتس!|israel
yoav-gallant|يوآف غالانت|يوآف جالانت,غالانت!,جالانت!|israel
avigdor-lieberman|أفيغدور ليبرمان|أفيجدور ليبرمان,ليبرمان!|israel
israel-katz|يسرائيل كاتس|كاتس|israel
itamar-ben-gvir|إيتمار بن غفير|بن غفير,بن جفير|israel
bezalel-smotrich|بتسلئيل سموتريتش|سموتريتش!|israel
tzipi-livni|تسيبي ليفني|ليفني!|israel

# --- Palestine
mahmoud-abbas|محمود عباس|أبو مازن,عباس|palestine
yasser-arafat|ياسر عرفات|أبو عمار,عرفات!|palestine
ismail-haniyeh|إسماعيل هنية|هنية!|palestine
hanan-ashrawi|حنان عشراوي|عشراوي!|palestine
yahya-sinwar|يحيى السنوار|السنوار!|palestine
khaled-meshaal|خالد مشعل|مشعل|palestine
mohammed-deif|محمد الضيف||palestine
rami-hamdallah|رامي الحمد الله|الحمد الله|palestine
mohammad-shtayyeh|محمد اشتية|اشتية!|palestine
mohammad-mustafa|محمد مصطفى||palestine
riyad-al-maliki|رياض المالكي||palestine
saeb-erekat|صائب عريقات|عريقات!|palestine
marwan-barghouti|مروان البرغوثي|البرغوثي|palestine
ahmed-yassin|أحمد ياسين|الشيخ أحمد ياسين|palestine

# --- Egypt
abdel-fattah-el-sisi|عبد الفتاح السيسي|عبدالفتاح السيسي,السيسي!|egypt
hosni-mubarak|حسني مبارك|محمد حسني مبارك,مبارك|egypt
mohamed-morsi|محمد مرسي|مرسي|egypt
anwar-sadat|أنور السادات|السادات!|egypt
gamal-abdel-nasser|جمال عبد الناصر|عبد الناصر|egypt
mostafa-madbouly|مصطفى مدبولي|مدبولي!|egypt
sherif-ismail|شريف إسماعيل||egypt
sameh-shoukry|سامح شكري|شكري|egypt
badr-abdelatty|بدر عبد العاطي|عبد العاطي|egypt
ahmed-aboul-gheit|أحمد أبو الغيط|أبو الغيط!,أبوالغيط!|egypt
amr-moussa|عمرو موسى||egypt
mohamed-elbaradei|محمد البرادعي|البرادعي!|egypt
ahmed-al-tayeb|أحمد الطيب|شيخ الأزهر أحمد الطيب|egypt

# --- Saudi Arabia
king-salman|الملك سلمان بن عبد العزيز|سلمان بن عبد العزيز,سلمان بن عبدالعزيز,الملك سلمان,خادم الحرمين الشريفين الملك سلمان|saudi-arabia
mohammed-bin-salman|محمد بن سلمان|الأمير محمد بن سلمان,ولي العهد محمد بن سلمان,بن سلمان|saudi-arabia
# his brother: named in full, so his بن سلمان is not the crown prince's
khalid-bin-salman|خالد بن سلمان|الأمير خالد بن سلمان|saudi-arabia
king-abdullah|الملك عبد الله بن عبد العزيز|عبد الله بن عبد العزيز,عبدالله بن عبدالعزيز,الملك عبدالله بن عبدالعزيز|saudi-arabia
king-fahd|الملك فهد بن عبد العزيز|فهد بن عبد العزيز,الملك فهد|saudi-arabia
mohammed-bin-nayef|محمد بن نايف|الأمير محمد بن نايف|saudi-arabia
faisal-bin-farhan|فيصل بن فرحان|الأمير فيصل بن فرحان|saudi-arabia
adel-al-jubeir|عادل الجبير|الجبير!|saudi-arabia
saud-al-faisal|سعود الفيصل|الأمير سعود الفيصل|saudi-arabia
alwaleed-bin-talal|الوليد بن طلال|الأمير الوليد بن طلال|saudi-arabia
turki-al-faisal|تركي الفيصل|الأمير تركي الفيصل|saudi-arabia
jamal-khashoggi|جمال خاشقجي|خاشقجي!|saudi-arabia
# the coalition's spokesman: his bare المالكي is not Iraq's Nouri al-Maliki (43 ANT dev articles)
turki-al-maliki|تركي المالكي|العقيد تركي المالكي,المالكي|saudi-arabia
turki-al-sheikh|تركي آل الشيخ|تركي بن عبد المحسن آل الشيخ,تركي بن عبدالمحسن آل الشيخ|saudi-arabia
# the head of the King Salman relief centre, a former health minister: named in full, so his
# عبدالله بن عبدالعزيز is not King Abdullah's
abdullah-al-rabeeah|عبدالله الربيعة|عبدالله بن عبدالعزيز الربيعة,عبد الله بن عبد العزيز الربيعة,عبد الله الربيعة|saudi-arabia

# --- United Arab Emirates
mohamed-bin-zayed|محمد بن زايد|محمد بن زايد آل نهيان,الشيخ محمد بن زايد|uae
khalifa-bin-zayed|خليفة بن زايد|خليفة بن زايد آل نهيان,الشيخ خليفة بن زايد|uae
zayed-bin-sultan|زايد بن سلطان آل نهيان|الشيخ زايد بن سلطان,الشيخ زايد|uae
mohammed-bin-rashid|محمد بن راشد|محمد بن راشد آل مكتوم,الشيخ محمد بن راشد|uae
abdullah-bin-zayed|عبد الله بن زايد|عبدالله بن زايد,عبد الله بن زايد آل نهيان|uae
mansour-bin-zayed|منصور بن زايد|منصور بن زايد آل نهيان|uae
anwar-gargash|أنور قرقاش|قرقاش!|uae

# --- Qatar
tamim-bin-hamad|تميم بن حمد آل ثاني|تميم بن حمد,الشيخ تميم,الأمير تميم|qatar
hamad-bin-khalifa|حمد بن خليفة آل ثاني|حمد بن خليفة,الشيخ حمد بن خليفة|qatar
hamad-bin-jassim|حمد بن جاسم|حمد بن جاسم آل ثاني,حمد بن جاسم بن جبر|qatar
mohammed-bin-abdulrahman|محمد بن عبد الرحمن آل ثاني|محمد بن عبدالرحمن آل ثاني,محمد بن عبد الرحمن|qatar
khalid-bin-mohammad-al-attiyah|خالد العطية|خالد بن محمد العطية|qatar
# the chief of staff, later defence minister: named in full, not the Qatari minister خالد العطية
hamad-bin-ali-al-attiyah|حمد بن علي العطية||qatar
majed-al-ansari|ماجد الأنصاري||qatar

# --- Kuwait, Bahrain, Oman
sabah-al-ahmad|صباح الأحمد|صباح الأحمد الجابر الصباح,الشيخ صباح الأحمد,الشيخ صباح الأحمد الجابر الصباح,الشيخ صباح الأحمد الجابر|kuwait
nawaf-al-ahmad|نواف الأحمد|نواف الأحمد الجابر الصباح,الشيخ نواف الأحمد,الشيخ نواف الأحمد الجابر الصباح,الشيخ نواف الأحمد الجابر|kuwait
mishal-al-ahmad|مشعل الأحمد|مشعل الأحمد الجابر الصباح,الشيخ مشعل الأحمد,الشيخ مشعل الأحمد الجابر الصباح,الشيخ مشعل الأحمد الجابر|kuwait
sabah-al-khalid|صباح الخالد|صباح خالد الحمد الصباح,الشيخ صباح الخالد,الشيخ صباح خالد الحمد الصباح|kuwait
jaber-al-mubarak|جابر المبارك|جابر المبارك الحمد الصباح,الشيخ جابر المبارك,الشيخ جابر المبارك الحمد الصباح,المبارك|kuwait
hamad-bin-isa|حمد بن عيسى آل خليفة|حمد بن عيسى,الملك حمد بن عيسى|bahrain
salman-bin-hamad|سلمان بن حمد آل خليفة|سلمان بن حمد,الأمير سلمان بن حمد|bahrain
khalid-bin-ahmed|خالد بن أحمد آل خليفة|خالد بن أحمد|bahrain
khalifa-bin-salman|خليفة بن سلمان آل خليفة|خليفة بن سلمان,الأمير خليفة بن سلمان|bahrain
abdullatif-al-zayani|عبد اللطيف الزياني|عبداللطيف الزياني,الزياني!|bahrain
sultan-qaboos|السلطان قابوس بن سعيد|قابوس بن سعيد,السلطان قابوس,قابوس!|oman
haitham-bin-tariq|هيثم بن طارق|السلطان هيثم بن طارق|oman
yusuf-bin-alawi|يوسف بن علوي|يوسف بن علوي بن عبد الله|oman
badr-albusaidi|بدر البوسعيدي|بدر بن حمد البوسعيدي,البوسعيدي!|oman

# --- Jordan, Syria, Iraq, Lebanon
king-abdullah-ii|الملك عبد الله الثاني|عبد الله الثاني,الملك عبدالله الثاني|jordan
ayman-safadi|أيمن الصفدي|الصفدي|jordan
nasser-judeh|ناصر جودة||jordan
bisher-al-khasawneh|بشر الخصاونة|الخصاونة|jordan
hani-mulki|هاني الملقي|الملقي!|jordan
omar-razzaz|عمر الرزاز|الرزاز!|jordan
jafar-hassan|جعفر حسان||jordan
bashar-al-assad|بشار الأسد|الأسد|syria
hafez-al-assad|حافظ الأسد||syria
walid-muallem|وليد المعلم|المعلم|syria
faisal-mekdad|فيصل المقداد|المقداد!|syria
ahmed-al-sharaa|أحمد الشرع|أبو محمد الجولاني,الجولاني!,الشرع|syria
asaad-al-shaibani|أسعد الشيباني|أسعد حسن الشيباني,الشيباني|syria
imad-khamis|عماد خميس|خميس|syria
hussein-arnous|حسين عرنوس|عرنوس!|syria
bashar-jaafari|بشار الجعفري|الجعفري|syria
haider-al-abadi|حيدر العبادي|العبادي!|iraq
nouri-al-maliki|نوري المالكي|المالكي|iraq
hadi-al-amiri|هادي العامري||iraq
adil-abdul-mahdi|عادل عبد المهدي|عبد المهدي|iraq
mustafa-al-kadhimi|مصطفى الكاظمي|الكاظمي!|iraq
mohammed-shia-al-sudani|محمد شياع السوداني|شياع السوداني|iraq
barham-salih|برهم صالح||iraq
fuad-masum|فؤاد معصوم||iraq
abdul-latif-rashid|عبد اللطيف رشيد||iraq
saddam-hussein|صدام حسين|صدام!|iraq
muqtada-al-sadr|مقتدى الصدر|السيد مقتدى الصدر|iraq
fuad-hussein|فؤاد حسين||iraq
ibrahim-al-jaafari|إبراهيم الجعفري|الجعفري|iraq
jalal-talabani|جلال طالباني|جلال الطالباني,طالباني!|iraq
masoud-barzani|مسعود بارزاني|مسعود البارزاني,بارزاني|iraq
nechirvan-barzani|نيجيرفان بارزاني|نيجيرفان البارزاني|iraq
ali-al-sistani|علي السيستاني|السيستاني!|iraq
michel-aoun|ميشال عون|ميشيل عون,عون|lebanon
joseph-aoun|جوزاف عون|جوزيف عون|lebanon
najib-mikati|نجيب ميقاتي|ميقاتي!|lebanon
saad-hariri|سعد الحريري|الحريري|lebanon
rafik-hariri|رفيق الحريري||lebanon
nabih-berri|نبيه بري|بري|lebanon
hassan-nasrallah|حسن نصر الله|حسن نصرالله,نصر الله!,نصرالله!|lebanon
naim-qassem|نعيم قاسم||lebanon
emile-lahoud|إميل لحود|إميل لحود,لحود!|lebanon
fouad-siniora|فؤاد السنيورة|السنيورة!|lebanon
gebran-bassil|جبران باسيل|باسيل!|lebanon
tammam-salam|تمام سلام||lebanon
nawaf-salam|نواف سلام||lebanon
michel-sleiman|ميشال سليمان|ميشيل سليمان|lebanon
hassan-diab|حسان دياب||lebanon
walid-jumblatt|وليد جنبلاط|جنبلاط!|lebanon
samir-geagea|سمير جعجع|جعجع!|lebanon

# --- Yemen, Libya, Sudan
abdrabbuh-mansur-hadi|عبد ربه منصور هادي|عبدربه منصور هادي,منصور هادي,هادي|yemen
ali-abdullah-saleh|علي عبد الله صالح|علي عبدالله صالح,صالح|yemen
tareq-saleh|طارق صالح|طارق محمد عبد الله صالح,طارق محمد عبدالله صالح|yemen
saleh-al-sammad|صالح الصماد|الصماد!|yemen
rashad-al-alimi|رشاد العليمي|العليمي!|yemen
abdul-malik-al-houthi|عبد الملك الحوثي|عبدالملك الحوثي|yemen
ahmed-bin-dagher|أحمد عبيد بن دغر|أحمد بن دغر,بن دغر!|yemen
maeen-abdulmalik|معين عبد الملك|معين عبدالملك|yemen
ahmed-awad-bin-mubarak|أحمد عوض بن مبارك|أحمد بن مبارك|yemen
abdulmalik-al-mikhlafi|عبد الملك المخلافي|عبدالملك المخلافي,المخلافي|yemen
khaled-al-yamani|خالد اليماني|اليماني|yemen
mahdi-al-mashat|مهدي المشاط|المشاط|yemen
muammar-gaddafi|معمر القذافي|القذافي!|libya
khalifa-haftar|خليفة حفتر|حفتر!|libya
fayez-al-sarraj|فايز السراج|السراج|libya
abdul-hamid-dbeibah|عبد الحميد الدبيبة|عبدالحميد الدبيبة,الدبيبة!|libya
aguila-saleh|عقيلة صالح||libya
mohamed-al-menfi|محمد المنفي||libya
ahmed-al-mismari|أحمد المسماري|المسماري|libya
omar-al-bashir|عمر البشير|عمر حسن البشير,البشير|sudan
abdel-fattah-al-burhan|عبد الفتاح البرهان|عبدالفتاح البرهان,البرهان|sudan
mohamed-hamdan-dagalo|محمد حمدان دقلو|حميدتي!,دقلو!|sudan
abdalla-hamdok|عبد الله حمدوك|عبدالله حمدوك,حمدوك!|sudan
ibrahim-ghandour|إبراهيم غندور|إبراهيم أحمد غندور,إبراهيم الغندور,غندور!|sudan
motazz-moussa|معتز موسى||sudan

# --- Maghreb, Mauritania, Somalia
kais-saied|قيس سعيد|قيس سعيّد|tunisia
beji-caid-essebsi|الباجي قائد السبسي|الباجي قايد السبسي,قائد السبسي,السبسي!|tunisia
zine-el-abidine-ben-ali|زين العابدين بن علي||tunisia
moncef-marzouki|منصف المرزوقي|المرزوقي|tunisia
rached-ghannouchi|راشد الغنوشي|الغنوشي!|tunisia
youssef-chahed|يوسف الشاهد|الشاهد|tunisia
hichem-mechichi|هشام المشيشي|المشيشي!|tunisia
najla-bouden|نجلاء بودن|نجلاء بودن رمضان,بودن|tunisia
ahmed-hachani|أحمد الحشاني|الحشاني!|tunisia
kamel-madouri|كمال المدوري|المدوري!|tunisia
khemaies-jhinaoui|خميس الجهيناوي|الجهيناوي!|tunisia
othman-jerandi|عثمان الجرندي|الجرندي!|tunisia
nabil-ammar|نبيل عمار||tunisia
mohamed-ali-nafti|محمد علي النفطي||tunisia
abdelmadjid-tebboune|عبد المجيد تبون|عبدالمجيد تبون,تبون!|algeria
abdelaziz-bouteflika|عبد العزيز بوتفليقة|عبدالعزيز بوتفليقة,بوتفليقة!|algeria
ramtane-lamamra|رمطان لعمامرة|لعمامرة!|algeria
ahmed-attaf|أحمد عطاف|عطاف|algeria
ahmed-ouyahia|أحمد أويحيى|أحمد أويحي,أويحيى!,أويحي!|algeria
abdelkader-messahel|عبد القادر مساهل|عبدالقادر مساهل,مساهل!|algeria
sabri-boukadoum|صبري بوقادوم|بوقادوم!|algeria
abdelaziz-djerad|عبد العزيز جراد|عبدالعزيز جراد,جراد|algeria
aymen-benabderrahmane|أيمن بن عبد الرحمن|أيمن بن عبدالرحمن|algeria
nadir-larbaoui|نذير العرباوي|العرباوي!|algeria
king-mohammed-vi|الملك محمد السادس|محمد السادس,العاهل المغربي محمد السادس|morocco
nasser-bourita|ناصر بوريطة|بوريطة!|morocco
aziz-akhannouch|عزيز أخنوش|أخنوش!|morocco
saadeddine-othmani|سعد الدين العثماني|سعدالدين العثماني|morocco
abdelilah-benkirane|عبد الإله بن كيران|عبد الإله بنكيران,بنكيران!|morocco
mohamed-ould-ghazouani|محمد ولد الشيخ الغزواني|محمد ولد الغزواني,ولد الغزواني,الغزواني!|mauritania
mohamed-ould-abdel-aziz|محمد ولد عبد العزيز|ولد عبد العزيز|mauritania
hassan-sheikh-mohamud|حسن شيخ محمود||somalia
mohamed-farmaajo|محمد عبد الله فرماجو|محمد عبدالله فرماجو,فرماجو!|somalia
hassan-ali-khaire|حسن علي خيري||somalia
ismail-omar-guelleh|إسماعيل عمر جيله|إسماعيل عمر غيله|djibouti

# --- Arab League, GCC, United Nations, EU, NATO and other international officials
nabil-elaraby|نبيل العربي||egypt
jasem-albudaiwi|جاسم البديوي|جاسم محمد البديوي,البديوي!|kuwait
antonio-guterres|أنطونيو غوتيريش|أنطونيو جوتيريش,أنطونيو غوتيريس,غوتيريش!,غوتيريس!,جوتيريش!,جوتيريس!|
ban-ki-moon|بان كي مون|بان كيمون|
kofi-annan|كوفي أنان|كوفي عنان,أنان!|
staffan-de-mistura|ستافان دي ميستورا|دي ميستورا|
ghassan-salame|غسان سلامة|سلامة|
geir-pedersen|غير بيدرسون|بيدرسون!,بيدرسن!|
martin-griffiths|مارتن غريفيث|مارتن غريفيثس,غريفيث!|
hans-grundberg|هانس غروندبرغ|غروندبرغ!|
rafael-grossi|رافائيل غروسي|رافاييل غروسي,غروسي!|
tedros-adhanom|تيدروس أدهانوم غيبريسوس|تيدروس أدهانوم,تيدروس!|
philippe-lazzarini|فيليب لازاريني|لازاريني!|
josep-borrell|جوزيب بوريل|جوزيف بوريل,بوريل!|
ursula-von-der-leyen|أورسولا فون دير لاين|فون دير لاين|
charles-michel|شارل ميشيل||
kaja-kallas|كايا كالاس|كالاس|
federica-mogherini|فيديريكا موغيريني|فيدريكا موغيريني,موغيريني!|
javier-solana|خافيير سولانا|سولانا!|
jens-stoltenberg|ينس ستولتنبرغ|يانس ستولتنبرغ,ستولتنبرغ!,ستولتنبرج!|
mark-rutte|مارك روته|روته!|
karim-khan|كريم خان||
gianni-infantino|جياني إنفانتينو|إنفانتينو!|

# --- Asia, the Americas, Africa
narendra-modi|ناريندرا مودي|مودي!|india
imran-khan|عمران خان||pakistan
shehbaz-sharif|شهباز شريف||pakistan
nawaz-sharif|نواز شريف||pakistan
pervez-musharraf|برويز مشرف|مشرف|pakistan
kim-jong-un|كيم جونغ أون|كيم جونج أون,كيم جونغ اون|north-korea
kim-jong-il|كيم جونغ إيل|كيم جونج إيل|north-korea
moon-jae-in|مون جاي إن|مون جيه إن,مون جيه-إن,مون جاي-إن,مون جي إن|south-korea
yoon-suk-yeol|يون سوك يول||south-korea
shinzo-abe|شينزو آبي||japan
fumio-kishida|فوميو كيشيدا|كيشيدا!|japan
justin-trudeau|جاستن ترودو|جاستين ترودو,ترودو!|canada
jair-bolsonaro|جايير بولسونارو|بولسونارو!|brazil
lula-da-silva|لويس إيناسيو لولا دا سيلفا|لولا دا سيلفا|brazil
hugo-chavez|هوغو تشافيز|هوجو شافيز,تشافيز!,شافيز!|venezuela
nicolas-maduro|نيكولاس مادورو|مادورو!|venezuela
fidel-castro|فيدل كاسترو|كاسترو|cuba
raul-castro|راؤول كاسترو|راوول كاسترو|cuba
miguel-diaz-canel|ميغيل دياز كانيل|ميغيل دياز-كانيل,ميجيل دياز كانيل,دياز كانيل|cuba
mahathir-mohamad|مهاتير محمد|مهاتير!|malaysia
najib-razak|نجيب عبد الرزاق|نجيب عبدالرزاق,نجيب رزاق|malaysia
anwar-ibrahim|أنور إبراهيم||malaysia
rodrigo-duterte|رودريغو دوتيرتي|رودريجو دوتيرتي,دوتيرتي!|philippines
abiy-ahmed|آبي أحمد||ethiopia
hailemariam-desalegn|هايلي ماريام ديسالين|هايلي مريم ديسالين,هايلى مريام ديسالين,هايلى ماريام ديسالين,هايلي مريام ديسالين,هايلى مريم ديسالين,هايلي مريم,هايلي ماريام,هايلى مريم,هايلي ديسالين,هايلى ديسالين,ديسالين!|ethiopia
ashraf-ghani|أشرف غني||afghanistan
hamid-karzai|حامد كرزاي|كرزاي!|afghanistan
nelson-mandela|نيلسون مانديلا|مانديلا!|south-africa

# --- leaders of armed groups and movements
osama-bin-laden|أسامة بن لادن|أسامه بن لادن,بن لادن|
ayman-al-zawahiri|أيمن الظواهري|الظواهري!|
abu-bakr-al-baghdadi|أبو بكر البغدادي||
# --- culture and sport figures often in the news
naguib-mahfouz|نجيب محفوظ|محفوظ|egypt
adel-emam|عادل إمام|عادل امام|egypt
mohamed-henedy|محمد هنيدي|هنيدي!|egypt
ibrahim-nasrallah|إبراهيم نصر الله|إبراهيم نصرالله|jordan
mohamed-abdel-wahab|محمد عبد الوهاب|محمد عبدالوهاب|egypt
fernando-alonso|فرناندو ألونسو|ألونسو!|spain
michael-schumacher|مايكل شوماخر|شوماخر!|germany
dan-halutz|دان حالوتس|حالوتس!|israel
harvey-weinstein|هارفي واينستين|هارفي وينستين,هارفي وينستاين,هارفي واينستاين,واينستين!|usa
avicii|أفيتشي|أفيتشي!|sweden
mohamed-hamaki|محمد حماقي|حماقي!|egypt
# singers known by one name: a name that is also a word (أنغام "melodies", أحلام "dreams", أصالة
# "authenticity", فيروز "turquoise") counts alone only where the text also names the singer with a
# title (الفنانة أنغام), as the aliases below do (a title of its own would lend them to politicians:
# الفنان عباس إبراهيم is no عباس)
angham|أنغام|الفنانة أنغام,المطربة أنغام,المغنية أنغام|egypt
ahlam|أحلام|الفنانة أحلام,المطربة أحلام,المغنية أحلام|uae
assala-nasri|أصالة نصري|أصالة,الفنانة أصالة,المطربة أصالة,المغنية أصالة|syria
fairuz|فيروز|السيدة فيروز,الفنانة فيروز,المطربة فيروز,المغنية فيروز|lebanon
elissa|إليسا!|اليسا!|lebanon
haifa-wehbe|هيفاء وهبي|هيفا وهبي|lebanon
nancy-ajram|نانسي عجرم|عجرم!|lebanon
ragheb-alama|راغب علامة||lebanon
majida-el-roumi|ماجدة الرومي||lebanon
amr-diab|عمرو دياب||egypt
tamer-hosny|تامر حسني||egypt
sherine-abdel-wahab|شيرين عبد الوهاب|شيرين عبدالوهاب|egypt
kadim-al-sahir|كاظم الساهر|الساهر!|iraq

# --- politics of the 2000s (news archives are news too)
dominique-de-villepin|دومينيك دو فيلبان|دومينيك دوفيلبان,دو فيلبان,دوفيلبان!,فيلبان!|france
bernard-kouchner|برنار كوشنير|كوشنير!|france
segolene-royal|سيغولين روايال|سيجولين رويال,روايال!|france
michele-alliot-marie|ميشيل أليو ماري|أليو ماري|france
jose-luis-zapatero|خوسيه لويس ثاباتيرو|خوسيه لويس ساباتيرو,ثاباتيرو!,ساباتيرو!,زاباتيرو!|spain
jose-maria-aznar|خوسيه ماريا أثنار|أثنار!,أزنار!|spain
miguel-moratinos|ميغيل أنخيل موراتينوس|موراتينوس!|spain
romano-prodi|رومانو برودي|برودي!|italy
massimo-dalema|ماسيمو داليما|داليما!|italy
wolfgang-schaeuble|فولفغانغ شويبله|فولفجانج شويبله,شويبله!,شويبل!|germany
joschka-fischer|يوشكا فيشر||germany
jose-manuel-barroso|خوسيه مانويل باروسو|باروسو!|portugal
benita-ferrero-waldner|بينيتا فيريرو فالدنر|فيريرو فالدنر,فالدنر!|austria
david-miliband|ديفيد ميليباند|ميليباند!|uk
margaret-beckett|مارغريت بيكيت||uk
viktor-yushchenko|فيكتور يوشينكو|يوشينكو!,يوشتشينكو!|ukraine
yulia-tymoshenko|يوليا تيموشينكو|تيموشينكو!|ukraine
viktor-yanukovych|فيكتور يانوكوفيتش|يانوكوفيتش!|ukraine
mikheil-saakashvili|ميخائيل ساكاشفيلي|ساكاشفيلي!|georgia
robert-gates|روبرت غيتس|روبرت جيتس|usa
david-petraeus|ديفيد بترايوس|بترايوس!|usa
paul-bremer|بول بريمر|بريمر!|usa
zalmay-khalilzad|زلماي خليل زاد|خليل زاد,خليلزاد!|usa
john-negroponte|جون نغروبونتي|جون نيغروبونتي,نغروبونتي!,نيغروبونتي!|usa
paul-wolfowitz|بول وولفويتز|وولفويتز!|usa
nicholas-burns|نيكولاس بيرنز|بيرنز|usa
james-baker|جيمس بيكر||usa
ayad-allawi|إياد علاوي|علاوي!|iraq
abdul-aziz-al-hakim|عبد العزيز الحكيم||iraq
ammar-al-hakim|عمار الحكيم||iraq
tariq-al-hashimi|طارق الهاشمي||iraq
hoshyar-zebari|هوشيار زيباري|زيباري!|iraq
harith-al-dari|حارث الضاري|الضاري|iraq
abu-musab-al-zarqawi|أبو مصعب الزرقاوي|الزرقاوي!|
ahmed-qurei|أحمد قريع|أبو علاء|palestine
mahmoud-al-zahar|محمود الزهار|الزهار!|palestine
mohammed-dahlan|محمد دحلان|دحلان!|palestine
nabil-shaath|نبيل شعث||palestine
salam-fayyad|سلام فياض|فياض|palestine
aziz-dweik|عزيز دويك|عزيز الدويك|palestine
amin-gemayel|أمين الجميل||lebanon
pierre-gemayel|بيار الجميل|بيير الجميل|lebanon
elias-murr|إلياس المر|الياس المر|lebanon
marwan-hamadeh|مروان حمادة||lebanon
farouk-al-sharaa|فاروق الشرع||syria
abdul-halim-khaddam|عبد الحليم خدام|خدام!|syria
ahmed-nazif|أحمد نظيف||egypt
omar-suleiman|عمر سليمان||egypt
gamal-mubarak|جمال مبارك||egypt
ayman-nour|أيمن نور||egypt
fathi-sorour|فتحي سرور|أحمد فتحي سرور|egypt
salva-kiir|سلفا كير|سلفاكير!,سلفا كير ميارديت|south-sudan
john-garang|جون قرنق|قرنق!|sudan
hassan-al-turabi|حسن الترابي|الترابي!|sudan
sadiq-al-mahdi|الصادق المهدي||sudan
manouchehr-mottaki|منوشهر متكي|متكي!|iran
shaukat-aziz|شوكت عزيز||pakistan
mullah-omar|الملا محمد عمر|الملا عمر|afghanistan
thabo-mbeki|ثابو مبيكي|مبيكي!|south-africa
robert-mugabe|روبرت موغابي|موغابي!,موجابي!|zimbabwe
olusegun-obasanjo|أولوسيغون أوباسانجو|أوباسانجو!|nigeria
meles-zenawi|ملس زيناوي|ميليس زيناوي,زيناوي!|ethiopia
idriss-deby|إدريس ديبي|ادريس ديبي إتنو|chad
junichiro-koizumi|جونيشيرو كويزومي|كويزومي!|japan
manmohan-singh|مانموهان سينغ|مانموهان سينج|india
evo-morales|إيفو موراليس||bolivia
michelle-bachelet|ميشيل باشليه|باشليه!|chile
alvaro-uribe|ألفارو أوريبي|أوريبي!|colombia
amir-peretz|عمير بيريتس|عمير بيرتس,بيريتس!,بيرتس!|israel
shaul-mofaz|شاؤول موفاز|موفاز!|israel
terje-roed-larsen|تيري رود لارسن|رود لارسن|
yusuf-al-qaradawi|يوسف القرضاوي|القرضاوي!|qatar

# --- sport (sports news is a large share of Arabic news)
stephen-curry|ستيفن كوري|ستيف كوري|usa
kevin-durant|كيفن دورانت|كيفين دورانت,دورانت!|usa
james-harden|جيمس هاردن|هاردن!|usa
lionel-messi|ليونيل ميسي|ميسي!|argentina
cristiano-ronaldo|كريستيانو رونالدو|كرستيانو رونالدو,رونالدو|portugal
ronaldinho|رونالدينيو|رونالدينهو!|brazil
kaka|كاكا|ريكاردو كاكا|brazil
zinedine-zidane|زين الدين زيدان|زيدان|france
david-beckham|ديفيد بيكهام|بيكهام!|uk
thierry-henry|تييري هنري|تيري هنري|france
didier-drogba|ديدييه دروغبا|دروغبا!,دروجبا!|ivory-coast
samuel-etoo|صامويل إيتو|صامويل ايتو,إيتو!,ايتو!|cameroon
francesco-totti|فرانشيسكو توتي|توتي!|italy
paolo-maldini|باولو مالديني|مالديني!|italy
fabio-cannavaro|فابيو كانافارو|كانافارو!|italy
gianluigi-buffon|جانلويجي بوفون|بوفون!|italy
wayne-rooney|واين روني||uk
steven-gerrard|ستيفن جيرارد||uk
frank-lampard|فرانك لامبارد|لامبارد!|uk
arsene-wenger|أرسين فينغر|أرسين فينجر,فينغر!,فينجر!,فينغير!|france
alex-ferguson|أليكس فيرغسون|أليكس فيرجسون,فيرغسون!,فيرجسون!|uk
jose-mourinho|جوزيه مورينيو|مورينيو!|portugal
pep-guardiola|بيب غوارديولا|بيب جوارديولا,غوارديولا!,جوارديولا!|spain
carlo-ancelotti|كارلو أنشيلوتي|أنشيلوتي!|italy
jurgen-klopp|يورغن كلوب||germany
mohamed-salah|محمد صلاح|صلاح|egypt
mohamed-aboutrika|محمد أبو تريكة|أبو تريكة,أبوتريكة!|egypt
hassan-shehata|حسن شحاتة||egypt
ahmed-hossam-mido|أحمد حسام ميدو|ميدو!|egypt
iker-casillas|إيكر كاسياس|كاسياس!|spain
raul-gonzalez|راؤول غونزاليس|راوول غونزاليس|spain
andres-iniesta|أندريس إنييستا|أندريس إنيستا,إنييستا!,إنيستا!|spain
xavi-hernandez|تشافي هيرنانديز|تشافي!|spain
fernando-torres|فرناندو توريس||spain
kylian-mbappe|كيليان مبابي|مبابي!|france
neymar|نيمار|نيمار دا سيلفا|brazil
paul-pogba|بول بوغبا|بوغبا!|france
erling-haaland|إرلينغ هالاند|هالاند!|norway
karim-benzema|كريم بنزيمة|بنزيمة!|france
riyad-mahrez|رياض محرز|محرز!|algeria
sadio-mane|ساديو ماني||senegal
marco-van-basten|ماركو فان باستن|فان باستن|netherlands
johan-cruyff|يوهان كرويف|كرويف!|netherlands
pele|بيليه||brazil
diego-maradona|دييغو مارادونا|دييجو مارادونا,مارادونا!|argentina
franz-beckenbauer|فرانز بكنباور|بكنباور!|germany
michel-platini|ميشيل بلاتيني|بلاتيني!|france
sepp-blatter|جوزيف بلاتر|سيب بلاتر,بلاتر!|switzerland
roger-federer|روجيه فيدرر|روجر فيدرر,فيدرر!|switzerland
rafael-nadal|رافائيل نادال|رافاييل نادال,نادال!|spain
novak-djokovic|نوفاك ديوكوفيتش|ديوكوفيتش!,جوكوفيتش!|serbia
andre-agassi|أندريه أغاسي|أغاسي!|usa
pete-sampras|بيت سامبراس|سامبراس!|usa
serena-williams|سيرينا ويليامز|سيرينا وليامز|usa
venus-williams|فينوس ويليامز|فينوس وليامز|usa
maria-sharapova|ماريا شارابوفا|شارابوفا!|russia
justine-henin|جوستين هينان|هينان!|belgium
martina-hingis|مارتينا هينغيس|هينغيس!,هينجيس!|switzerland
ons-jabeur|أنس جابر||tunisia
lewis-hamilton|لويس هاميلتون||uk
kimi-raikkonen|كيمي رايكونن|رايكونن!|finland
sebastian-vettel|سيباستيان فيتيل|فيتيل!|germany
usain-bolt|يوسين بولت||jamaica
hicham-el-guerrouj|هشام الكروج|الكروج!|morocco
michael-jordan|مايكل جوردان|مايكل جوردن|usa
kobe-bryant|كوبي براينت|براينت!|usa
lebron-james|ليبرون جيمس|لبرون جيمس,ليبرون!|usa
sergio-ramos|سيرجيو راموس|سيرخيو راموس|spain
florentino-perez|فلورنتينو بيريز|فلورنتينو بيريث|spain
antoine-griezmann|أنطوان غريزمان|غريزمان!|france
harry-kane|هاري كين||uk
luis-suarez|لويس سواريز|سواريز!|uruguay
mesut-ozil|مسعود أوزيل|أوزيل!|germany
zlatan-ibrahimovic|زلاتان إبراهيموفيتش|إبراهيموفيتش!|sweden
joachim-low|يواخيم لوف|يواكيم لوف,خواكيم لوف,يواكيم لوو|germany
unai-emery|أوناي إيمري||spain
mauricio-pochettino|ماوريسيو بوكيتينو|بوكيتينو!|argentina
ernesto-valverde|إرنستو فالفيردي|فالفيردي!|spain
antonio-conte|أنطونيو كونتي||italy
"""#
