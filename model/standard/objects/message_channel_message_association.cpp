// Standard object `messageChannelMessageAssociation`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def message_channel_message_association_object() {
  return {
      .name_singular = "messageChannelMessageAssociation",
      .name_plural = "messageChannelMessageAssociations",
      .label_singular = "Message Channel Message Association",
      .label_plural = "Message Channel Message Associations",
      .description = "Message Synced with a Message Channel",
      .icon = "IconMessage",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "messageExternalId",
               .type = ft::text,
               .label = "Message External Id",
               .description = "Message id from the messaging provider",
               .icon = "IconHash",
               .default_value = R"("''")"},
              {.name = "messageThreadExternalId",
               .type = ft::text,
               .label = "Thread External Id",
               .description = "Thread id from the messaging provider",
               .icon = "IconHash",
               .default_value = R"("''")"},
              {.name = "direction",
               .type = ft::select,
               .label = "Direction",
               .description = "Message Direction",
               .icon = "IconDirection",
               .nullable = false,
               .default_value = R"("'INCOMING'")",
               .options = {{"INCOMING", "Incoming", "green", 0},
                           {"OUTGOING", "Outgoing", "blue", 1}}},
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
              {.name = "messageChannel",
               .type = ft::relation,
               .label = "Message Channel Id",
               .description = "Message Channel Id",
               .icon = "IconHash",
               .system = true,
               .relation = relation_def{rt::many_to_one, "messageChannel",
                                        "messageChannelMessageAssociations", od::cascade}},
              {.name = "message",
               .type = ft::relation,
               .label = "Message Id",
               .description = "Message Id",
               .icon = "IconHash",
               .system = true,
               .relation = relation_def{rt::many_to_one, "message",
                                        "messageChannelMessageAssociations", od::cascade}},
          },
      .unique_indexes = {{"messageChannel", "message"}},
  };
}

}  // namespace cohort::model::standard
