#include "graphql/type/schema_assembler.hpp"

#include <boost/json.hpp>

#include "graphql/type/introspection.hpp"
#include "graphql/type/name_index.hpp"
#include "graphql/type/names.hpp"
#include "graphql/type/scalars.hpp"
#include "graphql/type/validate.hpp"

namespace cohort::graphql::type::detail {

namespace {

const std::string& entry_name(const schema_builder::entry& e) {
  return std::visit(
      [](const auto& c) -> const std::string& {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, schema_builder::object_entry>) {
          return c.config.name;
        } else {
          return c.name;
        }
      },
      e);
}

constexpr const char* specified_scalar_order[] = {"String", "Int", "Float", "Boolean", "ID"};

bool is_standard_type_name(std::string_view name) {
  return is_specified_scalar_name(name) || is_introspection_type_name(name);
}

template <class T>
void index_names(const std::vector<T>& items, std::vector<std::uint32_t>& sorted) {
  if (items.size() > 8) sorted = sort_by_name(items);
}

// Reports each name that occurs more than once in `items`, once, in order of first repetition.
template <class T, class Message>
void report_duplicates(const std::vector<T>& items, Message message,
                       std::vector<std::string>& errors) {
  if (items.size() <= 8) {
    for (std::size_t i = 0; i < items.size(); ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (items[i].name == items[j].name) {
          errors.push_back(message(items[i].name));
          break;
        }
      }
    }
    return;
  }
  auto sorted = sort_by_name(items);
  for (std::size_t i = 1; i < sorted.size(); ++i) {
    if (items[sorted[i]].name == items[sorted[i - 1]].name) {
      errors.push_back(message(items[sorted[i]].name));
    }
  }
}

}  // namespace

std::optional<type_expression> parse_type_expression(std::string_view text) {
  type_expression out;
  std::size_t begin = 0, end = text.size();
  int depth = 0;
  while (begin < end && text[begin] == '[') ++begin, ++depth;
  if (depth > type_ref::max_list_depth) return std::nullopt;
  // Closing side, innermost first: "Name" ["!"] then per list "]" ["!"].
  std::size_t pos = begin;
  while (pos < end && text[pos] != '!' && text[pos] != ']') ++pos;
  out.name = text.substr(begin, pos - begin);
  if (out.name.empty()) return std::nullopt;
  out.list_depth = depth;
  if (pos < end && text[pos] == '!') {
    out.non_null |= std::uint64_t{1} << depth;
    ++pos;
  }
  for (int level = depth - 1; level >= 0; --level) {
    if (pos >= end || text[pos] != ']') return std::nullopt;
    ++pos;
    if (pos < end && text[pos] == '!') {
      out.non_null |= std::uint64_t{1} << level;
      ++pos;
    }
  }
  if (pos != end) return std::nullopt;
  return out;
}

schema_assembler::schema_assembler(schema_builder::state state, build_options options)
    : state_(std::move(state)), options_(options), schema_(new schema()) {}

schema_build_result schema_assembler::run() {
  collect_standard_pool();
  order_types();
  create_types();
  fill_types();
  build_directives();
  resolve_roots();
  build_meta_fields();
  if (unknown_type_) return {nullptr, std::move(errors_)};
  compute_abstract_tables();
  if (!options_.assume_valid) {
    schema_validator validator(*schema_);
    for (auto& e : validator.run()) errors_.push_back(std::move(e));
  }
  if (!errors_.empty()) return {nullptr, std::move(errors_)};
  finalize_typed_views();
  return {std::move(schema_), {}};
}

void schema_assembler::collect_standard_pool() {
  for (const char* name : specified_scalar_order) {
    scalar_config s;
    s.name = name;
    s.description = specified_scalar_description(name);
    s.functions = specified_scalar_functions(name);
    standard_pool_.emplace_back(std::move(s));
  }
  for (auto& e : introspection_type_entries()) standard_pool_.push_back(std::move(e));
  for (auto& e : standard_pool_) available_[entry_name(e)] = &e;

  // Directives: the specified ones the user does not redefine, then the user's.
  if (state_.specified_directives) {
    std::deque<directive_config> all;
    for (auto& d : specified_directive_configs()) {
      bool redefined = false;
      for (const auto& u : state_.directives) redefined = redefined || u.name == d.name;
      if (!redefined) all.push_back(std::move(d));
    }
    for (auto& d : state_.directives) all.push_back(std::move(d));
    state_.directives = std::move(all);
  }
}

