-- wrk script: POST one optimize request body over and over.
-- usage: BODY=/tmp/body-100.json wrk -t4 -c4 -d20s --latency -s bench/optimize.lua http://localhost:8000
-- (the script sets the path; make the body with: python3 bench/make_body.py 100 > /tmp/body-100.json; the key is bench/run-jar.sh's)
local f = assert(io.open(os.getenv("BODY") or "/tmp/body-100.json", "rb"))
wrk.method = "POST"
wrk.path = "/api/v1/meta_ads/optimize"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = os.getenv("API_KEY") or "bench-key-0123456789abcdef"

local errors = 0
function response(status, headers, body)
  if status ~= 200 then
    errors = errors + 1
  end
end

function done(summary, latency, requests)
  io.write(string.format("non-200 answers: %d (socket errors: connect %d, read %d, write %d, timeout %d)\n",
    summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
