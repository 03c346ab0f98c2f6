// --cues on the command line: the bundled cue file always read first, a user's file added to
// it, its mistakes reported by lint with positions. Runs in-process.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "src/cli/app.h"

namespace kaohe {
namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run Kaohe(const std::string& directory, std::vector<std::string> args) {
  std::filesystem::current_path(directory);
  args.insert(args.begin(), KAOHE_BINARY);
  std::ostringstream out, err;
  Run run;
  run.code = RunKaohe(args, Console{out, err, false});
  run.out = out.str();
  run.err = err.str();
  std::filesystem::current_path(KAOHE_SOURCE_DIR);
  return run;
}

std::string TempDir() {
  auto dir =
      std::filesystem::temp_directory_path() / ("kaohe_cue_cli_test." + std::to_string(::getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

constexpr const char* kReport = R"(关于青石县2025年国民经济和社会发展计划执行情况的报告
一、2025年国民经济和社会发展计划执行情况
全县地区生产总值比上年攀升6.2%。
)";

}  // namespace

TEST_CASE(
    "--cues adds to the bundled cue words, and lint reports a bad pattern with its position") {
  const std::string dir = TempDir();
  std::ofstream(dir + "/report.txt") << kReport;
  std::ofstream(dir + "/mine.yaml") << "growth: [攀升]\n";
  std::ofstream(dir + "/bad.yaml") << "growth:\n  - 攀升\n  - {pattern: '(a|b'}\n";
  const std::string src = KAOHE_SOURCE_DIR;

  Run plain = Kaohe(src, {"extract", dir + "/report.txt"});
  CHECK(plain.code == 0);
  CHECK(plain.out.empty());  // 攀升 is no growth word of the bundled file
  Run mine = Kaohe(src, {"extract", "--cues", dir + "/mine.yaml", dir + "/report.txt"});
  CHECK(mine.code == 0);
  CHECK(mine.out.find(R"("indicator":"gdp","measure":"growth","period":2025)") !=
        std::string::npos);
  Run eval = Kaohe(src, {"eval", "--cues", dir + "/bad.yaml", "--gold", "fixtures/gold", "--docs",
                         "fixtures/docs"});
  CHECK(eval.code == 2);

  Run lint = Kaohe(src, {"lint", "--cues", dir + "/bad.yaml"});
  CHECK(lint.code == 2);
  CHECK(lint.err.find(dir + "/bad.yaml:3:15: error[Q001]: bad RE2 pattern: missing ): (a|b") !=
        std::string::npos);
  Run clean = Kaohe(src, {"lint", "--cues", dir + "/mine.yaml"});
  CHECK(clean.code == 0);
  CHECK(clean.out.find(" cues, ") != std::string::npos);

  // A project with its own rules/dictionary and no rules/cues.yaml still gets the bundled cues
  // (found beside the executable's repository), with its dictionary.
  std::filesystem::create_directories(dir + "/project/rules");
  std::filesystem::copy(src + "/rules/dictionary", dir + "/project/rules/dictionary");
  Run project = Kaohe(dir + "/project", {"extract", "--cues", "../mine.yaml", "../report.txt"});
  CHECK(project.code == 0);
  CHECK(project.out.find(R"("measure":"growth")") != std::string::npos);
  std::filesystem::remove_all(dir);
}

}  // namespace kaohe