void schema_assembler::order_types() {
  // graphql-js: the configured types keep their order; a type they reference that is not among
  // them (a built-in scalar, an introspection type) follows its first referrer, depth first.
  std::vector<entry*> configured;
  std::unordered_map<std::string_view, entry*> user;
  for (auto& e : state_.entries) {
    const std::string& name = entry_name(e);
    entry* definition = &e;
    bool standard_scalar_name =
        std::holds_alternative<scalar_config>(e) && is_specified_scalar_name(name);
    if (std::holds_alternative<schema_builder::standard_entry>(e) || standard_scalar_name) {
      auto it = available_.find(name);
      if (!is_standard_type_name(name) || it == available_.end()) {
        report("Unknown type: \"" + name + "\".");
        unknown_type_ = true;
        continue;
      }
      definition = it->second;
    } else {
      check_name(name);
    }
    if (user.count(name) || (is_introspection_type_name(name) && definition == &e)) {
      report("Schema must contain uniquely named types but contains multiple types named \"" +
             name + "\".");
      continue;
    }
    user[name] = definition;
    available_[name] = definition;
    configured.push_back(definition);
  }
  for (auto* e : configured) collected_[entry_name(*e)] = true;
  for (auto* e : configured) {
    order_.push_back(e);
    collect_references(*e);
  }
  for (const auto& root : state_.roots) {
    if (root) visit_type_name(*root);
  }
  for (const auto& d : state_.directives) {
    for (const auto& a : d.args) {
      if (auto t = parse_type_expression(a.type)) visit_type_name(t->name);
    }
  }
  visit_type_name("__Schema");
}

void schema_assembler::visit_type_name(std::string_view name) {
  if (collected_.count(name)) return;
  auto it = available_.find(name);
  if (it == available_.end()) return;  // reported when resolved
  collected_[name] = true;
  order_.push_back(it->second);
  collect_references(*it->second);
}

void schema_assembler::collect_references(const entry& e) {
  auto visit_expr = [&](const std::string& expr) {
    if (auto t = parse_type_expression(expr)) visit_type_name(t->name);
  };
  if (const auto* o = std::get_if<schema_builder::object_entry>(&e)) {
    for (const auto& i : o->config.interfaces) visit_type_name(i);
    for (const auto& f : o->config.fields) {
      visit_expr(f.type);
      for (const auto& a : f.args) visit_expr(a.type);
    }
  } else if (const auto* u = std::get_if<union_config>(&e)) {
    for (const auto& m : u->members) visit_type_name(m);
  } else if (const auto* in = std::get_if<input_object_config>(&e)) {
    for (const auto& f : in->fields) visit_expr(f.type);
  }
}

void schema_assembler::create_types() {
  // The name maps point into the configs, whose strings move into the types below.
  collected_.clear();
  available_.clear();
  auto& s = *schema_;
  s.types_.reserve(order_.size());
  s.types_by_name_.reserve(order_.size() * 2);
  for (entry* e : order_) {
    named_type* created = std::visit(
        [&](auto& c) -> named_type* {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, scalar_config>) {
            return &s.scalars_.emplace_back(std::move(c.name));
          } else if constexpr (std::is_same_v<T, schema_builder::object_entry>) {
            if (c.is_interface) return &s.interfaces_.emplace_back(std::move(c.config.name));
            return &s.objects_.emplace_back(std::move(c.config.name));
          } else if constexpr (std::is_same_v<T, union_config>) {
            return &s.unions_.emplace_back(std::move(c.name));
          } else if constexpr (std::is_same_v<T, enum_config>) {
            return &s.enums_.emplace_back(std::move(c.name));
          } else if constexpr (std::is_same_v<T, input_object_config>) {
            return &s.input_objects_.emplace_back(std::move(c.name));
          } else {
            return nullptr;  // standard entries were replaced by their definitions
          }
        },
        *e);
    created->index_ = static_cast<std::uint32_t>(s.types_.size());
    s.types_.push_back(created);
    s.types_by_name_.emplace(created->name(), created);
  }
}

