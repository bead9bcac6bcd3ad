// `cohort serve`: start the node, wait for SIGINT or SIGTERM, stop it gracefully.
#include <csignal>
#include <iostream>

#include <spdlog/spdlog.h>

#include "runtime/exit_codes.hpp"
#include "runtime/node.hpp"
#include "runtime/verbs.hpp"
#include "runtime/version.hpp"

namespace cohort::runtime {

namespace {

// Blocks the stop signals in this thread before any other thread starts, so every thread
// inherits the mask and only sigwait() below receives them.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

}  // namespace

int run_serve(const config::settings& settings) {
  sigset_t stop_signals = block_stop_signals();
  std::signal(SIGPIPE, SIG_IGN);
  node n(settings);
  bool config_problem = false;
  if (auto failure = n.start(config_problem)) {
    std::cerr << "cohort: " << *failure << "\n";
    n.stop();
    return config_problem ? exit_config : exit_failure;
  }
  spdlog::info("Cohort {} (Twenty API {}) listening on http://localhost:{}", version,
               twenty_api_version, n.http_port());
  int sig = 0;
  sigwait(&stop_signals, &sig);
  spdlog::info("received {}, shutting down", sig == SIGINT ? "SIGINT" : "SIGTERM");
  n.stop();
  spdlog::info("stopped");
  return exit_ok;
}

int run_version(const config::settings&) {
  std::cout << "cohort " << version << " (Twenty API " << twenty_api_version << ")\n";
  return exit_ok;
}

}  // namespace cohort::runtime
