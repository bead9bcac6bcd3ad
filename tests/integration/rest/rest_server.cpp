#include "rest_server.hpp"

namespace cohort::testing {

rest_server& rest_server::shared() {
  static auto* instance =
      new rest_server({.database = "rest_api_demo", .app_secret = "rest-api-test-secret"});
  return *instance;
}

}  // namespace cohort::testing
