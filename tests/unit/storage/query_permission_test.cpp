// The record permission check without a database, on hand-made roles: the object right each
// operation needs, read on the objects nested selections reach, and the field rights of what a
// query selects, filters on (at any depth), orders, groups, aggregates by and writes; the REST
// pruning of implicit selections; system objects exempt; Twenty's FORBIDDEN answer.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "model/standard/standard_objects.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/permission_check.hpp"

namespace sq = cohort::storage::query;
namespace model = cohort::model;
using model::projection_item;

namespace {

const model::workspace_model& standard_model() {
  static const model::workspace_model m(
      "20202020-1c25-4d02-bf25-6aeccf7ea419", "workspace_test", 1,
      std::vector<model::object_metadata>(model::standard::standard_objects().begin(),
                                          model::standard::standard_objects().end()));
  return m;
}

const model::object_metadata& object(std::string_view name) {
  return *standard_model().find_object(name);
}

const std::string& field_id(std::string_view object_name, std::string_view field) {
  return object(object_name).find_field(field)->id;
}

// A role that may do everything except what the test takes away.
std::shared_ptr<model::effective_permissions> member() {
  auto p = std::make_shared<model::effective_permissions>();
  p->role_label = "Member";
  return p;
}

std::shared_ptr<model::effective_permissions> without_read_of(std::string_view object_name) {
  auto p = member();
  model::object_rights none;
  none.read = none.update = none.soft_delete = none.destroy = false;
  p->objects[object(object_name).id] = none;
  return p;
}

std::shared_ptr<model::effective_permissions> job_title_hidden() {
  auto p = member();
  p->fields[field_id("person", "jobTitle")] = {.read = false, .update = false};
  return p;
}

projection_item field_item(std::string name) {
  projection_item item;
  item.k = projection_item::kind::field;
  item.key = name;
  item.field = std::move(name);
  return item;
}

model::record_query people(std::shared_ptr<const model::effective_permissions> p,
                           std::vector<projection_item> node = {field_item("id")}) {
  model::record_query q;
  q.object = "person";
  q.permissions = std::move(p);
  model::connection_selection::item edges;
  edges.k = model::connection_selection::item::kind::edges;
  edges.key = "edges";
  edges.edge_keys.push_back({model::connection_selection::item::edge_key::kind::node, "node", ""});
  edges.node = std::make_shared<model::record_selection>();
  edges.node->items = std::move(node);
  q.connection.items.push_back(edges);
  return q;
}

model::record_query total_count(std::shared_ptr<const model::effective_permissions> p,
                                std::string_view filter) {
  model::record_query q;
  q.object = "person";
  q.permissions = std::move(p);
  q.connection.page.filter = boost::json::parse(filter).as_object();
  model::connection_selection::item total;
  total.k = model::connection_selection::item::kind::aggregate;
  total.key = "totalCount";
  total.aggregate.operation = "totalCount";
  q.connection.items.push_back(total);
  return q;
}

bool refused(const model::record_query& q) {
  return sq::permission_refusal(q, standard_model()).has_value();
}

}  // namespace

TEST(QueryPermission, NullAndUnrestrictedPermissionsAllowEverything) {
  EXPECT_FALSE(refused(people(nullptr, {field_item("jobTitle")})));
  auto admin = without_read_of("person");
  admin->unrestricted = true;
  EXPECT_FALSE(refused(people(admin)));
}

TEST(QueryPermission, RefusalIsTwentysForbiddenAnswerAndStopsCompilation) {
  auto r = sq::compile(people(without_read_of("person")), standard_model());
  ASSERT_TRUE(std::holds_alternative<sq::record_error>(r));
  const auto& e = std::get<sq::record_error>(r);
  EXPECT_EQ(e.code, "FORBIDDEN");
  EXPECT_EQ(e.message, "Entity performing the request does not have permission");
  EXPECT_EQ(e.sub_code, std::optional<std::string>("PERMISSION_DENIED"));
  EXPECT_TRUE(std::holds_alternative<sq::compiled_statement>(
      sq::compile(people(member()), standard_model())));
}

