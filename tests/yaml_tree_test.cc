#include "engine/yaml_tree.h"

#include <doctest/doctest.h>
#include <malloc.h>
#include <yaml-cpp/yaml.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

namespace kaohe::internal {
namespace {

std::string ReadAll(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// Where `mine` and yaml-cpp's `theirs` differ (type, text, tag, position, children in order),
// or nothing. `budget` bounds the walk: aliases can make a small file a huge or cyclic graph.
std::optional<std::string> Difference(const YamlNode& mine, const YAML::Node& theirs,
                                      const std::string& path, int depth, long& budget) {
  if (depth > 64 || --budget < 0) return std::nullopt;
  auto differ = [&](const std::string& what) { return path + ": " + what; };
  if (mine.IsDefined() != theirs.IsDefined()) return differ("defined");
  if (!mine.IsDefined()) return std::nullopt;
  if (mine.IsNull() != theirs.IsNull() || mine.IsScalar() != theirs.IsScalar() ||
      mine.IsSequence() != theirs.IsSequence() || mine.IsMap() != theirs.IsMap()) {
    return differ("type");
  }
  if (mine.Scalar() != (theirs.IsScalar() ? theirs.Scalar() : "")) return differ("scalar");
  if (mine.Tag() != theirs.Tag()) return differ("tag '" + mine.Tag() + "' '" + theirs.Tag() + "'");
  if (mine.Mark().line != theirs.Mark().line || mine.Mark().column != theirs.Mark().column) {
    return differ("mark");
  }
  if (mine.size() != theirs.size()) return differ("size");
  if (mine.IsSequence()) {
    for (std::size_t i = 0; i < mine.size(); ++i) {
      if (auto d =
              Difference(mine[i], theirs[i], path + "/" + std::to_string(i), depth + 1, budget))
        return d;
    }
  }
  if (mine.IsMap()) {
    auto their_entry = theirs.begin();
    for (const auto& entry : mine) {
      const std::string at = path + "/" + entry.first.Scalar();
      if (auto d = Difference(entry.first, their_entry->first, at + "(key)", depth + 1, budget))
        return d;
      if (auto d = Difference(entry.second, their_entry->second, at, depth + 1, budget)) return d;
      ++their_entry;
    }
  }
  return std::nullopt;
}

// Parses `text` both ways and checks the trees agree, or that both refuse it at one place.
void CheckSameAsYamlCpp(const std::string& text, const std::string& name) {
  INFO(name);
  std::optional<YAML::Node> theirs;
  std::optional<YAML::Mark> their_error;
  try {
    theirs = YAML::Load(text);
  } catch (const YAML::Exception& e) {
    their_error = e.mark;
  }
  YamlDocument document;
  std::optional<YamlNode> mine;
  std::optional<YAML::Mark> my_error;
  try {
    // yaml-cpp has no limits but its parser's recursion (a cycle is refused as too deep).
    mine = document.Parse(
        text, {.max_depth = 100'000, .max_nodes = UINT64_MAX, .max_scalar_bytes = UINT64_MAX});
  } catch (const YAML::Exception& e) {
    my_error = e.mark;
  }
  REQUIRE(their_error.has_value() == my_error.has_value());
  if (their_error) {
    CHECK(their_error->line == my_error->line);
    CHECK(their_error->column == my_error->column);
    return;
  }
  long budget = 100'000;
  auto difference = Difference(*mine, *theirs, "", 0, budget);
  CHECK_MESSAGE(!difference, difference.value_or(""));
}

}  // namespace

TEST_CASE("YamlDocument: scalars, sequences and mappings with yaml-cpp's tags and positions") {
  YamlDocument document;
  YamlNode root = document.Parse(
      "name: 杜集区\n"
      "quoted: \"7\"\n"
      "list: [a, b]\n"
      "empty:\n"
      "tilde: ~\n");
  REQUIRE(root.IsMap());
  CHECK(root.size() == 5);
  CHECK(root["name"].Scalar() == "杜集区");
  CHECK(root["name"].Tag() == "?");
  CHECK(root["quoted"].Tag() == "!");
  CHECK(root["quoted"].Mark().line == 1);
  CHECK(root["quoted"].Mark().column == 8);
  CHECK(root["list"].IsSequence());
  CHECK(root["list"].size() == 2);
  CHECK(root["list"][1].Scalar() == "b");
  CHECK_FALSE(root["list"][2]);  // past the end
  CHECK(root["empty"].IsNull());
  CHECK(root["tilde"].IsNull());
  CHECK_FALSE(root["absent"]);
  CHECK_FALSE(root["name"]["inner"]);  // a scalar has no keys
  CHECK(root["absent"].Scalar().empty());
  CHECK(root["absent"].size() == 0);

  std::vector<std::string> keys;
  for (const auto& entry : root) {
    CHECK_FALSE(entry.IsDefined());  // an entry is its key and value
    keys.push_back(entry.first.Scalar());
  }
  CHECK(keys == std::vector<std::string>{"name", "quoted", "list", "empty", "tilde"});
  std::string items;
  for (const auto& item : root["list"]) items += item.Scalar();
  CHECK(items == "ab");
}

TEST_CASE("YamlDocument: a repeated key finds its first value; an alias is the anchored node") {
  YamlDocument document;
  YamlNode root = document.Parse("a: 1\na: 2\nbase: &b {k: v}\nuse: *b\n");
  CHECK(root.size() == 4);
  CHECK(root["a"].Scalar() == "1");
  CHECK(root["use"]["k"].Scalar() == "v");
  CHECK(root["use"].Mark().line == root["base"].Mark().line);  // the same node
}

TEST_CASE("YamlDocument: only the first document is read; a syntax error throws with its place") {
  YamlDocument first;
  CHECK(first.Parse("a: 1\n---\nb: [\n")["a"].Scalar() == "1");
  YamlDocument none;
  CHECK(none.Parse("").IsNull());
  YamlDocument broken;
  try {
    broken.Parse("a: 1\nb: [x, y\n");
    FAIL("no exception");
  } catch (const YAML::Exception& e) {
    CHECK(e.mark.line >= 1);
  }
}

// The limit a parse of `text` crosses and where, or nothing when it stays within `limits`.
std::optional<std::pair<YamlLimitExceeded::Limit, YamlMark>> Crossed(const std::string& text,
                                                                     const YamlLimits& limits) {
  YamlDocument document;
  try {
    document.Parse(text, limits);
  } catch (const YamlLimitExceeded& e) {
    return std::pair(e.limit(), e.mark());
  }
  return std::nullopt;
}

TEST_CASE(
    "YamlDocument: an alias counts what it names, and the one that crosses a limit is named") {
  const std::string text = "big: &b \"" + std::string(1000, 'x') + "\"\nuse: [*b, *b, *b, *b]\n";
  CHECK_FALSE(Crossed(text, {.max_scalar_bytes = 6000}));
  auto crossed = Crossed(text, {.max_scalar_bytes = 3500});
  REQUIRE(crossed);
  CHECK(crossed->first == YamlLimitExceeded::Limit::kScalarBytes);
  CHECK(crossed->second.line == 1);
  CHECK(crossed->second.column == 14);  // the third *b: 1000 + 3 keys + 3 × 1000 > 3500

  // A collection of aliases counts everything below it at each use ("billion laughs").
  const std::string laughs = "a: &a [x, x, x]\nb: &b [*a, *a, *a]\nc: [*b, *b, *b]\n";
  CHECK_FALSE(Crossed(laughs, {.max_nodes = 100}));
  auto nodes = Crossed(laughs, {.max_nodes = 40});
  REQUIRE(nodes);
  CHECK(nodes->first == YamlLimitExceeded::Limit::kNodes);
  CHECK(nodes->second.line == 2);
}

TEST_CASE("YamlDocument: nesting is refused at the first node too deep, aliases included") {
  std::string deep;
  for (int i = 0; i < 3000; ++i) deep += std::string(i, ' ') + "k:\n";
  auto crossed = Crossed(deep, {.max_depth = 64});
  REQUIRE(crossed);
  CHECK(crossed->first == YamlLimitExceeded::Limit::kDepth);
  CHECK(crossed->second.line == 63);  // the key of the 64th mapping is the 65th level

  // x is 5 deep under a, and 7 deep where b's *a repeats it.
  const std::string aliases = "a: &a [[[x]]]\nb: [[*a]]\n";
  auto aliased = Crossed(aliases, {.max_depth = 6});
  REQUIRE(aliased);
  CHECK(aliased->first == YamlLimitExceeded::Limit::kDepth);
  CHECK(aliased->second.line == 1);
  CHECK_FALSE(Crossed(aliases, {.max_depth = 7}));
  // An alias inside the collection it names.
  auto cycle = Crossed("a: &a [x, *a]\n", {});
  REQUIRE(cycle);
  CHECK(cycle->first == YamlLimitExceeded::Limit::kDepth);
}

TEST_CASE("YamlDocument: nodes made after reading keep their place and leave the read ones alone") {
  YamlDocument document;
  YamlNode root = document.Parse("k: v\n");
  const std::string& text = root["k"].Scalar();
  std::vector<YamlNode> made;
  for (int i = 0; i < 1000; ++i) made.push_back(document.AddScalar(std::to_string(i), {3, 4}));
  CHECK(text == "v");  // still a valid reference
  YamlNode list = document.AddSequence(made, {1, 2});
  CHECK(list.size() == 1000);
  CHECK(list[999].Scalar() == "999");
  CHECK(list[999].Tag().empty());  // reads as a plain scalar would
  CHECK(list.Mark().line == 1);
  std::vector<YamlNode> entries = {document.AddScalar("key", {}), list};
  YamlNode map = document.AddMap(entries, {});
  CHECK(map["key"][0].Scalar() == "0");
  CHECK(document.AddEmptyMap().IsMap());
  CHECK(document.AddEmptyMap().Mark().line == -1);
}

TEST_CASE("YamlDocument reads every bundled YAML file as yaml-cpp's YAML::Load does") {
  int files = 0;
  for (const char* dir : {"rules", "fixtures", "tests/hostile", "tests/fuzz"}) {
    for (const auto& entry :
         std::filesystem::recursive_directory_iterator(std::string(KAOHE_SOURCE_DIR) + "/" + dir)) {
      if (entry.path().extension() != ".yaml") continue;
      CheckSameAsYamlCpp(ReadAll(entry.path()), entry.path().string());
      ++files;
    }
  }
  CHECK(files >= 20);  // that the walk found the bundled files, not how many cases there are
}

TEST_CASE("YamlDocument reads awkward YAML as yaml-cpp does") {
  const char* texts[] = {
      "",
      "# only a comment\n",
      "plain\n",
      "- a\n- - b\n  - c\n- {x: 1, y: [2, 3]}\n",
      "? [complex, key]\n: value\n",
      "a: &x 1\nb: *x\nc: &x 2\nd: *x\n",
      "a: !!str 5\nb: !custom {k: v}\nc: !!int '7'\n",
      "text: |\n  two\n  lines\nfolded: >\n  one\n  line\n",
      "a: 'it''s'\nb: \"\\u6D4B\\n\"\n",
      "a: null\nb: Null\nc: ~\nd:\n",
      "a: [1, 2\n",
      "a: *missing\n",
      "- a\nb: c\n",
      "\xEF\xBB\xBF"
      "bom: 1\n",
      "a: 1\n---\nb: 2\n",
  };
  for (const char* text : texts) CheckSameAsYamlCpp(text, text);
}

#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
TEST_CASE("YamlDocument: a dictionary of 3,000 entities takes a few times its text, not 50") {
  std::string text = "entities:\n";
  for (int i = 0; i < 3000; ++i) {
    text += "  - {name: 合成县" + std::to_string(10000 + i) + ", kind: county, parent: 合成省}\n";
  }
  // What malloc hands out from its heap and as blocks of their own (mmap): which of the two a
  // large block comes from depends on the blocks freed before, so by the tests run earlier.
  auto in_use = [] {
    const struct mallinfo2 info = mallinfo2();
    return info.uordblks + info.hblkhd;
  };
  const std::size_t before = in_use();
  YamlDocument document;
  YamlNode root = document.Parse(text);
  const std::size_t used = in_use() - before;
  CHECK(root["entities"].size() == 3000);
  // yaml-cpp's own tree took 55 times the text for such a file; this one takes about 8, the
  // arrays' room for growth included.
  CHECK(used < 10 * text.size());
}
#endif

}  // namespace kaohe::internal
