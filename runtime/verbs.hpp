// The verbs of the command line, each a function of the loaded settings returning an exit status.
#pragma once

#include <string>
#include <vector>

#include "config/settings.hpp"

namespace cohort::runtime {

int run_serve(const config::settings& settings);
int run_migrate(const config::settings& settings);
int run_version(const config::settings& settings);
// `cohort jobs list | retry <id> | purge` (runtime/jobs_verb.cpp): takes its positional arguments.
int run_jobs(const config::settings& settings, const std::vector<std::string>& args);
// `cohort workspace delete <id> [--hard] [--no-wait]` (runtime/workspace_verb.cpp).
int run_workspace(const config::settings& settings, const std::vector<std::string>& args);

}  // namespace cohort::runtime
