// The composite field types every record schema carries, whichever fields use them (FullName,
// Emails, Phones, Links, Address, Currency, Actor, RichTextV2): the output type and its create,
// update, filter, order-by and group-by inputs, plus ActorSourceEnum and its filter.
#pragma once

#include "actors/workspace/schema/type_registry.hpp"

namespace cohort::actors::workspace_schema {

void add_composite_types(type_registry& types);

}  // namespace cohort::actors::workspace_schema
