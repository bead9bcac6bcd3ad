// The workspace actor owns the model: changes sent to it at once apply one at a time in arrival
// order; each swaps in a new runtime while requests holding the previous one finish on it; and
// over HTTP, queries running while the schema changes all succeed.
#include <gtest/gtest.h>

#include <caf/all.hpp>

#include <atomic>
#include <condition_variable>
#include <future>
#include <mutex>
#include <thread>

#include "actors/message_types.hpp"
#include "actors/request_context.hpp"
#include "actors/workspace/metadata/metadata_change.hpp"
#include "actors/workspace/workspace_actor.hpp"
#include "actors/workspace/workspace_runtime.hpp"
#include "metadata_server.hpp"
#include "model/standard/standard_objects.hpp"
#include "storage/ddl/workspace_provisioner.hpp"

using namespace cohort;
using namespace cohort::testing;
namespace json = boost::json;
namespace md = cohort::actors::metadata;

namespace {

struct test_config : caf::actor_system_config {
  test_config() {
    actors::register_message_types(*this);
    set("scheduler.max-threads", 2);
  }
};

// A workspace of its own (active, provisioned) so the server's actor never sees these changes.
std::string make_workspace(metadata_server& s, const std::string& id,
                           const std::string& subdomain) {
  auto schema = *storage::ddl::schema_name_for(id);
  auto r = s.pool->query_sync(
      "INSERT INTO core.workspace (id, subdomain, activation_status, database_schema) "
      "VALUES ($1::uuid, $2, 'ACTIVE', $3)",
      {id, subdomain, schema}, false);
  EXPECT_TRUE(r.ok()) << r.error().message;
  auto p = storage::ddl::provision_sync(*s.pool, id, model::standard::standard_objects());
  EXPECT_TRUE(p.ok()) << *p.error;
  return schema;
}

std::string run_query(const actors::workspace_runtime& runtime, const std::string& query) {
  actors::request_context ctx;
  ctx.model = runtime.model;
  std::promise<std::string> answer;
  graphql::service::graphql_params params;
  params.query = query;
  runtime.graphql->run(params, &ctx, {}, [&](graphql::service::run_result r) {
    answer.set_value(std::move(r.body));
  });
  return answer.get_future().get();
}

struct results {
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<std::pair<std::string, md::metadata_change_result>> done;

  std::function<void(md::metadata_change_result)> record(std::string tag) {
    return [this, tag](md::metadata_change_result r) {
      std::lock_guard lock(mutex);
      done.emplace_back(tag, std::move(r));
      cv.notify_all();
    };
  }
  bool wait_for(std::size_t n) {
    std::unique_lock lock(mutex);
    return cv.wait_for(lock, std::chrono::seconds(30), [&] { return done.size() >= n; });
  }
};

md::metadata_change text_field(const std::string& object_id, const std::string& name) {
  return {md::change_kind::create_field,
          {{"objectMetadataId", object_id}, {"type", "TEXT"}, {"name", name}, {"label", name}}};
}

}  // namespace

