-- wrk script: POST the application in $APPLICATION and count responses per rulesetVersion.
local file = assert(io.open(os.getenv("APPLICATION"), "r"))
wrk.method = "POST"
wrk.body = file:read("*a")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer " .. os.getenv("TOKEN")
file:close()

local threads = {}
function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  versions = {}
  failures = 0
end

function response(status, headers, body)
  if status ~= 200 then
    failures = failures + 1
    return
  end
  local version = string.match(body, '"rulesetVersion":"(sha256:[0-9a-f]+)"')
  versions[version or "none"] = (versions[version or "none"] or 0) + 1
end

function done(summary, latency, requests)
  io.write(string.format("RESULT requests=%d requests_per_sec=%.1f p50_ms=%.3f p99_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
  for _, thread in ipairs(threads) do
    for version, count in pairs(thread:get("versions")) do
      io.write(string.format("VERSION %s %d\n", version, count))
    end
  end
end
