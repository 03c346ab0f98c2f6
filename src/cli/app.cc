#include "src/cli/app.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <sstream>

#include "engine/baseline.h"
#include "engine/evaluator.h"
#include "engine/line_safe.h"
#include "engine/suggest.h"
#include "engine/waiver.h"
#include "engine/yaml_support.h"
#include "src/cli/bundled_data.h"
#include "src/cli/catalog_commands.h"
#include "src/cli/extract_commands.h"
#include "src/cli/output_file.h"
#include "src/cli/quantities_command.h"
#include "src/cli/stop_commands.h"
#include "src/cli/test_command.h"
#include "src/load/baseline_loader.h"
#include "src/load/file_reader.h"
#include "src/load/inputs.h"
#include "src/report/fact_json.h"
#include "src/report/reporter.h"

namespace kaohe {

std::string ErrorLine(std::string_view message) { return "kaohe: " + LineSafe(message) + "\n"; }

namespace {

struct CommonOptions {
  std::string root;  // --root: paths inside input files must lie in it; empty: the working dir
  std::vector<std::string> dictionaries;
  std::vector<std::string> cues;  // --cues: added to the bundled rules/cues.yaml
  std::vector<std::string> rules;
  std::vector<std::string> facts;
  std::vector<std::string> documents;
};

struct CheckOptions {
  std::vector<std::string> formats;  // FORMAT or FORMAT:FILE
  std::vector<std::string> waivers;
  std::string baseline;
  std::string today;  // YYYY-MM-DD; empty: the date of GeneratedAt()
  std::string output;
  std::string fail_on = "error";
  std::string color = "auto";
  bool timings = false;  // print each phase's wall and CPU time to standard error
};

void AddCuesOption(CLI::App& command, std::vector<std::string>& cues) {
  // One file a --cues (repeat it for more), so that document paths after it stay documents.
  command.add_option("--cues", cues, "a cue word file to add to the bundled rules/cues.yaml")
      ->type_name("FILE")
      ->allow_extra_args(false);
}

// The bundled cue file, always read, then the user's.
std::vector<std::string> CuePaths(const std::string& program,
                                  const std::vector<std::string>& user) {
  std::vector<std::string> paths = {FindBundledFile(program, "rules/cues.yaml")};
  paths.insert(paths.end(), user.begin(), user.end());
  return paths;
}

void AddInputOptions(CLI::App& command, CommonOptions& options) {
  command.add_option("--rules", options.rules, "rule pack files or directories")
      ->type_name("DIR|FILE");
  command
      .add_option("--dictionary", options.dictionaries,
                  "indicator and entity dictionary files or directories")
      ->type_name("DIR|FILE");
  AddCuesOption(command, options.cues);
  command
      .add_option("--facts", options.facts,
                  "fact files (.jsonl, .yaml target tables, .csv) or directories")
      ->type_name("DIR|FILE");
  command
      .add_option("--docs", options.documents,
                  "report text (.txt) to extract facts from, besides --facts")
      ->type_name("DIR|FILE");
}

// The project root (--root, else the working directory). When kaohe reads its bundled fact files
// or tests (no --facts, no test paths) from outside the working directory, the bundled data's
// folder is trusted too: the paths those files name lie in it.
ProjectRoot MakeProjectRoot(const CommonOptions& options, const std::string& program,
                            bool reads_bundled_inputs) {
  ProjectRoot root(options.root);
  const std::string data = FindDataRoot(program);
  if (reads_bundled_inputs && data != ".") root.Trust(data);
  return root;
}

InputPaths ResolvePaths(const CommonOptions& options, const std::string& program) {
  std::string root = FindDataRoot(program);
  auto under = [&](const char* relative) {
    return root == "." ? std::string(relative) : root + "/" + relative;
  };
  InputPaths paths;
  paths.dictionaries = options.dictionaries.empty()
                           ? std::vector<std::string>{under("rules/dictionary")}
                           : options.dictionaries;
  paths.cues = CuePaths(program, options.cues);
  paths.rules =
      options.rules.empty() ? std::vector<std::string>{under("rules/packs")} : options.rules;
  paths.facts = options.facts.empty()
                    ? std::vector<std::string>{under("fixtures/targets"), under("fixtures/facts")}
                    : options.facts;
  paths.documents = options.documents;
  paths.root = MakeProjectRoot(options, program, options.facts.empty());
  return paths;
}

void PrintDiagnostics(const Diagnostics& diagnostics, std::ostream& err) {
  for (const Diagnostic& d : diagnostics.all()) err << RenderDiagnostic(d);
  if (diagnostics.error_count() > 0 || diagnostics.warning_count() > 0) {
    err << fmt::format("{} error(s), {} warning(s)\n", diagnostics.error_count(),
                       diagnostics.warning_count());
  }
}

// Loads and reports diagnostics; nullopt (after printing why) when evaluation must not run.
std::optional<Inputs> Load(const CommonOptions& options, const std::string& program,
                           Console& console, bool with_rules = true, PhaseTimer* timer = nullptr) {
  Diagnostics diagnostics;
  InputPaths paths = ResolvePaths(options, program);
  if (!with_rules) paths.rules.clear();
  auto inputs = LoadInputs(paths, diagnostics, timer);
  PrintDiagnostics(diagnostics, console.err);
  if (!inputs.ok()) {
    console.err << ErrorLine(inputs.error().message);
    return std::nullopt;
  }
  if (diagnostics.has_errors() || (with_rules && !inputs.value().rules)) return std::nullopt;
  return std::move(inputs).value();
}

// When the report was made: SOURCE_DATE_EPOCH when set (reproducible reports), else now.
std::string GeneratedAt() {
  std::time_t t = std::time(nullptr);
  if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = std::strtoll(epoch, nullptr, 10);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%S", &utc);
  return text;
}

struct OutputSpec {
  std::string format;
  std::string path;  // empty: standard output
};

// "--format html:report.html --format junit:junit.xml"; --output names the file of a format
// given without one.
std::optional<std::vector<OutputSpec>> ParseOutputs(const CheckOptions& options, Console& console) {
  std::vector<std::string> specs =
      options.formats.empty() ? std::vector<std::string>{"console"} : options.formats;
  std::vector<OutputSpec> outputs;
  int to_stdout = 0;
  for (const std::string& spec : specs) {
    OutputSpec o;
    auto colon = spec.find(':');
    o.format = spec.substr(0, colon);
    if (colon != std::string::npos) o.path = spec.substr(colon + 1);
    if (o.path.empty() && !options.output.empty()) o.path = options.output;
    const auto& known = ReportFormats();
    if (std::find(known.begin(), known.end(), o.format) == known.end()) {
      console.err << ErrorLine(fmt::format("unknown format '{}'{}; formats: {}", o.format,
                                           DidYouMeanSuffix(o.format, known),
                                           fmt::join(known, ", ")));
      return std::nullopt;
    }
    if (o.path.empty() && ++to_stdout > 1) {
      console.err << "kaohe: only one format can go to standard output: give the others a "
                     "file (--format junit:junit.xml)\n";
      return std::nullopt;
    }
    outputs.push_back(std::move(o));
  }
  return outputs;
}

// Waivers and the baseline, after evaluation. nullopt (after saying why) when they cannot be
// read; warnings (unused or expired waivers) are printed.
std::optional<BaselineCounts> Review(FindingList& findings, const Inputs& inputs,
                                     const CheckOptions& options, const ProjectRoot& root,
                                     Console& console) {
  Diagnostics diagnostics;
  std::vector<Waiver> waivers;
  auto waiver_files = CollectFiles(options.waivers, {".yaml", ".yml"}, diagnostics, root);
  if (!waiver_files.ok()) {
    console.err << ErrorLine(waiver_files.error().message);
    return std::nullopt;
  }
  for (const std::string& path : waiver_files.value()) {
    if (!internal::YamlFileFits(path, diagnostics)) continue;
    auto file = ReadTextFile(path);
    if (!file.ok()) {
      console.err << ErrorLine(file.error().message);
      return std::nullopt;
    }
    auto loaded = LoadWaivers(file.value(), &*inputs.rules, diagnostics);
    waivers.insert(waivers.end(), loaded.begin(), loaded.end());
  }
  if (!diagnostics.has_errors()) {
    std::string today = options.today.empty() ? GeneratedAt().substr(0, 10) : options.today;
    ApplyWaivers(findings, waivers, *inputs.rules, today, diagnostics);
  }
  diagnostics.Sort();
  PrintDiagnostics(diagnostics, console.err);
  if (diagnostics.has_errors()) return std::nullopt;
  BaselineCounts counts;
  if (!options.baseline.empty()) {
    auto baseline = LoadBaseline(options.baseline);
    if (!baseline.ok()) {
      console.err << ErrorLine(baseline.error().message);
      return std::nullopt;
    }
    counts = ApplyBaseline(findings, baseline.value());
  }
  return counts;
}

int RunCheck(const CommonOptions& common, const CheckOptions& options, const std::string& program,
             Console& console) {
  auto outputs = ParseOutputs(options, console);
  if (!outputs) return kExitUsage;
  PhaseTimer timer;  // marked whether or not it is printed: a clock read a phase
  auto inputs = Load(common, program, console, /*with_rules=*/true, &timer);
  if (!inputs) return kExitUsage;
  if (!inputs->reading_summary.empty()) {
    console.err << fmt::format("kaohe: {} (kaohe extract --unread lists the others)\n",
                               inputs->reading_summary);
  }
  FindingList findings = Judge(*inputs->rules, inputs->facts, *inputs->dictionary);
  timer.Mark("evaluate");
  auto counts = Review(findings, *inputs, options, ProjectRoot(common.root), console);
  if (!counts) return kExitUsage;
  timer.Mark("waivers and baseline");
  ReportInput input{findings, *inputs->dictionary, *inputs->rules, Summarize(findings),
                    GeneratedAt()};
  input.summary.baseline_given = !options.baseline.empty();
  input.summary.new_failures = counts->new_failures;
  input.summary.unchanged = counts->unchanged;
  input.summary.resolved = counts->resolved;
  for (const OutputSpec& o : *outputs) {
    bool color = options.color == "always" ||
                 (options.color == "auto" && o.path.empty() && console.out_is_terminal);
    auto reporter = MakeReporter(o.format, color);
    const std::string phase = "report " + o.format;
    if (o.path.empty()) {
      // The github report's annotations must be read: end the stop of workflow commands first.
      if (o.format == "github" && console.stop_commands) console.stop_commands->Resume();
      reporter->Write(input, console.out);
      console.out.flush();
      timer.Mark(phase);
      continue;
    }
    auto file = AtomicFile::Open(o.path);
    if (!file.ok()) {
      console.err << ErrorLine(file.error().message);
      return kExitUsage;
    }
    reporter->Write(input, file.value()->stream());
    auto written = file.value()->Commit();
    if (!written.ok()) {
      console.err << ErrorLine(written.error().message);
      return kExitUsage;
    }
    const Summary& s = input.summary;
    console.err << fmt::format(
        "kaohe: wrote {} ({} findings: {} pass, {} fail, {} no_data, {} conflict, {} error, {} "
        "waived)\n",
        LineSafe(o.path), s.total, s.pass, s.fail, s.no_data, s.conflict, s.error, s.waived);
    timer.Mark(phase);
  }
  if (options.timings)
    console.err << "kaohe: timings (wall, and CPU of all threads)\n" << timer.Render();
  if (input.summary.error > 0) return kExitUsage;
  if (options.fail_on == "never") return kExitOk;
  if (options.fail_on == "new") {
    // Without a baseline every failure is new.
    int fresh = options.baseline.empty() ? input.summary.failing_error : counts->new_error_failures;
    return fresh > 0 ? kExitFindings : kExitOk;
  }
  int failing = input.summary.failing_error;
  if (options.fail_on == "warning") failing += input.summary.failing_warning;
  return failing > 0 ? kExitFindings : kExitOk;
}

int RunLint(const CommonOptions& common, const CheckOptions& options, const std::string& program,
            Console& console) {
  auto inputs = Load(common, program, console);
  if (!inputs) return kExitUsage;
  if (!options.waivers.empty()) {
    // Whether a waiver still matches anything is only known by evaluating.
    FindingList findings = Judge(*inputs->rules, inputs->facts, *inputs->dictionary);
    if (!Review(findings, *inputs, options, ProjectRoot(common.root), console)) return kExitUsage;
  }
  console.out << fmt::format(
      "kaohe: {} rules in {} packs, {} indicators, {} entities, {} cues, {} facts: ok\n",
      inputs->rules->rule_count(), inputs->rules->packs.size(),
      inputs->dictionary->indicators().size(), inputs->dictionary->entities().size(),
      inputs->cues->entry_count(), inputs->facts.size());
  return kExitOk;
}

int RunFacts(const CommonOptions& common, const std::string& program, Console& console) {
  auto inputs = Load(common, program, console, /*with_rules=*/false);
  if (!inputs) return kExitUsage;
  inputs->facts.ForEach([&](const FactKey&, std::span<const Fact> facts) {
    for (const Fact& f : facts) console.out << FactJson(f) << "\n";
  });
  return kExitOk;
}

}  // namespace

int RunKaohe(const std::vector<std::string>& args, Console console) {
  CLI::App app{"kaohe: checks whether regions and development zones met their economic targets"};
  app.name("kaohe");
  app.require_subcommand(1);
  app.fallthrough();  // --root may follow the subcommand
  CommonOptions common;
  app.add_option("--root", common.root,
                 "the project root: files named inside input files must lie in it (default: "
                 "the working directory)")
      ->type_name("DIR")
      ->check(CLI::ExistingDirectory);
  CheckOptions check_options;

  CLI::App* check =
      app.add_subcommand("check", "evaluate rule packs over facts and report findings");
  AddInputOptions(*check, common);
  check
      ->add_option("--format", check_options.formats,
                   "console, json, markdown, junit, sarif or github; FORMAT:FILE writes to a "
                   "file; repeat for several")
      ->type_name("FORMAT[:FILE]");
  check
      ->add_option("--output,-o", check_options.output,
                   "the file for a format given without one (default stdout)")
      ->type_name("FILE");
  check
      ->add_option("--fail-on", check_options.fail_on,
                   "exit 1 when a failing finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "new", "never"}));
  check->add_option("--waivers", check_options.waivers, "waiver files or directories")
      ->type_name("DIR|FILE");
  check
      ->add_option("--baseline", check_options.baseline,
                   "a previous JSON report: mark findings new, unchanged or resolved")
      ->type_name("FILE");
  check->add_option("--today", check_options.today, "the date waivers expire against")
      ->type_name("YYYY-MM-DD");
  check->add_option("--color", check_options.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  check->add_flag("--timings", check_options.timings,
                  "print how long each phase took (wall and CPU time) to standard error");

  CLI::App* lint =
      app.add_subcommand("lint", "load dictionaries, rule packs and facts; report every problem");
  AddInputOptions(*lint, common);
  CheckOptions lint_options;
  lint->add_option("--waivers", lint_options.waivers, "waiver files or directories to check")
      ->type_name("DIR|FILE");
  lint->add_option("--today", lint_options.today, "the date waivers expire against")
      ->type_name("YYYY-MM-DD");

  CLI::App* facts = app.add_subcommand(
      "facts", "load dictionaries and fact files and print every fact as JSON Lines");
  AddInputOptions(*facts, common);

  ExtractCommand extract_command;
  CLI::App* extract = app.add_subcommand("extract", "extract facts from report text as JSON Lines");
  extract->add_option("documents", extract_command.documents, "text files or directories")
      ->required();
  extract->add_option("--dictionary", extract_command.dictionaries,
                      "indicator and entity dictionaries");
  extract->add_flag("--unread", extract_command.unread,
                    "list the sentences and table rows naming an indicator next to a number "
                    "that gave no fact, with the reason, instead of the facts");
  AddCuesOption(*extract, extract_command.cues);
  extract->add_option("--entity", extract_command.entity,
                      "the documents' subject, when the text does not name it");

  EvalCommand eval_command;
  CLI::App* eval = app.add_subcommand("eval", "score extraction against hand-annotated facts");
  eval->add_option("--gold", eval_command.gold, "gold fact files or directories")->required();
  eval->add_option("--docs", eval_command.documents, "the documents")->required();
  eval->add_option("--dictionary", eval_command.dictionaries, "indicator and entity dictionaries");
  eval->add_option("--min-precision", eval_command.min_precision, "exit 1 below this precision")
      ->check(CLI::Range(0.0, 1.0));
  eval->add_option("--min-recall", eval_command.min_recall, "exit 1 below this recall")
      ->check(CLI::Range(0.0, 1.0));
  AddCuesOption(*eval, eval_command.cues);

  std::string explain_rule, explain_entity;
  std::optional<int> explain_period;
  CLI::App* explain = app.add_subcommand("explain", "show one rule's evaluation for one entity");
  explain->add_option("rule", explain_rule, "rule id")->required();
  explain->add_option("entity", explain_entity, "entity name or alias")->required();
  explain->add_option("period", explain_period, "year (default: every year)");
  AddInputOptions(*explain, common);

  std::string doc_output;
  CLI::App* doc = app.add_subcommand("doc", "write the rule catalogue (Markdown)");
  AddInputOptions(*doc, common);
  doc->add_option("--output,-o", doc_output, "write to FILE (default stdout)")->type_name("FILE");

  TestCommand test_command;
  CLI::App* test = app.add_subcommand("test", "run rule-pack tests (YAML cases)");
  test->add_option("paths", test_command.paths, "test files or directories (default rules/tests)");
  test->add_option("--dictionary", test_command.dictionaries, "indicator and entity dictionaries");
  AddCuesOption(*test, test_command.cues);
  test->add_option("--rules", test_command.default_rules, "packs for cases that name none");
  test->add_option("--filter", test_command.filter, "run the cases whose name matches (* ?)");
  test->add_flag("--coverage", test_command.coverage, "list the rules no case exercises");
  test->add_option("--min-coverage", test_command.min_coverage,
                   "with --coverage: fail below this percentage of rules exercised");

  std::string quantities_path = "-";
  CLI::App* quantities = app.add_subcommand(
      "quantities", "print every number, percentage and amount found in each line, as JSON Lines");
  quantities->add_option("file", quantities_path, "a text file, or - for standard input");

  std::vector<std::string> rest(args.begin() + (args.empty() ? 0 : 1), args.end());
  std::reverse(rest.begin(), rest.end());  // CLI11 takes the arguments last first
  try {
    app.parse(rest);
  } catch (const CLI::CallForHelp&) {
    console.out << app.help();
    return kExitOk;
  } catch (const CLI::CallForAllHelp&) {
    console.out << app.help("", CLI::AppFormatMode::All);
    return kExitOk;
  } catch (const CLI::ParseError& e) {
    console.err << ErrorLine(e.what());
    console.err << "Run 'kaohe --help' for usage.\n";
    return kExitUsage;
  }
  const std::string program = args.empty() ? "kaohe" : args[0];
  if (check->parsed()) return RunCheck(common, check_options, program, console);
  if (lint->parsed()) return RunLint(common, lint_options, program, console);
  if (quantities->parsed()) return RunQuantities(quantities_path, console);
  if (facts->parsed()) return RunFacts(common, program, console);
  auto default_dictionary = [&](std::vector<std::string>& dictionaries) {
    if (dictionaries.empty()) dictionaries = ResolvePaths(common, program).dictionaries;
  };
  if (explain->parsed() || doc->parsed()) {
    auto inputs = Load(common, program, console);
    if (!inputs) return kExitUsage;
    if (explain->parsed()) {
      return RunExplain(*inputs->rules, inputs->facts, *inputs->dictionary, explain_rule,
                        explain_entity, explain_period, console);
    }
    std::string catalogue = RuleCatalogue(*inputs->rules, *inputs->dictionary);
    if (doc_output.empty()) {
      console.out << catalogue;
    } else if (auto written = WriteFileAtomically(doc_output, catalogue); !written.ok()) {
      console.err << ErrorLine(written.error().message);
      return kExitUsage;
    }
    return kExitOk;
  }
  if (test->parsed()) {
    InputPaths defaults = ResolvePaths(common, program);
    if (test_command.dictionaries.empty()) test_command.dictionaries = defaults.dictionaries;
    if (test_command.default_rules.empty()) test_command.default_rules = defaults.rules;
    test_command.cues = CuePaths(program, test_command.cues);
    test_command.root = MakeProjectRoot(common, program, test_command.paths.empty());
    if (test_command.paths.empty()) {
      std::string root = FindDataRoot(program);
      test_command.paths = {root == "." ? "rules/tests" : root + "/rules/tests"};
    }
    return RunTests(test_command, console);
  }
  if (extract->parsed()) {
    default_dictionary(extract_command.dictionaries);
    extract_command.cues = CuePaths(program, extract_command.cues);
    extract_command.root = ProjectRoot(common.root);
    return RunExtract(extract_command, console);
  }
  if (eval->parsed()) {
    default_dictionary(eval_command.dictionaries);
    eval_command.cues = CuePaths(program, eval_command.cues);
    eval_command.root = ProjectRoot(common.root);
    return RunEval(eval_command, console);
  }
  return kExitUsage;
}

}  // namespace kaohe
