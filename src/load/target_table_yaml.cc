// LoadTargetTableYaml: a table transcribed from a document. Each cell becomes a fact whose
// key is merged from the table's defaults, its column and its row; each cell is checked
// against the document line it was transcribed from.
//
//   table: 杜集区2023年主要经济指标完成情况及2024年计划表
//   document: ../docs/001_9249ab63e07acb0d.txt   # relative to this file
//   layout: cell_per_line          # or row_per_line (the default)
//   defaults: {entity: 杜集区}
//   columns:
//     - {period: 2023, kind: target}
//   rows:
//     - {indicator: gdp, measure: growth, unit: "%", line: 164, label_lines: 3, cells: ["7 以上"]}
#include <fmt/format.h>

#include <array>
#include <cmath>
#include <map>
#include <memory>
#include <optional>

#include "engine/period.h"
#include "engine/units.h"
#include "engine/yaml_support.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "src/text/cell_value.h"

namespace kaohe {
namespace {

using internal::YamlNode;
using internal::YamlReader;

const std::vector<std::string> kFactFields = {"entity",      "indicator", "measure",
                                              "period",      "kind",      "unit",
                                              "preliminary", "strive",    "qualifier"};

// The fact fields one of defaults / a column / a row sets, with where it set them.
struct FieldSet {
  std::map<std::string, std::pair<YamlNode, SourceLocation>> fields;
};

bool ReadFields(YamlReader& reader, const YamlNode& node, std::string_view what,
                const std::vector<std::string>& extra_keys, FieldSet& out) {
  std::vector<std::string> keys = kFactFields;
  keys.insert(keys.end(), extra_keys.begin(), extra_keys.end());
  if (!reader.ExpectMapping(node, what, keys)) return false;
  for (const std::string& field : kFactFields) {
    if (node[field]) out.fields[field] = {node[field], reader.Where(node[field])};
  }
  return true;
}

struct Merged {
  Fact fact;
  std::vector<int> periods;
  std::string unit_text;
  std::optional<Qualifier> qualifier;
};

class TableLoader {
 public:
  TableLoader(const SourceFile& file, FactChecker& checker, FactStore& store)
      : file_(file), checker_(checker), store_(store), reader_(file, checker.diagnostics()) {}

  void Load() {
    auto root = reader_.Parse();
    if (!root) return;
    if (!reader_.ExpectMapping(
            *root, "a target table",
            {"table", "document", "layout", "note", "defaults", "columns", "rows"})) {
      return;
    }
    for (const char* key : {"table", "columns", "rows"}) reader_.Require(*root, *root, key);
    if ((*root)["document"]) {
      if (auto d = reader_.String((*root)["document"], "document")) {
        document_path_ = ResolveBeside(file_.path(), *d);
        CitedFile cited = checker_.documents().Get(document_path_);
        if (cited.outside_root) {
          reader_.Error((*root)["document"], "T010",
                        fmt::format("the document {} is outside the project root {}",
                                    document_path_, checker_.documents().root().display()));
          return;
        }
        document_ = std::move(cited.document);
        if (!document_) {
          reader_.Error(
              (*root)["document"], "T007",
              fmt::format("cannot read the document {}: {}", document_path_, cited.problem));
          return;
        }
      }
    }
    if ((*root)["layout"]) {
      auto layout = reader_.String((*root)["layout"], "layout");
      if (layout == "cell_per_line") {
        cell_per_line_ = true;
      } else if (layout && *layout != "row_per_line") {
        reader_.Error(
            (*root)["layout"], "T001",
            fmt::format("layout must be row_per_line or cell_per_line, not '{}'", *layout));
        return;
      }
    }
    if ((*root)["defaults"]) ReadFields(reader_, (*root)["defaults"], "defaults", {}, defaults_);
    const YamlNode columns = (*root)["columns"];
    const YamlNode rows = (*root)["rows"];
    if (!columns || !rows || !reader_.ExpectSequence(columns, "columns") ||
        !reader_.ExpectSequence(rows, "rows")) {
      return;
    }
    for (const auto& column : columns) {
      FieldSet set;
      ReadFields(reader_, column, "a column", {"note"}, set);
      columns_.push_back(std::move(set));
    }
    for (const auto& row : rows) LoadRow(row);
  }

