// An error of an execution response as graphql-js formats it (GraphQLError.toJSON): message,
// source locations, response path and extensions, in that key order. Resolvers report
// `field_error`s (message and extensions such as {"code": "NOT_FOUND"}); the executor adds the
// locations and path of the field.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>
#include <string>
#include <vector>

#include "graphql/language/source_location.hpp"

namespace cohort::graphql::execution {

struct graphql_error {
  std::string message;
  std::vector<language::source_location> locations;
  boost::json::array path;  // strings and indices; empty when the error has no path
  boost::json::object extensions;
};

// What a resolver answers instead of a value.
struct field_error {
  std::string message;
  boost::json::object extensions;

  field_error() = default;
  explicit field_error(std::string text, boost::json::object ext = {})
      : message(std::move(text)), extensions(std::move(ext)) {}
  // A Twenty-style error: {"code": code}.
  static field_error with_code(std::string text, std::string_view code) {
    boost::json::object ext;
    ext["code"] = code;
    return field_error(std::move(text), std::move(ext));
  }
};

}  // namespace cohort::graphql::execution
