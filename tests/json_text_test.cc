// The streaming JSON writer must agree byte for byte with nlohmann::json, which reads kaohe's
// reports back (baselines) and which earlier reports were written with; and rendering on several
// threads must give the same text as rendering on one.
#include "src/report/json_text.h"

#include <doctest/doctest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>

#include "engine/finding_list.h"
#include "src/report/fact_json.h"
#include "src/report/render_in_order.h"
#include "tests/test_support.h"

namespace kaohe {
namespace {

// nlohmann's reading of the text, written back by nlohmann.
std::string Redumped(const std::string& text) { return nlohmann::ordered_json::parse(text).dump(); }

}  // namespace

TEST_CASE("JSON strings and numbers are written as nlohmann::json writes them") {
  std::string controls;
  for (int c = 0; c < 0x20; ++c) controls += static_cast<char>(c);
  for (std::string text : {std::string("杜集区"), std::string("say \"hi\" \\ now"), controls,
                           std::string("tab\tnew\nline\x7f"), std::string()}) {
    std::string out;
    AppendJsonString(out, text);
    CHECK(out == nlohmann::json(text).dump());
  }
  std::mt19937_64 random(7);
  // Strings of every length up to 40, where the character that needs escaping (if any) falls
  // at every position of the eight-byte words the writer scans.
  const std::string pieces[] = {"a", "甲", "\"", "\\", "\n", "\x01", "\x1f", " ", "~", "\x7f"};
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    std::size_t length = random() % 40;
    while (text.size() < length) text += pieces[random() % (i % 2 ? 10 : 2)];
    std::string out;
    AppendJsonString(out, text);
    REQUIRE(out == nlohmann::json(text).dump());
    // The same text as a Name, whose escaping is known from when it was interned.
    std::string as_name;
    JsonRun(as_name, 0).NameText(Name(text));
    REQUIRE(as_name == out);
  }
  // One byte to escape, alone among plain ones, at every position of every length up to 48:
  // each kind of byte must be found by itself, wherever the scan's words or vectors fall.
  for (char special : {'"', '\\', '\n', '\x1f', '\0'}) {
    for (std::size_t length = 1; length <= 48; ++length) {
      for (std::size_t at = 0; at < length; ++at) {
        std::string text(length, 'a');
        text[at] = special;
        std::string out;
        AppendJsonString(out, text);
        REQUIRE(out == nlohmann::json(text).dump());
      }
    }
  }
  // Long strings, plain and escaped, as the one long quote of a fact: room is made exactly for a
  // plain one and six bytes a byte for an escaped one; several in one run make it grow.
  for (std::size_t length : {255, 256, 257, 4096, 100000}) {
    for (const char* piece : {"a", "甲", "a\n"}) {
      std::string text;
      while (text.size() < length) text += piece;
      std::string out = "[";
      {
        JsonRun run(out, 8);
        run.String(text);
        run.Raw(",");
        run.String(text);
        run.Raw(",");
        run.Int(-12);
      }
      out += "]";
      REQUIRE(out == nlohmann::json::array({text, text, -12}).dump());
    }
  }
  // Names: whether one needs escaping is remembered by its address, so each is written twice,
  // among 3,000 others that share the remembered slots.
  std::vector<Name> names;
  for (int i = 0; i < 3000; ++i) {
    names.emplace_back(i % 3 == 0 ? "县\"" + std::to_string(i) : "县" + std::to_string(i));
  }
  for (int round = 0; round < 2; ++round) {
    for (const Name& name : names) {
      std::string out;
      {
        JsonRun run(out, 0);
        run.NameText(name);
      }
      REQUIRE(out == nlohmann::json(name.str()).dump());
    }
  }
  std::vector<double> values = {0.0,
                                -0.0,
                                1,
                                -5,
                                0.1,
                                4.28,
                                58900000000,
                                54482500000.000008,
                                1e15,
                                1e16,
                                1.5e300,
                                1e-5,
                                123456789012345678.0,
                                5e-324};
  for (int i = 0; i < 20000; ++i) {
    std::uint64_t bits = random();
    double v;
    std::memcpy(&v, &bits, sizeof v);
    if (std::isfinite(v)) values.push_back(v);
    values.push_back(static_cast<double>(random() % 100000000) / 100.0);
  }
  // Whole numbers of every size up to and past 10^15 (levels in yuan, counts): a faster path
  // writes those below 10^15, and must write what nlohmann writes.
  for (int i = 0; i < 200000; ++i) {
    double magnitude = std::pow(10.0, static_cast<double>(random() % 17));
    double v = std::trunc(static_cast<double>(random() % 1000000007) / 1000000007.0 * magnitude);
    values.push_back(i % 2 ? v : -v);
  }
  for (double v : {999999999999999.0, 1e15 - 2, 1e15, 1e15 + 2, 4503599627370496.0, 1e14, -1.0}) {
    values.push_back(v);
  }
  for (double v : values) {
    std::string out;
    AppendJsonNumber(out, v);
    REQUIRE_MESSAGE(out == nlohmann::json(v).dump(), v);
  }
  std::string nan;
  AppendJsonNumber(nan, std::nan(""));
  CHECK(nan == "null");
}

