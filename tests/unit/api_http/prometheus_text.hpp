// Reads Prometheus text exposition back into samples, so tests check rendered metrics by value
// rather than by string matching.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace cohort::test {

struct prom_sample {
  std::string name;
  std::map<std::string, std::string> labels;
  double value = 0;
};

struct prom_text {
  std::vector<prom_sample> samples;
  std::map<std::string, std::string> types;  // metric name -> counter/gauge/histogram
  std::map<std::string, std::string> helps;  // unescaped
  std::vector<std::string> errors;           // lines that did not parse

  // The value of the one sample with this name whose labels include `labels`.
  std::optional<double> value(std::string_view name,
                              const std::map<std::string, std::string>& labels = {}) const;
};

prom_text parse_prometheus(std::string_view text);

}  // namespace cohort::test
