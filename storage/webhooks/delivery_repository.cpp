#include "storage/webhooks/delivery_repository.hpp"

#include <algorithm>
#include <charconv>

#include "storage/ddl/identifier.hpp"
#include "storage/ddl/workspace_provisioner.hpp"
#include "storage/query/sql_text.hpp"

namespace cohort::storage::webhooks {

namespace {

std::optional<std::string> optional_text(const pg::result& r, int row, int col) {
  auto v = r.get_optional(row, col);
  return v ? std::optional<std::string>(std::string(*v)) : std::nullopt;
}

template <typename Int>
Int to_int(std::string_view text) {
  Int v{};
  std::from_chars(text.data(), text.data() + text.size(), v);
  return v;
}

std::optional<int> optional_int(const pg::result& r, int row, int col) {
  auto v = r.get_optional(row, col);
  return v ? std::optional<int>(to_int<int>(*v)) : std::nullopt;
}

std::string array_of(std::vector<std::optional<std::string>> items) {
  return query::pg_array_literal(items);
}

}  // namespace

void fan_out_events(pg::pool& pool, const std::vector<event_to_fan_out>& events,
                    std::function<void(core::db_result<std::vector<fanned_out_delivery>>)> done) {
  using result_t = core::db_result<std::vector<fanned_out_delivery>>;
  if (events.empty()) return done({std::vector<fanned_out_delivery>{}, std::nullopt});
  std::vector<std::optional<std::string>> workspaces, ids, names, operations, payloads;
  for (const auto& e : events) {
    workspaces.emplace_back(e.workspace_id);
    ids.emplace_back(e.event_id);
    names.emplace_back(e.event_name);
    operations.emplace_back(query::pg_array_literal({e.operations.begin(), e.operations.end()}));
    payloads.emplace_back(e.payload);
  }
  // ON CONFLICT DO UPDATE (not NOTHING) so that a replayed event still answers its rows: the
  // caller enqueues their jobs again, which the jobs' idempotency keys make harmless.
  pool.query(
      "INSERT INTO core.webhook_delivery (webhook_id, workspace_id, event_id, event_name, "
      "payload) SELECT w.id, w.workspace_id, e.event_id, e.event_name, e.payload::json "
      "FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY "
      "AS e(workspace_id, event_id, event_name, operations, payload, ord) "
      "JOIN core.webhook w ON w.workspace_id = e.workspace_id AND w.deleted_at IS NULL "
      "AND w.operations && e.operations::text[] ORDER BY e.ord, w.created_at, w.id "
      "ON CONFLICT (webhook_id, event_id) DO UPDATE SET event_id = EXCLUDED.event_id "
      "RETURNING id, webhook_id, seq, status = 'pending'",
      {array_of(workspaces), array_of(ids), array_of(names), array_of(operations),
       array_of(payloads)},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(result_t::failure(r.error()));
        std::vector<fanned_out_delivery> out;
        for (int i = 0; i < r.rows(); ++i) {
          out.push_back({std::string(r.get(i, 0)), std::string(r.get(i, 1)),
                         to_int<std::int64_t>(r.get(i, 2)), r.get(i, 3) == "t"});
        }
        std::sort(out.begin(), out.end(),
                  [](const auto& a, const auto& b) { return a.seq < b.seq; });
        done({std::move(out), std::nullopt});
      });
}

void workspaces_with_webhooks(pg::pool& pool, std::vector<std::string> workspace_ids,
                              std::function<void(core::db_result<std::vector<std::string>>)> done) {
  using result_t = core::db_result<std::vector<std::string>>;
  pool.query(
      "SELECT DISTINCT w.workspace_id::text FROM core.webhook w WHERE w.workspace_id = "
      "ANY($1::uuid[]) AND w.deleted_at IS NULL",
      {array_of({workspace_ids.begin(), workspace_ids.end()})},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(result_t::failure(r.error()));
        std::vector<std::string> out;
        for (int i = 0; i < r.rows(); ++i) out.emplace_back(r.get(i, 0));
        done({std::move(out), std::nullopt});
      });
}

void find_custom_object_ids(pg::pool& pool, std::vector<std::string> workspace_ids,
                            std::vector<std::string> names,
                            std::function<void(core::db_result<std::vector<std::string>>)> done) {
  using result_t = core::db_result<std::vector<std::string>>;
  std::size_t count = names.size();
  pool.query(
      "SELECT coalesce((SELECT o.id::text FROM core.object_metadata o WHERE "
      "o.workspace_id = k.workspace_id AND o.definition->>'nameSingular' = k.name LIMIT 1), '') "
      "FROM unnest($1::uuid[], $2::text[]) WITH ORDINALITY AS k(workspace_id, name, ord) "
      "ORDER BY k.ord",
      {array_of({workspace_ids.begin(), workspace_ids.end()}),
       array_of({names.begin(), names.end()})},
      [count, done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(result_t::failure(r.error()));
        std::vector<std::string> ids;
        for (int i = 0; i < r.rows(); ++i) ids.emplace_back(r.get(i, 0));
        ids.resize(count);
        done({std::move(ids), std::nullopt});
      });
}

