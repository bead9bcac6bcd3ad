#include "api/rest/order_by_parser.hpp"

#include <array>
#include <boost/json/object.hpp>
#include <string>

#include "api/rest/field_path.hpp"

namespace cohort::api::rest {

namespace {

constexpr std::array<std::string_view, 4> directions = {"AscNullsFirst", "AscNullsLast",
                                                        "DescNullsFirst", "DescNullsLast"};

std::string_view trim(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
  return s;
}

}  // namespace

std::variant<boost::json::array, rest_error> parse_order_by(std::string_view text,
                                                            const model::object_metadata& object) {
  boost::json::array out;
  while (!trim(text).empty()) {
    std::size_t comma = text.find(',');
    std::string_view item = trim(text.substr(0, comma));
    text = comma == std::string_view::npos ? std::string_view() : text.substr(comma + 1);
    if (item.empty()) continue;

    std::string_view path = item;
    std::string_view direction = "AscNullsFirst";
    if (std::size_t open = item.find('['); open != std::string_view::npos) {
      if (item.back() != ']') {
        return bad_request(
            "'order_by' invalid for '" + std::string(item) +
            "'. eg: ?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3");
      }
      path = trim(item.substr(0, open));
      direction = item.substr(open + 1, item.size() - open - 2);
    }
    bool known = false;
    for (auto d : directions) known = known || d == direction;
    if (!known) {
      return bad_request("'order_by' direction '" + std::string(direction) +
                         "' invalid. Allowed values are 'AscNullsFirst', 'AscNullsLast', "
                         "'DescNullsFirst', 'DescNullsLast'. eg: "
                         "?order_by=field_1[AscNullsFirst],field_2[DescNullsLast],field_3");
    }
    auto ref = resolve_field(object, path);
    if (!ref) return bad_request(unknown_field_message(object, path));
    boost::json::value order = boost::json::string(direction);
    if (ref->subfield) order = boost::json::object{{*ref->subfield, std::move(order)}};
    out.push_back(boost::json::object{{ref->field, std::move(order)}});
  }
  return out;
}

}  // namespace cohort::api::rest
