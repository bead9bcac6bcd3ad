-- One wrk request shape, from the environment: BENCH_METHOD, BENCH_TOKEN (bearer) and
-- BENCH_BODY_FILE (a JSON body, read once). The URL (path and query) is wrk's argument.
wrk.method = os.getenv("BENCH_METHOD") or "GET"
wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
  local f = assert(io.open(body_file, "rb"))
  wrk.body = f:read("*a")
  f:close()
  wrk.headers["Content-Type"] = "application/json"
end
