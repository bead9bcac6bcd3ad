#include "storage/query/compile.hpp"

#include "storage/ddl/identifier.hpp"
#include "storage/query/compile_context.hpp"
#include "storage/query/duplicates_compiler.hpp"
#include "storage/query/filter_compiler.hpp"
#include "storage/query/group_by_compiler.hpp"
#include "storage/query/merge_compiler.hpp"
#include "storage/query/permission_check.hpp"
#include "storage/query/projection.hpp"
#include "storage/query/query_failure.hpp"
#include "storage/query/sql_text.hpp"
#include "storage/query/write_compiler.hpp"

namespace cohort::storage::query {
namespace {

compiled_statement find_many(compile_context& ctx, const model::object_metadata& object,
                             const model::record_query& query) {
  // The connection is a parenthesised query that yields exactly one row (its outermost level is a
  // plain aggregate or has no FROM): run as the statement itself rather than as a scalar subquery
  // of one, which is one plan node (and an InitPlan) less per execution.
  std::string connection = connection_json_sql(ctx, object, query.connection, std::nullopt, 0);
  return {connection.substr(1, connection.size() - 2), {}, false};
}

compiled_statement find_one(compile_context& ctx, const model::object_metadata& object,
                            const model::record_query& query) {
  const auto& filter = query.connection.page.filter;
  if (filter.empty()) fail(bad_user_input("Missing filter argument", "INVALID_ARGS_FILTER"));
  const std::string a = ctx.alias();
  const std::string where = scoped_filter(ctx, object, a, boost::json::value(filter));
  // JSON text, not json: nothing reads it as a json value, so PostgreSQL need not parse it.
  return {"SELECT (SELECT " + record_json_text(ctx, object, a, query.record, 0).expression() +
              " FROM " + ctx.table(object) + " " + a + " WHERE " + where + " ORDER BY " +
              column_ref(a, "id") + " LIMIT 1)",
          {},
          true};
}

}  // namespace

compile_result compile(const model::record_query& query, const model::workspace_model& model) {
  // Before any SQL: what the caller's role does not allow never reaches the database.
  if (auto refused = permission_refusal(query, model)) return std::move(*refused);
  compile_context ctx(model);
  try {
    const auto& object = ctx.object(query.object);
    compiled_statement out;
    switch (query.operation) {
      case model::record_operation::find_many:
        out = find_many(ctx, object, query);
        break;
      case model::record_operation::find_one:
        out = find_one(ctx, object, query);
        break;
      case model::record_operation::find_duplicates:
        out = compile_duplicates(ctx, object, query);
        break;
      case model::record_operation::merge:
        out = compile_merge(ctx, object, query);
        break;
      case model::record_operation::group_by:
        out = compile_group_by(ctx, object, query);
        break;
      default:
        out = compile_write(ctx, object, query);
        break;
    }
    out.params = ctx.take_params();
    return out;
  } catch (const query_failure& failure) {
    return failure.error();
  } catch (const ddl::ddl_error& e) {
    // Metadata with a name PostgreSQL cannot hold: not the client's doing.
    return internal_error("Invalid metadata: " + std::string(e.what()));
  }
}

}  // namespace cohort::storage::query
