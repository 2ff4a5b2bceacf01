-- POST /api/patients with a new record number each time (thread and counter).
-- Each thread's record numbers carry the run's tag and the thread's number: no two
-- requests of any run share one.
local counter = 0
local threads = 0
function setup(thread)
  threads = threads + 1
  thread:set("tag", (os.getenv("RUN_TAG") or tostring(os.time())) .. "-" .. threads)
end
local out = nil
function response(status, headers, body)
  local path = os.getenv("PATIENTS_OUT")
  if path == nil or status ~= 201 then return end
  local id = string.match(body, '"id":(%d+)')
  if id then
    out = out or io.open(path, "a")
    out:write(id .. "\n")
    out:flush()
  end
end
function request()
  counter = counter + 1
  local body = string.format([[{"record_number":"B-%s-%d","family_name":"Bench","given_names":"Anna","birth_date":"1970-01-01","sex":"female","preferred_language":"en","consent_treatment":true,"consent_reminders":true,"consent_research":false,"indications":["cervical_dystonia"],"conditions":[],"allergies":[],"medications":[]}]], tag, counter)
  return wrk.format("POST", "/api/patients", {["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"]}, body)
end
