#include "api/platform/workspace_urls.hpp"

#include <algorithm>
#include <cctype>

namespace cohort::api::platform {

namespace {

struct url_parts {
  std::string scheme;  // "http"
  std::string host;    // lower-cased
  std::string port;    // "" or "3300"
};

std::optional<url_parts> split_url(std::string_view url) {
  auto sep = url.find("://");
  if (sep == std::string_view::npos) return std::nullopt;
  url_parts out;
  out.scheme = std::string(url.substr(0, sep));
  if (out.scheme != "http" && out.scheme != "https") return std::nullopt;
  std::string_view rest = url.substr(sep + 3);
  rest = rest.substr(0, rest.find_first_of("/?#"));
  auto colon = rest.rfind(':');
  std::string_view host = colon == std::string_view::npos ? rest : rest.substr(0, colon);
  if (colon != std::string_view::npos) out.port = std::string(rest.substr(colon + 1));
  if (host.empty()) return std::nullopt;
  out.host = std::string(host);
  std::transform(out.host.begin(), out.host.end(), out.host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

url_parts base_url(const config::settings& settings) {
  const std::string& base =
      settings.frontend_url.empty() ? settings.server_url : settings.frontend_url;
  if (auto parts = split_url(base)) return *parts;
  return {"http", "localhost", ""};
}

}  // namespace

std::string subdomain_url(const config::settings& settings, std::string_view subdomain) {
  auto base = base_url(settings);
  return base.scheme + "://" + std::string(subdomain) + "." + base.host +
         (base.port.empty() ? "" : ":" + base.port) + "/";
}

boost::json::object workspace_urls_json(const config::settings& settings,
                                        const storage::core::workspace_row& workspace) {
  boost::json::object out;
  out["customUrl"] = workspace.custom_domain
                         ? boost::json::value("https://" + *workspace.custom_domain + "/")
                         : boost::json::value(nullptr);
  out["subdomainUrl"] = subdomain_url(settings, workspace.subdomain);
  return out;
}

std::optional<origin_target> parse_origin(const config::settings& settings,
                                          std::string_view origin) {
  auto parts = split_url(origin);
  if (!parts) return std::nullopt;
  origin_target out;
  out.host = parts->host;
  std::string suffix = ".";
  suffix += base_url(settings).host;
  if (parts->host.size() > suffix.size() && parts->host.ends_with(suffix)) {
    out.subdomain = parts->host.substr(0, parts->host.size() - suffix.size());
  }
  return out;
}

}  // namespace cohort::api::platform
