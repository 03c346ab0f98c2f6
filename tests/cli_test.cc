// The kaohe command on the bundled data and on bad input: golden outputs, exit codes and
// error messages with positions. Runs in-process from the source directory.
#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "engine/qualifier.h"
#include "engine/units.h"
#include "src/cli/app.h"
#include "src/cli/output_file.h"
#include "src/cli/stop_commands.h"
#include "tests/golden.h"

namespace kaohe {

using testing::CheckGolden;
using testing::ReadFile;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run Kaohe(std::vector<std::string> args) {
  std::filesystem::current_path(KAOHE_SOURCE_DIR);
  args.insert(args.begin(), KAOHE_BINARY);
  std::ostringstream out, err;
  Run run;
  run.code = RunKaohe(args, Console{out, err, false});
  run.out = out.str();
  run.err = err.str();
  return run;
}

std::string TempDir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_cli_test." + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

void Write(const std::string& path, const std::string& text) { std::ofstream(path) << text; }

// One line per finding, for the hand-reviewed expected-findings file.
std::string FindingLines(const nlohmann::json& report) {
  std::string out =
      "# status\tseverity\trule\tentity\tindicator\tmeasure\tperiod\tactual\ttarget\tmessage\n";
  for (const auto& f : report["findings"]) {
    auto value = [&f](const nlohmann::json& place) {
      if (place.is_null()) return std::string("-");
      const auto& fact = f["evidence"][place.get<std::size_t>()];
      const Qualifier qualifier = *QualifierFromId(fact["qualifier"].get<std::string>());
      return std::string(QualifierPrefix(qualifier)) +
             FormatQuantity(fact["value"].get<double>(), fact["unit"].get<std::string>()) +
             std::string(QualifierSuffix(qualifier)) + " @" +
             std::to_string(fact["source"]["line"].get<int>());
    };
    out += f["status"].get<std::string>() + "\t" + f["severity"].get<std::string>() + "\t" +
           f["rule"].get<std::string>() + "\t" + f["entity"].get<std::string>() + "\t" +
           f["indicator"].get<std::string>() + "\t" + f["measure"].get<std::string>() + "\t" +
           std::to_string(f["period"].get<int>()) + "\t" + value(f["actual"]) + "\t" +
           value(f["target"]) + "\t" + f["message"].get<std::string>() + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("kaohe check on the bundled data matches the hand-reviewed expected findings") {
  Run run = Kaohe({"check", "--format", "json"});
  CHECK_MESSAGE(run.code == kExitFindings, run.err);
  CHECK(run.err.empty());
  auto report = nlohmann::json::parse(run.out);
  CheckGolden("fixtures/expected/bundled_findings.tsv", FindingLines(report));
  CheckGolden("tests/golden/check.json", run.out);
}

TEST_CASE("the JSON report keeps to the documented schema and the fact spec") {
  Run run = Kaohe({"check", "--format", "json"});
  auto report = nlohmann::json::parse(run.out);
  REQUIRE(report.contains("findings"));
  REQUIRE(report.contains("summary"));
  int counted = 0;
  for (const auto& f : report["findings"]) {
    for (const char* key : {"rule", "entity", "indicator", "measure", "period", "status",
                            "severity", "message", "actual", "target"}) {
      CHECK_MESSAGE(f.contains(key), key);
    }
    for (const auto& fact : f["evidence"]) {
      for (const char* key : {"entity", "indicator", "measure", "period", "kind", "value", "unit",
                              "qualifier", "preliminary", "strive", "source"}) {
        CHECK_MESSAGE(fact.contains(key), key);
      }
      CHECK(fact["source"].contains("file"));
      CHECK(fact["source"]["line"].get<int>() > 0);
    }
    // The rule's own actual and target are given by their place in the evidence.
    for (const char* side : {"actual", "target"}) {
      if (f[side].is_null()) continue;
      REQUIRE(f[side].is_number_unsigned());
      REQUIRE(f[side].get<std::size_t>() < f["evidence"].size());
      const auto& fact = f["evidence"][f[side].get<std::size_t>()];
      CHECK(fact["kind"] == side);
      CHECK(fact["entity"] == f["entity"]);
      CHECK(fact["indicator"] == f["indicator"]);
      CHECK(fact["period"] == f["period"]);
    }
    ++counted;
  }
  CHECK(report["summary"]["total"].get<int>() == counted);
  CHECK(report["summary"]["pass"].get<int>() + report["summary"]["fail"].get<int>() +
            report["summary"]["no_data"].get<int>() + report["summary"]["conflict"].get<int>() +
            report["summary"]["error"].get<int>() ==
        counted);
}

TEST_CASE("console and Markdown reports of the bundled data") {
  Run console = Kaohe({"check"});
  CHECK(console.code == kExitFindings);
  CHECK(console.out.find("\033[") == std::string::npos);  // no colour off a terminal
  CheckGolden("tests/golden/check.console.txt", console.out);
  Run markdown = Kaohe({"check", "--format", "markdown"});
  CheckGolden("tests/golden/check.md", markdown.out);
  Run colored = Kaohe({"check", "--color", "always"});
  CHECK(colored.out.find("\033[31m✗ 未达标\033[0m") != std::string::npos);
}

TEST_CASE("--fail-on decides the exit code; --output writes the report to a file") {
  CHECK(Kaohe({"check", "--fail-on", "never"}).code == kExitOk);
  CHECK(Kaohe({"check", "--fail-on", "warning"}).code == kExitFindings);
  std::string dir = TempDir();
  Run run = Kaohe({"check", "--format", "markdown", "--output", dir + "/report.md"});
  CHECK(run.code == kExitFindings);
  CHECK(run.out.empty());
  CHECK(run.err.find("wrote " + dir + "/report.md") != std::string::npos);
  CHECK(ReadFile(dir + "/report.md") == Kaohe({"check", "--format", "markdown"}).out);
  // Only the passing pack: nothing fails.
  Run passing = Kaohe({"check", "--rules", "rules/packs/huaibei_zones.yaml", "--fail-on", "error"});
  CHECK(passing.code == kExitFindings);  // the 2023 enterprise total does not add up
}

TEST_CASE("kaohe check --timings names each phase on standard error; the report is unchanged") {
  Run plain = Kaohe({"check", "--format", "json", "--fail-on", "never"});
  Run timed = Kaohe({"check", "--format", "json", "--fail-on", "never", "--timings"});
  CHECK(timed.code == kExitOk);
  CHECK(timed.out == plain.out);
  std::size_t at = 0;
  for (const char* phase : {"timings", "load dictionary", "load rules", "load facts", "evaluate",
                            "waivers and baseline", "report json", "total"}) {
    std::size_t found = timed.err.find(phase, at);
    CHECK_MESSAGE(found != std::string::npos, phase, "\n", timed.err);
    if (found != std::string::npos) at = found;
  }
  CHECK(plain.err.find("timings") == std::string::npos);
}

TEST_CASE("kaohe lint loads everything and says what it found") {
  Run run = Kaohe({"lint"});
  CHECK(run.code == kExitOk);
  CHECK(run.out.find("7 rules in 2 packs") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a message") {
  Run none = Kaohe({});
  CHECK(none.code == kExitUsage);
  CHECK(none.err.find("kaohe:") != std::string::npos);
  Run format = Kaohe({"check", "--format", "pdf"});
  CHECK(format.code == kExitUsage);
  CHECK(format.err.find("pdf") != std::string::npos);
  Run missing = Kaohe({"check", "--facts", "no/such/file.jsonl"});
  CHECK(missing.code == kExitUsage);
  CHECK(missing.err.find("no/such/file.jsonl: no such file or directory") != std::string::npos);
  Run help = Kaohe({"--help"});
  CHECK(help.code == kExitOk);
  CHECK(help.out.find("check") != std::string::npos);
}

TEST_CASE("a broken rule pack: every problem, with file, line, column and a caret; exit 2") {
  std::string dir = TempDir();
  Write(dir + "/bad.yaml", R"(pack: bad
rules:
  - id: r1
    scope: {kind: development_zone, parent: 淮北市}
    indicator: 规上企业
    measure: level
    check: meets_target
  - id: r2
    scope: 杜集区
    indicator: gdp
    measure: level
    check: actual >= target(measure=growth)
    severty: warning
)");
  Run run = Kaohe({"lint", "--rules", dir + "/bad.yaml"});
  CHECK(run.code == kExitUsage);
  CHECK(run.err.find(dir + "/bad.yaml:5:16: error[R004]: unknown indicator '规上企业' (did you "
                           "mean 规上工业企业?)") != std::string::npos);
  CHECK(run.err.find(dir + "/bad.yaml:12:12: error[E007]: cannot compare 元 (an amount) and % "
                           "(a growth rate or share): a growth rate (%) is not a level") !=
        std::string::npos);
  CHECK(run.err.find(dir + "/bad.yaml:13:5: error[Y003]: unknown key 'severty' in a rule (did you "
                           "mean severity?)") != std::string::npos);
  CHECK(run.err.find("   12 |     check: actual >= target(measure=growth)\n") != std::string::npos);
  CHECK(run.err.find("3 error(s), 0 warning(s)") != std::string::npos);
  Run check = Kaohe({"check", "--rules", dir + "/bad.yaml"});
  CHECK(check.code == kExitUsage);
  CHECK(check.out.empty());
}

TEST_CASE("malformed YAML and invalid UTF-8 are errors with positions, never crashes") {
  std::string dir = TempDir();
  Write(dir + "/broken.yaml", "pack: x\nrules:\n  - id: [unclosed\n");
  Run yaml = Kaohe({"lint", "--rules", dir + "/broken.yaml"});
  CHECK(yaml.code == kExitUsage);
  CHECK(yaml.err.find(dir + "/broken.yaml:") != std::string::npos);
  CHECK(yaml.err.find("error[Y001]: YAML syntax error") != std::string::npos);
  Write(dir + "/latin1.jsonl", "{\"entity\":\"\xe6\x9d\xa5\xff\"}\n");
  Run utf8 = Kaohe({"check", "--facts", dir + "/latin1.jsonl"});
  CHECK(utf8.code == kExitUsage);
  CHECK(utf8.err.find(dir + "/latin1.jsonl:1:13: invalid UTF-8 at byte offset 14 (byte 0xFF)") !=
        std::string::npos);
}

TEST_CASE("a fact file with a unit mismatch stops the check") {
  std::string dir = TempDir();
  Write(
      dir + "/facts.jsonl",
      R"({"entity":"杜集区","indicator":"gdp","measure":"level","period":2023,"kind":"actual","value":5,"unit":"家"})"
      "\n");
  Run run = Kaohe({"check", "--facts", dir + "/facts.jsonl", "fixtures/targets"});
  CHECK(run.code == kExitUsage);
  CHECK(run.err.find(dir + "/facts.jsonl:1:1: error[F006]: unit 家 does not fit gdp level "
                           "(expected 元)") != std::string::npos);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("kaohe quantities prints every amount with original positions") {
  std::string dir = TempDir();
  Write(dir + "/line.txt", "地区生产总值达１６２亿元、增长5.5%\n免罚金额610余万元\n");
  Run run = Kaohe({"quantities", dir + "/line.txt"});
  CHECK(run.code == kExitOk);
  CHECK(run.out ==
        "{\"line\":1,\"text\":\"１６２亿元\",\"start\":7,\"end\":12,\"value\":16200000000.0,"
        "\"unit\":\"元\"}\n"
        "{\"line\":1,\"text\":\"5.5%\",\"start\":15,\"end\":19,\"value\":5.5,\"unit\":\"%\"}\n"
        "{\"line\":2,\"text\":\"610余万元\",\"start\":4,\"end\":10,\"value\":6100000.0,"
        "\"unit\":\"元\",\"qualifier\":\"more_than\"}\n");
  Write(dir + "/bad.txt", "abc\n\xFF\xFF\xFF\n");
  Run bad = Kaohe({"quantities", dir + "/bad.txt"});
  CHECK(bad.code == kExitUsage);
  CHECK(bad.err.find("offset 4") != std::string::npos);
}

TEST_CASE("kaohe extract writes facts whose quotes load back as verified facts") {
  std::string dir = TempDir();
  Run run = Kaohe({"extract", "fixtures/docs/000_aac63f96177914d5.txt"});
  CHECK(run.code == kExitOk);
  CHECK(run.out.find("\"entity\":\"杜集经济开发区\",\"indicator\":\"industry_output\","
                     "\"measure\":\"growth\",\"period\":2025,\"kind\":\"actual\",\"value\":14.2") !=
        std::string::npos);
  Write(dir + "/extracted.jsonl", run.out);
  Run back = Kaohe({"facts", "--facts", dir + "/extracted.jsonl"});
  CHECK(back.code == kExitOk);
  CHECK(back.err.find("error") == std::string::npos);
  auto sorted_lines = [](const std::string& text) {
    std::vector<std::string> lines;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    std::sort(lines.begin(), lines.end());
    return lines;
  };
  CHECK(sorted_lines(back.out) == sorted_lines(run.out));
  CHECK(sorted_lines(run.out).size() == 8);
}

TEST_CASE("kaohe eval scores the seeds and fails below the thresholds it is given") {
  Run run = Kaohe({"eval", "--gold", "fixtures/gold", "--docs", "fixtures/docs", "--min-precision",
                   "0.97", "--min-recall", "0.95"});
  CHECK(run.code == kExitOk);
  CHECK(run.out.find("total: precision 1.000 (169/169), recall 0.994 (169/170)") !=
        std::string::npos);
  CHECK(run.out.find("miss 002_dd839b69f8cc83e5.txt:44") != std::string::npos);
  Run strict = Kaohe(
      {"eval", "--gold", "fixtures/gold", "--docs", "fixtures/docs", "--min-recall", "0.999"});
  CHECK(strict.code == kExitFindings);
  CHECK(strict.err.find("kaohe: recall 0.994 is below the floor 0.999 (--min-recall)") !=
        std::string::npos);
  CHECK(strict.err.find("precision") == std::string::npos);  // above its floor: not named
  Run out_of_range = Kaohe(
      {"eval", "--gold", "fixtures/gold", "--docs", "fixtures/docs", "--min-precision", "97"});
  CHECK(out_of_range.code == kExitUsage);
}

TEST_CASE("kaohe eval counts every field a false fact gets wrong, each on its own line") {
  std::string dir = TempDir();
  // Gold facts each one field away from an extracted fact; the extracted 规上工业增加值 growth
  // is more than one field away from every gold fact.
  const std::string quote = "全县地区生产总值完成120.5亿元，比上年增长6.2%。";
  Write(dir + "/doc.txt", "关于青石县2025年计划执行情况的报告\n一、2025年计划执行情况\n" + quote +
                              "\n规模以上工业增加值增长8%。\n");
  auto gold = [&](const std::string& entity, const std::string& measure, int period,
                  const std::string& kind, const std::string& value, const std::string& unit) {
    return "{\"entity\":\"" + entity + "\",\"indicator\":\"gdp\",\"measure\":\"" + measure +
           "\",\"period\":" + std::to_string(period) + ",\"kind\":\"" + kind +
           "\",\"value\":" + value + ",\"unit\":\"" + unit + "\",\"source\":{\"file\":\"" + dir +
           "/doc.txt\",\"line\":3,\"quote\":\"" + quote + "\"}}\n";
  };
  Write(dir + "/gold.jsonl", gold("白石县", "level", 2025, "actual", "12050000000", "元") +
                                 gold("青石县", "growth", 2024, "actual", "6.2", "%"));
  Run run =
      Kaohe({"eval", "--gold", dir + "/gold.jsonl", "--docs", dir + "/doc.txt", "--root", dir});
  CHECK(run.out.find("  wrong entity: 1\n  wrong indicator: 0\n  wrong measure: 0\n"
                     "  wrong period: 1\n  wrong kind: 0\n  wrong value: 0\n  wrong other: 1\n") !=
        std::string::npos);
}

TEST_CASE("kaohe eval reads a document that names no place as its user would, with --entity") {
  std::string dir = TempDir();
  const std::string quote = "全市地区生产总值完成4704.3亿元、增长6.1%。";
  Write(dir + "/doc.txt", "政府工作报告\n一、2024年工作回顾\n" + quote + "\n");
  Write(dir + "/gold.jsonl",
        "{\"entity\":\"邯郸市\",\"indicator\":\"gdp\",\"measure\":\"growth\",\"period\":2024,"
        "\"kind\":\"actual\",\"value\":6.1,\"unit\":\"%\",\"source\":{\"file\":\"" +
            dir + "/doc.txt\",\"line\":3,\"quote\":\"" + quote + "\"}}\n");
  Run run =
      Kaohe({"eval", "--gold", dir + "/gold.jsonl", "--docs", dir + "/doc.txt", "--root", dir});
  CHECK(run.out.find("doc.txt: precision 0.500 (1/2), recall 1.000 (1/1) — no subject found: "
                     "read with --entity 邯郸市\n") != std::string::npos);
  CHECK(run.out.find("  no subject found (read with --entity): 1 documents\n") !=
        std::string::npos);
}

TEST_CASE("kaohe extract --unread lists each indicator sentence that gave no fact, and a count") {
  std::string dir = TempDir();
  Write(dir + "/report.txt",
        "关于青石县2025年计划执行情况的报告\n一、2025年计划执行情况\n"
        "全县地区生产总值完成120.5亿元。对规模以上工业增加值增长10%以上的乡镇\x1b[31m给予奖励。\n");
  Run run = Kaohe({"extract", "--unread", dir + "/report.txt"});
  CHECK(run.code == kExitOk);
  CHECK(run.out == dir +
                       "/report.txt:3:19: an incentive clause: a threshold, not a figure: "
                       "对规模以上工业增加值增长10%以上的乡镇\\x1b[31m给予奖励。\n"
                       "1 of 2 indicator sentences read\n");
  // On the seeds: every line but the count cites a place, and the count is last.
  Run seeds = Kaohe({"extract", "--unread", "fixtures/docs"});
  CHECK(seeds.code == kExitOk);
  std::istringstream lines(seeds.out);
  std::vector<std::string> all;
  for (std::string line; std::getline(lines, line);) all.push_back(line);
  REQUIRE_FALSE(all.empty());
  CHECK(all.back().find(" indicator sentences read") != std::string::npos);
  for (std::size_t i = 0; i + 1 < all.size(); ++i) CHECK(all[i].starts_with("fixtures/docs/"));
  CHECK(seeds.out.find("004_525232756335ef9c.txt:17:15: an incentive clause") != std::string::npos);
}

TEST_CASE("kaohe check --docs says how many indicator sentences it read") {
  Run run = Kaohe({"check", "--docs", "fixtures/docs/000_aac63f96177914d5.txt", "--facts",
                   "fixtures/facts", "--format", "json"});
  CHECK(run.err.find(" indicator sentences read (kaohe extract --unread lists the others)\n") !=
        std::string::npos);
  Run without = Kaohe({"check", "--facts", "fixtures/facts", "--format", "json"});
  CHECK(without.err.find("indicator sentences") == std::string::npos);
}

TEST_CASE("kaohe check --docs extracts and checks in one run, agreeing with the transcriptions") {
  Run from_docs =
      Kaohe({"check", "--docs", "fixtures/docs", "--facts", "fixtures/facts", "--format", "json"});
  auto report = nlohmann::json::parse(from_docs.out);
  CHECK(report["summary"]["conflict"] == 0);
  CHECK(report["summary"]["fail"] == 12);
  CHECK(report["summary"]["pass"] == 17);
  Run only_docs =
      Kaohe({"check", "--docs", "fixtures/docs/001_9249ab63e07acb0d.txt", "--facts",
             "fixtures/facts", "--rules", "rules/packs/duji_plan.yaml", "--format", "json"});
  auto duji = nlohmann::json::parse(only_docs.out);
  CHECK(duji["summary"]["fail"] == 10);
  CHECK(duji["summary"]["pass"] == 6);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("kaohe test runs the bundled packs' tests: all pass, every rule exercised") {
  Run run = Kaohe({"test", "--coverage", "--min-coverage", "100"});
  CHECK(run.code == kExitOk);
  CHECK(run.out.find("coverage: 7 of 7 rules exercised (100%)") != std::string::npos);
  CHECK(run.out.ends_with("24 passed, 0 failed\n"));
}

TEST_CASE("kaohe test shows a diff for each mismatch, honours known gaps, filters and coverage") {
  std::string dir = TempDir();
  std::string packs = std::string(KAOHE_SOURCE_DIR) + "/rules/packs/duji_plan.yaml";
  Write(
      dir + "/cases.yaml",
      "tests:\n"
      "  - name: wrong on purpose\n"
      "    rules: [" +
          packs +
          "]\n"
          "    facts:\n"
          "      - {entity: 杜集区, indicator: gdp, measure: growth, period: 2023, kind: actual, "
          "value: 5, unit: \"%\"}\n"
          "      - {entity: 杜集区, indicator: gdp, measure: growth, period: 2023, kind: target, "
          "value: 7, unit: \"%\"}\n"
          "    expect:\n"
          "      - {rule: duji-growth-meets-target, entity: 杜集区, indicator: gdp, period: 2023, "
          "status: pass}\n"
          "  - name: a known gap\n"
          "    rules: [" +
          packs +
          "]\n"
          "    known_gap: true\n"
          "    expect:\n"
          "      - {rule: duji-growth-meets-target, entity: 杜集区, period: 2030, status: pass}\n");
  Run run = Kaohe({"test", dir + "/cases.yaml"});
  CHECK(run.code == kExitFindings);
  CHECK(
      run.out.find("FAIL  wrong on purpose (" + dir + "/cases.yaml:2)\n  " + dir +
                   "/cases.yaml:8: expected duji-growth-meets-target 杜集区 gdp 2023 pass\n    got "
                   "duji-growth-meets-target 杜集区 gdp 2023: fail — 杜集区 2023 地区生产总值增速 "
                   "5% 低于目标 7%") != std::string::npos);
  CHECK(run.out.find("gap   a known gap (known gap)") != std::string::npos);
  CHECK(run.out.ends_with("1 passed, 1 failed\n"));
  Run filtered = Kaohe({"test", dir + "/cases.yaml", "--filter", "a known*"});
  CHECK(filtered.code == kExitOk);
  CHECK(filtered.out.ends_with("1 passed, 0 failed\n"));
  Run coverage = Kaohe(
      {"test", dir + "/cases.yaml", "--filter", "a known*", "--coverage", "--min-coverage", "60"});
  CHECK(coverage.code == kExitFindings);
  CHECK(coverage.out.find("not exercised: duji-growth-within-plan") != std::string::npos);
  CHECK(coverage.out.find("coverage below the required 60%") != std::string::npos);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("kaohe explain shows the facts read, the arithmetic and the result") {
  Run run = Kaohe({"explain", "zone-output-growth-meets-implied", "杜集经开区", "2025"});
  CHECK(run.code == kExitOk);
  CHECK(run.out.find("检查   actual >= growth(target(measure=level, period=period - 1), "
                     "target(measure=level))") != std::string::npos);
  CHECK(run.out.find("  读取 实际 14.2% ← fixtures/docs/000_aac63f96177914d5.txt:26") !=
        std::string::npos);
  CHECK(run.out.find("  计算 (150亿元 ÷ 120亿元 − 1) × 100% = 25%；14.2% ≥ 25% → 否") !=
        std::string::npos);
  CHECK(run.out.find("  结果 未达标 (error)") != std::string::npos);
  Run typo = Kaohe({"explain", "zone-output-growth-meets-implie", "杜集经开区"});
  CHECK(typo.code == kExitUsage);
  CHECK(typo.err.find("did you mean zone-output-growth-meets-implied?") != std::string::npos);
  Run outside = Kaohe({"explain", "duji-growth-meets-target", "古交市"});
  CHECK(outside.out.find("古交市 不在此规则的范围内") != std::string::npos);
}

TEST_CASE("kaohe doc writes the rule catalogue") {
  Run run = Kaohe({"doc"});
  CHECK(run.code == kExitOk);
  CheckGolden("tests/golden/rules.md", run.out);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("kaohe lint --waivers warns of a waiver that matches nothing") {
  std::string dir = TempDir();
  Write(dir + "/w.yaml",
        "waivers:\n  - {rule: zone-*, entity: 古交市, reason: x, owner: y, expires: 2030-01-01}\n");
  Run run = Kaohe({"lint", "--waivers", dir + "/w.yaml", "--today", "2026-11-22"});
  CHECK(run.code == kExitOk);
  CHECK(run.err.find(dir + "/w.yaml:2:5: warning[W001]: this waiver matches no failing finding") !=
        std::string::npos);
  Run bundled = Kaohe({"lint", "--waivers", "rules/waivers", "--today", "2026-11-22"});
  CHECK(bundled.code == kExitOk);
  CHECK(bundled.err.empty());
}

TEST_CASE("a write that fails is remembered with its reason, and what follows is dropped") {
  int fd = ::open("/dev/full", O_WRONLY | O_CLOEXEC);
  REQUIRE(fd >= 0);
  FdOutputBuffer buffer(fd, 4096);
  std::ostream out(&buffer);
  out << "small";
  CHECK(buffer.error() == 0);       // still buffered
  out << std::string(100000, 'x');  // written directly, past the buffer
  CHECK(buffer.error() == ENOSPC);
  out << "more";
  CHECK_FALSE(buffer.Flush());
  CHECK(buffer.error() == ENOSPC);
  ::close(fd);
}

TEST_CASE("a report to a link to a character device goes to the device; the link stays") {
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_out_test." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto link = dir / "null.json";
  std::filesystem::create_symlink("/dev/null", link);
  auto file = AtomicFile::Open(link.string());
  REQUIRE(file.ok());
  file.value()->stream() << "{}";
  CHECK(file.value()->Commit().ok());
  CHECK(std::filesystem::is_symlink(link));
  CHECK(std::filesystem::is_character_file("/dev/null"));
  // A regular file: written through a new temporary that keeps the previous file's mode.
  const auto report = dir / "report.json";
  std::ofstream(report) << "old";
  ::chmod(report.c_str(), 0600);
  auto rewritten = AtomicFile::Open(report.string());
  REQUIRE(rewritten.ok());
  rewritten.value()->stream() << "new";
  CHECK(rewritten.value()->Commit().ok());
  CHECK(ReadFile(report.string()) == "new");
  struct stat st;
  REQUIRE(::stat(report.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600);
  CHECK(std::distance(std::filesystem::directory_iterator(dir), {}) == 2);  // no temporary left
  std::filesystem::remove_all(dir);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("under GitHub Actions, stderr stops workflow commands until the github report") {
  const std::string token = NewStopToken();
  CHECK(token.size() == 32);
  CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(NewStopToken() != token);
  std::filesystem::current_path(KAOHE_SOURCE_DIR);
  std::ostringstream out, err_sink;
  StopCommandsBuffer buffer(err_sink.rdbuf(), token);
  std::ostream err(&buffer);
  Console console{out, err, false};
  console.stop_commands = &buffer;
  const int code =
      RunKaohe({KAOHE_BINARY, "check", "--rules", "tests/hostile/support/outputs_pack.yaml",
                "--facts", "tests/hostile/facts_gha_stderr_commands.jsonl", "--format", "github"},
               console);
  buffer.Resume();
  CHECK(code == kExitFindings);
  const std::string text = err_sink.str();
  CHECK(text.find("::stop-commands::" + token + "\n") == 0);
  CHECK(text.find("::" + token + "::\n") == text.size() - token.size() - 5);
  CHECK(text.find("warning[F010]") != std::string::npos);
  CHECK(out.str().find("::error title=kaohe gdp-meets::") == 0);
}

TEST_CASE("stderr that kaohe never writes to stays empty under GitHub Actions") {
  std::ostringstream sink;
  StopCommandsBuffer buffer(sink.rdbuf(), NewStopToken());
  buffer.Resume();
  CHECK(sink.str().empty());
}

}  // namespace kaohe
