// The verbs of the command line, each a function of the loaded settings returning an exit status.
#pragma once

#include "config/settings.hpp"

namespace cohort::runtime {

int run_serve(const config::settings& settings);
int run_migrate(const config::settings& settings);
int run_version(const config::settings& settings);

}  // namespace cohort::runtime