TEST_CASE("numbers of up to four decimal places are written as nlohmann writes them") {
  // A faster path writes these (growth rates, shares); nlohmann's shortest-digits search is the
  // reference. Every hundredth to ±20,000, every thousandth and ten-thousandth to ±2,000 in
  // steps of 0.007 and 0.0007, and neighbours of some, which must fall to the search.
  long checked = 0, differing = 0;
  double first_differing = 0;
  auto compare = [&](double v) {
    std::string out;
    AppendJsonNumber(out, v);
    char reference[64];
    char* end = nlohmann::detail::to_chars(reference, reference + sizeof reference, v);
    ++checked;
    if (out != std::string(reference, end) && differing++ == 0) first_differing = v;
  };
  for (long i = -2'000'000; i <= 2'000'000; ++i) {
    const double v = static_cast<double>(i) / 100.0;
    compare(v);
    if (i % 97 == 0) {
      compare(std::nextafter(v, 1e300));
      compare(std::nextafter(v, -1e300));
    }
  }
  for (long i = -20'000'000; i <= 20'000'000; i += 7) {
    if (i % 10 == 0) continue;
    compare(static_cast<double>(i) / 10000.0);
    if (i % 5 == 0) compare(static_cast<double>(i) / 1000.0);
  }
  for (double v : {0.1 + 0.2, 5.460000000000001, 1e-5, 0.00005, 99999999999.9999, 1e11 + 0.5,
                   -1e11 - 0.25, 123456789.0123, 0.0001, -0.0001, 2.5e-4, 1.00005}) {
    compare(v);
  }
  CHECK(checked > 9'000'000);
  CHECK_MESSAGE(differing == 0, first_differing);
  std::string growth;
  AppendJsonNumber(growth, 4.28);
  AppendJsonNumber(growth, -0.05);
  CHECK(growth == "4.28-0.05");
}

TEST_CASE("CopyBytes copies exactly n bytes at every length, touching nothing around them") {
  std::string source;
  for (int i = 0; i < 48; ++i) source += static_cast<char>('A' + i);
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t from = 0; from + n <= source.size(); from += 7) {
      std::string target(64, '.');
      CopyBytes(target.data() + 3, source.data() + from, n);
      REQUIRE(target.substr(3, n) == source.substr(from, n));
      REQUIRE(target.substr(0, 3) == "...");
      REQUIRE(target.find_first_not_of('.', 3 + n) == std::string::npos);
    }
  }
}

