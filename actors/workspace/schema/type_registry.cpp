#include "actors/workspace/schema/type_registry.hpp"

#include <algorithm>
#include <type_traits>
#include <utility>

namespace cohort::actors::workspace_schema {

namespace gt = graphql::type;

namespace {

// graphql-tools keeps the non-null spelling when two schemas declare the same field as T and T!
// (PageInfo.hasNextPage is `Boolean` on /metadata, `Boolean!` on the record side).
std::string stricter_type(const std::string& existing, const std::string& generated) {
  if (existing == generated + "!") return existing;
  return generated;
}

template <typename Member>
Member* find_member(auto& members, const std::string& name) {
  auto it =
      std::find_if(members.begin(), members.end(), [&](const Member& m) { return m.name == name; });
  return it == members.end() ? nullptr : &*it;
}

void merge(gt::object_config& existing, gt::object_config&& generated) {
  if (generated.description) existing.description = std::move(generated.description);
  for (auto& field : generated.fields) {
    auto* same = find_member<gt::field_config>(existing.fields, field.name);
    if (same == nullptr) {
      existing.fields.push_back(std::move(field));
      continue;
    }
    same->type = stricter_type(same->type, field.type);
    if (field.description) same->description = std::move(field.description);
    if (!field.args.empty()) same->args = std::move(field.args);
    if (field.ext) same->ext = std::move(field.ext);
  }
}

void merge(gt::input_object_config& existing, gt::input_object_config&& generated) {
  if (generated.description) existing.description = std::move(generated.description);
  for (auto& field : generated.fields) {
    auto* same = find_member<gt::input_value_config>(existing.fields, field.name);
    if (same == nullptr) {
      existing.fields.push_back(std::move(field));
      continue;
    }
    same->type = stricter_type(same->type, field.type);
    if (field.description) same->description = std::move(field.description);
  }
}

void merge(gt::enum_config& existing, gt::enum_config&& generated) {
  if (generated.description) existing.description = std::move(generated.description);
  for (auto& value : existing.values) {
    if (find_member<gt::enum_value_config>(generated.values, value.name) == nullptr) {
      generated.values.push_back(std::move(value));
    }
  }
  existing.values = std::move(generated.values);
}

// An existing scalar is kept whole: its coercions are the platform's.
void merge(gt::scalar_config&, gt::scalar_config&&) {}

template <typename Config>
Config* config_of(gt::schema_builder::entry& entry) {
  if constexpr (std::is_same_v<Config, gt::object_config>) {
    auto* object = std::get_if<gt::schema_builder::object_entry>(&entry);
    return object ? &object->config : nullptr;
  } else {
    return std::get_if<Config>(&entry);
  }
}

}  // namespace

gt::schema_builder::entry* type_registry::existing(const std::string& name) {
  added_.insert(name);
  return builder_.find_type(name);
}

template <typename Config, typename AddNew>
void type_registry::add_or_merge(Config type, AddNew add_new) {
  if (auto* entry = existing(type.name)) {
    // A type of another kind under the same name is left alone: the platform's wins.
    if (auto* config = config_of<Config>(*entry)) merge(*config, std::move(type));
    return;
  }
  add_new(std::move(type));
}

void type_registry::add(gt::object_config type) {
  add_or_merge(std::move(type), [&](gt::object_config t) {
    auto& added = builder_.add_object(t.name);
    added = std::move(t);
  });
}

void type_registry::add(gt::input_object_config type) {
  add_or_merge(std::move(type), [&](gt::input_object_config t) {
    auto& added = builder_.add_input_object(t.name);
    added = std::move(t);
  });
}

void type_registry::add(gt::enum_config type) {
  add_or_merge(std::move(type), [&](gt::enum_config t) {
    auto& added = builder_.add_enum(t.name);
    added = std::move(t);
  });
}

void type_registry::add(gt::scalar_config type) {
  add_or_merge(std::move(type), [&](gt::scalar_config t) { builder_.add_scalar(std::move(t)); });
}

}  // namespace cohort::actors::workspace_schema
