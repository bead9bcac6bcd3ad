#include "api/rest/metadata_list.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <charconv>

namespace cohort::api::rest {

namespace json = boost::json;

std::variant<std::int64_t, rest_error> parse_limit(const query_string& params, limit_rule rule) {
  auto text = params.get("limit");
  if (!text || text->empty()) return rule.default_limit;
  std::int64_t limit = -1;
  auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (ec == std::errc::result_out_of_range && text->front() != '-') return rule.max_limit;
  if (ec != std::errc() || end != text->data() + text->size() || limit < 0) {
    return bad_request("limit '" + *text + "' is invalid. Should be an integer");
  }
  return std::min(limit, rule.max_limit);
}

std::variant<page_request, rest_error> parse_page_request(const query_string& params,
                                                          limit_rule rule) {
  page_request page;
  page.starting_after = params.get("starting_after");
  page.ending_before = params.get("ending_before");
  if (page.starting_after && page.ending_before) {
    return bad_request("'starting_after' and 'ending_before' cannot be used together.");
  }
  auto limit = parse_limit(params, rule);
  if (auto* e = std::get_if<rest_error>(&limit)) return std::move(*e);
  page.limit = std::get<std::int64_t>(limit);
  return page;
}

std::variant<json::object, rest_error> page_envelope(std::string_view key, const json::array& items,
                                                     const page_request& page) {
  auto id_of = [&](std::size_t i) -> std::string_view {
    const auto* object = items[i].if_object();
    const auto* id = object ? object->if_contains("id") : nullptr;
    return id && id->is_string() ? std::string_view(id->as_string()) : std::string_view();
  };
  std::size_t begin = 0, end = items.size();
  if (const auto& cursor = page.starting_after ? page.starting_after : page.ending_before) {
    std::size_t at = 0;
    while (at < items.size() && id_of(at) != *cursor) ++at;
    if (at == items.size()) return bad_request("Invalid cursor: " + *cursor);
    if (page.starting_after) {
      begin = at + 1;
    } else {
      end = at;
    }
  }
  const auto limit = static_cast<std::size_t>(page.limit);
  const bool more = end - begin > limit;
  if (more && page.ending_before) {
    begin = end - limit;  // backwards: the items nearest the cursor
  } else if (more) {
    end = begin + limit;
  }
  json::array data;
  for (std::size_t i = begin; i < end; ++i) data.push_back(items[i]);
  json::object page_info{
      {"hasNextPage", page.ending_before ? false : more},
      {"startCursor", begin < end ? json::value(json::string(id_of(begin))) : nullptr},
      {"endCursor", begin < end ? json::value(json::string(id_of(end - 1))) : nullptr}};
  return json::object{{"data", json::object{{key, std::move(data)}}},
                      {"pageInfo", std::move(page_info)},
                      {"totalCount", items.size()}};
}

}  // namespace cohort::api::rest
