// Inside the compiler a client error unwinds the recursive descent as a query_failure; compile()
// catches it at its boundary and returns the record_error as a value.
#pragma once

#include <exception>

#include "storage/query/record_error.hpp"

namespace cohort::storage::query {

class query_failure : public std::exception {
 public:
  explicit query_failure(record_error error) : error_(std::move(error)) {}
  const record_error& error() const { return error_; }
  const char* what() const noexcept override { return error_.message.c_str(); }

 private:
  record_error error_;
};

[[noreturn]] inline void fail(record_error error) {
  throw query_failure(std::move(error));
}

}  // namespace cohort::storage::query
