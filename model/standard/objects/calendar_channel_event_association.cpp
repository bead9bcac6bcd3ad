// Standard object `calendarChannelEventAssociation`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def calendar_channel_event_association_object() {
  return {
      .name_singular = "calendarChannelEventAssociation",
      .name_plural = "calendarChannelEventAssociations",
      .label_singular = "Calendar Channel Event Association",
      .label_plural = "Calendar Channel Event Associations",
      .description = "Calendar Channel Event Associations",
      .icon = "IconCalendar",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "deletedAt",
               .type = ft::date_time,
               .label = "Deleted at",
               .description = "Date when the record was deleted",
               .icon = "IconCalendarMinus"},
              {.name = "eventExternalId",
               .type = ft::text,
               .label = "Event external ID",
               .description = "Event external ID",
               .icon = "IconCalendar",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "recurringEventExternalId",
               .type = ft::text,
               .label = "Recurring Event ID",
               .description = "Recurring Event ID",
               .icon = "IconHistory",
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
              {.name = "calendarChannel",
               .type = ft::relation,
               .label = "Channel ID",
               .description = "Channel ID",
               .icon = "IconCalendar",
               .system = true,
               .relation = relation_def{rt::many_to_one, "calendarChannel",
                                        "calendarChannelEventAssociations", od::cascade}},
              {.name = "calendarEvent",
               .type = ft::relation,
               .label = "Event ID",
               .description = "Event ID",
               .icon = "IconCalendar",
               .system = true,
               .relation = relation_def{rt::many_to_one, "calendarEvent",
                                        "calendarChannelEventAssociations", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
