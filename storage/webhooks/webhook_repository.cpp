#include "storage/webhooks/webhook_repository.hpp"

#include <boost/json.hpp>

#include "storage/query/filter_operators.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::webhooks {

namespace {

// Column list every statement returns, in webhook_row order.
std::string returned_columns() {
  return "id, target_url, array_to_json(operations)::text, description, secret, workspace_id, "
         "application_id, " +
         core::iso_timestamp_sql("created_at") + ", " + core::iso_timestamp_sql("updated_at") +
         ", " + core::iso_timestamp_sql("deleted_at");
}

std::optional<std::string> optional_text(const pg::result& r, int row, int col) {
  auto v = r.get_optional(row, col);
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

std::vector<std::string> json_strings(std::string_view text) {
  std::vector<std::string> out;
  boost::system::error_code ec;
  auto v = boost::json::parse(text, ec);
  if (ec || !v.is_array()) return out;
  for (const auto& item : v.as_array()) {
    if (item.is_string()) out.emplace_back(item.as_string());
  }
  return out;
}

webhook_row read_row(const pg::result& r, int row) {
  webhook_row w;
  w.id = std::string(r.get(row, 0));
  w.target_url = std::string(r.get(row, 1));
  w.operations = json_strings(r.get(row, 2));
  w.description = optional_text(r, row, 3);
  w.secret = std::string(r.get(row, 4));
  w.workspace_id = std::string(r.get(row, 5));
  w.application_id = optional_text(r, row, 6);
  w.created_at = std::string(r.get(row, 7));
  w.updated_at = std::string(r.get(row, 8));
  w.deleted_at = optional_text(r, row, 9);
  return w;
}

std::string array_literal(const std::vector<std::string>& items) {
  std::vector<std::optional<std::string>> values(items.begin(), items.end());
  return query::pg_array_literal(values);
}

// Answers the first row, or no value.
pg::pool::callback single_row(webhook_callback done) {
  return [done = std::move(done)](pg::result r) {
    if (!r.ok()) return done(db_result<webhook_row>::failure(r.error()));
    if (r.rows() == 0) return done({});
    done({read_row(r, 0), std::nullopt});
  };
}

}  // namespace

void list_webhooks(pg::pool& pool, std::string workspace_id, webhook_list_callback done) {
  pool.query("SELECT " + returned_columns() +
                 " FROM core.webhook WHERE workspace_id = $1::uuid AND deleted_at IS NULL "
                 "ORDER BY created_at, id",
             {std::move(workspace_id)}, [done = std::move(done)](pg::result r) {
               if (!r.ok()) return done(db_result<std::vector<webhook_row>>::failure(r.error()));
               std::vector<webhook_row> rows;
               for (int i = 0; i < r.rows(); ++i) rows.push_back(read_row(r, i));
               done({std::move(rows), std::nullopt});
             });
}

void find_webhook(pg::pool& pool, std::string workspace_id, std::string id, webhook_callback done) {
  if (!query::is_uuid(id)) return done({});
  pool.query("SELECT " + returned_columns() +
                 " FROM core.webhook WHERE id = $1::uuid AND workspace_id = $2::uuid AND "
                 "deleted_at IS NULL",
             {std::move(id), std::move(workspace_id)}, single_row(std::move(done)));
}

void insert_webhook(pg::pool& pool, new_webhook webhook, webhook_callback done) {
  pool.query(
      "INSERT INTO core.webhook (workspace_id, target_url, operations, description, secret) "
      "VALUES ($1::uuid, $2, $3::text[], $4, $5) RETURNING " +
          returned_columns(),
      {std::move(webhook.workspace_id), std::move(webhook.target_url),
       array_literal(webhook.operations), std::move(webhook.description),
       std::move(webhook.secret)},
      single_row(std::move(done)));
}

void update_webhook(pg::pool& pool, std::string workspace_id, std::string id, webhook_update update,
                    webhook_callback done) {
  // A malformed id names no row; answering "none" keeps SQL errors for real faults.
  if (!query::is_uuid(id)) return done({});
  // A flag per column says whether it changes, so one prepared statement serves every update.
  pg::params args{std::move(id), std::move(workspace_id)};
  auto flag = [&](bool set) { args.push_back(set ? "t" : "f"); };
  flag(update.target_url.has_value());
  args.push_back(update.target_url);
  flag(update.operations.has_value());
  args.push_back(update.operations ? std::optional<std::string>(array_literal(*update.operations))
                                   : std::nullopt);
  flag(update.description.has_value());
  args.push_back(update.description ? *update.description : std::nullopt);
  flag(update.secret.has_value());
  args.push_back(update.secret);
  pool.query(
      "UPDATE core.webhook SET "
      "target_url = CASE WHEN $3::boolean THEN $4 ELSE target_url END, "
      "operations = CASE WHEN $5::boolean THEN $6::text[] ELSE operations END, "
      "description = CASE WHEN $7::boolean THEN $8 ELSE description END, "
      "secret = CASE WHEN $9::boolean THEN $10 ELSE secret END "
      "WHERE id = $1::uuid AND workspace_id = $2::uuid AND deleted_at IS NULL RETURNING " +
          returned_columns(),
      std::move(args), single_row(std::move(done)));
}

void soft_delete_webhook(pg::pool& pool, std::string workspace_id, std::string id,
                         webhook_callback done) {
  if (!query::is_uuid(id)) return done({});
  pool.query(
      "UPDATE core.webhook SET deleted_at = now() WHERE id = $1::uuid AND "
      "workspace_id = $2::uuid AND deleted_at IS NULL RETURNING " +
          returned_columns(),
      {std::move(id), std::move(workspace_id)}, single_row(std::move(done)));
}

}  // namespace cohort::storage::webhooks
