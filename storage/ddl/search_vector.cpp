#include "storage/ddl/search_vector.hpp"

#include <vector>

#include "model/composite_types.hpp"
#include "storage/ddl/identifier.hpp"

namespace cohort::storage::ddl {

namespace {

using model::field_type;

std::string folded(const std::string& column) {
  return "COALESCE(core.unaccent_immutable(" + quote_identifier(column) + "), '')";
}

// The text expressions one field contributes; none for types search does not read.
std::vector<std::string> expressions_of(const model::field_metadata& field) {
  auto sub = [&](std::string_view name) { return model::composite_column_name(field.name, name); };
  switch (field.type) {
    case field_type::text:
      return {folded(field.name)};
    case field_type::full_name:
      return {folded(sub("firstName")), folded(sub("lastName"))};
    case field_type::links:
      return {folded(sub("primaryLinkUrl"))};
    case field_type::emails: {
      const std::string column = quote_identifier(sub("primaryEmail"));
      // The address itself, then its domain, so "acme.example" finds everyone at Acme.
      return {folded(sub("primaryEmail")) + " || ' ' || COALESCE(core.unaccent_immutable(" +
              "SPLIT_PART(" + column + ", '@', 2)), '')"};
    }
    case field_type::phones:
      return {"COALESCE(" + quote_identifier(sub("primaryPhoneNumber")) + ", '')"};
    default:
      return {};
  }
}

}  // namespace

std::optional<std::string> search_vector_expression(const model::object_metadata& object) {
  std::string joined;
  for (const auto& name : object.search_fields) {
    const auto* field = object.find_field(name);
    if (!field) continue;
    for (const auto& e : expressions_of(*field)) {
      joined += (joined.empty() ? "" : " || ' ' || ") + e;
    }
  }
  if (joined.empty()) return std::nullopt;
  return "to_tsvector('simple'::regconfig, " + joined + ")";
}

}  // namespace cohort::storage::ddl
