#include <catch2/catch.hpp>

#include "PersianText.h"

using namespace lacuna;

TEST_CASE("normalisation makes ZWNJ and joined spellings meet", "[unit][persian]") {
    CHECK(normalizePersian("شهرداری\u200Cها") == normalizePersian("شهرداریها"));
    CHECK(normalizePersian("می\u200Cشود") == "میشود");
}

TEST_CASE("normalisation turns Arabic letters into Persian ones", "[unit][persian]") {
    CHECK(normalizePersian("كيفيت") == "کیفیت");                // Arabic kaf and yeh
    CHECK(normalizePersian("مدرسة") == "مدرسه");                // teh marbuta
    CHECK(normalizePersian("خانۀ") == "خانه");                  // heh with yeh above
    CHECK(normalizePersian("أحكام إجرائي") == "احکام اجرائی");  // yeh with hamza stays
    CHECK(normalizePersian("مسئول") == "مسئول");                // yeh with hamza is a letter of its own
}

TEST_CASE("normalisation removes diacritics and tatweel", "[unit][persian]") {
    CHECK(normalizePersian("قَانُونٌ") == "قانون");
    CHECK(normalizePersian("قـــانون") == "قانون");
    CHECK(normalizePersian("اللّه") == "الله");
}

TEST_CASE("normalisation turns Persian and Arabic-Indic digits into ASCII", "[unit][persian]") {
    CHECK(normalizePersian("ماده ۱۰۰") == "ماده 100");
    CHECK(normalizePersian("٤٥٦") == "456");
    CHECK(normalizePersian("۱۴۰۵/۰۹/۰۵") == "1405/09/05");
}

TEST_CASE("normalisation folds white space and case", "[unit][persian]") {
    CHECK(normalizePersian("  قانون \t\n  شهرداری  ") == "قانون شهرداری");
    CHECK(normalizePersian("قانون\u00A0شهرداری") == "قانون شهرداری");
    CHECK(normalizePersian("\u200Fقانون\u200E") == "قانون");
    CHECK(normalizePersian("Article ABC") == "article abc");
    CHECK(normalizePersian("") == "");
    CHECK(normalizePersian(" \u200C ") == "");
}

TEST_CASE("UTF-8 validation refuses malformed sequences", "[unit][persian]") {
    CHECK(isValidUtf8("شهرداری تهران"));
    CHECK(isValidUtf8("plain"));
    CHECK(isValidUtf8("\xF0\x9F\x98\x80"));        // U+1F600
    CHECK_FALSE(isValidUtf8("\xC0\xAF"));          // overlong '/'
    CHECK_FALSE(isValidUtf8("\xED\xA0\x80"));      // a surrogate
    CHECK_FALSE(isValidUtf8("\xF4\x90\x80\x80"));  // above U+10FFFF
    CHECK_FALSE(isValidUtf8("\xD8"));              // truncated
    CHECK_FALSE(isValidUtf8("\xFF"));
    CHECK(utf8Length("شهر") == 3);
}
