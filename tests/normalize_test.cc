#include "src/text/normalize.h"

#include <doctest/doctest.h>
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace kaohe {

TEST_CASE("NFKC folds full-width forms; ICU's edits map every result back") {
  NormalizedLine n = NormalizeLine("增长１２．５％");
  CHECK(ToUtf8(n.text) == "增长12.5%");
  REQUIRE(n.original.size() == n.text.size() + 1);
  CHECK(n.original[2] == 2);  // '1' came from '１' at code point 2
  CHECK(n.original[6] == 6);  // '%' came from '％'
  CHECK(n.OriginalEnd(n.text.size()) == 7);
}

TEST_CASE("spaces PDF conversion put inside Chinese text are removed; others kept") {
  NormalizedLine a = NormalizeLine("国民经济和社会 发展计划");
  CHECK(ToUtf8(a.text) == "国民经济和社会发展计划");
  CHECK(a.original[7] == 8);  // 发 stood after the space
  // NFKC folds the full-width comma to ASCII; the space beside Chinese text goes.
  CHECK(ToUtf8(NormalizeLine("工业项目26个， 完成市级任务104%").text) ==
        "工业项目26个,完成市级任务104%");
  CHECK(ToUtf8(NormalizeLine("Using 3D  CAD").text) == "Using 3D CAD");
  CHECK(ToUtf8(NormalizeLine("  7 以上 ").text) == "7以上");
  CHECK(ToUtf8(NormalizeLine("四百 点 五").text) == "四百点五");
}

TEST_CASE("a span of the normalised text maps to its span in the original line") {
  NormalizedLine n = NormalizeLine("金额 １,２００ 万元");
  std::u32string t = n.text;
  CHECK(ToUtf8(t) == "金额1,200万元");
  // "1,200万元" is [2, 9) normalised; in the original it is [3, 11).
  CHECK(n.OriginalBegin(2) == 3);
  CHECK(n.OriginalEnd(9) == 11);
}

TEST_CASE("the fast NFKC map agrees with ICU for every character it handles") {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfkc = icu::Normalizer2::getNFKCInstance(status);
  REQUIRE(U_SUCCESS(status));
  int handled = 0;
  for (char32_t c = 1; c < 0x10000; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    char32_t fast = FastNfkc(c);
    if (fast == 0) continue;
    ++handled;
    icu::UnicodeString normalized =
        nfkc->normalize(icu::UnicodeString(static_cast<UChar32>(c)), status);
    REQUIRE(U_SUCCESS(status));
    CAPTURE(static_cast<int>(c));
    CHECK(normalized.length() == 1);
    CHECK(static_cast<char32_t>(normalized.char32At(0)) == fast);
  }
  CHECK(handled > 20000);
}

TEST_CASE("lines on the fast path and through ICU normalise alike") {
  // The second line holds ﬁ (U+FB01), which sends it through ICU.
  NormalizedLine fast = NormalizeLine("增长１２％，“十四五”——完成");
  NormalizedLine icu = NormalizeLine("增长１２％，“十四五”——完成\uFB01");
  std::u32string expected = U"增长12%,“十四五”——完成";
  CHECK(fast.text == expected);
  CHECK(icu.text == expected + U"fi");
  CHECK(std::vector<int>(icu.original.begin(), icu.original.begin() + 15) ==
        std::vector<int>(fast.original.begin(), fast.original.begin() + 15));
}

TEST_CASE("a private-use character keeps a line on the fast path and is dropped") {
  NormalizedLine pua = NormalizeLine("\uE004增长\u00A012%");
  CHECK(pua.text == U"增长12%");  // the no-break space beside a Chinese character goes too
  CHECK(pua.original == std::vector<int>{1, 2, 4, 5, 6, 7});
}

TEST_CASE("ill-formed UTF-8 is never decoded as a character") {
  // An encoded surrogate (ED A0 80) and a three-byte sequence cut short by the line's end.
  NormalizedLine surrogate = NormalizeLine("增\xED\xA0\x80长");
  CHECK(surrogate.text.find(U'\xD800') == std::u32string::npos);
  CHECK(surrogate.text.front() == U'增');
  CHECK(surrogate.text.back() == U'长');
  NormalizedLine cut = NormalizeLine("增\xE5\xA2");
  CHECK(cut.text.front() == U'增');
  CHECK(cut.text.find(U'墢') == std::u32string::npos);
}

}  // namespace kaohe
