#include "api/rest/rest_route.hpp"

#include <cctype>
#include <vector>

namespace cohort::api::rest {

namespace {

std::vector<std::string_view> segments_after_rest(std::string_view path) {
  std::vector<std::string_view> out;
  path.remove_prefix(std::min<std::size_t>(path.size(), 5));  // "/rest"
  while (!path.empty()) {
    if (path.front() == '/') {
      path.remove_prefix(1);
      continue;
    }
    std::size_t slash = path.find('/');
    out.push_back(path.substr(0, slash));
    path = slash == std::string_view::npos ? std::string_view() : path.substr(slash);
  }
  return out;
}

bool is_uuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !std::isxdigit(static_cast<unsigned char>(s[i]))) return false;
  }
  return true;
}

std::string single_quoted(std::string_view text) {
  std::string out = "'";
  out += text;
  out += '\'';
  return out;
}

// NestJS's answer for a method the path does not have.
rest_error no_route(std::string_view method, std::string_view path) {
  return rest_error{.status = 404,
                    .error = "NotFoundException",
                    .messages = {"Cannot " + std::string(method) + " " + std::string(path)}};
}

std::optional<rest_action> action_of(std::string_view method, bool with_id) {
  if (method == "GET") return with_id ? rest_action::find_one : rest_action::find_many;
  if (method == "POST" && !with_id) return rest_action::create_one;
  if (method == "PATCH" || (method == "PUT" && with_id)) {
    return with_id ? rest_action::update_one : rest_action::update_many;
  }
  if (method == "DELETE") return with_id ? rest_action::delete_one : rest_action::delete_many;
  return std::nullopt;
}

}  // namespace

std::variant<rest_route, rest_error> parse_route(std::string_view method, std::string_view path) {
  auto segments = segments_after_rest(path);
  // Duplicates of given records (POST) and merging records into one (PATCH), before the
  // /{p}/{id} routes would read "duplicates" or "merge" as an id.
  if (segments.size() == 2 && method == "POST" && segments[1] == "duplicates") {
    return rest_route{rest_action::duplicates, std::string(segments[0]), std::nullopt};
  }
  if (segments.size() == 2 && method == "PATCH" && segments[1] == "merge") {
    return rest_route{rest_action::merge, std::string(segments[0]), std::nullopt};
  }
  if (segments.size() == 2 && method == "GET" && segments[1] == "groupBy") {
    return rest_route{rest_action::group_by, std::string(segments[0]), std::nullopt};
  }
  // Restoring soft-deleted records: PATCH /rest/{p}/restore and PATCH /rest/{p}/{id}/restore.
  if (method == "PATCH" && segments.size() == 2 && segments[1] == "restore") {
    return rest_route{rest_action::restore_many, std::string(segments[0]), std::nullopt};
  }
  if (method == "PATCH" && segments.size() == 3 && segments[2] == "restore") {
    if (!is_uuid(segments[1]))
      return bad_request(single_quoted(segments[1]) + " is not a valid UUID");
    return rest_route{rest_action::restore_one, std::string(segments[0]), std::string(segments[1])};
  }
  if (segments.empty() || segments.size() > 2) {
    return bad_request("Query path '" + std::string(path) +
                       "' invalid. Valid examples: /rest/companies/id or /rest/companies");
  }
  if (segments.size() == 2 && segments[0] == "batch" && method == "POST") {
    return rest_route{rest_action::create_many, std::string(segments[1]), std::nullopt};
  }
  bool with_id = segments.size() == 2;
  auto action = action_of(method, with_id);
  if (!action) return no_route(method, path);
  if (!with_id) return rest_route{*action, std::string(segments[0]), std::nullopt};
  if (!is_uuid(segments[1])) {
    return bad_request(single_quoted(segments[1]) + " is not a valid UUID");
  }
  return rest_route{*action, std::string(segments[0]), std::string(segments[1])};
}

const char* route_label(std::string_view path) {
  auto segments = segments_after_rest(path);
  if (segments.size() == 1) return "/rest/{object}";
  if (segments.size() == 2) {
    if (segments[0] == "batch") return "/rest/batch/{object}";
    if (segments[1] == "duplicates") return "/rest/{object}/duplicates";
    if (segments[1] == "merge") return "/rest/{object}/merge";
    if (segments[1] == "groupBy") return "/rest/{object}/groupBy";
    return segments[1] == "restore" ? "/rest/{object}/restore" : "/rest/{object}/{id}";
  }
  if (segments.size() == 3 && segments[2] == "restore") return "/rest/{object}/{id}/restore";
  return "/rest";
}

}  // namespace cohort::api::rest
