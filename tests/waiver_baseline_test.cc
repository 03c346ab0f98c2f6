#include <doctest/doctest.h>

#include "engine/baseline.h"
#include "engine/fingerprint.h"
#include "engine/waiver.h"
#include "tests/test_support.h"

namespace kaohe {

using testing::AllMessages;
using testing::CompilePack;
using testing::FindCode;
using testing::MakeWorld;

TEST_CASE("glob patterns match whole names, in characters") {
  CHECK(GlobMatch("*", "anything"));
  CHECK(GlobMatch("duji-*", "duji-growth-within-plan"));
  CHECK_FALSE(GlobMatch("duji-*", "zone-total"));
  CHECK(GlobMatch("*经济开发区", "杜集经济开发区"));
  CHECK(GlobMatch("?集区", "杜集区"));
  CHECK_FALSE(GlobMatch("?集区", "杜集经济开发区"));
  CHECK(GlobMatch("202?", "2023"));
  CHECK_FALSE(GlobMatch("2023", "2024"));
}

namespace {

struct Fixture {
  std::unique_ptr<testing::World> world = MakeWorld();
  FindingList findings;  // judged, explained when read: waivers and baselines act on verdicts
  Fixture(bool waivable = true) {
    std::string pack = std::string(
                           "pack: p\nrules:\n  - {id: r, scope: [甲区, 乙区], indicator: gdp, "
                           "measure: growth, period: 2023, check: meets_target") +
                       (waivable ? "" : ", waivable: false") + "}\n";
    REQUIRE(CompilePack(*world, pack));
    for (const char* e : {"甲区", "乙区"}) {
      world->facts.Add(
          testing::MakeFact(e, "gdp", Measure::kGrowth, 2023, FactKind::kActual, 5, "%"));
      world->facts.Add(
          testing::MakeFact(e, "gdp", Measure::kGrowth, 2023, FactKind::kTarget, 7, "%"));
    }
    findings = Judge(*world->rules, world->facts, *world->dictionary);
    REQUIRE(findings.size() == 2);
  }
  std::vector<Waiver> Waivers(const std::string& yaml) {
    auto w = LoadWaivers(world->AddFile("waivers.yaml", yaml), &*world->rules, world->diagnostics);
    REQUIRE_MESSAGE(!world->diagnostics.has_errors(), AllMessages(world->diagnostics));
    return w;
  }
};

int CountCode(const Diagnostics& diagnostics, const std::string& code) {
  int n = 0;
  for (const Diagnostic& d : diagnostics.all()) n += d.code == code;
  return n;
}

constexpr const char* kWaiver = R"(waivers:
  - {rule: r, entity: 甲区, period: "2023", reason: 口径调整, owner: 王某, expires: 2026-12-31}
)";

}  // namespace

TEST_CASE("a waiver turns a failure into waived, with its reason") {
  Fixture f;
  ApplyWaivers(f.findings, f.Waivers(kWaiver), *f.world->rules, "2026-11-22", f.world->diagnostics);
  CHECK(f.findings[0].status == Status::kWaived);
  CHECK(f.findings[0].waiver_reason == "口径调整（王某，有效至 2026-12-31）");
  CHECK(f.findings[1].status == Status::kFail);  // 乙区 is not covered
  CHECK_FALSE(FindCode(f.world->diagnostics, "W001"));
}

TEST_CASE("an expired waiver stops waiving and says so") {
  Fixture f;
  ApplyWaivers(f.findings, f.Waivers(kWaiver), *f.world->rules, "2027-01-01", f.world->diagnostics);
  CHECK(f.findings[0].status == Status::kFail);
  CHECK(f.findings[0].message.find("豁免已于 2026-12-31 到期") != std::string::npos);
  CHECK(FindCode(f.world->diagnostics, "W002"));
}

TEST_CASE("an unwaivable rule cannot be waived; a waiver that matches nothing is a warning") {
  Fixture f(/*waivable=*/false);
  ApplyWaivers(f.findings, f.Waivers(kWaiver), *f.world->rules, "2026-11-22", f.world->diagnostics);
  CHECK(f.findings[0].status == Status::kFail);
  CHECK(FindCode(f.world->diagnostics, "W003"));
  Fixture g;
  ApplyWaivers(g.findings,
               g.Waivers("waivers:\n  - {rule: r, entity: 丙区, reason: x, owner: y, expires: "
                         "2030-01-01}\n"),
               *g.world->rules, "2026-11-22", g.world->diagnostics);
  const Diagnostic* unused = FindCode(g.world->diagnostics, "W001");
  REQUIRE(unused);
  CHECK(unused->location.line == 2);
}

TEST_CASE("waiver files are checked: unknown rules with did-you-mean, dates, required keys") {
  Fixture f;
  LoadWaivers(f.world->AddFile("bad.yaml", R"(waivers:
  - {rule: q, reason: x, owner: y, expires: 2026-13-01}
  - {rule: rr, reason: x, owner: y, expires: 2026-12-01}
  - {rule: r, owner: y, expires: 2026-12-01, ownr: z}
)"),
              &*f.world->rules, f.world->diagnostics);
  std::string all = AllMessages(f.world->diagnostics);
  CHECK(all.find("bad.yaml:2:") != std::string::npos);
  CHECK(all.find("expires must be a date YYYY-MM-DD, not '2026-13-01'") != std::string::npos);
  CHECK(all.find("no rule 'rr' (did you mean r?)") != std::string::npos);
  CHECK(all.find("missing required key 'reason'") != std::string::npos);
  CHECK(all.find("unknown key 'ownr' in a waiver (did you mean owner?)") != std::string::npos);
}

