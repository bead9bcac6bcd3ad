#include "api/rate_limit/graphql_peek.hpp"

#include <boost/json.hpp>

#include <algorithm>
#include <cctype>

#include "graphql/language/parser.hpp"

namespace cohort::api::rate_limit {

namespace {

namespace lang = graphql::language;

struct parsed_request {
  std::optional<lang::document> doc;
  boost::json::object variables;
  std::string operation_name;
};

parsed_request parse_request(std::string_view body) {
  parsed_request out;
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) return out;
  const auto& o = v.as_object();
  const auto* query = o.if_contains("query");
  if (!query || !query->is_string()) return out;
  if (const auto* vars = o.if_contains("variables"); vars && vars->is_object())
    out.variables = vars->as_object();
  if (const auto* name = o.if_contains("operationName"); name && name->is_string())
    out.operation_name = std::string(name->as_string());
  auto parsed = lang::parse(std::string_view(query->as_string()));
  if (parsed) out.doc.emplace(std::move(parsed).value());
  return out;
}

const lang::operation_definition_node* chosen_operation(const parsed_request& r) {
  const lang::operation_definition_node* found = nullptr;
  int count = 0;
  for (const auto* def : r.doc->definitions()) {
    if (def->kind != lang::node_kind::operation_definition) continue;
    const auto* op = static_cast<const lang::operation_definition_node*>(def);
    ++count;
    if (r.operation_name.empty() ? !found : op->name.value == r.operation_name) found = op;
  }
  if (r.operation_name.empty() && count != 1) return nullptr;
  return found;
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

std::vector<std::string> root_response_keys(std::string_view body) {
  std::vector<std::string> keys;
  auto r = parse_request(body);
  if (!r.doc) return keys;
  const auto* op = chosen_operation(r);
  if (!op || !op->selection_set) return keys;
  for (const auto* sel : op->selection_set->selections) {
    if (sel->kind != lang::node_kind::field) return {};
    keys.emplace_back(static_cast<const lang::field_node*>(sel)->response_key());
  }
  return keys;
}

std::optional<std::string> sign_in_email(std::string_view body) {
  if (body.find("signIn") == std::string_view::npos &&
      body.find("getLoginTokenFromCredentials") == std::string_view::npos)
    return std::nullopt;
  auto r = parse_request(body);
  if (!r.doc) return std::nullopt;
  const auto* op = chosen_operation(r);
  if (!op || !op->selection_set) return std::nullopt;
  for (const auto* sel : op->selection_set->selections) {
    if (sel->kind != lang::node_kind::field) continue;
    const auto* field = static_cast<const lang::field_node*>(sel);
    if (field->name.value != "signIn" && field->name.value != "getLoginTokenFromCredentials")
      continue;
    for (const auto& arg : field->arguments) {
      if (arg.name.value != "email" || !arg.value) continue;
      if (arg.value->kind == lang::node_kind::string_value)
        return lower(static_cast<const lang::string_value_node*>(arg.value)->value);
      if (arg.value->kind == lang::node_kind::variable) {
        auto name = static_cast<const lang::variable_node*>(arg.value)->name.value;
        const auto* v = r.variables.if_contains(name);
        if (v && v->is_string()) return lower(std::string_view(v->as_string()));
      }
    }
  }
  return std::nullopt;
}

}  // namespace cohort::api::rate_limit
