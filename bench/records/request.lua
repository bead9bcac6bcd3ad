-- One record API request per call, from the environment: BENCH_TOKEN (bearer), BENCH_BODY (the
-- GraphQL body) and BENCH_VARY: "id" gives each request a random person of BENCH_IDS as $id.
local token = os.getenv("BENCH_TOKEN") or ""
local body = os.getenv("BENCH_BODY") or "{}"
local vary = os.getenv("BENCH_VARY") or ""
local ids = {}
for id in string.gmatch(os.getenv("BENCH_IDS") or "", "[^,]+") do
  ids[#ids + 1] = id
end

wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. token
wrk.body = body

local prefix = string.sub(body, 1, -2)  -- the body without its closing brace

function init(args)
  math.randomseed(os.time() + tonumber(tostring({}):match("0x(%x+)") or "0", 16) % 100000)
end

function request()
  if vary == "id" and #ids > 0 then
    local id = ids[math.random(#ids)]
    return wrk.format(nil, nil, nil, prefix .. ', "variables": {"id": "' .. id .. '"}}')
  end
  return wrk.format()
end
