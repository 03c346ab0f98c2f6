#include "src/cli/test_command.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "engine/evaluator.h"
#include "engine/line_safe.h"
#include "engine/rule_compiler.h"
#include "engine/waiver.h"
#include "engine/yaml_support.h"
#include "src/extract/extractor.h"
#include "src/load/fact_checker.h"
#include "src/load/fact_loaders.h"
#include "src/load/file_reader.h"
#include "src/load/inputs.h"
#include "src/load/rule_tests.h"

namespace kaohe {
namespace {

std::string Describe(const Finding& f) {
  return fmt::format("{} {} {} {}: {} — {}", f.rule, f.entity, f.indicator, f.period,
                     StatusId(f.status), f.message);
}

}  // namespace

int RunTests(const TestCommand& command, Console& console) {
  Diagnostics diagnostics;
  InputPaths dictionary_paths;
  dictionary_paths.dictionaries = command.dictionaries;
  dictionary_paths.cues = command.cues;
  auto base = LoadInputs(dictionary_paths, diagnostics);
  if (!base.ok()) {
    console.err << ErrorLine(base.error().message);
    return kExitUsage;
  }
  const Dictionary& dictionary = *base.value().dictionary;
  auto test_files = CollectFiles(command.paths, {".yaml", ".yml"}, diagnostics, command.root);
  if (!test_files.ok()) {
    console.err << ErrorLine(test_files.error().message);
    return kExitUsage;
  }
  DocumentCache cited(command.root);
  // Test files, packs and fact files, each read once and kept for the run.
  std::map<std::string, std::unique_ptr<SourceFile>> read_files;
  auto read = [&read_files](const std::string& path) -> Result<const SourceFile*> {
    auto& held = read_files[path];
    if (!held) {
      auto file = ReadTextFile(path);
      if (!file.ok()) return file.error();
      held = std::make_unique<SourceFile>(std::move(file).value());
    }
    return held.get();
  };
  std::vector<RuleTestCase> cases;
  for (const std::string& path : test_files.value()) {
    if (!internal::YamlFileFits(path, diagnostics)) continue;
    auto file = read(path);
    if (!file.ok()) {
      console.err << ErrorLine(file.error().message);
      return kExitUsage;
    }
    auto loaded = LoadRuleTests(*file.value(), diagnostics, command.root);
    cases.insert(cases.end(), loaded.begin(), loaded.end());
  }
  // Rule sets, compiled once for each list of pack files.
  std::map<std::vector<std::string>, std::optional<CompiledRuleSet>> compiled;
  auto rules_for = [&](const std::vector<std::string>& paths) -> const CompiledRuleSet* {
    auto it = compiled.find(paths);
    if (it == compiled.end()) {
      std::vector<PackAst> packs;
      auto pack_files = CollectFiles(paths, {".yaml", ".yml"}, diagnostics, command.root);
      if (pack_files.ok()) {
        for (const std::string& p : pack_files.value()) {
          if (!internal::YamlFileFits(p, diagnostics)) continue;
          if (auto f = read(p); f.ok()) packs.push_back(LoadRulePack(*f.value(), diagnostics));
        }
      } else {
        diagnostics.Error("T009", {}, pack_files.error().message);
      }
      it = compiled.emplace(paths, CompileRules(packs, dictionary, diagnostics)).first;
    }
    return it->second ? &*it->second : nullptr;
  };
  for (const RuleTestCase& c : cases)
    rules_for(c.rule_files.empty() ? command.default_rules : c.rule_files);
  diagnostics.Sort();
  for (const Diagnostic& d : diagnostics.all()) console.err << RenderDiagnostic(d);
  if (diagnostics.has_errors()) return kExitUsage;

  Extractor extractor(dictionary, *base.value().cues);
  int passed = 0, failed = 0;
  std::set<std::string> exercised;
  for (const RuleTestCase& c : cases) {
    if (!GlobMatch(command.filter, c.name)) continue;
    const CompiledRuleSet* rules =
        rules_for(c.rule_files.empty() ? command.default_rules : c.rule_files);
    Diagnostics case_diagnostics;
    FactChecker checker(dictionary, case_diagnostics, cited);
    FactStore store;
    for (Fact f : c.facts) {
      if (checker.Check(f, {c.file, f.source.line, 0})) store.Add(std::move(f));
    }
    for (const std::string& path : c.fact_files) {
      if (internal::IsYamlPath(path) && !internal::YamlFileFits(path, case_diagnostics)) continue;
      if (auto f = read(path); f.ok()) {
        LoadFactFile(*f.value(), checker, store);
      } else {
        case_diagnostics.Error("T009", c.where, "cannot read " + path);
      }
    }
    if (!c.text.empty()) {
      std::vector<std::string> lines;
      for (std::size_t at = 0; at <= c.text.size();) {
        std::size_t end = c.text.find('\n', at);
        if (end == std::string::npos) end = c.text.size();
        lines.push_back(c.text.substr(at, end - at));
        at = end + 1;
      }
      Extraction e = extractor.ExtractLines(c.file, lines, {c.entity});
      for (Fact& f : e.facts) {
        if (checker.Check(f, c.where)) store.Add(std::move(f));
      }
    }
    std::vector<std::string> mismatches;
    for (const Diagnostic& d : case_diagnostics.all()) {
      if (d.severity == DiagnosticSeverity::kError) mismatches.push_back(RenderDiagnostic(d));
    }
    std::vector<Finding> findings = Evaluate(*rules, store, dictionary);
    for (const ExpectedFinding& x : c.expect) {
      exercised.insert(x.rule);
      const Entity* entity = dictionary.FindEntity(x.entity);
      std::string entity_name = entity ? entity->name.str() : x.entity;
      const Indicator* indicator = dictionary.FindIndicator(x.indicator);
      std::string indicator_id = indicator ? indicator->id.str() : x.indicator;
      const Finding* match = nullptr;
      for (const Finding& f : findings) {
        if (f.rule == x.rule && (x.entity.empty() || f.entity == entity_name) &&
            (!x.period || f.period == *x.period) &&
            (x.indicator.empty() || f.indicator == indicator_id)) {
          match = &f;
          break;
        }
      }
      std::string what = fmt::format("{} {} {} {}", x.rule, x.entity.empty() ? "*" : x.entity,
                                     x.indicator.empty() ? "*" : x.indicator,
                                     x.period ? std::to_string(*x.period) : "*");
      if (!match) {
        mismatches.push_back(fmt::format("{}:{}: expected {} {}\n    got no such finding",
                                         LineSafe(c.file), x.where.line, LineSafe(what),
                                         LineSafe(x.status)));
      } else if (StatusId(match->status) != x.status ||
                 (!x.message.empty() && match->message.find(x.message) == std::string::npos)) {
        mismatches.push_back(fmt::format("{}:{}: expected {} {}{}\n    got {}", LineSafe(c.file),
                                         x.where.line, LineSafe(what), LineSafe(x.status),
                                         x.message.empty() ? "" : " «" + LineSafe(x.message) + "»",
                                         LineSafe(Describe(*match))));
      }
    }
    bool ok = mismatches.empty();
    if (c.known_gap) {
      if (ok) {
        console.out << fmt::format("FIXED {} ({}:{}): passes now; remove known_gap\n",
                                   LineSafe(c.name), LineSafe(c.file), c.where.line);
        ++failed;
      } else {
        console.out << fmt::format("gap   {} (known gap)\n", LineSafe(c.name));
        ++passed;
      }
      continue;
    }
    if (ok) {
      console.out << fmt::format("ok    {}\n", LineSafe(c.name));
      ++passed;
    } else {
      console.out << fmt::format("FAIL  {} ({}:{})\n", LineSafe(c.name), LineSafe(c.file),
                                 c.where.line);
      for (const std::string& m : mismatches) console.out << "  " << m << "\n";
      ++failed;
    }
  }
  bool coverage_ok = true;
  if (command.coverage) {
    std::vector<std::string> all, uncovered;
    for (const auto& [paths, set] : compiled) {
      if (!set) continue;
      for (const CompiledPack& pack : set->packs) {
        for (const CompiledRule& rule : pack.rules) {
          if (std::find(all.begin(), all.end(), rule.id) != all.end()) continue;
          all.push_back(rule.id);
          if (!exercised.count(rule.id)) uncovered.push_back(rule.id);
        }
      }
    }
    double percent = all.empty() ? 100 : 100.0 * (all.size() - uncovered.size()) / all.size();
    for (const std::string& id : uncovered)
      console.out << "not exercised: " << LineSafe(id) << "\n";
    console.out << fmt::format("coverage: {} of {} rules exercised ({:.0f}%)\n",
                               all.size() - uncovered.size(), all.size(), percent);
    if (percent < command.min_coverage) {
      console.out << fmt::format("coverage below the required {:.0f}%\n", command.min_coverage);
      coverage_ok = false;
    }
  }
  console.out << fmt::format("{} passed, {} failed\n", passed, failed);
  return failed > 0 || !coverage_ok ? kExitFindings : kExitOk;
}

}  // namespace kaohe
