// The sample companies and people every new Twenty 1.6.0 workspace is prefilled with (created by
// SYSTEM), as CreateInputs: Airbnb, Anthropic, Stripe, Figma, Notion and one founder of each.
// The companies carry Twenty's fixed sample ids (the same in every workspace, as Twenty's); the
// people's ids are derived from the workspace id so that seeds can be re-created identically.
#pragma once

#include <string>
#include <string_view>

#include "runtime/seed/seed_plan.hpp"

namespace cohort::runtime::seed {

std::vector<seed_records> sample_records(std::string_view workspace_id);

// The fixed id of a sample company by name ("Airbnb"); empty for another name.
std::string sample_company_id(std::string_view name);

}  // namespace cohort::runtime::seed
