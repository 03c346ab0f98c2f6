#include "engine/phase_timer.h"

#include <fmt/format.h>
#include <sys/resource.h>

#include <ctime>

namespace kaohe {
namespace {

double Seconds(clockid_t clock) {
  timespec t{};
  clock_gettime(clock, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

long PeakResidentKib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;  // KiB on Linux
}

}  // namespace

PhaseTimer::PhaseTimer()
    : last_wall_(Seconds(CLOCK_MONOTONIC)), last_cpu_(Seconds(CLOCK_PROCESS_CPUTIME_ID)) {}

void PhaseTimer::Mark(std::string_view phase) {
  const double wall = Seconds(CLOCK_MONOTONIC);
  const double cpu = Seconds(CLOCK_PROCESS_CPUTIME_ID);
  phases_.push_back({std::string(phase), wall - last_wall_, cpu - last_cpu_, PeakResidentKib()});
  last_wall_ = wall;
  last_cpu_ = cpu;
}

std::string PhaseTimer::Render() const {
  std::string out;
  double wall = 0;
  double cpu = 0;
  for (const Phase& p : phases_) {
    out += fmt::format("  {:<22} {:7.3f} s  (CPU {:.3f} s)  peak {} MiB\n", p.name, p.wall_seconds,
                       p.cpu_seconds, (p.peak_resident_kib + 512) / 1024);
    wall += p.wall_seconds;
    cpu += p.cpu_seconds;
  }
  out += fmt::format("  {:<22} {:7.3f} s  (CPU {:.3f} s)\n", "total", wall, cpu);
  return out;
}

}  // namespace kaohe
