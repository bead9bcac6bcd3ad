#include "model/field_type.hpp"

#include <array>
#include <utility>

namespace cohort::model {
namespace {

constexpr std::array<std::pair<field_type, std::string_view>, 31> kNames{{
    {field_type::uuid, "UUID"},
    {field_type::text, "TEXT"},
    {field_type::phones, "PHONES"},
    {field_type::emails, "EMAILS"},
    {field_type::date_time, "DATE_TIME"},
    {field_type::date, "DATE"},
    {field_type::boolean, "BOOLEAN"},
    {field_type::number, "NUMBER"},
    {field_type::numeric, "NUMERIC"},
    {field_type::links, "LINKS"},
    {field_type::currency, "CURRENCY"},
    {field_type::full_name, "FULL_NAME"},
    {field_type::rating, "RATING"},
    {field_type::select, "SELECT"},
    {field_type::multi_select, "MULTI_SELECT"},
    {field_type::relation, "RELATION"},
    {field_type::morph_relation, "MORPH_RELATION"},
    {field_type::position, "POSITION"},
    {field_type::address, "ADDRESS"},
    {field_type::raw_json, "RAW_JSON"},
    {field_type::rich_text, "RICH_TEXT"},
    {field_type::rich_text_v2, "RICH_TEXT_V2"},
    {field_type::actor, "ACTOR"},
    {field_type::array, "ARRAY"},
    {field_type::ts_vector, "TS_VECTOR"},
    {field_type::files, "FILES"},
    {field_type::rich_text_deprecated, "RICH_TEXT_DEPRECATED"},
    {field_type::email, "EMAIL"},
    {field_type::phone, "PHONE"},
    {field_type::link, "LINK"},
    {field_type::probability, "PROBABILITY"},
}};

constexpr std::array<field_type, kNames.size()> make_all() {
  std::array<field_type, kNames.size()> out{};
  for (std::size_t i = 0; i < kNames.size(); ++i) out[i] = kNames[i].first;
  return out;
}
constexpr auto kAll = make_all();

}  // namespace

std::string_view to_string(field_type type) {
  for (const auto& [value, name] : kNames) {
    if (value == type) return name;
  }
  return "UNKNOWN";
}

std::optional<field_type> field_type_from_string(std::string_view name) {
  for (const auto& [value, spelled] : kNames) {
    if (spelled == name) return value;
  }
  return std::nullopt;
}

std::span<const field_type> all_field_types() {
  return kAll;
}

bool is_in_metadata_enum(field_type type) {
  return !is_legacy(type) && type != field_type::files;
}

bool is_legacy(field_type type) {
  switch (type) {
    case field_type::rich_text_deprecated:
    case field_type::email:
    case field_type::phone:
    case field_type::link:
    case field_type::probability:
      return true;
    default:
      return false;
  }
}

bool is_composite(field_type type) {
  switch (type) {
    case field_type::full_name:
    case field_type::emails:
    case field_type::phones:
    case field_type::links:
    case field_type::address:
    case field_type::currency:
    case field_type::actor:
    case field_type::rich_text_v2:
      return true;
    default:
      return false;
  }
}

bool is_relation(field_type type) {
  return type == field_type::relation || type == field_type::morph_relation;
}

bool has_options(field_type type) {
  return type == field_type::select || type == field_type::multi_select ||
         type == field_type::rating;
}

// In 1.6.0 every stored field (TS_VECTOR and RAW_JSON included) appears in the filter and
// order-by inputs; relations are filtered and ordered through their join column instead.
bool is_filterable(field_type type) {
  return !is_relation(type) && !is_legacy(type);
}
bool is_orderable(field_type type) {
  return !is_relation(type) && !is_legacy(type);
}

// A MORPH_RELATION is written like a RELATION: through each target's join column
// ({name}{Target}Id) or relation input ({name}{Target}).
bool is_writable(field_type type) {
  return type != field_type::ts_vector && !is_legacy(type);
}

}  // namespace cohort::model
