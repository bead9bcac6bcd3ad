// The REST view tests' server: two workspaces made through sign-up (each with its default
// views), and helpers to call /rest/metadata with a workspace's token and read JSON answers.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <string>

#include "integration/tokens/two_workspaces.hpp"

namespace cohort::testing {

struct json_answer {
  unsigned status = 0;
  boost::json::value body;  // null when not JSON
  std::string text;
};

inline two_workspaces& views_env() {
  static auto* instance = new two_workspaces("rest_views");
  return *instance;
}

inline json_answer rest_call(const std::string& method, const std::string& target,
                             const std::string& body, const std::string& bearer) {
  auto res = views_env().call(method, target, body, bearer);
  json_answer out{res.status, nullptr, res.body};
  boost::system::error_code ec;
  out.body = boost::json::parse(res.body, ec);
  if (ec) out.body = nullptr;
  return out;
}

// A call as workspace A's member.
inline json_answer rest_a(const std::string& method, const std::string& target,
                          const std::string& body = {}) {
  return rest_call(method, target, body, views_env().a.access);
}

// Twenty's REST error body.
inline boost::json::value rest_error_body(unsigned status, const char* error,
                                          const std::string& message) {
  return boost::json::object{{"statusCode", status},
                             {"error", error},
                             {"messages", boost::json::array{boost::json::value(message)}}};
}

inline void expect_error(const json_answer& res, unsigned status, const char* error,
                         const std::string& message) {
  EXPECT_EQ(res.status, status) << res.text;
  EXPECT_EQ(res.body, rest_error_body(status, error, message)) << res.text;
}

// The id of object `name_singular` in the workspace of `bearer` (A's by default), from
// /rest/metadata/objects.
inline std::string object_id_of(const std::string& name_singular, std::string bearer = {}) {
  if (bearer.empty()) bearer = views_env().a.access;
  auto objects = rest_call("GET", "/rest/metadata/objects", "", bearer);
  for (const auto& o : objects.body.at("data").at("objects").as_array()) {
    if (o.at("nameSingular").as_string() == name_singular) return text_or(o, "/id");
  }
  ADD_FAILURE() << "no object " << name_singular << ": " << objects.text;
  return {};
}

// A field id of that object, by field name.
inline std::string field_id_of(const std::string& name_singular, const std::string& field,
                               std::string bearer = {}) {
  if (bearer.empty()) bearer = views_env().a.access;
  auto object =
      rest_call("GET", "/rest/metadata/objects/" + object_id_of(name_singular, bearer), "", bearer);
  for (const auto& f : object.body.at("data").at("object").at("fields").as_array()) {
    if (f.at("name").as_string() == field) return text_or(f, "/id");
  }
  ADD_FAILURE() << "no field " << field << " on " << name_singular;
  return {};
}

}  // namespace cohort::testing
