#include "src/report/reporter.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "src/report/console_reporter.h"
#include "src/report/html_reporter.h"
#include "src/report/junit_reporter.h"
#include "src/report/sarif_reporter.h"
#include "tests/test_support.h"

namespace kaohe {

using testing::MakeFact;
using testing::MakeWorld;

namespace {

struct Fixture {
  std::unique_ptr<testing::World> world = MakeWorld();
  CompiledRuleSet rules;
  std::vector<Finding> findings;

  Fixture() {
    Finding fail;
    fail.pack = "p";
    fail.rule = "r";
    fail.entity = "甲区";
    fail.indicator = "gdp";
    fail.measure = Measure::kGrowth;
    fail.period = 2023;
    fail.status = Status::kFail;
    fail.severity = Severity::kWarning;
    fail.message = "甲区 a|b";
    fail.actual = MakeFact("甲区", "gdp", Measure::kGrowth, 2023, FactKind::kActual, 5, "%");
    fail.actual->source.quote = "增长5%|引号";
    fail.evidence = {*fail.actual};
    fail.arithmetic = "|5% − 7%| → 否";
    Finding missing = fail;
    missing.status = Status::kNoData;
    missing.actual.reset();
    missing.evidence.clear();
    missing.entity = "乙区";
    missing.missing = {"乙区 2023 地区生产总值增速实际值"};
    findings = {fail, missing};
  }

  std::string Write(const char* format, bool color = false) {
    std::ostringstream out;
    MakeReporter(format, color)
        ->Write({findings, *world->dictionary, rules, Summarize(findings)}, out);
    return out.str();
  }
};

}  // namespace

TEST_CASE("Summarize counts statuses and failing findings by severity") {
  Fixture f;
  Summary s = Summarize(f.findings);
  CHECK(s.total == 2);
  CHECK(s.fail == 1);
  CHECK(s.no_data == 1);
  CHECK(s.failing_warning == 1);
  CHECK(s.failing_error == 0);
  CHECK(s.entities == 2);
  CHECK(s.rules == 1);
}

TEST_CASE("the JSON reporter writes facts with the spec's fields and null for a missing side") {
  Fixture f;
  auto report = nlohmann::json::parse(f.Write("json"));
  const auto& first = report["findings"][0];
  CHECK(first["status"] == "fail");
  CHECK(first["severity"] == "warning");
  CHECK(first["evidence"][first["actual"].get<int>()]["source"]["quote"] == "增长5%|引号");
  CHECK(first["target"].is_null());
  CHECK(report["findings"][1]["actual"].is_null());
  CHECK(report["findings"][1]["missing"][0] == "乙区 2023 地区生产总值增速实际值");
  CHECK(report["summary"]["failing_by_severity"]["warning"] == 1);
}

TEST_CASE("the Markdown reporter escapes table cells and lists failures first") {
  Fixture f;
  std::string md = f.Write("markdown");
  CHECK(md.find("甲区 a\\|b") != std::string::npos);
  CHECK(md.find("「增长5%\\|引号」") != std::string::npos);
  CHECK(md.find("## 需要关注") < md.find("### 甲区（区，甲市）"));
  CHECK(md.find("| 1 | 1 | 1 | 0 | 0 | 0 |") == std::string::npos);  // counts: 0 pass
  CHECK(md.find("| 0 | 1 | 1 | 0 | 0 | 0 |") != std::string::npos);
  CHECK(md.find("<details>") < md.find("「增长5%\\|引号」"));
}

TEST_CASE("the Markdown reporter's cells and code spans form no markup from input") {
  Fixture f;
  f.findings[0].actual->source.quote = "a\r| row |\r\n<!-- @octocat ![i](u) `c` \x1b";
  f.findings[0].actual->source.file = "d``o`c.txt";
  f.findings[0].evidence = {*f.findings[0].actual};
  const std::string md = f.Write("markdown");
  CHECK(md.find("「a<br>\\| row \\|<br>&lt;\\!-- @\u200boctocat \\!\\[i\\](u) \\`c\\` \\\\x1b」") !=
        std::string::npos);
  CHECK(md.find(" ```d``o`c.txt:") != std::string::npos);
  CHECK(md.find('\r') == std::string::npos);
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("<!--") == std::string::npos);
}

