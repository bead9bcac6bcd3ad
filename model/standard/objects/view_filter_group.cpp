// Standard object `viewFilterGroup`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def view_filter_group_object() {
  return {
      .name_singular = "viewFilterGroup",
      .name_plural = "viewFilterGroups",
      .label_singular = "View Filter Group",
      .label_plural = "View Filter Groups",
      .description = "(System) View Filter Groups",
      .icon = "IconFilterBolt",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "parentViewFilterGroupId",
               .type = ft::uuid,
               .label = "Parent View Filter Group Id",
               .description = "Parent View Filter Group",
               .icon = ""},
              {.name = "logicalOperator",
               .type = ft::select,
               .label = "Logical Operator",
               .description = "Logical operator for the filter group",
               .icon = "",
               .nullable = false,
               .default_value = R"("'NOT'")",
               .options = {{"AND", "AND", "blue", 0},
                           {"OR", "OR", "green", 1},
                           {"NOT", "NOT", "red", 2}}},
              {.name = "positionInViewFilterGroup",
               .type = ft::number,
               .label = "Position in view filter group",
               .description = "Position in the parent view filter group",
               .icon = "IconHierarchy2"},
              {.name = "id",
               .type = ft::uuid,
               .label = "Id",
               .description = "Id",
               .icon = "Icon123",
               .nullable = false,
               .system = true,
               .default_value = R"("uuid")"},
              {.name = "createdAt",
               .type = ft::date_time,
               .label = "Creation date",
               .description = "Creation date",
               .icon = "IconCalendar",
               .nullable = false,
               .default_value = R"("now")"},
              {.name = "updatedAt",
               .type = ft::date_time,
               .label = "Last update",
               .description = "Last time the record was changed",
               .icon = "IconCalendarClock",
               .nullable = false,
               .default_value = R"("now")"},
              {.name = "deletedAt",
               .type = ft::date_time,
               .label = "Deleted at",
               .description = "Date when the record was deleted",
               .icon = "IconCalendarMinus"},
              {.name = "view",
               .type = ft::relation,
               .label = "View",
               .description = "View",
               .icon = "",
               .system = true,
               .relation = relation_def{rt::many_to_one, "view", "viewFilterGroups", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
