// Standard object `favoriteFolder`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def favorite_folder_object() {
  return {
      .name_singular = "favoriteFolder",
      .name_plural = "favoriteFolders",
      .label_singular = "Favorite Folder",
      .label_plural = "Favorite Folders",
      .description = "A Folder of favorites",
      .icon = "IconFolder",
      .system = true,
      .label_identifier = "id",
      .fields =
          {
              {.name = "position",
               .type = ft::number,
               .label = "Position",
               .description = "Favorite folder position",
               .icon = "IconList",
               .nullable = false,
               .system = true,
               .default_value = R"(0)"},
              {.name = "name",
               .type = ft::text,
               .label = "Name",
               .description = "Name of the favorite folder",
               .icon = "IconText",
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
              {.name = "favorites",
               .type = ft::relation,
               .label = "Favorites",
               .description = "Favorites in this folder",
               .icon = "IconHeart",
               .system = true,
               .relation = relation_def{rt::one_to_many, "favorite", "favoriteFolder"}},
          },
  };
}

}  // namespace cohort::model::standard
