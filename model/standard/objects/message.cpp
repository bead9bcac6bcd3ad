// Standard object `message`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def message_object() {
  return {
      .name_singular = "message",
      .name_plural = "messages",
      .label_singular = "Message",
      .label_plural = "Messages",
      .description = "A message sent or received through a messaging channel (email, chat, etc.)",
      .icon = "IconMessage",
      .system = true,
      .label_identifier = "subject",
      .fields =
          {
              {.name = "headerMessageId",
               .type = ft::text,
               .label = "Header message Id",
               .description = "Message id from the message header",
               .icon = "IconHash",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "subject",
               .type = ft::text,
               .label = "Subject",
               .description = "Subject",
               .icon = "IconMessage",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "text",
               .type = ft::text,
               .label = "Text",
               .description = "Text",
               .icon = "IconMessage",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "receivedAt",
               .type = ft::date_time,
               .label = "Received At",
               .description = "The date the message was received",
               .icon = "IconCalendar"},
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
              {.name = "messageThread",
               .type = ft::relation,
               .label = "Message Thread Id",
               .description = "Message Thread Id",
               .icon = "IconHash",
               .system = true,
               .relation = relation_def{rt::many_to_one, "messageThread", "messages", od::cascade}},
              {.name = "messageParticipants",
               .type = ft::relation,
               .label = "Message Participants",
               .description = "Message Participants",
               .icon = "IconUserCircle",
               .system = true,
               .relation = relation_def{rt::one_to_many, "messageParticipant", "message"}},
              {.name = "messageChannelMessageAssociations",
               .type = ft::relation,
               .label = "Message Channel Association",
               .description = "Messages from the channel.",
               .icon = "IconMessage",
               .system = true,
               .relation =
                   relation_def{rt::one_to_many, "messageChannelMessageAssociation", "message"}},
          },
  };
}

}  // namespace cohort::model::standard
