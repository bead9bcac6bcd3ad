// One `cohort serve --seed demo` for the REST tests (integration_support/demo_workspace): calls
// with the demo token, rows checked in SQL.
#pragma once

#include <string>

#include "integration_support/demo_workspace.hpp"

namespace cohort::testing {

using rest_answer = http_answer;

struct rest_server : demo_workspace {
  using demo_workspace::demo_workspace;
  static rest_server& shared();

  rest_answer get(const std::string& target) { return call("GET", target); }
};

}  // namespace cohort::testing