TEST(QueryPermission, EachOperationNeedsItsObjectRight) {
  using op = model::record_operation;
  auto only = [](bool read, bool update, bool soft_delete, bool destroy) {
    auto p = member();
    p->all_objects = {read, update, soft_delete, destroy};
    return p;
  };
  auto query = [](op operation, std::shared_ptr<model::effective_permissions> p) {
    model::record_query q;
    q.object = "company";
    q.operation = operation;
    q.permissions = std::move(p);
    return q;
  };
  const auto reader = only(true, false, false, false);
  for (op o : {op::find_many, op::find_one, op::group_by, op::find_duplicates}) {
    EXPECT_FALSE(refused(query(o, reader)));
    EXPECT_TRUE(refused(query(o, only(false, true, true, true))));
  }
  for (op o : {op::create, op::update}) {
    EXPECT_TRUE(refused(query(o, reader)));
    EXPECT_FALSE(refused(query(o, only(true, true, false, false))));
  }
  for (op o : {op::soft_delete, op::restore}) {
    EXPECT_TRUE(refused(query(o, only(true, true, false, true))));
    EXPECT_FALSE(refused(query(o, only(true, false, true, false))));
  }
  EXPECT_TRUE(refused(query(op::destroy, only(true, true, true, false))));
  EXPECT_FALSE(refused(query(op::destroy, only(true, false, false, true))));
  EXPECT_TRUE(refused(query(op::merge, only(true, true, false, true))));
  EXPECT_TRUE(refused(query(op::merge, only(true, false, true, true))));
  EXPECT_FALSE(refused(query(op::merge, only(true, true, true, false))));
}

TEST(QueryPermission, NestedRelationsAndConnectionsNeedReadOnTheirTarget) {
  auto relation = field_item("company");
  relation.k = projection_item::kind::relation;
  relation.nested = std::make_shared<model::record_selection>();
  relation.nested->items.push_back(field_item("name"));
  EXPECT_TRUE(refused(people(without_read_of("company"), {field_item("id"), relation})));
  EXPECT_FALSE(refused(people(without_read_of("opportunity"), {field_item("id"), relation})));

  model::record_query companies;
  companies.object = "company";
  companies.operation = model::record_operation::find_one;
  companies.permissions = without_read_of("person");
  auto connection = field_item("people");
  connection.k = projection_item::kind::connection;
  connection.connection = std::make_shared<model::connection_selection>();
  companies.record.items = {field_item("id"), connection};
  EXPECT_TRUE(refused(companies));
}

TEST(QueryPermission, RestrictedFieldCannotBeSelected) {
  EXPECT_TRUE(refused(people(job_title_hidden(), {field_item("id"), field_item("jobTitle")})));
  EXPECT_FALSE(refused(people(job_title_hidden(), {field_item("id"), field_item("city")})));
}

// GHSA-v93q-4jcx-7p9m: a filter on a field the caller may not read answers nothing, not even a
// count, wherever it hides.
TEST(QueryPermission, RestrictedFieldCannotBeFilteredOnAtAnyDepth) {
  auto p = job_title_hidden();
  EXPECT_TRUE(refused(total_count(p, R"({"jobTitle": {"like": "%CEO%"}})")));
  EXPECT_TRUE(refused(total_count(p, R"({"and": [{"city": {"eq": "x"}}, {"or": [{"not":
      {"jobTitle": {"is": "NULL"}}}]}]})")));
  EXPECT_FALSE(refused(total_count(p, R"({"and": [{"city": {"eq": "x"}}]})")));
  // Composite subfields carry their field's right.
  auto names = member();
  names->fields[field_id("person", "emails")] = {.read = false, .update = true};
  EXPECT_TRUE(refused(total_count(names, R"({"emails": {"primaryEmail": {"like": "%@x%"}}})")));
}

TEST(QueryPermission, JoinColumnsAndRelationHopsCarryTheirRights) {
  auto company_hidden = member();
  company_hidden->fields[field_id("person", "company")] = {.read = false, .update = false};
  EXPECT_TRUE(refused(total_count(company_hidden, R"({"companyId": {"is": "NOT_NULL"}})")));
  EXPECT_TRUE(refused(total_count(company_hidden, R"({"company": {"name": {"eq": "A"}}})")));
  // One hop: read on the target object and on the target's field.
  EXPECT_TRUE(
      refused(total_count(without_read_of("company"), R"({"company": {"name": {"eq": "A"}}})")));
  auto company_name_hidden = member();
  company_name_hidden->fields[field_id("company", "name")] = {.read = false, .update = false};
  EXPECT_TRUE(refused(total_count(company_name_hidden, R"({"company": {"name": {"eq": "A"}}})")));
  EXPECT_FALSE(
      refused(total_count(company_name_hidden, R"({"company": {"employees": {"gt": 1}}})")));
}

