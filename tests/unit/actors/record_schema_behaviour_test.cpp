// What the record schema generator does beyond the recorded workspace: it leaves out what is
// inactive, merges into types the builder already has instead of doubling them, hands each root
// field the resolver its factory gives, and builds a valid schema for field types the recording
// did not use.
#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <map>
#include <string>
#include <vector>

#include "actors/workspace/schema/record_schema.hpp"
#include "graphql/execution/execute.hpp"
#include "graphql/language/parser.hpp"
#include "record_schema_fixture.hpp"

namespace {

namespace json = boost::json;
namespace rs = cohort::testing::record_schema;
namespace ws = cohort::actors::workspace_schema;
using cohort::graphql::type::schema_builder;
using cohort::model::field_metadata;
using cohort::model::field_type;
using cohort::model::object_metadata;

std::vector<std::string> member_names(const json::object& type, const char* key) {
  std::vector<std::string> out;
  if (!type.at(key).is_array()) return out;
  for (const auto& m : type.at(key).as_array()) out.emplace_back(m.at("name").as_string());
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

json::object introspect_objects(std::vector<object_metadata> objects) {
  schema_builder builder;
  cohort::model::workspace_model model("w", "workspace_w", 1, std::move(objects));
  ws::add_record_schema(builder, model);
  return rs::introspect(std::move(builder));
}

field_metadata* field_of(std::vector<object_metadata>& objects, const std::string& object,
                         const std::string& field) {
  for (auto& o : objects) {
    if (o.name_singular != object) continue;
    for (auto& f : o.fields) {
      if (f.name == field) return &f;
    }
  }
  return nullptr;
}

TEST(RecordSchema, InactiveObjectsAndFieldsAreLeftOut) {
  auto objects = rs::recorded_objects();
  for (auto& o : objects) {
    if (o.name_singular == "pet") o.is_active = false;
  }
  field_of(objects, "person", "jobTitle")->is_active = false;
  const auto schema = introspect_objects(std::move(objects));
  ASSERT_FALSE(schema.empty());

  EXPECT_EQ(rs::find_type(schema, "Pet"), nullptr);
  EXPECT_EQ(rs::find_type(schema, "PetFilterInput"), nullptr);
  EXPECT_FALSE(contains(member_names(*rs::find_type(schema, "Query"), "fields"), "pets"));
  EXPECT_FALSE(contains(member_names(*rs::find_type(schema, "Mutation"), "fields"), "createPet"));
  // Relations towards the inactive object go with it, join column included.
  const auto attachment = member_names(*rs::find_type(schema, "Attachment"), "fields");
  EXPECT_FALSE(contains(attachment, "pet"));
  EXPECT_FALSE(contains(attachment, "petId"));
  EXPECT_TRUE(contains(attachment, "personId"));
  EXPECT_FALSE(contains(
      member_names(*rs::find_type(schema, "AttachmentCreateInput"), "inputFields"), "pet"));
  for (const char* type : {"Person", "PersonConnection"}) {
    const auto fields = member_names(*rs::find_type(schema, type), "fields");
    EXPECT_FALSE(contains(fields, "jobTitle")) << type;
    EXPECT_FALSE(contains(fields, "countEmptyJobTitle")) << type;
  }
  for (const char* type : {"PersonFilterInput", "PersonCreateInput", "PersonOrderByInput"}) {
    EXPECT_FALSE(contains(member_names(*rs::find_type(schema, type), "inputFields"), "jobTitle"))
        << type;
  }
  EXPECT_TRUE(contains(member_names(*rs::find_type(schema, "Person"), "fields"), "city"));
}

TEST(RecordSchema, TypesTheBuilderHasAreMergedNotAddedTwice) {
  schema_builder builder;
  auto& page = builder.add_object("PageInfo");
  page.field("total", "Int");
  page.field("hasNextPage", "Boolean");
  auto& is = builder.add_enum("FilterIs");
  is.value("NotNull");
  is.value("Null");
  builder.add_scalar("UUID").describe("The platform's UUID");
  ws::add_record_schema(builder, *rs::standard_model());
  const auto schema = rs::introspect(std::move(builder));
  ASSERT_FALSE(schema.empty());

  const auto* page_info = rs::find_type(schema, "PageInfo");
  EXPECT_EQ(member_names(*page_info, "fields"),
            (std::vector<std::string>{"total", "hasNextPage", "hasPreviousPage", "startCursor",
                                      "endCursor"}));
  const auto& has_next = page_info->at("fields").as_array()[1].as_object();
  EXPECT_EQ(has_next.at("type").at("kind"), "NON_NULL");
  EXPECT_EQ(has_next.at("description"), "true if paging forward and there are more records.");
  EXPECT_EQ(member_names(*rs::find_type(schema, "FilterIs"), "enumValues"),
            (std::vector<std::string>{"NULL", "NOT_NULL", "NotNull", "Null"}));
  EXPECT_EQ(rs::find_type(schema, "UUID")->at("description"), "The platform's UUID");
}

TEST(RecordSchema, TwoModelsInOneBuilderShareTheirCommonTypes) {
  // A second call sees every shared type already there and only merges (a no-op for equal types):
  // the builder must still build, with one type per name.
  schema_builder builder;
  ws::add_record_schema(builder, *rs::standard_model());
  ws::add_record_schema(builder, *rs::standard_model());
  auto built = std::move(builder).build();
  ASSERT_TRUE(built) << built.errors.front();
}

TEST(RecordSchema, EveryRootFieldGetsTheResolverItsFactoryGives) {
  std::map<std::string, int> asked;
  ws::root_resolver_factory factory = [&](const object_metadata& object,
                                          ws::record_root_field kind) {
    ++asked[object.name_singular + "." + std::string(ws::to_string(kind))];
    if (object.name_singular != "person" || kind != ws::record_root_field::find_many) {
      return cohort::graphql::execution::field_resolver{};
    }
    return cohort::graphql::execution::field_resolver(
        [](cohort::graphql::execution::resolve_info& info,
           cohort::graphql::execution::completion done) {
          done.resolve(json::object{{"totalCount", info.args().contains("first") ? 7 : 3}});
        });
  };
  schema_builder builder;
  ws::add_record_schema(builder, *rs::standard_model(), factory);
  auto built = std::move(builder).build();
  ASSERT_TRUE(built) << built.errors.front();

  // 34 objects x 12 root fields, plus findDuplicates and mergeMany for company and person.
  EXPECT_EQ(asked.size(), 34u * 12 + 4);
  EXPECT_EQ(asked["person.findDuplicates"], 1);
  EXPECT_EQ(asked["person.mergeMany"], 1);
  EXPECT_EQ(asked.count("note.mergeMany"), 0u);

  auto parsed = cohort::graphql::language::parse("{ people(first: 2) { totalCount } }");
  ASSERT_TRUE(parsed.ok());
  cohort::graphql::execution::execution_request request;
  request.schema = built.schema;
  request.document =
      std::make_shared<const cohort::graphql::language::document>(std::move(parsed).value());
  const auto result = cohort::graphql::execution::execute_sync(std::move(request));
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(json::parse(result->body), json::parse(R"({"data":{"people":{"totalCount":7}}})"));
}

TEST(RecordSchema, RootFieldNamesFollowTwentysNaming) {
  const auto* person = rs::standard_model()->find_object("person");
  ASSERT_NE(person, nullptr);
  std::vector<std::string> names;
  for (auto kind : ws::all_record_root_fields()) {
    if (ws::has_root_field(*person, kind)) names.push_back(ws::root_field_name(*person, kind));
  }
  EXPECT_EQ(names,
            (std::vector<std::string>{
                "people", "person", "personDuplicates", "createPeople", "createPerson",
                "updatePerson", "deletePerson", "updatePeople", "deletePeople", "destroyPerson",
                "destroyPeople", "restorePerson", "restorePeople", "mergePeople"}));
  EXPECT_TRUE(ws::is_mutation(ws::record_root_field::merge_many));
  EXPECT_FALSE(ws::is_mutation(ws::record_root_field::find_duplicates));
}

// Field types no recorded object uses still give a valid schema with Twenty's type names.
TEST(RecordSchema, FieldTypesTheRecordingDidNotUseGiveAValidSchema) {
  auto objects = rs::recorded_objects();
  auto& pet = *std::find_if(objects.begin(), objects.end(),
                            [](const object_metadata& o) { return o.name_singular == "pet"; });
  auto add = [&](std::string name, field_type type, const char* settings = nullptr) {
    field_metadata f;
    f.id = "extra-" + name;
    f.name = std::move(name);
    f.type = type;
    f.label = f.name;
    if (settings) f.settings = json::parse(settings);
    pet.fields.push_back(std::move(f));
    return &pet.fields.back();
  };
  add("legs", field_type::number, R"({"dataType":"int"})");
  add("chipNumber", field_type::number, R"({"dataType":"bigint"})");
  add("birthday", field_type::date);
  add("price", field_type::numeric);
  add("tags", field_type::array);
  add("notes", field_type::raw_json);
  using option = cohort::model::select_option;
  add("stars", field_type::rating)->options = {option{"1", "RATING_1", "1", "gray", 0},
                                               option{"2", "RATING_2", "2", "gray", 1}};
  add("colors", field_type::multi_select)->options = {option{"b", "BLACK", "Black", "gray", 0}};
  add("photos", field_type::files);
  const auto schema = introspect_objects(std::move(objects));
  ASSERT_FALSE(schema.empty());

  std::map<std::string, std::string> filters;
  for (const auto& f : rs::find_type(schema, "PetFilterInput")->at("inputFields").as_array()) {
    if (f.at("type").at("kind") != "INPUT_OBJECT") continue;  // and, or: lists
    filters[std::string(f.at("name").as_string())] =
        std::string(f.at("type").at("name").as_string());
  }
  EXPECT_EQ(filters["legs"], "IntFilter");
  EXPECT_EQ(filters["chipNumber"], "BigIntFilter");
  EXPECT_EQ(filters["birthday"], "DateFilter");
  EXPECT_EQ(filters["price"], "BigFloatFilter");
  EXPECT_EQ(filters["tags"], "ArrayFilter");
  EXPECT_EQ(filters["notes"], "RawJsonFilter");
  EXPECT_EQ(filters["stars"], "PetStarsEnumFilter");
  EXPECT_EQ(filters["colors"], "PetColorsEnumFilter");
  // 1.6.0 has no type for FILES fields: they stay out of the schema.
  EXPECT_FALSE(filters.contains("photos"));
  EXPECT_NE(rs::find_type(schema, "BigInt"), nullptr);
  EXPECT_EQ(member_names(*rs::find_type(schema, "PetStarsEnum"), "enumValues"),
            (std::vector<std::string>{"RATING_1", "RATING_2"}));
}

}  // namespace
