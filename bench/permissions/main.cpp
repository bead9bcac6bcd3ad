// bench_permissions: what the record permission check adds to a record query. Compiles the
// statements of bench/records' findOne and findMany (nested company) in process, as an internal
// call (no permissions), as Admin (unrestricted: the check returns at once) and as a restricted
// role (object permissions on two objects, field restrictions on two fields the query does not
// touch, so the whole query is walked and allowed), interleaved; prints nanoseconds per compile,
// the restricted/Admin ratio and the check alone (permission_refusal) in nanoseconds.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "model/standard/standard_objects.hpp"
#include "storage/query/compile.hpp"
#include "storage/query/permission_check.hpp"

namespace {

using namespace cohort;
using clock_type = std::chrono::steady_clock;
using model::projection_item;

projection_item field(std::string name) {
  projection_item item;
  item.key = name;
  item.field = std::move(name);
  return item;
}

projection_item composite(std::string name, std::vector<std::string> subfields) {
  projection_item item = field(std::move(name));
  item.k = projection_item::kind::composite;
  for (auto& s : subfields) item.subfields.emplace_back(s, s);
  return item;
}

model::record_query find_one() {
  model::record_query q;
  q.object = "person";
  q.operation = model::record_operation::find_one;
  q.connection.page.filter =
      boost::json::parse(R"({"id": {"eq": "6a5e2c38-5b41-4c4e-9d35-35b1d0d3e0a1"}})").as_object();
  q.record.items = {field("id"),
                    composite("name", {"firstName", "lastName"}),
                    composite("emails", {"primaryEmail"}),
                    field("city"),
                    field("jobTitle"),
                    field("companyId")};
  return q;
}

model::record_query find_many() {
  model::record_query q;
  q.object = "person";
  q.connection.page.first = 20;
  q.connection.page.filter = boost::json::parse(R"({"city": {"eq": "Paris"}})").as_object();
  q.connection.page.order_by.push_back(boost::json::object{{"position", "AscNullsFirst"}});
  auto company = field("company");
  company.k = projection_item::kind::relation;
  company.nested = std::make_shared<model::record_selection>();
  company.nested->items = {field("id"), field("name")};
  model::connection_selection::item edges;
  edges.k = model::connection_selection::item::kind::edges;
  edges.key = "edges";
  edges.edge_keys.push_back({model::connection_selection::item::edge_key::kind::node, "node", ""});
  edges.node = std::make_shared<model::record_selection>();
  edges.node->items = {field("id"), composite("name", {"firstName", "lastName"}), field("city"),
                       field("createdAt"), company};
  q.connection.items.push_back(edges);
  return q;
}

// Nanoseconds per call of `one`, the best of `rounds` batches of `n`.
double best_ns(int rounds, int n, const std::function<void()>& one) {
  double best = 1e18;
  for (int r = 0; r < rounds; ++r) {
    auto t0 = clock_type::now();
    for (int i = 0; i < n; ++i) one();
    best = std::min(best,
                    std::chrono::duration<double, std::nano>(clock_type::now() - t0).count() / n);
  }
  return best;
}

}  // namespace

int main() {
  const model::workspace_model m(
      "20202020-1c25-4d02-bf25-6aeccf7ea419", "workspace_bench", 1,
      std::vector<model::object_metadata>(model::standard::standard_objects().begin(),
                                          model::standard::standard_objects().end()));
  auto admin = std::make_shared<model::effective_permissions>();
  admin->unrestricted = true;
  auto restricted = std::make_shared<model::effective_permissions>();
  restricted->role_label = "Sales";
  restricted->objects[m.find_object("opportunity")->id] = {true, false, false, false};
  restricted->objects[m.find_object("note")->id] = {false, false, false, false};
  restricted->fields[m.find_object("person")->find_field("avatarUrl")->id] = {false, false};
  restricted->fields[m.find_object("company")->find_field("annualRecurringRevenue")->id] = {false,
                                                                                            false};

  std::printf("bench_permissions: ns per compile, best of 7 x 20000, interleaved\n");
  std::printf("| query | internal | Admin | restricted | restricted / Admin | check alone |\n");
  std::printf("|---|---|---|---|---|---|\n");
  for (auto [name, make] : {std::pair{"findOne", &find_one}, std::pair{"findMany", &find_many}}) {
    auto internal_q = make();
    auto admin_q = make();
    admin_q.permissions = admin;
    auto restricted_q = make();
    restricted_q.permissions = restricted;
    if (storage::query::permission_refusal(restricted_q, m)) {
      std::fprintf(stderr, "%s: the restricted role was refused\n", name);
      return 1;
    }
    std::size_t sink = 0;
    auto run = [&](const model::record_query& q) {
      return [&] {
        auto r = storage::query::compile(q, m);
        sink += std::get<storage::query::compiled_statement>(r).sql.size();
      };
    };
    double internal_ns = 1e18, admin_ns = 1e18, restricted_ns = 1e18;
    for (int round = 0; round < 7; ++round) {
      internal_ns = std::min(internal_ns, best_ns(1, 20000, run(internal_q)));
      admin_ns = std::min(admin_ns, best_ns(1, 20000, run(admin_q)));
      restricted_ns = std::min(restricted_ns, best_ns(1, 20000, run(restricted_q)));
    }
    double check_ns = best_ns(
        7, 20000, [&] { sink += storage::query::permission_refusal(restricted_q, m).has_value(); });
    std::printf("| %s | %.0f | %.0f | %.0f | %.3f | %.0f |\n", name, internal_ns, admin_ns,
                restricted_ns, restricted_ns / admin_ns, check_ns);
    if (sink == 42) std::printf(" \n");
  }
  return 0;
}
