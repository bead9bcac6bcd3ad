// What activateWorkspace creates, as Twenty 1.6.0 does it: the workspace's schema with every
// standard table, then Twenty's five sample companies and five sample people (created by SYSTEM),
// unless COHORT_SAMPLE_RECORDS=false. A failure is reported to the activation, which undoes it.
#pragma once

#include <memory>

#include "storage/core/workspace_activation.hpp"
#include "storage/ddl/spare_schemas.hpp"
#include "storage/pg/pool.hpp"

namespace cohort::runtime::seed {

// `spares` provides the schema (a ready spare renamed, or the full script).
storage::core::provision_fn provision_workspace(std::shared_ptr<storage::pg::pool> pool,
                                                std::shared_ptr<storage::ddl::spare_schemas> spares,
                                                bool with_samples);

}  // namespace cohort::runtime::seed
