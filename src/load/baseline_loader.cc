#include "src/load/baseline_loader.h"

#include <fmt/format.h>
#include <simdjson.h>

#include "engine/fingerprint.h"
#include "src/load/file_reader.h"

namespace kaohe {

Result<std::vector<BaselineEntry>> LoadBaseline(const std::string& path) {
  auto file = ReadTextFile(path);
  if (!file.ok()) return file.error();
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  simdjson::padded_string text(file.value().text());
  if (auto error = parser.parse(text).get(root); error) {
    return Error{
        fmt::format("{}: not a kaohe JSON report: {}", path, simdjson::error_message(error))};
  }
  simdjson::dom::array findings;
  if (root["findings"].get(findings)) {
    return Error{fmt::format("{}: not a kaohe JSON report: no findings array", path)};
  }
  std::vector<BaselineEntry> out;
  int index = 0;
  for (simdjson::dom::element f : findings) {
    Finding finding;
    std::string_view rule, entity, indicator, measure, status;
    int64_t period = 0;
    if (f["rule"].get(rule) || f["entity"].get(entity) || f["indicator"].get(indicator) ||
        f["measure"].get(measure) || f["period"].get(period) || f["status"].get(status)) {
      return Error{
          fmt::format("{}: finding {} lacks rule, entity, indicator, measure, period or "
                      "status",
                      path, index)};
    }
    finding.rule = rule;
    finding.entity = entity;
    finding.indicator = indicator;
    finding.measure = MeasureFromId(measure).value_or(Measure::kLevel);
    finding.period = static_cast<int>(period);
    BaselineEntry entry;
    entry.fingerprint = Fingerprint(finding);
    for (Status s : {Status::kPass, Status::kFail, Status::kNoData, Status::kConflict,
                     Status::kError, Status::kWaived}) {
      if (StatusId(s) == status) entry.status = s;
    }
    out.push_back(std::move(entry));
    ++index;
  }
  return out;
}

}  // namespace kaohe
