// Health indicators in Twenty's shape (NestJS Terminus): GET /healthz answers
// {"status":"ok","info":{},"error":{},"details":{}}; GET /healthz/<indicator> runs that check and
// answers 200 with it "up", 503 with it "down", or 400 for an unknown indicator.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>

#include "api/http/message.hpp"

namespace cohort::api {

// Runs one check without blocking; calls back (from any thread) with nothing when healthy or
// with the reason it is not.
using health_probe =
    std::function<void(std::function<void(std::optional<std::string> failure)> done)>;

class health_checks {
 public:
  void add(std::string indicator, health_probe probe);
  // Answers GET /healthz (empty indicator) or GET /healthz/<indicator>.
  void answer(const std::string& indicator, http::responder done) const;

 private:
  std::map<std::string, health_probe> probes_;
};

}  // namespace cohort::api
