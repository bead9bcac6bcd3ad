// The shared demo workspace is read by other tests (counts, position order): a test removes the
// records it makes when it ends, pass or fail, with the statements it lists here.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "demo_server.hpp"

namespace cohort::testing {

struct remove_at_end {
  std::vector<std::string> statements;  // "{s}" stands for the demo workspace's schema
  ~remove_at_end() {
    for (const auto& s : statements) {
      // The event consumers (timeline) write to the same rows in the background, so a statement
      // can lose a deadlock: try again. One that still fails leaves rows that break other tests'
      // counts: say so here.
      auto r = demo_server::shared().sql(s);
      for (int attempt = 1; !r.ok() && attempt < 5; ++attempt) r = demo_server::shared().sql(s);
      if (!r.ok()) ADD_FAILURE() << s << ": " << r.error().message;
    }
  }
};

}  // namespace cohort::testing
