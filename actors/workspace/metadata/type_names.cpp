#include "actors/workspace/metadata/type_names.hpp"

#include <unordered_set>
#include <vector>

#include "model/names.hpp"

namespace cohort::actors::metadata {

namespace {

std::vector<std::string> generated_type_names(const model::object_metadata& object) {
  auto n = model::generated_names(object.name_singular, object.name_plural);
  return {n.object,       n.connection,   n.edge,           n.filter_input,  n.order_by_input,
          n.create_input, n.update_input, n.relation_input, n.group_by_input};
}

}  // namespace

std::optional<std::string> clashing_type_name(const graphql::type::schema& schema,
                                              const model::workspace_model& model,
                                              const model::object_metadata& object) {
  // A renamed object frees the names its previous version generated; every other existing type
  // (the platform's, another object's) is taken.
  std::unordered_set<std::string> own;
  if (const auto* previous = model.find_object_by_id(object.id)) {
    for (auto& name : generated_type_names(*previous)) own.insert(std::move(name));
  }
  for (const auto& name : generated_type_names(object)) {
    if (schema.type(name) != nullptr && !own.count(name)) return name;
  }
  return std::nullopt;
}

}  // namespace cohort::actors::metadata
