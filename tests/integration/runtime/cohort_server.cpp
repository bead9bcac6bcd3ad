#include "cohort_server.hpp"

#include <thread>

namespace cohort::testing {

cohort_server::cohort_server(options opts) {
  if (opts.data_dir) {
    data_dir_ = *opts.data_dir;
  } else {
    // Servers of one test binary run one after another and share a data directory, so only the
    // first pays for initdb.
    static temp_dir shared("cohort-e2e");
    data_dir_ = (shared.path() / "data").string();
  }
  port_ = static_cast<std::uint16_t>(free_loopback_port());
  process_options p;
  p.args = {COHORT_BINARY, "serve", "--port", std::to_string(port_), "--data-dir", data_dir_};
  p.args.insert(p.args.end(), opts.args.begin(), opts.args.end());
  p.env = opts.env;
  p.unset_env = {"PG_DATABASE_URL", "NODE_PORT", "COHORT_DATA_DIR", "REDIS_URL"};
  for (const auto& [k, v] : opts.env) std::erase(p.unset_env, k);
  proc_ = std::make_unique<process>(p);
}

cohort_server::~cohort_server() {
  if (proc_ && proc_->running()) proc_->stop(SIGTERM, std::chrono::seconds(15));
}

bool cohort_server::wait_ready(std::chrono::milliseconds timeout) {
  auto until = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < until) {
    if (!proc_->running()) return false;
    if (auto r = get("/healthz"); r && r->status == 200) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

std::optional<raw_response> cohort_server::get(const std::string& target) {
  raw_client client(port_);
  if (!client.connected() || !client.send(http_get(target))) return std::nullopt;
  return client.read_response(std::chrono::seconds(10));
}

finished_run run_cohort(std::vector<std::string> args, std::map<std::string, std::string> env,
                        std::chrono::milliseconds timeout) {
  process_options p;
  p.args = {COHORT_BINARY};
  p.args.insert(p.args.end(), args.begin(), args.end());
  p.env = std::move(env);
  p.unset_env = {"PG_DATABASE_URL", "NODE_PORT", "COHORT_DATA_DIR", "REDIS_URL"};
  for (const auto& [k, v] : p.env) std::erase(p.unset_env, k);
  process proc(p);
  finished_run run;
  auto status = proc.wait(timeout);
  run.status = status ? *status : proc.stop(SIGKILL);
  run.out = proc.out();
  run.err = proc.err();
  return run;
}

}  // namespace cohort::testing
