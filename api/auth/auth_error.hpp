// Errors of the auth primitives as values: Twenty's AuthExceptionCode and its exact message, so the
// HTTP/GraphQL layer can render `{message, extensions: {code, subCode}}` exactly like Twenty.
// result<T> carries either a value or such an error; nothing here throws across the API.
#pragma once

#include <cassert>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace cohort::api::auth {

// The subset of Twenty's AuthExceptionCode these primitives can produce.
enum class auth_error_code {
  unauthenticated,         // bad, expired or unreadable token
  invalid_jwt_token_type,  // a token whose type cannot be used here
  invalid_input,           // e.g. "Password too weak"
  forbidden_exception,     // e.g. "Wrong password"
  internal_server_error,   // a library failed (out of memory in argon2, ...)
};

struct auth_error {
  auth_error_code code;
  std::string message;  // Twenty's text, e.g. "Token has expired."
};

// Twenty's AuthExceptionCode name ("UNAUTHENTICATED", "INVALID_JWT_TOKEN_TYPE", ...), used as
// `extensions.subCode`.
std::string_view auth_error_code_name(auth_error_code code);

// The GraphQL `extensions.code` Twenty maps the AuthExceptionCode to ("UNAUTHENTICATED",
// "FORBIDDEN", "BAD_USER_INPUT", "INTERNAL_SERVER_ERROR").
std::string_view graphql_error_code(auth_error_code code);

template <typename T>
class result {
 public:
  result(T value) : v_(std::move(value)) {}
  result(auth_error error) : v_(std::move(error)) {}

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & {
    assert(ok());
    return std::get<0>(v_);
  }
  const T& value() const& {
    assert(ok());
    return std::get<0>(v_);
  }
  T&& value() && {
    assert(ok());
    return std::get<0>(std::move(v_));
  }
  const auth_error& error() const {
    assert(!ok());
    return std::get<1>(v_);
  }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, auth_error> v_;
};

}  // namespace cohort::api::auth
