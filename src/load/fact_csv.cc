// LoadFactsCsv: one fact a row; the header names the columns (entity, indicator, measure,
// period, kind, value, unit, qualifier, preliminary, strive, file, line, quote). The value
// may carry its qualifier as a report prints it ("7 以上"); the unit may be a surface unit
// (亿元), converted to the canonical one.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <map>

#include "engine/suggest.h"
#include "engine/units.h"
#include "src/load/csv.h"
#include "src/load/fact_loaders.h"
#include "src/text/cell_value.h"

namespace kaohe {

void LoadFactsCsv(const SourceFile& file, FactChecker& checker, FactStore& store,
                  std::size_t max_facts) {
  Diagnostics& diagnostics = checker.diagnostics();
  std::vector<CsvRecord> records;
  CsvError csv_error;
  if (!ParseCsv(file.text(), records, csv_error)) {
    diagnostics.Error("C001", {file.path(), csv_error.line, csv_error.column},
                      "CSV syntax error: " + csv_error.message, SnippetAt(file, csv_error.line));
    return;
  }
  if (records.empty()) {
    diagnostics.Error("C002", {file.path(), 1, 1}, "the CSV file has no header row");
    return;
  }
  static const std::vector<std::string> kColumns = {
      "entity",    "indicator",   "measure", "period", "kind", "value", "unit",
      "qualifier", "preliminary", "strive",  "file",   "line", "quote"};
  std::map<std::string, std::size_t> index;
  bool ok = true;
  auto at = [&](const CsvField& f) { return SourceLocation{file.path(), f.line, f.column}; };
  for (std::size_t c = 0; c < records[0].size(); ++c) {
    const CsvField& h = records[0][c];
    if (std::find(kColumns.begin(), kColumns.end(), h.text) == kColumns.end()) {
      diagnostics.Error(
          "C002", at(h),
          fmt::format("unknown column '{}'{}", h.text, DidYouMeanSuffix(h.text, kColumns)),
          SnippetAt(file, h.line));
      ok = false;
    } else if (!index.emplace(h.text, c).second) {
      diagnostics.Error("C002", at(h), fmt::format("column '{}' appears twice", h.text),
                        SnippetAt(file, h.line));
      ok = false;
    }
  }
  for (const char* required : {"entity", "indicator", "period", "kind", "value", "unit"}) {
    if (!index.count(required)) {
      diagnostics.Error("C002", {file.path(), 1, 1},
                        fmt::format("the header has no '{}' column", required), SnippetAt(file, 1));
      ok = false;
    }
  }
  if (!ok) return;
  for (std::size_t r = 1; r < records.size() && store.size() <= max_facts; ++r) {
    const CsvRecord& row = records[r];
    SourceLocation row_at{file.path(), row[0].line, 1};
    if (row.size() != records[0].size()) {
      diagnostics.Error(
          "C003", row_at,
          fmt::format("the row has {} fields but the header has {}", row.size(), records[0].size()),
          SnippetAt(file, row[0].line));
      continue;
    }
    auto get = [&](const char* name) -> const CsvField* {
      auto it = index.find(name);
      return it == index.end() ? nullptr : &row[it->second];
    };
    auto bad = [&](const CsvField* f, std::string message) {
      diagnostics.Error("C004", at(*f), std::move(message), SnippetAt(file, f->line));
      return false;
    };
    Fact fact;
    bool row_ok = true;
    fact.key.entity = get("entity")->text;
    fact.key.indicator = get("indicator")->text;
    if (const CsvField* f = get("measure"); f && !f->text.empty()) {
      auto m = MeasureFromId(f->text);
      if (m)
        fact.key.measure = *m;
      else
        row_ok = bad(f, fmt::format("measure must be level or growth, not '{}'", f->text));
    }
    {
      const CsvField* f = get("period");
      char* end = nullptr;
      long year = std::strtol(f->text.c_str(), &end, 10);
      if (f->text.empty() || *end != '\0')
        row_ok = bad(f, fmt::format("'{}' is not a year", f->text));
      else
        fact.key.period = static_cast<int>(year);
    }
    {
      const CsvField* f = get("kind");
      auto k = FactKindFromId(f->text);
      if (k)
        fact.key.kind = *k;
      else
        row_ok = bad(f, fmt::format("kind must be actual or target, not '{}'", f->text));
    }
    const CsvField* unit_field = get("unit");
    auto declared = ParseUnit(unit_field->text);
    if (!declared) row_ok = bad(unit_field, fmt::format("unknown unit '{}'", unit_field->text));
    const CsvField* value_field = get("value");
    std::string error;
    auto value = ParseCellValue(value_field->text, error);
    if (!value) row_ok = bad(value_field, error);
    if (!row_ok) continue;
    ScaledUnit unit = *declared;
    if (!value->unit.empty()) {
      auto written = ParseUnit(value->unit);
      if (!written || written->unit.name != declared->unit.name) {
        bad(value_field, fmt::format("the value is in {} but the unit column says {}", value->unit,
                                     unit_field->text));
        continue;
      }
      unit = *written;
    }
    fact.value = value->value * unit.scale;
    if (!std::isfinite(fact.value)) {
      bad(value_field, fmt::format("the value is too large in {}", unit_field->text));
      continue;
    }
    fact.unit = std::string(unit.unit.name);
    fact.qualifier = value->qualifier;
    if (const CsvField* f = get("qualifier"); f && !f->text.empty()) {
      auto q = QualifierFromId(f->text);
      if (!q) {
        bad(f, fmt::format("unknown qualifier '{}'", f->text));
        continue;
      }
      if (fact.qualifier != Qualifier::kNone && fact.qualifier != *q) {
        bad(f, "the value's own qualifier differs from the qualifier column");
        continue;
      }
      fact.qualifier = *q;
    }
    for (const char* flag : {"preliminary", "strive"}) {
      const CsvField* f = get(flag);
      if (!f || f->text.empty()) continue;
      if (f->text != "true" && f->text != "false") {
        row_ok = bad(f, fmt::format("{} must be true or false", flag));
        continue;
      }
      SetFlag(fact, flag, f->text == "true");
    }
    if (const CsvField* f = get("file")) fact.source.file = f->text;
    if (const CsvField* f = get("quote")) fact.source.quote = f->text;
    if (const CsvField* f = get("line"); f && !f->text.empty()) {
      char* end = nullptr;
      long line = std::strtol(f->text.c_str(), &end, 10);
      if (*end != '\0' || line < 1) {
        row_ok = bad(f, fmt::format("'{}' is not a line number", f->text));
      } else {
        fact.source.line = static_cast<int>(line);
      }
    }
    if (!row_ok) continue;
    if (fact.source.file.empty()) fact.source = {file.path(), row[0].line, fact.source.quote};
    if (!checker.Check(fact, row_at)) continue;
    if (!checker.VerifyQuote(fact.source, row_at)) continue;
    store.Add(std::move(fact));
  }
}

}  // namespace kaohe
