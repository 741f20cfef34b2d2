-- seeds.lua: the structured seeds of the fuzz harnesses, made at run time
-- (never committed): each text seed written as JSON, YAML and Markdown by
-- lede's own writers, so the readers start from the shapes they are for.
-- lua5.4 tests/fuzz/seeds.lua OUTDIR SET TEXT... writes OUTDIR/SETjson/,
-- SETyaml/ and SETmarkdown/ (which must exist; SET is "" or "smoke-");
-- lede.so must be on LUA_CPATH.

local lede = require "lede"
local out = arg[1] .. "/" .. arg[2]

local function write(path, s)
  local f = assert(io.open(path, "wb"))
  f:write(s)
  f:close()
end

for i = 3, #arg do
  local a = lede.load(arg[i], {format = "text"})
  if a then
    local name = arg[i]:match("([^/]+)%.%w+$") or tostring(i)
    write(out .. "json/" .. name .. ".json", a:to("json"))
    write(out .. "yaml/" .. name .. ".yaml", a:to("yaml"))
    write(out .. "markdown/" .. name .. ".md", a:to("markdown"))
  end
end
