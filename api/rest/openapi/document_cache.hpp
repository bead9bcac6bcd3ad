// Serialized core documents kept per workspace, valid while the workspace's model is the same
// (same version, same object list) and the server URL too: generating one for the demo model
// costs ~15 ms and 400 KB, which a client fetching it on every start should not pay each time.
// Shared by every API actor of the process; bounded.
#pragma once

#include <memory>
#include <string>

#include "model/workspace_model.hpp"

namespace cohort::api::rest::openapi {

class document_cache {
 public:
  static document_cache& shared();

  // The cached body for this model and URL, or null.
  std::shared_ptr<const std::string> find(const model::workspace_model& model,
                                          const std::string& server_url) const;
  void store(const model::workspace_model& model, const std::string& server_url,
             std::shared_ptr<const std::string> body);

 private:
  struct impl;
  document_cache();
  std::shared_ptr<impl> impl_;
};

}  // namespace cohort::api::rest::openapi
