#include "actors/workspace/binder/group_by_order.hpp"

#include <array>
#include <string_view>

#include <boost/json.hpp>

#include "actors/workspace/binder/aggregate_name.hpp"
#include "model/field_type.hpp"
#include "model/names.hpp"

namespace cohort::actors::workspace::binder {

namespace gt = graphql::type;

namespace {

constexpr std::array<std::string_view, 9> granularities = {"DAY",
                                                           "WEEK",
                                                           "MONTH",
                                                           "QUARTER",
                                                           "YEAR",
                                                           "NONE",
                                                           "DAY_OF_THE_WEEK",
                                                           "MONTH_OF_THE_YEAR",
                                                           "QUARTER_OF_THE_YEAR"};

bool is_direction(const boost::json::value& v) {
  if (!v.is_string()) return false;
  const auto s = v.get_string();
  return s == "AscNullsFirst" || s == "AscNullsLast" || s == "DescNullsFirst" ||
         s == "DescNullsLast";
}

// A date dimension grouped by its exact value matches an order without granularity or NONE.
bool same_granularity(const std::string& a, const std::string& b) {
  auto exact = [](const std::string& g) { return g.empty() || g == "NONE"; };
  return exact(a) ? exact(b) : a == b;
}

std::string directions_message() {
  return "Allowed values are AscNullsFirst, AscNullsLast, DescNullsFirst, DescNullsLast";
}

}  // namespace

std::variant<std::vector<model::group_order>, std::string> group_order_of(
    const boost::json::value& items, const model::object_metadata& object,
    const std::vector<model::group_dimension>& dimensions) {
  std::vector<model::group_order> out;
  const boost::json::array single{items};
  const auto& list = items.is_array() ? items.get_array() : single;
  for (const auto& item : list) {
    if (!item.is_object()) return "Each order item must be an object";
    for (const auto& [key_view, value] : item.get_object()) {
      const std::string key(key_view);
      model::group_order order;
      if (key == "aggregate") {
        if (!value.is_object() || value.get_object().size() != 1) {
          return std::string(
              "Order by aggregate takes one aggregate and its direction, eg: "
              "{\"aggregate\": {\"totalCount\": \"DescNullsLast\"}}");
        }
        const auto& [name, direction] = *value.get_object().begin();
        order.aggregate = aggregate_of(object, name);
        if (order.aggregate.operation.empty()) {
          return "Unknown aggregate '" + std::string(name) + "'";
        }
        order.aggregate.key = std::string(name);
        if (!is_direction(direction)) return directions_message();
        order.direction = std::string(direction.get_string());
        out.push_back(std::move(order));
        continue;
      }
      std::string sub, granularity;
      const boost::json::value* direction = &value;
      if (value.is_object() && value.get_object().contains("orderBy")) {
        const auto& o = value.get_object();
        direction = &o.at("orderBy");
        if (const auto* g = o.if_contains("granularity"); g && g->is_string())
          granularity = std::string(g->get_string());
      } else if (value.is_object() && value.get_object().size() == 1) {
        sub = std::string(value.get_object().begin()->key());
        direction = &value.get_object().begin()->value();
      }
      if (!is_direction(*direction)) return directions_message();
      order.direction = std::string(direction->get_string());
      for (std::size_t i = 0; i < dimensions.size(); ++i) {
        const auto& d = dimensions[i];
        if (d.field == key && d.subfield == sub && same_granularity(d.granularity, granularity))
          order.dimension = static_cast<int>(i);
      }
      if (order.dimension < 0) {
        return "Groups can only be ordered by a field they are grouped by: " + key;
      }
      out.push_back(std::move(order));
    }
  }
  return out;
}

std::string add_group_by_order_input(gt::schema_builder& builder,
                                     const model::object_metadata& object) {
  const std::string s = model::capitalize(object.name_singular);
  auto* order_entry = builder.find_type(s + "OrderByInput");
  auto* order = order_entry ? std::get_if<gt::input_object_config>(order_entry) : nullptr;
  auto* connection_entry = builder.find_type(s + "GroupByConnection");
  auto* connection =
      connection_entry ? std::get_if<gt::schema_builder::object_entry>(connection_entry) : nullptr;
  if (order == nullptr || connection == nullptr) return {};
  const std::string name = s + "OrderByWithGroupByInput";
  if (builder.find_type(name) != nullptr) return name;

  // Copies first: adding types may move the entries found above.
  auto order_fields = order->fields;
  std::vector<std::string> aggregates;
  for (const auto& f : connection->config.fields) {
    if (f.name != "edges" && f.name != "pageInfo" && f.name != "groupByDimensionValues")
      aggregates.push_back(f.name);
  }

  if (builder.find_type("DateGranularityEnum") == nullptr) {
    auto& granularity = builder.add_enum("DateGranularityEnum");
    granularity.describe(
        "Date granularity (day, week, month, quarter, year, day of the week, month or quarter of "
        "the year, or none: the exact value)");
    for (auto g : granularities) granularity.value(std::string(g));
    auto& by_date = builder.add_input_object("OrderByDateGranularityInput");
    by_date.field("orderBy", "OrderByDirection");
    by_date.field("granularity", "DateGranularityEnum");
  }

  auto& aggregate = builder.add_input_object(s + "OrderByWithGroupByAggregateInput");
  aggregate.describe("Aggregate-based ordering");
  for (const auto& a : aggregates) aggregate.field(a, "OrderByDirection");

  auto& input = builder.add_input_object(name);
  if (object.description) input.describe(*object.description);
  input.field("aggregate", s + "OrderByWithGroupByAggregateInput")
      .describe("Order by aggregate values");
  for (const auto& f : order_fields) {
    const auto* field = object.find_field(f.name);
    const bool dated = field && (field->type == model::field_type::date ||
                                 field->type == model::field_type::date_time);
    input.field(f.name, dated ? "OrderByDateGranularityInput" : f.type).description = f.description;
  }
  return name;
}

}  // namespace cohort::actors::workspace::binder
