// The CoreView API of /metadata: views with their fields, filters, filter groups, sorts and
// groups, created, read, updated, soft-deleted and destroyed on the caller's workspace.
#include <gtest/gtest.h>

#include "metadata_server.hpp"

using namespace cohort::testing;
namespace json = boost::json;

namespace {

std::string field_id(metadata_server& s, const std::string& object, const std::string& name) {
  auto d =
      s.data("query($id: UUID!) { object(id: $id) { fieldsList { id name } } }", {{"id", object}});
  for (const auto& f : d.at("object").at("fieldsList").as_array()) {
    if (f.at("name") == json::value(name)) return std::string(f.at("id").as_string());
  }
  ADD_FAILURE() << "no field " << name;
  return {};
}

}  // namespace

TEST(MetadataViews, AViewWithItsChildrenFromCreationToDestruction) {
  auto& s = metadata_server::shared();
  const auto company = s.object_id("company");
  const auto name = field_id(s, company, "name");
  auto created = s.data(
      "mutation($input: CreateViewInput!) { createCoreView(input: $input) { id name "
      "objectMetadataId type key icon position isCompact openRecordIn workspaceId viewFields { "
      "id } deletedAt } }",
      {{"input",
        {{"name", "All companies"},
         {"objectMetadataId", company},
         {"icon", "IconList"},
         {"key", "INDEX"}}}});
  ASSERT_FALSE(created.is_null());
  const auto& view = created.at("createCoreView");
  const std::string view_id(view.at("id").as_string());
  EXPECT_EQ(view.at("type"), json::value("TABLE"));
  EXPECT_EQ(view.at("key"), json::value("INDEX"));
  EXPECT_EQ(view.at("openRecordIn"), json::value("SIDE_PANEL"));
  EXPECT_EQ(view.at("workspaceId"), json::value(s.workspace_id));
  EXPECT_EQ(view.at("viewFields"), json::array{});
  EXPECT_EQ(view.at("deletedAt"), json::value(nullptr));

  auto vf = s.data(
      "mutation($input: CreateViewFieldInput!) { createCoreViewField(input: $input) "
      "{ id viewId fieldMetadataId isVisible size position } }",
      {{"input", {{"viewId", view_id}, {"fieldMetadataId", name}, {"size", 180}}}});
  ASSERT_FALSE(vf.is_null());
  const std::string vf_id(vf.at("createCoreViewField").at("id").as_string());
  EXPECT_EQ(vf.at("createCoreViewField").at("isVisible"), json::value(true));
  EXPECT_EQ(vf.at("createCoreViewField").at("viewId"), json::value(view_id));
  auto hidden = s.data(
      "mutation($input: UpdateViewFieldInput!) { updateCoreViewField(input: "
      "$input) { id isVisible size } }",
      {{"input", {{"id", vf_id}, {"update", {{"isVisible", false}}}}}});
  ASSERT_FALSE(hidden.is_null());
  EXPECT_EQ(hidden.at("updateCoreViewField").at("isVisible"), json::value(false));
  EXPECT_EQ(hidden.at("updateCoreViewField").at("size"), json::value(180));

  auto filter = s.data(
      "mutation($input: CreateViewFilterInput!) { createCoreViewFilter(input: "
      "$input) { id operand value } }",
      {{"input",
        {{"viewId", view_id},
         {"fieldMetadataId", name},
         {"operand", "CONTAINS"},
         {"value", "Air"}}}});
  ASSERT_FALSE(filter.is_null());
  const std::string filter_id(filter.at("createCoreViewFilter").at("id").as_string());
  auto changed = s.data(
      "mutation($id: String!, $input: UpdateViewFilterInput!) { "
      "updateCoreViewFilter(id: $id, input: $input) { value } }",
      {{"id", filter_id}, {"input", {{"value", "Bnb"}}}});
  ASSERT_FALSE(changed.is_null());
  EXPECT_EQ(changed.at("updateCoreViewFilter").at("value"), json::value("Bnb"));
  ASSERT_FALSE(s.data("mutation($input: CreateViewSortInput!) { createCoreViewSort(input: $input) "
                      "{ direction } }",
                      {{"input", {{"viewId", view_id}, {"fieldMetadataId", name}}}})
                   .is_null());
  ASSERT_FALSE(
      s.data("mutation($input: CreateViewGroupInput!) { createCoreViewGroup(input: "
             "$input) { fieldValue } }",
             {{"input", {{"viewId", view_id}, {"fieldMetadataId", name}, {"fieldValue", "x"}}}})
          .is_null());
  ASSERT_FALSE(s.data("mutation($input: CreateViewFilterGroupInput!) { "
                      "createCoreViewFilterGroup(input: $input) { logicalOperator } }",
                      {{"input", {{"viewId", view_id}, {"logicalOperator", "OR"}}}})
                   .is_null());

  auto listed = s.data(
      "query($object: String) { getCoreViews(objectMetadataId: $object) { id "
      "name viewFields { isVisible } viewFilters { value } viewSorts { "
      "direction } viewGroups { fieldValue } viewFilterGroups { logicalOperator "
      "} } }",
      {{"object", company}});
  ASSERT_FALSE(listed.is_null());
  // The workspace's default "All Companies" view is listed beside the new one.
  const auto& views = listed.at("getCoreViews").as_array();
  ASSERT_EQ(views.size(), 2u);
  const json::value* new_view = nullptr;
  for (const auto& v : views) {
    if (v.at("id") == json::value(view_id)) new_view = &v;
  }
  ASSERT_NE(new_view, nullptr);
  EXPECT_EQ(new_view->at("viewFilters").at(0).at("value"), json::value("Bnb"));
  EXPECT_EQ(new_view->at("viewSorts").at(0).at("direction"), json::value("ASC"));
  EXPECT_EQ(new_view->at("viewFilterGroups").at(0).at("logicalOperator"), json::value("OR"));
  auto fields =
      s.data("query($v: String!) { getCoreViewFields(viewId: $v) { id } }", {{"v", view_id}});
  EXPECT_EQ(fields.at("getCoreViewFields").as_array().size(), 1u);

  auto deleted =
      s.data("mutation($id: String!) { deleteCoreViewFilter(id: $id) }", {{"id", filter_id}});
  EXPECT_EQ(deleted.at("deleteCoreViewFilter"), json::value(true));
  auto renamed = s.data(
      "mutation($id: String!, $input: UpdateViewInput!) { updateCoreView(id: "
      "$id, input: $input) { name viewFilters { id } } }",
      {{"id", view_id}, {"input", {{"name", "Companies"}}}});
  EXPECT_EQ(renamed.at("updateCoreView").at("name"), json::value("Companies"));
  EXPECT_EQ(renamed.at("updateCoreView").at("viewFilters"), json::array{});

  EXPECT_EQ(s.data("mutation($id: String!) { deleteCoreView(id: $id) }", {{"id", view_id}})
                .at("deleteCoreView"),
            json::value(true));
  // Only the default view is left.
  auto left = s.data("query($object: String) { getCoreViews(objectMetadataId: $object) { key } }",
                     {{"object", company}});
  EXPECT_EQ(left.at("getCoreViews"), (json::array{json::object{{"key", "INDEX"}}}));
  auto rows = s.sql("SELECT count(*) FROM core.view_entity WHERE id = '" + view_id +
                    "' OR view_id = '" + view_id + "'");
  EXPECT_EQ(rows.get(0, 0), "6");  // soft-deleted: kept
  EXPECT_EQ(s.data("mutation($id: String!) { destroyCoreView(id: $id) }", {{"id", view_id}})
                .at("destroyCoreView"),
            json::value(true));
  rows = s.sql("SELECT count(*) FROM core.view_entity WHERE id = '" + view_id + "' OR view_id = '" +
               view_id + "'");
  EXPECT_EQ(rows.get(0, 0), "0");
}

