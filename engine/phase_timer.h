// How long each phase of a run took, in wall time and in CPU time of the whole process (all its
// threads), and the peak resident memory when it ended: `kaohe check --timings` prints it, so
// that a national run's time and memory can be placed (loading, evaluating, reporting) without
// a profiler.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace kaohe {

class PhaseTimer {
 public:
  PhaseTimer();

  // Ends the phase running since the last mark (or since construction) under `phase`.
  void Mark(std::string_view phase);

  struct Phase {
    std::string name;
    double wall_seconds = 0;
    double cpu_seconds = 0;
    long peak_resident_kib = 0;  // the process's, from its start to the phase's end
  };
  const std::vector<Phase>& phases() const { return phases_; }

  // One line a phase and a total: "  load facts   0.131 s  (CPU 0.252 s)  peak 84 MiB".
  std::string Render() const;

 private:
  double last_wall_ = 0;
  double last_cpu_ = 0;
  std::vector<Phase> phases_;
};

}  // namespace kaohe
