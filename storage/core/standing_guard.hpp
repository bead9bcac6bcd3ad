// The expectation a request on the gate's fast path carries instead of a standing statement of its
// own (api/request_gate.cpp): the token's identity and what its standing was when the gate last
// checked it. The record statement's run sends statement() with these values in the same pipeline
// as the record statement: when the standing differs it raises CHST1 (core.token_standing_changed,
// migration 0019), which aborts the record statement. What it compares is one row: the workspace
// live at the remembered roles_version and standing_version (which triggers move on any change to
// its keys, members, users and role targets, migration 0047), and the key not expired since; the
// run then marks the guard failed and the gate answers the request through its full check.
#pragma once

#include <atomic>
#include <optional>
#include <string>

#include "storage/pg/pool.hpp"

namespace cohort::storage::core {

struct standing_guard {
  std::string workspace_id;
  long roles_version = 0;
  long standing_version = 0;                  // core.workspace.standing_version (migration 0047)
  std::optional<std::string> key_expires_at;  // API keys only

  // Written by the statements that carried the guard (any thread), read by the gate once the
  // request is answered: an answer is kept only when at least one statement passed the guard
  // and none failed it.
  std::atomic<int> passed{0};
  std::atomic<bool> failed{false};

  // The guard statement, to send before the record statement on the same connection.
  pg::statement statement() const;
};

}  // namespace cohort::storage::core
