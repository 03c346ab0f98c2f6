#include "src/extract/extractor.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "src/extract/document_time.h"
#include "src/extract/extraction_context.h"
#include "src/extract/subject.h"
#include "src/text/document_reader.h"
#include "src/text/normalize.h"

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

const std::vector<std::pair<std::u32string, std::string>>&
ExtractionContext::SubjectChildrenShortNames() const {
  if (children_short_names) return *children_short_names;
  children_short_names.emplace();
  for (const Entity* child : dictionary.Children(subject)) {
    if (child->kind != EntityKind::kDistrict && child->kind != EntityKind::kCounty &&
        child->kind != EntityKind::kCountyLevelCity) {
      continue;
    }
    std::u32string name = ToUtf32(child->name.str());
    if (name.size() < 3) continue;  // 2-character names have no short form
    name.pop_back();                // 香洲区 → 香洲
    children_short_names->emplace_back(std::move(name), child->name.str());
  }
  return *children_short_names;
}

std::vector<int> ExtractionContext::PlanYears() const {
  std::vector<int> years;
  if (plan_range) {
    for (int y = plan_range->first; y <= plan_range->second; ++y) {
      years.push_back(y);
    }
  } else if (report_year) {
    years.push_back(report_year + 1);
  }
  return years;
}

std::string RowQuote(const Document& doc, int first_line, int last_line) {
  std::string quote;
  for (int l = first_line; l <= last_line && doc.HasLine(l); ++l) {
    std::string part;
    for (char c : doc.Line(l).original) {
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
  Impl(const Dictionary& dictionary, const CueSet& cues) : dictionary_(dictionary), cues_(cues) {
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
    const auto& shared = dictionary.shared_aliases();
    for (std::size_t i = 0; i < shared.size(); ++i) {
      shared_.Add(normalized(shared[i].first), static_cast<int>(i));
    }
    shared_.Build();
  }

  // Reads lines into stretches of a document, each handed to `take` as it is complete.
  template <typename NextLine, typename Take>
  static std::optional<DocumentBuilder::Refusal> Build(const std::string& path, NextLine next,
                                                       Take take) {
    DocumentBuilder builder(path);
    std::string line;
    while (next(line)) {
      if (auto refusal = builder.Add(std::move(line))) return refusal;
      if (builder.completed_code_points() >= kStretchCodePoints) take(builder.Take());
    }
    builder.Finish();
    take(builder.Take());
    return std::nullopt;
  }

  Extraction ExtractLines(const std::string& path, std::vector<std::string> lines,
                          const ExtractOptions& options) const {
    Extraction result;
    Survey survey(dictionary_, entities_, shared_);
    std::vector<Document> stretches;
    std::size_t next = 0;
    auto refusal = Build(
        path,
        [&](std::string& line) {
          if (next == lines.size()) return false;
          line = std::move(lines[next++]);
          return true;
        },
        [&](Document stretch) {
          survey.Add(stretch);
          stretches.push_back(std::move(stretch));
        });
    if (refusal) {
      result.diagnostics.Error("X003", {path, refusal->line, 1}, refusal->message);
      return result;
    }
    Settle(path, survey, options, result);
    for (const Document& stretch : stretches) {
      ExtractStretch(stretch, survey, options, result,
                     [&](Fact&& f) { result.facts.push_back(std::move(f)); });
    }
    return result;
  }

  Result<Extraction> ExtractFile(const std::string& path, const ExtractOptions& options,
                                 const FactSink& sink) const {
    Extraction result;
    Survey survey(dictionary_, entities_, shared_);
    std::vector<Document> held;  // while the document is small enough to read once
    std::size_t held_code_points = 0;
    bool read_twice = false;
    auto read = [&](auto take) -> std::optional<Error> {
      auto reader = DocumentReader::Open(path);
      if (!reader.ok()) return reader.error();
      DocumentReader& r = *reader.value();
      auto refusal = Build(
          path, [&](std::string& line) { return r.Next(line); }, take);
      if (r.error()) return *r.error();
      if (refusal) {
        return Error{fmt::format("{}:{}: error[X003]: {}", path, refusal->line, refusal->message)};
      }
      return std::nullopt;
    };
    auto error = read([&](Document stretch) {
      survey.Add(stretch);
      if (read_twice) return;
      for (const DocumentLine& line : stretch.lines) {
        held_code_points += line.text.text.size() + kLineWeight;
      }
      held.push_back(std::move(stretch));
      // Standard input cannot be read twice: it is held whole.
      if (held_code_points > kHeldCodePoints && path != "-") {
        read_twice = true;
        held.clear();
      }
    });
    if (error) return *error;
    Settle(path, survey, options, result);
    auto extract = [&](const Document& stretch) {
      ExtractStretch(stretch, survey, options, result, sink);
    };
    if (!read_twice) {
      for (const Document& stretch : held) extract(stretch);
    } else if (auto again = read(extract)) {
      return *again;
    }
    return result;
  }

 private:
  // Paragraphs and tables are handed on once this many of their code points are complete.
  static constexpr std::size_t kStretchCodePoints = 1 << 18;
  // A document of up to this many code points is held and read once; a longer one is read
  // twice, a stretch at a time.
  static constexpr std::size_t kHeldCodePoints = 1 << 20;
  // What a line costs besides its code points, counted as code points: a document of many
  // short lines (a flattened table) is held for its lines too.
  static constexpr std::size_t kLineWeight = 16;

  // What the whole document decides: its subject, the year it reports on, its plan's years.
  class Survey {
   public:
    Survey(const Dictionary& dictionary, const PhraseMatcher& entities, const PhraseMatcher& shared)
        : subject_(dictionary, entities, shared) {}
    void Add(const Document& stretch) {
      for (const DocumentLine& line : stretch.lines) {
        if (line.number < next_line_) continue;  // kept for a paragraph still open
        subject_.Add(line);
        time_.AddLine(line.number, line.text.text);
        next_line_ = line.number + 1;
      }
      for (const Paragraph& p : stretch.paragraphs) {
        time_.AddSection(p.section.year, p.section.kind == FactKind::kActual,
                         p.section.kind == FactKind::kTarget);
      }
      if (!plan_range_ && !stretch.plan_ranges.empty()) plan_range_ = stretch.plan_ranges.front();
    }
    std::string subject() const { return subject_.Subject(); }
    DocumentTime time() const { return time_.Time(); }
    std::vector<std::string> candidates() const { return subject_.Candidates(); }
    std::optional<std::pair<int, int>> plan_range() const { return plan_range_; }

   private:
    SubjectFinder subject_;
    int next_line_ = 1;
    DocumentTimeFinder time_;
    std::optional<std::pair<int, int>> plan_range_;
  };

  void Settle(const std::string& path, const Survey& survey, const ExtractOptions& options,
              Extraction& result) const {
    if (!options.entity.empty()) {
      const Entity* e = dictionary_.FindEntity(options.entity);
      result.subject = e ? e->name.str() : options.entity;
    } else {
      result.subject = survey.subject();
    }
    if (result.subject.empty()) {
      std::vector<std::string> candidates = survey.candidates();
      result.diagnostics.Warning(
          "X001", {path, 1, 1},
          candidates.empty()
              ? "no subject found in the title or opening lines: facts have no entity (give "
                "--entity)"
              : fmt::format("the subject may be any of {}: nothing in the text decides; facts "
                            "have no entity (give --entity)",
                            fmt::join(candidates, ", ")));
    }
  }

  // The facts of one stretch, in the order of their lines (tables and running text never
  // share a line, and stretches follow one another, so the whole document's order holds).
  void ExtractStretch(const Document& stretch, const Survey& survey, const ExtractOptions& options,
                      Extraction& result, const FactSink& sink) const {
    std::vector<Fact> facts;
    const DocumentTime time = survey.time();
    internal::ExtractionContext context{dictionary_,
                                        indicators_,
                                        entities_,
                                        shared_,
                                        cues_,
                                        stretch,
                                        result.subject,
                                        time.outcome_year,
                                        survey.plan_range(),
                                        facts,
                                        result.diagnostics};
    context.time = time;
    context.unread = options.unread;
    internal::ExtractTables(context);
    internal::ExtractSentences(context);
    std::stable_sort(facts.begin(), facts.end(),
                     [](const Fact& a, const Fact& b) { return a.source.line < b.source.line; });
    for (Fact& f : facts) sink(std::move(f));
  }

  const Dictionary& dictionary_;
  const CueSet& cues_;
  PhraseMatcher indicators_;
  PhraseMatcher entities_;
  PhraseMatcher shared_;  // the names several entities share: dictionary_.shared_aliases()
};

Extractor::Extractor(const Dictionary& dictionary, const CueSet& cues)
    : impl_(std::make_unique<Impl>(dictionary, cues)) {}
Extractor::~Extractor() = default;

Extraction Extractor::ExtractLines(const std::string& path, std::vector<std::string> lines,
                                   const ExtractOptions& options) const {
  return impl_->ExtractLines(path, std::move(lines), options);
}

Result<Extraction> Extractor::ExtractFile(const std::string& path,
                                          const ExtractOptions& options) const {
  std::vector<Fact> facts;
  auto extraction =
      impl_->ExtractFile(path, options, [&](Fact&& f) { facts.push_back(std::move(f)); });
  if (extraction.ok()) extraction.value().facts = std::move(facts);
  return extraction;
}

Result<Extraction> Extractor::ExtractFile(const std::string& path, const ExtractOptions& options,
                                          const FactSink& sink) const {
  return impl_->ExtractFile(path, options, sink);
}

}  // namespace kaohe
