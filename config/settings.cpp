#include "config/settings.hpp"

#include <cstdlib>

#include "config/settings_table.hpp"

namespace cohort::config {

std::string config_error::what() const {
  return "invalid " + setting + " \"" + value + "\": expected " + expected;
}

environment process_environment() {
  environment env;
  for (const auto& spec : settings_table()) {
    if (const char* v = std::getenv(spec.env.c_str())) env[spec.env] = v;
  }
  return env;
}

namespace {

const setting_spec* find_flag(std::string_view flag) {
  for (const auto& spec : settings_table())
    if (!spec.flag.empty() && spec.flag == flag) return &spec;
  return nullptr;
}

}  // namespace

load_result load_settings(const std::vector<std::string>& args, const environment& env) {
  load_result out;
  settings s;
  for (const auto& spec : settings_table()) {
    auto it = env.find(spec.env);
    if (it == env.end()) continue;
    if (auto expected = spec.apply(s, it->second)) {
      out.error = config_error{spec.env, it->second, *expected};
      return out;
    }
  }
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--help" || arg == "-h") {
      out.help = true;
      continue;
    }
    if (arg.rfind("--", 0) != 0 || arg == "--") {
      out.positional.push_back(arg);
      continue;
    }
    std::string name = arg, value;
    bool has_value = false;
    if (auto eq = arg.find('='); eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    const setting_spec* spec = find_flag(name);
    if (!spec) {
      out.error = config_error{name, arg, "one of the flags listed by --help"};
      return out;
    }
    if (!has_value) {
      if (i + 1 >= args.size()) {
        out.error = config_error{name, "", "a value after " + name};
        return out;
      }
      value = args[++i];
    }
    if (auto expected = spec->apply(s, value)) {
      out.error = config_error{name, value, *expected};
      return out;
    }
  }
  // Settings that only make sense together.
  if (s.email_driver == "smtp" && s.email_smtp_host.empty()) {
    out.error =
        config_error{"EMAIL_SMTP_HOST", "", "the SMTP server's name when EMAIL_DRIVER=smtp"};
    return out;
  }
  // Twenty's rule: a workspace is soft-deleted before it is destroyed.
  if (s.workspace_inactive_days_before_soft_deletion >= s.workspace_inactive_days_before_deletion) {
    out.error = config_error{"WORKSPACE_INACTIVE_DAYS_BEFORE_SOFT_DELETION",
                             std::to_string(s.workspace_inactive_days_before_soft_deletion),
                             "fewer days than WORKSPACE_INACTIVE_DAYS_BEFORE_DELETION (" +
                                 std::to_string(s.workspace_inactive_days_before_deletion) + ")"};
    return out;
  }
  out.value = std::move(s);
  return out;
}

}  // namespace cohort::config
