// A provisioned workspace for the record query compiler's integration tests: a private database on
// the binary's PostgreSQL with the core migrations (core.outbox) and a workspace schema of
// Twenty's CRM standard objects (company, person, opportunity, workspaceMember) plus a test object
// `pet` with the field types no standard object has (MULTI_SELECT, RATING, DATE, NUMERIC, ARRAY).
// Helpers build record_query values tersely.
#pragma once

#include <gtest/gtest.h>

#include <boost/json.hpp>
#include <memory>
#include <string>
#include <vector>

#include "model/query/record_query.hpp"
#include "model/workspace_model.hpp"
#include "storage/pg/pool.hpp"
#include "storage/query/run.hpp"

namespace cohort::testing::query {

namespace model = cohort::model;
namespace pg = cohort::storage::pg;
namespace sq = cohort::storage::query;

struct query_env {
  std::shared_ptr<pg::pool> pool;
  std::unique_ptr<model::workspace_model> model;
  std::string workspace_id;
  std::string schema;

  // Creates database `name`, migrates it and provisions the workspace.
  static std::unique_ptr<query_env> create(const std::string& name);

  sq::run_result run(const model::record_query& q) const;
  // The JSON answer; a test failure (and null) when it is an error.
  boost::json::value ok(const model::record_query& q) const;
  // The error; a test failure (and an empty error) when it succeeded.
  sq::record_error error(const model::record_query& q) const;
  // First column of the first row, as text ("<null>" for NULL).
  std::string sql(const std::string& text, pg::params args = {}) const;
};

boost::json::value json(std::string_view text);

// --- selections -----------------------------------------------------------------------------
model::projection_item field(std::string name, std::string key = {});
model::projection_item composite(std::string name, std::vector<std::string> subfields,
                                 std::string key = {});
model::projection_item relation(std::string name, model::record_selection nested);
model::projection_item connection(std::string name, model::connection_selection c);
model::record_selection record(std::vector<model::projection_item> items);

// A connection with totalCount, pageInfo {hasNextPage hasPreviousPage startCursor endCursor} and
// edges {cursor node}.
model::connection_selection paged(model::record_selection node, model::page_request page = {});
model::connection_selection aggregates(std::vector<model::aggregate_item> items,
                                       model::page_request page = {});

// --- queries --------------------------------------------------------------------------------
model::record_query find_many(std::string object, model::connection_selection c);
model::record_query find_one(std::string object, std::string_view filter_json,
                             model::record_selection selection);
model::record_query create(std::string object, std::string_view data_json,
                           model::record_selection selection, bool many);
model::record_query update_one(std::string object, std::string id, std::string_view data_json,
                               model::record_selection selection);
model::record_query mutate_many(std::string object, model::record_operation op,
                                std::string_view filter_json, model::record_selection selection,
                                std::string_view data_json = "null");
model::record_query mutate_one(std::string object, model::record_operation op, std::string id,
                               model::record_selection selection);

model::page_request page(std::string_view filter_json = "{}", std::string_view order_json = "[]");

// The ids of a connection's edges, in order.
std::vector<std::string> edge_ids(const boost::json::value& connection);

}  // namespace cohort::testing::query
