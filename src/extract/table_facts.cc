// Facts from tables flattened to one cell a line (the annexes of plan reports and action
// plans): header rows give each column its year, kind, indicator and unit; each data row is an
// indicator of the subject, or an entity (a zone) with the columns' indicators.
#include <cmath>
#include <optional>

#include "engine/units.h"
#include "src/extract/extraction_context.h"
#include "src/text/cell_value.h"

namespace kaohe::internal {
namespace {

bool Contains(std::u32string_view text, std::u32string_view word) {
  return text.find(word) != std::u32string_view::npos;
}

bool IsValueCell(std::u32string_view text) {
  if (text.empty()) return false;
  std::string error;
  return ParseCellValue(ToUtf8(text), error).has_value();
}

bool IsDataRow(const TableRow& row) {
  for (std::size_t i = 1; i < row.cells.size(); ++i) {
    if (IsValueCell(row.cells[i].text)) return true;
  }
  return false;
}

// The unit in a header's last parentheses: 规上工业产值(亿元) → 亿元.
std::string HeaderUnit(std::u32string_view header) {
  std::size_t close = header.rfind(U')');
  std::size_t open = header.rfind(U'(');
  if (close == std::u32string_view::npos || open == std::u32string_view::npos || open > close) {
    return "";
  }
  std::string unit = ToUtf8(header.substr(open + 1, close - open - 1));
  return ParseUnit(unit) ? unit : "";
}

std::optional<int> YearOf(std::u32string_view header) {
  for (std::size_t i = 0; i + 5 <= header.size(); ++i) {
    if (auto y = SingleYear(header.substr(i, 5))) return y;
  }
  return std::nullopt;
}

enum class Role { kIndex, kLabel, kUnit, kValue };

struct Column {
  Role role = Role::kValue;
  std::u32string header;
  std::vector<int> years;
  std::optional<FactKind> kind;
  bool preliminary = false;
  const Indicator* indicator = nullptr;
  std::string unit;  // a surface unit, or ""
};

// Sub-headers of a two-row header grouped under the first row's cells: a run of rising years
// is one group; anything else stands alone.
std::vector<std::vector<std::size_t>> GroupColumns(const TableRow& sub) {
  std::vector<std::vector<std::size_t>> groups;
  std::optional<int> last_year;
  for (std::size_t c = 0; c < sub.cells.size(); ++c) {
    std::optional<int> year = YearOf(sub.cells[c].text);
    bool continues = year && last_year && *year > *last_year && !groups.empty();
    if (!continues) groups.emplace_back();
    groups.back().push_back(c);
    last_year = year;
  }
  return groups;
}

}  // namespace

void ExtractTables(ExtractionContext& ctx) {
  for (const Table& table : ctx.doc.tables) {
    std::size_t first_data = 0;
    while (first_data < table.rows.size() && !IsDataRow(table.rows[first_data])) ++first_data;
    if (first_data == 0 || first_data == table.rows.size()) {  // no header or no data
      if (ctx.unread) ctx.unread->SkipTable(ctx, table, first_data);
      continue;
    }
    const std::size_t width = table.rows[first_data].cells.size();
    const TableRow& last_header = table.rows[first_data - 1];
    std::vector<Column> columns(width);
    if (last_header.cells.size() == width) {
      for (std::size_t c = 0; c < width; ++c) columns[c].header = last_header.cells[c].text;
      if (first_data >= 2 && table.rows[first_data - 2].cells.size() < width) {
        const TableRow& top = table.rows[first_data - 2];
        auto groups = GroupColumns(last_header);
        if (groups.size() == top.cells.size()) {
          for (std::size_t g = 0; g < groups.size(); ++g) {
            for (std::size_t c : groups[g])
              columns[c].header = top.cells[g].text + columns[c].header;
          }
        }
      }
    } else {  // a header that does not fit its data: not a table kaohe can read
      if (ctx.unread) ctx.unread->SkipTable(ctx, table, first_data);
      continue;
    }
    const bool target_table = Contains(table.title, U"目标") || Contains(table.title, U"计划");
    bool zone_labels = false;
    for (std::size_t c = 0; c < width; ++c) {
      Column& col = columns[c];
      const std::u32string& h = col.header;
      if (Contains(h, U"序号")) {
        col.role = Role::kIndex;
      } else if (h == U"单位" || h == U"计量单位") {
        col.role = Role::kUnit;
      } else if (c == 0 || Contains(h, U"指标") || Contains(h, U"名称") || Contains(h, U"开发区") ||
                 Contains(h, U"地区") || Contains(h, U"县区")) {
        if (!YearOf(h) && !Contains(h, U"数量")) {
          col.role = Role::kLabel;
          zone_labels = zone_labels || Contains(h, U"开发区") || Contains(h, U"园区");
          continue;
        }
      }
      if (col.role != Role::kValue) continue;
      if (auto y = YearOf(h)) col.years = {*y};
      if (Contains(h, U"每年")) col.years = ctx.PlanYears();
      if (col.years.empty() && table.section.year) col.years = {*table.section.year};
      if (Contains(h, U"目标") || Contains(h, U"计划") || Contains(h, U"人代会")) {
        col.kind = FactKind::kTarget;
      } else if (Contains(h, U"预计") || Contains(h, U"完成") || Contains(h, U"实际")) {
        col.kind = FactKind::kActual;
        col.preliminary = Contains(h, U"预计");
      }
      // A 预计 column for a year after the one reported on is the plan: 2024年预计 in a table
      // of 2023 outcomes and the 2024 plan.
      if (col.kind == FactKind::kActual && ctx.report_year && !col.years.empty() &&
          col.years.front() > ctx.report_year) {
        col.kind = FactKind::kTarget;
        col.preliminary = false;
      }
      if (!col.kind && target_table && !col.years.empty()) {
        col.kind = ctx.plan_start() && col.years.front() < ctx.plan_start() ? FactKind::kActual
                                                                            : FactKind::kTarget;
      }
      if (!col.kind) col.kind = table.section.kind;
      auto matches = ctx.indicators.Find(h);
      if (!matches.empty()) col.indicator = &ctx.IndicatorOf(matches.front().id);
      col.unit = HeaderUnit(h);
    }
    for (std::size_t r = first_data; r < table.rows.size(); ++r) {
      const TableRow& row = table.rows[r];
      UnreadRowScope unread_row(ctx, table, first_data, r);
      if (row.cells.size() != width) {
        ctx.NoteUnread(UnreadReason::kTableShape);
        continue;
      }
      const Indicator* row_indicator = nullptr;
      std::string entity = ctx.subject;
      std::string row_unit;
      for (std::size_t c = 0; c < width; ++c) {
        const std::u32string& text = row.cells[c].text;
        if (columns[c].role == Role::kUnit) row_unit = ToUtf8(text);
        if (columns[c].role != Role::kLabel) continue;
        auto indicator_matches = ctx.indicators.Find(text);
        if (!indicator_matches.empty()) {
          row_indicator = &ctx.IndicatorOf(indicator_matches.front().id);
          continue;
        }
        auto entity_matches = ctx.entities.Find(text);
        if (text == U"总计" || text == U"合计" || text == U"全市" || text == U"小计") {
          entity = zone_labels ? ctx.SubjectZoneGroup() : ctx.subject;
        } else if (!entity_matches.empty()) {
          entity = ctx.EntityOf(entity_matches.front().id).name;
        } else if (!text.empty()) {
          entity = ToUtf8(text);  // a place in no dictionary keeps its own name
        }
      }
      const std::string quote =
          RowQuote(ctx.doc, row.cells.front().line, row.cells.back().last_line);
      for (std::size_t c = 0; c < width; ++c) {
        const Column& col = columns[c];
        if (col.role != Role::kValue || !col.kind) continue;
        if (col.years.empty()) {
          ctx.NoteUnread(UnreadReason::kNoYear);
          continue;
        }
        const Indicator* indicator = row_indicator ? row_indicator : col.indicator;
        if (!indicator) continue;
        std::string error;
        auto value = ParseCellValue(ToUtf8(row.cells[c].text), error);
        if (!value) continue;
        std::string unit_text = !value->unit.empty() ? value->unit
                                : !row_unit.empty()  ? row_unit
                                                     : col.unit;
        auto unit = ParseUnit(unit_text);
        if (!unit) {
          ctx.NoteUnread(UnreadReason::kNoUnit, unit_text);
          continue;
        }
        Measure measure = unit->unit.name == "%" ? Measure::kGrowth : Measure::kLevel;
        std::string canonical(unit->unit.name);
        if (!indicator->AcceptsUnit(measure, canonical)) {
          ctx.NoteUnread(UnreadReason::kUnit, unit_text);
          continue;
        }
        const double scaled = value->value * unit->scale;
        if (!std::isfinite(scaled)) {
          ctx.diagnostics.Warning("X002", {ctx.doc.path, row.cells[c].line, 1},
                                  "a figure too large to be a number: no fact is made of it");
          continue;
        }
        for (int year : col.years) {
          Fact f;
          f.key = {entity, indicator->id, measure, year, *col.kind};
          f.value = scaled;
          f.unit = canonical;
          f.qualifier = value->qualifier;
          f.preliminary = col.preliminary && *col.kind == FactKind::kActual;
          f.source = {ctx.doc.path, row.cells[c].line, quote};
          ctx.out.push_back(std::move(f));
        }
      }
    }
  }
}

}  // namespace kaohe::internal