TEST(MetadataViews, Refusals) {
  auto& s = metadata_server::shared();
  auto anonymous = s.post("{ getCoreViews { id } }", {}, "/metadata", "");
  EXPECT_NE(anonymous.body.find("Forbidden resource"), std::string::npos) << anonymous.body;
  auto unknown_object =
      s.first_error("mutation($input: CreateViewInput!) { createCoreView(input: $input) { id } }",
                    {{"input",
                      {{"name", "X"},
                       {"objectMetadataId", "00000000-0000-4000-8000-000000000000"},
                       {"icon", "IconList"}}}});
  EXPECT_EQ(unknown_object.at("extensions").at("code"), json::value("NOT_FOUND"));
  const auto company = s.object_id("company");
  auto orphan = s.first_error(
      "mutation($input: CreateViewSortInput!) { createCoreViewSort(input: $input) { id } }",
      {{"input",
        {{"viewId", "00000000-0000-4000-8000-000000000000"},
         {"fieldMetadataId", field_id(s, company, "name")}}}});
  EXPECT_EQ(orphan.at("message"), json::value("View not found"));
  auto missing =
      s.first_error("mutation { updateCoreView(id: \"nope\", input: {name: \"x\"}) { id } }");
  EXPECT_EQ(missing.at("extensions").at("code"), json::value("NOT_FOUND"));
  auto none = s.data("{ getCoreView(id: \"00000000-0000-4000-8000-000000000000\") { id } }");
  EXPECT_EQ(none.at("getCoreView"), json::value(nullptr));
}

