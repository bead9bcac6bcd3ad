#include "actors/workspace/metadata/field_input.hpp"

#include <boost/json.hpp>

#include "actors/workspace/metadata/plan_support.hpp"
#include "model/composite_types.hpp"
#include "model/names.hpp"
#include "model/select_options.hpp"

namespace cohort::actors::metadata {

namespace json = boost::json;
using model::field_type;

std::optional<metadata_error> check_field_name(const model::object_metadata& object,
                                               const std::string& name,
                                               const std::string& except_field_id) {
  if (auto e = model::validate_metadata_name(name)) {
    if (e->code == model::name_error_code::not_camel_case) {
      return invalid_field_input("{name} should be in camelCase");
    }
    return invalid_field_input(e->message, e->user_friendly_message);
  }
  for (const auto& f : object.fields) {
    if (f.id == except_field_id) continue;
    bool taken = f.name == name;
    if (f.is_many_to_one() && f.relation->join_column_name == name) taken = true;
    for (const auto& column : model::composite_column_names(f.name, f.type)) {
      if (column == name) taken = true;
    }
    if (taken) {
      return invalid_field_input("Name \"" + name +
                                     "\" is not available, check that it is not duplicating "
                                     "another field's name.",
                                 "Name is not available, it may be duplicating another field's "
                                 "name.");
    }
  }
  return std::nullopt;
}

std::variant<std::vector<model::select_option>, metadata_error> read_options(
    const json::value& input, const std::vector<model::select_option>& previous) {
  if (!input.is_array()) return invalid_field_input("Options must be an array");
  std::vector<model::select_option> out;
  int index = 0;
  for (const auto& v : input.as_array()) {
    if (!v.is_object()) return invalid_field_input("Options must be objects");
    const auto& o = v.as_object();
    model::select_option option;
    option.id = input_string(o, "id").value_or("");
    option.value = input_string(o, "value").value_or("");
    option.label = input_string(o, "label").value_or("");
    option.color = input_string(o, "color").value_or("");
    option.position = index;
    if (auto* p = o.if_contains("position"); p && p->is_number()) {
      option.position = static_cast<int>(p->to_number<double>());
    }
    option = model::normalize_option(std::move(option));
    out.push_back(std::move(option));
    ++index;
  }
  if (auto e = model::validate_options(out)) return invalid_field_input(*e);
  for (auto& option : out) {
    if (!option.id.empty()) continue;
    for (const auto& p : previous) {
      if (p.value == option.value) option.id = p.id;
    }
    if (option.id.empty()) option.id = random_uuid();
  }
  return out;
}

json::value generated_default(field_type type) {
  switch (type) {
    case field_type::text:
      return "''";
    case field_type::full_name:
      return json::object{{"firstName", "''"}, {"lastName", "''"}};
    case field_type::emails:
      return json::object{{"primaryEmail", "''"}, {"additionalEmails", nullptr}};
    case field_type::links:
      return json::object{
          {"primaryLinkUrl", "''"}, {"primaryLinkLabel", "''"}, {"secondaryLinks", nullptr}};
    case field_type::phones:
      return json::object{{"primaryPhoneNumber", "''"},
                          {"primaryPhoneCountryCode", "''"},
                          {"primaryPhoneCallingCode", "''"},
                          {"additionalPhones", nullptr}};
    case field_type::currency:
      return json::object{{"amountMicros", nullptr}, {"currencyCode", "''"}};
    case field_type::address:
      return json::object{{"addressStreet1", "''"}, {"addressStreet2", "''"},
                          {"addressCity", "''"},    {"addressPostcode", "''"},
                          {"addressState", "''"},   {"addressCountry", "''"},
                          {"addressLat", nullptr},  {"addressLng", nullptr}};
    case field_type::actor:
      return json::object{{"source", "'MANUAL'"}, {"name", "''"}};
    default:
      return nullptr;
  }
}

namespace {

std::vector<model::select_option> rating_options() {
  std::vector<model::select_option> out;
  for (int i = 1; i <= 5; ++i) {
    out.push_back({random_uuid(), "RATING_" + std::to_string(i), std::to_string(i), "", i - 1});
  }
  return out;
}

bool creatable(field_type type) {
  if (model::is_legacy(type)) return false;
  switch (type) {
    case field_type::ts_vector:
    case field_type::morph_relation:
    case field_type::relation:
    case field_type::position:
      return false;
    default:
      return true;
  }
}

}  // namespace

std::variant<model::field_metadata, metadata_error> read_new_field(
    const model::object_metadata& object, const json::object& input) {
  model::field_metadata f;
  f.id = random_uuid();
  f.object_id = object.id;
  f.is_custom = true;
  auto type_name = input_string(input, "type").value_or("");
  auto type = model::field_type_from_string(type_name);
  if (!type || !creatable(*type)) {
    return invalid_field_input("Field type " + type_name + " cannot be created",
                               "This field type cannot be created.");
  }
  f.type = *type;
  f.name = input_string(input, "name").value_or("");
  if (auto e = check_field_name(object, f.name)) return *e;
  f.label = trim(input_string(input, "label").value_or(""));
  if (f.label.empty()) return invalid_field_input("Label is required", "Label is required.");
  f.description = input_string(input, "description");
  f.icon = input_string(input, "icon");
  f.is_active = input_bool(input, "isActive").value_or(true);
  f.is_system = input_bool(input, "isSystem").value_or(false);
  f.is_ui_read_only = input_bool(input, "isUIReadOnly").value_or(false);
  f.is_unique = input_bool(input, "isUnique").value_or(false);
  f.is_label_synced_with_name = input_bool(input, "isLabelSyncedWithName").value_or(false);
  // Twenty keeps text non-nullable (an empty string stands for "no value").
  f.is_nullable = input_bool(input, "isNullable").value_or(f.type != field_type::text);
  const json::value* given_default = input.if_contains("defaultValue");
  if (given_default && !given_default->is_null()) {
    f.default_value = *given_default;
  } else {
    f.default_value = generated_default(f.type);
  }
  if (input_bool(input, "isNullable") == false && f.default_value.is_null()) {
    return invalid_field_input("Default value is required for non nullable fields");
  }
  if (auto* settings = input.if_contains("settings")) f.settings = *settings;
  if (model::has_options(f.type)) {
    const json::value* options = input.if_contains("options");
    if (f.type == field_type::rating && (!options || options->is_null())) {
      f.options = rating_options();
    } else {
      auto read = read_options(options ? *options : json::value(nullptr));
      if (auto* e = std::get_if<metadata_error>(&read)) return *e;
      f.options = std::get<std::vector<model::select_option>>(std::move(read));
    }
    if (auto e = model::validate_option_default(f.type, f.default_value, f.options)) {
      return invalid_field_input(*e);
    }
  }
  return f;
}

}  // namespace cohort::actors::metadata
