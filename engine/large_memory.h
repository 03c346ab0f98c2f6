// Memory for the few arrays that grow with a national run (facts, their index, verdicts, read
// batches). Each page the kernel hands out costs a fault, and on virtual machines a fault is
// dear: measured on the 2-core development machine, touching 128 MiB took 0.32 s in 4 KiB
// pages and 0.01–0.2 s in 2 MiB ones. So large arrays ask for transparent huge pages. Their
// buffers are also reused where a run makes many of one size (read batches), since reused
// pages fault no more.
#pragma once

#include <cstddef>
#include <new>
#include <string>
#include <vector>

namespace kaohe {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with huge pages.
// Only advice: where transparent huge pages are off it changes nothing.
void AdviseHugePages(void* data, std::size_t bytes);

// The room a large block takes: whole huge pages. Advice covers only whole huge pages, and the
// part of a block past its last one would be faulted in 4 KiB at a time (a fact block of 5 MiB
// took a quarter of a run's faults that way); the most this rounding adds is one huge page a
// block, and the kernel backs untouched room with nothing.
inline constexpr std::size_t LargeBlockBytes(std::size_t bytes) {
  return (bytes + kHugePageBytes - 1) & ~(kHugePageBytes - 1);
}

// An allocator whose blocks of 2 MiB and more are whole huge pages, start on a huge-page
// boundary and are advised to use huge pages; smaller ones are plain.
template <typename T>
struct LargeAllocator {
  using value_type = T;
  LargeAllocator() = default;
  template <typename U>
  LargeAllocator(const LargeAllocator<U>&) {}  // NOLINT: allocators convert implicitly

  T* allocate(std::size_t n) {
    if (n > (std::size_t(-1) - kHugePageBytes) / sizeof(T)) throw std::bad_array_new_length();
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kHugePageBytes) return static_cast<T*>(::operator new(bytes));
    const std::size_t room = LargeBlockBytes(bytes);
    void* data = ::operator new(room, std::align_val_t(kHugePageBytes));
    AdviseHugePages(data, room);
    return static_cast<T*>(data);
  }
  void deallocate(T* data, std::size_t n) {
    if (n * sizeof(T) < kHugePageBytes) {
      ::operator delete(data);
    } else {
      ::operator delete(data, std::align_val_t(kHugePageBytes));
    }
  }
  template <typename U>
  bool operator==(const LargeAllocator<U>&) const {
    return true;
  }
};

template <typename T>
using LargeVector = std::vector<T, LargeAllocator<T>>;
using LargeString = std::basic_string<char, std::char_traits<char>, LargeAllocator<char>>;

}  // namespace kaohe
