// What a workspace's record schema costs: the time to generate and build it for the standard
// model (alone, and merged into the platform types as production does), and the memory one built
// schema holds (heap bytes in use and resident set, over 100 live copies). Figures are printed and
// recorded as test properties; nothing is asserted about them (no timed assertions in tests).
#include <gtest/gtest.h>
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <memory>
#include <vector>

#include "actors/workspace/schema/record_schema.hpp"
#include "graphql/type/schema.hpp"
#include "record_schema_fixture.hpp"

namespace {

namespace rs = cohort::testing::record_schema;
namespace ws = cohort::actors::workspace_schema;
using cohort::graphql::type::schema;
using cohort::graphql::type::schema_builder;
using clock_type = std::chrono::steady_clock;

double ms_since(clock_type::time_point start) {
  return std::chrono::duration<double, std::milli>(clock_type::now() - start).count();
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

std::size_t heap_in_use() {
  return mallinfo2().uordblks;
}

std::size_t resident_bytes() {
  std::ifstream statm("/proc/self/statm");
  std::size_t size = 0, resident = 0;
  statm >> size >> resident;
  return resident * static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
}

struct timing {
  double generate_ms = 0;
  double build_ms = 0;
};

timing generate_and_build(const cohort::model::workspace_model& model, bool with_platform,
                          std::shared_ptr<const schema>* out = nullptr) {
  schema_builder builder;
  if (with_platform) rs::add_recorded_platform_types(builder);
  timing t;
  auto start = clock_type::now();
  ws::add_record_schema(builder, model);
  t.generate_ms = ms_since(start);
  start = clock_type::now();
  auto built = std::move(builder).build();
  t.build_ms = ms_since(start);
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors.front());
  if (out) *out = built.schema;
  return t;
}

void report_timing(const char* label, bool with_platform) {
  const auto model = rs::standard_model();
  generate_and_build(*model, with_platform);  // warm-up (first-use statics, allocator)
  std::vector<double> generate, build, total;
  for (int i = 0; i < 15; ++i) {
    const auto t = generate_and_build(*model, with_platform);
    generate.push_back(t.generate_ms);
    build.push_back(t.build_ms);
    total.push_back(t.generate_ms + t.build_ms);
  }
  std::printf("[ figures  ] %s: generate %.2f ms + build %.2f ms = %.2f ms (median of 15)\n", label,
              median(generate), median(build), median(total));
  ::testing::Test::RecordProperty(std::string(label) + "_total_us",
                                  static_cast<int>(median(total) * 1000));
}

TEST(RecordSchemaCost, TimeToGenerateAndBuildTheStandardModel) {
  report_timing("standard model, record part alone", false);
  report_timing("standard model, merged into the platform types", true);
}

TEST(RecordSchemaCost, MemoryHeldByOneBuiltSchema) {
  const auto model = rs::standard_model();
  generate_and_build(*model, false);  // warm-up
  constexpr int copies = 100;
  std::vector<std::shared_ptr<const schema>> schemas;
  schemas.reserve(copies);
  const auto heap_before = heap_in_use();
  const auto rss_before = resident_bytes();
  for (int i = 0; i < copies; ++i) {
    std::shared_ptr<const schema> built;
    generate_and_build(*model, false, &built);
    ASSERT_NE(built, nullptr);
    ASSERT_NE(built->type("PersonFilterInput"), nullptr);
    schemas.push_back(std::move(built));
  }
  const double heap_per = double(heap_in_use() - heap_before) / copies;
  const double rss_per = double(resident_bytes() - rss_before) / copies;
  std::printf(
      "[ figures  ] one standard-model record schema holds %.0f KiB of heap (%.0f KiB "
      "resident), over %d live copies\n",
      heap_per / 1024, rss_per / 1024, copies);
  RecordProperty("heap_bytes_per_schema", static_cast<int>(heap_per));
  RecordProperty("resident_bytes_per_schema", static_cast<int>(rss_per));
}

}  // namespace
