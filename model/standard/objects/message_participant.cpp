// Standard object `messageParticipant`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def message_participant_object() {
  return {
      .name_singular = "messageParticipant",
      .name_plural = "messageParticipants",
      .label_singular = "Message Participant",
      .label_plural = "Message Participants",
      .description = "Message Participants",
      .icon = "IconUserCircle",
      .system = true,
      .label_identifier = "handle",
      .fields =
          {
              {.name = "role",
               .type = ft::select,
               .label = "Role",
               .description = "Role",
               .icon = "IconAt",
               .nullable = false,
               .default_value = R"("'from'")",
               .options = {{"from", "From", "green", 0},
                           {"to", "To", "blue", 1},
                           {"cc", "Cc", "orange", 2},
                           {"bcc", "Bcc", "red", 3}}},
              {.name = "handle",
               .type = ft::text,
               .label = "Handle",
               .description = "Handle",
               .icon = "IconAt",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "displayName",
               .type = ft::text,
               .label = "Display Name",
               .description = "Display Name",
               .icon = "IconUser",
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
              {.name = "message",
               .type = ft::relation,
               .label = "Message",
               .description = "Message",
               .icon = "IconMessage",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "message", "messageParticipants", od::cascade}},
              {.name = "person",
               .type = ft::relation,
               .label = "Person",
               .description = "Person",
               .icon = "IconUser",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "person", "messageParticipants", od::set_null}},
              {.name = "workspaceMember",
               .type = ft::relation,
               .label = "Workspace Member",
               .description = "Workspace member",
               .icon = "IconCircleUser",
               .system = true,
               .relation = relation_def{rt::many_to_one, "workspaceMember", "messageParticipants",
                                        od::set_null}},
          },
  };
}

}  // namespace cohort::model::standard