 private:
  void LoadRow(const YamlNode& row) {
    FieldSet fields;
    if (!ReadFields(reader_, row, "a row", {"line", "label_lines", "cells", "note"}, fields))
      return;
    if (!reader_.Require(row, row, "line") || !reader_.Require(row, row, "cells")) return;
    auto line = reader_.Integer(row["line"], "line");
    int label_lines = 1;
    if (row["label_lines"]) {
      auto n = reader_.Integer(row["label_lines"], "label_lines");
      if (!n || *n < 0 || *n > 20) {
        reader_.Error(row["label_lines"], "T001", "label_lines must be from 0 to 20");
        return;
      }
      label_lines = *n;
    }
    if (!line) return;
    const YamlNode cells = row["cells"];
    if (!reader_.ExpectSequence(cells, "cells")) return;
    if (cells.size() != columns_.size()) {
      reader_.Error(cells, "T001",
                    fmt::format("the row has {} cells but the table has {} columns", cells.size(),
                                columns_.size()));
      return;
    }
    const int first_cell_line = cell_per_line_ ? *line + label_lines : *line;
    const int last_line =
        cell_per_line_ ? first_cell_line + static_cast<int>(cells.size()) - 1 : *line;
    if (document_ && (*line < 1 || last_line > document_->line_count())) {
      reader_.Error(row["line"], "T003",
                    fmt::format("the row runs to line {} but {} has {} lines", last_line,
                                document_path_, document_->line_count()));
      return;
    }
    std::string quote = RowQuote(*line, last_line, cells);
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const YamlNode cell = cells[i];
      if (cell.IsNull()) continue;  // an empty cell states nothing
      auto text = reader_.String(cell, "a cell");
      if (!text) continue;
      if (text->empty() || *text == "—" || *text == "-" || *text == "/") continue;
      int cell_line = cell_per_line_ ? first_cell_line + static_cast<int>(i) : *line;
      if (document_ && !CellMatches(*text, cell_line)) {
        reader_.Error(cell, "T003",
                      fmt::format("cell '{}' is not what line {} of {} says", *text, cell_line,
                                  document_path_));
        continue;
      }
      auto merged = Merge(columns_[i], fields, cell);
      if (!merged) continue;
      std::string error;
      auto value = ParseCellValue(*text, error);
      if (!value) {
        reader_.Error(cell, "T002", error);
        continue;
      }
      MakeFacts(*merged, *value, cell, cell_line, quote);
    }
  }

  bool CellMatches(const std::string& cell, int line) const {
    return document_->Squeezed(line, line) == Squeeze(cell);
  }

  std::string RowQuote(int first, int last, const YamlNode& cells) const {
    std::string quote;
    if (document_) {
      for (int l = first; l <= last; ++l) {
        std::string_view part = document_->Squeezed(l, l);
        if (part.empty()) continue;
        if (!quote.empty()) quote += ' ';
        quote += part;
      }
      return quote;
    }
    for (const auto& c : cells) {
      if (!quote.empty()) quote += ' ';
      quote += c.IsScalar() ? c.Scalar() : "";
    }
    return quote;
  }

  std::optional<Merged> Merge(const FieldSet& column, const FieldSet& row, const YamlNode& cell) {
    std::map<std::string, std::pair<YamlNode, SourceLocation>> fields = defaults_.fields;
    for (const auto& [name, value] : column.fields) fields[name] = value;
    bool ok = true;
    for (const auto& [name, value] : row.fields) {
      if (column.fields.count(name)) {
        reader_.Error(value.first, "T005",
                      fmt::format("both this row and its column set '{}'", name));
        ok = false;
      }
      fields[name] = value;
    }
    Merged m;
    for (const char* required : {"entity", "indicator", "period", "kind", "unit"}) {
      if (!fields.count(required)) {
        reader_.Error(cell, "T004",
                      fmt::format("no '{}' for this cell: set it in defaults, the column or the "
                                  "row",
                                  required));
        ok = false;
      }
    }
    if (!ok) return std::nullopt;
    auto str = [&](const char* name) { return reader_.String(fields[name].first, name); };
    if (auto s = str("entity"))
      m.fact.key.entity = *s;
    else
      ok = false;
    if (auto s = str("indicator"))
      m.fact.key.indicator = *s;
    else
      ok = false;
    if (fields.count("measure")) {
      auto s = str("measure");
      auto measure = s ? MeasureFromId(*s) : std::nullopt;
      if (!measure) {
        reader_.Error(fields["measure"].first, "T006", "measure must be level or growth");
        ok = false;
      } else {
        m.fact.key.measure = *measure;
      }
    }
    {
      auto s = str("kind");
      auto kind = s ? FactKindFromId(*s) : std::nullopt;
      if (!kind) {
        reader_.Error(fields["kind"].first, "T006", "kind must be actual or target");
        ok = false;
      } else {
        m.fact.key.kind = *kind;
      }
    }
    m.periods = ReadPeriods(fields["period"].first);
    if (m.periods.empty()) ok = false;
    if (auto s = str("unit"))
      m.unit_text = *s;
    else
      ok = false;
    for (const char* flag : {"preliminary", "strive"}) {
      if (!fields.count(flag)) continue;
      auto b = reader_.Boolean(fields[flag].first, flag);
      if (!b)
        ok = false;
      else
        SetFlag(m.fact, flag, *b);
    }
    if (fields.count("qualifier")) {
      auto s = str("qualifier");
      auto q = s ? QualifierFromId(*s) : std::nullopt;
      if (!q) {
        reader_.Error(fields["qualifier"].first, "T006",
                      "qualifier must be none, approx, at_least, more_than or at_most");
        ok = false;
      } else {
        m.qualifier = *q;
      }
    }
    if (!ok) return std::nullopt;
    return m;
  }

