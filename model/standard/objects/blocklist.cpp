// Standard object `blocklist`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def blocklist_object() {
  return {
      .name_singular = "blocklist",
      .name_plural = "blocklists",
      .label_singular = "Blocklist",
      .label_plural = "Blocklists",
      .description = "Blocklist",
      .icon = "IconForbid2",
      .system = true,
      .label_identifier = "handle",
      .fields =
          {
              {.name = "handle",
               .type = ft::text,
               .label = "Handle",
               .description = "Handle",
               .icon = "IconAt",
               .nullable = false,
               .default_value = R"("''")"},
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
              {.name = "workspaceMember",
               .type = ft::relation,
               .label = "WorkspaceMember",
               .description = "WorkspaceMember",
               .icon = "IconCircleUser",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "workspaceMember", "blocklist", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
