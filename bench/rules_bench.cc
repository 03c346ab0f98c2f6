// Rule-evaluation benchmark at national scale. Generates a synthetic workload — N counties ×
// 10 indicators × 5 years, level and growth, actual and target, about 5% of actual figures
// missing; 100 rules (at least the target on levels, within ±1pp of it on growth) — then
// measures `kaohe check` end to end (load facts and rules, evaluate, write the JSON report) as
// a child process, evaluation alone in-process, and the peers on the same files:
// json-rules-engine (entity by entity, as its documentation advises) and plain Python, each
// timed as a process the way kaohe is and by its own clock. All three must report the same
// pass / fail / no_data counts, or the benchmark fails.
//
//   build/rules_bench [--entities 3000] [--no-peers] [--scaling]
#include <fcntl.h>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "engine/evaluator.h"
#include "src/load/inputs.h"

namespace fs = std::filesystem;

namespace {

// Rounds of end-to-end runs (kaohe and each peer once a round), of which the best of each is
// reported.
constexpr int kRounds = 5;

constexpr int kIndicators = 10;
constexpr int kFirstYear = 2021;
constexpr int kYears = 5;

struct Counts {
  long pass = 0, fail = 0, no_data = 0;
  bool operator==(const Counts&) const = default;
};

std::string Entity(int i) { return fmt::format("合成县{:05}", i); }

// Writes the dictionary, the rule pack, the facts (JSON Lines) and the peers' rules.json.
void Generate(const fs::path& dir, int entities) {
  fs::create_directories(dir / "dictionary");
  {
    std::ofstream out(dir / "dictionary/indicators.yaml");
    out << "indicators:\n";
    for (int i = 1; i <= kIndicators; ++i) {
      out << fmt::format("  - {{id: i{:02}, name: 合成指标{:02}, unit: 元}}\n", i, i);
    }
  }
  {
    std::ofstream out(dir / "dictionary/entities.yaml");
    out << "entities:\n  - {name: 合成省, kind: province}\n";
    for (int e = 1; e <= entities; ++e) {
      out << fmt::format("  - {{name: {}, kind: county, parent: 合成省}}\n", Entity(e));
    }
  }
  nlohmann::json spec = {{"rules", nlohmann::json::array()}};
  {
    std::ofstream out(dir / "pack.yaml");
    out << "pack: synthetic-national\nrules:\n";
    for (int i = 1; i <= kIndicators; ++i) {
      for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
        out << fmt::format(
            "  - {{id: i{:02}-level-{}, scope: {{kind: county}}, indicator: i{:02}, "
            "measure: level, period: {}, check: actual >= target}}\n",
            i, y, i, y);
        out << fmt::format(
            "  - {{id: i{:02}-growth-{}, scope: {{kind: county}}, indicator: i{:02}, "
            "measure: growth, period: {}, check: abs(actual - target) <= 1pp}}\n",
            i, y, i, y);
        std::string id = fmt::format("i{:02}", i);
        spec["rules"].push_back({{"id", fmt::format("{}-level-{}", id, y)},
                                 {"indicator", id},
                                 {"measure", "level"},
                                 {"period", y},
                                 {"check", "atLeast"}});
        spec["rules"].push_back({{"id", fmt::format("{}-growth-{}", id, y)},
                                 {"indicator", id},
                                 {"measure", "growth"},
                                 {"period", y},
                                 {"check", "within"}});
      }
    }
  }
  std::ofstream(dir / "rules.json") << spec.dump() << "\n";
  std::ofstream facts(dir / "facts.jsonl");
  uint64_t state = 0x9e3779b97f4a7c15ULL;
  auto next = [&]() {  // xorshift: the same workload on every run
    state ^= state << 13;
    state ^= state >> 7;
    state ^= state << 17;
    return state;
  };
  for (int e = 1; e <= entities; ++e) {
    for (int i = 1; i <= kIndicators; ++i) {
      for (int y = kFirstYear; y < kFirstYear + kYears; ++y) {
        // Levels: the actual is 0.1% to 10% off its target, never equal to it.
        double target = (100 + static_cast<double>(next() % 900)) * 1e8;
        double off = (1 + static_cast<double>(next() % 100)) / 1000.0 * (next() % 2 ? 1 : -1);
        double actual = target * (1 + off);
        // Growth: the actual is up to 2pp off its target, never within 0.01pp of the 1pp edge.
        double g_target = 3 + static_cast<double>(next() % 600) / 100.0;
        double g_off = static_cast<double>(next() % 200) / 100.0;
        if (g_off > 0.98 && g_off < 1.02) g_off = 0.5;
        double g_actual = g_target + (next() % 2 ? g_off : -g_off);
        auto line = [&](const char* measure, const char* kind, double value, const char* unit) {
          facts << fmt::format(
              "{{\"entity\":\"{}\",\"indicator\":\"i{:02}\",\"measure\":\"{}\","
              "\"period\":{},\"kind\":\"{}\",\"value\":{:.17g},\"unit\":\"{}\"}}\n",
              Entity(e), i, measure, y, kind, value, unit);
        };
        line("level", "target", target, "元");
        if (next() % 100 >= 5) line("level", "actual", actual, "元");
        line("growth", "target", g_target, "%");
        if (next() % 100 >= 5) line("growth", "actual", g_actual, "%");
      }
    }
  }
}

