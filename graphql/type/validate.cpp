#include "graphql/type/validate.hpp"

#include <algorithm>

#include "graphql/type/introspection.hpp"
#include "graphql/utilities/type_comparators.hpp"

namespace cohort::graphql::type::detail {

std::vector<std::string> schema_validator::run() {
  validate_root_types();
  validate_directives();
  validate_types();
  return std::move(errors_);
}

void schema_validator::validate_root_types() {
  const named_type* query = schema_.declared_roots_[0];
  if (!query) {
    report("Query root type must be provided.");
  } else if (!as_object(query)) {
    report("Query root type must be Object type, it cannot be " + query->name() + ".");
  }
  const named_type* mutation = schema_.declared_roots_[1];
  if (mutation && !as_object(mutation)) {
    report("Mutation root type must be Object type if provided, it cannot be " + mutation->name() +
           ".");
  }
  const named_type* subscription = schema_.declared_roots_[2];
  if (subscription && !as_object(subscription)) {
    report("Subscription root type must be Object type if provided, it cannot be " +
           subscription->name() + ".");
  }
}

void schema_validator::validate_name(std::string_view name) {
  if (name.substr(0, 2) == "__") {
    report("Name \"" + std::string(name) +
           "\" must not begin with \"__\", which is reserved by GraphQL introspection.");
  }
}

void schema_validator::validate_directives() {
  for (const auto& directive : schema_.directives()) {
    validate_name(directive.name);
    if (directive.locations.empty()) {
      report("Directive @" + directive.name + " must include 1 or more locations.");
    }
    for (const auto& arg : directive.args) {
      validate_name(arg.name);
      if (!arg.type.is_input_type()) {
        report("The type of @" + directive.name + "(" + arg.name +
               ":) must be Input Type but got: " + arg.type.to_string() + ".");
      }
      if (arg.is_required() && arg.is_deprecated()) {
        report("Required argument @" + directive.name + "(" + arg.name +
               ":) cannot be deprecated.");
      }
    }
  }
}

void schema_validator::validate_types() {
  visited_inputs_.assign(schema_.types().size(), false);
  for (const named_type* type : schema_.types()) {
    if (!is_introspection_type_name(type->name())) validate_name(type->name());
    switch (type->kind()) {
      case type_kind::object:
      case type_kind::interface: {
        const auto& t = *as_fields_type(type);
        validate_fields(t);
        validate_interfaces(t);
        break;
      }
      case type_kind::union_type:
        validate_union_members(*as_union(type));
        break;
      case type_kind::enum_type:
        validate_enum_values(*as_enum(type));
        break;
      case type_kind::input_object:
        validate_input_fields(*as_input_object(type));
        detect_input_cycles(*as_input_object(type));
        break;
      case type_kind::scalar:
        break;
    }
  }
}

void schema_validator::validate_fields(const fields_type& type) {
  if (type.fields().empty()) report("Type " + type.name() + " must define one or more fields.");
  for (const auto& field : type.fields()) {
    validate_name(field.name);
    if (!field.type.is_output_type()) {
      report("The type of " + type.name() + "." + field.name +
             " must be Output Type but got: " + field.type.to_string() + ".");
    }
    for (const auto& arg : field.args) {
      validate_name(arg.name);
      if (!arg.type.is_input_type()) {
        report("The type of " + type.name() + "." + field.name + "(" + arg.name +
               ":) must be Input Type but got: " + arg.type.to_string() + ".");
      }
      if (arg.is_required() && arg.is_deprecated()) {
        report("Required argument " + type.name() + "." + field.name + "(" + arg.name +
               ":) cannot be deprecated.");
      }
    }
  }
}

void schema_validator::validate_interfaces(const fields_type& type) {
  std::vector<const named_type*> seen;
  for (const named_type* declared : type.declared_interfaces_) {
    const interface_type* iface = as_interface(declared);
    if (!iface) {
      report("Type " + type.name() + " must only implement Interface types, it cannot implement " +
             declared->name() + ".");
      continue;
    }
    if (declared == &type) {
      report("Type " + type.name() +
             " cannot implement itself because it would create a circular reference.");
      continue;
    }
    if (std::find(seen.begin(), seen.end(), declared) != seen.end()) {
      report("Type " + type.name() + " can only implement " + iface->name() + " once.");
      continue;
    }
    seen.push_back(declared);
    validate_type_implements_ancestors(type, *iface);
    validate_type_implements_interface(type, *iface);
  }
}

void schema_validator::validate_type_implements_interface(const fields_type& type,
                                                          const interface_type& iface) {
  for (const auto& iface_field : iface.fields()) {
    const std::string& field_name = iface_field.name;
    const field_definition* type_field = type.field(field_name);
    if (!type_field) {
      report("Interface field " + iface.name() + "." + field_name + " expected but " + type.name() +
             " does not provide it.");
      continue;
    }
    if (!utilities::is_type_sub_type_of(schema_, type_field->type, iface_field.type)) {
      report("Interface field " + iface.name() + "." + field_name + " expects type " +
             iface_field.type.to_string() + " but " + type.name() + "." + field_name + " is type " +
             type_field->type.to_string() + ".");
    }
    for (const auto& iface_arg : iface_field.args) {
      const input_value* type_arg = type_field->arg(iface_arg.name);
      if (!type_arg) {
        report("Interface field argument " + iface.name() + "." + field_name + "(" +
               iface_arg.name + ":) expected but " + type.name() + "." + field_name +
               " does not provide it.");
        continue;
      }
      if (!(iface_arg.type == type_arg->type)) {
        report("Interface field argument " + iface.name() + "." + field_name + "(" +
               iface_arg.name + ":) expects type " + iface_arg.type.to_string() + " but " +
               type.name() + "." + field_name + "(" + iface_arg.name + ":) is type " +
               type_arg->type.to_string() + ".");
      }
    }
    for (const auto& type_arg : type_field->args) {
      if (!iface_field.arg(type_arg.name) && type_arg.is_required()) {
        report("Object field " + type.name() + "." + field_name + " includes required argument " +
               type_arg.name + " that is missing from the Interface field " + iface.name() + "." +
               field_name + ".");
      }
    }
  }
}

void schema_validator::validate_type_implements_ancestors(const fields_type& type,
                                                          const interface_type& iface) {
  const auto& own = type.declared_interfaces_;
  for (const named_type* transitive : iface.declared_interfaces_) {
    if (std::find(own.begin(), own.end(), transitive) != own.end()) continue;
    if (transitive == &type) {
      report("Type " + type.name() + " cannot implement " + iface.name() +
             " because it would create a circular reference.");
    } else {
      report("Type " + type.name() + " must implement " + transitive->name() +
             " because it is implemented by " + iface.name() + ".");
    }
  }
}

void schema_validator::validate_union_members(const union_type& type) {
  if (type.declared_members_.empty()) {
    report("Union type " + type.name() + " must define one or more member types.");
  }
  std::vector<const named_type*> seen;
  for (const named_type* member : type.declared_members_) {
    if (std::find(seen.begin(), seen.end(), member) != seen.end()) {
      report("Union type " + type.name() + " can only include type " + member->name() + " once.");
      continue;
    }
    seen.push_back(member);
    if (!as_object(member)) {
      report("Union type " + type.name() + " can only include Object types, it cannot include " +
             member->name() + ".");
    }
  }
}

void schema_validator::validate_enum_values(const enum_type& type) {
  if (type.values().empty())
    report("Enum type " + type.name() + " must define one or more values.");
  for (const auto& value : type.values()) validate_name(value.name);
}

void schema_validator::validate_input_fields(const input_object_type& type) {
  if (type.fields().empty()) {
    report("Input Object type " + type.name() + " must define one or more fields.");
  }
  for (const auto& field : type.fields()) {
    validate_name(field.name);
    if (!field.type.is_input_type()) {
      report("The type of " + type.name() + "." + field.name +
             " must be Input Type but got: " + field.type.to_string() + ".");
    }
    if (field.is_required() && field.is_deprecated()) {
      report("Required input field " + type.name() + "." + field.name + " cannot be deprecated.");
    }
    if (type.is_one_of()) {
      if (field.type.is_non_null()) {
        report("OneOf input field " + type.name() + "." + field.name + " must be nullable.");
      }
      if (field.default_value) {
        report("OneOf input field " + type.name() + "." + field.name +
               " cannot have a default value.");
      }
    }
  }
}

void schema_validator::detect_input_cycles(const input_object_type& type) {
  // Depth-first search along non-null input-object fields; every cycle is reported once.
  if (visited_inputs_[type.index()]) return;
  visited_inputs_[type.index()] = true;
  field_path_index_[&type] = field_path_.size();
  for (const auto& field : type.fields()) {
    if (!field.type.is_non_null() || !field.type.of_type().is_named()) continue;
    const auto* field_type = as_input_object(field.type.named());
    if (!field_type) continue;
    field_path_.push_back(&field);
    auto cycle = field_path_index_.find(field_type);
    if (cycle == field_path_index_.end()) {
      detect_input_cycles(*field_type);
    } else {
      std::string path;
      for (std::size_t i = cycle->second; i < field_path_.size(); ++i) {
        if (!path.empty()) path.push_back('.');
        path += field_path_[i]->name;
      }
      report("Cannot reference Input Object \"" + field_type->name() +
             "\" within itself through a series of non-null fields: \"" + path + "\".");
    }
    field_path_.pop_back();
  }
  field_path_index_.erase(&type);
}

}  // namespace cohort::graphql::type::detail
