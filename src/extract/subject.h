// The subject of a document: the place it reports on. From its title and opening lines
// (杜集区2025年…, 关于古交市…, 安徽宿州:…, 2024年，西安市雁塔区这样干), else the region the text
// names most often. Known names (the dictionaries, national.yaml among them) beat guesses by a
// name's form; a compound name is its most specific part (广州市天河区 → 天河区); a name several
// places share (朝阳区) is decided by the other places the document names, else no subject and
// the candidates are reported. A place in no dictionary is still found by its form (…市, …区,
// …县, …旗, …经济开发区 …), never across a verb, a title or a person (我代表市人民政府).
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "engine/dictionary.h"
#include "src/extract/document.h"
#include "src/extract/phrase_matcher.h"

namespace kaohe {

// A place named in text: one entity, or a shared alias (dictionary.shared_aliases()[shared])
// whose entity is not decided by the text alone.
struct PlaceMention {
  std::size_t begin = 0;  // code points, end exclusive
  std::size_t end = 0;
  const Entity* entity = nullptr;
  int shared = -1;
};

// The places `entities` (ids index dictionary.entities()) and `shared` (ids index
// dictionary.shared_aliases()) find in text, leftmost-longest, with a compound name (广州市
// 天河区, 浙江省宁波市鄞州区) taken as its most specific part spanning the whole.
std::vector<PlaceMention> FindPlaces(const Dictionary& dictionary, const PhraseMatcher& entities,
                                     const PhraseMatcher& shared, std::u32string_view text);

// The one entity of `candidates` that the context decides: the one that is a context entity,
// has one as an ancestor or as a sibling (the same parent, or both provinces), when no other
// candidate does.
// Else nullptr.
const Entity* DecideShared(const Dictionary& dictionary, const std::vector<std::size_t>& candidates,
                           const std::vector<const Entity*>& context);

// Finds the subject from a document's lines, given one at a time in order.
class SubjectFinder {
 public:
  SubjectFinder(const Dictionary& dictionary, const PhraseMatcher& entities,
                const PhraseMatcher& shared)
      : dictionary_(dictionary), entities_(entities), shared_(shared) {}
  void Add(const DocumentLine& line);
  // Empty when no subject can be found, or two are equally likely.
  std::string Subject() const;
  // When Subject() is empty: the places it could not choose between (may be empty).
  std::vector<std::string> Candidates() const;

 private:
  void FromOpeningLine(std::u32string_view text);
  void Count(std::u32string_view text);
  std::vector<const Entity*> Context() const;
  const Entity* CountyByShortName(std::u32string_view t, std::size_t begin, std::size_t end) const;

  const Dictionary& dictionary_;
  const PhraseMatcher& entities_;
  const PhraseMatcher& shared_;
  int seen_ = 0;                      // non-empty lines read for the opening
  const Entity* opening_ = nullptr;   // the first place the opening lines name
  int opening_shared_ = -1;           // …or the shared alias they name first
  std::optional<std::string> guess_;  // a place in no dictionary, by its form
  const Entity* province_ = nullptr;
  std::set<std::size_t> named_;  // every entity the text names, for deciding shared aliases
  std::map<std::string, int> counts_;
  std::map<std::string, bool> local_;
};

// Empty when no subject can be found.
std::string FindSubject(const Document& doc, const Dictionary& dictionary,
                        const PhraseMatcher& entities, const PhraseMatcher& shared);

// A place name by its form at [begin, end) of text: the suffix is one of the genre's (市, 区,
// 县, 旗, 经济开发区, 经开区, 高新区 …) and what precedes it is 2-8 characters of a name, which
// never includes a function word, a verb of the genre (代表, 审议, 召开), a title (区长, 主任)
// or what precedes them. Returns the name's begin, or -1.
int PlaceNameBefore(std::u32string_view text, std::size_t suffix_end);

// The name of a zone found by its form: the dictionary's when it knows the name or its long
// form (合肥高新区, 某某经开区 for 某某经济技术开发区 or 某某经济开发区), else the long form of
// 高新区, the genre's short name of 高新技术产业开发区 (镇江高新区 → 镇江高新技术产业开发区),
// else the name as written.
std::string ZoneNameByForm(const Dictionary& dictionary, std::u32string_view name);

// Suffixes of place names, longest first.
const std::vector<std::u32string>& PlaceSuffixes();

}  // namespace kaohe
