#include "src/load/inputs.h"

#include <fmt/format.h>

#include "engine/rule_compiler.h"
#include "src/extract/extractor.h"
#include "src/load/fact_checker.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"

namespace kaohe {
namespace {

void FillSnippets(Diagnostics& diagnostics, DocumentCache& files) {
  Diagnostics filled;
  for (Diagnostic d : diagnostics.all()) {
    if (d.snippet.empty() && d.location.line > 0 && !d.location.file.empty()) {
      if (const SourceFile* file = files.Get(d.location.file)) {
        d.snippet = std::string(file->Line(d.location.line));
      }
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
  DocumentCache files;

  auto dictionary_files = CollectFiles(paths.dictionaries, {".yaml", ".yml"});
  if (!dictionary_files.ok()) return dictionary_files.error();
  auto rule_files = CollectFiles(paths.rules, {".yaml", ".yml"});
  if (!rule_files.ok()) return rule_files.error();
  auto fact_files = CollectFiles(paths.facts, kFactFileExtensions);
  if (!fact_files.ok()) return fact_files.error();
  if (dictionary_files.value().empty()) return Error{"no dictionary file was given"};
  if (rule_files.value().empty() && !paths.rules.empty()) return Error{"no rule pack was given"};

  for (const std::string& path : dictionary_files.value()) {
    const SourceFile* file = files.Get(path);
    if (!file) return ReadTextFile(path).error();
    LoadDictionary(*file, *inputs.dictionary, diagnostics);
  }
  inputs.dictionary->Finish(diagnostics);
  const bool dictionary_ok = !diagnostics.has_errors();
  mark("load dictionary");

  std::vector<PackAst> packs;
  for (const std::string& path : rule_files.value()) {
    const SourceFile* file = files.Get(path);
    if (!file) return ReadTextFile(path).error();
    packs.push_back(LoadRulePack(*file, diagnostics));
  }
  if (dictionary_ok && !paths.rules.empty()) {  // a broken dictionary would only add noise
    inputs.rules = CompileRules(packs, *inputs.dictionary, diagnostics);
  }
  mark("load rules");

  FactChecker checker(*inputs.dictionary, diagnostics, files);
  for (const std::string& path : fact_files.value()) {
    if (path.ends_with(".jsonl")) {
      auto streamed = StreamFactsJsonl(path, checker, inputs.facts);
      if (!streamed.ok()) return streamed.error();
    } else {
      const SourceFile* file = files.Get(path);
      if (!file) return ReadTextFile(path).error();
      LoadFactFile(*file, checker, inputs.facts);
    }
    if (inputs.facts.size() > kMaxFacts) {
      return Error{fmt::format("{}: more than {} facts in one run", path, kMaxFacts)};
    }
  }
  if (!paths.documents.empty()) {
    auto documents = CollectFiles(paths.documents, kDocumentExtensions);
    if (!documents.ok()) return documents.error();
    Extractor extractor(*inputs.dictionary);
    for (const std::string& path : documents.value()) {
      // Facts go into the store as they come: the document's text is never held whole.
      auto extraction = extractor.ExtractFile(path, {}, [&](Fact&& fact) {
        SourceLocation where{path, fact.source.line, 0};
        if (checker.Check(fact, where)) inputs.facts.Add(std::move(fact));
      });
      if (!extraction.ok()) return extraction.error();
      diagnostics.Append(extraction.value().diagnostics);
    }
  }
  FillSnippets(diagnostics, files);
  diagnostics.Sort();
  mark("load facts");
  return inputs;
}

}  // namespace kaohe
