// The Persian stemmer against a corpus of real words: every written form of a word meets its base, and
// no two different base words meet.
#include <catch2/catch.hpp>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "SearchText.h"

using namespace lacuna;

namespace {

const std::string ZWNJ = "\u200C";

/// The one stem a written form gives (its words after stop words are dropped must be exactly one).
std::string stemOf(const std::string& form) {
    const std::vector<std::string> terms = searchTerms(form);
    INFO("«" << form << "» gives " << terms.size() << " terms");
    REQUIRE(terms.size() == 1);
    return terms.front();
}

/// Plurals and possessives in ها/های, joined by ZWNJ, by nothing, or apart.
std::vector<std::string> haForms(const std::string& base) {
    return {base + ZWNJ + "ها",    base + "ها",  base + " ها",         base + ZWNJ + "های",
            base + " های",         base + "های", base + ZWNJ + "هایش", base + ZWNJ + "هایشان",
            base + ZWNJ + "هایمان"};
}

// Words whose plural (or comparison) is written only with ها/های and possessives.
const std::vector<std::string> HA_WORDS = {"قانون",     "ساختمان", "شهرداری",
                                           "شهردار",    "عوارض",   "پروانه",
                                           "کمیسیون",   "دیوان",   "دادگاه",
                                           "رای",       "شکایت",   "مالک",
                                           "زمین",      "خیابان",  "میدان",
                                           "استان",     "شهر",     "روستا",
                                           "طرح",       "لایحه",   "پرونده",
                                           "نامه",      "بودجه",   "برنامه",
                                           "سازمان",    "زمان",    "مهلت",
                                           "تبصره",     "بند",     "فصل",
                                           "کتاب",      "دفتر",    "قرارداد",
                                           "پیمانکار",  "ملک",     "سند",
                                           "حکم",       "قاضی",    "وکیل",
                                           "تخلف",      "جریمه",   "عمران",
                                           "عمر",       "ساخت",    "مطالبه",
                                           "خانه",      "مصوبه",   "ماده",
                                           "فیلتر",     "فیل",     "نقشه",
                                           "منطقه",     "محله",    "پارکینگ",
                                           "خودرو",     "پارک",    "کارخانه",
                                           "مغازه",     "پلاک",    "تعرفه",
                                           "مالیات",    "بیمه",    "هزینه",
                                           "درآمد",     "وظیفه",   "اختیار",
                                           "تصمیم",     "جلسه",    "کمیته",
                                           "شورا",      "نماینده", "مجلس",
                                           "بیمارستان", "بحران",   "دوران",
                                           "امکان",     "مکان",    "ایران",
                                           "تهران",     "جریان",   "پایان",
                                           "ماشین",     "تامین",   "تضمین",
                                           "تعیین",     "آیین",    "اداره",
                                           "نوسازی",    "تملک",    "کاربری",
                                           "کاربر",     "پذیره",   "اجاره",
                                           "قطعه",      "عرصه",    "اعیان",
                                           "حریم",      "معبر",    "پیاده‌رو",
                                           "کارمند",    "کارگر",   "مدیر",
                                           "مهندس",     "ناظر",    "اتهام",
                                           "ابهام",     "الهام",   "سهام",
                                           "مطالعه",    "مذاکره",  "مناقصه",
                                           "مزایده",    "معامله",  "نظریه",
                                           "ضابطه",     "رابطه",   "وثیقه",
                                           "سرمایه",    "پایه",    "اساسنامه",
                                           "دادنامه",   "نتیجه",   "مقدمه",
                                           "طبقه",      "کوچه",    "تراکم",
                                           "بازار",     "پل",      "تونل",
                                           "بزرگراه",   "فضا",     "بنا",
                                           "نما",       "آب",      "برق",
                                           "فاضلاب",    "پسماند",  "آلودگی",
                                           "درخت",      "باغ",     "شکایت‌نامه"};

/// Words that must stay apart from similar ones above (مطالب from مطالبه, خان from خانه) but whose plural
/// without ZWNJ is the other's indefinite (مطالبهای), so only their base form is in the corpus.
const std::vector<std::string> DISTINCT_ONLY = {"مطالب", "خان", "نام", "ماد", "مال", "شهرستان", "تنها", "تن"};

/// Bases with their other written forms: plurals in ان/ات/ین, broken plurals, comparisons,
/// indefinites and possessives on a silent ه.
const std::map<std::string, std::vector<std::string>> FORMS = {
    {"مالک", {"مالکان"}},
    {"شهروند", {"شهروندان"}},
    {"ارض", {"اراضی"}},
    {"کارکن", {"کارکنان"}},
    {"مستاجر", {"مستاجران", "مستأجران", "مستاجرین", "مستأجرین"}},
    {"متخلف", {"متخلفان", "متخلفین"}},
    {"مامور", {"ماموران", "مأموران", "مامورین", "مأمورین"}},
    {"متهم", {"متهمان", "متهمین"}},
    {"نماینده", {"نمایندگان", "نماینده" + ZWNJ + "ای"}},
    {"راننده", {"رانندگان"}},
    {"دارنده", {"دارندگان"}},
    {"دانشجو", {"دانشجویان"}},
    {"متقاضی", {"متقاضیان"}},
    {"ایرانی", {"ایرانیان"}},
    {"مدیر", {"مدیران"}},
    {"وکیل", {"وکیلان"}},
    {"کارگر", {"کارگران"}},
    {"مهندس", {"مهندسان", "مهندسین"}},
    {"تخلف", {"تخلفات"}},
    {"اختیار", {"اختیارات"}},
    {"تصمیم", {"تصمیمات"}},
    {"عوارض", {"عوارضات"}},
    {"معامله", {"معاملات", "معامله" + ZWNJ + "ای", "معاملهای"}},
    {"مطالبه", {"مطالبات"}},
    {"مصوبه", {"مصوبات", "مصوبه" + ZWNJ + "ای"}},
    {"مذاکره", {"مذاکرات"}},
    {"مناقصه", {"مناقصات"}},
    {"پرونده",
     {"پرونده" + ZWNJ + "ای", "پروندهای", "پرونده" + ZWNJ + "اش", "پرونده" + ZWNJ + "ام", "پروندهات"}},
    {"خانه", {"خانه" + ZWNJ + "ای", "خانه" + ZWNJ + "اش"}},
    {"قانون", {"قوانین"}},
    {"ماده", {"مواد"}},
    {"حکم", {"احکام"}},
    {"ملک", {"املاک"}},
    {"سند", {"اسناد"}},
    {"اداره", {"ادارات"}},
    {"مهم", {"مهمتر", "مهم" + ZWNJ + "تر", "مهمترین", "مهم" + ZWNJ + "ترین"}},
    {"سریع", {"سریعتر", "سریع" + ZWNJ + "ترین"}},
    {"بیشتر", {"بیشترین"}},
    {"کمتر", {"کمترین"}},
    {"بهتر", {"بهترین"}},
    {"شهرداری", {"شهرداری" + ZWNJ + "ها", "شهرداریها", "شهرداری ها", "شهرداري", "شهرداری" + ZWNJ + "هایشان"}},
    {"ساختمان", {"ساختمان" + ZWNJ + "ها", "ساختمانهای", "ساختمان های"}},
    {"مالیات", {"مالیاتها", "مالیات" + ZWNJ + "ها"}},
    {"زمین", {"زمینها", "زمین" + ZWNJ + "های"}},
};

}  // namespace

