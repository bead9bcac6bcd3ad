// Process exit statuses of every verb.
#pragma once

namespace cohort::runtime {

constexpr int exit_ok = 0;
constexpr int exit_failure = 1;  // something went wrong while running
constexpr int exit_config = 2;   // invalid configuration or usage; one line on stderr says which

}  // namespace cohort::runtime