  std::vector<int> ReadPeriods(const YamlNode& node) {
    std::vector<int> out;
    if (node.IsScalar()) {
      bool malformed = false;
      if (auto years = ParseYearRange(node.Scalar(), malformed)) return *years;
      if (malformed) {
        reader_.Error(node, "T006",
                      fmt::format("'{}' is not a year or a range of years", node.Scalar()));
        return out;
      }
    }
    if (auto year = reader_.Integer(node, "period")) out.push_back(*year);
    return out;
  }

  void MakeFacts(const Merged& merged, const CellValue& value, const YamlNode& cell, int cell_line,
                 const std::string& quote) {
    auto declared = ParseUnit(merged.unit_text);
    if (!declared) {
      reader_.Error(cell, "T006", fmt::format("unknown unit '{}'", merged.unit_text));
      return;
    }
    ScaledUnit unit = *declared;
    if (!value.unit.empty()) {
      auto written = ParseUnit(value.unit);
      if (!written || written->unit.name != declared->unit.name) {
        reader_.Error(
            cell, "T006",
            fmt::format("the cell is in {} but the table says {}", value.unit, merged.unit_text));
        return;
      }
      unit = *written;
    }
    Qualifier qualifier = value.qualifier;
    if (merged.qualifier) {
      if (qualifier != Qualifier::kNone && qualifier != *merged.qualifier) {
        reader_.Error(cell, "T005", "the cell's own qualifier differs from the one the table sets");
        return;
      }
      qualifier = *merged.qualifier;
    }
    if (!std::isfinite(value.value * unit.scale)) {
      reader_.Error(cell, "T002", fmt::format("the value is too large in {}", merged.unit_text));
      return;
    }
    SourceLocation where = reader_.Where(cell);
    for (int period : merged.periods) {
      Fact fact = merged.fact;
      fact.key.period = period;
      fact.value = value.value * unit.scale;
      fact.unit = std::string(unit.unit.name);
      fact.qualifier = qualifier;
      if (document_) {
        fact.source = {document_path_, cell_line, quote};
      } else {
        fact.source = {file_.path(), where.line, quote};
      }
      if (!checker_.Check(fact, where)) return;
      store_.Add(std::move(fact));
    }
  }

  const SourceFile& file_;
  FactChecker& checker_;
  FactStore& store_;
  YamlReader reader_;
  std::string document_path_;
  std::shared_ptr<const CitedDocument> document_;
  bool cell_per_line_ = false;
  FieldSet defaults_;
  std::vector<FieldSet> columns_;
};

}  // namespace

void LoadTargetTableYaml(const SourceFile& file, FactChecker& checker, FactStore& store) {
  TableLoader(file, checker, store).Load();
}

void LoadFactFile(const SourceFile& file, FactChecker& checker, FactStore& store) {
  const std::string& path = file.path();
  if (path.ends_with(".jsonl")) return LoadFactsJsonl(file, checker, store);
  if (path.ends_with(".yaml") || path.ends_with(".yml")) {
    return LoadTargetTableYaml(file, checker, store);
  }
  if (path.ends_with(".csv")) return LoadFactsCsv(file, checker, store);
  checker.diagnostics().Error("F012", {path, 0, 0},
                              "a fact file must end in .jsonl, .yaml, .yml or .csv");
}

}  // namespace kaohe
