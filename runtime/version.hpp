// The version this binary reports (`cohort version`, /client-config, logs).
#pragma once

namespace cohort::runtime {

inline constexpr const char* version = "0.1.0";
// The Twenty release whose API this version speaks.
inline constexpr const char* twenty_api_version = "1.6.0";

}  // namespace cohort::runtime
