// An outgoing e-mail as features compose it (recipient, subject, plain text and HTML bodies), its
// job payload (JSON), and its wire form: an RFC 5322 message with a multipart/alternative MIME
// body, base64 parts and RFC 2047 encoded headers, ready for SMTP's DATA.
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace cohort::api::mail {

struct email_message {
  std::string to;
  std::string subject;
  std::string text;  // text/plain part
  std::string html;  // text/html part; empty: a text-only message
  // The display name of the sender; empty: EMAIL_FROM_NAME. The address is always
  // EMAIL_FROM_ADDRESS (Twenty sends invitations as "First Last (via Twenty) <from address>").
  std::string from_name;
};

std::string to_payload(const email_message& message);
std::optional<email_message> from_payload(std::string_view json_text);

// The message as SMTP's DATA carries it (CRLF line ends, no dot-stuffing yet).
std::string render_mime(const email_message& message, std::string_view from_address,
                        std::string_view from_name, std::chrono::system_clock::time_point date);

// Standard base64 (RFC 4648 §4, padded), as MIME and SMTP AUTH use it.
std::string base64(std::string_view bytes);

}  // namespace cohort::api::mail
