-- POST /api/patients/{id}/sessions: one draft for each patient listed in PATIENTS (each
-- thread taking every n-th), the draft ids appended to DRAFTS_OUT.
local ids = {}
local index = 0
local step = 1
local threads = {}
local out = nil
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(os.getenv("PATIENTS")) do table.insert(ids, line) end
  step = tonumber(os.getenv("THREADS") or "2")
  index = (offset or 0) + 1
end
function request()
  local id = ids[index]
  if id == nil then id = ids[#ids] end
  index = index + step
  local body = string.format([[{"date":"%s","product":"onabotulinumtoxinA","indication":"cervical_dystonia","vial_units":100,"diluent_ml":2,"injections":[{"muscle":"sternocleidomastoid","side":"left","units":30,"sites":2},{"muscle":"splenius_capitis","side":"right","units":40,"sites":2}],"vials":[{"lot":"BENCH1","expiry":"2030-12-31"}]}]], os.getenv("TODAY"))
  return wrk.format("POST", "/api/patients/" .. id .. "/sessions", {["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"]}, body)
end
function response(status, headers, body)
  if index > #ids then wrk.thread:stop() end
  if status ~= 201 then return end
  local id = string.match(body, '"id":(%d+)')
  if id then
    out = out or io.open(os.getenv("DRAFTS_OUT"), "a")
    out:write(id .. "\n")
    out:flush()
  end
end
