#include "runtime/cli.hpp"

#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include "config/settings.hpp"
#include "config/settings_table.hpp"
#include "runtime/exit_codes.hpp"
#include "runtime/logging.hpp"
#include "runtime/verbs.hpp"
#include "runtime/version.hpp"

namespace cohort::runtime {

namespace {

struct verb {
  const char* name;
  const char* summary;
  int (*run)(const config::settings&);
  // Verbs that take words and flags of their own (`jobs retry 7`, `workspace delete <id> --hard`).
  int (*run_with_args)(const config::settings&, const std::vector<std::string>&) = nullptr;
  std::vector<std::string> own_flags = {};
};

const std::vector<verb>& verbs() {
  static const std::vector<verb> all = {
      {"serve", "run the server (the default verb)", run_serve},
      {"migrate", "apply pending core schema migrations and exit", run_migrate},
      {"version", "print the version and exit", run_version},
      {"jobs", "dead jobs: `jobs list`, `jobs retry <id>`, `jobs purge`", nullptr, run_jobs},
      {"workspace",
       "`workspace delete <id>` soft-deletes a workspace; with --hard, queues its hard deletion "
       "and waits for it (--no-wait: just queue it)",
       nullptr,
       run_workspace,
       {"--hard", "--no-wait"}},
  };
  return all;
}

void print_usage(std::ostream& out) {
  out << "usage: cohort [verb] [flags]\n\nverbs:\n";
  for (const auto& v : verbs())
    out << "  " << v.name << std::string(10 - std::string(v.name).size(), ' ') << v.summary << "\n";
  out << "  help      show this text (`help settings`: the settings as a Markdown table)\n\nRun "
         "`cohort <verb> --help` for the settings a verb reads.\n";
}

void print_verb_help(const verb& v, std::ostream& out) {
  out << "usage: cohort " << v.name << " [flags]\n\n" << v.summary << ".\n";
  if (std::string(v.name) == "version") return;
  out << "\nSettings (environment variable, flag; flags override the environment):\n"
      << config::settings_help();
}

}  // namespace

int run_cli(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::string verb_name = "serve";
  if (!args.empty() && args[0].rfind("-", 0) != 0) {
    verb_name = args[0];
    args.erase(args.begin());
  }
  if (verb_name == "help") {
    if (!args.empty() && args[0] == "settings") {
      std::cout << config::settings_markdown();
      return exit_ok;
    }
    print_usage(std::cout);
    return exit_ok;
  }
  const verb* chosen = nullptr;
  for (const auto& v : verbs())
    if (verb_name == v.name) chosen = &v;
  if (!chosen) {
    std::cerr << "cohort: unknown verb \"" << verb_name
              << "\": expected serve, migrate, version or help\n";
    return exit_config;
  }
  // A verb's own flags are not settings: set them aside before the settings are read.
  std::vector<std::string> own;
  std::erase_if(args, [&](const std::string& a) {
    for (const auto& f : chosen->own_flags)
      if (a == f) {
        own.push_back(a);
        return true;
      }
    return false;
  });
  auto loaded = config::load_settings(args, config::process_environment());
  if (loaded.help) {
    print_verb_help(*chosen, std::cout);
    return exit_ok;
  }
  if (loaded.error) {
    std::cerr << "cohort: " << loaded.error->what() << "\n";
    return exit_config;
  }
  if (chosen->run_with_args) {
    auto words = loaded.positional;
    words.insert(words.end(), own.begin(), own.end());
    return chosen->run_with_args(*loaded.value, words);
  }
  if (!loaded.positional.empty()) {
    std::cerr << "cohort: unexpected argument \"" << loaded.positional.front()
              << "\": expected flags only (see cohort " << chosen->name << " --help)\n";
    return exit_config;
  }
  setup_logging(*loaded.value);
  return chosen->run(*loaded.value);
}

}  // namespace cohort::runtime
