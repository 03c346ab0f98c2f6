#include "engine/page_in_ahead.h"

#include <sys/mman.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>

namespace kaohe {
namespace {

constexpr std::size_t kStep = std::size_t{2} << 20;  // a huge page at a time
constexpr std::uintptr_t kPageMask = 4095;

// Whether paging in may go on: false once the kernel says it does not know how.
bool PageIn(const std::byte* data, std::size_t bytes) {
  // madvise wants a page-aligned start: the start of the page `data` is on, mapped as it is.
  const auto begin = reinterpret_cast<std::uintptr_t>(data) & ~kPageMask;
  const auto end = reinterpret_cast<std::uintptr_t>(data) + bytes;
  if (madvise(reinterpret_cast<void*>(begin), end - begin, MADV_POPULATE_WRITE) == 0) return true;
  // EFAULT, ENOMEM: memory that is gone (a range the writer outgrew and freed) — no matter.
  return errno != EINVAL && errno != ENOSYS;
}

}  // namespace

PageInAhead::PageInAhead(std::vector<std::span<const std::byte>> ranges, std::size_t lead,
                         std::size_t expected)
    : ranges_(std::move(ranges)), lead_(lead), expected_(expected) {
  std::size_t total = 0;
  for (const auto& range : ranges_) total += range.size();
  if (total > 0) thread_ = std::thread([this] { Run(); });
}

PageInAhead::~PageInAhead() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  changed_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void PageInAhead::Reached(std::size_t bytes) {
  {
    std::lock_guard lock(mutex_);
    if (bytes <= reached_) return;
    reached_ = bytes;
  }
  changed_.notify_all();
}

std::size_t PageInAhead::paged() const {
  std::lock_guard lock(mutex_);
  return paged_;
}

void PageInAhead::Run() {
  std::size_t position = 0;  // into the ranges taken one after another
  for (const auto& range : ranges_) {
    for (std::size_t offset = 0; offset < range.size();) {
      if (position >= expected_) return;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return stop_ || position < reached_ + lead_; });
        if (stop_) return;
      }
      const std::size_t step = std::min({kStep, range.size() - offset, expected_ - position});
      if (!PageIn(range.data() + offset, step)) return;
      offset += step;
      position += step;
      std::lock_guard lock(mutex_);
      paged_ = position;
    }
  }
}

}  // namespace kaohe
