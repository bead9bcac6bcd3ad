// resolve_info accessors, completions (the only entry point other threads use) and resolver_map.
#include "graphql/execution/resolver.hpp"

#include <boost/json.hpp>

#include "graphql/execution/request.hpp"

namespace cohort::graphql::execution {

namespace json = boost::json;

const json::value& resolve_info::parent() const {
  return task_->parent ? *task_->parent : req_->null_value;
}
const json::object& resolve_info::args() const {
  return req_->arguments_of(*task_->field).values;
}
const type::field_definition& resolve_info::field() const {
  return *task_->field->definition;
}
std::string_view resolve_info::field_name() const {
  return task_->field->definition->name;
}
std::string_view resolve_info::response_key() const {
  return task_->field->response_key;
}
const type::object_type& resolve_info::parent_type() const {
  return *task_->parent_type;
}
type::type_ref resolve_info::return_type() const {
  return task_->field->definition->type;
}
std::span<const language::field_node* const> resolve_info::field_nodes() const {
  return task_->field->nodes;
}
json::array resolve_info::path() const {
  return req_->path_of(task_->node, task_->index);
}
const json::object& resolve_info::variables() const {
  return req_->variables;
}
void* resolve_info::context() const {
  return req_->req.context;
}
const type::schema& resolve_info::schema() const {
  return *req_->req.schema;
}
const language::document& resolve_info::document() const {
  return *req_->req.document;
}
const language::operation_definition_node& resolve_info::operation() const {
  return *req_->operation;
}

const selection* resolve_info::sub_selection(const type::object_type* runtime_type) const {
  const type::named_type* named = return_type().named();
  if (const auto* object = type::as_object(named))
    return req_->collect_subfields(*object, *task_->field);
  if (named->is_abstract_type() && runtime_type != nullptr &&
      req_->req.schema->is_sub_type(*named, *runtime_type)) {
    return req_->collect_subfields(*runtime_type, *task_->field);
  }
  return nullptr;
}

const selection* resolve_info::selection_of(const selected_field& field,
                                            const type::object_type& type) const {
  return req_->collect_subfields(type, field);
}

const argument_values_result& resolve_info::arguments_of(const selected_field& field) const {
  return req_->arguments_of(field);
}

completion::completion(completion&& other) noexcept
    : req_(std::move(other.req_)), task_(std::exchange(other.task_, nullptr)) {}

completion& completion::operator=(completion&& other) noexcept {
  if (this != &other) {
    if (task_ != nullptr) {
      task_->dropped = true;
      deliver(detail::errors, nullptr, {field_error("Resolver did not complete.")});
    }
    req_ = std::move(other.req_);
    task_ = std::exchange(other.task_, nullptr);
  }
  return *this;
}

completion::~completion() {
  if (task_ != nullptr) {
    task_->dropped = true;
    deliver(detail::errors, nullptr, {field_error("Resolver did not complete.")});
  }
}

void completion::resolve(json::value value) {
  deliver(detail::value_normal, std::move(value), {});
}
void completion::resolve_shaped(json::value value) {
  deliver(detail::value_shaped, std::move(value), {});
}
void completion::resolve_trusted(json::value value) {
  deliver(detail::value_trusted, std::move(value), {});
}
void completion::resolve_raw(std::string json_text) {
  deliver(detail::value_raw, nullptr, {}, std::move(json_text));
}
void completion::fail(field_error error) {
  std::vector<field_error> errors;
  errors.push_back(std::move(error));
  deliver(detail::errors, nullptr, std::move(errors));
}
void completion::fail(std::vector<field_error> errors) {
  deliver(detail::errors, nullptr, std::move(errors));
}

void completion::deliver(int kind, json::value value, std::vector<field_error> errors,
                         std::string raw) {
  if (task_ == nullptr) return;
  detail::field_task* task = std::exchange(task_, nullptr);
  task->kind = kind;
  task->value = std::move(value);
  task->errors = std::move(errors);
  task->raw = std::move(raw);
  int expected = detail::calling;
  if (task->state.compare_exchange_strong(expected, detail::done_inline,
                                          std::memory_order_acq_rel)) {
    req_.reset();  // the driver, still inside the resolver call, processes it on return
    return;
  }
  auto req = std::move(req_);
  req->enqueue(task);
}

resolver_map::resolver_map(std::shared_ptr<const type::schema> schema)
    : schema_(std::move(schema)), types_(schema_->types().size()) {}

bool resolver_map::set(std::string_view type_name, std::string_view field_name,
                       field_resolver resolver) {
  const auto* type = type::as_fields_type(schema_->type(type_name));
  if (type == nullptr) return false;
  const auto* field = type->field(field_name);
  if (field == nullptr) return false;
  auto& t = types_[type->index()];
  t.fields.resize(type->fields().size());
  t.fields[static_cast<std::size_t>(field - type->fields().data())] = std::move(resolver);
  return true;
}

bool resolver_map::set_type_resolver(std::string_view abstract_type, type_resolver resolver) {
  const auto* type = schema_->type(abstract_type);
  if (type == nullptr || !type->is_abstract_type()) return false;
  types_[type->index()].resolve_type = std::move(resolver);
  return true;
}

bool resolver_map::set_is_type_of(std::string_view object_type, is_type_of_fn fn) {
  const auto* type = type::as_object(schema_->type(object_type));
  if (type == nullptr) return false;
  types_[type->index()].is_type_of = std::move(fn);
  return true;
}

const field_resolver* resolver_map::find(const type::fields_type& type,
                                         const type::field_definition& field) const {
  if (type.index() >= types_.size()) return nullptr;
  const auto& t = types_[type.index()];
  auto fields = type.fields();
  if (&field < fields.data() || &field >= fields.data() + fields.size()) return nullptr;
  auto pos = static_cast<std::size_t>(&field - fields.data());
  if (pos >= t.fields.size() || !t.fields[pos]) return nullptr;
  return &t.fields[pos];
}

const type_resolver* resolver_map::find_type_resolver(const type::named_type& abstract) const {
  if (abstract.index() >= types_.size()) return nullptr;
  const auto& t = types_[abstract.index()];
  return t.resolve_type ? &t.resolve_type : nullptr;
}

const is_type_of_fn* resolver_map::find_is_type_of(const type::object_type& type) const {
  if (type.index() >= types_.size()) return nullptr;
  const auto& t = types_[type.index()];
  return t.is_type_of ? &t.is_type_of : nullptr;
}

}  // namespace cohort::graphql::execution
