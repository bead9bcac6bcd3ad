#include "query_env.hpp"

#include "fixtures/postgres_server.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/migrations/migrator.hpp"

namespace cohort::testing::query {
namespace {

namespace standard = cohort::model::standard;
using ft = model::field_type;

model::object_metadata pet_object() {
  standard::object_def def{.name_singular = "pet",
                           .name_plural = "pets",
                           .label_singular = "Pet",
                           .label_plural = "Pets",
                           .description = "A test object",
                           .icon = "IconCat",
                           .label_identifier = "name",
                           .fields = {
                               {.name = "name",
                                .type = ft::text,
                                .label = "Name",
                                .description = "Name",
                                .icon = "IconTag",
                                .default_value = R"("''")"},
                               {.name = "traits",
                                .type = ft::multi_select,
                                .label = "Traits",
                                .description = "Traits",
                                .icon = "IconTag",
                                .options = {{"CALM", "Calm", "green", 0},
                                            {"PLAYFUL", "Playful", "blue", 1},
                                            {"LOUD", "Loud", "red", 2}}},
                               {.name = "rating",
                                .type = ft::rating,
                                .label = "Rating",
                                .description = "Rating",
                                .icon = "IconTag",
                                .options = {{"RATING_1", "1", "gray", 0},
                                            {"RATING_2", "2", "gray", 1},
                                            {"RATING_3", "3", "gray", 2}}},
                               {.name = "tags",
                                .type = ft::array,
                                .label = "Tags",
                                .description = "Tags",
                                .icon = "IconTag"},
                               {.name = "birthday",
                                .type = ft::date,
                                .label = "Birthday",
                                .description = "Birthday",
                                .icon = "IconTag"},
                               {.name = "weight",
                                .type = ft::numeric,
                                .label = "Weight",
                                .description = "Weight",
                                .icon = "IconTag"},
                               {.name = "vaccinated",
                                .type = ft::boolean,
                                .label = "Vaccinated",
                                .description = "Vaccinated",
                                .icon = "IconTag"},
                               {.name = "profile",
                                .type = ft::raw_json,
                                .label = "Profile",
                                .description = "Profile",
                                .icon = "IconTag"},
                               {.name = "position",
                                .type = ft::position,
                                .label = "Position",
                                .description = "Position",
                                .icon = "IconTag",
                                .nullable = false,
                                .system = true,
                                .default_value = "0"},
                               {.name = "id",
                                .type = ft::uuid,
                                .label = "Id",
                                .description = "Id",
                                .icon = "IconTag",
                                .nullable = false,
                                .system = true,
                                .default_value = R"("uuid")"},
                               {.name = "createdAt",
                                .type = ft::date_time,
                                .label = "Created",
                                .description = "Created",
                                .icon = "IconTag",
                                .nullable = false,
                                .default_value = R"("now")"},
                               {.name = "updatedAt",
                                .type = ft::date_time,
                                .label = "Updated",
                                .description = "Updated",
                                .icon = "IconTag",
                                .nullable = false,
                                .default_value = R"("now")"},
                               {.name = "deletedAt",
                                .type = ft::date_time,
                                .label = "Deleted",
                                .description = "Deleted",
                                .icon = "IconTag"},
                           }};
  return standard::build_object(def);
}

model::projection_item item(model::projection_item::kind k, std::string name, std::string key) {
  model::projection_item out;
  out.k = k;
  out.key = key.empty() ? name : std::move(key);
  out.field = std::move(name);
  return out;
}

}  // namespace

std::unique_ptr<query_env> query_env::create(const std::string& name) {
  auto env = std::make_unique<query_env>();
  pg::pool_options options;
  options.conninfo = postgres_server::shared().create_database(name);
  options.max_connections = 4;
  env->pool = pg::pool::create(options);
  auto migrated = storage::migrations::run_migrations(*env->pool);
  EXPECT_TRUE(migrated.ok()) << (migrated.ok() ? "" : migrated.error->message);
  // The CRM core objects the tests use (and what their many-to-one relations point at).
  std::vector<model::object_metadata> objects;
  for (const auto& object : standard::standard_objects()) {
    const auto& n = object.name_singular;
    if (n == "company" || n == "person" || n == "opportunity" || n == "workspaceMember") {
      objects.push_back(object);
    }
  }
  objects.push_back(pet_object());
  env->workspace_id = "20202020-1c25-4d02-bf25-6aeccf7ea419";
  auto provisioned = storage::ddl::provision_sync(*env->pool, env->workspace_id, objects);
  EXPECT_TRUE(provisioned.ok()) << provisioned.error.value_or("");
  env->schema = provisioned.schema;
  env->model = std::make_unique<model::workspace_model>(env->workspace_id, env->schema, 1,
                                                        std::move(objects));
  return env;
}

sq::run_result query_env::run(const model::record_query& q) const {
  return sq::run_sync(*pool, q, *model);
}

boost::json::value query_env::ok(const model::record_query& q) const {
  auto result = run(q);
  if (auto* error = std::get_if<sq::record_error>(&result)) {
    ADD_FAILURE() << "record error " << error->code << ": " << error->message;
    return nullptr;
  }
  return std::get<boost::json::value>(std::move(result));
}

sq::record_error query_env::error(const model::record_query& q) const {
  auto result = run(q);
  if (auto* error = std::get_if<sq::record_error>(&result)) return *error;
  ADD_FAILURE() << "expected an error, got " << boost::json::serialize(std::get<0>(result));
  return {};
}

std::string query_env::sql(const std::string& text, pg::params args) const {
  auto r = pool->query_sync(text, std::move(args), false);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : pg::describe(r.error())) << "\n" << text;
  if (!r.ok() || r.rows() == 0) return "<none>";
  if (r.is_null(0, 0)) return "<null>";
  return std::string(r.get(0, 0));
}