TEST(MetadataChanges, ChangesSentAtOnceApplyInOrderAndOldRuntimesKeepWorking) {
  auto& s = metadata_server::shared();
  const std::string id = "7d1f3c2a-5b6e-4f70-8a91-b2c3d4e5f601";
  make_workspace(s, id, "queue-test");
  test_config cfg;
  caf::actor_system sys{cfg};
  caf::scoped_actor self{sys};
  auto deps = std::make_shared<actors::workspace_dependencies>();
  deps->pool = s.pool;
  auto ws = actors::spawn_workspace_actor(self.ptr(), id, deps);

  std::shared_ptr<const actors::workspace_runtime> before;
  self->request(ws, std::chrono::seconds(30), actors::runtime_request{id})
      .receive([&](actors::runtime_reply& r) { before = r.runtime; },
               [&](caf::error& e) { ADD_FAILURE() << sys.render(e); });
  ASSERT_TRUE(before);
  const std::string person = before->model->find_object("person")->id;
  const auto version = before->model->version();

  // Three changes, sent before the first has finished: the second repeats the first's name,
  // which only fails if the first was applied before it.
  results got;
  caf::anon_send(ws, md::metadata_change_request{text_field(person, "alpha"), got.record("a")});
  caf::anon_send(ws, md::metadata_change_request{text_field(person, "alpha"), got.record("b")});
  caf::anon_send(ws, md::metadata_change_request{text_field(person, "beta"), got.record("c")});
  ASSERT_TRUE(got.wait_for(3));
  ASSERT_EQ(got.done.size(), 3u);
  EXPECT_EQ(got.done[0].first, "a");
  EXPECT_EQ(got.done[1].first, "b");
  EXPECT_EQ(got.done[2].first, "c");
  EXPECT_FALSE(got.done[0].second.error);
  ASSERT_TRUE(got.done[1].second.error);
  EXPECT_EQ(got.done[1].second.error->sub_code, "INVALID_FIELD_INPUT");
  EXPECT_FALSE(got.done[2].second.error);
  const auto& after = got.done[2].second.runtime;
  ASSERT_TRUE(after);
  EXPECT_EQ(after->model->version(), version + 2);
  EXPECT_NE(after->model->find_object("person")->find_field("beta"), nullptr);

  // The runtime a request took before the changes still answers, without the new fields; the
  // new one has them.
  EXPECT_EQ(before->model->find_object("person")->find_field("alpha"), nullptr);
  auto old_answer = run_query(*before, "{ people(first: 1) { totalCount } }");
  EXPECT_EQ(old_answer.find("errors"), std::string::npos) << old_answer;
  auto old_alpha = run_query(*before, "{ people(first: 1) { edges { node { alpha } } } }");
  EXPECT_NE(old_alpha.find("Cannot query field \\\"alpha\\\""), std::string::npos) << old_alpha;
  auto new_alpha = run_query(*after, "{ people(first: 1) { edges { node { alpha beta } } } }");
  EXPECT_EQ(new_alpha.find("errors"), std::string::npos) << new_alpha;

  // A new actor for the workspace (after passivation, on restart) loads the same model.
  self->send_exit(ws, caf::exit_reason::user_shutdown);
  auto again = actors::spawn_workspace_actor(self.ptr(), id, deps);
  self->request(again, std::chrono::seconds(30), actors::runtime_request{id})
      .receive(
          [&](actors::runtime_reply& r) {
            ASSERT_TRUE(r.runtime);
            EXPECT_EQ(r.runtime->model->version(), version + 2);
            EXPECT_NE(r.runtime->model->find_object("person")->find_field("alpha"), nullptr);
          },
          [&](caf::error& e) { ADD_FAILURE() << sys.render(e); });
  self->send_exit(again, caf::exit_reason::user_shutdown);
}

TEST(MetadataChanges, QueriesRunningWhileTheSchemaChangesAllSucceed) {
  auto& s = metadata_server::shared();
  auto object = s.create_object("buoy", "buoys");
  ASSERT_FALSE(
      s.data("mutation { createBuoy(data: {name: \"B1\"}) { id } }", {}, "/graphql").is_null());
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  std::atomic<int> failed{0};
  std::vector<std::thread> readers;
  for (int t = 0; t < 3; ++t) {
    readers.emplace_back([&] {
      while (!stop) {
        auto res = s.post("{ buoys { totalCount edges { node { id name } } } }", {}, "/graphql");
        if (res.status != 200 || res.body.find("\"errors\"") != std::string::npos) {
          ++failed;
          ADD_FAILURE() << res.status << " " << res.body;
        }
        ++answered;
      }
    });
  }
  for (int i = 0; i < 5; ++i) {
    EXPECT_FALSE(s.create_field(object, {{"type", "NUMBER"},
                                         {"name", "depth" + std::to_string(i)},
                                         {"label", "Depth " + std::to_string(i)}})
                     .empty());
  }
  stop = true;
  for (auto& t : readers) t.join();
  EXPECT_GT(answered.load(), 0);
  EXPECT_EQ(failed.load(), 0);
  auto d = s.data("{ buoys { edges { node { depth0 depth4 } } } }", {}, "/graphql");
  ASSERT_FALSE(d.is_null());
  EXPECT_EQ(d.at("buoys").at("edges").at(0).at("node").at("depth4"), json::value(nullptr));
}
