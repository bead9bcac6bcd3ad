// What the operator verbs that work on the database (`jobs`, `workspace`) share: opening it the
// way `serve` does (migrations applied) around the verb's work, and refusing a malformed command
// in one line with exit status 2.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime {

// Runs `work` on an open database and closes it; when it cannot open, says why on stderr and
// answers exit_config or exit_failure.
int with_database(const config::settings& settings,
                  const std::function<int(storage::pg::pool&)>& work);

// `cohort: invalid <verb> command "<args>": <usage>` on stderr; answers exit_config.
int invalid_command(const std::string& verb, const std::vector<std::string>& args,
                    const std::string& usage);

}  // namespace cohort::runtime
