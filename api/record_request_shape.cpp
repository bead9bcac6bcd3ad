#include "api/record_request_shape.hpp"

#include <boost/json.hpp>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "api/platform/api_key_rest.hpp"
#include "api/platform/platform_schema.hpp"
#include "api/rest/metadata_rest.hpp"
#include "api/rest/openapi/openapi_endpoint.hpp"
#include "api/webhooks/webhook_rest.hpp"
#include "graphql/language/parser.hpp"

namespace cohort::api {

namespace {

namespace lang = graphql::language;

// Every root field name of the platform schema served on /graphql (1.6.0's and the newer ones),
// whatever its root type: such a field reads or writes the core tables, not through a record
// statement.
const std::unordered_set<std::string>& platform_root_names() {
  static const auto names = [] {
    std::unordered_set<std::string> out;
    auto schema = platform::build_platform_schema(platform::endpoint::graphql, {});
    if (schema) {
      for (const auto* root : {schema->query_type(), schema->mutation_type()}) {
        if (!root) continue;
        for (const auto& field : root->fields()) out.insert(field.name);
      }
    }
    for (const auto& qualified : platform::newer_root_fields()) {
      auto dot = qualified.find('.');
      out.insert(dot == std::string::npos ? qualified : qualified.substr(dot + 1));
    }
    return out;
  }();
  return names;
}

bool is_record_rest_path(std::string_view path) {
  if (path.rfind("/rest/", 0) != 0) return false;
  if (platform::is_api_key_rest_path(path) || rest::is_metadata_rest_path(path) ||
      webhooks::is_webhook_rest_path(path) || rest::openapi::is_openapi_path(path)) {
    return false;
  }
  std::string_view rest = path.substr(6);
  std::string_view first = rest.substr(0, rest.find('/'));
  // A batch route writes several records; it is one statement today, but keep it on the full
  // check rather than depend on that.
  return !first.empty() && first != "batch" && first != "metadata";
}

// The decision for one document.
bool is_record_only_document(std::string_view query) {
  auto parsed = lang::parse(query);
  if (!parsed) return false;
  const auto doc = std::move(parsed).value();
  const lang::operation_definition_node* op = nullptr;
  for (const auto* def : doc.definitions()) {
    if (def->kind != lang::node_kind::operation_definition) continue;
    if (op) return false;  // more than one operation
    op = static_cast<const lang::operation_definition_node*>(def);
  }
  if (!op || !op->selection_set || !op->directives.empty()) return false;
  if (op->operation == lang::operation_type::subscription) return false;
  const auto& selections = op->selection_set->selections;
  if (op->operation == lang::operation_type::mutation && selections.size() != 1) return false;
  const auto& platform = platform_root_names();
  for (const auto* sel : selections) {
    if (sel->kind != lang::node_kind::field) return false;
    const auto* field = static_cast<const lang::field_node*>(sel);
    if (!field->directives.empty()) return false;
    const std::string_view name = field->name.value;
    if (name.rfind("__", 0) == 0) return false;
    if (platform.contains(std::string(name))) return false;
  }
  return true;
}

// Clients send the same few documents over and over (with other variables): the decision is kept
// per document text, for up to 4,096 documents of up to 16 KiB.
bool is_record_only_document_cached(std::string_view query) {
  constexpr std::size_t max_documents = 4096, max_length = 16 * 1024;
  if (query.size() > max_length) return is_record_only_document(query);
  static std::mutex mutex;
  static auto& decided = *new std::unordered_map<std::string, bool>();
  std::string key(query);
  {
    std::lock_guard lock(mutex);
    if (auto found = decided.find(key); found != decided.end()) return found->second;
  }
  const bool record_only = is_record_only_document(query);
  std::lock_guard lock(mutex);
  if (decided.size() >= max_documents) decided.clear();
  decided.emplace(std::move(key), record_only);
  return record_only;
}

}  // namespace

bool is_record_only_graphql(std::string_view body) {
  boost::system::error_code ec;
  auto v = boost::json::parse(body, ec);
  if (ec || !v.is_object()) return false;
  const auto* query = v.as_object().if_contains("query");
  if (!query || !query->is_string()) return false;
  return is_record_only_document_cached(std::string_view(query->as_string()));
}

bool is_record_only_request(const http::request& req) {
  if (req.path == "/graphql") return req.method == "POST" && is_record_only_graphql(req.body);
  return is_record_rest_path(req.path);
}

}  // namespace cohort::api
