#include "runtime/node.hpp"

#include <caf/all.hpp>

#include <spdlog/spdlog.h>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

#include "actors/atoms.hpp"
#include "actors/events/event_bus.hpp"
#include "actors/message_types.hpp"
#include "actors/supervisor.hpp"
#include "actors/workspace/workspace_registry.hpp"
#include "api/api_actor.hpp"
#include "api/gateway_actor.hpp"
#include "api/health.hpp"
#include "api/http/process_stats.hpp"
#include "api/mail/mail_sender.hpp"
#include "api/router.hpp"
#include "api/webhooks/webhook_jobs.hpp"
#include "runtime/api_services.hpp"
#include "runtime/background_work.hpp"
#include "runtime/database.hpp"
#include "runtime/redis_check.hpp"
#include "runtime/seed/apply_seed.hpp"
#include "runtime/workspace_lifecycle.hpp"

namespace cohort::runtime {

namespace {

// Why nobody can listen on the port right now, or nothing when it is free.
std::optional<std::string> port_unavailable(std::uint16_t port) {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return std::nullopt;
  int one = 1;
  ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  addr.sin_port = htons(port);
  std::optional<std::string> why;
  if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) why = std::strerror(errno);
  ::close(fd);
  return why;
}

struct actor_config : caf::actor_system_config {
  explicit actor_config(const config::settings& s) {
    actors::register_message_types(*this);
    // By default actors and HTTP together use one thread per core: on a small machine, threads
    // beyond that only add wake-ups (bench/: the echo route lost a third of its throughput).
    int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    unsigned threads = static_cast<unsigned>(
        s.actor_threads > 0 ? s.actor_threads : std::max(1, cores - s.http_threads));
    set("scheduler.max-threads", threads);
    set("scheduler.policy", caf::atom_from_string(s.actor_scheduler));
  }
};

}  // namespace

struct node::parts {
  database db;
  std::unique_ptr<actor_config> cfg;
  std::unique_ptr<caf::actor_system> sys;
  std::shared_ptr<actors::handle_table> handles = std::make_shared<actors::handle_table>();
  std::shared_ptr<actors::registry_stats> registry_stats =
      std::make_shared<actors::registry_stats>();
  std::shared_ptr<api::http::metrics_registry> metrics =
      std::make_shared<api::http::metrics_registry>();
  background_work background;  // jobs and the outbox relay
  caf::actor root;
  std::uint16_t port = 0;
  bool stopped = false;
};

node::node(config::settings settings)
    : settings_(std::move(settings)), parts_(std::make_unique<parts>()) {}

node::~node() {
  stop();
}

std::uint16_t node::http_port() const {
  return parts_->port;
}

