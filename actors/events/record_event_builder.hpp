// Turns a committed core.outbox row into a record event in Twenty's shape: the event name
// `<object>.<action>`, properties {before, after} and, for changes of an existing record,
// updatedFields and diff ({field: {before, after}} for every field whose value changed).
#pragma once

#include <boost/json/object.hpp>

#include "actors/events/record_event.hpp"
#include "storage/events/outbox_queries.hpp"

namespace cohort::actors::events {

record_event build_record_event(const storage::events::outbox_row& row);

// The fields whose values differ between two versions of a record, as {field: {before, after}};
// bookkeeping fields that change on every write (updatedAt, searchVector) are left out.
boost::json::object record_diff(const boost::json::object& before,
                                const boost::json::object& after);

}  // namespace cohort::actors::events