TEST_CASE("the console reporter groups by entity and colours only when asked") {
  Fixture f;
  std::string plain = f.Write("console");
  CHECK(plain.find("\033[") == std::string::npos);
  CHECK(plain.find("甲区（区，甲市）\n  ✗ 未达标  甲区 a|b  [warning]") != std::string::npos);
  CHECK(plain.find("乙区（区，甲市）\n  ? 缺数据") != std::string::npos);
  CHECK(f.Write("console", true).find("\033[31m✗ 未达标\033[0m") != std::string::npos);
}

TEST_CASE("the console reporter shows terminal escapes and line breaks from input as text") {
  Fixture f;
  f.findings[0].actual->source.quote = "增长\n::stop-commands::k\x1b]0;t\x07\u202e";
  f.findings[0].evidence = {*f.findings[0].actual};
  f.findings[0].rule_title = "title\r::error::x";
  const std::string plain = f.Write("console");
  CHECK(plain.find("「增长\\n::stop-commands::k\\x1b]0;t\\x07\\u202e」") != std::string::npos);
  CHECK(plain.find("（title\\r::error::x）") != std::string::npos);
  CHECK(plain.find('\x1b') == std::string::npos);
  CHECK(plain.find('\r') == std::string::npos);
}

TEST_CASE("the HTML report's data cannot end its script element, whatever the input holds") {
  Fixture f;
  const std::string payload = "5% <!--<script></script> & x\u2028y </SCRIPT>";
  f.findings[0].actual->source.quote = payload;
  f.findings[0].evidence = {*f.findings[0].actual};
  f.findings[0].waiver_reason = payload;
  const std::string html = f.Write("html");
  const std::string open = "<script type=\"application/json\" id=\"kaohe-data\">";
  const std::size_t start = html.find(open) + open.size();
  const std::size_t end = html.find("</script>", start);
  REQUIRE(end != std::string::npos);
  const std::string data = html.substr(start, end - start);
  CHECK(data.find_first_of("<>&") == std::string::npos);
  CHECK(data.find("\u2028") == std::string::npos);
  const auto json = nlohmann::json::parse(data);
  CHECK(json["findings"][0]["waiver"] == payload);
  CHECK(json["findings"][0]["actual"]["quote"] == payload);
  CHECK(ScriptSafeJson("\"a\u2029\"") == "\"a\\u2029\"");
}

TEST_CASE("JUnit text replaces every code point XML 1.0 forbids with U+FFFD") {
  CHECK(XmlEscape("A\uffffB\ufffeC") == "A\ufffdB\ufffdC");
  CHECK(XmlEscape(std::string("a\0b\x1b[2Kc", 8)) == "a\ufffdb\ufffd[2Kc");
  CHECK(XmlEscape("\t\n\r\ufffd\uffef<&>") == "\t\n\r\ufffd\uffef&lt;&amp;&gt;");
}

TEST_CASE("SARIF locations are URI references: every byte but unreserved ones and / encoded") {
  CHECK(UriReference("fixtures/docs/004-huaibei_zones.txt") ==
        "fixtures/docs/004-huaibei_zones.txt");
  CHECK(UriReference("docs/a b#c?d%zz\\e.txt") == "docs/a%20b%23c%3Fd%25zz%5Ce.txt");
  CHECK(UriReference("c:/杜.txt") == "c%3A/%E6%9D%9C.txt");
}

TEST_CASE("quotes are cut at a character boundary") {
  CHECK(Truncate("规上工业总产值", 3) == "规上工…");
  CHECK(Truncate("abc", 3) == "abc");
  CHECK(MakeReporter("pdf", false) == nullptr);
}

}  // namespace kaohe
