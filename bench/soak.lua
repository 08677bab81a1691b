-- The soak's mix: mostly page and API reads, with story drafts, comments and insights written through the API.
-- bench/run sets STORY_PATH, STORY_ID, COMMUNITY and TOKEN in the environment. 429s (the comment limiter) are counted
-- apart from errors; any other status of 400 or more, and every socket error, is an error.
local story_path = os.getenv("STORY_PATH")
local story_id = os.getenv("STORY_ID")
local community = os.getenv("COMMUNITY")
local bearer = "Bearer " .. os.getenv("TOKEN")
local json = { ["Content-Type"] = "application/json", ["Authorization"] = bearer }
local api = { ["Authorization"] = bearer }
local threads = {}
local counter = 0

setup = function(thread)
  table.insert(threads, thread)
end

init = function(args)
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  limited = 0
  failed = 0
  writes = 0
  statuses = ""
end

request = function()
  counter = counter + 1
  local pick = math.random(100)
  if pick <= 45 then
    return wrk.format("GET", story_path)
  elseif pick <= 55 then
    return wrk.format("GET", "/")
  elseif pick <= 62 then
    return wrk.format("GET", "/" .. community)
  elseif pick <= 72 then
    return wrk.format("GET", "/api/v1/stories?limit=20", api)
  elseif pick <= 80 then
    return wrk.format("GET", "/api/v1/stories/" .. story_id .. "/comments", api)
  elseif pick <= 87 then
    writes = writes + 1
    return wrk.format("POST", "/api/v1/stories", json, string.format(
      '{"community":"%s","title":"Soak draft %d","body":"A draft written by the soak, number %d."}', community, counter, counter))
  elseif pick <= 95 then
    writes = writes + 1
    return wrk.format("POST", "/api/v1/stories/" .. story_id .. "/comments", json, string.format('{"body":"Soak comment %d."}', counter))
  else
    writes = writes + 1
    local impressions = { "good-effort", "nice-work", "outstanding" }
    return wrk.format("POST", "/api/v1/stories/" .. story_id .. "/insights", json,
      string.format('{"impression":"%s","qualities":["excellent-storytelling"]}', impressions[math.random(3)]))
  end
end

response = function(status, headers, body)
  if status == 429 then
    limited = limited + 1
  elseif status >= 400 then
    failed = failed + 1
    if #statuses < 200 then statuses = statuses .. status .. " " end
  end
end

done = function(summary, latency, requests)
  local errors = summary.errors
  local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
  local limited_total, failed_total, writes_total, seen = 0, 0, 0, ""
  for _, thread in ipairs(threads) do
    limited_total = limited_total + thread:get("limited")
    failed_total = failed_total + thread:get("failed")
    writes_total = writes_total + thread:get("writes")
    seen = seen .. thread:get("statuses")
  end
  local seconds = summary.duration / 1000000
  io.write(string.format("SOAK requests=%d rps=%.1f p50_ms=%.2f p99_ms=%.2f socket_errors=%d failed=%d limited=%d writes=%d statuses=%s\n",
    summary.requests, summary.requests / seconds, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    socket_errors, failed_total, limited_total, writes_total, seen == "" and "-" or seen))
end
