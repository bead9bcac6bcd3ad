#include "storage/ddl/workspace_provisioner.hpp"

#include <algorithm>
#include <memory>

#include "storage/ddl/identifier.hpp"
#include "storage/ddl/table_ddl.hpp"

namespace cohort::storage::ddl {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// The whole workspace as one simple-protocol script: PostgreSQL runs a multi-statement query as
// one implicit transaction, so the first failing statement rolls back everything before it, and
// the DDL costs one round trip and no entries in the prepared-statement cache.
std::optional<std::string> plan_script(std::string_view schema,
                                       std::span<const model::object_metadata> objects, int& count,
                                       std::string& error) {
  auto ddl = generate_schema_ddl(schema, objects);
  if (!ddl.ok()) {
    error = std::move(ddl.error);
    return std::nullopt;
  }
  std::string script = "CREATE SCHEMA " + quote_identifier(schema) + ";\n";
  count = 1;
  for (const auto& sql : ddl.value->statements()) {
    script += sql;
    script += ";\n";
    ++count;
  }
  return script;
}

}  // namespace

std::optional<std::string> provisioning_script(std::string_view schema,
                                               std::span<const model::object_metadata> objects,
                                               int& statements, std::string& error) {
  return plan_script(schema, objects, statements, error);
}

std::optional<std::string> uuid_to_base36(std::string_view uuid) {
  if (uuid.size() != 36) return std::nullopt;
  unsigned __int128 value = 0;
  for (std::size_t i = 0; i < uuid.size(); ++i) {
    if (i == 8 || i == 13 || i == 18 || i == 23) {
      if (uuid[i] != '-') return std::nullopt;
      continue;
    }
    const int digit = hex_value(uuid[i]);
    if (digit < 0) return std::nullopt;
    value = (value << 4) | static_cast<unsigned>(digit);
  }
  static constexpr char digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  do {
    out.push_back(digits[static_cast<int>(value % 36)]);
    value /= 36;
  } while (value != 0);
  std::reverse(out.begin(), out.end());
  return out;
}

std::optional<std::string> schema_name_for(std::string_view workspace_id) {
  auto base36 = uuid_to_base36(workspace_id);
  if (!base36) return std::nullopt;
  return "workspace_" + *base36;
}

namespace {

// Everything before the database: the schema name and the script, or the refusal.
std::optional<std::string> prepare_provision(std::string_view workspace_id,
                                             std::span<const model::object_metadata> objects,
                                             provision_result& result) {
  auto schema = schema_name_for(workspace_id);
  if (!schema) {
    result.error = "invalid workspace id \"" + std::string(workspace_id.substr(0, 40)) + "\"";
    return std::nullopt;
  }
  result.schema = *schema;
  std::string error;
  auto script = plan_script(*schema, objects, result.statements, error);
  if (!script) result.error = std::move(error);
  return script;
}

void finish(provision_result& result, const pg::result& outcome,
            std::chrono::steady_clock::time_point start) {
  result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start);
  if (!outcome.ok()) {
    result.error = pg::describe(outcome.error());
    result.db_error = outcome.error();
  }
}

}  // namespace

void provision(pg::pool& pool, std::string_view workspace_id,
               std::span<const model::object_metadata> objects, provision_callback done) {
  const auto start = std::chrono::steady_clock::now();
  provision_result result;
  auto script = prepare_provision(workspace_id, objects, result);
  if (!script) return done(std::move(result));
  pool.acquire([result = std::move(result), script = std::move(*script), start,
                done = std::move(done)](pg::lease lease) mutable {
    if (!lease) {
      finish(result, pg::result::failure(lease.error()), start);
      return done(std::move(result));
    }
    lease.script(std::move(script), [result = std::move(result), start, lease,
                                     done = std::move(done)](pg::result outcome) mutable {
      finish(result, outcome, start);
      lease.release();
      done(std::move(result));
    });
  });
}

provision_result provision_sync(pg::pool& pool, std::string_view workspace_id,
                                std::span<const model::object_metadata> objects) {
  const auto start = std::chrono::steady_clock::now();
  provision_result result;
  auto script = prepare_provision(workspace_id, objects, result);
  if (!script) return result;
  auto lease = pool.acquire_sync();
  if (!lease) {
    finish(result, pg::result::failure(lease.error()), start);
    return result;
  }
  finish(result, lease.script_sync(std::move(*script)), start);
  return result;
}

void drop_workspace_schema(pg::pool& pool, std::string_view workspace_id,
                           std::function<void(pg::result)> done) {
  auto schema = schema_name_for(workspace_id);
  if (!schema) {
    done(pg::result::failure(pg::error_kind::usage, "22023", "invalid workspace id"));
    return;
  }
  pool.query("DROP SCHEMA IF EXISTS " + quote_identifier(*schema) + " CASCADE", {}, std::move(done),
             /*prepare=*/false);
}

pg::result drop_workspace_schema_sync(pg::pool& pool, std::string_view workspace_id) {
  auto schema = schema_name_for(workspace_id);
  if (!schema) return pg::result::failure(pg::error_kind::usage, "22023", "invalid workspace id");
  return pool.query_sync("DROP SCHEMA IF EXISTS " + quote_identifier(*schema) + " CASCADE", {},
                         /*prepare=*/false);
}

}  // namespace cohort::storage::ddl
