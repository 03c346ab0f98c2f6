// The CI formats of kaohe check on the bundled data, each validated against its schema
// (tests/schemas: the JUnit XSD with xmllint, SARIF 2.1.0 with python3-jsonschema), and several
// formats written in one run.
#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "src/cli/app.h"
#include "tests/golden.h"

namespace kaohe {

using testing::ReadFile;

namespace {

std::string Dir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_ci_formats." + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir.string();
}

int Check(std::vector<std::string> args, std::string* out = nullptr, std::string* err = nullptr) {
  std::filesystem::current_path(KAOHE_SOURCE_DIR);
  args.insert(args.begin(), {KAOHE_BINARY, "check"});
  std::ostringstream o, e;
  int code = RunKaohe(args, Console{o, e, false});
  if (out) *out = o.str();
  if (err) *err = e.str();
  return code;
}

int Shell(const std::string& command) { return std::system((command + " 2>&1").c_str()); }

}  // namespace

TEST_CASE("JUnit XML is valid against the JUnit schema and has a test case per finding") {
  ::setenv("SOURCE_DATE_EPOCH", "1763800000", 1);
  std::string dir = Dir();
  CHECK(Check({"--format", "junit:" + dir + "/junit.xml"}) == kExitFindings);
  std::string xml = ReadFile(dir + "/junit.xml");
  CHECK(Shell("xmllint --noout --schema " + std::string(KAOHE_SOURCE_DIR) +
              "/tests/schemas/junit-windyroad.xsd " + dir + "/junit.xml") == 0);
  auto count = [&](const std::string& needle) {
    int n = 0;
    for (auto at = xml.find(needle); at != std::string::npos; at = xml.find(needle, at + 1)) ++n;
    return n;
  };
  CHECK(count("<testcase ") == 76);
  CHECK(count("<failure ") == 12);
  CHECK(count("<skipped ") == 47);
  CHECK(xml.find("timestamp=\"2025-11-22T08:26:40\"") != std::string::npos);
  CHECK(xml.find("classname=\"zone-total-targets-add-up\" name=\"淮北市开发区 2023 "
                 "industry_enterprises level\"") != std::string::npos);
  CHECK(xml.find("fixtures/docs/004_525232756335ef9c.txt:136 「总计 841 1120 1560 2000 140 417 "
                 "497 560 660 8」") != std::string::npos);
}

TEST_CASE("SARIF is valid against the SARIF 2.1.0 schema; results point at document lines") {
  std::string dir = Dir();
  CHECK(Check({"--format", "sarif:" + dir + "/kaohe.sarif"}) == kExitFindings);
  CHECK(Shell("/usr/bin/python3 -c \"import json, sys, jsonschema; "
              "jsonschema.validate(json.load(open(sys.argv[2])), json.load(open(sys.argv[1])))\" " +
              std::string(KAOHE_SOURCE_DIR) + "/tests/schemas/sarif-schema-2.1.0.json " + dir +
              "/kaohe.sarif") == 0);
  auto sarif = nlohmann::json::parse(ReadFile(dir + "/kaohe.sarif"));
  const auto& run = sarif["runs"][0];
  CHECK(run["tool"]["driver"]["rules"].size() == 7);
  REQUIRE(run["results"].size() == 12);
  bool found = false;
  for (const auto& r : run["results"]) {
    if (r["ruleId"] == "zone-output-growth-meets-implied") {
      found = true;
      const auto& location = r["locations"][0]["physicalLocation"];
      CHECK(location["artifactLocation"]["uri"] == "fixtures/docs/000_aac63f96177914d5.txt");
      CHECK(location["region"]["startLine"] == 26);
      CHECK(r["level"] == "error");
      CHECK(r["partialFingerprints"]["kaoheFinding/v1"].get<std::string>().size() == 16);
    }
  }
  CHECK(found);
  // Fingerprints are stable across runs.
  std::string again;
  Check({"--format", "sarif"}, &again);
  CHECK(nlohmann::json::parse(again)["runs"][0]["results"] == run["results"]);
}

TEST_CASE("GitHub annotations stand at the document lines, escaped") {
  std::string out;
  CHECK(Check({"--format", "github"}, &out) == kExitFindings);
  CHECK(out.find(
            "::error file=fixtures/docs/001_9249ab63e07acb0d.txt,line=168,title=kaohe "
            "duji-growth-meets-target::杜集区 2023 地区生产总值增速 5%25 低于目标 7%25以上%0A") !=
        std::string::npos);
  CHECK(out.find("::warning file=fixtures/docs/001_9249ab63e07acb0d.txt,line=168,title=kaohe "
                 "duji-growth-within-plan::") != std::string::npos);
  CHECK(out.find("kaohe: 76 findings: 17 pass, 12 fail") != std::string::npos);
}

