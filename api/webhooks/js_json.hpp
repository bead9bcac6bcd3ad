// JSON text exactly as JavaScript's JSON.stringify writes a value: no spaces, keys in order,
// numbers as JavaScript prints them ("1.5", "1e+21"; Boost.JSON would write "1.5E0"). Receivers
// verify a delivery's signature over JSON.stringify of the parsed body (Twenty's docs), so the
// body sent must already be in this form.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace cohort::api::webhooks {

std::string js_json_stringify(const boost::json::value& value);

}  // namespace cohort::api::webhooks
