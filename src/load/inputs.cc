#include "src/load/inputs.h"

#include <fmt/format.h>

#include <map>
#include <set>

#include "engine/rule_compiler.h"
#include "engine/yaml_support.h"
#include "src/extract/extractor.h"
#include "src/extract/unread.h"
#include "src/load/cue_loader.h"
#include "src/load/fact_checker.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "src/text/document_reader.h"

namespace kaohe {
namespace {

void FillSnippets(Diagnostics& diagnostics) {
  std::map<std::string, std::set<int>> wanted;  // lines, by file
  for (const Diagnostic& d : diagnostics.all()) {
    if (d.snippet.empty() && d.location.line > 0 && !d.location.file.empty()) {
      wanted[d.location.file.str()].insert(d.location.line);
    }
  }
  if (wanted.empty()) return;
  std::map<std::string, std::map<int, std::string>> lines;
  for (const auto& [file, numbers] : wanted) lines[file] = ReadLines(file, numbers);
  Diagnostics filled;
  for (Diagnostic d : diagnostics.all()) {
    if (d.snippet.empty() && d.location.line > 0 && !d.location.file.empty()) {
      const auto& in_file = lines[d.location.file.str()];
      if (auto line = in_file.find(d.location.line); line != in_file.end())
        d.snippet = line->second;
    }
    filled.Add(std::move(d));
  }
  diagnostics = std::move(filled);
}

}  // namespace

Result<Inputs> LoadInputs(const InputPaths& paths, Diagnostics& diagnostics, PhaseTimer* timer) {
  auto mark = [timer](std::string_view phase) {
    if (timer) timer->Mark(phase);
  };
  Inputs inputs;
  inputs.dictionary = std::make_unique<Dictionary>();
  DocumentCache cited(paths.root);
  // The dictionaries and packs, kept while what was loaded from them is compiled.
  std::vector<std::unique_ptr<SourceFile>> held;
  auto read = [&held](const std::string& path) -> Result<const SourceFile*> {
    auto file = ReadTextFile(path);
    if (!file.ok()) return file.error();
    held.push_back(std::make_unique<SourceFile>(std::move(file).value()));
    return held.back().get();
  };

  auto dictionary_files =
      CollectFiles(paths.dictionaries, {".yaml", ".yml"}, diagnostics, paths.root);
  if (!dictionary_files.ok()) return dictionary_files.error();
  auto cue_files = CollectFiles(paths.cues, {".yaml", ".yml"}, diagnostics, paths.root);
  if (!cue_files.ok()) return cue_files.error();
  auto rule_files = CollectFiles(paths.rules, {".yaml", ".yml"}, diagnostics, paths.root);
  if (!rule_files.ok()) return rule_files.error();
  auto fact_files = CollectFiles(paths.facts, kFactFileExtensions, diagnostics, paths.root);
  if (!fact_files.ok()) return fact_files.error();
  if (dictionary_files.value().empty()) return Error{"no dictionary file was given"};
  if (rule_files.value().empty() && !paths.rules.empty()) return Error{"no rule pack was given"};

  for (const std::string& path : dictionary_files.value()) {
    if (!internal::YamlFileFits(path, diagnostics)) continue;
    auto file = read(path);
    if (!file.ok()) return file.error();
    LoadDictionary(*file.value(), *inputs.dictionary, diagnostics);
  }
  inputs.dictionary->Finish(diagnostics);
  const bool dictionary_ok = !diagnostics.has_errors();
  inputs.cues = std::make_unique<CueSet>();
  for (const std::string& path : cue_files.value()) {
    if (!internal::YamlFileFits(path, diagnostics)) continue;
    auto file = read(path);
    if (!file.ok()) return file.error();
    LoadCues(*file.value(), *inputs.cues, diagnostics);
  }
  inputs.cues->Finish(diagnostics);
  mark("load dictionary");

  std::vector<PackAst> packs;
  for (const std::string& path : rule_files.value()) {
    if (!internal::YamlFileFits(path, diagnostics)) continue;
    auto file = read(path);
    if (!file.ok()) return file.error();
    packs.push_back(LoadRulePack(*file.value(), diagnostics));
  }
  if (dictionary_ok && !paths.rules.empty()) {  // a broken dictionary would only add noise
    inputs.rules = CompileRules(packs, *inputs.dictionary, diagnostics);
  }
  mark("load rules");

  FactChecker checker(*inputs.dictionary, diagnostics, cited);
  const std::size_t max_facts = paths.max_facts;
  auto too_many = [max_facts](const std::string& path) {
    return Error{fmt::format("{}: more than {} facts in one run", path, max_facts)};
  };
  for (const std::string& path : fact_files.value()) {
    if (path.ends_with(".jsonl")) {
      auto streamed = StreamFactsJsonl(path, checker, inputs.facts, max_facts);
      if (!streamed.ok()) return streamed.error();
    } else {
      if (internal::IsYamlPath(path) && !internal::YamlFileFits(path, diagnostics)) continue;
      auto file = ReadTextFile(path);
      if (!file.ok()) return file.error();
      if (path.ends_with(".csv")) {
        LoadFactsCsv(file.value(), checker, inputs.facts, max_facts);
      } else {
        LoadFactFile(file.value(), checker, inputs.facts);
      }
    }
    // A loader stops at the first fact past the limit.
    if (inputs.facts.size() > max_facts) return too_many(path);
  }
  if (!paths.documents.empty()) {
    auto documents = CollectFiles(paths.documents, kDocumentExtensions, diagnostics, paths.root);
    if (!documents.ok()) return documents.error();
    Extractor extractor(*inputs.dictionary, *inputs.cues);
    UnreadLog unread;  // counts only
    ExtractOptions options;
    options.unread = &unread;
    for (const std::string& path : documents.value()) {
      // Facts go into the store as they come: the document's text is never held whole. Past
      // the limit the rest of the document's facts are dropped and the run stops with an error.
      bool over_limit = false;
      auto extraction = extractor.ExtractFile(path, options, [&](Fact&& fact) {
        if (over_limit) return;
        SourceLocation where{path, fact.source.line, 0};
        if (checker.Check(fact, where)) inputs.facts.Add(std::move(fact));
        over_limit = inputs.facts.size() > max_facts;
      });
      if (!extraction.ok()) return extraction.error();
      diagnostics.Append(extraction.value().diagnostics);
      if (over_limit) return too_many(path);
    }
    inputs.reading_summary = unread.Summary();
  }
  FillSnippets(diagnostics);
  diagnostics.Sort();
  mark("load facts");
  return inputs;
}

}  // namespace kaohe
