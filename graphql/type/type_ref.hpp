// A reference to a type as fields, arguments and variables use it: a named type wrapped in any
// number of List and Non-Null layers ("[String!]!"). A small value type: copying and comparing it
// is as cheap as comparing two integers, which validation and execution do per selection.
#pragma once

#include <cstdint>
#include <string>

namespace cohort::graphql::type {

class named_type;

class type_ref {
 public:
  // Lists nest at most this deep (a deeper variable type is rejected by whoever builds it).
  static constexpr int max_list_depth = 62;

  type_ref() = default;
  explicit type_ref(const named_type* named) : named_(named) {}

  static type_ref list_of(type_ref item);
  // Wraps `inner` in Non-Null; wrapping a Non-Null again changes nothing.
  static type_ref non_null_of(type_ref inner);

  bool empty() const { return named_ == nullptr; }
  const named_type* named() const { return named_; }
  bool is_non_null() const { return (non_null_ & 1) != 0; }
  bool is_list() const { return !is_non_null() && list_depth_ > 0; }
  bool is_named() const { return !is_non_null() && list_depth_ == 0; }
  int list_depth() const { return list_depth_; }

  // The type inside the outermost wrapper (graphql-js `ofType`); the same type when named.
  type_ref of_type() const;
  // The type without its outer Non-Null, if any (graphql-js `getNullableType`).
  type_ref nullable() const;

  bool is_input_type() const;
  bool is_output_type() const;

  // "[String!]!"
  std::string to_string() const;

  friend bool operator==(const type_ref& a, const type_ref& b) {
    return a.named_ == b.named_ && a.non_null_ == b.non_null_ && a.list_depth_ == b.list_depth_;
  }

 private:
  const named_type* named_ = nullptr;
  // Bit i: level i is Non-Null; level 0 is the outermost, level list_depth_ the named type.
  std::uint64_t non_null_ = 0;
  std::uint8_t list_depth_ = 0;
};

}  // namespace cohort::graphql::type
