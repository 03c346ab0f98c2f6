#include "src/report/render_in_order.h"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

namespace kaohe {

void RenderInOrder(const FindingList& findings, const RenderFinding& render, std::ostream& out,
                   unsigned threads) {
  constexpr std::size_t kBlock = 1024;
  if (threads == 0) threads = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t n = findings.size();
  const std::size_t blocks = (n + kBlock - 1) / kBlock;
  // Finding is read into again and again, so that its strings keep their room.
  auto render_block = [&](std::size_t block, Finding& finding, std::string& text) {
    text.clear();
    for (std::size_t i = block * kBlock; i < std::min(n, (block + 1) * kBlock); ++i) {
      findings.Read(i, finding);
      render(i, finding, text);
    }
  };
  if (threads == 1 || blocks <= 1) {
    Finding finding;
    std::string text;
    for (std::size_t block = 0; block < blocks; ++block) {
      render_block(block, finding, text);
      out << text;
    }
    return;
  }
  // The workers take blocks in order and this thread writes them in order, each as soon as it
  // is ready. A worker does not start a block more than `window` ahead of the next one to be
  // written, so that a slow disk holds back rendering instead of filling memory; a block's slot
  // is reused only once the block `window` before it has been written.
  const std::size_t window = 2 * threads;
  std::vector<std::string> slots(window);
  // Each slot's room is made here, once, a little over what the first block took, rather than
  // grown by doubling on the worker that happens to fill it first: the doublings left each
  // worker's heap twice the room its slots need, and every page of it was paged in.
  Finding first;
  render_block(0, first, slots[0]);
  for (std::string& slot : slots) slot.reserve(slots[0].size() + slots[0].size() / 4);
  std::vector<std::size_t> held(window, SIZE_MAX);  // the block each slot holds, once rendered
  held[0] = 0;
  std::mutex mutex;
  std::condition_variable changed;
  std::size_t next = 1;     // the next block to render
  std::size_t written = 0;  // blocks written so far
  auto work = [&] {
    Finding finding;
    for (;;) {
      std::size_t block = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock, [&] { return next >= blocks || next < written + window; });
        if (next >= blocks) return;
        block = next++;
      }
      render_block(block, finding, slots[block % window]);
      {
        std::lock_guard lock(mutex);
        held[block % window] = block;
      }
      changed.notify_all();
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);
  for (std::size_t block = 0; block < blocks; ++block) {
    {
      std::unique_lock lock(mutex);
      changed.wait(lock, [&] { return held[block % window] == block; });
    }
    out << slots[block % window];
    {
      std::lock_guard lock(mutex);
      ++written;
    }
    changed.notify_all();
  }
  for (std::thread& w : workers) w.join();
}

}  // namespace kaohe
