#include "runtime/database.hpp"

namespace cohort::runtime {

struct database::impl {};

database::database() : impl_(std::make_unique<impl>()) {}
database::~database() {
  close();
}

std::optional<std::string> database::open(const config::settings&, bool& config_problem) {
  config_problem = false;
  return std::nullopt;
}

void database::close() {}

void database::add_health_checks(api::health_checks& health) {
  health.add("database", [](auto done) { done(std::string("not connected")); });
}

void database::register_metrics(api::http::metrics_registry&) {}

}  // namespace cohort::runtime
