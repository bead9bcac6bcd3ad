// The response as JSON text, straight from the result tree: graphql-js key order for errors
// (message, locations, path, extensions), `errors` before `data` as graphql-yoga/Express send it,
// and numbers as JavaScript's JSON.stringify prints them.
#include <boost/json.hpp>
#include <charconv>

#include "graphql/execution/request.hpp"
#include "graphql/utilities/js_values.hpp"

namespace cohort::graphql::execution::detail {

namespace json = boost::json;

namespace {

void write_string(std::string& out, std::string_view s) {
  static const char* hex = "0123456789abcdef";
  out += '"';
  std::size_t run = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        out += "\\u00";
        out += hex[c >> 4];
        out += hex[c & 15];
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void write_value(std::string& out, const json::value& v) {
  switch (v.kind()) {
    case json::kind::null:
      out += "null";
      break;
    case json::kind::bool_:
      out += v.get_bool() ? "true" : "false";
      break;
    case json::kind::int64: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.get_int64());
      out.append(buf, r.ptr);
      break;
    }
    case json::kind::uint64: {
      char buf[24];
      auto r = std::to_chars(buf, buf + sizeof buf, v.get_uint64());
      out.append(buf, r.ptr);
      break;
    }
    case json::kind::double_: {
      double d = v.get_double();
      if (!std::isfinite(d)) {
        out += "null";
      } else {
        out += utilities::js_number_to_string(d);
      }
      break;
    }
    case json::kind::string:
      write_string(out, v.get_string());
      break;
    case json::kind::array: {
      out += '[';
      bool first = true;
      for (const auto& item : v.get_array()) {
        if (!first) out += ',';
        first = false;
        write_value(out, item);
      }
      out += ']';
      break;
    }
    case json::kind::object: {
      out += '{';
      bool first = true;
      for (const auto& kv : v.get_object()) {
        if (!first) out += ',';
        first = false;
        write_string(out, kv.key());
        out += ':';
        write_value(out, kv.value());
      }
      out += '}';
      break;
    }
  }
}

void write_node(std::string& out, const result_node& node);

void write_slot(std::string& out, const slot& s) {
  switch (s.k) {
    case slot::kind::leaf:
      write_value(out, s.leaf);
      break;
    case slot::kind::trusted:
      write_value(out, *s.trusted);
      break;
    case slot::kind::raw:
      out += *s.raw;
      break;
    case slot::kind::node:
      if (s.child->failed) {
        out += "null";
      } else {
        write_node(out, *s.child);
      }
      break;
    default:
      out += "null";
  }
}

void write_node(std::string& out, const result_node& node) {
  if (node.is_list) {
    out += '[';
    for (std::size_t i = 0; i < node.slots.size(); ++i) {
      if (i != 0) out += ',';
      write_slot(out, node.slots[i]);
    }
    out += ']';
    return;
  }
  out += '{';
  bool first = true;
  for (std::size_t i = 0; i < node.slots.size(); ++i) {
    const slot& s = node.slots[i];
    if (s.k == slot::kind::omitted) continue;
    if (!first) out += ',';
    first = false;
    write_string(out, node.sel->fields[i].response_key);
    out += ':';
    write_slot(out, s);
  }
  out += '}';
}

}  // namespace

std::string request::write_response() const {
  std::string out;
  out.reserve(4096);
  out += '{';
  if (!errors.empty()) {
    out += "\"errors\":[";
    bool first = true;
    for (const auto& e : errors) {
      if (!first) out += ',';
      first = false;
      out += "{\"message\":";
      write_string(out, e.message);
      if (req.options.error_locations && !e.locations.empty()) {
        out += ",\"locations\":[";
        for (std::size_t i = 0; i < e.locations.size(); ++i) {
          if (i != 0) out += ',';
          out += "{\"line\":" + std::to_string(e.locations[i].line) +
                 ",\"column\":" + std::to_string(e.locations[i].column) + "}";
        }
        out += ']';
      }
      if (req.options.error_paths && !e.path.empty()) {
        out += ",\"path\":";
        write_value(out, e.path);
      }
      if (!e.extensions.empty()) {
        out += ",\"extensions\":";
        write_value(out, e.extensions);
      }
      out += '}';
    }
    out += ']';
  }
  if (root != nullptr) {
    if (!errors.empty()) out += ',';
    out += "\"data\":";
    if (data_null || root->failed) {
      out += "null";
    } else {
      write_node(out, *root);
    }
  }
  out += '}';
  return out;
}

}  // namespace cohort::graphql::execution::detail
