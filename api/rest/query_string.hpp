// The query string of a REST call as Express hands it to Twenty: `name=value` pairs split on '&',
// '+' read as a space and percent escapes decoded. A repeated name keeps its first value.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::rest {

class query_string {
 public:
  explicit query_string(std::string_view raw);

  // The decoded value of `name`, or nullopt when absent.
  std::optional<std::string> get(std::string_view name) const;
  bool has(std::string_view name) const { return get(name).has_value(); }

 private:
  std::map<std::string, std::string, std::less<>> values_;
};

// Percent-decoding with '+' as a space; malformed escapes are kept as they are.
std::string form_decode(std::string_view text);

}  // namespace cohort::api::rest