TEST(QueryPermission, RestrictedFieldCannotOrderGroupOrAggregate) {
  auto ordered = people(job_title_hidden());
  ordered.connection.page.order_by.push_back(boost::json::object{{"jobTitle", "AscNullsFirst"}});
  EXPECT_TRUE(refused(ordered));

  auto by_company_name = people(member());
  by_company_name.permissions = [] {
    auto p = member();
    p->fields[field_id("company", "name")] = {.read = false, .update = false};
    return p;
  }();
  by_company_name.connection.page.order_by.push_back(
      boost::json::object{{"company", boost::json::object{{"name", "AscNullsFirst"}}}});
  EXPECT_TRUE(refused(by_company_name));

  auto counted = total_count(job_title_hidden(), "{}");
  model::connection_selection::item aggregate;
  aggregate.k = model::connection_selection::item::kind::aggregate;
  aggregate.key = "countUniqueValuesJobTitle";
  aggregate.aggregate = {aggregate.key, "countUniqueValues", "jobTitle", ""};
  counted.connection.items.push_back(aggregate);
  EXPECT_TRUE(refused(counted));

  auto grouped = total_count(job_title_hidden(), "{}");
  grouped.operation = model::record_operation::group_by;
  model::group_dimension by_job_title;
  by_job_title.field = "jobTitle";
  grouped.group_by.dimensions.push_back(by_job_title);
  EXPECT_TRUE(refused(grouped));
  grouped.group_by.dimensions.front().field = "city";
  EXPECT_FALSE(refused(grouped));
}

TEST(QueryPermission, WritesNeedTheUpdateRightOfEveryWrittenField) {
  auto p = member();
  p->fields[field_id("person", "jobTitle")] = {.read = true, .update = false};
  model::record_query q;
  q.object = "person";
  q.operation = model::record_operation::update;
  q.id = "00000000-0000-0000-0000-000000000001";
  q.permissions = p;
  q.data.push_back(boost::json::object{{"city", "Paris"}});
  EXPECT_FALSE(refused(q));
  q.data.front().as_object()["jobTitle"] = "CEO";
  EXPECT_TRUE(refused(q));
  q.operation = model::record_operation::create;
  EXPECT_TRUE(refused(q));
}

TEST(QueryPermission, SystemObjectsAreExempt) {
  model::record_query q;
  q.object = "workspaceMember";
  auto p = member();
  p->all_objects = {false, false, false, false};
  q.permissions = p;
  EXPECT_FALSE(refused(q));
}

TEST(QueryPermission, ImplicitSelectionsDropWhatTheCallerMayNotRead) {
  auto relation = field_item("company");
  relation.k = projection_item::kind::relation;
  relation.nested = std::make_shared<model::record_selection>();
  auto p = job_title_hidden();
  p->objects[object("company").id] = {false, false, false, false};
  auto q = people(p, {field_item("id"), field_item("jobTitle"), field_item("city"), relation});
  q.operation = model::record_operation::find_one;
  q.record = *q.connection.items.front().node;
  const auto shared_node = q.connection.items.front().node;
  sq::drop_unreadable(q, standard_model());
  std::vector<std::string> kept;
  for (const auto& item : q.record.items) kept.push_back(item.field);
  EXPECT_EQ(kept, (std::vector<std::string>{"id", "city"}));
  EXPECT_EQ(q.connection.items.front().node->items.size(), 2u);
  EXPECT_EQ(shared_node->items.size(), 4u);  // a copy was pruned, not the shared selection
  EXPECT_FALSE(refused(q));
}

TEST(QueryPermission, DuplicatesNeedTheirCriteriaReadableAndMergesAnUnrestrictedObject) {
  auto emails_hidden = member();
  emails_hidden->fields[field_id("person", "emails")] = {.read = false, .update = true};
  model::record_query q;
  q.object = "person";
  q.operation = model::record_operation::find_duplicates;
  q.ids = std::vector<std::string>{"00000000-0000-0000-0000-000000000001"};
  q.permissions = emails_hidden;
  EXPECT_TRUE(refused(q));  // emailsPrimaryEmail is one of person's criteria
  q.permissions = job_title_hidden();
  EXPECT_FALSE(refused(q));

  q.operation = model::record_operation::merge;
  EXPECT_TRUE(refused(q));  // the merge would write and answer jobTitle
  auto only_update_restricted = member();
  only_update_restricted->fields[field_id("person", "city")] = {.read = true, .update = false};
  q.permissions = only_update_restricted;
  EXPECT_TRUE(refused(q));
  q.permissions = member();
  EXPECT_FALSE(refused(q));
}
