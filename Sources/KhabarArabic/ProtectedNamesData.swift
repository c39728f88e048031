let protectedNamesData = #"""
# Proper names the light stemmer must not cut: their final ان، ين، ون، ات، ية or ة/ت is part of
# the name, and light10 turns them into another word's stem (حمدان → حمد, زيدان → زيد as
# الزيدي, عدنان → عدن Aden, سليمان → سليم, نادين → ناد a club, البحرين → بحر the sea, الجولان
# → جول a round, عنان → عن, كيفين → كيف; and with ت read as ة before a pronoun, مصراتة would be
# مصر + اته, بيروتي بيرو + تي). Only names: words whose letters are
# radical in other ways are in ProtectedWordsData.swift, as are the names that were protected
# before this list (لبنان، إيران، السودان، عمان، سلمان، رمضان، شعبان، عمران …). Chosen on ANT dev:
# names of the gazetteer and the name finder whose stem meets other words there. A name that is
# also an ordinary word form is left out (نادية is also ناديه "his club", آمنة "safe", سامية
# "high"). Same format as ProtectedWordsData.swift: one entry a line, ordinary spelling, the
# analyzer normalizes; a protected name stems to itself, and its forms stop there (البحريني →
# بحرين, العثمانية → عثمان).
# --- final ان
حمدان
زيدان
عثمان
عدنان
مروان
غسان
سليمان
عنان
نعمان
جبران
برهان
فرحان
حسان
حنان
سفيان
رضوان
علوان
جولان
ميلان
طالبان
بريان
إيفان
جوان
إيان
ريان
أوربان
لوبان
لوران
جوليان
كيليان
ستيفان
ديان
ميغان
زوران
زلاتان
# --- final ين
نادين
بحرين
كيفين
إدوين
دارين
مارين
ياسين
شاهين
كريستين
سيلين
ماكين
كارين
شيرين
لجين
عفرين
# --- final ون
ليون
رامون
ميسون
إيلون
هارون
كاميرون
براون
شارون
سيمون
جيسون
# --- final ات
عرفات
عريقات
سادات
نشأت
# --- final ية
سمية
هنية
عطية
رقية
# --- a nisba name of its own: with سليمان protected, سليماني (Soleimani) would stop there
سليماني
# --- final ة or ت, which a pronoun or ي after it would take for ة (مصراته: مصر + اته, بيروتي: بيرو + تي)
مصراتة
صبراتة
بيروت
سوفيت
سوفييت
"""#
