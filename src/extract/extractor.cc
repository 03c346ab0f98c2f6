#include "src/extract/extractor.h"

#include <fmt/format.h>

#include <algorithm>

#include "src/extract/extraction_context.h"
#include "src/extract/subject.h"
#include "src/text/document_reader.h"

namespace kaohe {

namespace internal {

std::string ExtractionContext::SubjectZoneGroup() const {
  std::string group = subject + "开发区";
  if (const Entity* e = dictionary.FindEntity(group)) return e->name;
  for (const Entity& e : dictionary.entities()) {
    if (e.kind == EntityKind::kZoneGroup && e.parent == subject) return e.name;
  }
  return group;
}

std::vector<int> ExtractionContext::PlanYears() const {
  std::vector<int> years;
  if (!doc.plan_ranges.empty()) {
    for (int y = doc.plan_ranges.front().first; y <= doc.plan_ranges.front().second; ++y) {
      years.push_back(y);
    }
  } else if (report_year) {
    years.push_back(report_year + 1);
  }
  return years;
}

std::string RowQuote(const Document& doc, int first_line, int last_line) {
  std::string quote;
  for (int l = first_line; l <= last_line && l <= static_cast<int>(doc.lines.size()); ++l) {
    std::string part;
    for (char c : doc.lines[static_cast<std::size_t>(l - 1)].original) {
      if (c != ' ' && c != '\t' && c != '\r') part += c;
    }
    if (part.empty()) continue;
    if (!quote.empty()) quote += ' ';
    quote += part;
  }
  return quote;
}

}  // namespace internal

class Extractor::Impl {
 public:
  explicit Impl(const Dictionary& dictionary) : dictionary_(dictionary) {
    // Phrases are matched in normalised text, so they are normalised the same way.
    auto normalized = [](const std::string& s) {
      std::u32string out;
      for (char32_t c : NormalizeLine(s).text) {
        if (c != U' ') out += c;
      }
      return out;
    };
    // An entry's position in the dictionary is its phrase id.
    auto add_names = [&](const auto& entries, PhraseMatcher& matcher) {
      for (std::size_t i = 0; i < entries.size(); ++i) {
        int id = static_cast<int>(i);
        matcher.Add(normalized(entries[i].name), id);
        for (const std::string& alias : entries[i].aliases) matcher.Add(normalized(alias), id);
      }
      matcher.Build();
    };
    add_names(dictionary.indicators(), indicators_);
    add_names(dictionary.entities(), entities_);
  }

  Extraction Extract(const std::string& path, std::vector<std::string> lines,
                     const ExtractOptions& options) const {
    Extraction result;
    Document doc = BuildDocument(path, std::move(lines));
    if (!options.entity.empty()) {
      const Entity* e = dictionary_.FindEntity(options.entity);
      result.subject = e ? e->name.str() : options.entity;
    } else {
      result.subject = FindSubject(doc, dictionary_, entities_);
    }
    if (result.subject.empty()) {
      result.diagnostics.Warning(
          "X001", {path, 1, 1},
          "no subject found in the title or opening lines: facts have no entity (give --entity)");
    }
    internal::ExtractionContext context{dictionary_,    indicators_, entities_, doc,
                                        result.subject, 0,           0,         result.facts};
    for (const Paragraph& p : doc.paragraphs) {
      if (p.section.kind == FactKind::kActual && p.section.year) {
        context.report_year = *p.section.year;
        break;
      }
    }
    if (!context.report_year) {
      for (const Paragraph& p : doc.paragraphs) {
        if (p.section.year) {
          context.report_year = *p.section.year - (p.section.kind == FactKind::kTarget ? 1 : 0);
          break;
        }
      }
    }
    if (!doc.plan_ranges.empty()) context.plan_start = doc.plan_ranges.front().first;
    internal::ExtractTables(context);
    internal::ExtractSentences(context);
    std::stable_sort(result.facts.begin(), result.facts.end(),
                     [](const Fact& a, const Fact& b) { return a.source.line < b.source.line; });
    return result;
  }

 private:
  const Dictionary& dictionary_;
  PhraseMatcher indicators_;
  PhraseMatcher entities_;
};

Extractor::Extractor(const Dictionary& dictionary) : impl_(std::make_unique<Impl>(dictionary)) {}
Extractor::~Extractor() = default;

Extraction Extractor::ExtractLines(const std::string& path, std::vector<std::string> lines,
                                   const ExtractOptions& options) const {
  return impl_->Extract(path, std::move(lines), options);
}

Result<Extraction> Extractor::ExtractFile(const std::string& path,
                                          const ExtractOptions& options) const {
  auto reader = DocumentReader::Open(path);
  if (!reader.ok()) return reader.error();
  std::vector<std::string> lines;
  std::string line;
  while (reader.value()->Next(line)) lines.push_back(line);
  if (reader.value()->error()) return *reader.value()->error();
  return impl_->Extract(path, std::move(lines), options);
}

}  // namespace kaohe
