#include "SearchText.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string_view>
#include <unordered_map>

#include "JsonText.h"
#include "PersianText.h"

namespace lacuna {
namespace {

constexpr double K1 = 1.2;
constexpr double B = 0.75;
constexpr double AVERAGE_LENGTH = 60.0;
/// A fixed corpus size in the IDF: the scores then need no count of every document, and a term's
/// weight orders the same way whatever the size.
constexpr double CORPUS = 1000000.0;

const std::set<std::string>& stopWords() {
    static const std::set<std::string> WORDS = {
        "و",   "در",   "به",    "از",  "که",   "این",  "ان",   "آن",   "با",   "را",   "برای",  "تا",
        "یا",  "هم",   "نیز",   "است", "بود",  "شود",  "شد",   "می",   "نمی",  "ها",   "های",   "هر",
        "بر",  "اند",  "شده",   "کرد", "کند",  "کنند", "یک",   "خود",  "باید", "بی",   "اگر",   "نه",
        "ای",  "هیچ",  "چه",    "چون", "پس",   "نیست", "هست",  "دارد", "داشت", "ما",   "من",    "او",
        "شما", "آنها", "ایشان", "وی",  "همین", "همان", "دیگر", "کرده", "بوده", "گردد", "گردید", "میشود",
        "مي",  "سپس",  "ولی",   "اما", "زیرا", "چنین", "چنان", "آیا",  "بین",  "روی",  "زیر",   "the",
        "a",   "an",   "of",    "and", "or",   "to",   "in",   "on",   "for",  "is",   "are",   "be"};
    return WORDS;
}

bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() > suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

/// Words whose ending only looks like a suffix: they are their own stem. (A word left out here and
/// stripped wrongly still meets its own forms; it may only meet another word's.)
const std::set<std::string>& unstrippable() {
    static const std::set<std::string> WORDS = {
        // -ان
        "ساختمان", "سازمان", "عمران", "تهران", "زمان", "استان", "خیابان", "میدان", "ایران", "پایان", "جریان",
        "امکان", "مکان", "بیان", "زیان", "نشان", "دوران", "بحران", "ارزان", "بیمارستان", "شهرستان",
        "دبیرستان", "گلستان", "کاشان", "کرمان", "اصفهان", "همدان", "زنجان", "سمنان", "گیلان", "آبادان",
        "باران", "پیمان", "درمان", "فرمان", "میزان", "ایمان", "انسان", "جوان", "آسمان", "مهمان", "دیوان",
        "گمرکان", "ارکان", "توان", "عنوان", "میهمان", "نگهبان", "پاسبان", "دربان", "بوستان", "کودکستان",
        "دادستان", "خراسان", "کردستان", "لرستان", "خوزستان", "سیستان", "بلوچستان", "مازندران", "هرمزگان",
        "زمستان", "تابستان", "گروگان", "رایگان", "بازرگان", "شایان", "یکسان", "آسان", "امان", "جهان", "دهان",
        "زبان", "پیشخوان", "ترکمان", "پنهان", "آرمان", "گریبان", "بنیان", "سامان", "کیهان",
        // -ات
        "مالیات", "اطلاعات", "انتخابات", "حیات", "ثبات", "صادرات", "واردات", "ملاقات", "مقررات", "خدمات",
        "اوقات", "نجات", "زکات", "صلوات", "سادات", "برات", "کرات", "ذات", "صفات", "قنات", "نبات", "ادبیات",
        "الزامات", "اقدامات",
        // -ین
        "زمین", "ماشین", "تامین", "تعیین", "تضمین", "آیین", "سنگین", "پایین", "معین", "بنزین", "نوین",
        "دوربین", "تدوین", "تمرین", "تحسین", "تزیین", "تکوین", "تلقین", "نگین", "شیرین", "دین", "چنین",
        "همچنین", "بنابراین", "ببین", "آیندگین", "جنین", "یقین", "امین", "تبیین", "حین", "مسکین", "زرین",
        // -تر, -ها
        "دفتر", "کبوتر", "چتر", "اختر", "دختر", "بستر", "دکتر", "فیلتر", "شتر", "کمتر", "بیشتر", "بهتر",
        "تنها", "بها", "رها", "انتها", "ماها"};
    return WORDS;
}

/// Common words ending in a silent ه. Their plural in ات drops it (معامله → معاملات) and their
/// indefinite ای joins it (پرونده‌ای, written پروندهای once ZWNJ is gone): both meet the
/// word again, where a word not listed would lose its ه.
const std::set<std::string>& silentHeWords() {
    static const std::set<std::string> WORDS = {
        "معامله",  "مطالبه",     "مصوبه",   "ملاحظه",    "مکاتبه",   "محاسبه",   "مطالعه",   "مصاحبه",
        "مراجعه",  "مباحثه",     "مذاکره",  "مشاهده",    "مناقصه",   "مزایده",   "مقرره",    "نظریه",
        "اعلامیه", "ابلاغیه",    "بخشنامه", "آییننامه",  "شیوهنامه", "تبصره",    "مرحله",    "منطقه",
        "مصالحه",  "موافقتنامه", "ماده",    "پرونده",    "نامه",     "بودجه",    "برنامه",   "پروانه",
        "لایحه",   "کمیته",      "هزینه",   "وظیفه",     "نقشه",     "محله",     "خانه",     "اجاره",
        "اداره",   "پایه",       "سرمایه",  "بیمه",      "ضابطه",    "رابطه",    "جریمه",    "وثیقه",
        "قطعه",    "عرصه",       "کارخانه", "مغازه",     "طبقه",     "شناسنامه", "اساسنامه", "مقدمه",
        "نتیجه",   "شکایتنامه",  "دادنامه", "اظهارنامه", "نماینده",  "راننده",   "دارنده",   "کوچه",
        "محوطه"};
    return WORDS;
}

/// Broken (Arabic) plurals of the legal vocabulary, which no suffix rule reaches.
const std::map<std::string, std::string>& brokenPlurals() {
    static const std::map<std::string, std::string> WORDS = {
        {"قوانین", "قانون"}, {"مواد", "ماده"},   {"احکام", "حکم"},  {"اموال", "مال"},   {"اراضی", "ارض"},
        {"املاک", "ملک"},    {"اسناد", "سند"},   {"دعاوی", "دعوی"}, {"محاکم", "محکمه"}, {"مراجع", "مرجع"},
        {"ادارات", "اداره"}, {"مقامات", "مقام"}, {"اشخاص", "شخص"},  {"حقوق", "حقوق"},   {"آرا", "رای"}};
    return WORDS;
}

std::size_t letters(const std::string& s) { return utf8Length(s); }

/// `word` without `suffix` when the rest keeps `minStem` letters; "" otherwise.
std::string without(const std::string& word, const std::string& suffix, std::size_t minStem) {
    if (!endsWith(word, suffix)) return "";
    std::string stem = word.substr(0, word.size() - suffix.size());
    return letters(stem) >= minStem ? stem : "";
}

/// One step: the word less its outermost inflection, or the word itself when it has none.
std::string stripOnce(const std::string& word) {
    if (unstrippable().count(word)) return word;
    if (const auto broken = brokenPlurals().find(word); broken != brokenPlurals().end())
        return broken->second;
    // Plural with a possessive: هایشان، هایمان، هایتان، هایش، هایم، هایت.
    for (const char* suffix : {"هایشان", "هایمان", "هایتان", "هایش", "هایم", "هایت"})
        if (auto stem = without(word, suffix, 2); !stem.empty()) return stem;
    // «…های» is a plural (قانونهای), or an indefinite ای on a word in silent ه (پروندهای).
    if (auto stem = without(word, "های", 2); !stem.empty())
        return silentHeWords().count(stem + "ه") ? stem + "ه" : stem;
    if (auto stem = without(word, "ها", 2); !stem.empty()) return stem;
    // A possessive on a silent ه, written with ZWNJ (پرونده‌اش → پروندهاش): back to the
    // ه.
    for (const char* suffix : {"هاش", "هام"})
        if (auto stem = without(word, suffix, 3); !stem.empty()) return stem + "ه";
    // Superlative and comparative: مهم‌ترین → مهمتر → مهم.
    if (auto stem = without(word, "ترین", 2); !stem.empty()) return stem + "تر";
    if (auto stem = without(word, "تر", 3); !stem.empty()) return stem;
    // Plurals in ان: a silent ه became گ (نمایندگان), a vowel took ی (دانشجویان).
    if (auto stem = without(word, "گان", 3); !stem.empty()) return stem + "ه";
    if (auto stem = without(word, "یان", 2); !stem.empty() && (endsWith(stem, "ا") || endsWith(stem, "و")))
        return stem;
    if (auto stem = without(word, "ان", 3); !stem.empty()) return stem;
    if (auto stem = without(word, "ات", 3); !stem.empty())
        return silentHeWords().count(stem + "ه") ? stem + "ه" : stem;
    if (auto stem = without(word, "ین", 4); !stem.empty()) return stem;
    return word;
}

/// The stem: inflections taken off one by one (at most three: plural, possessive, comparative).
std::string stripSuffix(const std::string& word) {
    std::string stem = word;
    for (int i = 0; i < 3; ++i) {
        const std::string next = stripOnce(stem);
        if (next == stem) break;
        stem = next;
    }
    return stem;
}

bool isWordChar(char32_t c) {
    if (c >= '0' && c <= '9') return true;
    if (c >= 'a' && c <= 'z') return true;
    if (c >= 0x0620 && c <= 0x064A) return true;  // Arabic letters
    if (c >= 0x0671 && c <= 0x06D3) return true;  // Persian letters (پ چ ژ گ ک ی …)
    if ((c >= 0x06F0 && c <= 0x06F9) || (c >= 0x0660 && c <= 0x0669)) return true;  // digits
    return c >= 0x00C0 && c < 0x0600 && c != 0x00D7 && c != 0x00F7;  // Latin and others with letters
}

/// The words of an already normalised text (split on anything that is not a letter or digit).
std::vector<std::string> words(const std::string& normalised) {
    std::vector<std::string> out;
    std::string current;
    std::size_t pos = 0;
    while (pos < normalised.size()) {
        char32_t c = 0;
        const std::size_t start = pos;
        if (!decodeUtf8(normalised, pos, c)) {
            pos = start + 1;
            c = ' ';
        }
        if (isWordChar(c)) {
            current.append(normalised, start, pos - start);
        } else if (!current.empty()) {
            out.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) out.push_back(std::move(current));
    return out;
}

}  // namespace

std::string searchStem(const std::string& word) {
    if (word.empty() || stopWords().count(word)) return "";
    std::string stem = stripSuffix(word);
    if (stem.size() > 60) {  // index keys stay short: a longer word is cut at a character boundary
        std::size_t pos = 0, keep = 0;
        char32_t c = 0;
        while (pos < stem.size() && decodeUtf8(stem, pos, c) && pos <= 60) keep = pos;
        stem.resize(keep);
    }
    return stopWords().count(stem) ? "" : stem;
}

std::vector<std::string> searchTerms(const std::string& text) {
    std::vector<std::string> out;
    for (const std::string& w : words(normalizePersian(text)))
        if (std::string stem = searchStem(w); !stem.empty()) out.push_back(std::move(stem));
    return out;
}

std::vector<TermWeight> documentTerms(const std::string& title, const std::string& body) {
    std::map<std::string, int> frequency;
    int length = 0;
    for (const auto& t : searchTerms(title)) frequency[t] += 3, length += 1;
    for (const auto& t : searchTerms(body)) frequency[t] += 1, length += 1;
    std::vector<TermWeight> out;
    out.reserve(frequency.size());
    const double norm = K1 * (1 - B + B * length / AVERAGE_LENGTH);
    for (const auto& [term, tf] : frequency)
        out.push_back({term, static_cast<std::int64_t>(std::lround(1000.0 * tf * (K1 + 1) / (tf + norm)))});
    return out;
}

double inverseDocumentFrequency(std::int64_t df) {
    const double n = static_cast<double>(std::max<std::int64_t>(df, 1));
    return std::log(1.0 + (CORPUS - n + 0.5) / (n + 0.5));
}

std::string searchSnippet(const std::string& text, const std::vector<std::string>& stems,
                          std::size_t maxChars) {
    // Walk the original text word by word, comparing each word's stem, so the snippet shows what the
    // user wrote (ZWNJ, Arabic letters and all) while matching on the normalised form.
    // The words' places first (cheap); whether a word matches costs its normalised stems, so it is
    // decided only for the words read up to the first match and those shown, and once per spelling.
    struct Span {
        std::size_t begin, end;
    };
    std::vector<Span> spans;
    std::size_t pos = 0, wordStart = std::string::npos;
    const auto close = [&](std::size_t end) {
        if (wordStart == std::string::npos) return;
        spans.push_back({wordStart, end});
        wordStart = std::string::npos;
    };
    while (pos < text.size()) {
        const std::size_t start = pos;
        char32_t c = 0;
        if (!decodeUtf8(text, pos, c)) pos = start + 1, c = ' ';
        // ZWNJ, diacritics and tatweel belong to the word around them.
        const bool inWord =
            isWordChar(c) || c == 0x200C || (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640;
        if (inWord) {
            if (wordStart == std::string::npos) wordStart = start;
        } else {
            close(start);
        }
    }
    close(text.size());

    std::unordered_map<std::string_view, bool> matches;
    const auto hit = [&](const Span& span) {
        const std::string_view word(text.data() + span.begin, span.end - span.begin);
        const auto [it, added] = matches.try_emplace(word, false);
        if (added)
            for (const std::string& w : words(normalizePersian(std::string(word))))
                if (std::find(stems.begin(), stems.end(), searchStem(w)) != stems.end()) it->second = true;
        return it->second;
    };
    std::size_t first = 0;
    for (std::size_t i = 0; i < spans.size(); ++i)
        if (hit(spans[i])) {
            first = i;
            break;
        }
    // Start a few words before the first match.
    const std::size_t from = first >= 6 ? first - 6 : 0;
    std::string out = from > 0 ? "… " : "";
    std::size_t cursor = from < spans.size() ? spans[from].begin : 0;
    std::size_t shown = 0;
    for (std::size_t i = from; i < spans.size() && shown < maxChars; ++i) {
        out += htmlEscape(text.substr(cursor, spans[i].begin - cursor));
        const std::string word = text.substr(spans[i].begin, spans[i].end - spans[i].begin);
        out += hit(spans[i]) ? "<mark>" + htmlEscape(word) + "</mark>" : htmlEscape(word);
        shown += utf8Length(text.substr(cursor, spans[i].end - cursor));
        cursor = spans[i].end;
        if (shown >= maxChars && i + 1 < spans.size()) out += " …";
    }
    return out;
}

std::string provisionKey(const Provision& p) {
    // The law's words as the search index sees them (stems, no stop words), so that
    // «شهرداری‌ها», «شهرداریها» and «شهرداری ها» in a law's name are one
    // key too.
    std::string law;
    for (const std::string& w : words(normalizePersian(p.law)))
        if (const std::string stem = searchStem(w); !stem.empty()) law += (law.empty() ? "" : "_") + stem;
    std::vector<std::string> article = words(normalizePersian(p.article));
    if (!article.empty()) {
        std::string& first = article.front();
        for (const std::string prefix : {"ماده", "مواد", "م"})
            if (first.rfind(prefix, 0) == 0) {
                first = first.substr(prefix.size());  // «ماده۱۰۰» written together, or the word alone
                break;
            }
        if (first.empty()) article.erase(article.begin());
    }
    std::string key = law;
    if (!article.empty()) {
        key += ":";
        for (std::size_t i = 0; i < article.size(); ++i) key += (i ? "_" : "") + article[i];
    }
    return key;
}

std::string provisionKeyOf(const std::string& text) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) return provisionKey(parseProvisionReference(text));
    std::string law = text.substr(0, colon);
    std::replace(law.begin(), law.end(), '_', ' ');
    std::string article = text.substr(colon + 1);
    std::replace(article.begin(), article.end(), '_', ' ');
    return provisionKey({law, article});
}

Provision parseProvisionReference(const std::string& text) {
    const std::vector<std::string> all = words(normalizePersian(text));
    for (std::size_t i = 1; i < all.size(); ++i)
        if (all[i] == "ماده" || all[i] == "م" || all[i] == "مواد") {
            Provision p;
            for (std::size_t j = 0; j < i; ++j) p.law += (j ? " " : "") + all[j];
            for (std::size_t j = i; j < all.size(); ++j) p.article += (j > i ? " " : "") + all[j];
            return p;
        }
    Provision p;
    for (std::size_t j = 0; j < all.size(); ++j) p.law += (j ? " " : "") + all[j];
    return p;
}

std::string courtKey(const std::string& court) {
    // People write a court's name with a space, a ZWNJ or nothing between its words: none of it counts.
    std::string key = normalizePersian(court);
    std::erase(key, ' ');
    return key;
}

IndexedText gapIndexText(const std::string& title, const std::string& description) {
    return {title, description};
}

IndexedText draftIndexText(const std::string& text, const std::string& rationale) {
    return {"", text + "\n" + rationale};
}

IndexedText rulingIndexText(const std::string& court, const std::string& summary,
                            const std::string& fullText) {
    return {court + " " + summary, fullText};
}

IndexedText opinionIndexText(const std::string& title, const std::string& question,
                             const std::string& answer) {
    return {title, question + "\n" + answer};
}

IndexedText precedentIndexText(const Provision& provision, const std::string& question,
                               const std::vector<std::string>& arguments) {
    std::string body = provision.law + " " + provision.article;
    for (const std::string& a : arguments) body += "\n" + a;
    return {question, body};
}

}  // namespace lacuna
