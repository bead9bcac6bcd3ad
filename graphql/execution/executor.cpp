// The execution state machine (graphql-js execute.ts): operation selection, field collection,
// field execution, value completion and null propagation. Everything here runs on the driving
// thread of the request (see resolver.hpp); only `enqueue` and completions cross threads.
#include <algorithm>
#include <boost/json.hpp>
#include <exception>

#include "graphql/execution/execute.hpp"
#include "graphql/execution/request.hpp"
#include "graphql/utilities/js_values.hpp"

namespace cohort::graphql::execution {

namespace json = boost::json;
namespace lang = language;
using detail::field_task;
using detail::resolved;
using detail::result_node;
using detail::slot;
using detail::source;
using detail::value_mode;

namespace detail {

namespace {

const field_resolver* find_resolver(const request& r, const type::object_type& type,
                                    const type::field_definition& def) {
  if (const auto* ext = dynamic_cast<const resolver_extension*>(def.ext.get())) {
    if (ext->resolve) return &ext->resolve;
  }
  if (r.req.resolvers) return r.req.resolvers->find(type, def);
  return nullptr;
}

}  // namespace

const json::value* request::root_value() const {
  return req.shared_root_value ? req.shared_root_value.get() : &req.root_value;
}

const json::value* request::hold(json::value v) {
  held.push_back(std::move(v));
  return &held.back();
}

void request::start() {
  driving = true;
  const auto& doc = *req.document;
  auto fail_early = [&](std::string message) {
    graphql_error e;
    e.message = std::move(message);
    errors.push_back(std::move(e));
  };
  for (const auto* def : doc.definitions()) {
    if (const auto* op = lang::as_if<lang::operation_definition_node>(def)) {
      if (!req.operation_name) {
        if (operation != nullptr) {
          operation = nullptr;
          fail_early("Must provide operation name if query contains multiple operations.");
          break;
        }
        operation = op;
      } else if (op->name.value == *req.operation_name) {
        operation = op;
      }
    } else if (const auto* frag = lang::as_if<lang::fragment_definition_node>(def)) {
      fragments[frag->name.value] = frag;
    }
  }
  if (operation == nullptr && errors.empty()) {
    fail_early(req.operation_name ? "Unknown operation named \"" + *req.operation_name + "\"."
                                  : std::string("Must provide an operation."));
  }
  if (operation != nullptr) {
    variable_options vo;
    vo.max_errors = req.options.max_coercion_errors;
    vo.hide_suggestions = req.options.hide_suggestions;
    auto coerced = coerce_variable_values(*req.schema, doc, *operation, req.variables, vo);
    if (!coerced.errors.empty()) {
      errors = std::move(coerced.errors);
    } else {
      variables = std::move(coerced.coerced);
    }
  }
  if (!errors.empty()) {
    finished = true;
    driving = false;
    execution_result result;
    result.body = write_response();
    result.error_count = errors.size();
    auto cb = std::move(on_done);
    if (cb) cb(std::move(result));
    return;
  }
  root = &nodes.emplace_back(&pool);
  const auto* root_type =
      req.schema->root_type(static_cast<type::operation_type>(operation->operation));
  if (root_type == nullptr) {
    graphql_error e;
    e.message = "Schema is not configured to execute " +
                std::string(lang::to_string(operation->operation)) + " operation.";
    e.locations.push_back(doc.locate(*operation));
    root->failed = true;
    data_null = true;
    root_errored = true;
    errors.push_back(std::move(e));
  } else {
    auto& sel = selections.emplace_back();
    sel.type = root_type;
    std::vector<std::string_view> visited;
    collect(*root_type, *operation->selection_set, sel, visited);
    root->sel = &sel;
    if (sel.error) {
      root->failed = true;
      data_null = true;
      root_errored = true;
      errors.push_back(*sel.error);
    } else {
      root->slots.resize(sel.fields.size());
      serial = operation->operation == lang::operation_type::mutation;
      if (!serial) execute_fields(root, *root_type, source{root_value(), {}, value_mode::normal});
    }
  }
  started = true;
  advance();
  drain();
}

void request::advance() {
  if (!serial || root == nullptr || root->sel == nullptr) return;
  while (pending == 0 && !root->failed && next_root < root->slots.size()) {
    execute_field(root, next_root++, *root->sel->type,
                  source{root_value(), {}, value_mode::normal});
  }
}

void request::enqueue(field_task* task) {
  {
    std::lock_guard lock(queue_mutex);
    queue.push_back(task);
    if (driving) return;
    driving = true;
  }
  drain();
}

void request::drain() {
  auto self = shared_from_this();
  std::vector<field_task*> batch;
  for (;;) {
    {
      std::lock_guard lock(queue_mutex);
      if (queue.empty()) {
        bool done = started && !finished && pending == 0 &&
                    (!serial || root->failed || next_root >= root->slots.size());
        driving = false;
        if (!done) return;
        finished = true;
      } else {
        batch.swap(queue);
      }
    }
    if (finished && batch.empty()) {
      finish();
      return;
    }
    for (auto* task : batch) {
      process(*task);
      advance();
    }
    batch.clear();
  }
}

void request::finish() {
  execution_result result;
  result.body = write_response();
  result.error_count = errors.size();
  result.has_data = true;
  auto cb = std::move(on_done);
  if (cb) cb(std::move(result));
}

void request::execute_fields(result_node* node, const type::object_type& type, const source& src) {
  for (std::uint32_t i = 0; i < node->slots.size(); ++i) {
    if (node->failed) break;  // a synchronous non-null error ends the object, as a JS throw does
    execute_field(node, i, type, src);
  }
}

void request::execute_field(result_node* node, std::uint32_t i, const type::object_type& type,
                            const source& src) {
  const selected_field& f = node->sel->fields[i];
  slot& s = node->slots[i];
  const type::field_definition* def = f.definition;
  if (def == nullptr) {
    s.k = slot::kind::omitted;
    return;
  }
  const auto& schema = *req.schema;
  if (def == &schema.typename_meta_field()) {
    s.k = slot::kind::leaf;
    s.leaf = json::string(type.name());
    return;
  }
  const auto& args = arguments_of(f);
  if (args.error) {
    raise(node, i, *args.error);
    return;
  }
  bool meta = def == &schema.schema_meta_field() || def == &schema.type_meta_field();
  if (meta || src.intro.k != intro_ref::kind::none) {
    if (meta && !req.options.introspection) {
      raise(node, i,
            located("GraphQL introspection has been disabled, but the requested query contained "
                    "the field \"" +
                        def->name + "\".",
                    f));
      return;
    }
    resolved r = resolve_introspection(type, src, *def, args.values);
    complete(node, i, def->type, f, type, r, nullptr);
    return;
  }
  if (src.mode == value_mode::shaped) {
    const json::value* v = nullptr;
    if (const auto* o = src.json ? src.json->if_object() : nullptr) {
      auto it = o->find(f.response_key);
      if (it != o->end()) v = &it->value();
    }
    complete(node, i, def->type, f, type, resolved{v, value_mode::shaped, {}, nullptr}, nullptr);
    return;
  }
  const field_resolver* resolver = find_resolver(*this, type, *def);
  if (resolver == nullptr) {
    const json::value* v = nullptr;
    if (const auto* o = src.json ? src.json->if_object() : nullptr) {
      auto it = o->find(def->name);
      if (it != o->end()) v = &it->value();
    }
    complete(node, i, def->type, f, type, resolved{v, value_mode::normal, {}, nullptr}, nullptr);
    return;
  }
  field_task& task = tasks.emplace_back();
  task.node = node;
  task.index = i;
  task.parent_type = &type;
  task.field = &f;
  task.parent = src.json;
  task.info.req_ = this;
  task.info.task_ = &task;
  ++pending;
  try {
    (*resolver)(task.info, completion(shared_from_this(), &task));
  } catch (const std::exception& e) {
    // The completion died with the stack: report what was thrown instead of "did not complete".
    if (task.dropped) task.errors = {field_error(e.what())};
  } catch (...) {
    if (task.dropped) task.errors = {field_error("Unexpected error value: resolver threw")};
  }
  int expected = detail::calling;
  if (!task.state.compare_exchange_strong(expected, detail::waiting, std::memory_order_acq_rel)) {
    process(task);
  }
}

void request::process(field_task& task) {
  --pending;
  const selected_field& f = *task.field;
  if (task.kind == detail::errors) {
    bool first = true;
    for (auto& e : task.errors) {
      graphql_error ge = located(std::move(e.message), f);
      ge.extensions = std::move(e.extensions);
      if (first) {
        raise(task.node, task.index, std::move(ge));
        first = false;
      } else if (!root_errored) {
        ge.path = path_of(task.node, task.index);
        errors.push_back(std::move(ge));
      }
    }
    if (first) raise(task.node, task.index, located("Resolver failed.", f));
    return;
  }
  if (task.kind == detail::value_raw) {
    // Finished text: only a null is looked at (the non-null rule); anything else is written as
    // it is.
    if (task.raw == "null") {
      complete(task.node, task.index, f.definition->type, f, *task.parent_type, resolved{}, &task);
      return;
    }
    slot& s = task.node->slots[task.index];
    s.k = slot::kind::raw;
    s.raw = &task.raw;
    return;
  }
  auto mode = task.kind == detail::value_shaped    ? value_mode::shaped
              : task.kind == detail::value_trusted ? value_mode::trusted
                                                   : value_mode::normal;
  complete(task.node, task.index, f.definition->type, f, *task.parent_type,
           resolved{&task.value, mode, {}, nullptr}, &task);
}

// A specified scalar given a value of its own output kind serializes it unchanged.
bool serializes_to_itself(const type::named_type& leaf, const json::value& v) {
  const auto* scalar = type::as_scalar(&leaf);
  if (scalar == nullptr || !scalar->is_specified()) return false;
  const std::string& name = scalar->name();
  switch (v.kind()) {
    case json::kind::string:
      return name == "String" || name == "ID";
    case json::kind::bool_:
      return name == "Boolean";
    case json::kind::int64:
      return name == "Int" && v.get_int64() >= -2147483648LL && v.get_int64() <= 2147483647LL;
    default:
      return false;
  }
}

field_task& request::info_task(result_node* node, std::uint32_t i, const selected_field& f,
                               const type::object_type& parent_type, field_task* task) {
  if (task != nullptr) return *task;
  field_task& t = tasks.emplace_back();
  t.node = node;
  t.index = i;
  t.parent_type = &parent_type;
  t.field = &f;
  t.info.req_ = this;
  t.info.task_ = &t;
  return t;
}

void request::complete(result_node* node, std::uint32_t i, type::type_ref type,
                       const selected_field& f, const type::object_type& parent_type,
                       const resolved& r, field_task* task) {
  slot& s = node->slots[i];
  if (r.mode == value_mode::trusted) {
    s.k = r.json ? slot::kind::trusted : slot::kind::null;
    s.trusted = r.json;
    return;
  }
  if (r.is_null()) {
    if (type.is_non_null()) {
      raise(node, i,
            located("Cannot return null for non-nullable field " + parent_type.name() + "." +
                        f.definition->name + ".",
                    f));
      return;
    }
    s.k = slot::kind::null;
    return;
  }
  type::type_ref t = type.nullable();
  if (t.is_list()) {
    std::size_t n = 0;
    if (r.intro_list) {
      n = r.intro_list->size();
    } else if (r.json && r.json->is_array()) {
      n = r.json->get_array().size();
    } else {
      raise(node, i,
            located("Expected Iterable, but did not find one for field \"" + parent_type.name() +
                        "." + f.definition->name + "\".",
                    f));
      return;
    }
    result_node& list = nodes.emplace_back(&pool);
    list.parent = node;
    list.parent_slot = i;
    list.is_list = true;
    list.item_type = t.of_type();
    list.slots.resize(n);
    s.k = slot::kind::node;
    s.child = &list;
    for (std::uint32_t k = 0; k < n; ++k) {
      if (list.failed) break;
      resolved item;
      item.mode = r.mode;
      if (r.intro_list) {
        item.intro = (*r.intro_list)[k];
      } else {
        item.json = &r.json->get_array()[k];
      }
      complete(&list, k, list.item_type, f, parent_type, item, task);
    }
    return;
  }
  const type::named_type* named = t.named();
  if (named->is_leaf_type()) {
    if (r.json == nullptr) {
      raise(node, i, located("Cannot serialize an introspection object as a leaf.", f));
      return;
    }
    if (serializes_to_itself(*named, *r.json)) {
      // The value outlives the response (held by the request): no copy.
      s.k = slot::kind::trusted;
      s.trusted = r.json;
      return;
    }
    type::coercion_result c = named->kind() == type::type_kind::enum_type
                                  ? type::as_enum(named)->serialize(*r.json)
                                  : type::as_scalar(named)->serialize(*r.json);
    if (!c) {
      raise(node, i, located(c.error_message(), f));
      return;
    }
    if (c.value().is_null()) {
      raise(node, i,
            located("Expected `" + named->name() + ".serialize(" + utilities::inspect(*r.json) +
                        ")` to return non-nullable value, returned: null",
                    f));
      return;
    }
    s.k = slot::kind::leaf;
    s.leaf = std::move(c).value();
    return;
  }
  if (named->is_abstract_type()) {
    if (r.json == nullptr) {
      raise(node, i, located("Cannot resolve the type of an introspection object.", f));
      return;
    }
    const type_resolver* resolver = nullptr;
    if (const auto* ext = dynamic_cast<const type_resolver_extension*>(named->ext())) {
      resolver = &ext->resolve_type;
    } else if (req.resolvers) {
      resolver = req.resolvers->find_type_resolver(*named);
    }
    std::string name;
    if (resolver != nullptr && *resolver) {
      name = (*resolver)(*r.json, info_task(node, i, f, parent_type, task).info, *named);
    } else if (const auto* o = r.json->if_object();
               o && o->contains("__typename") && o->at("__typename").is_string()) {
      name = o->at("__typename").get_string();
    } else {
      for (const auto* possible : req.schema->possible_types(*named)) {
        const is_type_of_fn* fn = nullptr;
        if (const auto* ext = dynamic_cast<const is_type_of_extension*>(possible->ext())) {
          fn = &ext->is_type_of;
        } else if (req.resolvers) {
          fn = req.resolvers->find_is_type_of(*possible);
        }
        if (fn && *fn && (*fn)(*r.json, info_task(node, i, f, parent_type, task).info)) {
          name = possible->name();
          break;
        }
      }
    }
    const std::string& abstract_name = named->name();
    if (name.empty()) {
      raise(node, i,
            located("Abstract type \"" + abstract_name +
                        "\" must resolve to an Object type at runtime for field \"" +
                        parent_type.name() + "." + f.definition->name + "\". Either the \"" +
                        abstract_name +
                        "\" type should provide a \"resolveType\" function or each possible type "
                        "should provide an \"isTypeOf\" function.",
                    f));
      return;
    }
    const auto* runtime = req.schema->type(name);
    if (runtime == nullptr) {
      raise(node, i,
            located("Abstract type \"" + abstract_name + "\" was resolved to a type \"" + name +
                        "\" that does not exist inside the schema.",
                    f));
      return;
    }
    const auto* object = type::as_object(runtime);
    if (object == nullptr) {
      raise(node, i,
            located("Abstract type \"" + abstract_name + "\" was resolved to a non-object type \"" +
                        name + "\".",
                    f));
      return;
    }
    if (!req.schema->is_sub_type(*named, *object)) {
      raise(node, i,
            located("Runtime Object type \"" + name + "\" is not a possible type for \"" +
                        abstract_name + "\".",
                    f));
      return;
    }
    complete_object(node, i, *object, f, r, parent_type, task);
    return;
  }
  complete_object(node, i, *type::as_object(named), f, r, parent_type, task);
}

void request::complete_object(result_node* node, std::uint32_t i, const type::object_type& type,
                              const selected_field& f, const resolved& r,
                              const type::object_type& parent_type, field_task* task) {
  const selection* sel = collect_subfields(type, f);
  if (sel->error) {
    raise(node, i, *sel->error);
    return;
  }
  if (r.mode == value_mode::normal && r.json != nullptr) {
    const is_type_of_fn* fn = nullptr;
    if (const auto* ext = dynamic_cast<const is_type_of_extension*>(type.ext())) {
      fn = &ext->is_type_of;
    } else if (req.resolvers) {
      fn = req.resolvers->find_is_type_of(type);
    }
    if (fn && *fn && !(*fn)(*r.json, info_task(node, i, f, parent_type, task).info)) {
      raise(node, i,
            located("Expected value of type \"" + type.name() +
                        "\" but got: " + utilities::inspect(*r.json) + ".",
                    f));
      return;
    }
  }
  result_node& child = nodes.emplace_back(&pool);
  child.parent = node;
  child.parent_slot = i;
  child.sel = sel;
  child.slots.resize(sel->fields.size());
  node->slots[i].k = slot::kind::node;
  node->slots[i].child = &child;
  execute_fields(&child, type, source{r.json, r.intro, r.mode});
}

type::type_ref request::slot_type(const result_node* node, std::uint32_t i) const {
  return node->is_list ? node->item_type : node->sel->fields[i].definition->type;
}

json::array request::path_of(const result_node* node, std::uint32_t i) const {
  std::vector<std::pair<const result_node*, std::uint32_t>> chain;
  for (const result_node* n = node; n != nullptr; i = n->parent_slot, n = n->parent) {
    chain.emplace_back(n, i);
  }
  json::array path;
  path.reserve(chain.size());
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    if (it->first->is_list) {
      path.push_back(static_cast<std::uint64_t>(it->second));
    } else {
      path.push_back(json::string(it->first->sel->fields[it->second].response_key));
    }
  }
  return path;
}

graphql_error request::located(std::string message, const selected_field& f) const {
  graphql_error e;
  e.message = std::move(message);
  for (const auto* n : f.nodes) e.locations.push_back(req.document->locate(*n));
  return e;
}

void request::raise(result_node* node, std::uint32_t i, graphql_error error) {
  error.path = path_of(node, i);
  for (;;) {
    if (!slot_type(node, i).is_non_null()) {
      node->slots[i].k = slot::kind::null;
      record(node, i, std::move(error));
      return;
    }
    if (node->failed) return;  // the object already rejected: graphql-js drops this error
    node->failed = true;
    if (node->parent == nullptr) {
      data_null = true;
      if (!root_errored) {
        root_errored = true;
        errors.push_back(std::move(error));
      }
      return;
    }
    i = node->parent_slot;
    node = node->parent;
  }
}

void request::record(result_node* node, std::uint32_t i, graphql_error error) {
  if (root_errored) return;
  std::uint32_t k = i;
  for (const result_node* n = node; n != nullptr; k = n->parent_slot, n = n->parent) {
    if (n->slots[k].errored) return;
  }
  node->slots[i].errored = true;
  errors.push_back(std::move(error));
}

const argument_values_result& request::arguments_of(const selected_field& f) {
  if (!f.arguments) {
    if (f.definition == nullptr || f.definition->args.empty()) {
      f.arguments.emplace();
    } else {
      f.arguments = get_argument_values(f.definition->args, f.nodes[0]->arguments, *f.nodes[0],
                                        *req.document, variables);
    }
  }
  return *f.arguments;
}

}  // namespace detail

void execute(execution_request request, result_callback on_done) {
  auto r = std::make_shared<detail::request>();
  r->req = std::move(request);
  r->on_done = std::move(on_done);
  if (!r->req.schema || !r->req.document) {
    execution_result result;
    result.body = R"({"errors":[{"message":"Must provide schema and document."}]})";
    result.error_count = 1;
    if (r->on_done) r->on_done(std::move(result));
    return;
  }
  r->start();
}

std::optional<execution_result> execute_sync(execution_request request) {
  // Shared: a completion still pending after return would call back later.
  auto out = std::make_shared<std::optional<execution_result>>();
  execute(std::move(request), [out](execution_result r) { *out = std::move(r); });
  return std::move(*out);
}

}  // namespace cohort::graphql::execution
