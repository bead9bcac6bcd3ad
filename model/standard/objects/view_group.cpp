// Standard object `viewGroup`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def view_group_object() {
  return {
      .name_singular = "viewGroup",
      .name_plural = "viewGroups",
      .label_singular = "View Group",
      .label_plural = "View Groups",
      .description = "(System) View Groups",
      .icon = "IconTag",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "fieldMetadataId",
               .type = ft::uuid,
               .label = "Field Metadata Id",
               .description = "View Group target field",
               .icon = "IconTag",
               .nullable = false},
              {.name = "isVisible",
               .type = ft::boolean,
               .label = "Visible",
               .description = "View Group visibility",
               .icon = "IconEye",
               .nullable = false,
               .default_value = R"(true)"},
              {.name = "fieldValue",
               .type = ft::text,
               .label = "Field Value",
               .description = "Group by this field value",
               .icon = "",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "position",
               .type = ft::number,
               .label = "Position",
               .description = "View Field position",
               .icon = "IconList",
               .nullable = false,
               .system = true,
               .default_value = R"(0)"},
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
               .description = "View Group related view",
               .icon = "IconLayoutCollage",
               .system = true,
               .relation = relation_def{rt::many_to_one, "view", "viewGroups", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
