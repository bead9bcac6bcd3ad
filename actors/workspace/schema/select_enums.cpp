#include "actors/workspace/schema/select_enums.hpp"

#include <utility>

#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

void add_select_enums(type_registry& types, const model::object_metadata& object,
                      const std::vector<const model::field_metadata*>& fields) {
  for (const auto* field : fields) {
    if (!model::has_options(field->type)) continue;
    graphql::type::enum_config options;
    options.name = model::select_enum_name(object.name_singular, field->name);
    options.description = field->description;
    for (const auto& option : field->options) options.value(option.value).describe(option.label);
    types.add(std::move(options));
  }
}

}  // namespace cohort::actors::workspace_schema
