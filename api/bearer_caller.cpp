#include "api/bearer_caller.hpp"

#include <boost/json.hpp>

#include <cctype>

namespace cohort::api {

namespace {

std::optional<std::string> optional_claim(const auth::verified_token& token,
                                          std::string_view name) {
  std::string_view value = token.string_claim(name);
  if (value.empty()) return std::nullopt;
  return std::string(value);
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(a[i])) !=
        std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  }
  return true;
}

}  // namespace

std::string_view bearer_token(const http::request& req) {
  const std::string* header = req.header("authorization");
  if (header == nullptr) return {};
  std::string_view value = *header;
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  if (value.size() < 7 || !iequals(value.substr(0, 7), "bearer ")) return {};
  value.remove_prefix(7);
  while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
  while (!value.empty() && value.back() == ' ') value.remove_suffix(1);
  return value;
}

std::variant<actors::caller, auth::auth_error> caller_from_request(
    const http::request& req, const auth::token_service& tokens) {
  actors::caller who;
  std::string_view token = bearer_token(req);
  if (token.empty()) return who;
  // The request gate has verified it already on the gated paths.
  std::shared_ptr<const auth::verified_token> verified = req.verified_token;
  if (!verified) {
    auto checked = tokens.authenticate(token);
    if (!checked) return checked.error();
    verified = std::make_shared<const auth::verified_token>(std::move(checked).value());
  }
  const auth::verified_token& t = *verified;
  if (t.is_legacy_api_key() || t.type == auth::token_type::api_key) {
    // A legacy key carries the workspace id as its `sub`.
    who.token_type = "API_KEY";
    std::string_view workspace = t.workspace_id().empty() ? t.subject() : t.workspace_id();
    who.workspace_id = std::string(workspace);
    who.api_key_id = optional_claim(t, "jti");
    if (const std::string* name = req.header(internal_api_key_name_header))
      who.api_key_name = *name;
    who.workspace_member_id = optional_claim(t, "workspaceMemberId");
    who.permissions = req.permissions;
    return who;
  }
  who.token_type = std::string(auth::token_type_name(*t.type));
  who.user_id = optional_claim(t, "userId");
  if (!who.user_id) who.user_id = optional_claim(t, "sub");
  who.auth_provider = std::string(t.string_claim("authProvider"));
  if (t.type == auth::token_type::access) {
    who.workspace_id = optional_claim(t, "workspaceId");
    who.workspace_member_id = optional_claim(t, "workspaceMemberId");
    who.user_workspace_id = optional_claim(t, "userWorkspaceId");
    who.permissions = req.permissions;
  }
  return who;
}

std::string unauthenticated_body(const auth::auth_error& error) {
  boost::json::object ext;
  ext["userFriendlyMessage"] = "You must be authenticated to perform this action.";
  ext["subCode"] = auth::auth_error_code_name(error.code);
  ext["code"] = auth::graphql_error_code(error.code);
  boost::json::object e;
  e["message"] = error.message;
  e["extensions"] = std::move(ext);
  boost::json::object body;
  body["errors"] = boost::json::array{std::move(e)};
  return boost::json::serialize(body);
}

}  // namespace cohort::api
