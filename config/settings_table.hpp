// The table of every setting: environment name, flag, default, meaning and parser. It drives
// loading, `--help` and the configuration table in the README (`cohort help settings`).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/settings.hpp"

namespace cohort::config {

struct setting_spec {
  std::string env;           // NODE_PORT
  std::string flag;          // --port (empty: environment only)
  std::string default_text;  // as shown in help
  std::string meaning;       // one line
  // Stores the parsed value, or returns what was expected.
  std::function<std::optional<std::string>(settings&, std::string_view)> apply;
};

const std::vector<setting_spec>& settings_table();

// Text for `--help`: one block per setting.
std::string settings_help();

// The README's configuration table rows (`cohort help settings`).
std::string settings_markdown();

}  // namespace cohort::config
