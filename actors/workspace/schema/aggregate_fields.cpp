#include "actors/workspace/schema/aggregate_fields.hpp"

#include <string>

#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace_schema {

namespace {

using model::field_type;

void add(graphql::type::object_config& connection, std::string name, const char* type,
         std::string description) {
  connection.field(std::move(name), type).describe(std::move(description));
}

void add_typed_aggregates(graphql::type::object_config& connection,
                          const model::field_metadata& field, const std::string& cap) {
  const std::string& name = field.name;
  switch (field.type) {
    case field_type::date_time:
      add(connection, "min" + cap, "DateTime", "Earliest date contained in the field " + name);
      add(connection, "max" + cap, "DateTime", "Latest date contained in the field " + name);
      break;
    case field_type::number:
      add(connection, "min" + cap, "Float", "Minimum amount contained in the field " + name);
      add(connection, "max" + cap, "Float", "Maximum amount contained in the field " + name);
      add(connection, "avg" + cap, "Float", "Average amount contained in the field " + name);
      add(connection, "sum" + cap, "Float", "Sum of amounts contained in the field " + name);
      break;
    case field_type::currency:
      // Twenty's order and wording for currencies differ from numbers': sum before avg, "Maximal".
      add(connection, "min" + cap + "AmountMicros", "Float",
          "Minimum amount contained in the field " + name);
      add(connection, "max" + cap + "AmountMicros", "Float",
          "Maximal amount contained in the field " + name);
      add(connection, "sum" + cap + "AmountMicros", "Float",
          "Sum of amounts contained in the field " + name);
      add(connection, "avg" + cap + "AmountMicros", "Float",
          "Average amount contained in the field " + name);
      break;
    case field_type::boolean:
      add(connection, "countTrue" + cap, "Int", "Count of true values in the field " + name);
      add(connection, "countFalse" + cap, "Int", "Count of false values in the field " + name);
      break;
    default:
      break;
  }
}

}  // namespace

void add_aggregate_fields(graphql::type::object_config& connection,
                          const std::vector<const model::field_metadata*>& fields) {
  add(connection, "totalCount", "Int", "Total number of records in the connection");
  for (const auto* field : fields) {
    if (model::is_relation(field->type)) continue;
    const std::string cap = model::capitalize(field->name);
    const std::string& name = field->name;
    add(connection, "countUniqueValues" + cap, "Int", "Number of unique values for " + name);
    add(connection, "countEmpty" + cap, "Int", "Number of empty values for " + name);
    add(connection, "countNotEmpty" + cap, "Int", "Number of non-empty values for " + name);
    add(connection, "percentageEmpty" + cap, "Float", "Percentage of empty values for " + name);
    add(connection, "percentageNotEmpty" + cap, "Float",
        "Percentage of non-empty values for " + name);
    add_typed_aggregates(connection, *field, cap);
  }
}

}  // namespace cohort::actors::workspace_schema