struct ChildRun {
  double seconds = 0;
  long peak_kib = 0;
  int status = 0;
};

// Children are started by a spawner process forked before the benchmark loads anything: a
// child's peak memory (ru_maxrss) counts the pages of the process it was forked from, so forking
// from the benchmark itself, holding a loaded workload, would inflate every figure.
class Spawner {
 public:
  Spawner() {
    int to[2], from[2];
    if (pipe(to) != 0 || pipe(from) != 0) std::abort();
    pid_ = fork();
    if (pid_ == 0) {
      close(to[1]);
      close(from[0]);
      Serve(to[0], from[1]);
      _exit(0);
    }
    close(to[0]);
    close(from[1]);
    to_ = to[1];
    from_ = from[0];
  }
  ~Spawner() {
    close(to_);
    close(from_);
    waitpid(pid_, nullptr, 0);
  }

  // Runs `args` and waits for it; its standard output goes to `output` when one is named.
  ChildRun Run(const std::vector<std::string>& args, const std::string& output = "") {
    std::string request = output + '\0';
    for (const std::string& a : args) request += a + '\0';
    std::uint64_t size = request.size();
    WriteAll(to_, &size, sizeof size);
    WriteAll(to_, request.data(), request.size());
    ChildRun run;
    ReadAll(from_, &run, sizeof run);
    return run;
  }

 private:
  static void WriteAll(int fd, const void* data, std::size_t size) {
    auto* p = static_cast<const char*>(data);
    while (size > 0) {
      ssize_t n = write(fd, p, size);
      if (n <= 0) std::abort();
      p += n;
      size -= static_cast<std::size_t>(n);
    }
  }
  static bool ReadAll(int fd, void* data, std::size_t size) {
    auto* p = static_cast<char*>(data);
    while (size > 0) {
      ssize_t n = read(fd, p, size);
      if (n <= 0) return false;
      p += n;
      size -= static_cast<std::size_t>(n);
    }
    return true;
  }
  static void Serve(int in, int out) {
    std::uint64_t size = 0;
    while (ReadAll(in, &size, sizeof size)) {
      std::string request(size, '\0');
      if (!ReadAll(in, request.data(), size)) return;
      const std::string output = request.c_str();
      std::vector<char*> argv;
      for (std::size_t at = output.size() + 1; at < request.size();
           at = request.find('\0', at) + 1) {
        argv.push_back(&request[at]);
      }
      argv.push_back(nullptr);
      auto start = std::chrono::steady_clock::now();
      pid_t pid = fork();
      if (pid == 0) {
        if (!output.empty()) {
          int fd = open(output.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
          if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0) _exit(126);
        }
        execvp(argv[0], argv.data());
        _exit(127);
      }
      int status = 0;
      struct rusage usage {};
      wait4(pid, &status, 0, &usage);
      ChildRun run;
      run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      run.peak_kib = usage.ru_maxrss;
      run.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      WriteAll(out, &run, sizeof run);
    }
  }

  pid_t pid_ = -1;
  int to_ = -1;
  int from_ = -1;
};

// The report's summary, read from its end: a national report is gigabytes, and its summary is
// its last line.
nlohmann::json ReportSummary(const fs::path& report) {
  std::ifstream in(report, std::ios::binary);
  in.seekg(0, std::ios::end);
  std::streamoff size = in.tellg();
  std::streamoff tail = std::min<std::streamoff>(size, 4096);
  in.seekg(size - tail);
  std::string text(static_cast<std::size_t>(tail), '\0');
  in.read(text.data(), tail);
  std::size_t at = text.rfind("\"summary\": ");
  if (at == std::string::npos) return nlohmann::json::object();
  std::string object = text.substr(at + 11);
  object = object.substr(0, object.rfind('}'));  // the report's own closing brace
  return nlohmann::json::parse(object);
}

Counts PeerCounts(const nlohmann::json& j) {
  return {j.value("pass", 0L), j.value("fail", 0L), j.value("no_data", 0L)};
}

