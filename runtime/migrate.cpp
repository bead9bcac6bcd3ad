// `cohort migrate`: apply pending core schema migrations and exit.
#include <iostream>

#include "runtime/database.hpp"
#include "runtime/exit_codes.hpp"
#include "runtime/verbs.hpp"

namespace cohort::runtime {

int run_migrate(const config::settings& settings) {
  database db;
  bool config_problem = false;
  if (auto failure = db.open(settings, config_problem)) {
    std::cerr << "cohort: " << *failure << "\n";
    return config_problem ? exit_config : exit_failure;
  }
  db.close();
  return exit_ok;
}

}  // namespace cohort::runtime
