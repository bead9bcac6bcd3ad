#include "runtime/operator_command.hpp"

#include <iostream>

#include "runtime/database.hpp"
#include "runtime/exit_codes.hpp"

namespace cohort::runtime {

int with_database(const config::settings& settings,
                  const std::function<int(storage::pg::pool&)>& work) {
  database db;
  bool config_problem = false;
  if (auto failure = db.open(settings, config_problem)) {
    std::cerr << "cohort: " << *failure << "\n";
    return config_problem ? exit_config : exit_failure;
  }
  int status = work(*db.pool());
  db.close();
  return status;
}

int invalid_command(const std::string& verb, const std::vector<std::string>& args,
                    const std::string& usage) {
  std::cerr << "cohort: invalid " << verb << " command \"";
  for (std::size_t i = 0; i < args.size(); ++i) std::cerr << (i ? " " : "") << args[i];
  std::cerr << "\": " << usage << "\n";
  return exit_config;
}

}  // namespace cohort::runtime
