// The outcome of coercing one value (scalar serialize / parse-value / parse-literal, enum values):
// the coerced value, or the message graphql-js would have thrown as a GraphQLError.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <type_traits>
#include <utility>

namespace cohort::graphql::type {

class coercion_result {
 public:
  // Success; implicit so that coercion functions can `return value;`.
  coercion_result(boost::json::value value) : value_(std::move(value)) {}
  template <class T>
  requires(std::is_constructible_v<boost::json::value, T> &&
           !std::is_same_v<std::decay_t<T>, boost::json::value> &&
           !std::is_same_v<std::decay_t<T>, coercion_result>) coercion_result(T&& value)
      : value_(std::forward<T>(value)) {}

  static coercion_result error(std::string message) {
    coercion_result r{boost::json::value()};
    r.error_ = std::move(message);
    r.failed_ = true;
    return r;
  }

  bool ok() const { return !failed_; }
  explicit operator bool() const { return !failed_; }
  const boost::json::value& value() const& { return value_; }
  boost::json::value&& value() && { return std::move(value_); }
  const std::string& error_message() const { return error_; }

 private:
  boost::json::value value_;
  std::string error_;
  bool failed_ = false;
};

}  // namespace cohort::graphql::type