void schema_assembler::fill_types() {
  auto& s = *schema_;
  for (std::size_t i = 0; i < order_.size(); ++i) {
    named_type* type = const_cast<named_type*>(s.types_[i]);
    std::visit(
        [&](auto& c) {
          using T = std::decay_t<decltype(c)>;
          if constexpr (std::is_same_v<T, scalar_config>) {
            auto* t = static_cast<scalar_type*>(type);
            t->description_ = std::move(c.description);
            t->ext_ = std::move(c.ext);
            t->specified_by_url_ = std::move(c.specified_by_url);
            t->functions_ = std::move(c.functions);
            t->specified_ = is_specified_scalar_name(t->name());
          } else if constexpr (std::is_same_v<T, schema_builder::object_entry>) {
            auto* t = static_cast<fields_type*>(type);
            t->description_ = std::move(c.config.description);
            t->ext_ = std::move(c.config.ext);
            fill_fields(*t, c.config);
          } else if constexpr (std::is_same_v<T, union_config>) {
            auto* t = static_cast<union_type*>(type);
            t->description_ = std::move(c.description);
            t->ext_ = std::move(c.ext);
            t->declared_members_.reserve(c.members.size());
            for (const auto& m : c.members) {
              if (const auto* member = resolve_named(m)) t->declared_members_.push_back(member);
            }
          } else if constexpr (std::is_same_v<T, enum_config>) {
            auto* t = static_cast<enum_type*>(type);
            t->description_ = std::move(c.description);
            t->ext_ = std::move(c.ext);
            t->values_.reserve(c.values.size());
            for (auto& v : c.values) {
              if (auto message = enum_value_name_error(v.name)) report(std::move(*message));
              boost::json::value internal =
                  v.value ? std::move(*v.value) : boost::json::value(boost::json::string(v.name));
              t->values_.push_back(
                  enum_value_definition{std::move(v.name), std::move(v.description),
                                        std::move(internal), std::move(v.deprecation_reason)});
            }
            report_duplicates(
                t->values_,
                [&](const std::string& n) {
                  return "Enum value \"" + t->name() + "." + n + "\" can only be defined once.";
                },
                errors_);
            index_names(t->values_, t->values_by_name_);
          } else if constexpr (std::is_same_v<T, input_object_config>) {
            auto* t = static_cast<input_object_type*>(type);
            t->description_ = std::move(c.description);
            t->ext_ = std::move(c.ext);
            t->one_of_ = c.one_of;
            t->fields_.reserve(c.fields.size());
            for (auto& f : c.fields) t->fields_.push_back(make_input_value(f, t->name(), false));
            report_duplicates(
                t->fields_,
                [&](const std::string& n) {
                  return "Field \"" + t->name() + "." + n + "\" can only be defined once.";
                },
                errors_);
            index_names(t->fields_, t->fields_by_name_);
          }
        },
        *order_[i]);
  }
}

void schema_assembler::fill_fields(fields_type& type, object_config& config) {
  type.declared_interfaces_.reserve(config.interfaces.size());
  for (const auto& i : config.interfaces) {
    if (const auto* iface = resolve_named(i)) type.declared_interfaces_.push_back(iface);
  }
  type.fields_.reserve(config.fields.size());
  for (auto& f : config.fields) {
    check_name(f.name);
    field_definition field;
    field.type = resolve(f.type);
    field.description = std::move(f.description);
    field.deprecation_reason = std::move(f.deprecation_reason);
    field.ext = std::move(f.ext);
    if (!f.args.empty()) {
      field.args.reserve(f.args.size());
      for (auto& a : f.args) field.args.push_back(make_input_value(a, {}, true));
      report_duplicates(
          field.args,
          [&](const std::string& n) {
            return "Argument \"" + type.name() + "." + f.name + "(" + n +
                   ":)\" can only be defined once.";
          },
          errors_);
    }
    field.name = std::move(f.name);
    type.fields_.push_back(std::move(field));
  }
  report_duplicates(
      type.fields_,
      [&](const std::string& n) {
        return "Field \"" + type.name() + "." + n + "\" can only be defined once.";
      },
      errors_);
  index_names(type.fields_, type.fields_by_name_);
}

input_value schema_assembler::make_input_value(input_value_config& config, std::string_view, bool) {
  check_name(config.name);
  input_value v;
  v.type = resolve(config.type);
  v.name = std::move(config.name);
  v.description = std::move(config.description);
  v.default_value = std::move(config.default_value);
  v.deprecation_reason = std::move(config.deprecation_reason);
  return v;
}

const named_type* schema_assembler::resolve_named(std::string_view name) {
  auto it = schema_->types_by_name_.find(name);
  if (it != schema_->types_by_name_.end()) return it->second;
  report("Unknown type: \"" + std::string(name) + "\".");
  unknown_type_ = true;
  return nullptr;
}

type_ref schema_assembler::resolve(std::string_view expression) {
  auto parsed = parse_type_expression(expression);
  if (!parsed) {
    report("Invalid type reference: \"" + std::string(expression) + "\".");
    unknown_type_ = true;
    return {};
  }
  const named_type* named = resolve_named(parsed->name);
  if (!named) return {};
  type_ref r(named);
  if ((parsed->non_null >> parsed->list_depth) & 1) r = type_ref::non_null_of(r);
  for (int level = parsed->list_depth - 1; level >= 0; --level) {
    r = type_ref::list_of(r);
    if ((parsed->non_null >> level) & 1) r = type_ref::non_null_of(r);
  }
  return r;
}

