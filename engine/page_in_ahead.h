// PageInAhead: memory paged in before it is first written, on a thread of its own. On a
// virtual machine the first touch of a page is the dearest part of writing it — the kernel
// zeroes the page and the host backs it: ~1 ms per MiB measured on the 2-core development
// machine, a sixth of a national check's time — and a loader's one thread filling the fact
// store would otherwise pay all of it while the other cores wait.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <mutex>
#include <span>
#include <thread>
#include <vector>

namespace kaohe {

class PageInAhead {
 public:
  // Pages in `ranges` (memory of this process, in the order it will be written), staying at
  // most `lead` bytes ahead of what the writer has reached, and no further than `expected`
  // bytes in all: room reserved with a margin is paged in only as far as the writer is
  // expected to go (pages past it, if reached, the writer pages in itself). Only advice to the
  // kernel: where it is not understood (kernels before 5.14), the writer pages its memory in.
  PageInAhead(std::vector<std::span<const std::byte>> ranges, std::size_t lead,
              std::size_t expected = SIZE_MAX);
  ~PageInAhead();  // stops paging in and waits for the thread
  PageInAhead(const PageInAhead&) = delete;
  PageInAhead& operator=(const PageInAhead&) = delete;

  // The writer has reached `bytes` into the ranges, taken one after another.
  void Reached(std::size_t bytes);

  // Bytes paged in so far, for tests.
  std::size_t paged() const;

 private:
  void Run();

  std::vector<std::span<const std::byte>> ranges_;
  std::size_t lead_;
  std::size_t expected_;
  mutable std::mutex mutex_;
  std::condition_variable changed_;
  std::size_t reached_ = 0;
  std::size_t paged_ = 0;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace kaohe