// A peer's rounds, each timed twice: as a process from start to exit, as kaohe is timed, and by
// the peer's own clock, which it prints (from after its interpreter has started to before it
// exits: at N = 3,000 Python's start and teardown took 0.16-0.18 s, and 0.6 s in a slow spell).
struct PeerRuns {
  std::vector<double> process, own;
  long peak_kib = 0;
  std::optional<Counts> counts;
  bool agree = true;  // every round printed the same counts
};

double Best(const std::vector<double>& seconds) {
  return *std::min_element(seconds.begin(), seconds.end());
}

// Runs a peer once; false, with the reason on stderr, when it fails or prints no result.
bool RunPeer(Spawner& spawner, std::string_view name, const std::vector<std::string>& command,
             const fs::path& output, PeerRuns& runs) {
  ChildRun run = spawner.Run(command, output.string());
  std::ifstream in(output);
  std::stringstream text;
  text << in.rdbuf();
  auto result = nlohmann::json::parse(text.str(), nullptr, /*allow_exceptions=*/false);
  if (run.status != 0 || !result.is_object() || !result.contains("seconds")) {
    std::cerr << fmt::format("rules_bench: {} failed with {} (its output: {})\n", name, run.status,
                             output.string());
    return false;
  }
  runs.process.push_back(run.seconds);
  runs.own.push_back(result["seconds"].get<double>());
  runs.peak_kib = std::max(runs.peak_kib, run.peak_kib);
  const Counts counts = PeerCounts(result);
  if (runs.counts && !(*runs.counts == counts)) runs.agree = false;
  runs.counts = counts;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int entities = 3000;
  bool peers = true, scaling = false;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--entities" && i + 1 < argc)
      entities = std::stoi(argv[++i]);
    else if (arg == "--no-peers")
      peers = false;
    else if (arg == "--scaling")
      scaling = true;
    else {
      std::cerr << "usage: rules_bench [--entities N] [--no-peers] [--scaling]\n";
      return 2;
    }
  }
  Spawner spawner;  // first, while this process is small
  const fs::path root = KAOHE_SOURCE_DIR;
  const std::string kaohe = std::string(KAOHE_BINARY_DIR) + "/kaohe";
  std::vector<int> sizes =
      scaling ? std::vector<int>{300, 3000, 30000} : std::vector<int>{entities};
  for (int n : sizes) {
    fs::path dir = fs::path(KAOHE_BINARY_DIR) / "bench-rules" / std::to_string(n);
    if (!fs::exists(dir / "facts.jsonl")) Generate(dir, n);
    double facts_mb = static_cast<double>(fs::file_size(dir / "facts.jsonl")) / 1e6;
    fmt::print("workload N = {}: {} rule–entity evaluations, facts file {:.1f} MB (synthetic)\n", n,
               100L * n, facts_mb);
    std::fflush(stdout);  // the child's messages come after this line, not before
    // Every end-to-end figure, kaohe's and the peers', is its best of kRounds rounds: a run of half
    // a second is easily disturbed on a shared machine. The runs go in rounds — kaohe, then each
    // peer — so that a slow spell of the machine falls on all three alike rather than on
    // whichever happened to be measured then.
    // Each run writes its report where none is: replacing the last run's 250 MB report would
    // time the kernel freeing its pages and waiting for their write-back (12-84 ms measured),
    // a cost of the run before. A check in CI writes to a fresh checkout's path in the same way.
    const bool with_peers = peers && n <= 3000;
    std::string facts = (dir / "facts.jsonl").string(), rules = (dir / "rules.json").string();
    const std::vector<std::string> js_command = {
        "node", (root / "bench/peer/rules_engine_peer.js").string(), facts, rules};
    const std::vector<std::string> py_command = {
        "/usr/bin/python3", (root / "bench/peer/rules_python_peer.py").string(), facts, rules};
    std::vector<double> kaohe_rounds;  // each round's seconds too, for the ratios within a round
    PeerRuns js, py;
    ChildRun check;
    for (int run = 0; run < kRounds; ++run) {
      fs::remove(dir / "report.json");
      ChildRun this_run =
          spawner.Run({kaohe, "check", "--dictionary", (dir / "dictionary").string(), "--rules",
                       (dir / "pack.yaml").string(), "--facts", (dir / "facts.jsonl").string(),
                       "--format", "json:" + (dir / "report.json").string(), "--fail-on", "never"});
      if (this_run.status != 0) {
        std::cerr << "rules_bench: kaohe check failed with " << this_run.status << "\n";
        return 2;
      }
      if (run == 0 || this_run.seconds < check.seconds) check.seconds = this_run.seconds;
      check.peak_kib = std::max(check.peak_kib, this_run.peak_kib);
      kaohe_rounds.push_back(this_run.seconds);
      if (with_peers &&
          !(RunPeer(spawner, "json-rules-engine", js_command, dir / "json-rules-engine.out", js) &&
            RunPeer(spawner, "python", py_command, dir / "python.out", py))) {
        return 2;
      }
    }
    Counts ours = PeerCounts(ReportSummary(dir / "report.json"));
    fmt::print(
        "  kaohe check, end to end: {:.2f} s, peak memory {:.0f} MiB ({:.2f}x the facts file); "
        "pass {} fail {} no_data {}\n",
        check.seconds, check.peak_kib / 1024.0, check.peak_kib * 1024.0 / (facts_mb * 1e6),
        ours.pass, ours.fail, ours.no_data);
    // Loading and evaluation alone, in this process.
    kaohe::Diagnostics diagnostics;
    kaohe::InputPaths paths;
    paths.dictionaries = {(dir / "dictionary").string()};
    paths.rules = {(dir / "pack.yaml").string()};
    paths.facts = {(dir / "facts.jsonl").string()};
    auto load_start = std::chrono::steady_clock::now();
    auto inputs = kaohe::LoadInputs(paths, diagnostics);
    if (!inputs.ok() || !inputs.value().rules) return 2;
    double load_seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - load_start).count();
    fmt::print("  kaohe load (dictionary, rules, facts): {:.3f} s\n", load_seconds);
    // Judging decides every verdict; explaining (message, arithmetic, evidence) is left to the
    // reporters, which do it as they write. Each is the best of three runs: on a shared machine
    // a single run of a few hundredths of a second measures the neighbours as much as kaohe.
    double one_core = 0;
    for (unsigned threads : {1u, 2u}) {
      double seconds = 0;
      std::size_t evaluated = 0;
      for (int run = 0; run < 3; ++run) {
        auto start = std::chrono::steady_clock::now();
        auto verdicts = kaohe::Judge(*inputs.value().rules, inputs.value().facts,
                                     *inputs.value().dictionary, threads);
        double took =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        if (run == 0 || took < seconds) seconds = took;
        evaluated = verdicts.size();
      }
      if (threads == 1) one_core = seconds;
      fmt::print(
          "  kaohe evaluation alone, {} thread{}: {:.3f} s, {:.2f} million rule–entity "
          "evaluations/s{}\n",
          threads, threads == 1 ? "" : "s", seconds, evaluated / seconds / 1e6,
          threads == 1 ? " per core" : fmt::format(" (speed-up {:.2f}x)", one_core / seconds));
    }
    if (!with_peers) continue;
    auto print_peer = [](std::string_view name, const PeerRuns& peer) {
      fmt::print(
          "  {}: {:.2f} s as a process, {:.2f} s by its own clock; peak memory {:.0f} MiB; pass {} "
          "fail {} no_data {}\n",
          name, Best(peer.process), Best(peer.own), peer.peak_kib / 1024.0, peer.counts->pass,
          peer.counts->fail, peer.counts->no_data);
    };
    print_peer("json-rules-engine", js);
    print_peer("python dictionaries", py);
    if (!js.agree || !py.agree || !(*js.counts == ours) || !(*py.counts == ours)) {
      std::cerr << "rules_bench: the peers and kaohe disagree on the counts\n";
      return 1;
    }
    fmt::print(
        "  counts agree; timed alike, as processes from start to exit, kaohe end to end is "
        "{:.1f}x as fast as json-rules-engine and {:.1f}x as fast as Python\n",
        Best(js.process) / check.seconds, Best(py.process) / check.seconds);
    fmt::print(
        "  by the peers' own clocks (their start and exit left out, kaohe's not): {:.1f}x and "
        "{:.1f}x\n",
        Best(js.own) / check.seconds, Best(py.own) / check.seconds);
    // The same ratios round by round, each peer against the kaohe run just before it.
    auto round_ratios = [&](const std::vector<double>& peer) {
      std::vector<double> ratios;
      for (std::size_t i = 0; i < peer.size(); ++i) ratios.push_back(peer[i] / kaohe_rounds[i]);
      std::sort(ratios.begin(), ratios.end());
      return fmt::format("{:.1f}x to {:.1f}x, median {:.1f}x", ratios.front(), ratios.back(),
                         ratios[ratios.size() / 2]);
    };
    fmt::print(
        "  round by round ({} rounds): kaohe {:.2f} s; as processes {} as fast as "
        "json-rules-engine, {} as fast as Python; by the peers' own clocks {} and {}\n",
        kRounds, fmt::join(kaohe_rounds, " / "), round_ratios(js.process), round_ratios(py.process),
        round_ratios(js.own), round_ratios(py.own));
  }
  return 0;
}
