// Standard object `messageFolder`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def message_folder_object() {
  return {
      .name_singular = "messageFolder",
      .name_plural = "messageFolders",
      .label_singular = "Message Folder",
      .label_plural = "Message Folders",
      .description = "Folder for Message Channel",
      .icon = "IconFolder",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "name",
               .type = ft::text,
               .label = "Name",
               .description = "Folder name",
               .icon = "IconFolder",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "syncCursor",
               .type = ft::text,
               .label = "Sync Cursor",
               .description = "Sync Cursor",
               .icon = "IconHash",
               .nullable = false,
               .default_value = R"("''")"},
              {.name = "isSentFolder",
               .type = ft::boolean,
               .label = "Is Sent Folder",
               .description = "Is Sent Folder",
               .icon = "IconCheck",
               .nullable = false,
               .default_value = R"(false)"},
              {.name = "isSynced",
               .type = ft::boolean,
               .label = "Is Synced",
               .description = "Is Synced",
               .icon = "IconCheck",
               .nullable = false,
               .default_value = R"(false)"},
              {.name = "externalId",
               .type = ft::text,
               .label = "External ID",
               .description = "External ID",
               .icon = "IconHash",
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
              {.name = "messageChannel",
               .type = ft::relation,
               .label = "Message Channel",
               .description = "Message Channel",
               .icon = "IconMessage",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "messageChannel", "messageFolders", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
