-- seeds.lua: the structured seeds of the fuzz harnesses, made at run time
-- (never committed): each text seed written as JSON, YAML and Markdown by
-- lede's own writers, so the readers start from the shapes they are for.
-- Each is made from the text's first paragraphs only, so that it fits
-- whole in make fuzz's -max_len (4096): a cut JSON or YAML seed is only
-- a syntax error.
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

-- About 1,200 bytes of text make at most about 4,000 of JSON.
local CUT = 1200

-- The text of a file up to the last blank line before CUT bytes.
local function head(path)
  local f = assert(io.open(path, "rb"))
  local s = f:read("a")
  f:close()
  if #s <= CUT then return s end
  local last
  for at in s:sub(1, CUT):gmatch("()\n%s*\n") do last = at end
  return s:sub(1, last or CUT)
end

for i = 3, #arg do
  local a = lede.parse(head(arg[i]), {format = "text"})
  if a then
    local name = arg[i]:match("([^/]+)%.%w+$") or tostring(i)
    write(out .. "json/" .. name .. ".json", a:to("json"))
    write(out .. "yaml/" .. name .. ".yaml", a:to("yaml"))
    write(out .. "markdown/" .. name .. ".md", a:to("markdown"))
  end
end
