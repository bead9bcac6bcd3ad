// Standard object `workflowAutomatedTrigger`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def workflow_automated_trigger_object() {
  return {
      .name_singular = "workflowAutomatedTrigger",
      .name_plural = "workflowAutomatedTriggers",
      .label_singular = "WorkflowAutomatedTrigger",
      .label_plural = "WorkflowAutomatedTriggers",
      .description = "A workflow automated trigger",
      .icon = "IconSettingsAutomation",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "type",
               .type = ft::select,
               .label = "Automated Trigger Type",
               .description = "The workflow automated trigger type",
               .icon = "",
               .nullable = false,
               .options = {{"DATABASE_EVENT", "Database Event", "green", 0},
                           {"CRON", "Cron", "blue", 1}}},
              {.name = "settings",
               .type = ft::raw_json,
               .label = "Settings",
               .description = "The workflow automated trigger settings",
               .icon = "",
               .nullable = false},
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
              {.name = "workflow",
               .type = ft::relation,
               .label = "Workflow",
               .description = "WorkflowAutomatedTrigger workflow",
               .icon = "IconSettingsAutomation",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "workflow", "automatedTriggers", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