TEST_CASE("a waived finding keeps referring to its waiver, not a copy of its reason") {
  Fixture f;
  ApplyWaivers(f.findings, f.Waivers(kWaiver), *f.world->rules, "2026-11-22", f.world->diagnostics);
  CHECK(f.findings.verdict(0).whole == Verdict::kNotWhole);
  CHECK(f.findings.verdict(0).waiver != Verdict::kNoWaiver);
  CHECK(f.findings.Heading(0).waiver_reason == "口径调整（王某，有效至 2026-12-31）");
  CHECK(f.findings[1].waiver_reason.empty());
}

TEST_CASE("the first waiver in order wins, whether it names the rule or matches it") {
  Fixture f;
  ApplyWaivers(f.findings, f.Waivers(R"(waivers:
  - {rule: "*", entity: 乙区, reason: A, owner: o, expires: 2030-01-01}
  - {rule: r, entity: 甲区, reason: B, owner: o, expires: 2030-01-01}
  - {rule: r, entity: "*", reason: C, owner: o, expires: 2030-01-01}
  - {rule: "?", entity: 甲区, reason: D, owner: o, expires: 2030-01-01}
)"),
               *f.world->rules, "2026-11-22", f.world->diagnostics);
  CHECK(f.findings[0].waiver_reason == "B（o，有效至 2030-01-01）");  // 甲区
  CHECK(f.findings[1].waiver_reason == "A（o，有效至 2030-01-01）");  // 乙区
  Fixture g;
  ApplyWaivers(g.findings, g.Waivers(R"(waivers:
  - {rule: "r*", entity: "?区", period: "2024", reason: P, owner: o, expires: 2030-01-01}
  - {rule: "r*", entity: "?区", reason: Q, owner: o, expires: 2030-01-01}
  - {rule: r, entity: 甲区, reason: E, owner: o, expires: 2030-01-01}
)"),
               *g.world->rules, "2026-11-22", g.world->diagnostics);
  CHECK(g.findings[0].waiver_reason == "Q（o，有效至 2030-01-01）");
  CHECK(g.findings[1].waiver_reason == "Q（o，有效至 2030-01-01）");
  // P (another period) and E (after Q) matched nothing.
  CHECK(CountCode(g.world->diagnostics, "W001") == 2);
}

TEST_CASE("waivers that match nothing are listed up to 20, then counted") {
  Fixture f;
  std::string yaml = "waivers:\n";
  for (int i = 0; i < 25; ++i) {
    yaml += "  - {rule: r, entity: 无区" + std::to_string(i) +
            ", reason: x, owner: y, expires: 2030-01-01}\n";
  }
  ApplyWaivers(f.findings, f.Waivers(yaml), *f.world->rules, "2026-11-22", f.world->diagnostics);
  CHECK(CountCode(f.world->diagnostics, "W001") == 21);
  CHECK(AllMessages(f.world->diagnostics)
            .find("this waiver and 4 more after it match no failing finding") != std::string::npos);
}

TEST_CASE("a waiver's reason and other fields are at most 1,000 characters") {
  Fixture f;
  LoadWaivers(f.world->AddFile("long.yaml",
                               "waivers:\n  - {rule: r, reason: " + std::string(1000, 'x') +
                                   ", owner: y, expires: 2030-01-01}\n  - {rule: r, "
                                   "reason: " +
                                   std::string(1001, 'x') + ", owner: y, expires: 2030-01-01}\n"),
              &*f.world->rules, f.world->diagnostics);
  const Diagnostic* long_reason = FindCode(f.world->diagnostics, "Y010");
  REQUIRE(long_reason);
  CHECK(long_reason->location.line == 3);
  CHECK(long_reason->message == "reason is longer than 1000 characters");
  CHECK(CountCode(f.world->diagnostics, "Y010") == 1);
}

TEST_CASE("against a baseline, failures are new or unchanged, fixed ones resolved") {
  Fixture f;
  std::vector<BaselineEntry> baseline = {{Fingerprint(f.findings[0]), Status::kFail}};
  Finding gone = f.findings[0];
  gone.entity = "丙区";
  baseline.push_back({Fingerprint(gone), Status::kFail});
  BaselineCounts counts = ApplyBaseline(f.findings, baseline);
  CHECK(f.findings[0].baseline == "unchanged");
  CHECK(f.findings[1].baseline == "new");
  CHECK(counts.unchanged == 1);
  CHECK(counts.new_failures == 1);
  CHECK(counts.new_error_failures == 1);
  CHECK(counts.resolved == 1);  // 丙区 is no longer evaluated
  Finding fixed = f.findings[1];
  fixed.status = Status::kPass;
  fixed.baseline.clear();
  FindingList now(std::vector<Finding>{fixed});
  ApplyBaseline(now, {{Fingerprint(fixed), Status::kFail}});
  CHECK(now[0].baseline == "resolved");
}

}  // namespace kaohe
