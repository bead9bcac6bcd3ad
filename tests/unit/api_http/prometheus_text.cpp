#include "prometheus_text.hpp"

#include <cstdlib>

namespace cohort::test {

namespace {

std::string unescape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      char next = text[++i];
      out += next == 'n' ? '\n' : next;
    } else {
      out += text[i];
    }
  }
  return out;
}

double parse_value(const std::string& text, bool& ok) {
  ok = true;
  if (text == "+Inf") return 1.0 / 0.0;
  if (text == "-Inf") return -1.0 / 0.0;
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  ok = end && *end == '\0' && !text.empty();
  return v;
}

bool parse_sample(std::string_view line, prom_sample& out) {
  std::size_t i = 0;
  while (i < line.size() && line[i] != '{' && line[i] != ' ') ++i;
  out.name = std::string(line.substr(0, i));
  if (out.name.empty()) return false;
  if (i < line.size() && line[i] == '{') {
    ++i;
    while (i < line.size() && line[i] != '}') {
      auto eq = line.find('=', i);
      if (eq == std::string_view::npos || eq + 1 >= line.size() || line[eq + 1] != '"')
        return false;
      std::string key(line.substr(i, eq - i));
      std::size_t j = eq + 2;
      std::string raw;
      while (j < line.size() && line[j] != '"') {
        if (line[j] == '\\' && j + 1 < line.size()) raw += line[j++];
        raw += line[j++];
      }
      if (j >= line.size()) return false;
      out.labels[key] = unescape(raw);
      i = j + 1;
      if (i < line.size() && line[i] == ',') ++i;
    }
    if (i >= line.size()) return false;
    ++i;  // '}'
  }
  if (i >= line.size() || line[i] != ' ') return false;
  bool ok = false;
  out.value = parse_value(std::string(line.substr(i + 1)), ok);
  return ok;
}

}  // namespace

std::optional<double> prom_text::value(std::string_view name,
                                       const std::map<std::string, std::string>& labels) const {
  std::optional<double> found;
  for (const auto& s : samples) {
    if (s.name != name) continue;
    bool match = true;
    for (const auto& [k, v] : labels) {
      auto it = s.labels.find(k);
      if (it == s.labels.end() || it->second != v) match = false;
    }
    if (!match) continue;
    if (found) return std::nullopt;  // ambiguous
    found = s.value;
  }
  return found;
}

prom_text parse_prometheus(std::string_view text) {
  prom_text out;
  while (!text.empty()) {
    auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    if (line.empty()) continue;
    if (line.substr(0, 7) == "# TYPE ") {
      auto rest = line.substr(7);
      auto sp = rest.find(' ');
      out.types[std::string(rest.substr(0, sp))] = std::string(rest.substr(sp + 1));
      continue;
    }
    if (line.substr(0, 7) == "# HELP ") {
      auto rest = line.substr(7);
      auto sp = rest.find(' ');
      out.helps[std::string(rest.substr(0, sp))] = unescape(rest.substr(sp + 1));
      continue;
    }
    if (line.front() == '#') continue;
    prom_sample sample;
    if (parse_sample(line, sample)) {
      out.samples.push_back(std::move(sample));
    } else {
      out.errors.emplace_back(line);
    }
  }
  return out;
}

}  // namespace cohort::test
