#include "api/http/metrics.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <stdexcept>

namespace cohort::api::http {

// ---- histogram -------------------------------------------------------------------------------

histogram::histogram(const std::vector<double>& upper_bounds)
    : bounds_(upper_bounds),
      buckets_(std::make_unique<std::atomic<std::uint64_t>[]>(upper_bounds.size() + 1)) {}

void histogram::observe(double value) {
  auto it = std::lower_bound(bounds_.begin(), bounds_.end(), value);  // first bound >= value
  buckets_[static_cast<std::size_t>(it - bounds_.begin())].fetch_add(1, std::memory_order_relaxed);
  sum_.fetch_add(value, std::memory_order_relaxed);
}

histogram::snapshot histogram::read() const {
  snapshot out;
  out.cumulative.reserve(bounds_.size() + 1);
  std::uint64_t running = 0;
  for (std::size_t i = 0; i <= bounds_.size(); ++i) {
    running += buckets_[i].load(std::memory_order_relaxed);
    out.cumulative.push_back(running);
  }
  out.count = running;  // derived from the buckets so that +Inf and _count always agree
  out.sum = sum_.load(std::memory_order_relaxed);
  return out;
}

// ---- metric_family ---------------------------------------------------------------------------

template <class Metric>
metric_family<Metric>::metric_family(std::vector<std::string> label_names, std::size_t max_series,
                                     std::function<std::unique_ptr<Metric>()> make)
    : label_names_(std::move(label_names)), max_series_(max_series), make_(std::move(make)) {}

template <class Metric>
metric_family<Metric>::~metric_family() = default;

template <class Metric>
Metric& metric_family<Metric>::with(const std::vector<std::string>& label_values) {
  if (label_values.size() != label_names_.size())
    throw std::invalid_argument("metric: expected " + std::to_string(label_names_.size()) +
                                " label values, got " + std::to_string(label_values.size()));
  std::lock_guard lock{mutex_};
  auto it = series_.find(label_values);
  if (it != series_.end()) return *it->second;
  if (series_.size() >= max_series_) {
    std::vector<std::string> overflow(label_names_.size(), "other");
    auto& slot = series_[overflow];
    if (!slot) slot = make_();
    return *slot;
  }
  auto& slot = series_[label_values];
  slot = make_();
  return *slot;
}

template <class Metric>
Metric& metric_family<Metric>::with(std::initializer_list<std::string_view> label_values) {
  return with(std::vector<std::string>(label_values.begin(), label_values.end()));
}

template <class Metric>
void metric_family<Metric>::for_each(
    const std::function<void(const std::vector<std::string>&, const Metric&)>& f) const {
  std::lock_guard lock{mutex_};
  for (const auto& [labels, metric] : series_) f(labels, *metric);
}

template class metric_family<counter>;
template class metric_family<gauge>;
template class metric_family<histogram>;

// ---- text format helpers ---------------------------------------------------------------------

namespace {

enum kind : int { kind_counter, kind_gauge, kind_histogram };

constexpr std::string_view kind_names[] = {"counter", "gauge", "histogram"};

bool valid_metric_name(std::string_view name) {
  if (name.empty()) return false;
  for (std::size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':';
    if (!letter && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

bool valid_label_name(std::string_view name) {
  return valid_metric_name(name) && name.find(':') == std::string_view::npos &&
         name.substr(0, 2) != "__";
}

void append_number(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "NaN";
  } else if (std::isinf(value)) {
    out += value > 0 ? "+Inf" : "-Inf";
  } else {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
    out.append(buf, ec == std::errc{} ? end : buf);
  }
}

void append_escaped(std::string& out, std::string_view text, bool quote) {
  for (char c : text) {
    if (c == '\\') {
      out += "\\\\";
    } else if (c == '\n') {
      out += "\\n";
    } else if (quote && c == '"') {
      out += "\\\"";
    } else {
      out += c;
    }
  }
}

void append_header(std::string& out, std::string_view name, std::string_view help, int kind) {
  out += "# HELP ";
  out += name;
  out += ' ';
  append_escaped(out, help, false);
  out += "\n# TYPE ";
  out += name;
  out += ' ';
  out += kind_names[kind];
  out += '\n';
}

// name{a="x",le="0.5"} value
void append_sample(std::string& out, std::string_view name, const std::vector<std::string>& keys,
                   const std::vector<std::string>& values, std::string_view extra_key,
                   std::string_view extra_value, double value) {
  out += name;
  if (!keys.empty() || !extra_key.empty()) {
    out += '{';
    bool first = true;
    auto label = [&](std::string_view key, std::string_view val) {
      if (!first) out += ',';
      first = false;
      out += key;
      out += "=\"";
      append_escaped(out, val, true);
      out += '"';
    };
    for (std::size_t i = 0; i < keys.size(); ++i) label(keys[i], values[i]);
    if (!extra_key.empty()) label(extra_key, extra_value);
    out += '}';
  }
  out += ' ';
  append_number(out, value);
  out += '\n';
}

}  // namespace

// ---- registry --------------------------------------------------------------------------------

struct metrics_registry::family_entry {
  int kind = kind_counter;
  std::string help;
  std::vector<std::string> label_names;
  std::vector<double> bounds;  // histograms only; the histograms refer to it
  std::unique_ptr<counter_family> counters;
  std::unique_ptr<gauge_family> gauges;
  std::unique_ptr<histogram_family> histograms;
};

struct metrics_registry::callback_entry {
  std::string name;
  std::string help;
  label_set labels;
  std::function<double()> read;
};

metrics_registry::metrics_registry() = default;
metrics_registry::~metrics_registry() = default;

std::vector<double> metrics_registry::default_latency_buckets() {
  return {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10};
}

metrics_registry::family_entry& metrics_registry::find_or_add(
    std::string_view name, std::string_view help, int kind,
    const std::vector<std::string>& label_names) {
  if (!valid_metric_name(name))
    throw std::invalid_argument("metric: invalid name '" + std::string(name) + "'");
  for (const auto& label : label_names)
    if (!valid_label_name(label) || (kind == kind_histogram && label == "le"))
      throw std::invalid_argument("metric " + std::string(name) + ": invalid label '" + label +
                                  "'");
  for (const auto& [id, cb] : callbacks_)
    if (cb->name == name)
      throw std::invalid_argument("metric " + std::string(name) + ": already a callback gauge");
  auto it = families_.find(name);
  if (it != families_.end()) {
    if (it->second->kind != kind || it->second->label_names != label_names)
      throw std::invalid_argument("metric " + std::string(name) +
                                  ": registered again with another kind or labels");
    return *it->second;
  }
  auto entry = std::make_unique<family_entry>();
  entry->kind = kind;
  entry->help = std::string(help);
  entry->label_names = label_names;
  return *families_.emplace(std::string(name), std::move(entry)).first->second;
}

counter_family& metrics_registry::counter(std::string_view name, std::string_view help,
                                          std::vector<std::string> label_names) {
  std::lock_guard lock{mutex_};
  auto& entry = find_or_add(name, help, kind_counter, label_names);
  if (!entry.counters)
    entry.counters =
        std::make_unique<counter_family>(std::move(label_names), default_max_series,
                                         [] { return std::make_unique<http::counter>(); });
  return *entry.counters;
}

gauge_family& metrics_registry::gauge(std::string_view name, std::string_view help,
                                      std::vector<std::string> label_names) {
  std::lock_guard lock{mutex_};
  auto& entry = find_or_add(name, help, kind_gauge, label_names);
  if (!entry.gauges)
    entry.gauges = std::make_unique<gauge_family>(std::move(label_names), default_max_series,
                                                  [] { return std::make_unique<http::gauge>(); });
  return *entry.gauges;
}

histogram_family& metrics_registry::histogram(std::string_view name, std::string_view help,
                                              std::vector<std::string> label_names,
                                              std::vector<double> upper_bounds) {
  std::sort(upper_bounds.begin(), upper_bounds.end());
  upper_bounds.erase(std::unique(upper_bounds.begin(), upper_bounds.end()), upper_bounds.end());
  if (!upper_bounds.empty() && std::isinf(upper_bounds.back())) upper_bounds.pop_back();
  std::lock_guard lock{mutex_};
  auto& entry = find_or_add(name, help, kind_histogram, label_names);
  if (!entry.histograms) {
    entry.bounds = std::move(upper_bounds);
    const std::vector<double>* bounds = &entry.bounds;
    entry.histograms = std::make_unique<histogram_family>(
        std::move(label_names), default_max_series,
        [bounds] { return std::make_unique<http::histogram>(*bounds); });
  }
  return *entry.histograms;
}

std::uint64_t metrics_registry::add_gauge_callback(std::string_view name, std::string_view help,
                                                   std::function<double()> read, label_set labels) {
  if (!valid_metric_name(name))
    throw std::invalid_argument("metric: invalid name '" + std::string(name) + "'");
  for (const auto& [key, value] : labels)
    if (!valid_label_name(key))
      throw std::invalid_argument("metric " + std::string(name) + ": invalid label '" + key + "'");
  std::lock_guard lock{mutex_};
  if (families_.count(name))
    throw std::invalid_argument("metric " + std::string(name) + ": already registered");
  auto id = next_callback_id_++;
  callbacks_.emplace(
      id, std::make_unique<callback_entry>(callback_entry{std::string(name), std::string(help),
                                                          std::move(labels), std::move(read)}));
  return id;
}

void metrics_registry::remove_gauge_callback(std::uint64_t id) {
  std::lock_guard lock{mutex_};
  callbacks_.erase(id);
}

std::string metrics_registry::render() const {
  // Each metric's text block, keyed by name so that families and callback gauges interleave in
  // name order.
  std::map<std::string, std::string, std::less<>> blocks;
  std::vector<callback_entry> callbacks;
  {
    std::lock_guard lock{mutex_};
    for (const auto& [name, entry] : families_) {
      std::string& out = blocks[name];
      append_header(out, name, entry->help, entry->kind);
      const auto& keys = entry->label_names;
      if (entry->counters)
        entry->counters->for_each([&](const auto& values, const http::counter& c) {
          append_sample(out, name, keys, values, {}, {}, c.value());
        });
      if (entry->gauges)
        entry->gauges->for_each([&](const auto& values, const http::gauge& g) {
          append_sample(out, name, keys, values, {}, {}, g.value());
        });
      if (entry->histograms)
        entry->histograms->for_each([&](const auto& values, const http::histogram& h) {
          auto snap = h.read();
          const auto& bounds = h.upper_bounds();
          std::string bucket_name = name + "_bucket";
          std::string le;
          for (std::size_t i = 0; i < bounds.size(); ++i) {
            le.clear();
            append_number(le, bounds[i]);
            append_sample(out, bucket_name, keys, values, "le", le,
                          static_cast<double>(snap.cumulative[i]));
          }
          append_sample(out, bucket_name, keys, values, "le", "+Inf",
                        static_cast<double>(snap.count));
          append_sample(out, name + "_sum", keys, values, {}, {}, snap.sum);
          append_sample(out, name + "_count", keys, values, {}, {},
                        static_cast<double>(snap.count));
        });
    }
    for (const auto& [id, cb] : callbacks_) callbacks.push_back(*cb);
  }
  // Callbacks run outside the lock: they may be slow-ish, and may even register metrics.
  for (const auto& cb : callbacks) {
    auto [it, fresh] = blocks.try_emplace(cb.name);
    if (fresh) append_header(it->second, cb.name, cb.help, kind_gauge);
    std::vector<std::string> keys;
    std::vector<std::string> values;
    for (const auto& [key, value] : cb.labels) {
      keys.push_back(key);
      values.push_back(value);
    }
    append_sample(it->second, cb.name, keys, values, {}, {}, cb.read ? cb.read() : 0.0);
  }
  std::string out;
  for (const auto& [name, block] : blocks) out += block;
  return out;
}

}  // namespace cohort::api::http
