#include "src/report/html_reporter.h"

#include <nlohmann/json.hpp>

#include "engine/units.h"
#include "src/report/html_template.h"

namespace kaohe {
namespace {

using Json = nlohmann::ordered_json;

Json FactView(const Fact& f, const Dictionary& dictionary) {
  (void)dictionary;
  return {{"kind", FactKindId(f.key.kind)},
          {"entity", f.key.entity},
          {"period", f.key.period},
          {"value", f.value},
          {"unit", f.unit},
          {"text", FormatFactValue(f)},
          {"preliminary", f.preliminary},
          {"strive", f.strive},
          {"file", f.source.file},
          {"line", f.source.line},
          {"quote", f.source.quote}};
}

}  // namespace

std::string ScriptSafeJson(std::string_view json) {
  std::string safe;
  safe.reserve(json.size() + json.size() / 16);
  for (std::size_t i = 0; i < json.size(); ++i) {
    const char c = json[i];
    if (c == '<') {
      safe += "\\u003c";
    } else if (c == '>') {
      safe += "\\u003e";
    } else if (c == '&') {
      safe += "\\u0026";
    } else if (c == '\xe2' && json.substr(i + 1, 1) == "\x80" && i + 2 < json.size() &&
               (json[i + 2] == '\xa8' || json[i + 2] == '\xa9')) {
      safe += json[i + 2] == '\xa8' ? "\\u2028" : "\\u2029";
      i += 2;
    } else {
      safe += c;
    }
  }
  return safe;
}

void HtmlReporter::Write(const ReportInput& input, std::ostream& out) const {
  Json rules = Json::array();
  for (const CompiledPack& pack : input.rules.packs) {
    for (const CompiledRule& rule : pack.rules) {
      rules.push_back(
          {{"id", rule.id}, {"title", rule.title}, {"pack", pack.id}, {"check", rule.check_text}});
    }
  }
  Json findings = Json::array();
  for (const Finding& f : input.findings) {
    const Entity* entity = input.dictionary.FindEntity(f.entity);
    const Indicator* indicator = input.dictionary.FindIndicator(f.indicator);
    Json evidence = Json::array();
    for (const Fact& e : f.evidence) evidence.push_back(FactView(e, input.dictionary));
    Json view = {{"rule", f.rule},
                 {"entity", f.entity},
                 {"kind", entity ? std::string(EntityKindId(entity->kind)) : ""},
                 {"kindName", entity ? std::string(EntityKindName(entity->kind)) : ""},
                 {"indicator", f.indicator},
                 {"indicatorName", indicator ? indicator->name : f.indicator.str()},
                 {"measure", MeasureId(f.measure)},
                 {"period", f.period},
                 {"status", StatusId(f.status)},
                 {"severity", SeverityId(f.severity)},
                 {"message", f.message},
                 {"arithmetic", f.arithmetic},
                 {"missing", f.missing},
                 {"waiver", f.waiver_reason},
                 {"baseline", f.baseline},
                 {"evidence", std::move(evidence)}};
    view["actual"] = f.actual ? FactView(*f.actual, input.dictionary) : Json(nullptr);
    view["target"] = f.target ? FactView(*f.target, input.dictionary) : Json(nullptr);
    findings.push_back(std::move(view));
  }
  const Summary& s = input.summary;
  Json data = {{"generatedAt", input.generated_at},
               {"summary",
                {{"total", s.total},
                 {"pass", s.pass},
                 {"fail", s.fail},
                 {"no_data", s.no_data},
                 {"conflict", s.conflict},
                 {"error", s.error},
                 {"waived", s.waived}}},
               {"rules", std::move(rules)},
               {"findings", std::move(findings)}};
  out << kHtmlHead << ScriptSafeJson(data.dump()) << kHtmlTail;
}

}  // namespace kaohe
