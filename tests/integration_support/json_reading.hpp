// Reading a JSON answer in a test: the string at a JSON pointer, with a test failure that shows
// the whole answer when it is not there.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>
#include <string_view>

namespace cohort::testing {

// The string at `pointer` ("/data/signUp/id"); "" and a test failure when there is none.
inline std::string text_at(const boost::json::value& v, std::string_view pointer) {
  boost::system::error_code ec;
  const auto* found = v.find_pointer(pointer, ec);
  if (!found || !found->is_string()) {
    ADD_FAILURE() << pointer << " not in " << boost::json::serialize(v);
    return "";
  }
  return std::string(found->as_string());
}

// The string at `pointer`, or `fallback` without a test failure (for answers that may be refusals).
inline std::string text_or(const boost::json::value& v, std::string_view pointer,
                           std::string fallback = "") {
  boost::system::error_code ec;
  const auto* found = v.find_pointer(pointer, ec);
  return found && found->is_string() ? std::string(found->as_string()) : fallback;
}

}  // namespace cohort::testing
