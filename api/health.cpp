#include "api/health.hpp"

#include <boost/json.hpp>

namespace cohort::api {

void health_checks::add(std::string indicator, health_probe probe) {
  probes_[std::move(indicator)] = std::move(probe);
}

namespace {

http::response terminus(const std::string& indicator, const std::optional<std::string>& failure) {
  boost::json::object status{{"status", failure ? "down" : "up"}};
  if (failure) status["message"] = *failure;
  boost::json::object body{{"status", failure ? "error" : "ok"},
                           {"info", boost::json::object{}},
                           {"error", boost::json::object{}},
                           {"details", boost::json::object{{indicator, status}}}};
  body[failure ? "error" : "info"].as_object()[indicator] = status;
  http::response res;
  res.status = failure ? 503 : 200;
  res.body = boost::json::serialize(body);
  res.route = "/healthz/" + indicator;
  return res;
}

}  // namespace

void health_checks::answer(const std::string& indicator, http::responder done) const {
  if (indicator.empty()) {
    http::response res;
    res.body = R"({"status":"ok","info":{},"error":{},"details":{}})";
    res.route = "/healthz";
    done(std::move(res));
    return;
  }
  auto it = probes_.find(indicator);
  if (it == probes_.end()) {
    auto res = http::error_response(400, "Invalid indicator id: " + indicator);
    res.route = "/healthz/{indicator}";
    done(std::move(res));
    return;
  }
  it->second([indicator, done = std::move(done)](std::optional<std::string> failure) {
    done(terminus(indicator, failure));
  });
}

}  // namespace cohort::api
