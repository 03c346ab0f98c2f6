#include "src/report/render_in_order.h"

#include <algorithm>
#include <array>
#include <thread>
#include <vector>

namespace kaohe {

void RenderInOrder(const FindingList& findings, const RenderFinding& render, std::ostream& out,
                   unsigned threads) {
  constexpr std::size_t kBlock = 1024;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n = findings.size();
  auto render_block = [&](std::size_t begin, std::string& text) {
    text.clear();
    Finding finding;  // read into again and again, so that its strings keep their room
    for (std::size_t i = begin; i < std::min(n, begin + kBlock); ++i) {
      findings.Read(i, finding);
      render(i, finding, text);
    }
  };
  if (threads == 1 || n <= kBlock) {
    std::string text;
    for (std::size_t begin = 0; begin < n; begin += kBlock) {
      render_block(begin, text);
      out << text;
    }
    return;
  }
  // Two sets of buffers: one being rendered, the other being written.
  std::array<std::vector<std::string>, 2> buffers;
  buffers[0].resize(threads);
  buffers[1].resize(threads);
  const std::size_t round_size = kBlock * threads;
  std::size_t written_round = 0;
  for (std::size_t round = 0; round * round_size < n; ++round) {
    std::vector<std::thread> workers;
    std::vector<std::string>& rendering = buffers[round % 2];
    for (unsigned t = 0; t < threads; ++t) {
      std::size_t begin = round * round_size + t * kBlock;
      if (begin >= n) {
        rendering[t].clear();
        continue;
      }
      workers.emplace_back(render_block, begin, std::ref(rendering[t]));
    }
    if (round > 0) {
      for (const std::string& text : buffers[(round - 1) % 2]) out << text;
    }
    for (std::thread& w : workers) w.join();
    written_round = round;
  }
  for (const std::string& text : buffers[written_round % 2]) out << text;
}

}  // namespace kaohe