TEST_CASE("every written form of a word meets its base", "[unit][search]") {
    for (const std::string& base : HA_WORDS)
        for (const std::string& form : haForms(base)) {
            INFO(base << " ← " << form);
            CHECK(stemOf(form) == stemOf(base));
        }
    for (const auto& [base, forms] : FORMS)
        for (const std::string& form : forms) {
            INFO(base << " ← " << form);
            CHECK(stemOf(form) == stemOf(base));
        }
}

TEST_CASE("no two different base words meet", "[unit][search]") {
    std::map<std::string, std::string> byStem;
    std::set<std::string> bases(HA_WORDS.begin(), HA_WORDS.end());
    bases.insert(DISTINCT_ONLY.begin(), DISTINCT_ONLY.end());
    for (const auto& [base, forms] : FORMS) bases.insert(base);
    for (const std::string& base : bases) {
        const std::string stem = stemOf(base);
        const auto [it, fresh] = byStem.emplace(stem, base);
        INFO("«" << base << "» and «" << it->second << "» both stem to «" << stem << "»");
        CHECK((fresh || it->second == base));
    }
    CHECK(bases.size() > 150);
}

TEST_CASE("the forms of the issue meet; stems do not damage words", "[unit][search]") {
    const auto inDoc = searchTerms("صدور پروانه برای ساختمان" + ZWNJ + "های نیمه" + ZWNJ + "تمام");
    for (const std::string& term : searchTerms("پروانه ساختمان"))
        CHECK(std::find(inDoc.begin(), inDoc.end(), term) != inDoc.end());
    CHECK(provisionKey({"قانون نوسازی و عمران شهری", "ماده ۲۹"}) == "قانون_نوسازی_عمران_شهری:29");
    CHECK(stemOf("عمران") == "عمران");
    CHECK(stemOf("ساختمان") == "ساختمان");
}
