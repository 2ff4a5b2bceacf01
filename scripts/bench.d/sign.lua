-- POST /api/sessions/{id}/sign for the drafts listed in the file named by DRAFTS, each
-- thread taking every n-th draft so that no draft is signed twice.
local ids = {}
local index = 0
local step = 1
local threads = {}
function setup(thread)
  thread:set("offset", #threads)
  table.insert(threads, thread)
end
function init(args)
  for line in io.lines(os.getenv("DRAFTS")) do table.insert(ids, line) end
  step = tonumber(os.getenv("THREADS") or "2")
  index = (offset or 0) + 1
end
function request()
  local id = ids[index]
  if id == nil then id = ids[#ids] end
  index = index + step
  return wrk.format("POST", "/api/sessions/" .. id .. "/sign", {["Content-Type"] = "application/json", ["Authorization"] = wrk.headers["Authorization"]}, '{"version":1}')
end
function response(status, headers, body)
  -- Every draft signed once: this thread is done.
  if index > #ids then wrk.thread:stop() end
end
