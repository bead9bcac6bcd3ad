// The resolver API. A field resolver receives a `resolve_info` (parent value, coerced arguments,
// the field's merged sub-selection, path, variables, an opaque per-request context) and a
// `completion` it must call exactly once, now or later, from any thread, with a value or errors.
//
// Threading: execution never blocks and owns no thread. The thread that calls a completion
// continues the execution (completing the value, calling nested resolvers) unless another thread
// is already driving this request, in which case the completion is queued and that thread
// processes it before it lets go. A completion called inside the resolver call itself is processed
// as soon as the resolver returns, exactly like a synchronous graphql-js resolver.
//
// Resolvers come from a field definition's `ext` (a `resolver_extension`) or from a
// `resolver_map` passed to execute (for schemas built elsewhere, e.g. build_client_schema); a field
// with neither reads `parent[field name]` (graphql-js defaultFieldResolver).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "graphql/execution/error.hpp"
#include "graphql/execution/selection.hpp"
#include "graphql/language/document.hpp"
#include "graphql/type/schema.hpp"

namespace cohort::graphql::execution {

namespace detail {
struct request;
struct field_task;
}  // namespace detail

// What a resolver may read. Everything it returns by reference stays valid until the completion
// has been called. sub_selection / selection_of / arguments_of fill per-request caches: call them
// during the resolver call (on the driving thread), e.g. to build the SQL, not from another thread.
class resolve_info {
 public:
  // The parent object's value (graphql-js `source`); null for the root unless a root value is set.
  const boost::json::value& parent() const;
  // Coerced arguments, in the field definition's order.
  const boost::json::object& args() const;
  const type::field_definition& field() const;
  std::string_view field_name() const;
  std::string_view response_key() const;
  const type::object_type& parent_type() const;
  type::type_ref return_type() const;
  std::span<const language::field_node* const> field_nodes() const;
  // The response path: ["people", "edges", 0, "node"].
  boost::json::array path() const;
  const boost::json::object& variables() const;
  void* context() const;
  const type::schema& schema() const;
  const language::document& document() const;
  const language::operation_definition_node& operation() const;

  // The merged sub-selection of this field for an object type: the return type when it is an
  // object (pass nullptr), else one of its possible types. nullptr for a leaf field.
  const selection* sub_selection(const type::object_type* runtime_type = nullptr) const;
  // The same one level down, for a field of a selection this resolver walks.
  const selection* selection_of(const selected_field& field, const type::object_type& type) const;
  // The coerced arguments of such a field (or the error graphql-js would raise for them).
  const argument_values_result& arguments_of(const selected_field& field) const;

 private:
  friend struct detail::request;
  friend struct detail::field_task;
  resolve_info() = default;
  detail::request* req_ = nullptr;
  detail::field_task* task_ = nullptr;
};

// Exactly one of the calls below, once; later calls are ignored. Destroying a completion that was
// never called fails the field with "Resolver did not complete.".
class completion {
 public:
  completion(completion&& other) noexcept;
  // Assigning over a pending completion fails that one first.
  completion& operator=(completion&& other) noexcept;
  completion(const completion&) = delete;
  ~completion();

  // A value completed through the type system: nested fields run their own resolvers (or read
  // properties of this value), leaves are serialized by their scalar or enum.
  void resolve(boost::json::value value);
  // A value already shaped for the whole sub-selection, keyed by response key (aliases): nested
  // fields read `value[response key]` and call no resolver; leaves are still serialized and
  // non-null is still enforced.
  void resolve_shaped(boost::json::value value);
  // A value written to the response as it is, unchecked: the caller guarantees it matches the
  // sub-selection (keys, order, non-null, serialized leaves).
  void resolve_trusted(boost::json::value value);
  // The field's whole value as finished JSON text (compact, keys in response order, leaves as
  // their scalars serialize them), copied into the response as it is: no DOM is built and nothing
  // below the field is completed. Only `null` is looked at: a null for a non-null field raises
  // the usual error. For answers whose producer vouches for every byte (the record resolvers'
  // statements PostgreSQL writes, when the binder found them safe).
  void resolve_raw(std::string json_text);
  void fail(field_error error);
  // Several errors for this field (the first one nulls it).
  void fail(std::vector<field_error> errors);

  // False once called.
  bool pending() const { return task_ != nullptr; }

 private:
  friend struct detail::request;
  completion(std::shared_ptr<detail::request> req, detail::field_task* task)
      : req_(std::move(req)), task_(task) {}
  void deliver(int kind, boost::json::value value, std::vector<field_error> errors,
               std::string raw = {});
  std::shared_ptr<detail::request> req_;
  detail::field_task* task_ = nullptr;
};

using field_resolver = std::function<void(resolve_info& info, completion done)>;

// The name of the object type an abstract value is (graphql-js resolveType); "" for none.
using type_resolver = std::function<std::string(
    const boost::json::value& value, const resolve_info& info, const type::named_type& abstract)>;
// graphql-js isTypeOf.
using is_type_of_fn =
    std::function<bool(const boost::json::value& value, const resolve_info& info)>;

// For field_definition::ext (schema_builder field_config::extend).
struct resolver_extension : type::extension {
  explicit resolver_extension(field_resolver r) : resolve(std::move(r)) {}
  field_resolver resolve;
};
// For an interface's or union's ext.
struct type_resolver_extension : type::extension {
  explicit type_resolver_extension(type_resolver r) : resolve_type(std::move(r)) {}
  type_resolver resolve_type;
};
// For an object type's ext.
struct is_type_of_extension : type::extension {
  explicit is_type_of_extension(is_type_of_fn f) : is_type_of(std::move(f)) {}
  is_type_of_fn is_type_of;
};

// Resolvers for a schema built without them, looked up in O(1) by type index and field position.
// Built once per schema, then shared read-only by every request.
class resolver_map {
 public:
  explicit resolver_map(std::shared_ptr<const type::schema> schema);

  // False when the type or field does not exist.
  bool set(std::string_view type_name, std::string_view field_name, field_resolver resolver);
  bool set_type_resolver(std::string_view abstract_type, type_resolver resolver);
  bool set_is_type_of(std::string_view object_type, is_type_of_fn fn);

  const field_resolver* find(const type::fields_type& type,
                             const type::field_definition& field) const;
  const type_resolver* find_type_resolver(const type::named_type& abstract) const;
  const is_type_of_fn* find_is_type_of(const type::object_type& type) const;
  const type::schema& schema() const { return *schema_; }

 private:
  struct per_type {
    std::vector<field_resolver> fields;
    type_resolver resolve_type;
    is_type_of_fn is_type_of;
  };
  std::shared_ptr<const type::schema> schema_;
  std::vector<per_type> types_;
};

}  // namespace cohort::graphql::execution
