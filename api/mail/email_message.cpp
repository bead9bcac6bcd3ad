#include "api/mail/email_message.hpp"

#include <openssl/evp.h>

#include <boost/json.hpp>
#include <ctime>
#include <random>

namespace cohort::api::mail {

namespace json = boost::json;

namespace {

bool is_plain_ascii(std::string_view text) {
  for (unsigned char c : text) {
    if (c < 0x20 || c >= 0x7f) return false;
  }
  return true;
}

// RFC 2047: non-ASCII header text becomes =?UTF-8?B?...?= words.
std::string header_text(std::string_view text) {
  if (is_plain_ascii(text)) return std::string(text);
  return "=?UTF-8?B?" + base64(text) + "?=";
}

// A display name quoted as RFC 5322 wants it (or encoded).
std::string display_name(std::string_view name) {
  if (!is_plain_ascii(name)) return header_text(name);
  std::string out = "\"";
  for (char c : name) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\"";
}

// Base64 wrapped at 76 characters per line, as MIME requires.
std::string wrapped_base64(std::string_view bytes) {
  std::string flat = base64(bytes);
  std::string out;
  for (std::size_t at = 0; at < flat.size(); at += 76) out += flat.substr(at, 76) + "\r\n";
  return out;
}

std::string rfc5322_date(std::chrono::system_clock::time_point at) {
  std::time_t t = std::chrono::system_clock::to_time_t(at);
  std::tm utc{};
  gmtime_r(&t, &utc);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &utc);
  return buffer;
}

std::string random_token() {
  static thread_local std::mt19937_64 rng{std::random_device{}()};
  char buffer[33];
  std::snprintf(buffer, sizeof buffer, "%016llx%016llx", static_cast<unsigned long long>(rng()),
                static_cast<unsigned long long>(rng()));
  return buffer;
}

std::string domain_of(std::string_view address) {
  auto at = address.rfind('@');
  return at == std::string_view::npos ? "localhost" : std::string(address.substr(at + 1));
}

std::string part(std::string_view content_type, std::string_view body) {
  return "Content-Type: " + std::string(content_type) +
         "; charset=UTF-8\r\nContent-Transfer-Encoding: base64\r\n\r\n" + wrapped_base64(body);
}

}  // namespace

std::string base64(std::string_view bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()),
                          reinterpret_cast<const unsigned char*>(bytes.data()),
                          static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(n));
  return out;
}

std::string to_payload(const email_message& m) {
  return json::serialize(json::object{{"to", m.to},
                                      {"subject", m.subject},
                                      {"text", m.text},
                                      {"html", m.html},
                                      {"fromName", m.from_name}});
}

std::optional<email_message> from_payload(std::string_view json_text) {
  boost::system::error_code ec;
  auto v = json::parse(json_text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  const auto& o = v.as_object();
  auto text = [&](std::string_view key) -> std::optional<std::string> {
    auto* f = o.if_contains(key);
    if (!f) return std::string();
    if (!f->is_string()) return std::nullopt;
    return std::string(f->as_string());
  };
  auto to = text("to"), subject = text("subject"), body = text("text"), html = text("html"),
       from_name = text("fromName");
  if (!to || to->empty() || !subject || !body || !html || !from_name) return std::nullopt;
  return email_message{*to, *subject, *body, *html, *from_name};
}

std::string render_mime(const email_message& m, std::string_view from_address,
                        std::string_view from_name, std::chrono::system_clock::time_point date) {
  std::string out;
  out += "From: " + display_name(from_name) + " <" + std::string(from_address) + ">\r\n";
  out += "To: <" + m.to + ">\r\n";
  out += "Subject: " + header_text(m.subject) + "\r\n";
  out += "Date: " + rfc5322_date(date) + "\r\n";
  out += "Message-ID: <" + random_token() + "@" + domain_of(from_address) + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (m.html.empty()) return out + part("text/plain", m.text);
  std::string boundary = "=_cohort_" + random_token();
  out += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  out += "--" + boundary + "\r\n" + part("text/plain", m.text);
  out += "--" + boundary + "\r\n" + part("text/html", m.html);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace cohort::api::mail
