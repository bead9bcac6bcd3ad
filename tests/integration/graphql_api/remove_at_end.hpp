// The shared demo workspace is read by other tests (counts, position order): a test removes the
// records it makes when it ends, pass or fail, with the statements it lists here.
#pragma once

#include <string>
#include <vector>

#include "demo_server.hpp"

namespace cohort::testing {

struct remove_at_end {
  std::vector<std::string> statements;  // "{s}" stands for the demo workspace's schema
  ~remove_at_end() {
    for (const auto& s : statements) demo_server::shared().sql(s);
  }
};

}  // namespace cohort::testing
