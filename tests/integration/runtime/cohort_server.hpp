// Starts the real `cohort` binary as a child process on a free loopback port, with its own data
// directory, and waits until /healthz answers. Integration tests talk to it over HTTP.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fixtures/process.hpp"
#include "fixtures/raw_client.hpp"
#include "fixtures/temp_dir.hpp"

namespace cohort::testing {

class cohort_server {
 public:
  struct options {
    std::vector<std::string> args;           // after `cohort serve`
    std::map<std::string, std::string> env;  // added to the environment
    std::optional<std::string> data_dir;     // default: one shared by the binary's servers
  };

  explicit cohort_server(options opts);
  ~cohort_server();

  // Waits until GET /healthz answers 200; false when the process exited or time ran out.
  bool wait_ready(std::chrono::milliseconds timeout = std::chrono::seconds(20));

  std::uint16_t port() const { return port_; }
  const std::string& data_dir() const { return data_dir_; }
  process& proc() { return *proc_; }
  std::optional<raw_response> get(const std::string& target);

 private:
  std::string data_dir_;
  std::uint16_t port_ = 0;
  std::unique_ptr<process> proc_;
};

// Runs `cohort <args...>` to completion; returns the exit status and the captured output.
struct finished_run {
  int status = -1;
  std::string out, err;
};
finished_run run_cohort(std::vector<std::string> args, std::map<std::string, std::string> env = {},
                        std::chrono::milliseconds timeout = std::chrono::seconds(30));

}  // namespace cohort::testing