TEST_CASE("a finding's JSON is nlohmann's, field for field and byte for byte") {
  Finding f;
  f.rule = "r\"1";
  f.pack = "p";
  f.entity = "甲区";
  f.indicator = "gdp";
  f.measure = Measure::kGrowth;
  f.period = 2023;
  f.status = Status::kFail;
  f.severity = Severity::kWarning;
  f.message = "甲区 2023 增速 5% 低于目标\n7%";
  f.actual = testing::MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 5, "%");
  f.actual->source = {"doc.txt", 18, "——地区生产总值同比增长5%。"};
  f.evidence = {*f.actual};
  f.missing = {"甲区 2023 地区生产总值增速目标值"};
  f.arithmetic = "5% ≥ 7% → 否";
  f.rule_location = {"rules/p.yaml", 3, 5};
  f.waiver_reason = "口径调整";
  f.baseline = "new";
  std::string text = FindingJson(f);
  CHECK(text == Redumped(text));
  auto json = nlohmann::ordered_json::parse(text);
  CHECK(json["target"].is_null());
  CHECK(json["actual"] == 0);
  CHECK(json["evidence"][0]["source"]["quote"] == "——地区生产总值同比增长5%。");
  CHECK(json["evidence"].size() == 1);
  CHECK(json["waiver"] == "口径调整");
  std::string fact = FactJson(*f.actual);
  CHECK(fact == Redumped(fact));
  CHECK(fact.find("\"preliminary\":false,\"strive\":false") != std::string::npos);

  // Many facts, some with long quotes to escape, in the finding's one run: its room grows.
  for (int i = 0; i < 60; ++i) {
    Fact e = testing::MakeFact("甲区", "gdp", Measure::kLevel, 2000 + i, FactKind::kTarget,
                               -1e18 / (i + 1), "元");
    e.source = {
        "doc \"7\".txt", i + 1,
        i % 2 ? std::string(static_cast<std::size_t>(40 * i), '\n') : std::string(300, 'q')};
    e.qualifier = Qualifier::kAtLeast;
    e.preliminary = i % 3 == 0;
    f.evidence.push_back(e);
  }
  f.missing.push_back("第二\t项");
  text = FindingJson(f);
  CHECK(text == Redumped(text));
  CHECK(nlohmann::ordered_json::parse(text)["evidence"].size() == 61);
}

TEST_CASE("a finding's own actual and target point into its evidence and are never dropped") {
  Finding f;
  Fact other = testing::MakeFact("乙区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 4, "%");
  f.actual = testing::MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 5, "%");
  f.target = testing::MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%");
  f.evidence = {other, *f.target, *f.actual};
  auto listed = nlohmann::json::parse(FindingJson(f));
  CHECK(listed["actual"] == 2);
  CHECK(listed["target"] == 1);
  CHECK(listed["evidence"].size() == 3);
  // The same figure from another source is another fact: it is listed, not confused.
  f.evidence = {other};
  f.actual->source = {"doc.txt", 3, "增长5%"};
  f.target = f.actual;
  auto appended = nlohmann::json::parse(FindingJson(f));
  REQUIRE(appended["evidence"].size() == 2);
  CHECK(appended["actual"] == 1);
  CHECK(appended["target"] == 1);
  CHECK(appended["evidence"][1]["source"]["quote"] == "增长5%");
  f.target->value = 7;
  auto two = nlohmann::json::parse(FindingJson(f));
  REQUIRE(two["evidence"].size() == 3);
  CHECK(two["target"] == 2);
  CHECK(two["evidence"][2]["value"] == 7);
  f.evidence.clear();
  CHECK(nlohmann::json::parse(FindingJson(f))["evidence"].size() == 2);
}

TEST_CASE("findings rendered on several threads come out as on one") {
  std::vector<Finding> findings(5000);
  for (std::size_t i = 0; i < findings.size(); ++i) {
    findings[i].rule = "r";
    findings[i].period = static_cast<int>(i);
  }
  FindingList list(findings);
  auto render = [](std::size_t i, const Finding& f, std::string& out) {
    out += std::to_string(i) + ":" + std::to_string(f.period) + ",";
  };
  std::ostringstream one, two, three;
  RenderInOrder(list, render, one, 1);
  RenderInOrder(list, render, two, 2);
  RenderInOrder(list, render, three, 3);
  CHECK(one.str().size() > 5000 * 4);
  CHECK(two.str() == one.str());
  CHECK(three.str() == one.str());
  CHECK(one.str().rfind("4999:4999,") == one.str().size() - 10);
}

}  // namespace kaohe
