// One Cohort node: its database connection, its actor system with the supervision tree
// (HTTP gateway, API actors, workspace registry, job supervisor, event bus) and the order in
// which they start and stop.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "config/settings.hpp"

namespace cohort::runtime {

class node {
 public:
  explicit node(config::settings settings);
  ~node();
  node(const node&) = delete;
  node& operator=(const node&) = delete;

  // Starts everything; returns a one-line reason when the node cannot start. `config_problem`
  // is set when the reason is the configuration (exit status 2), not a run-time failure.
  std::optional<std::string> start(bool& config_problem);

  // Drains HTTP, stops actors, closes the database; safe to call more than once.
  void stop();

  std::uint16_t http_port() const;

 private:
  struct parts;
  config::settings settings_;
  std::unique_ptr<parts> parts_;
};

}  // namespace cohort::runtime
