#include "src/cli/extract_commands.h"

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "engine/line_safe.h"
#include "src/extract/evaluation.h"
#include "src/extract/extractor.h"
#include "src/extract/unread.h"
#include "src/load/fact_checker.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "src/load/inputs.h"
#include "src/report/fact_json.h"

namespace kaohe {
namespace {

// An unread sentence is shown whole up to this many code points, else its two ends.
constexpr int kMaxUnreadCodePoints = 300;

// The dictionaries and the cue files; nullopt (after printing why) when they have errors.
std::optional<Inputs> LoadDictionaries(const std::vector<std::string>& paths,
                                       const std::vector<std::string>& cue_paths,
                                       Console& console) {
  Diagnostics diagnostics;
  InputPaths input;
  input.dictionaries = paths;
  input.cues = cue_paths;
  auto inputs = LoadInputs(input, diagnostics);
  for (const Diagnostic& d : diagnostics.all()) console.err << RenderDiagnostic(d);
  if (!inputs.ok()) {
    console.err << ErrorLine(inputs.error().message);
    return std::nullopt;
  }
  if (diagnostics.has_errors()) return std::nullopt;
  return std::move(inputs).value();
}

// path:line:column: reason (detail): the sentence — a sentence longer than a quote is shortened.
std::string UnreadLine(const UnreadSentence& s) {
  std::string reason(DescribeUnread(s.reason));
  if (!s.detail.empty()) reason += fmt::format(" ({})", LineSafe(s.detail));
  return fmt::format("{}:{}:{}: {}: {}\n", LineSafe(s.file, LinePosition::kStart), s.line, s.column,
                     reason, LineSafe(Shorten(s.text, kMaxUnreadCodePoints)));
}

// The entity most of a document's gold facts carry (the first in name order on a tie).
std::string MostCommonEntity(const std::vector<Fact>& gold) {
  std::map<std::string, int> counts;
  for (const Fact& f : gold) ++counts[f.key.entity];
  std::string best;
  int most = 0;
  for (const auto& [entity, n] : counts) {
    if (n > most && !entity.empty()) {
      best = entity;
      most = n;
    }
  }
  return best;
}

}  // namespace

int RunExtract(const ExtractCommand& command, Console& console) {
  auto loaded = LoadDictionaries(command.dictionaries, command.cues, console);
  if (!loaded) return kExitUsage;
  const Dictionary* dictionary = loaded->dictionary.get();
  Diagnostics warnings;
  auto files = CollectFiles(command.documents, kDocumentExtensions, warnings, command.root);
  for (const Diagnostic& d : warnings.all()) console.err << RenderDiagnostic(d);
  if (!files.ok()) {
    console.err << ErrorLine(files.error().message);
    return kExitUsage;
  }
  Extractor extractor(*dictionary, *loaded->cues);
  int status = kExitOk;
  UnreadLog unread([&](UnreadSentence&& s) { console.out << UnreadLine(s); });
  ExtractOptions options;
  options.entity = command.entity;
  if (command.unread) options.unread = &unread;
  for (const std::string& path : files.value()) {
    // Facts are written as they come: a long document is never held whole.
    auto extraction = extractor.ExtractFile(path, options, [&](Fact&& f) {
      if (command.unread) return;     // only the sentences that gave none are listed
      if (!std::isfinite(f.value)) {  // written as null, it would not load back
        Diagnostics refused;
        refused.Error("F003", {path, f.source.line, 0}, "value must be a finite number");
        console.err << RenderDiagnostic(refused.all().front());
        status = kExitUsage;
        return;
      }
      console.out << FactJson(f) << "\n";
    });
    if (!extraction.ok()) {
      console.err << ErrorLine(extraction.error().message);
      status = kExitUsage;
      continue;
    }
    for (const Diagnostic& d : extraction.value().diagnostics.all()) {
      console.err << RenderDiagnostic(d);
    }
  }
  if (command.unread) console.out << unread.Summary() << "\n";
  return status;
}

int RunEval(const EvalCommand& command, Console& console) {
  auto loaded = LoadDictionaries(command.dictionaries, command.cues, console);
  if (!loaded) return kExitUsage;
  const Dictionary* dictionary = loaded->dictionary.get();
  // Gold facts, grouped by the document they cite.
  Diagnostics diagnostics;
  DocumentCache documents(command.root);
  FactChecker checker(*dictionary, diagnostics, documents);
  FactStore gold_store;
  auto gold_files = CollectFiles(command.gold, {".jsonl"}, diagnostics, command.root);
  if (!gold_files.ok()) {
    console.err << ErrorLine(gold_files.error().message);
    return kExitUsage;
  }
  for (const std::string& path : gold_files.value()) {
    auto file = ReadTextFile(path);
    if (!file.ok()) {
      console.err << ErrorLine(file.error().message);
      return kExitUsage;
    }
    LoadFactsJsonl(file.value(), checker, gold_store);
  }
  for (const Diagnostic& d : diagnostics.all()) console.err << RenderDiagnostic(d);
  if (diagnostics.has_errors()) return kExitUsage;
  std::map<std::string, std::vector<Fact>> gold_by_document;
  gold_store.ForEach([&](const FactKey&, std::span<const Fact> facts) {
    for (const Fact& f : facts) {
      gold_by_document[std::filesystem::path(f.source.file.str()).filename().string()].push_back(f);
    }
  });
  Diagnostics warnings;
  auto doc_files = CollectFiles(command.documents, kDocumentExtensions, warnings, command.root);
  for (const Diagnostic& d : warnings.all()) console.err << RenderDiagnostic(d);
  if (!doc_files.ok()) {
    console.err << ErrorLine(doc_files.error().message);
    return kExitUsage;
  }
  Extractor extractor(*dictionary, *loaded->cues);
  EvaluationScore total;
  int given_subjects = 0;
  for (const std::string& path : doc_files.value()) {
    std::string name = std::filesystem::path(path).filename().string();
    auto gold = gold_by_document.find(name);
    if (gold == gold_by_document.end()) continue;  // a document nobody annotated
    auto extraction = extractor.ExtractFile(path);
    // A document that names no subject is read as its user would after warning X001: with
    // --entity, the place most of its gold facts are about.
    std::string given;
    if (extraction.ok() && extraction.value().subject.empty()) {
      given = MostCommonEntity(gold->second);
      if (!given.empty()) extraction = extractor.ExtractFile(path, {.entity = given});
    }
    if (!extraction.ok()) {
      console.err << ErrorLine(extraction.error().message);
      return kExitUsage;
    }
    EvaluationScore score = ScoreExtraction(gold->second, extraction.value().facts);
    console.out << fmt::format(
        "{}: precision {:.3f} ({}/{}), recall {:.3f} ({}/{}){}\n",
        LineSafe(name, LinePosition::kStart), score.precision(), score.matched, score.extracted,
        score.recall(), score.matched, score.gold,
        given.empty() ? "" : " — no subject found: read with --entity " + LineSafe(given));
    if (!given.empty()) ++given_subjects;
    total.Add(score);
  }
  auto show = [&](const char* what, const std::vector<Fact>& facts) {
    for (const Fact& f : facts) {
      console.out << fmt::format(
          "  {} {}:{} {} {} {} {} {} = {} {}  「{}」\n", what,
          LineSafe(std::filesystem::path(f.source.file.str()).filename().string()), f.source.line,
          LineSafe(f.key.entity), LineSafe(f.key.indicator), MeasureId(f.key.measure), f.key.period,
          FactKindId(f.key.kind), f.value, LineSafe(f.unit), LineSafe(f.source.quote));
    }
  };
  show("miss", total.misses);
  show("false", total.false_facts);
  // Every field, even at 0, so a regression says where it is.
  for (const std::string& field : ScoredFields()) {
    auto n = total.field_errors.find(field);
    console.out << fmt::format("  wrong {}: {}\n", field,
                               n == total.field_errors.end() ? 0 : n->second);
  }
  if (given_subjects > 0) {
    console.out << fmt::format("  no subject found (read with --entity): {} documents\n",
                               given_subjects);
  }
  console.out << fmt::format("total: precision {:.3f} ({}/{}), recall {:.3f} ({}/{})\n",
                             total.precision(), total.matched, total.extracted, total.recall(),
                             total.matched, total.gold);
  int status = kExitOk;
  auto floor = [&](const char* what, double score, double minimum) {
    if (score >= minimum) return;
    console.err << fmt::format("kaohe: {} {:.3f} is below the floor {:.3f} (--min-{})\n", what,
                               score, minimum, what);
    status = kExitFindings;
  };
  floor("precision", total.precision(), command.min_precision);
  floor("recall", total.recall(), command.min_recall);
  return status;
}

}  // namespace kaohe