boost::json::value json(std::string_view text) {
  return boost::json::parse(text);
}

model::projection_item field(std::string name, std::string key) {
  return item(model::projection_item::kind::field, std::move(name), std::move(key));
}

model::projection_item composite(std::string name, std::vector<std::string> subfields,
                                 std::string key) {
  auto out = item(model::projection_item::kind::composite, std::move(name), std::move(key));
  for (auto& s : subfields) out.subfields.emplace_back(s, s);
  return out;
}

model::projection_item relation(std::string name, model::record_selection nested) {
  auto out = item(model::projection_item::kind::relation, std::move(name), {});
  out.nested = std::make_shared<model::record_selection>(std::move(nested));
  return out;
}

model::projection_item connection(std::string name, model::connection_selection c) {
  auto out = item(model::projection_item::kind::connection, std::move(name), {});
  out.connection = std::make_shared<model::connection_selection>(std::move(c));
  return out;
}

model::record_selection record(std::vector<model::projection_item> items) {
  return {std::move(items)};
}

model::connection_selection paged(model::record_selection node, model::page_request page) {
  using item_t = model::connection_selection::item;
  model::connection_selection c;
  c.page = std::move(page);
  item_t total;
  total.k = item_t::kind::aggregate;
  total.key = "totalCount";
  total.aggregate.key = "totalCount";
  total.aggregate.operation = "totalCount";
  c.items.push_back(total);
  item_t info;
  info.k = item_t::kind::page_info;
  info.key = "pageInfo";
  for (const char* f : {"hasNextPage", "hasPreviousPage", "startCursor", "endCursor"}) {
    info.page_info_keys.emplace_back(f, f);
  }
  c.items.push_back(info);
  item_t edges;
  edges.k = item_t::kind::edges;
  edges.key = "edges";
  edges.edge_keys.push_back({item_t::edge_key::kind::cursor, "cursor", ""});
  edges.edge_keys.push_back({item_t::edge_key::kind::node, "node", ""});
  edges.node = std::make_shared<model::record_selection>(std::move(node));
  c.items.push_back(edges);
  return c;
}

model::connection_selection aggregates(std::vector<model::aggregate_item> items,
                                       model::page_request page) {
  using item_t = model::connection_selection::item;
  model::connection_selection c;
  c.page = std::move(page);
  for (auto& a : items) {
    item_t i;
    i.k = item_t::kind::aggregate;
    i.key = a.key;
    i.aggregate = std::move(a);
    c.items.push_back(std::move(i));
  }
  return c;
}

model::record_query find_many(std::string object, model::connection_selection c) {
  model::record_query q;
  q.object = std::move(object);
  q.operation = model::record_operation::find_many;
  q.connection = std::move(c);
  return q;
}

model::record_query find_one(std::string object, std::string_view filter_json,
                             model::record_selection selection) {
  model::record_query q;
  q.object = std::move(object);
  q.operation = model::record_operation::find_one;
  q.connection.page.filter = json(filter_json).as_object();
  q.record = std::move(selection);
  return q;
}

model::record_query create(std::string object, std::string_view data_json,
                           model::record_selection selection, bool many) {
  model::record_query q;
  q.object = std::move(object);
  q.operation = model::record_operation::create;
  auto data = json(data_json);
  if (data.is_array()) {
    q.data = data.as_array();
  } else {
    q.data.push_back(data);
  }
  q.many = many;
  q.record = std::move(selection);
  q.actor.source = "MANUAL";
  q.actor.workspace_member_id = "d800f2e3-a62b-40da-be6f-a3ee871117a1";
  q.actor.name = "Tim Apple";
  return q;
}

model::record_query update_one(std::string object, std::string id, std::string_view data_json,
                               model::record_selection selection) {
  model::record_query q;
  q.object = std::move(object);
  q.operation = model::record_operation::update;
  q.id = std::move(id);
  q.data.push_back(json(data_json));
  q.record = std::move(selection);
  q.actor.source = "API";
  q.actor.name = "Zapier key";
  return q;
}

model::record_query mutate_many(std::string object, model::record_operation op,
                                std::string_view filter_json, model::record_selection selection,
                                std::string_view data_json) {
  model::record_query q;
  q.object = std::move(object);
  q.operation = op;
  q.many = true;
  q.connection.page.filter = json(filter_json).as_object();
  auto data = json(data_json);
  if (!data.is_null()) q.data.push_back(data);
  q.record = std::move(selection);
  q.actor.source = "API";
  q.actor.name = "Zapier key";
  return q;
}

model::record_query mutate_one(std::string object, model::record_operation op, std::string id,
                               model::record_selection selection) {
  model::record_query q;
  q.object = std::move(object);
  q.operation = op;
  q.id = std::move(id);
  q.record = std::move(selection);
  q.actor.source = "API";
  q.actor.name = "Zapier key";
  return q;
}

model::page_request page(std::string_view filter_json, std::string_view order_json) {
  model::page_request p;
  p.filter = json(filter_json).as_object();
  p.order_by = json(order_json).as_array();
  return p;
}

std::vector<std::string> edge_ids(const boost::json::value& connection) {
  std::vector<std::string> out;
  if (!connection.is_object()) return out;
  for (const auto& edge : connection.at("edges").as_array()) {
    out.emplace_back(edge.at("node").at("id").as_string());
  }
  return out;
}

}  // namespace cohort::testing::query
