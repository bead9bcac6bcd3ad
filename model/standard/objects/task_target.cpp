// Standard object `taskTarget`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def task_target_object() {
  return {
      .name_singular = "taskTarget",
      .name_plural = "taskTargets",
      .label_singular = "Task Target",
      .label_plural = "Task Targets",
      .description = "A task target",
      .icon = "IconCheckbox",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
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
              {.name = "task",
               .type = ft::relation,
               .label = "Task",
               .description = "TaskTarget task",
               .icon = "IconCheckbox",
               .system = true,
               .relation = relation_def{rt::many_to_one, "task", "taskTargets", od::cascade}},
              {.name = "person",
               .type = ft::relation,
               .label = "Person",
               .description = "TaskTarget person",
               .icon = "IconUser",
               .system = true,
               .relation = relation_def{rt::many_to_one, "person", "taskTargets", od::cascade}},
              {.name = "company",
               .type = ft::relation,
               .label = "Company",
               .description = "TaskTarget company",
               .icon = "IconBuildingSkyscraper",
               .system = true,
               .relation = relation_def{rt::many_to_one, "company", "taskTargets", od::cascade}},
              {.name = "opportunity",
               .type = ft::relation,
               .label = "Opportunity",
               .description = "TaskTarget opportunity",
               .icon = "IconTargetArrow",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "opportunity", "taskTargets", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
