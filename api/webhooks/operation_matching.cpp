#include "api/webhooks/operation_matching.hpp"

namespace cohort::api::webhooks {

bool operation_matches(std::string_view pattern, std::string_view object, std::string_view action) {
  auto dot = pattern.find('.');
  if (dot == std::string_view::npos || pattern.find('.', dot + 1) != std::string_view::npos)
    return false;
  std::string_view want_object = pattern.substr(0, dot);
  std::string_view want_action = pattern.substr(dot + 1);
  return (want_object == "*" || want_object == object) &&
         (want_action == "*" || want_action == action);
}

bool any_operation_matches(const std::vector<std::string>& patterns, std::string_view object,
                           std::string_view action) {
  for (const auto& p : patterns) {
    if (operation_matches(p, object, action)) return true;
  }
  return false;
}

std::vector<std::string> operations_selecting(std::string_view object, std::string_view action) {
  std::string o(object), a(action);
  return {o + "." + a, "*." + a, o + ".*", "*.*"};
}

}  // namespace cohort::api::webhooks
