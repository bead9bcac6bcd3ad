// spdlog set-up: one line per event, human-readable or JSON (LOG_FORMAT=json), on stdout.
// stderr is kept for the one line that explains why Cohort could not start.
#pragma once

#include "config/settings.hpp"

namespace cohort::runtime {

void setup_logging(const config::settings& settings);

}  // namespace cohort::runtime
