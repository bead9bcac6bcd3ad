// A small thread-safe metrics registry rendered as Prometheus text (exposition format 0.0.4):
// counters, gauges and histograms with label sets, plus gauges read through callbacks at
// render time (live workspace actors, pool sizes, RSS). Updating a metric is a few atomic ops;
// looking up a labelled series takes the family's mutex, so keep the returned reference.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cohort::api::http {

class counter {
 public:
  void inc(double by = 1.0) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

class gauge {
 public:
  void set(double v) { value_.store(v, std::memory_order_relaxed); }
  void add(double by) { value_.fetch_add(by, std::memory_order_relaxed); }
  double value() const { return value_.load(std::memory_order_relaxed); }

 private:
  std::atomic<double> value_{0.0};
};

class histogram {
 public:
  // upper_bounds: sorted, finite; the +Inf bucket is implicit. Must outlive the histogram.
  explicit histogram(const std::vector<double>& upper_bounds);
  void observe(double value);

  struct snapshot {
    std::vector<std::uint64_t> cumulative;  // one per bound, then +Inf (== count)
    double sum = 0;
    std::uint64_t count = 0;
  };
  snapshot read() const;
  const std::vector<double>& upper_bounds() const { return bounds_; }

 private:
  const std::vector<double>& bounds_;
  std::unique_ptr<std::atomic<std::uint64_t>[]> buckets_;  // bounds_.size() + 1, not cumulative
  std::atomic<double> sum_{0.0};
};

// All series of one metric name, one per distinct set of label values. Beyond max_series
// distinct sets, new ones are folded into a single series whose values are all "other".
template <class Metric>
class metric_family {
 public:
  metric_family(std::vector<std::string> label_names, std::size_t max_series,
                std::function<std::unique_ptr<Metric>()> make);
  ~metric_family();
  metric_family(const metric_family&) = delete;
  metric_family& operator=(const metric_family&) = delete;

  // The series for these label values (one per label name, in order); throws
  // std::invalid_argument when the count differs.
  Metric& with(const std::vector<std::string>& label_values);
  Metric& with(std::initializer_list<std::string_view> label_values);

  const std::vector<std::string>& label_names() const { return label_names_; }
  // Calls f(label_values, metric) for each series, ordered by label values.
  void for_each(const std::function<void(const std::vector<std::string>&, const Metric&)>& f) const;

 private:
  std::vector<std::string> label_names_;
  std::size_t max_series_;
  std::function<std::unique_ptr<Metric>()> make_;
  mutable std::mutex mutex_;
  std::map<std::vector<std::string>, std::unique_ptr<Metric>> series_;
};

using counter_family = metric_family<counter>;
using gauge_family = metric_family<gauge>;
using histogram_family = metric_family<histogram>;

using label_set = std::vector<std::pair<std::string, std::string>>;

class metrics_registry {
 public:
  static constexpr std::string_view content_type = "text/plain; version=0.0.4; charset=utf-8";
  static constexpr std::size_t default_max_series = 1000;

  metrics_registry();
  ~metrics_registry();
  metrics_registry(const metrics_registry&) = delete;
  metrics_registry& operator=(const metrics_registry&) = delete;

  // Register (or find again) a family. Asking twice with the same name returns the same family;
  // a different kind or label set under that name, or an invalid name, throws
  // std::invalid_argument (a programming error, caught at start-up).
  counter_family& counter(std::string_view name, std::string_view help,
                          std::vector<std::string> label_names = {});
  gauge_family& gauge(std::string_view name, std::string_view help,
                      std::vector<std::string> label_names = {});
  histogram_family& histogram(std::string_view name, std::string_view help,
                              std::vector<std::string> label_names,
                              std::vector<double> upper_bounds = default_latency_buckets());

  // A gauge whose value is read when metrics are rendered. Several callbacks may share a name
  // with different labels (e.g. pool connections by state). `read` runs on the thread that
  // renders (an HTTP thread): it must be quick and must not block. Returns an id for removal.
  std::uint64_t add_gauge_callback(std::string_view name, std::string_view help,
                                   std::function<double()> read, label_set labels = {});
  void remove_gauge_callback(std::uint64_t id);

  // Prometheus text exposition of every metric, sorted by name.
  std::string render() const;

  // 0.5 ms .. 10 s, for request durations in seconds.
  static std::vector<double> default_latency_buckets();

 private:
  struct family_entry;
  struct callback_entry;
  family_entry& find_or_add(std::string_view name, std::string_view help, int kind,
                            const std::vector<std::string>& label_names);

  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<family_entry>, std::less<>> families_;
  std::map<std::uint64_t, std::unique_ptr<callback_entry>> callbacks_;
  std::uint64_t next_callback_id_ = 1;
};

}  // namespace cohort::api::http
