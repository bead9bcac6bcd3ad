#include "record_schema_fixture.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>

#include "graphql/utilities/build_client_schema.hpp"
#include "graphql/utilities/introspection_from_schema.hpp"
#include "model/names.hpp"
#include "model/standard/standard_objects.hpp"

namespace cohort::testing::record_schema {

namespace json = boost::json;
using model::field_metadata;
using model::field_type;
using model::object_metadata;
using model::relation_type;

namespace {

json::object load_schema(const char* file) {
  std::ifstream in(std::string(COHORT_SHARED_DIR) + "/spec/twenty-golden/" + file);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return json::parse(buffer.str()).at("data").at("__schema").as_object();
}

// ---- the recorded workspace ----------------------------------------------------------------

field_metadata plain_field(std::string name, field_type type, std::string label,
                           std::optional<std::string> description) {
  field_metadata f;
  f.id = "recorded-field-" + name;
  f.name = std::move(name);
  f.type = type;
  f.label = std::move(label);
  f.description = std::move(description);
  return f;
}

field_metadata relation_field(const std::string& object, std::string name, relation_type type,
                              std::string target, std::string target_field,
                              std::string description) {
  auto f = plain_field(name, field_type::relation, model::capitalize(name), std::move(description));
  f.id = "recorded-field-" + object + "." + name;
  f.relation =
      model::field_relation{.type = type,
                            .target_object_id = "recorded-object-" + target,
                            .target_object_name = target,
                            .target_field_id = "recorded-field-" + target + "." + target_field,
                            .target_field_name = target_field,
                            .join_column_name = {}};
  if (type == relation_type::many_to_one) f.relation->join_column_name = name + "Id";
  return f;
}

// The custom object created while recording, as the golden Pet types show it.
object_metadata pet_object() {
  object_metadata pet;
  pet.id = "recorded-object-pet";
  pet.name_singular = "pet";
  pet.name_plural = "pets";
  pet.label_singular = "Pet";
  pet.label_plural = "Pets";
  pet.description = "A pet (bench custom object)";
  pet.is_custom = true;
  auto id = plain_field("id", field_type::uuid, "Id", "Id");
  id.is_nullable = false;
  id.default_value = "uuid";
  pet.fields.push_back(std::move(id));
  auto name = plain_field("name", field_type::text, "Name", "Name");
  name.is_nullable = false;
  name.default_value = "''";
  pet.fields.push_back(std::move(name));
  pet.fields.push_back(
      plain_field("createdAt", field_type::date_time, "Creation date", "Creation date"));
  pet.fields.push_back(plain_field("updatedAt", field_type::date_time, "Last update",
                                   "Last time the record was changed"));
  pet.fields.push_back(plain_field("deletedAt", field_type::date_time, "Deleted", "Deletion date"));
  pet.fields.push_back(
      plain_field("createdBy", field_type::actor, "Created by", "The creator of the record"));
  pet.fields.push_back(plain_field("position", field_type::position, "Position", "Position"));
  pet.fields.push_back(plain_field("searchVector", field_type::ts_vector, "Search vector",
                                   "Field used for full-text search"));
  pet.fields.push_back(plain_field("weightKg", field_type::number, "Weight (kg)", std::nullopt));
  auto size = plain_field("size", field_type::select, "Size", std::nullopt);
  size.default_value = "'SMALL'";
  size.options = {
      {.id = "small", .value = "SMALL", .label = "Small", .color = "green"},
      {.id = "large", .value = "LARGE", .label = "Large", .color = "red", .position = 1}};
  pet.fields.push_back(std::move(size));
  pet.fields.push_back(plain_field("vaccinated", field_type::boolean, "Vaccinated", std::nullopt));
  auto species = plain_field("species", field_type::text, "Species", "Latin or common name");
  species.is_nullable = false;
  species.default_value = "''";
  pet.fields.push_back(std::move(species));
  for (const auto& [plural, singular, label] :
       std::vector<std::tuple<std::string, std::string, std::string>>{
           {"timelineActivities", "timelineActivity", "TimelineActivities"},
           {"favorites", "favorite", "Favorites"},
           {"attachments", "attachment", "Attachments"},
           {"noteTargets", "noteTarget", "NoteTargets"},
           {"taskTargets", "taskTarget", "TaskTargets"}}) {
    pet.fields.push_back(relation_field("pet", plural, relation_type::one_to_many, singular, "pet",
                                        label + " tied to the Pet"));
  }
  return pet;
}

// Where the recording placed each custom field: Twenty lists an object's fields in database
// order, which put the `pet` relation first on most activity objects and after `deletedAt` on
// attachment, and `nickname` first on person.
void add_custom_fields(std::vector<object_metadata>& objects) {
  const std::map<std::string, std::pair<std::string, std::string>> pet_inverse{
      {"timelineActivity", {"timelineActivities", "TimelineActivities Pet"}},
      {"favorite", {"favorites", "Favorites Pet"}},
      {"attachment", {"attachments", "Attachments Pet"}},
      {"noteTarget", {"noteTargets", "NoteTargets Pet"}},
      {"taskTarget", {"taskTargets", "TaskTargets Pet"}}};
  for (auto& object : objects) {
    if (auto it = pet_inverse.find(object.name_singular); it != pet_inverse.end()) {
      auto pet = relation_field(object.name_singular, "pet", relation_type::many_to_one, "pet",
                                it->second.first, it->second.second);
      auto at = object.fields.begin();
      if (object.name_singular == "attachment") {
        at = std::find_if(object.fields.begin(), object.fields.end(),
                          [](const field_metadata& f) { return f.name == "author"; });
      }
      object.fields.insert(at, std::move(pet));
    }
    if (object.name_singular == "person") {
      auto nickname = plain_field("nickname", field_type::text, "Nickname", std::nullopt);
      nickname.is_nullable = false;
      nickname.default_value = "''";
      object.fields.insert(object.fields.begin(), std::move(nickname));
    }
  }
}

// Object order of the recording: the order of its findMany root fields.
std::vector<std::string> recorded_object_order() {
  std::vector<std::string> order;
  const auto* query = find_type(golden_graphql(), "Query");
  const auto platform = root_field_names(golden_metadata(), "Query");
  for (const auto& field : query->at("fields").as_array()) {
    const auto& type = field.at("type");
    if (platform.contains(std::string(field.at("name").as_string()))) continue;
    if (type.at("kind") != "OBJECT") continue;
    std::string name(type.at("name").as_string());
    if (!name.ends_with("Connection")) continue;
    order.push_back(name.substr(0, name.size() - std::string("Connection").size()));
  }
  return order;
}

// ---- comparison ----------------------------------------------------------------------------

std::string spell(const json::value& type) {
  if (type.is_null()) return "?";
  const auto& kind = type.at("kind").as_string();
  if (kind == "NON_NULL") return spell(type.at("ofType")) + "!";
  if (kind == "LIST") return "[" + spell(type.at("ofType")) + "]";
  return std::string(type.at("name").as_string());
}

std::string text(const json::value* v) {
  if (v == nullptr || v->is_null()) return "null";
  if (v->is_string()) return "\"" + std::string(v->as_string()) + "\"";
  return json::serialize(*v);
}

const json::value* member(const json::object& o, std::string_view key) {
  return o.if_contains(key);
}

std::vector<std::string> names_of(const json::value* list) {
  std::vector<std::string> out;
  if (list == nullptr || !list->is_array()) return out;
  for (const auto& item : list->as_array()) out.emplace_back(item.at("name").as_string());
  return out;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

const json::object* by_name(const json::value* list, const std::string& name) {
  if (list == nullptr || !list->is_array()) return nullptr;
  for (const auto& item : list->as_array()) {
    if (item.at("name").as_string() == name) return &item.as_object();
  }
  return nullptr;
}

void compare_scalar_member(std::vector<std::string>& diffs, const std::string& where,
                           const json::object& want, const json::object& got,
                           std::string_view key) {
  // The recording asked only for some keys (no input-value deprecation, no isOneOf).
  if (member(want, key) == nullptr) return;
  const auto w = text(member(want, key)), g = text(member(got, key));
  if (w != g) diffs.push_back(where + ": " + std::string(key) + " " + g + ", want " + w);
}

void compare_input_values(std::vector<std::string>& diffs, const std::string& where,
                          const json::value* want, const json::value* got) {
  const auto want_names = names_of(want), got_names = names_of(got);
  if (want_names != got_names) {
    diffs.push_back(where + ": [" + joined(got_names) + "], want [" + joined(want_names) + "]");
  }
  for (const auto& name : want_names) {
    const auto* w = by_name(want, name);
    const auto* g = by_name(got, name);
    if (g == nullptr) continue;
    const std::string at = where + "." + name;
    if (spell(w->at("type")) != spell(g->at("type"))) {
      diffs.push_back(at + ": type " + spell(g->at("type")) + ", want " + spell(w->at("type")));
    }
    for (auto key : {"description", "defaultValue", "isDeprecated", "deprecationReason"}) {
      compare_scalar_member(diffs, at, *w, *g, key);
    }
  }
}

}  // namespace

const json::object& golden_graphql() {
  static const json::object schema = load_schema("introspection-graphql.json");
  return schema;
}

const json::object& golden_metadata() {
  static const json::object schema = load_schema("introspection-metadata.json");
  return schema;
}

const json::object* find_type(const json::object& schema, std::string_view name) {
  for (const auto& t : schema.at("types").as_array()) {
    if (t.at("name").as_string() == name) return &t.as_object();
  }
  return nullptr;
}

const std::set<std::string>& metadata_type_names() {
  static const std::set<std::string> names = [] {
    std::set<std::string> out;
    for (const auto& t : golden_metadata().at("types").as_array()) {
      out.emplace(t.at("name").as_string());
    }
    return out;
  }();
  return names;
}

std::set<std::string> root_field_names(const json::object& schema, std::string_view root) {
  std::set<std::string> out;
  if (const auto* type = find_type(schema, root)) {
    for (const auto& name : names_of(member(*type, "fields"))) out.insert(name);
  }
  return out;
}

std::vector<object_metadata> recorded_objects() {
  std::vector<object_metadata> objects;
  for (const auto& name : recorded_object_order()) {
    if (name == "Pet") {
      objects.push_back(pet_object());
      continue;
    }
    for (const auto& standard : model::standard::standard_objects()) {
      if (model::capitalize(standard.name_singular) == name) objects.push_back(standard);
    }
  }
  add_custom_fields(objects);
  return objects;
}

std::shared_ptr<const model::workspace_model> recorded_model() {
  return std::make_shared<const model::workspace_model>("recorded", "workspace_recorded", 1,
                                                        recorded_objects());
}

std::shared_ptr<const model::workspace_model> standard_model() {
  const auto standard = model::standard::standard_objects();
  return std::make_shared<const model::workspace_model>(
      "standard", "workspace_standard", 1,
      std::vector<object_metadata>(standard.begin(), standard.end()));
}

void add_recorded_platform_types(graphql::type::schema_builder& builder) {
  const json::value metadata{{"__schema", golden_metadata()}};
  graphql::utilities::introspection_import import;
  import.include_type = [](std::string_view name) {
    return find_type(golden_graphql(), name) != nullptr;
};
import.include_root_field = [](std::string_view root, std::string_view field) {
  const auto* type = find_type(golden_graphql(), root);
const auto* recorded = type ? by_name(member(*type, "fields"), std::string(field)) : nullptr;
if (recorded == nullptr) return graphql::utilities::root_field_choice::skip;
// /graphql lists some platform mutations without the arguments whose input types it lacks.
return recorded->at("args").as_array().empty()
           ? graphql::utilities::root_field_choice::keep_without_args
           : graphql::utilities::root_field_choice::keep;
};  // namespace cohort::testing::record_schema
const auto result = graphql::utilities::add_introspection_types(builder, metadata, import);
EXPECT_TRUE(result.ok()) << (result.errors.empty() ? "" : result.errors.front());
}

std::vector<std::string> compare_types(const json::object& want, const json::object& got) {
  std::vector<std::string> diffs;
  const std::string name(want.at("name").as_string());
  for (auto key : {"kind", "description", "specifiedByURL", "isOneOf"}) {
    compare_scalar_member(diffs, name, want, got, key);
  }
  for (auto key : {"interfaces", "possibleTypes"}) {
    if (names_of(member(want, key)) != names_of(member(got, key))) {
      diffs.push_back(name + ": " + key + " [" + joined(names_of(member(got, key))) + "], want [" +
                      joined(names_of(member(want, key))) + "]");
    }
  }
  const auto* want_fields = member(want, "fields");
  const auto* got_fields = member(got, "fields");
  const auto want_names = names_of(want_fields), got_names = names_of(got_fields);
  if (want_names != got_names) {
    diffs.push_back(name + ": fields [" + joined(got_names) + "], want [" + joined(want_names) +
                    "]");
  }
  std::set<std::string> common(want_names.begin(), want_names.end());
  auto fields = compare_fields(want, got, common);
  diffs.insert(diffs.end(), fields.begin(), fields.end());
  compare_input_values(diffs, name + " input fields", member(want, "inputFields"),
                       member(got, "inputFields"));
  const auto* want_values = member(want, "enumValues");
  const auto* got_values = member(got, "enumValues");
  if (names_of(want_values) != names_of(got_values)) {
    diffs.push_back(name + ": values [" + joined(names_of(got_values)) + "], want [" +
                    joined(names_of(want_values)) + "]");
  }
  for (const auto& value : names_of(want_values)) {
    const auto* w = by_name(want_values, value);
    const auto* g = by_name(got_values, value);
    if (g == nullptr) continue;
    for (auto key : {"description", "isDeprecated", "deprecationReason"}) {
      compare_scalar_member(diffs, name + "." + value, *w, *g, key);
    }
  }
  return diffs;
}

std::vector<std::string> compare_fields(const json::object& want, const json::object& got,
                                        const std::set<std::string>& names) {
  std::vector<std::string> diffs;
  const std::string type(want.at("name").as_string());
  for (const auto& name : names) {
    const auto* w = by_name(member(want, "fields"), name);
    const auto* g = by_name(member(got, "fields"), name);
    const std::string at = type + "." + name;
    if (w == nullptr || g == nullptr) {
      diffs.push_back(at + (g == nullptr ? ": missing" : ": not in the golden schema"));
      continue;
    }
    if (spell(w->at("type")) != spell(g->at("type"))) {
      diffs.push_back(at + ": type " + spell(g->at("type")) + ", want " + spell(w->at("type")));
    }
    for (auto key : {"description", "isDeprecated", "deprecationReason"}) {
      compare_scalar_member(diffs, at, *w, *g, key);
    }
    compare_input_values(diffs, at + " args", member(*w, "args"), member(*g, "args"));
  }
  return diffs;
}

json::object introspect(graphql::type::schema_builder builder) {
  auto built = std::move(builder).build();
  EXPECT_TRUE(built) << (built.errors.empty() ? "" : built.errors.front());
  if (!built) return {};
  return graphql::utilities::introspection_from_schema(*built.schema).at("__schema").as_object();
}

}  // namespace cohort::testing::record_schema
