// spdlog set-up: one line per event, human-readable or JSON (LOG_FORMAT=json), on stderr.
#pragma once

#include "config/settings.hpp"

namespace cohort::runtime {

void setup_logging(const config::settings& settings);

}  // namespace cohort::runtime
