#include "src/report/reporter.h"

#include <unordered_set>

#include "src/report/console_reporter.h"
#include "src/report/github_reporter.h"
#include "src/report/html_reporter.h"
#include "src/report/json_reporter.h"
#include "src/report/junit_reporter.h"
#include "src/report/markdown_reporter.h"
#include "src/report/sarif_reporter.h"

namespace kaohe {

Summary Summarize(const FindingList& findings) {
  Summary s;
  // Names are interned: counting distinct ones hashes pointers, and a judged verdict is read
  // as it is, without building its heading (this runs over every finding of a national check).
  // An entity's findings are next to one another, so only a change of entity is hashed.
  std::unordered_set<Name> entities, rules;
  const Entity* last_entity = nullptr;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Verdict& v = findings.verdict(i);
    if (v.whole == Verdict::kNotWhole) {
      if (v.entity != last_entity) entities.insert(v.entity->name);
      last_entity = v.entity;
      rules.insert(v.rule->id);
    } else {
      const Finding heading = findings.Heading(i);
      if (!heading.entity.empty()) entities.insert(heading.entity);
      rules.insert(heading.rule);
    }
    ++s.total;
    const Status status = findings.status(i);
    const Severity severity = findings.severity(i);
    switch (status) {
      case Status::kPass:
        ++s.pass;
        break;
      case Status::kFail:
        ++s.fail;
        break;
      case Status::kNoData:
        ++s.no_data;
        break;
      case Status::kConflict:
        ++s.conflict;
        break;
      case Status::kError:
        ++s.error;
        break;
      case Status::kWaived:
        ++s.waived;
        break;
    }
    if (status == Status::kFail || status == Status::kConflict) {
      if (severity == Severity::kError) ++s.failing_error;
      if (severity == Severity::kWarning) ++s.failing_warning;
      if (severity == Severity::kInfo) ++s.failing_info;
    }
  }
  s.entities = static_cast<int>(entities.size());
  s.rules = static_cast<int>(rules.size());
  return s;
}

const std::vector<std::string>& ReportFormats() {
  static const std::vector<std::string> kFormats = {"console", "json",   "markdown", "junit",
                                                    "sarif",   "github", "html"};
  return kFormats;
}

std::unique_ptr<Reporter> MakeReporter(std::string_view format, bool color) {
  if (format == "console") return std::make_unique<ConsoleReporter>(color);
  if (format == "json") return std::make_unique<JsonReporter>();
  if (format == "markdown") return std::make_unique<MarkdownReporter>();
  if (format == "junit") return std::make_unique<JunitReporter>();
  if (format == "sarif") return std::make_unique<SarifReporter>();
  if (format == "github") return std::make_unique<GithubReporter>();
  if (format == "html") return std::make_unique<HtmlReporter>();
  return nullptr;
}

const Fact* JudgedFact(const Finding& f) {
  if (f.actual) return &*f.actual;
  if (f.target) return &*f.target;
  return f.evidence.empty() ? nullptr : &f.evidence.front();
}

std::string_view StatusWord(Status status) {
  switch (status) {
    case Status::kPass:
      return "达标";
    case Status::kFail:
      return "未达标";
    case Status::kNoData:
      return "缺数据";
    case Status::kConflict:
      return "数据冲突";
    case Status::kError:
      return "错误";
    case Status::kWaived:
      return "已豁免";
  }
  return "错误";
}

std::string DescribeEntity(const Dictionary& dictionary, const std::string& entity) {
  if (entity.empty()) return "规则本身";
  const Entity* e = dictionary.FindEntity(entity);
  if (!e) return entity;
  std::string out = entity + "（" + std::string(EntityKindName(e->kind));
  if (!e->parent.empty()) out += "，" + e->parent;
  return out + "）";
}

}  // namespace kaohe
