#include "src/report/fact_json.h"

#include <cstring>

#include "src/report/json_text.h"

namespace kaohe {
namespace {

// Keys are fixed words that need no escaping; written in one append, as this runs for every
// field of every finding of a national report.
void Key(std::string& out, std::string_view key) {
  char text[32];
  text[0] = '"';
  std::memcpy(text + 1, key.data(), key.size());
  text[key.size() + 1] = '"';
  text[key.size() + 2] = ':';
  out.append(text, key.size() + 3);
}

void StringField(std::string& out, std::string_view key, std::string_view value) {
  Key(out, key);
  AppendJsonString(out, value);
  out += ',';
}

void IntField(std::string& out, std::string_view key, std::int64_t value) {
  Key(out, key);
  AppendJsonInt(out, value);
  out += ',';
}

}  // namespace

void AppendFactJson(std::string& out, const Fact& fact) {
  out += '{';
  StringField(out, "entity", fact.key.entity);
  StringField(out, "indicator", fact.key.indicator);
  StringField(out, "measure", MeasureId(fact.key.measure));
  IntField(out, "period", fact.key.period);
  StringField(out, "kind", FactKindId(fact.key.kind));
  Key(out, "value");
  AppendJsonNumber(out, fact.value);
  out += ',';
  StringField(out, "unit", fact.unit);
  StringField(out, "qualifier", QualifierId(fact.qualifier));
  Key(out, "preliminary");
  out += fact.preliminary ? "true," : "false,";
  Key(out, "strive");
  out += fact.strive ? "true," : "false,";
  Key(out, "source");
  out += '{';
  StringField(out, "file", fact.source.file);
  IntField(out, "line", fact.source.line);
  Key(out, "quote");
  AppendJsonString(out, fact.source.quote);
  out += "}}";
}

void AppendFindingJson(std::string& out, const Finding& f) {
  out += '{';
  StringField(out, "rule", f.rule);
  StringField(out, "pack", f.pack);
  StringField(out, "entity", f.entity);
  StringField(out, "indicator", f.indicator);
  StringField(out, "measure", MeasureId(f.measure));
  IntField(out, "period", f.period);
  StringField(out, "status", StatusId(f.status));
  StringField(out, "severity", SeverityId(f.severity));
  StringField(out, "message", f.message);
  for (const auto& [key, fact] : {std::pair{"actual", &f.actual}, std::pair{"target", &f.target}}) {
    Key(out, key);
    if (*fact) {
      AppendFactJson(out, **fact);
    } else {
      out += "null";
    }
    out += ',';
  }
  StringField(out, "arithmetic", f.arithmetic);
  Key(out, "missing");
  out += '[';
  for (std::size_t i = 0; i < f.missing.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(out, f.missing[i]);
  }
  out += "],";
  Key(out, "evidence");
  out += '[';
  for (std::size_t i = 0; i < f.evidence.size(); ++i) {
    if (i) out += ',';
    AppendFactJson(out, f.evidence[i]);
  }
  out += "],";
  Key(out, "rule_source");
  out += '{';
  StringField(out, "file", f.rule_location.file);
  Key(out, "line");
  AppendJsonInt(out, f.rule_location.line);
  out += '}';
  if (!f.waiver_reason.empty()) {
    out += ',';
    Key(out, "waiver");
    AppendJsonString(out, f.waiver_reason);
  }
  if (!f.baseline.empty()) {
    out += ',';
    Key(out, "baseline");
    AppendJsonString(out, f.baseline);
  }
  out += '}';
}

std::string FactJson(const Fact& fact) {
  std::string out;
  AppendFactJson(out, fact);
  return out;
}

std::string FindingJson(const Finding& finding) {
  std::string out;
  AppendFindingJson(out, finding);
  return out;
}

}  // namespace kaohe
