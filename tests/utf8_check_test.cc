// FindInvalidUtf8 answers for valid text with a vectorised check and walks bytes only for
// invalid text: both must agree with ICU on what UTF-8 is, and name the first bad byte.
#include <doctest/doctest.h>
#include <unicode/utf8.h>

#include <random>
#include <string>

#include "src/load/file_reader.h"

namespace kaohe {
namespace {

// ICU's reading of the bytes: the offset of the first ill-formed sequence, or npos.
std::size_t IcuFirstInvalid(const std::string& s) {
  const auto* bytes = reinterpret_cast<const uint8_t*>(s.data());
  int32_t length = static_cast<int32_t>(s.size());
  int32_t i = 0;
  while (i < length) {
    int32_t start = i;
    UChar32 c;
    U8_NEXT(bytes, i, length, c);
    if (c < 0) return static_cast<std::size_t>(start);
  }
  return std::string::npos;
}

}  // namespace

TEST_CASE("FindInvalidUtf8 agrees with ICU on valid and invalid text, byte for byte") {
  std::mt19937 random(20261122);
  // Pieces of real text and the classic ill-formed sequences (overlong, surrogate, above
  // U+10FFFF, lone continuation, truncated, never valid), joined at random.
  const std::string valid[] = {"合成县00001",      "规上工业企业", "abc",    "{\"value\":1}",
                               "\xF0\x9F\x98\x80", "\r\n",         "增长5%", std::string(70, 'x')};
  const std::string invalid_pieces[] = {
      "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\x80", "\xE6\x88", "\xFF"};
  int invalid = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    int count = static_cast<int>(random() % 12);
    for (int i = 0; i < count; ++i) {
      // Mostly valid pieces, so that long valid runs and late errors are both common.
      if (random() % 100 < 95) {
        s += valid[random() % std::size(valid)];
      } else {
        s += invalid_pieces[random() % std::size(invalid_pieces)];
      }
    }
    std::size_t expected = IcuFirstInvalid(s);
    REQUIRE_MESSAGE(FindInvalidUtf8(s) == expected, s);
    if (expected != std::string::npos) ++invalid;
  }
  CHECK(invalid > 1000);
  CHECK(invalid < 19000);
}

}  // namespace kaohe
