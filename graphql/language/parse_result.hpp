// Either what was parsed or the syntax error that stopped parsing; nothing is thrown.
#pragma once

#include <cassert>
#include <utility>
#include <variant>

#include "graphql/language/syntax_error.hpp"

namespace cohort::graphql::language {

template <class T>
class parse_result {
 public:
  parse_result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  parse_result(syntax_error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(state_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(state_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(state_));
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

  const syntax_error& error() const {
    assert(!ok());
    return std::get<1>(state_);
  }

 private:
  std::variant<T, syntax_error> state_;
};

}  // namespace cohort::graphql::language
