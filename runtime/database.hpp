// The node's PostgreSQL: the embedded server under the data dir (no PG_DATABASE_URL) or the
// configured one, the core migrations, and the connection pool every layer above uses.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "api/health.hpp"
#include "api/http/metrics.hpp"
#include "config/settings.hpp"

namespace cohort::storage::pg {
class pool;
}

namespace cohort::runtime {

class database {
 public:
  database();
  ~database();

  // Starts or reaches PostgreSQL and applies pending migrations. Returns a one-line reason on
  // failure; `config_problem` tells whether the configuration is to blame (exit status 2).
  std::optional<std::string> open(const config::settings& settings, bool& config_problem);
  void close();

  // The pool, once open() succeeded.
  std::shared_ptr<storage::pg::pool> pool() const;

  void add_health_checks(api::health_checks& health);
  void register_metrics(api::http::metrics_registry& metrics);

 private:
  struct impl;
  std::unique_ptr<impl> impl_;
};

}  // namespace cohort::runtime
