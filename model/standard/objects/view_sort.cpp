// Standard object `viewSort`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def view_sort_object() {
  return {
      .name_singular = "viewSort",
      .name_plural = "viewSorts",
      .label_singular = "View Sort",
      .label_plural = "View Sorts",
      .description = "(System) View Sorts",
      .icon = "IconArrowsSort",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "fieldMetadataId",
               .type = ft::uuid,
               .label = "Field Metadata Id",
               .description = "View Sort target field",
               .icon = "IconTag",
               .nullable = false},
              {.name = "direction",
               .type = ft::text,
               .label = "Direction",
               .description = "View Sort direction",
               .icon = "",
               .nullable = false,
               .default_value = R"("'asc'")"},
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
               .description = "View Sort related view",
               .icon = "IconLayoutCollage",
               .system = true,
               .relation = relation_def{rt::many_to_one, "view", "viewSorts", od::cascade}},
          },
      .unique_indexes = {{"fieldMetadataId", "view"}},
  };
}

}  // namespace cohort::model::standard
