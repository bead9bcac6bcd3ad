#include "graphql/validation/type_info.hpp"

namespace cohort::graphql::validation {

namespace lang = language;
using type::type_ref;

type_ref type_from_ast(const type::schema& schema, const lang::type_node& node) {
  switch (node.kind) {
    case lang::node_kind::named_type: {
      const auto* named = schema.type(lang::as<lang::named_type_node>(node).name.value);
      return named ? type_ref(named) : type_ref{};
    }
    case lang::node_kind::list_type: {
      type_ref inner = type_from_ast(schema, *lang::as<lang::list_type_node>(node).type);
      if (inner.empty() || inner.list_depth() >= type_ref::max_list_depth) return {};
      return type_ref::list_of(inner);
    }
    case lang::node_kind::non_null_type: {
      type_ref inner = type_from_ast(schema, *lang::as<lang::non_null_type_node>(node).type);
      return inner.empty() ? type_ref{} : type_ref::non_null_of(inner);
    }
    default:
      return {};
  }
}

const type::field_definition* find_field_def(const type::schema& schema,
                                             const type::named_type* parent,
                                             std::string_view name) {
  if (parent == nullptr) return nullptr;
  if (name == "__schema" && schema.query_type() == parent) return &schema.schema_meta_field();
  if (name == "__type" && schema.query_type() == parent) return &schema.type_meta_field();
  if (name == "__typename" && parent->is_composite_type()) return &schema.typename_meta_field();
  if (const auto* fields = type::as_fields_type(parent)) return fields->field(name);
  return nullptr;
}

namespace {

const type::named_type* composite_or_null(type_ref t) {
  return !t.empty() && t.named()->is_composite_type() ? t.named() : nullptr;
}
type_ref output_or_empty(type_ref t) {
  return !t.empty() && t.is_output_type() ? t : type_ref{};
}
type_ref input_or_empty(type_ref t) {
  return !t.empty() && t.is_input_type() ? t : type_ref{};
}

}  // namespace

void type_info::enter(const lang::node& n) {
  switch (n.kind) {
    case lang::node_kind::selection_set:
      parent_type_stack_.push_back(
          composite_or_null(type().empty() ? type_ref{} : type_ref(type().named())));
      break;
    case lang::node_kind::field: {
      const auto* def =
          find_field_def(schema_, parent_type(), lang::as<lang::field_node>(n).name.value);
      field_def_stack_.push_back(def);
      type_stack_.push_back(def ? output_or_empty(def->type) : type_ref{});
      break;
    }
    case lang::node_kind::directive:
      directive_ = schema_.directive(lang::as<lang::directive_node>(n).name.value);
      break;
    case lang::node_kind::operation_definition: {
      auto op = lang::as<lang::operation_definition_node>(n).operation;
      const auto* root = schema_.root_type(static_cast<type::operation_type>(op));
      type_stack_.push_back(root ? type_ref(root) : type_ref{});
      break;
    }
    case lang::node_kind::inline_fragment:
    case lang::node_kind::fragment_definition: {
      const lang::named_type_node* condition =
          n.kind == lang::node_kind::inline_fragment
              ? lang::as<lang::inline_fragment_node>(n).type_condition
              : lang::as<lang::fragment_definition_node>(n).type_condition;
      type_ref t;
      if (condition != nullptr) {
        t = type_from_ast(schema_, *condition);
      } else if (!type().empty()) {
        t = type_ref(type().named());
      }
      type_stack_.push_back(output_or_empty(t));
      break;
    }
    case lang::node_kind::variable_definition:
      input_type_stack_.push_back(input_or_empty(
          type_from_ast(schema_, *lang::as<lang::variable_definition_node>(n).type)));
      break;
    case lang::node_kind::argument: {
      const auto& name = lang::as<lang::argument_node>(n).name.value;
      const type::input_value* arg = nullptr;
      if (directive_ != nullptr) {
        arg = directive_->arg(name);
      } else if (const auto* def = field_def()) {
        arg = def->arg(name);
      }
      argument_ = arg;
      default_stack_.push_back(arg != nullptr && arg->default_value.has_value());
      input_type_stack_.push_back(arg ? input_or_empty(arg->type) : type_ref{});
      break;
    }
    case lang::node_kind::list_value: {
      type_ref list = input_type().nullable();
      type_ref item = list.is_list() ? list.of_type() : list;
      default_stack_.push_back(false);
      input_type_stack_.push_back(input_or_empty(item));
      break;
    }
    case lang::node_kind::object_field: {
      const type::input_value* field = nullptr;
      if (!input_type().empty()) {
        if (const auto* obj = type::as_input_object(input_type().named())) {
          field = obj->field(lang::as<lang::object_field_node>(n).name.value);
        }
      }
      default_stack_.push_back(field != nullptr && field->default_value.has_value());
      input_type_stack_.push_back(field ? input_or_empty(field->type) : type_ref{});
      break;
    }
    default:
      break;
  }
}

void type_info::leave(const lang::node& n) {
  switch (n.kind) {
    case lang::node_kind::selection_set:
      parent_type_stack_.pop_back();
      break;
    case lang::node_kind::field:
      field_def_stack_.pop_back();
      type_stack_.pop_back();
      break;
    case lang::node_kind::directive:
      directive_ = nullptr;
      break;
    case lang::node_kind::operation_definition:
    case lang::node_kind::inline_fragment:
    case lang::node_kind::fragment_definition:
      type_stack_.pop_back();
      break;
    case lang::node_kind::variable_definition:
      input_type_stack_.pop_back();
      break;
    case lang::node_kind::argument:
      argument_ = nullptr;
      default_stack_.pop_back();
      input_type_stack_.pop_back();
      break;
    case lang::node_kind::list_value:
    case lang::node_kind::object_field:
      default_stack_.pop_back();
      input_type_stack_.pop_back();
      break;
    default:
      break;
  }
}

}  // namespace cohort::graphql::validation
