// The runtimes an API actor keeps (api/workspace_runtime_cache): served while the workspace actor
// still hands them out, never once superseded or dropped, and every use marks the workspace used
// for the registry's idle check.
#include <gtest/gtest.h>

#include "api/workspace_runtime_cache.hpp"

using namespace cohort;

namespace {

actors::runtime_reply answered(std::shared_ptr<const actors::workspace_runtime> runtime) {
  return {std::move(runtime), {}, {}, std::make_shared<actors::workspace_activity>()};
}

}  // namespace

TEST(WorkspaceRuntimeCache, ServesTheKeptRuntimeWhileCurrentAndMarksTheWorkspaceUsed) {
  api::workspace_runtime_cache cache;
  EXPECT_EQ(cache.current("ws-a"), nullptr);
  auto runtime = std::make_shared<const actors::workspace_runtime>();
  auto reply = answered(runtime);
  cache.keep("ws-a", reply);
  reply.activity->last_used = 0;
  EXPECT_EQ(cache.current("ws-a"), runtime);
  EXPECT_GT(reply.activity->last_used.load(), 0) << "the registry sees the workspace used";
  EXPECT_EQ(cache.current("ws-b"), nullptr);
}

TEST(WorkspaceRuntimeCache, ASupersededRuntimeIsNotServedAgain) {
  api::workspace_runtime_cache cache;
  auto old_runtime = std::make_shared<const actors::workspace_runtime>();
  cache.keep("ws-a", answered(old_runtime));
  old_runtime->superseded = true;  // the workspace actor installed another (a metadata change)
  EXPECT_EQ(cache.current("ws-a"), nullptr);
  auto next = std::make_shared<const actors::workspace_runtime>();
  cache.keep("ws-a", answered(next));
  EXPECT_EQ(cache.current("ws-a"), next);
  // An answer that raced with a change and is already superseded is not kept.
  auto stale = std::make_shared<const actors::workspace_runtime>();
  stale->superseded = true;
  cache.keep("ws-b", answered(stale));
  EXPECT_EQ(cache.current("ws-b"), nullptr);
}

TEST(WorkspaceRuntimeCache, ARuntimeNobodyHoldsAnyMoreIsGoneAndAnErrorIsNotKept) {
  api::workspace_runtime_cache cache;
  auto runtime = std::make_shared<const actors::workspace_runtime>();
  std::weak_ptr<const actors::workspace_runtime> watch = runtime;
  cache.keep("ws-a", answered(runtime));
  runtime.reset();  // the workspace actor stopped and no request holds it
  EXPECT_TRUE(watch.expired()) << "the cache does not keep a dropped runtime alive";
  EXPECT_EQ(cache.current("ws-a"), nullptr);
  cache.keep("ws-c", {nullptr, "WORKSPACE_NOT_ACTIVE", "not active",
                      std::make_shared<actors::workspace_activity>()});
  EXPECT_EQ(cache.current("ws-c"), nullptr);
}
