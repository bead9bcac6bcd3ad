// The metrics registry: values, labels, histograms and callback gauges, checked by parsing the
// rendered Prometheus text back.
#include <gtest/gtest.h>

#include <thread>

#include "api/http/metrics.hpp"
#include "api/http/process_stats.hpp"
#include "fixtures/prometheus_text.hpp"

using cohort::api::http::metrics_registry;
using cohort::testing::parse_prometheus;

TEST(Metrics, CountersRenderWithHelpTypeAndLabels) {
  metrics_registry registry;
  auto& requests = registry.counter("app_requests_total", "Requests.", {"method", "status"});
  requests.with({"GET", "200"}).inc();
  requests.with({"GET", "200"}).inc(2);
  requests.with({"POST", "500"}).inc();
  auto text = parse_prometheus(registry.render());
  EXPECT_TRUE(text.errors.empty());
  EXPECT_EQ(text.types["app_requests_total"], "counter");
  EXPECT_EQ(text.helps["app_requests_total"], "Requests.");
  EXPECT_EQ(text.value("app_requests_total", {{"method", "GET"}, {"status", "200"}}), 3.0);
  EXPECT_EQ(text.value("app_requests_total", {{"method", "POST"}, {"status", "500"}}), 1.0);
}

TEST(Metrics, LabelValuesAndHelpAreEscaped) {
  metrics_registry registry;
  registry.counter("odd_total", "Line one\nback\\slash", {"path"}).with({"say \"hi\"\\\n"}).inc();
  auto rendered = registry.render();
  EXPECT_NE(rendered.find(R"(odd_total{path="say \"hi\"\\\n"} 1)"), std::string::npos) << rendered;
  EXPECT_NE(rendered.find(R"(# HELP odd_total Line one\nback\\slash)"), std::string::npos);
  auto text = parse_prometheus(rendered);
  EXPECT_EQ(text.value("odd_total", {{"path", "say \"hi\"\\\n"}}), 1.0);
  EXPECT_EQ(text.helps["odd_total"], "Line one\nback\\slash");
}

TEST(Metrics, HistogramBucketsAreCumulativeWithSumAndCount) {
  metrics_registry registry;
  auto& latency = registry.histogram("op_seconds", "Op latency.", {"op"}, {0.1, 1, 0.5});
  auto& h = latency.with({"read"});
  for (double v : {0.05, 0.1, 0.3, 0.7, 3.0}) h.observe(v);
  auto text = parse_prometheus(registry.render());
  ASSERT_TRUE(text.errors.empty());
  EXPECT_EQ(text.types["op_seconds"], "histogram");
  EXPECT_EQ(text.value("op_seconds_bucket", {{"op", "read"}, {"le", "0.1"}}), 2.0);  // le is <=
  EXPECT_EQ(text.value("op_seconds_bucket", {{"op", "read"}, {"le", "0.5"}}), 3.0);
  EXPECT_EQ(text.value("op_seconds_bucket", {{"op", "read"}, {"le", "1"}}), 4.0);
  EXPECT_EQ(text.value("op_seconds_bucket", {{"op", "read"}, {"le", "+Inf"}}), 5.0);
  EXPECT_EQ(text.value("op_seconds_count", {{"op", "read"}}), 5.0);
  EXPECT_DOUBLE_EQ(*text.value("op_seconds_sum", {{"op", "read"}}), 4.15);
}

TEST(Metrics, CallbackGaugesAreReadAtRenderTimeAndCanBeRemoved) {
  metrics_registry registry;
  double idle = 3;
  auto a = registry.add_gauge_callback("pool_connections", "Pool connections by state.",
                                       [&] { return idle; }, {{"state", "idle"}});
  registry.add_gauge_callback("pool_connections", "Pool connections by state.", [] { return 7.0; },
                              {{"state", "in_use"}});
  idle = 4;
  auto text = parse_prometheus(registry.render());
  EXPECT_EQ(text.types["pool_connections"], "gauge");
  EXPECT_EQ(text.value("pool_connections", {{"state", "idle"}}), 4.0);
  EXPECT_EQ(text.value("pool_connections", {{"state", "in_use"}}), 7.0);
  registry.remove_gauge_callback(a);
  text = parse_prometheus(registry.render());
  EXPECT_FALSE(text.value("pool_connections", {{"state", "idle"}}).has_value());
  EXPECT_EQ(text.value("pool_connections", {{"state", "in_use"}}), 7.0);
}

TEST(Metrics, GaugesSetAndAdd) {
  metrics_registry registry;
  auto& g = registry.gauge("queue_depth", "Depth.").with({});
  g.set(10);
  g.add(-3);
  EXPECT_EQ(parse_prometheus(registry.render()).value("queue_depth"), 7.0);
}

TEST(Metrics, RegisteringAgainReturnsTheSameFamilyAndConflictsThrow) {
  metrics_registry registry;
  auto& a = registry.counter("x_total", "X.", {"k"});
  auto& b = registry.counter("x_total", "X.", {"k"});
  EXPECT_EQ(&a, &b);
  EXPECT_THROW(registry.gauge("x_total", "X.", {"k"}), std::invalid_argument);
  EXPECT_THROW(registry.counter("x_total", "X.", {"other"}), std::invalid_argument);
  EXPECT_THROW(registry.counter("9bad", "Bad."), std::invalid_argument);
  EXPECT_THROW(registry.counter("ok_total", "Bad label.", {"bad-label"}), std::invalid_argument);
  EXPECT_THROW(a.with({"1", "2"}), std::invalid_argument);
  EXPECT_THROW(registry.add_gauge_callback("x_total", "X.", [] { return 1.0; }),
               std::invalid_argument);
}

TEST(Metrics, SeriesBeyondTheCapFoldIntoOther) {
  metrics_registry registry;
  auto& family = registry.counter("paths_total", "Paths.", {"path"});
  for (std::size_t i = 0; i < metrics_registry::default_max_series + 50; ++i)
    family.with({"/p/" + std::to_string(i)}).inc();
  auto text = parse_prometheus(registry.render());
  std::size_t series = 0;
  for (const auto& s : text.samples) series += s.name == "paths_total";
  EXPECT_EQ(series, metrics_registry::default_max_series + 1);
  EXPECT_EQ(text.value("paths_total", {{"path", "other"}}), 50.0);
}

TEST(Metrics, ConcurrentIncrementsAreNotLost) {
  metrics_registry registry;
  auto& family = registry.counter("hits_total", "Hits.", {"t"});
  auto& h = registry.histogram("lat_seconds", "Lat.", {});
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t)
    threads.emplace_back([&] {
      for (int i = 0; i < 10000; ++i) {
        family.with({"same"}).inc();
        h.with({}).observe(0.001);
      }
    });
  for (auto& t : threads) t.join();
  auto text = parse_prometheus(registry.render());
  EXPECT_EQ(text.value("hits_total", {{"t", "same"}}), 40000.0);
  EXPECT_EQ(text.value("lat_seconds_count"), 40000.0);
}

TEST(Metrics, ProcessRssIsPlausible) {
  auto rss = cohort::api::http::process_rss_bytes();
  EXPECT_GT(rss, 1u << 20);    // a running test binary uses more than 1 MiB
  EXPECT_LT(rss, 4ull << 30);  // and less than 4 GiB
  metrics_registry registry;
  cohort::api::http::register_process_metrics(registry);
  auto value = parse_prometheus(registry.render()).value("process_resident_memory_bytes");
  ASSERT_TRUE(value.has_value());
  EXPECT_GT(*value, 1 << 20);
}
