#include "engine/phase_timer.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

namespace kaohe {
namespace {

double ProcessCpuSeconds() {
  timespec t{};
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

// Spends `seconds` of this process's CPU, however long a busy machine makes that take.
void Spin(double seconds) {
  const double until = ProcessCpuSeconds() + seconds;
  volatile unsigned long sink = 0;
  while (ProcessCpuSeconds() < until) sink = sink + 1;
}

long ResidentKib() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0;
  long resident = 0;
  statm >> pages >> resident;
  return resident * (sysconf(_SC_PAGESIZE) / 1024);
}

}  // namespace

TEST_CASE("PhaseTimer: each phase's wall and CPU time, in order, and their total") {
  PhaseTimer timer;
  std::this_thread::sleep_for(std::chrono::milliseconds(30));  // wall time, next to no CPU
  timer.Mark("waiting");
  Spin(0.03);
  timer.Mark("working");
  timer.Mark("nothing");

  REQUIRE(timer.phases().size() == 3);
  const auto& waiting = timer.phases()[0];
  const auto& working = timer.phases()[1];
  CHECK(waiting.name == "waiting");
  CHECK(waiting.wall_seconds >= 0.029);
  CHECK(waiting.cpu_seconds < waiting.wall_seconds / 2);
  CHECK(working.name == "working");
  CHECK(working.cpu_seconds >= 0.03);
  // One thread spins: CPU within wall, but for what the process's other threads spend meanwhile
  // (ThreadSanitizer's runtime keeps one: 1% of a 30 ms phase in a CI run).
  CHECK(working.wall_seconds >= working.cpu_seconds * 0.9);
  CHECK(timer.phases()[2].cpu_seconds < 0.01);  // nothing was done between the marks

  const std::string text = timer.Render();
  CHECK(text.find("waiting") < text.find("working"));
  CHECK(text.find("working") < text.find("total"));
  CHECK(text.find(" s  (CPU ") != std::string::npos);
}

TEST_CASE(
    "PhaseTimer: the peak resident memory when each phase ended, which touching memory raises") {
  PhaseTimer timer;
  timer.Mark("before");
  const long before = timer.phases()[0].peak_resident_kib;
  REQUIRE(before > 0);
  // Earlier tests in this process may have peaked above what is resident now: touch enough to
  // pass their peak by 64 MiB.
  const std::size_t touched_bytes =
      (static_cast<std::size_t>(before - ResidentKib()) + 64 * 1024) * 1024;
  std::vector<char> touched(touched_bytes, 1);  // every page written
  timer.Mark("touching");
  CHECK(touched.back() == 1);

  REQUIRE(timer.phases().size() == 2);
  CHECK(timer.phases()[1].peak_resident_kib - before >= 60 * 1024);
  CHECK(timer.Render().find(" MiB") != std::string::npos);
}

}  // namespace kaohe
