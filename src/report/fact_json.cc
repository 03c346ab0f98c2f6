#include "src/report/fact_json.h"

#include <cassert>
#include <cmath>
#include <cstdint>
#include <optional>

#include "src/report/json_text.h"

namespace kaohe {
namespace {

bool SameFact(const Fact& a, const Fact& b) {
  return a.key == b.key && a.value == b.value && a.unit == b.unit && a.qualifier == b.qualifier &&
         a.preliminary == b.preliminary && a.strive == b.strive && a.source == b.source;
}

// Room for a fact's literals, words and numbers: about 320 bytes at most, 240 as a rule.
constexpr std::size_t kFactFixedRoom = 384;
constexpr std::size_t kFactLiteralBytes = 256;
// Room for what a finding writes between two of its strings, its facts' included: the longest
// stretch is a fact's (see kFactFixedRoom).
constexpr std::size_t kFindingFixedRoom = 384;

// The room a fact's strings take when none needs escaping (one that does makes its own).
std::size_t FactStringRoom(const Fact& fact) {
  return fact.key.entity.size() + fact.key.indicator.size() + fact.unit.size() +
         fact.source.file.size() + fact.source.quote.size() + 10;
}

// Within a run, whose fixed room holds what a fact writes between two of its strings.
void WriteFact(JsonRun& json, const Fact& fact) {
  json.Raw("{\"entity\":");
  json.NameText(fact.key.entity);
  json.Raw(",\"indicator\":");
  json.NameText(fact.key.indicator);
  json.Raw(",\"measure\":");
  json.Word(MeasureId(fact.key.measure));
  json.Raw(",\"period\":");
  json.Int(fact.key.period);
  json.Raw(",\"kind\":");
  json.Word(FactKindId(fact.key.kind));
  json.Raw(",\"value\":");
  assert(std::isfinite(fact.value) && "loaders and the extractor refuse non-finite values");
  json.Number(fact.value);
  json.Raw(",\"unit\":");
  json.NameText(fact.unit);
  json.Raw(",\"qualifier\":");
  json.Word(QualifierId(fact.qualifier));
  if (fact.preliminary) {
    json.Raw(",\"preliminary\":true");
  } else {
    json.Raw(",\"preliminary\":false");
  }
  if (fact.strive) {
    json.Raw(",\"strive\":true");
  } else {
    json.Raw(",\"strive\":false");
  }
  json.Raw(",\"source\":{\"file\":");
  json.NameText(fact.source.file);
  json.Raw(",\"line\":");
  json.Int(fact.source.line);
  json.Raw(",\"quote\":");
  json.NameText(fact.source.quote);
  json.Raw("}}");
}

}  // namespace

void AppendFactJson(std::string& out, const Fact& fact) {
  JsonRun json(out, kFactFixedRoom, FactStringRoom(fact));
  WriteFact(json, fact);
}

void AppendFindingJson(std::string& out, const Finding& f) {
  // The rule's own actual and target are among the facts it read: the report gives their place
  // in `evidence` rather than writing each twice (a third of a national report's bytes). A
  // finding built elsewhere may hold one that is not in its evidence; it is then listed last.
  const Fact* appended[2] = {};
  std::size_t appended_count = 0;
  auto place = [&](const std::optional<Fact>& fact) -> std::optional<std::size_t> {
    if (!fact) return std::nullopt;
    std::size_t at = 0;
    while (at < f.evidence.size() && !SameFact(f.evidence[at], *fact)) ++at;
    if (at == f.evidence.size()) {
      std::size_t j = 0;
      while (j < appended_count && !SameFact(*appended[j], *fact)) ++j;
      if (j == appended_count) appended[appended_count++] = &*fact;
      at += j;
    }
    return at;
  };
  const std::optional<std::size_t> actual = place(f.actual);
  const std::optional<std::size_t> target = place(f.target);
  // One run for the whole finding, its room made once: the facts' literals, and their strings
  // as they are when nothing in them is escaped.
  // The message and the arithmetic are scanned for escapes once, for their room and writing.
  const bool message_escapes = NeedsJsonEscape(f.message);
  const bool arithmetic_escapes = NeedsJsonEscape(f.arithmetic);
  std::size_t room = JsonNameRoom(f.rule) + JsonNameRoom(f.pack) + JsonNameRoom(f.entity) +
                     JsonNameRoom(f.indicator) + JsonStringRoom(f.message.size(), message_escapes) +
                     JsonStringRoom(f.arithmetic.size(), arithmetic_escapes) +
                     JsonNameRoom(f.rule_location.file) + JsonStringRoom(f.waiver_reason) +
                     JsonStringRoom(f.baseline);
  for (const Fact& fact : f.evidence) room += FactStringRoom(fact) + kFactLiteralBytes;
  for (std::size_t j = 0; j < appended_count; ++j) {
    room += FactStringRoom(*appended[j]) + kFactLiteralBytes;
  }
  JsonRun json(out, kFindingFixedRoom, room);
  json.Raw("{\"rule\":");
  json.NameText(f.rule);
  json.Raw(",\"pack\":");
  json.NameText(f.pack);
  json.Raw(",\"entity\":");
  json.NameText(f.entity);
  json.Raw(",\"indicator\":");
  json.NameText(f.indicator);
  json.Raw(",\"measure\":");
  json.Word(MeasureId(f.measure));
  json.Raw(",\"period\":");
  json.Int(f.period);
  json.Raw(",\"status\":");
  json.Word(StatusId(f.status));
  json.Raw(",\"severity\":");
  json.Word(SeverityId(f.severity));
  json.Raw(",\"message\":");
  json.String(f.message, message_escapes);
  json.Raw(",\"actual\":");
  if (actual) {
    json.Int(static_cast<std::int64_t>(*actual));
  } else {
    json.Raw("null");
  }
  json.Raw(",\"target\":");
  if (target) {
    json.Int(static_cast<std::int64_t>(*target));
  } else {
    json.Raw("null");
  }
  json.Raw(",\"arithmetic\":");
  json.String(f.arithmetic, arithmetic_escapes);
  json.Raw(",\"missing\":[");
  for (std::size_t i = 0; i < f.missing.size(); ++i) {
    if (i) json.Raw(",");
    json.String(f.missing[i]);
  }
  json.Raw("],\"evidence\":[");
  for (std::size_t i = 0; i < f.evidence.size(); ++i) {
    if (i) json.Raw(",");
    WriteFact(json, f.evidence[i]);
  }
  for (std::size_t j = 0; j < appended_count; ++j) {
    if (!f.evidence.empty() || j > 0) json.Raw(",");
    WriteFact(json, *appended[j]);
  }
  json.Raw("],\"rule_source\":{\"file\":");
  json.NameText(f.rule_location.file);
  json.Raw(",\"line\":");
  json.Int(f.rule_location.line);
  json.Raw("}");
  if (!f.waiver_reason.empty()) {
    json.Raw(",\"waiver\":");
    json.String(f.waiver_reason);
  }
  if (!f.baseline.empty()) {
    json.Raw(",\"baseline\":");
    json.String(f.baseline);
  }
  json.Raw("}");
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
