-- wrk script for the crisis replay of `make bench` (bench/crisis.py runs it):
--
--   wrk -t2 -c32 -d60s -s bench/crisis.lua http://127.0.0.1:PORT -- SEQUENCE_FILE THREADS
--
-- SEQUENCE_FILE holds one path a line, drawn in advance with the replay's Zipf weights and a fixed
-- seed (bench/crisis.py plan). Every thread reads it once at start and walks it from its own offset
-- (thread i of n starts at line i * lines / n + 1), wrapping round at the end, so a run's requests
-- are the same sequence on every run; the thread's connections take its paths in turn. THREADS
-- must be wrk's -t, so the offsets spread evenly.
--
-- done() prints lines starting with "CRISIS " for crisis.py to read: requests, duration, wrk's
-- error counts (status = answers >= 400; connect/read/write/timeout = socket errors), latency
-- percentiles in ms over every request, and the count per status code.

local threads = {}

function setup(thread)
  thread:set("id", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  local file = args[1]
  if file then
    for line in io.lines(file) do
      if line ~= "" then paths[#paths + 1] = line end
    end
  end
  if #paths == 0 then
    io.stderr:write("crisis.lua: no paths read from " .. tostring(file) .. "\n")
    paths = { "/" }
  end
  local count = tonumber(args[2]) or 1
  position = math.floor(#paths * (id or 0) / count)
  statuses = {}
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local errors = summary.errors
  io.write(string.format("CRISIS requests %d\n", summary.requests))
  io.write(string.format("CRISIS seconds %.3f\n", summary.duration / 1e6))
  io.write(string.format("CRISIS errors status %d connect %d read %d write %d timeout %d\n",
    errors.status, errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("CRISIS latency_ms p50 %.2f p90 %.2f p99 %.2f max %.2f mean %.2f\n",
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000))
  local total = {}
  for _, thread in ipairs(threads) do
    for code, count in pairs(thread:get("statuses") or {}) do
      total[code] = (total[code] or 0) + count
    end
  end
  local codes = {}
  for code in pairs(total) do table.insert(codes, code) end
  table.sort(codes)
  local parts = {}
  for _, code in ipairs(codes) do table.insert(parts, code .. " " .. total[code]) end
  io.write("CRISIS statuses " .. table.concat(parts, " ") .. "\n")
end
