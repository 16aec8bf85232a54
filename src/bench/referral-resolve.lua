-- wrk script: POST a resolution to each open referral named in the file REFERRALS (one decision id a
-- line), each referral once, with the bearer token in TOKEN. Run with one thread (-t1): the
-- connections share it, so no referral is sent twice. Past the end of the file it stops sending
-- new ones and repeats the last, which answers 409 and shows as non-2xx.
local ids = {}
for line in io.lines(os.getenv("REFERRALS")) do
  ids[#ids + 1] = line
end
local next_id = 0
local body = '{"action": "APPROVE", "rationale": "Reviewed at the desk: within appetite.", "subjectivities": ["Signed MFA attestation before binding"]}'
local headers = { ["Authorization"] = "Bearer " .. os.getenv("TOKEN"), ["Content-Type"] = "application/json" }

request = function()
  next_id = math.min(next_id + 1, #ids)
  return wrk.format("POST", "/decisions/" .. ids[next_id] .. "/resolution", headers, body)
end

done = function(summary, latency, requests)
  io.write(string.format("RESULT requests_per_sec=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f errors=%d non2xx=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(90) / 1000,
    latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout, summary.errors.status))
end