std::optional<std::string> node::start(bool& config_problem) {
  auto& p = *parts_;
  config_problem = false;
  // A taken port is found before the database starts, not after seconds of initdb.
  if (auto why = port_unavailable(settings_.node_port)) {
    config_problem = true;
    return "invalid NODE_PORT \"" + std::to_string(settings_.node_port) +
           "\": expected a free port (" + *why + ")";
  }
  if (auto err = check_redis(settings_)) {
    config_problem = true;
    return err;
  }
  if (auto err = p.db.open(settings_, config_problem)) return err;
  if (auto plan = seed::find_seed(settings_.seed)) {
    if (auto err = seed::apply_seed(*p.db.pool(), *plan)) return err;
  }
  auto built_services = build_api_services(settings_, p.db.pool());
  if (auto* why = std::get_if<std::string>(&built_services)) return *why;
  const auto& services = std::get<api_services>(built_services);

  p.cfg = std::make_unique<actor_config>(settings_);
  p.sys = std::make_unique<caf::actor_system>(*p.cfg);

  const int api_actors = 2;
  std::vector<std::string> api_names;
  for (int i = 0; i < api_actors; ++i) api_names.push_back("api-" + std::to_string(i));

  auto health = std::make_shared<api::health_checks>();
  p.db.add_health_checks(*health);
  add_redis_health(*health, settings_);
  health->add("app", [](auto done) { done(std::nullopt); });
  health->add("worker", [handles = p.handles](auto done) {
    if (handles->get("job_supervisor"))
      done(std::nullopt);
    else
      done(std::string("the job supervisor is not running"));
  });

  api::router_options router_opts{p.handles, api_names, health};
  api::gateway_options gw;
  gw.server = api::http::from_settings(settings_);
  gw.handler = std::make_shared<api::router>(router_opts);
  gw.metrics = p.metrics;
  gw.drain_deadline = settings_.shutdown_timeout;

  actors::registry_options reg;
  reg.idle_timeout = settings_.workspace_idle_timeout;
  reg.stats = p.registry_stats;
  reg.workspace_deps = services.workspace_deps;
  if (auto err = register_workspace_lifecycle(*p.background.jobs, p.db.pool(), settings_))
    return err;

  actors::supervisor_options sup;
  sup.handles = p.handles;
  sup.children.push_back(
      {"event_bus", [](caf::actor_system& s) { return actors::spawn_event_bus(s); }});
  api::webhooks::register_webhooks(*p.background.jobs, *p.background.consumers, p.db.pool(),
                                   settings_, p.metrics);
  api::mail::register_mail_jobs(*p.background.jobs, settings_);
  add_background_children(p.background, sup, p.db.pool());
  sup.children.push_back({"workspace_registry", [reg](caf::actor_system& s) {
                            return actors::spawn_workspace_registry(s, reg);
                          }});
  // Left at its default, SERVER_URL says nothing: the OpenAPI documents then name the address
  // each client used, which Twenty does only when SERVER_URL is empty.
  std::string openapi_server =
      settings_.server_url != config::settings{}.server_url ? settings_.server_url : "";
  api::api_actor_options api_opts{p.handles,
                                  settings_.request_timeout,
                                  services.endpoints,
                                  p.db.pool(),
                                  api::request_limits::from_settings(settings_),
                                  openapi_server};
  for (const auto& name : api_names)
    sup.children.push_back(
        {name, [api_opts](caf::actor_system& s) { return api::spawn_api_actor(s, api_opts); }});
  // Started last, so the first request finds everything behind it ready; stopped first.
  sup.children.push_back(
      {"http_gateway", [gw](caf::actor_system& s) { return api::spawn_gateway(s, gw); }});
  p.root = actors::spawn_supervisor(*p.sys, sup);

  api::http::register_process_metrics(*p.metrics);
  p.metrics->add_gauge_callback(
      "cohort_workspace_actors_live", "Workspace actors running on this node",
      [stats = p.registry_stats] { return static_cast<double>(stats->live.load()); });
  p.metrics->add_gauge_callback(
      "cohort_workspace_actor_restarts_total", "Workspace actors restarted after a failure",
      [stats = p.registry_stats] { return static_cast<double>(stats->restarts.load()); });
  p.db.register_metrics(*p.metrics);
  start_background_work(p.background, *p.db.pool(), p.handles, *p.metrics);

  caf::scoped_actor self{*p.sys};
  caf::actor gateway;
  self->request(p.root, std::chrono::seconds(5), caf::get_atom::value, std::string("http_gateway"))
      .receive([&](caf::actor& a) { gateway = std::move(a); }, [](caf::error&) {});
  std::optional<std::string> failure;
  if (!gateway) {
    failure = "the HTTP gateway did not start";
  } else {
    self->request(gateway, std::chrono::seconds(5), caf::get_atom::value)
        .receive([&](std::uint16_t port) { p.port = port; },
                 [&](caf::error& e) {
                   std::string why = e.context().match_elements<std::string>()
                                         ? e.context().get_as<std::string>(0)
                                         : p.sys->render(e);
                   failure = "invalid NODE_PORT \"" + std::to_string(settings_.node_port) +
                             "\": expected a free port (" + why + ")";
                   config_problem = true;
                 });
  }
  return failure;
}

void node::stop() {
  auto& p = *parts_;
  if (p.stopped) return;
  p.stopped = true;
  if (p.sys) {
    caf::scoped_actor self{*p.sys};
    if (auto gateway = p.handles->get("http_gateway")) {
      // Drain first: in-flight requests still need the actors behind the gateway.
      self->request(gateway, settings_.shutdown_timeout + std::chrono::seconds(2),
                    actors::stop_atom::value)
          .receive(
              [](bool drained) {
                if (!drained) spdlog::warn("shutdown deadline reached with requests in flight");
              },
              [](caf::error&) {});
    }
    if (p.root) {
      self->send(p.root, actors::stop_atom::value);
      self->wait_for(p.root);
      p.root = nullptr;
    }
  }
  stop_background_work(p.background);
  p.sys.reset();
  p.cfg.reset();
  p.db.close();
}

}  // namespace cohort::runtime