TEST(MetadataViews, ObjectsGetAnIndexViewAndDeletionsTakeTheirViewsAlong) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("keg", "kegs");
  auto views = s.data(
      "query($o: String) { getCoreViews(objectMetadataId: $o) { id name key "
      "viewFields { fieldMetadataId isVisible position } } }",
      {{"o", object}});
  ASSERT_FALSE(views.is_null());
  const auto& list = views.at("getCoreViews").as_array();
  ASSERT_EQ(list.size(), 1u);
  EXPECT_EQ(list[0].at("name"), json::value("All Kegs"));
  EXPECT_EQ(list[0].at("key"), json::value("INDEX"));
  const auto& fields = list[0].at("viewFields").as_array();
  ASSERT_GE(fields.size(), 3u);
  EXPECT_EQ(fields[0].at("fieldMetadataId"), json::value(field_id(s, object, "name")));
  const std::string view_id(list[0].at("id").as_string());

  auto volume =
      s.create_field(object, {{"type", "NUMBER"}, {"name", "volume"}, {"label", "Volume"}});
  ASSERT_FALSE(s.data("mutation($input: CreateViewFilterInput!) { createCoreViewFilter(input: "
                      "$input) { id } }",
                      {{"input",
                        {{"viewId", view_id},
                         {"fieldMetadataId", volume},
                         {"operand", "GREATER_THAN_OR_EQUAL"},
                         {"value", "10"}}}})
                   .is_null());
  s.update_field(volume, {{"isActive", false}});
  ASSERT_FALSE(s.data("mutation($input: DeleteOneFieldInput!) { deleteOneField(input: $input) { "
                      "id } }",
                      {{"input", {{"id", volume}}}})
                   .is_null());
  auto filters =
      s.data("query($v: String) { getCoreViewFilters(viewId: $v) { id } }", {{"v", view_id}});
  EXPECT_EQ(filters.at("getCoreViewFilters"), json::array{});

  ASSERT_FALSE(s.data("mutation($input: DeleteOneObjectInput!) { deleteOneObject(input: $input) "
                      "{ id } }",
                      {{"input", {{"id", object}}}})
                   .is_null());
  auto rows = s.sql("SELECT count(*) FROM core.view_entity WHERE object_metadata_id = '" + object +
                    "' OR view_id = '" + view_id + "'");
  EXPECT_EQ(rows.get(0, 0), "0");
}
