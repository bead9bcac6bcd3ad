// Standard object `messageThread`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def message_thread_object() {
  return {
      .name_singular = "messageThread",
      .name_plural = "messageThreads",
      .label_singular = "Message Thread",
      .label_plural = "Message Threads",
      .description = "A group of related messages (e.g. email thread, chat thread)",
      .icon = "IconMessage",
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
              {.name = "messages",
               .type = ft::relation,
               .label = "Messages",
               .description = "Messages from the thread.",
               .icon = "IconMessage",
               .system = true,
               .relation = relation_def{rt::one_to_many, "message", "messageThread"}},
          },
  };
}

}  // namespace cohort::model::standard
