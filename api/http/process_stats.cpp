#include "api/http/process_stats.hpp"

#include <unistd.h>

#include <fstream>

#include "api/http/metrics.hpp"

namespace cohort::api::http {

std::uint64_t process_rss_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::uint64_t size_pages = 0;
  std::uint64_t resident_pages = 0;
  if (!(statm >> size_pages >> resident_pages)) return 0;
  long page = ::sysconf(_SC_PAGESIZE);
  return resident_pages * static_cast<std::uint64_t>(page > 0 ? page : 4096);
}

void register_process_metrics(metrics_registry& registry) {
  registry.add_gauge_callback("process_resident_memory_bytes", "Resident memory size in bytes.",
                              [] { return static_cast<double>(process_rss_bytes()); });
}

}  // namespace cohort::api::http
