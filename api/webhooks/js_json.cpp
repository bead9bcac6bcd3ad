#include "api/webhooks/js_json.hpp"

#include <cmath>

#include "graphql/utilities/js_values.hpp"

namespace cohort::api::webhooks {

namespace {

void write(const boost::json::value& v, std::string& out) {
  using graphql::utilities::json_stringify;
  switch (v.kind()) {
    case boost::json::kind::null:
      out += "null";
      return;
    case boost::json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      return;
    case boost::json::kind::int64:
      out += std::to_string(v.get_int64());
      return;
    case boost::json::kind::uint64:
      out += std::to_string(v.get_uint64());
      return;
    case boost::json::kind::double_:
      // JSON.stringify writes NaN and the infinities as null.
      out += std::isfinite(v.get_double()) ? graphql::utilities::js_number_to_string(v.get_double())
                                           : std::string("null");
      return;
    case boost::json::kind::string:
      out += json_stringify(v.get_string());
      return;
    case boost::json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write(item, out);
      }
      out += ']';
      return;
    }
    case boost::json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& [key, item] : v.get_object()) {
        if (!first) out += ',';
        first = false;
        out += json_stringify(key);
        out += ':';
        write(item, out);
      }
      out += '}';
      return;
    }
  }
}

}  // namespace

std::string js_json_stringify(const boost::json::value& value) {
  std::string out;
  write(value, out);
  return out;
}

}  // namespace cohort::api::webhooks
