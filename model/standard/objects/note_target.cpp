// Standard object `noteTarget`, declared once, as data.
// Taken from the metadata of a Twenty 1.6.0 workspace (spec/twenty-golden); fields in the order
// of the GraphQL object type.
#include "model/standard/standard_object_def.hpp"

namespace cohort::model::standard {

using ft = field_type;
using rt = relation_type;
using od = on_delete_action;

object_def note_target_object() {
  return {
      .name_singular = "noteTarget",
      .name_plural = "noteTargets",
      .label_singular = "Note Target",
      .label_plural = "Note Targets",
      .description = "A note target",
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
              {.name = "note",
               .type = ft::relation,
               .label = "Note",
               .description = "NoteTarget note",
               .icon = "IconNotes",
               .system = true,
               .relation = relation_def{rt::many_to_one, "note", "noteTargets", od::cascade}},
              {.name = "person",
               .type = ft::relation,
               .label = "Person",
               .description = "NoteTarget person",
               .icon = "IconUser",
               .system = true,
               .relation = relation_def{rt::many_to_one, "person", "noteTargets", od::cascade}},
              {.name = "company",
               .type = ft::relation,
               .label = "Company",
               .description = "NoteTarget company",
               .icon = "IconBuildingSkyscraper",
               .system = true,
               .relation = relation_def{rt::many_to_one, "company", "noteTargets", od::cascade}},
              {.name = "opportunity",
               .type = ft::relation,
               .label = "Opportunity",
               .description = "NoteTarget opportunity",
               .icon = "IconTargetArrow",
               .system = true,
               .relation =
                   relation_def{rt::many_to_one, "opportunity", "noteTargets", od::cascade}},
          },
  };
}

}  // namespace cohort::model::standard
