#include "src/cli/app.h"

#include <fmt/format.h>

#include <CLI/CLI.hpp>
#include <sstream>

#include "engine/evaluator.h"
#include "src/cli/bundled_data.h"
#include "src/cli/extract_commands.h"
#include "src/cli/output_file.h"
#include "src/cli/quantities_command.h"
#include "src/load/inputs.h"
#include "src/report/fact_json.h"
#include "src/report/reporter.h"

namespace kaohe {
namespace {

struct CommonOptions {
  std::vector<std::string> dictionaries;
  std::vector<std::string> rules;
  std::vector<std::string> facts;
  std::vector<std::string> documents;
};

struct CheckOptions {
  std::string format = "console";
  std::string output;
  std::string fail_on = "error";
  std::string color = "auto";
};

void AddInputOptions(CLI::App& command, CommonOptions& options) {
  command.add_option("--rules", options.rules, "rule pack files or directories")
      ->type_name("DIR|FILE");
  command
      .add_option("--dictionary", options.dictionaries,
                  "indicator and entity dictionary files or directories")
      ->type_name("DIR|FILE");
  command
      .add_option("--facts", options.facts,
                  "fact files (.jsonl, .yaml target tables, .csv) or directories")
      ->type_name("DIR|FILE");
  command
      .add_option("--docs", options.documents,
                  "report text (.txt) to extract facts from, besides --facts")
      ->type_name("DIR|FILE");
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
  paths.rules =
      options.rules.empty() ? std::vector<std::string>{under("rules/packs")} : options.rules;
  paths.facts = options.facts.empty()
                    ? std::vector<std::string>{under("fixtures/targets"), under("fixtures/facts")}
                    : options.facts;
  paths.documents = options.documents;
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
                           Console& console, bool with_rules = true) {
  Diagnostics diagnostics;
  InputPaths paths = ResolvePaths(options, program);
  if (!with_rules) paths.rules.clear();
  auto inputs = LoadInputs(paths, diagnostics);
  PrintDiagnostics(diagnostics, console.err);
  if (!inputs.ok()) {
    console.err << "kaohe: " << inputs.error().message << "\n";
    return std::nullopt;
  }
  if (diagnostics.has_errors() || (with_rules && !inputs.value().rules)) return std::nullopt;
  return std::move(inputs).value();
}

int RunCheck(const CommonOptions& common, const CheckOptions& options, const std::string& program,
             Console& console) {
  auto inputs = Load(common, program, console);
  if (!inputs) return kExitUsage;
  std::vector<Finding> findings = Evaluate(*inputs->rules, inputs->facts, *inputs->dictionary);
  bool color = options.color == "always" ||
               (options.color == "auto" && options.output.empty() && console.out_is_terminal);
  auto reporter = MakeReporter(options.format, color);
  ReportInput input{findings, *inputs->dictionary, *inputs->rules, Summarize(findings)};
  if (options.output.empty()) {
    reporter->Write(input, console.out);
  } else {
    std::ostringstream buffer;
    reporter->Write(input, buffer);
    auto written = WriteFileAtomically(options.output, buffer.str());
    if (!written.ok()) {
      console.err << "kaohe: " << written.error().message << "\n";
      return kExitUsage;
    }
    const Summary& s = input.summary;
    console.err << fmt::format(
        "kaohe: wrote {} ({} findings: {} pass, {} fail, {} no_data, {} conflict, {} error)\n",
        options.output, s.total, s.pass, s.fail, s.no_data, s.conflict, s.error);
  }
  if (input.summary.error > 0) return kExitUsage;
  if (options.fail_on == "never") return kExitOk;
  int failing = input.summary.failing_error;
  if (options.fail_on == "warning") failing += input.summary.failing_warning;
  return failing > 0 ? kExitFindings : kExitOk;
}

int RunLint(const CommonOptions& common, const std::string& program, Console& console) {
  auto inputs = Load(common, program, console);
  if (!inputs) return kExitUsage;
  console.out << fmt::format(
      "kaohe: {} rules in {} packs, {} indicators, {} entities, {} facts: ok\n",
      inputs->rules->rule_count(), inputs->rules->packs.size(),
      inputs->dictionary->indicators().size(), inputs->dictionary->entities().size(),
      inputs->facts.size());
  return kExitOk;
}

int RunFacts(const CommonOptions& common, const std::string& program, Console& console) {
  auto inputs = Load(common, program, console, /*with_rules=*/false);
  if (!inputs) return kExitUsage;
  inputs->facts.ForEach([&](const FactKey&, std::span<const Fact> facts) {
    for (const Fact& f : facts) console.out << FactToJson(f).dump() << "\n";
  });
  return kExitOk;
}

}  // namespace

int RunKaohe(const std::vector<std::string>& args, Console console) {
  CLI::App app{"kaohe: checks whether regions and development zones met their economic targets"};
  app.name("kaohe");
  app.require_subcommand(1);
  CommonOptions common;
  CheckOptions check_options;

  CLI::App* check =
      app.add_subcommand("check", "evaluate rule packs over facts and report findings");
  AddInputOptions(*check, common);
  check->add_option("--format", check_options.format, "console, json or markdown")
      ->check(CLI::IsMember(ReportFormats()));
  check
      ->add_option("--output,-o", check_options.output, "write the report to FILE (default stdout)")
      ->type_name("FILE");
  check
      ->add_option("--fail-on", check_options.fail_on,
                   "exit 1 when a failing finding is at or above this severity")
      ->check(CLI::IsMember({"error", "warning", "never"}));
  check->add_option("--color", check_options.color, "auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  CLI::App* lint =
      app.add_subcommand("lint", "load dictionaries, rule packs and facts; report every problem");
  AddInputOptions(*lint, common);

  CLI::App* facts = app.add_subcommand(
      "facts", "load dictionaries and fact files and print every fact as JSON Lines");
  AddInputOptions(*facts, common);

  ExtractCommand extract_command;
  CLI::App* extract = app.add_subcommand("extract", "extract facts from report text as JSON Lines");
  extract->add_option("documents", extract_command.documents, "text files or directories")
      ->required();
  extract->add_option("--dictionary", extract_command.dictionaries,
                      "indicator and entity dictionaries");
  extract->add_option("--entity", extract_command.entity,
                      "the documents' subject, when the text does not name it");

  EvalCommand eval_command;
  CLI::App* eval = app.add_subcommand("eval", "score extraction against hand-annotated facts");
  eval->add_option("--gold", eval_command.gold, "gold fact files or directories")->required();
  eval->add_option("--docs", eval_command.documents, "the documents")->required();
  eval->add_option("--dictionary", eval_command.dictionaries, "indicator and entity dictionaries");
  eval->add_option("--min-precision", eval_command.min_precision, "exit 1 below this precision");
  eval->add_option("--min-recall", eval_command.min_recall, "exit 1 below this recall");

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
    console.err << "kaohe: " << e.what() << "\n";
    console.err << "Run 'kaohe --help' for usage.\n";
    return kExitUsage;
  }
  const std::string program = args.empty() ? "kaohe" : args[0];
  if (check->parsed()) return RunCheck(common, check_options, program, console);
  if (lint->parsed()) return RunLint(common, program, console);
  if (quantities->parsed()) return RunQuantities(quantities_path, console);
  if (facts->parsed()) return RunFacts(common, program, console);
  auto default_dictionary = [&](std::vector<std::string>& dictionaries) {
    if (dictionaries.empty()) dictionaries = ResolvePaths(common, program).dictionaries;
  };
  if (extract->parsed()) {
    default_dictionary(extract_command.dictionaries);
    return RunExtract(extract_command, console);
  }
  if (eval->parsed()) {
    default_dictionary(eval_command.dictionaries);
    return RunEval(eval_command, console);
  }
  return kExitUsage;
}

}  // namespace kaohe
