#include "engine/phase_timer.h"

#include <doctest/doctest.h>

#include <chrono>
#include <string>
#include <thread>

namespace kaohe {
namespace {

// CPU time of this process, spent on purpose.
void Spin(std::chrono::milliseconds how_long) {
  const auto until = std::chrono::steady_clock::now() + how_long;
  volatile unsigned long sink = 0;
  while (std::chrono::steady_clock::now() < until) sink = sink + 1;
}

}  // namespace

TEST_CASE("PhaseTimer: each phase's wall and CPU time, in order, and their total") {
  PhaseTimer timer;
  std::this_thread::sleep_for(std::chrono::milliseconds(30));  // wall time, next to no CPU
  timer.Mark("waiting");
  Spin(std::chrono::milliseconds(30));
  timer.Mark("working");
  timer.Mark("nothing");

  REQUIRE(timer.phases().size() == 3);
  const auto& waiting = timer.phases()[0];
  const auto& working = timer.phases()[1];
  CHECK(waiting.name == "waiting");
  CHECK(waiting.wall_seconds >= 0.029);
  CHECK(waiting.cpu_seconds < waiting.wall_seconds / 2);
  CHECK(working.name == "working");
  CHECK(working.wall_seconds >= 0.029);
  CHECK(working.cpu_seconds >= 0.015);  // a busy machine may take some of it
  CHECK(timer.phases()[2].wall_seconds < 0.01);

  const std::string text = timer.Render();
  CHECK(text.find("waiting") < text.find("working"));
  CHECK(text.find("working") < text.find("total"));
  CHECK(text.find(" s  (CPU ") != std::string::npos);
}

}  // namespace kaohe
