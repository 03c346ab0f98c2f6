#include "src/load/fact_checker.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "engine/suggest.h"
#include "src/load/file_reader.h"

namespace kaohe {

const SourceFile* DocumentCache::Get(const std::string& path) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = files_.find(path);
  if (it != files_.end()) return it->second.get();
  if (unreadable_.count(path)) return nullptr;
  auto file = ReadTextFile(path);
  if (!file.ok()) {
    unreadable_[path] = true;
    return nullptr;
  }
  auto [pos, inserted] =
      files_.emplace(path, std::make_unique<SourceFile>(std::move(file).value()));
  return pos->second.get();
}

std::string Squeeze(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
    } else if (text.substr(i).starts_with("\u3000")) {
      i += 3;
    } else {
      out += text[i++];
    }
  }
  return out;
}

// How far from the cited line a quoted table row may reach.
constexpr int kQuoteWindowLines = 24;

bool FactChecker::VerifyQuote(const FactSource& source, const SourceLocation& where) {
  if (source.file.empty() || source.line <= 0) return true;
  const SourceFile* doc = documents_.Get(source.file);
  if (!doc) {
    diagnostics_.Warning("F009", where,
                         fmt::format("cannot read {} to check the quoted source", source.file));
    return true;
  }
  if (source.line > doc->line_count()) {
    diagnostics_.Error("F008", where,
                       fmt::format("{} has {} lines; the fact cites line {}", source.file,
                                   doc->line_count(), source.line));
    return false;
  }
  if (source.quote.empty()) return true;
  const std::string quote = Squeeze(source.quote);
  const std::string line = Squeeze(doc->Line(source.line));
  bool found = line.find(quote) != std::string::npos;
  if (!found) {
    // A sentence or a flattened table row may run over several lines: the quote must stand on
    // the lines around the cited one and cover part of it.
    std::string window;
    std::size_t line_begin = 0, line_end = 0;
    for (int l = std::max(1, source.line - kQuoteWindowLines);
         l <= std::min(doc->line_count(), source.line + kQuoteWindowLines); ++l) {
      if (l == source.line) line_begin = window.size();
      window += Squeeze(doc->Line(l));
      if (l == source.line) line_end = window.size();
    }
    for (std::size_t at = window.find(quote); at != std::string::npos && !found;
         at = window.find(quote, at + 1)) {
      found = at < line_end && at + quote.size() > line_begin;
    }
  }
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
