#include "src/report/sarif_reporter.h"

#include <map>
#include <nlohmann/json.hpp>

#include "engine/fingerprint.h"

namespace kaohe {
namespace {

std::string_view Level(Severity severity) {
  switch (severity) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      return "note";
  }
  return "error";
}

}  // namespace

std::string UriReference(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  out.reserve(path.size());
  for (char c : path) {
    const auto byte = static_cast<unsigned char>(c);
    const bool alnum = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (alnum || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
      out += c;
    } else {
      out += '%';
      out += kHex[byte >> 4];
      out += kHex[byte & 0x0F];
    }
  }
  return out;
}

void SarifReporter::Write(const ReportInput& input, std::ostream& out) const {
  using Json = nlohmann::ordered_json;
  Json rules = Json::array();
  std::map<std::string, int> rule_index;
  for (const CompiledPack& pack : input.rules.packs) {
    for (const CompiledRule& rule : pack.rules) {
      rule_index[rule.id] = static_cast<int>(rules.size());
      Json r;
      r["id"] = rule.id;
      r["name"] = rule.id;
      r["shortDescription"] = {{"text", rule.title.empty() ? rule.id.str() : rule.title.str()}};
      r["fullDescription"] = {
          {"text", rule.description.empty() ? rule.title.str() : rule.description}};
      r["help"] = {{"text", "check: " + rule.check_text +
                                (pack.document.empty() ? "" : "\ndocument: " + pack.document)}};
      r["defaultConfiguration"] = {{"level", Level(rule.severity)}};
      r["properties"] = {{"pack", pack.id}};
      rules.push_back(std::move(r));
    }
  }
  Json results = Json::array();
  for (const Finding& f : input.findings) {
    if (f.status != Status::kFail && f.status != Status::kConflict && f.status != Status::kError &&
        f.status != Status::kWaived) {
      continue;
    }
    Json result;
    result["ruleId"] = f.rule;
    if (rule_index.count(f.rule)) result["ruleIndex"] = rule_index[f.rule];
    result["level"] = f.status == Status::kError ? "error" : Level(f.severity);
    result["message"] = {
        {"text", f.arithmetic.empty() ? f.message : f.message + "（" + f.arithmetic + "）"}};
    const Fact* judged = JudgedFact(f);
    std::string uri = judged ? judged->source.file.str() : f.rule_location.file.str();
    int line = judged ? judged->source.line : f.rule_location.line;
    Json physical = {{"artifactLocation", {{"uri", UriReference(uri)}}}};
    if (line > 0) physical["region"] = {{"startLine", line}};
    result["locations"] = Json::array({{{"physicalLocation", physical}}});
    result["partialFingerprints"] = {{"kaoheFinding/v1", Fingerprint(f)}};
    if (f.status == Status::kWaived) {
      result["suppressions"] =
          Json::array({{{"kind", "external"}, {"justification", f.waiver_reason}}});
    }
    result["properties"] = {{"entity", f.entity},
                            {"indicator", f.indicator},
                            {"measure", MeasureId(f.measure)},
                            {"period", f.period},
                            {"status", StatusId(f.status)}};
    results.push_back(std::move(result));
  }
  Json sarif;
  sarif["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
  sarif["version"] = "2.1.0";
  Json run;
  run["tool"] = {{"driver",
                  {{"name", "kaohe"},
                   {"version", "0.1.0"},
                   {"informationUri", "https://github.com/kaohe/kaohe"},
                   {"rules", std::move(rules)}}}};
  run["results"] = std::move(results);
  run["columnKind"] = "unicodeCodePoints";
  sarif["runs"] = Json::array({std::move(run)});
  out << sarif.dump(2) << "\n";
}

}  // namespace kaohe
