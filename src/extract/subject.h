// The subject of a document: the place it reports on. From its title and opening lines
// (杜集区2025年…, 关于古交市…, 安徽宿州:…), else the region the text names most often; the
// dictionaries add aliases and kinds but a place in no dictionary is still found by its form
// (…市, …区, …县, …旗, …经济开发区 …).
#pragma once

#include <map>
#include <optional>
#include <string>

#include "engine/dictionary.h"
#include "src/extract/document.h"
#include "src/extract/phrase_matcher.h"

namespace kaohe {

// Finds the subject from a document's lines, given one at a time in order.
class SubjectFinder {
 public:
  SubjectFinder(const Dictionary& dictionary, const PhraseMatcher& entities)
      : dictionary_(dictionary), entities_(entities) {}
  void Add(const DocumentLine& line);
  // Empty when no subject can be found.
  std::string Subject() const;

 private:
  std::optional<std::string> FromOpeningLine(std::u32string_view text);
  void Count(std::u32string_view text);

  const Dictionary& dictionary_;
  const PhraseMatcher& entities_;
  int seen_ = 0;  // non-empty lines read for the opening
  std::optional<std::string> found_;
  const Entity* province_ = nullptr;
  std::map<std::string, int> counts_;
  std::map<std::string, bool> local_;
};

// Empty when no subject can be found.
std::string FindSubject(const Document& doc, const Dictionary& dictionary,
                        const PhraseMatcher& entities);

// A place name by its form at [begin, end) of text: the suffix is one of the genre's (市, 区,
// 县, 旗, 经济开发区, 经开区, 高新区 …) and what precedes it is 2-8 characters of a name.
// Returns the name's begin, or -1.
int PlaceNameBefore(std::u32string_view text, std::size_t suffix_end);

// Suffixes of place names, longest first.
const std::vector<std::u32string>& PlaceSuffixes();

}  // namespace kaohe
