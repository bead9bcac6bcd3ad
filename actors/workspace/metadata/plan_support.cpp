#include "actors/workspace/metadata/plan_support.hpp"

#include <boost/json.hpp>
#include <cstdio>
#include <random>

namespace cohort::actors::metadata {

void append(std::vector<std::string>& out, std::vector<std::string> more) {
  for (auto& s : more) out.push_back(std::move(s));
}

std::string random_uuid() {
  thread_local std::mt19937_64 rng{std::random_device{}()};
  std::uint64_t hi = rng();
  std::uint64_t lo = rng();
  hi = (hi & 0xffffffffffff0fffull) | 0x0000000000004000ull;  // version 4
  lo = (lo & 0x3fffffffffffffffull) | 0x8000000000000000ull;  // RFC 4122 variant
  char buf[37];
  std::snprintf(buf, sizeof buf, "%08x-%04x-%04x-%04x-%012llx", static_cast<unsigned>(hi >> 32),
                static_cast<unsigned>((hi >> 16) & 0xffff), static_cast<unsigned>(hi & 0xffff),
                static_cast<unsigned>(lo >> 48),
                static_cast<unsigned long long>(lo & 0xffffffffffffull));
  return buf;
}

std::optional<std::string> input_string(const boost::json::object& input, std::string_view key) {
  auto* v = input.if_contains(key);
  if (!v || !v->is_string()) return std::nullopt;
  return std::string(v->as_string());
}

std::string trim(std::string_view text) {
  auto b = text.find_first_not_of(" \t\r\n");
  if (b == std::string_view::npos) return {};
  auto e = text.find_last_not_of(" \t\r\n");
  return std::string(text.substr(b, e - b + 1));
}

std::optional<bool> input_bool(const boost::json::object& input, std::string_view key) {
  auto* v = input.if_contains(key);
  if (!v || !v->is_bool()) return std::nullopt;
  return v->as_bool();
}

boost::json::object input_object(const boost::json::object& input, std::string_view key) {
  auto* v = input.if_contains(key);
  if (!v || !v->is_object()) return {};
  return v->as_object();
}

model::object_metadata* find_object(std::vector<model::object_metadata>& objects,
                                    std::string_view id) {
  for (auto& o : objects) {
    if (o.id == id) return &o;
  }
  return nullptr;
}

model::field_metadata* find_field(model::object_metadata& object, std::string_view id) {
  for (auto& f : object.fields) {
    if (f.id == id) return &f;
  }
  return nullptr;
}

model::object_metadata* object_of_field(std::vector<model::object_metadata>& objects,
                                        std::string_view field_id) {
  for (auto& o : objects) {
    if (find_field(o, field_id)) return &o;
  }
  return nullptr;
}

}  // namespace cohort::actors::metadata
