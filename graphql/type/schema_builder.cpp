#include "graphql/type/schema_builder.hpp"

#include <type_traits>

#include "graphql/type/schema_assembler.hpp"

namespace cohort::graphql::type {

input_value_config& input_value_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
input_value_config& input_value_config::default_to(boost::json::value value) {
  default_value = std::move(value);
  return *this;
}
input_value_config& input_value_config::deprecate(std::string reason) {
  deprecation_reason = std::move(reason);
  return *this;
}

field_config& field_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
field_config& field_config::deprecate(std::string reason) {
  deprecation_reason = std::move(reason);
  return *this;
}
field_config& field_config::extend(std::shared_ptr<const extension> extension) {
  ext = std::move(extension);
  return *this;
}
input_value_config& field_config::arg(std::string arg_name, std::string arg_type) {
  auto& a = args.emplace_back();
  a.name = std::move(arg_name);
  a.type = std::move(arg_type);
  return a;
}

object_config& object_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
object_config& object_config::implements(std::string interface_name) {
  interfaces.push_back(std::move(interface_name));
  return *this;
}
object_config& object_config::extend(std::shared_ptr<const extension> extension) {
  ext = std::move(extension);
  return *this;
}
field_config& object_config::field(std::string field_name, std::string field_type) {
  auto& f = fields.emplace_back();
  f.name = std::move(field_name);
  f.type = std::move(field_type);
  return f;
}

union_config& union_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
union_config& union_config::member(std::string type_name) {
  members.push_back(std::move(type_name));
  return *this;
}

enum_value_config& enum_value_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
enum_value_config& enum_value_config::internal_value(boost::json::value v) {
  value = std::move(v);
  return *this;
}
enum_value_config& enum_value_config::deprecate(std::string reason) {
  deprecation_reason = std::move(reason);
  return *this;
}

enum_config& enum_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
enum_value_config& enum_config::value(std::string value_name) {
  auto& v = values.emplace_back();
  v.name = std::move(value_name);
  return v;
}

input_object_config& input_object_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
input_object_config& input_object_config::set_one_of(bool value) {
  one_of = value;
  return *this;
}
input_value_config& input_object_config::field(std::string field_name, std::string field_type) {
  auto& f = fields.emplace_back();
  f.name = std::move(field_name);
  f.type = std::move(field_type);
  return f;
}

scalar_config& scalar_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
scalar_config& scalar_config::specified_by(std::string url) {
  specified_by_url = std::move(url);
  return *this;
}

directive_config& directive_config::describe(std::string text) {
  description = std::move(text);
  return *this;
}
directive_config& directive_config::on(directive_location location) {
  locations.push_back(location);
  return *this;
}
directive_config& directive_config::set_repeatable(bool value) {
  repeatable = value;
  return *this;
}
directive_config& directive_config::deprecate(std::string reason) {
  deprecation_reason = std::move(reason);
  return *this;
}
input_value_config& directive_config::arg(std::string arg_name, std::string arg_type) {
  auto& a = args.emplace_back();
  a.name = std::move(arg_name);
  a.type = std::move(arg_type);
  return a;
}

// schema_builder

schema_builder::schema_builder() : state_(std::make_unique<state>()) {}
schema_builder::~schema_builder() = default;
schema_builder::schema_builder(schema_builder&&) noexcept = default;
schema_builder& schema_builder::operator=(schema_builder&&) noexcept = default;

schema_builder& schema_builder::description(std::string text) {
  state_->description = std::move(text);
  return *this;
}
schema_builder& schema_builder::query(std::string type_name) {
  state_->roots[0] = std::move(type_name);
  return *this;
}
schema_builder& schema_builder::mutation(std::string type_name) {
  state_->roots[1] = std::move(type_name);
  return *this;
}
schema_builder& schema_builder::subscription(std::string type_name) {
  state_->roots[2] = std::move(type_name);
  return *this;
}
schema_builder& schema_builder::default_root_names(bool enabled) {
  state_->default_root_names = enabled;
  return *this;
}
schema_builder& schema_builder::extend(std::shared_ptr<const extension> extension) {
  state_->ext = std::move(extension);
  return *this;
}

object_config& schema_builder::add_object(std::string name) {
  auto& e = std::get<object_entry>(state_->entries.emplace_back(object_entry{{}, false}));
  e.config.name = std::move(name);
  return e.config;
}
object_config& schema_builder::add_interface(std::string name) {
  auto& e = std::get<object_entry>(state_->entries.emplace_back(object_entry{{}, true}));
  e.config.name = std::move(name);
  return e.config;
}
union_config& schema_builder::add_union(std::string name) {
  auto& c = std::get<union_config>(state_->entries.emplace_back(union_config{}));
  c.name = std::move(name);
  return c;
}
enum_config& schema_builder::add_enum(std::string name) {
  auto& c = std::get<enum_config>(state_->entries.emplace_back(enum_config{}));
  c.name = std::move(name);
  return c;
}
input_object_config& schema_builder::add_input_object(std::string name) {
  auto& c = std::get<input_object_config>(state_->entries.emplace_back(input_object_config{}));
  c.name = std::move(name);
  return c;
}
scalar_config& schema_builder::add_scalar(std::string name) {
  auto& c = std::get<scalar_config>(state_->entries.emplace_back(scalar_config{}));
  c.name = std::move(name);
  return c;
}
scalar_config& schema_builder::add_scalar(scalar_config config) {
  return std::get<scalar_config>(state_->entries.emplace_back(std::move(config)));
}
schema_builder& schema_builder::place_standard_type(std::string name) {
  state_->entries.emplace_back(standard_entry{std::move(name)});
  return *this;
}
schema_builder::entry* schema_builder::find_type(std::string_view name) {
  for (auto& e : state_->entries) {
    const std::string& entry_name = std::visit(
        [](const auto& config) -> const std::string& {
          using config_type = std::decay_t<decltype(config)>;
          if constexpr (std::is_same_v<config_type, object_entry>) {
            return config.config.name;
          } else {
            return config.name;
          }
        },
        e);
    if (entry_name == name) return &e;
  }
  return nullptr;
}
schema_builder& schema_builder::include_specified_directives(bool include) {
  state_->specified_directives = include;
  return *this;
}
directive_config& schema_builder::add_directive(std::string name) {
  auto& d = state_->directives.emplace_back();
  d.name = std::move(name);
  return d;
}

schema_build_result schema_builder::build(build_options options) && {
  auto st = std::move(state_);
  state_ = std::make_unique<state>();
  return detail::schema_assembler(std::move(*st), options).run();
}

}  // namespace cohort::graphql::type
