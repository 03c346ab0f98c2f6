#include "src/report/fact_json.h"

#include <cstdint>
#include <optional>

#include "src/report/json_text.h"

namespace kaohe {
namespace {

// Keys and fixed words are written as literals, quotes and colon included, in one append each:
// this runs for every field of every finding of a national report.
template <std::size_t N>
void Raw(std::string& out, const char (&text)[N]) {
  out.append(text, N - 1);
}

void Raw(std::string& out, std::string_view text) { out.append(text); }

// A word from a fixed vocabulary (measure, kind, status …): needs no escaping.
void Word(std::string& out, std::string_view word) {
  out += '"';
  out.append(word);
  out += '"';
}

bool SameFact(const Fact& a, const Fact& b) {
  return a.key == b.key && a.value == b.value && a.unit == b.unit && a.qualifier == b.qualifier &&
         a.preliminary == b.preliminary && a.strive == b.strive && a.source == b.source;
}

}  // namespace

void AppendFactJson(std::string& out, const Fact& fact) {
  Raw(out, "{\"entity\":");
  AppendJsonString(out, fact.key.entity);
  Raw(out, ",\"indicator\":");
  AppendJsonString(out, fact.key.indicator);
  Raw(out, ",\"measure\":");
  Word(out, MeasureId(fact.key.measure));
  Raw(out, ",\"period\":");
  AppendJsonInt(out, fact.key.period);
  Raw(out, ",\"kind\":");
  Word(out, FactKindId(fact.key.kind));
  Raw(out, ",\"value\":");
  AppendJsonNumber(out, fact.value);
  Raw(out, ",\"unit\":");
  AppendJsonString(out, fact.unit);
  Raw(out, ",\"qualifier\":");
  Word(out, QualifierId(fact.qualifier));
  Raw(out, fact.preliminary ? ",\"preliminary\":true" : ",\"preliminary\":false");
  Raw(out, fact.strive ? ",\"strive\":true" : ",\"strive\":false");
  Raw(out, ",\"source\":{\"file\":");
  AppendJsonString(out, fact.source.file);
  Raw(out, ",\"line\":");
  AppendJsonInt(out, fact.source.line);
  Raw(out, ",\"quote\":");
  AppendJsonString(out, fact.source.quote);
  Raw(out, "}}");
}

void AppendFindingJson(std::string& out, const Finding& f) {
  Raw(out, "{\"rule\":");
  AppendJsonString(out, f.rule);
  Raw(out, ",\"pack\":");
  AppendJsonString(out, f.pack);
  Raw(out, ",\"entity\":");
  AppendJsonString(out, f.entity);
  Raw(out, ",\"indicator\":");
  AppendJsonString(out, f.indicator);
  Raw(out, ",\"measure\":");
  Word(out, MeasureId(f.measure));
  Raw(out, ",\"period\":");
  AppendJsonInt(out, f.period);
  Raw(out, ",\"status\":");
  Word(out, StatusId(f.status));
  Raw(out, ",\"severity\":");
  Word(out, SeverityId(f.severity));
  Raw(out, ",\"message\":");
  AppendJsonString(out, f.message);
  // The rule's own actual and target are among the facts it read: the report gives their place
  // in `evidence` rather than writing each twice (a third of a national report's bytes). A
  // finding built elsewhere may hold one that is not in its evidence; it is then listed last.
  const Fact* appended[2] = {};
  std::size_t appended_count = 0;
  auto place = [&](const std::optional<Fact>& fact) {
    if (!fact) {
      Raw(out, "null");
      return;
    }
    std::size_t at = 0;
    while (at < f.evidence.size() && !SameFact(f.evidence[at], *fact)) ++at;
    if (at == f.evidence.size()) {
      std::size_t j = 0;
      while (j < appended_count && !SameFact(*appended[j], *fact)) ++j;
      if (j == appended_count) appended[appended_count++] = &*fact;
      at += j;
    }
    AppendJsonInt(out, static_cast<std::int64_t>(at));
  };
  Raw(out, ",\"actual\":");
  place(f.actual);
  Raw(out, ",\"target\":");
  place(f.target);
  Raw(out, ",\"arithmetic\":");
  AppendJsonString(out, f.arithmetic);
  Raw(out, ",\"missing\":[");
  for (std::size_t i = 0; i < f.missing.size(); ++i) {
    if (i) out += ',';
    AppendJsonString(out, f.missing[i]);
  }
  Raw(out, "],\"evidence\":[");
  for (std::size_t i = 0; i < f.evidence.size(); ++i) {
    if (i) out += ',';
    AppendFactJson(out, f.evidence[i]);
  }
  for (std::size_t j = 0; j < appended_count; ++j) {
    if (!f.evidence.empty() || j > 0) out += ',';
    AppendFactJson(out, *appended[j]);
  }
  Raw(out, "],\"rule_source\":{\"file\":");
  AppendJsonString(out, f.rule_location.file);
  Raw(out, ",\"line\":");
  AppendJsonInt(out, f.rule_location.line);
  Raw(out, "}");
  if (!f.waiver_reason.empty()) {
    Raw(out, ",\"waiver\":");
    AppendJsonString(out, f.waiver_reason);
  }
  if (!f.baseline.empty()) {
    Raw(out, ",\"baseline\":");
    AppendJsonString(out, f.baseline);
  }
  Raw(out, "}");
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
