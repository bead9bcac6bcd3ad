// Internal state of one execution: the result tree being filled, the queue of completions that
// arrived while another thread was driving, and the caches (sub-selections, arguments). Only the
// driving thread touches anything but the queue. Not a public header.
#pragma once

#include <atomic>
#include <boost/json/value.hpp>
#include <deque>
#include <memory_resource>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "graphql/execution/execute.hpp"

namespace cohort::graphql::execution::detail {

struct result_node;

struct slot {
  enum class kind : std::uint8_t { unset, omitted, null, leaf, node, trusted, raw };
  kind k = kind::unset;
  bool errored = false;  // graphql-js CollectedErrors: an error was recorded at this position
  boost::json::value leaf;
  result_node* child = nullptr;
  const boost::json::value* trusted = nullptr;
  const std::string* raw = nullptr;  // raw: finished JSON text, held by its field_task
};

struct result_node {
  explicit result_node(std::pmr::memory_resource* memory) : slots(memory) {}
  result_node* parent = nullptr;
  std::uint32_t parent_slot = 0;
  bool is_list = false;
  bool failed = false;  // nulled by a non-null error below it
  const selection* sel = nullptr;
  type::type_ref item_type;
  std::pmr::vector<slot> slots;  // from the request's pool: freed at once with the request
};

// A value the introspection resolvers work on.
struct intro_ref {
  enum class kind : std::uint8_t { none, schema, type, field, input_value, enum_value, directive };
  kind k = kind::none;
  const void* ptr = nullptr;
  type::type_ref type;
};

enum class value_mode : std::uint8_t { normal, shaped, trusted };

struct source {
  const boost::json::value* json = nullptr;
  intro_ref intro;
  value_mode mode = value_mode::normal;
};

// A resolved value before completion.
struct resolved {
  const boost::json::value* json = nullptr;  // nullptr: undefined
  value_mode mode = value_mode::normal;
  intro_ref intro;
  const std::vector<intro_ref>* intro_list = nullptr;

  bool is_null() const {
    return intro.k == intro_ref::kind::none && intro_list == nullptr &&
           (json == nullptr || json->is_null());
  }
};

enum task_state : int { calling = 0, waiting = 1, done_inline = 2 };
enum completion_kind : int { value_normal = 0, value_shaped, value_trusted, value_raw, errors };

struct field_task {
  result_node* node = nullptr;
  std::uint32_t index = 0;
  const type::object_type* parent_type = nullptr;
  const selected_field* field = nullptr;
  const boost::json::value* parent = nullptr;
  resolve_info info;
  std::atomic<int> state{calling};
  int kind = value_normal;
  boost::json::value value;
  std::string raw;  // value_raw: the JSON text (stable: tasks live in a deque)
  std::vector<field_error> errors;
  bool dropped = false;  // completed by the completion's destructor
};

struct selection_key_hash {
  std::size_t operator()(const std::pair<const void*, const void*>& k) const {
    return std::hash<const void*>()(k.first) * 31 + std::hash<const void*>()(k.second);
  }
};

struct request : std::enable_shared_from_this<request> {
  execution_request req;
  result_callback on_done;
  const language::operation_definition_node* operation = nullptr;
  boost::json::object variables;
  std::unordered_map<std::string_view, const language::fragment_definition_node*> fragments;
  const boost::json::object empty_args;
  const boost::json::value null_value;

  // Declared first: destroyed after everything that allocates from it.
  std::pmr::monotonic_buffer_resource pool{8192};
  result_node* root = nullptr;
  bool data_null = false;  // a non-null root field failed (or root collection failed)
  bool root_errored = false;
  std::vector<graphql_error> errors;

  std::deque<result_node> nodes;
  std::deque<selection> selections;
  std::unordered_map<std::pair<const void*, const void*>, selection*, selection_key_hash>
      sub_selections;
  std::deque<field_task> tasks;
  std::deque<boost::json::value> held;
  std::deque<std::vector<intro_ref>> intro_lists;

  // Serial (mutation) root fields.
  bool serial = false;
  std::uint32_t next_root = 0;
  std::size_t pending = 0;
  bool started = false;
  bool finished = false;

  std::mutex queue_mutex;
  std::vector<field_task*> queue;
  bool driving = false;

  // --- executor.cpp ---
  void start();
  void drain();
  void enqueue(field_task* task);
  void advance();
  void finish();
  void execute_fields(result_node* node, const type::object_type& type, const source& src);
  void execute_field(result_node* node, std::uint32_t i, const type::object_type& type,
                     const source& src);
  void process(field_task& task);
  void complete(result_node* node, std::uint32_t i, type::type_ref type, const selected_field& f,
                const type::object_type& parent_type, const resolved& r, field_task* task);
  void complete_object(result_node* node, std::uint32_t i, const type::object_type& type,
                       const selected_field& f, const resolved& r,
                       const type::object_type& parent_type, field_task* task);
  void raise(result_node* node, std::uint32_t i, graphql_error error);
  void record(result_node* node, std::uint32_t i, graphql_error error);
  type::type_ref slot_type(const result_node* node, std::uint32_t i) const;
  boost::json::array path_of(const result_node* node, std::uint32_t i) const;
  graphql_error located(std::string message, const selected_field& f) const;
  const selection* collect_subfields(const type::object_type& type, const selected_field& f);
  void collect(const type::object_type& type, const language::selection_set_node& set,
               selection& out, std::vector<std::string_view>& visited);
  bool should_include(language::node_span<language::directive_node> directives,
                      std::optional<graphql_error>& error);
  bool fragment_matches(const language::named_type_node* condition,
                        const type::object_type& type) const;
  const argument_values_result& arguments_of(const selected_field& f);
  const boost::json::value* hold(boost::json::value v);
  const boost::json::value* root_value() const;
  // A resolve_info for resolveType / isTypeOf of a field with no resolver call of its own.
  field_task& info_task(result_node* node, std::uint32_t i, const selected_field& f,
                        const type::object_type& parent_type, field_task* task);

  // --- introspection_resolvers.cpp ---
  resolved resolve_introspection(const type::object_type& parent_type, const source& parent,
                                 const type::field_definition& def,
                                 const boost::json::object& args);

  // --- response_writer.cpp ---
  std::string write_response() const;
};

}  // namespace cohort::graphql::execution::detail
