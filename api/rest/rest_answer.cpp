#include "api/rest/rest_answer.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "api/rest/record_projection.hpp"

namespace cohort::api::rest {

namespace {

bool is_one_record_write(rest_action action) {
  return action == rest_action::update_one || action == rest_action::delete_one ||
         action == rest_action::restore_one;
}

// The records of a connection's edges, each flattened the way REST answers records.
boost::json::array records_of(boost::json::object& connection,
                              const model::record_selection& node) {
  boost::json::array records;
  if (auto* edges = connection.if_contains("edges"); edges && edges->is_array()) {
    for (auto& edge : edges->get_array()) {
      boost::json::value record = edge.is_object() ? edge.as_object()["node"] : nullptr;
      flatten_connections(record, node);
      records.push_back(std::move(record));
    }
  }
  return records;
}

}  // namespace

rest_error rest_error_of(const rest_query& call, const storage::query::record_error& error) {
  if (error.code == "NOT_FOUND" && is_one_record_write(call.action)) {
    // Twenty leaks TypeORM's EntityNotFoundError with the query it ran; the name stays, the
    // message says which record was missing.
    return rest_error{.status = 400,
                      .error = "EntityNotFoundError",
                      .messages = {"Could not find any entity of type \"" + call.object +
                                   "\" with id \"" + call.query.id.value_or("") + "\""}};
  }
  if (error.code == "INTERNAL_SERVER_ERROR") {
    return rest_error{
        .status = 500, .error = "InternalServerErrorException", .messages = {error.message}};
  }
  if (error.code == "FORBIDDEN") {
    return rest_error{.status = 403, .error = "ForbiddenException", .messages = {error.message}};
  }
  return bad_request(error.message);
}

http::response answer(const rest_query& call, storage::query::run_result result) {
  if (auto* e = std::get_if<storage::query::record_error>(&result)) {
    return to_response(rest_error_of(call, *e));
  }
  boost::json::value value = std::move(std::get<boost::json::value>(result));
  boost::json::object envelope;
  if (call.action == rest_action::group_by) {
    // A bare array, one element per group: its dimension values, totalCount, the other
    // aggregates under "aggregates", and with include_records_sample its first records.
    boost::json::array groups;
    if (auto* list = value.if_array()) {
      for (auto& g : *list) {
        boost::json::object* group = g.if_object();
        if (group == nullptr) continue;
        boost::json::object out{{"groupByDimensionValues", (*group)["groupByDimensionValues"]}};
        boost::json::object aggregates;
        for (const auto& name : call.aggregates) {
          if (name == "totalCount") {
            out["totalCount"] = (*group)["totalCount"];
          } else {
            aggregates[name] = (*group)[name];
          }
        }
        if (!aggregates.empty()) out["aggregates"] = std::move(aggregates);
        if (call.records_sample) {
          const auto& node = *call.query.connection.items.back().node;
          out["records"] = records_of(*group, node);
        }
        groups.push_back(std::move(out));
      }
    }
    http::response res;
    res.status = call.status;
    res.body = boost::json::serialize(groups);
    return res;
  }
  if (call.action == rest_action::duplicates) {
    // One entry per input record: {totalCount, pageInfo, <s>Duplicates: [records]}.
    const auto& node = *call.query.connection.items.front().node;
    boost::json::array entries;
    if (auto* connections = value.if_array()) {
      for (auto& c : *connections) {
        boost::json::object* connection = c.if_object();
        if (connection == nullptr) continue;
        boost::json::array records = records_of(*connection, node);
        entries.push_back(boost::json::object{{"totalCount", (*connection)["totalCount"]},
                                              {"pageInfo", (*connection)["pageInfo"]},
                                              {call.data_key, std::move(records)}});
      }
    }
    envelope["data"] = std::move(entries);
  } else if (call.action == rest_action::find_many) {
    const auto& node = *call.query.connection.items.front().node;
    boost::json::array records;
    boost::json::object* connection = value.if_object();
    if (connection == nullptr || !(*connection)["edges"].is_array()) {
      return to_response(rest_error{.status = 500,
                                    .error = "InternalServerErrorException",
                                    .messages = {"The records could not be read"}});
    }
    records = records_of(*connection, node);
    if (call.backwards) std::reverse(records.begin(), records.end());
    envelope["data"] = boost::json::object{{call.data_key, std::move(records)}};
    envelope["pageInfo"] = std::move((*connection)["pageInfo"]);
    envelope["totalCount"] = std::move((*connection)["totalCount"]);
  } else {
    if (auto* list = value.if_array()) {
      for (auto& record : *list) flatten_connections(record, call.query.record);
    } else {
      flatten_connections(value, call.query.record);
    }
    envelope["data"] = boost::json::object{{call.data_key, std::move(value)}};
  }
  http::response res;
  res.status = call.status;
  res.body = boost::json::serialize(envelope);
  return res;
}

}  // namespace cohort::api::rest
