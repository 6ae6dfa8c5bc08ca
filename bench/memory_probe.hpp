#pragma once

// Memory figures for the benchmarks, from glibc and Linux (the machine the goals are stated
// for is Debian 12): heap bytes in use, and the peak resident set size of one phase.

#include <malloc.h>

#include <cstddef>
#include <fstream>
#include <string>

namespace tempest::bench {

// Bytes handed out by malloc and not yet freed, over every arena (mallinfo2, glibc >= 2.33):
// the difference across a phase is what the phase keeps, allocator overhead included.
inline std::size_t heap_in_use() {
  struct mallinfo2 info = mallinfo2();
  return info.uordblks + info.hblkhd;
}

// A field of /proc/self/status in bytes ("VmRSS", "VmHWM"); 0 when absent.
inline std::size_t status_bytes(const std::string& field) {
  std::ifstream status("/proc/self/status");
  std::string line;
  while (std::getline(status, line)) {
    if (line.rfind(field + ":", 0) == 0) return std::stoull(line.substr(field.size() + 1)) * 1024;
  }
  return 0;
}

// Measures how far the resident set grows above its level at start() while a phase runs.
// Freed memory is first returned to the kernel (malloc_trim), so that memory the phase takes
// from malloc's free lists is faulted in again and counted. Writing 5 to clear_refs resets the
// high-water mark (Linux >= 4.0, proc(5)); growth() is 0 when that is not permitted.
class PeakRssGrowth {
 public:
  void start() {
    malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
    base_ = status_bytes("VmRSS");
  }
  [[nodiscard]] std::size_t growth() const {
    std::size_t peak = status_bytes("VmHWM");
    return peak > base_ ? peak - base_ : 0;
  }

 private:
  std::size_t base_ = 0;
};

}  // namespace tempest::bench
