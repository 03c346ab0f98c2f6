#include "src/load/fact_checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "engine/suggest.h"
#include "src/load/file_reader.h"

namespace kaohe {

namespace {

// Whether `text` holds `part`, in time linear in their sizes (glibc's two-way memmem), so that
// no quote can make a long line slow to search.
bool Contains(std::string_view text, std::string_view part) {
  return ::memmem(text.data(), text.size(), part.data(), part.size()) != nullptr;
}

}  // namespace

// How far from the cited line a quoted table row may reach.
constexpr int kQuoteWindowLines = 24;

bool FactChecker::VerifyQuote(const FactSource& source, const SourceLocation& where) {
  if (source.file.empty() || source.line <= 0) return true;
  const CitedFile cited = documents_.Get(source.file);
  if (cited.outside_root) {
    diagnostics_.Error("F013", where,
                       fmt::format("the fact cites {}, outside the project root {}", source.file,
                                   documents_.root().display()));
    return false;
  }
  const CitedDocument* doc = cited.document.get();
  if (!doc) {
    diagnostics_.Warning(
        "F009", where,
        fmt::format("cannot read {} to check the quoted source: {}", source.file, cited.problem));
    return true;
  }
  if (source.line > doc->line_count()) {
    diagnostics_.Error("F008", where,
                       fmt::format("{} has {} lines; the fact cites line {}", source.file,
                                   doc->line_count(), source.line));
    return false;
  }
  const std::string quote = Squeeze(source.quote);
  if (quote.empty()) return true;
  // A sentence or a flattened table row may run over several lines: the quote must stand on
  // the lines around the cited one and overlap it, so it starts after line_begin - size and
  // ends before line_end + size.
  const int first = std::max(1, source.line - kQuoteWindowLines);
  const int last = std::min(doc->line_count(), source.line + kQuoteWindowLines);
  const std::string_view window = doc->Squeezed(first, last);
  const std::size_t line_begin = doc->Squeezed(first, source.line - 1).size();
  const std::size_t line_end = line_begin + doc->Squeezed(source.line, source.line).size();
  const std::size_t from = line_begin >= quote.size() ? line_begin - quote.size() + 1 : 0;
  const std::size_t to = std::min(window.size(), line_end + quote.size() - 1);
  const bool found = from < to && Contains(window.substr(from, to - from), quote);
  if (!found) {
    diagnostics_.Error("F008", where,
                       fmt::format("the quote is not on line {} of {}: '{}'", source.line,
                                   source.file, source.quote));
    return false;
  }
  return true;
}

bool FactChecker::Check(Fact& fact, const SourceLocation& where) {
  // Each loader refuses a value that is not finite where it reads it; this keeps one that slips
  // through any loader from being judged, or written to a report as null.
  if (!std::isfinite(fact.value)) {
    diagnostics_.Error("F003", where, "value must be a finite number");
    return false;
  }
  bool ok = true;
  if (const Entity* entity = dictionary_.EntityNamed(fact.key.entity)) {
    fact.key.entity = entity->name;
  } else if (fact.key.entity.empty()) {
    diagnostics_.Warning("F010", where, "the fact names no entity");
  } else {
    diagnostics_.Warning(
        "F010", where,
        fmt::format("entity '{}' is not in the dictionary: rules scoped by kind or "
                    "parent will not see it{}",
                    fact.key.entity, DidYouMeanSuffix(fact.key.entity, dictionary_.EntityWords())));
  }
  const Indicator* indicator = dictionary_.IndicatorNamed(fact.key.indicator);
  if (indicator) {
    fact.key.indicator = indicator->id;
    if (!indicator->HasMeasure(fact.key.measure)) {
      diagnostics_.Error(
          "F005", where,
          fmt::format("indicator {} has no {}", indicator->id, MeasureId(fact.key.measure)));
      ok = false;
    } else if (!indicator->AcceptsUnit(fact.key.measure, fact.unit)) {
      std::string expected = fact.key.measure == Measure::kGrowth ? "%" : "";
      if (expected.empty()) {
        for (const std::string& u : indicator->units)
          expected += (expected.empty() ? "" : " or ") + u;
      }
      diagnostics_.Error("F006", where,
                         fmt::format("unit {} does not fit {} {} (expected {})", fact.unit,
                                     indicator->id, MeasureId(fact.key.measure), expected));
      ok = false;
    }
  } else {
    diagnostics_.Warning(
        "F011", where,
        fmt::format("indicator '{}' is not in the dictionary: no rule can read "
                    "it{}",
                    fact.key.indicator,
                    DidYouMeanSuffix(fact.key.indicator, dictionary_.IndicatorWords())));
    if (fact.key.measure == Measure::kGrowth && fact.unit != "%") {
      diagnostics_.Error("F006", where, fmt::format("a growth is in %, not {}", fact.unit));
      ok = false;
    }
  }
  if (fact.key.period < 1900 || fact.key.period > 2200) {
    diagnostics_.Error("F007", where, fmt::format("{} is not a plausible year", fact.key.period));
    ok = false;
  }
  return ok;
}

}  // namespace kaohe
