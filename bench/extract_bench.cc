// Extraction benchmark. Builds a synthetic corpus from copies of the seed documents (named
// synthetic_*.txt; never committed), extracts it end to end with one thread and with every
// core, samples resident memory as files are processed, then runs the peer — Microsoft
// Recognizers-Text's Chinese number model, which only finds numbers — on the same files and
// prints the throughput ratio.
//
//   build/extract_bench [--megabytes 200] [--threads N] [--peer-megabytes 8] [--no-peer]
#include <fmt/format.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "src/extract/extractor.h"
#include "src/load/inputs.h"

namespace fs = std::filesystem;

namespace {

long ResidentKilobytes() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

std::vector<std::string> BuildCorpus(const fs::path& source, const fs::path& dir,
                                     std::uintmax_t bytes_wanted, std::uintmax_t& bytes) {
  fs::create_directories(dir);
  std::vector<fs::path> seeds;
  for (const auto& entry : fs::directory_iterator(source)) {
    if (entry.path().extension() == ".txt") seeds.push_back(entry.path());
  }
  std::sort(seeds.begin(), seeds.end());
  std::vector<std::string> files;
  bytes = 0;
  for (int copy = 0; bytes < bytes_wanted; ++copy) {
    for (const fs::path& seed : seeds) {
      fs::path target = dir / fmt::format("synthetic_{}_{:05}.txt", seed.stem().string(), copy);
      if (!fs::exists(target) || fs::file_size(target) != fs::file_size(seed)) {
        fs::copy_file(seed, target, fs::copy_options::overwrite_existing);
      }
      bytes += fs::file_size(target);
      files.push_back(target.string());
      if (bytes >= bytes_wanted) break;
    }
  }
  return files;
}

struct Run {
  double seconds = 0;
  std::size_t facts = 0;
  std::vector<long> resident;  // KiB after each quarter of the files
};

Run Extract(const kaohe::Extractor& extractor, const std::vector<std::string>& files, int threads) {
  std::atomic<std::size_t> next{0};
  std::atomic<std::size_t> facts{0};
  std::mutex sample_mutex;
  Run run;
  const std::size_t quarter = std::max<std::size_t>(1, files.size() / 4);
  auto start = std::chrono::steady_clock::now();
  auto work = [&] {
    for (std::size_t i = next++; i < files.size(); i = next++) {
      auto extraction = extractor.ExtractFile(files[i]);
      if (extraction.ok()) facts += extraction.value().facts.size();
      if ((i + 1) % quarter == 0) {
        std::lock_guard<std::mutex> lock(sample_mutex);
        run.resident.push_back(ResidentKilobytes());
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  for (std::thread& t : pool) t.join();
  run.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  run.facts = facts;
  return run;
}

}  // namespace

int main(int argc, char** argv) {
  double megabytes = 200, peer_megabytes = 8;
  int threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  bool peer = true;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    if (arg == "--megabytes" && i + 1 < argc)
      megabytes = std::stod(argv[++i]);
    else if (arg == "--threads" && i + 1 < argc)
      threads = std::stoi(argv[++i]);
    else if (arg == "--peer-megabytes" && i + 1 < argc)
      peer_megabytes = std::stod(argv[++i]);
    else if (arg == "--no-peer")
      peer = false;
    else {
      std::cerr << "usage: extract_bench [--megabytes N] [--threads N] [--peer-megabytes N] "
                   "[--no-peer]\n";
      return 2;
    }
  }
  const fs::path root = KAOHE_SOURCE_DIR;
  kaohe::Diagnostics diagnostics;
  kaohe::InputPaths paths;
  paths.dictionaries = {(root / "rules/dictionary").string()};
  paths.cues = {(root / "rules/cues.yaml").string()};
  auto inputs = kaohe::LoadInputs(paths, diagnostics);
  if (!inputs.ok() || diagnostics.has_errors()) {
    std::cerr << "extract_bench: cannot load the dictionaries\n";
    return 2;
  }
  std::uintmax_t bytes = 0;
  auto files = BuildCorpus(root / "fixtures/docs", fs::path(KAOHE_BINARY_DIR) / "bench-corpus",
                           static_cast<std::uintmax_t>(megabytes * 1e6), bytes);
  const double mb = static_cast<double>(bytes) / 1e6;
  fmt::print("corpus: {} synthetic files, {:.1f} MB (copies of fixtures/docs)\n", files.size(), mb);

  kaohe::Extractor extractor(*inputs.value().dictionary, *inputs.value().cues);
  Extract(extractor, files, threads);  // untimed: brings the files into the page cache
  Run one = Extract(extractor, files, 1);
  fmt::print("kaohe, 1 thread:  {:.2f} s, {:.1f} MB/s, {} facts\n", one.seconds, mb / one.seconds,
             one.facts);
  Run all = Extract(extractor, files, threads);
  fmt::print("kaohe, {} threads: {:.2f} s, {:.1f} MB/s ({:.1f} MB/s per core), speed-up {:.2f}x\n",
             threads, all.seconds, mb / all.seconds, mb / all.seconds / threads,
             one.seconds / all.seconds);
  std::string samples;
  for (long kb : one.resident) samples += fmt::format(" {:.1f}", kb / 1024.0);
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("resident memory after each quarter of the corpus (MiB):{}; peak {:.1f} MiB\n",
             samples, usage.ru_maxrss / 1024.0);

  if (!peer) return 0;
  fs::path peer_dir = root / "bench/peer";
  if (!fs::exists(peer_dir / "node_modules/@microsoft/recognizers-text-suite")) {
    std::cerr << "extract_bench: the peer is not installed: run 'npm install' in bench/peer\n";
    return 2;
  }
  std::vector<std::string> peer_files;
  std::uintmax_t peer_bytes = 0;
  for (const std::string& f : files) {
    if (peer_bytes >= peer_megabytes * 1e6) break;
    peer_files.push_back(f);
    peer_bytes += fs::file_size(f);
  }
  fs::path list = fs::path(KAOHE_BINARY_DIR) / "bench-peer-files.txt";
  {
    std::ofstream out(list);
    for (const std::string& f : peer_files) out << f << "\n";
  }
  std::string command = fmt::format("cd '{}' && xargs node recognizers_peer.js < '{}'",
                                    peer_dir.string(), list.string());
  std::FILE* pipe = popen(command.c_str(), "r");
  if (!pipe) return 2;
  char buffer[512] = {};
  std::string output;
  while (std::fgets(buffer, sizeof buffer, pipe)) output += buffer;
  if (pclose(pipe) != 0) {
    std::cerr << "extract_bench: the peer failed\n" << output;
    return 2;
  }
  double peer_seconds = 0;
  double peer_measured = 0;
  std::sscanf(output.c_str(), "{\"bytes\":%lf,\"seconds\":%lf", &peer_measured, &peer_seconds);
  double peer_rate = peer_measured / 1e6 / peer_seconds;
  fmt::print(
      "peer (Recognizers-Text NumberModel, Chinese, node, 1 thread) on the first {:.1f} MB "
      "of the same corpus: {:.2f} s, {:.2f} MB/s\n",
      peer_measured / 1e6, peer_seconds, peer_rate);
  fmt::print("ratio, per core: kaohe extracts facts {:.1f}x as fast as the peer finds numbers\n",
             (mb / one.seconds) / peer_rate);
  return 0;
}
