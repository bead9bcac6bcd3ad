// The sample companies and people every new Twenty 1.6.0 workspace is prefilled with (created by
// SYSTEM), as CreateInputs: Airbnb, Anthropic, Stripe, Figma, Notion and one founder of each.
// Ids are derived from the workspace id so that seeds can be re-created identically.
#pragma once

#include <string_view>

#include "runtime/seed/seed_plan.hpp"

namespace cohort::runtime::seed {

std::vector<seed_records> sample_records(std::string_view workspace_id);

}  // namespace cohort::runtime::seed