TEST_CASE("several formats in one run; files are written whole or not at all") {
  std::string dir = Dir();
  std::string out, err;
  CHECK(Check({"--format", "json:" + dir + "/r.json", "--format", "junit:" + dir + "/r.xml",
               "--format", "console"},
              &out, &err) == kExitFindings);
  CHECK(out.find("76 条结论") != std::string::npos);
  CHECK(nlohmann::json::parse(ReadFile(dir + "/r.json"))["summary"]["total"] == 76);
  CHECK(ReadFile(dir + "/r.xml").starts_with("<?xml"));
  CHECK(err.find("wrote " + dir + "/r.json") != std::string::npos);
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    CHECK(entry.path().string().find(".tmp.") == std::string::npos);  // no half reports left
  }
  CHECK(Check({"--format", "json", "--format", "console"}, &out, &err) == kExitUsage);
  CHECK(err.find("only one format can go to standard output") != std::string::npos);
  CHECK(Check({"--format", "sarfi"}, &out, &err) == kExitUsage);
  CHECK(err.find("unknown format 'sarfi' (did you mean sarif?)") != std::string::npos);
  CHECK(Check({"--format", "json:/nonexistent-dir/r.json"}, &out, &err) == kExitUsage);
  CHECK(err.find("/nonexistent-dir/r.json: cannot write") != std::string::npos);
}

}  // namespace kaohe

namespace kaohe {

TEST_CASE("kaohe check with waivers and a baseline; --fail-on new") {
  std::string dir = Dir();
  {
    std::ofstream(dir + "/waivers.yaml") << R"(waivers:
  - rule: duji-growth-within-plan
    entity: 杜集区
    indicator: foreign_trade
    period: "2023"
    reason: 外贸超计划2个百分点，为好于预期，不作偏离处理
    owner: 区发改委
    expires: 2026-12-31
)";
  }
  std::string out, err;
  CHECK(Check({"--format", "json", "--waivers", dir + "/waivers.yaml", "--today", "2026-11-22"},
              &out, &err) == kExitFindings);
  auto report = nlohmann::json::parse(out);
  CHECK(report["summary"]["waived"] == 1);
  CHECK(report["summary"]["fail"] == 11);
  CHECK(err.empty());
  CHECK(Check({"--format", "json", "--waivers", dir + "/waivers.yaml", "--today", "2027-01-01"},
              &out, &err) == kExitFindings);
  CHECK(nlohmann::json::parse(out)["summary"]["waived"] == 0);
  CHECK(err.find("warning[W002]: waiver expired on 2026-12-31") != std::string::npos);

  // Adopting kaohe: today's failures are the baseline; only new ones fail the run.
  CHECK(Check({"--format", "json:" + dir + "/baseline.json", "--fail-on", "never"}) == kExitOk);
  CHECK(Check({"--format", "json", "--baseline", dir + "/baseline.json", "--fail-on", "new"}, &out,
              &err) == kExitOk);
  CHECK(nlohmann::json::parse(out)["summary"]["baseline"]["unchanged"] == 12);
  // A report of the earlier form, which wrote the own actual and target out in full, serves too.
  {
    std::ifstream in(dir + "/baseline.json");
    auto earlier = nlohmann::json::parse(in);
    for (auto& f : earlier["findings"]) {
      for (const char* side : {"actual", "target"}) {
        if (!f[side].is_null()) f[side] = f["evidence"][f[side].get<std::size_t>()];
      }
    }
    std::ofstream(dir + "/earlier.json") << earlier.dump();
  }
  CHECK(Check({"--format", "json", "--baseline", dir + "/earlier.json", "--fail-on", "new"}, &out,
              &err) == kExitOk);
  CHECK(nlohmann::json::parse(out)["summary"]["baseline"]["unchanged"] == 12);
  // A baseline from before the zone pack existed: its failures are new.
  CHECK(Check({"--format", "json:" + dir + "/old.json", "--rules", "rules/packs/duji_plan.yaml",
               "--fail-on", "never"}) == kExitOk);
  CHECK(Check({"--format", "json", "--baseline", dir + "/old.json", "--fail-on", "new"}, &out,
              &err) == kExitFindings);
  auto against_old = nlohmann::json::parse(out);
  CHECK(against_old["summary"]["baseline"]["new"] == 2);
  CHECK(against_old["summary"]["baseline"]["unchanged"] == 10);
  CHECK(Check({"--baseline", dir + "/waivers.yaml"}, &out, &err) == kExitUsage);
  CHECK(err.find("not a kaohe JSON report") != std::string::npos);
}

}  // namespace kaohe
