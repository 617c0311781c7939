-- wrk script for `make soak` (bench/soak.sh): every connection cycles through the paths given after
-- `--`, each thread starting at a different place, and the answers are counted per status code.
--
--   wrk -t2 -c16 -d120s -s bench/soak.lua http://127.0.0.1:PORT -- / /veiledning/ …
--
-- done() prints lines starting with "SOAK " for soak.sh to read: requests, errors (wrk counts an
-- answer >= 400 as a status error; connect/read/write/timeout are socket errors) and the count per
-- status code.

local threads = {}

function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end

function init(args)
  paths = {}
  for i, path in ipairs(args) do paths[i] = path end
  if #paths == 0 then paths = { "/" } end
  position = offset or 0
  statuses = {}
end

function request()
  position = position % #paths + 1
  return wrk.format("GET", paths[position])
end

function response(status, headers, body)
  local key = tostring(status)
  statuses[key] = (statuses[key] or 0) + 1
end

function done(summary, latency, requests)
  local errors = summary.errors
  local seconds = summary.duration / 1e6
  io.write(string.format("SOAK requests %d\n", summary.requests))
  io.write(string.format("SOAK seconds %.1f\n", seconds))
  io.write(string.format("SOAK rate %.0f\n", summary.requests / seconds))
  io.write(string.format("SOAK status_errors %d\n", errors.status))
  io.write(string.format("SOAK socket_errors %d connect %d read %d write %d timeout %d\n",
    errors.connect + errors.read + errors.write + errors.timeout,
    errors.connect, errors.read, errors.write, errors.timeout))
  io.write(string.format("SOAK latency_ms p50 %.1f p99 %.1f max %.1f\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
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
  for _, code in ipairs(codes) do table.insert(parts, code .. ": " .. total[code]) end
  io.write("SOAK statuses " .. table.concat(parts, ", ") .. "\n")
end