void find_member_users(
    pg::pool& pool, const std::string& workspace_id, std::vector<std::string> member_ids,
    std::function<void(core::db_result<std::vector<std::pair<std::string, std::string>>>)> done) {
  using result_t = core::db_result<std::vector<std::pair<std::string, std::string>>>;
  auto schema = ddl::schema_name_for(workspace_id);
  if (!schema || !ddl::is_valid_identifier(*schema)) return done({});
  pool.query(
      "SELECT id::text, \"userId\"::text FROM " + ddl::qualified_name(*schema, "workspaceMember") +
          " WHERE id = ANY($1::uuid[]) AND \"userId\" IS NOT NULL",
      {array_of({member_ids.begin(), member_ids.end()})}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(result_t::failure(r.error()));
        std::vector<std::pair<std::string, std::string>> out;
        for (int i = 0; i < r.rows(); ++i)
          out.emplace_back(std::string(r.get(i, 0)), std::string(r.get(i, 1)));
        done({std::move(out), std::nullopt});
      });
}

void load_delivery(pg::pool& pool, std::string delivery_id,
                   std::function<void(core::db_result<delivery_to_send>)> done) {
  pool.query(
      "SELECT d.id, d.webhook_id, d.workspace_id, d.event_id, d.event_name, d.payload::text, "
      "d.status, d.attempts, w.deleted_at IS NULL, w.target_url, w.secret "
      "FROM core.webhook_delivery d JOIN core.webhook w ON w.id = d.webhook_id "
      "WHERE d.id = $1::uuid",
      {std::move(delivery_id)}, [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(core::db_result<delivery_to_send>::failure(r.error()));
        if (r.rows() == 0) return done({});
        delivery_to_send d;
        d.id = std::string(r.get(0, 0));
        d.webhook_id = std::string(r.get(0, 1));
        d.workspace_id = std::string(r.get(0, 2));
        d.event_id = std::string(r.get(0, 3));
        d.event_name = std::string(r.get(0, 4));
        d.payload = std::string(r.get(0, 5));
        d.status = std::string(r.get(0, 6));
        d.attempts = to_int<int>(r.get(0, 7));
        d.webhook_live = r.get(0, 8) == "t";
        d.target_url = std::string(r.get(0, 9));
        d.secret = std::string(r.get(0, 10));
        done({std::move(d), std::nullopt});
      });
}

void record_attempt(pg::pool& pool, std::string delivery_id, attempt_record attempt,
                    std::function<void(core::db_result<bool>)> done) {
  pool.query(
      "UPDATE core.webhook_delivery SET status = $2, "
      "attempts = attempts + CASE WHEN $3::boolean THEN 1 ELSE 0 END, "
      "last_status_code = $4::integer, last_error = $5, "
      "next_attempt_at = now() + ($6::bigint * interval '1 millisecond'), "
      "delivered_at = CASE WHEN $2 = 'delivered' THEN now() ELSE delivered_at END "
      "WHERE id = $1::uuid",
      {std::move(delivery_id), std::move(attempt.status), attempt.counts_as_attempt ? "t" : "f",
       attempt.status_code ? std::optional<std::string>(std::to_string(*attempt.status_code))
                           : std::nullopt,
       std::move(attempt.error),
       attempt.retry_in_ms ? std::optional<std::string>(std::to_string(*attempt.retry_in_ms))
                           : std::nullopt},
      [done = std::move(done)](pg::result r) {
        if (!r.ok()) return done(core::db_result<bool>::failure(r.error()));
        done({r.affected_rows() == 1, std::nullopt});
      });
}

void list_deliveries(pg::pool& pool, std::string workspace_id, std::string webhook_id, int limit,
                     std::function<void(core::db_result<std::vector<delivery_log_row>>)> done) {
  pool.query(
      "SELECT id, event_id, event_name, status, attempts, last_status_code, last_error, " +
          core::iso_timestamp_sql("next_attempt_at") + ", " +
          core::iso_timestamp_sql("created_at") + ", " + core::iso_timestamp_sql("updated_at") +
          ", " + core::iso_timestamp_sql("delivered_at") +
          " FROM core.webhook_delivery WHERE webhook_id = $1::uuid AND workspace_id = $2::uuid "
          "ORDER BY seq DESC LIMIT $3::integer",
      {std::move(webhook_id), std::move(workspace_id), std::to_string(limit)},
      [done = std::move(done)](pg::result r) {
        using result_t = core::db_result<std::vector<delivery_log_row>>;
        if (!r.ok()) return done(result_t::failure(r.error()));
        std::vector<delivery_log_row> rows;
        for (int i = 0; i < r.rows(); ++i) {
          delivery_log_row row;
          row.id = std::string(r.get(i, 0));
          row.event_id = std::string(r.get(i, 1));
          row.event_name = std::string(r.get(i, 2));
          row.status = std::string(r.get(i, 3));
          row.attempts = to_int<int>(r.get(i, 4));
          row.last_status_code = optional_int(r, i, 5);
          row.last_error = optional_text(r, i, 6);
          row.next_attempt_at = optional_text(r, i, 7);
          row.created_at = std::string(r.get(i, 8));
          row.updated_at = std::string(r.get(i, 9));
          row.delivered_at = optional_text(r, i, 10);
          rows.push_back(std::move(row));
        }
        done({std::move(rows), std::nullopt});
      });
}

}  // namespace cohort::storage::webhooks
