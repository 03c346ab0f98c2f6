#include "src/report/fact_json.h"

namespace kaohe {

nlohmann::ordered_json FactToJson(const Fact& fact) {
  nlohmann::ordered_json j;
  j["entity"] = fact.key.entity;
  j["indicator"] = fact.key.indicator;
  j["measure"] = MeasureId(fact.key.measure);
  j["period"] = fact.key.period;
  j["kind"] = FactKindId(fact.key.kind);
  j["value"] = fact.value;
  j["unit"] = fact.unit;
  j["qualifier"] = QualifierId(fact.qualifier);
  j["preliminary"] = fact.preliminary;
  j["strive"] = fact.strive;
  j["source"] = {
      {"file", fact.source.file}, {"line", fact.source.line}, {"quote", fact.source.quote}};
  return j;
}

nlohmann::ordered_json FindingToJson(const Finding& f) {
  nlohmann::ordered_json j;
  j["rule"] = f.rule;
  j["pack"] = f.pack;
  j["entity"] = f.entity;
  j["indicator"] = f.indicator;
  j["measure"] = MeasureId(f.measure);
  j["period"] = f.period;
  j["status"] = StatusId(f.status);
  j["severity"] = SeverityId(f.severity);
  j["message"] = f.message;
  j["actual"] = f.actual ? FactToJson(*f.actual) : nlohmann::ordered_json(nullptr);
  j["target"] = f.target ? FactToJson(*f.target) : nlohmann::ordered_json(nullptr);
  j["arithmetic"] = f.arithmetic;
  j["missing"] = f.missing;
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const Fact& e : f.evidence) evidence.push_back(FactToJson(e));
  j["evidence"] = std::move(evidence);
  j["rule_source"] = {{"file", f.rule_location.file}, {"line", f.rule_location.line}};
  if (!f.waiver_reason.empty()) j["waiver"] = f.waiver_reason;
  if (!f.baseline.empty()) j["baseline"] = f.baseline;
  return j;
}

}  // namespace kaohe