void schema_assembler::build_directives() {
  auto& s = *schema_;
  s.directives_.reserve(state_.directives.size());
  for (auto& d : state_.directives) {
    check_name(d.name);
    bool duplicate = false;
    for (const auto& existing : s.directives_) duplicate = duplicate || existing.name == d.name;
    if (duplicate) {
      report("There can be only one directive named \"@" + d.name + "\".");
      continue;
    }
    directive_definition def;
    std::string owner = "@" + d.name;
    for (auto& a : d.args) def.args.push_back(make_input_value(a, owner, true));
    report_duplicates(
        def.args,
        [&](const std::string& n) {
          return "Argument \"" + owner + "(" + n + ":)\" can only be defined once.";
        },
        errors_);
    def.name = std::move(d.name);
    def.description = std::move(d.description);
    def.locations = std::move(d.locations);
    def.is_repeatable = d.repeatable;
    def.deprecation_reason = std::move(d.deprecation_reason);
    s.directives_.push_back(std::move(def));
  }
}

void schema_assembler::resolve_roots() {
  auto& s = *schema_;
  s.description_ = std::move(state_.description);
  s.ext_ = std::move(state_.ext);
  const char* defaults[] = {"Query", "Mutation", "Subscription"};
  for (int i = 0; i < 3; ++i) {
    if (state_.roots[i]) {
      s.declared_roots_[i] = resolve_named(*state_.roots[i]);
    } else if (auto it = s.types_by_name_.find(defaults[i]);
               state_.default_root_names && it != s.types_by_name_.end()) {
      s.declared_roots_[i] = it->second;
    }
  }
}

void schema_assembler::build_meta_fields() {
  auto& s = *schema_;
  s.schema_meta_field_.name = "__schema";
  s.schema_meta_field_.type = resolve("__Schema!");
  s.schema_meta_field_.description = "Access the current type schema of this server.";
  s.type_meta_field_.name = "__type";
  s.type_meta_field_.type = resolve("__Type");
  s.type_meta_field_.description = "Request the type information of a single type.";
  input_value name_arg;
  name_arg.name = "name";
  name_arg.type = resolve("String!");
  s.type_meta_field_.args.push_back(std::move(name_arg));
  s.typename_meta_field_.name = "__typename";
  s.typename_meta_field_.type = resolve("String!");
  s.typename_meta_field_.description = "The name of the current Object type at runtime.";
}

void schema_assembler::compute_abstract_tables() {
  auto& s = *schema_;
  const std::size_t words = (s.types_.size() + 63) / 64;
  auto set_bit = [](std::vector<std::uint64_t>& bits, const named_type& t) {
    bits[t.index() >> 6] |= std::uint64_t{1} << (t.index() & 63);
  };
  for (auto& i : s.interfaces_) i.sub_types_.assign(words, 0);
  for (auto& u : s.unions_) u.sub_types_.assign(words, 0);
  // Implementations in type-map order, as graphql-js's _implementationsMap.
  for (const named_type* t : s.types_) {
    const auto* ft = as_fields_type(t);
    if (!ft) continue;
    for (const named_type* declared : ft->declared_interfaces_) {
      auto* iface = const_cast<interface_type*>(as_interface(declared));
      if (!iface) continue;
      if (const auto* o = as_object(t)) {
        iface->possible_types_.push_back(o);
      } else {
        iface->interface_implementations_.push_back(as_interface(t));
      }
      set_bit(iface->sub_types_, *t);
    }
  }
  for (auto& u : s.unions_) {
    for (const named_type* m : u.declared_members_) {
      if (const auto* o = as_object(m)) u.possible_types_.push_back(o);
      set_bit(u.sub_types_, *m);
    }
  }
}

void schema_assembler::finalize_typed_views() {
  auto& s = *schema_;
  auto fill = [](fields_type& t) {
    t.interfaces_.reserve(t.declared_interfaces_.size());
    for (const named_type* d : t.declared_interfaces_) {
      if (const auto* i = as_interface(d)) t.interfaces_.push_back(i);
    }
  };
  for (auto& o : s.objects_) fill(o);
  for (auto& i : s.interfaces_) fill(i);
  s.query_ = as_object(s.declared_roots_[0]);
  s.mutation_ = as_object(s.declared_roots_[1]);
  s.subscription_ = as_object(s.declared_roots_[2]);
}

void schema_assembler::check_name(std::string_view name) {
  if (auto message = name_error(name)) report(std::move(*message));
}

}  // namespace cohort::graphql::type::detail
