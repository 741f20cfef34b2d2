-- lede.inspect: a readable rendering of any Lua value, for the REPL and
-- for debugging: lede.inspect(value [, {depth = 6, items = 50, chars = N,
-- color = false}]) -> string.
-- Tables show their array part in order, then the other keys sorted;
-- short tables stay on one line, longer ones indent by two spaces. A table
-- met again inside itself is shown as <cycle>; metatables are not shown.
-- opts.chars cuts strings longer than N characters ("..." ... 94 more);
-- opts.color adds ANSI colours, for a terminal.

local type, pairs, ipairs, next, tostring = type, pairs, ipairs, next, tostring
local rawget, error = rawget, error
local math_type, huge = math.type, math.huge
local format, rep, byte, find, gsub = string.format, string.rep, string.byte,
                                      string.find, string.gsub
local concat, sort = table.concat, table.sort
local utf8len, utf8offset = utf8.len, utf8.offset

local DEFAULT_DEPTH = 6   -- table levels shown before {...}
local DEFAULT_ITEMS = 50  -- entries shown per table before "... N more"
local LINE_WIDTH = 72     -- a table fitting in this stays on one line

-- SGR colours by what is shown: strings green, numbers yellow, nil and
-- booleans magenta, functions and the like cyan, the notes that stand
-- for what was left out ({...}, <cycle>, ... 3 more) dim.
local COLORS = { string = "32", number = "33", boolean = "35", ["nil"] = "35",
                 other = "36", note = "2" }

local KEYWORDS = {}
for w in ("and break do else elseif end false for function goto if in "
          .. "local nil not or repeat return then true until while"):gmatch("%a+") do
  KEYWORDS[w] = true
end

local ESCAPES = { ["\\"] = "\\\\", ['"'] = '\\"', ["\n"] = "\\n",
                  ["\r"] = "\\r", ["\t"] = "\\t" }

-- A double-quoted Lua literal on one line. Valid UTF-8 stays readable;
-- other bytes of 128 and up become \xHH.
local function quote(s)
  local high = utf8len(s) and "" or "\128-\255"
  return '"' .. gsub(s, '[%c"\\' .. high .. ']', function(c)
    return ESCAPES[c] or (byte(c) >= 128 and format("\\x%02X", byte(c)))
           or format("\\%d", byte(c))
  end) .. '"'
end

-- s in the colour of `kind` when the caller asked for colours.
local function paint(state, kind, s)
  if not state.color then return s end
  return "\27[" .. COLORS[kind] .. "m" .. s .. "\27[0m"
end

-- A string literal, cut after state.chars characters (bytes when s is
-- not UTF-8) with a count of what was left out.
local function render_string(s, state)
  local limit = state.chars
  local n = limit and (utf8len(s) or #s)
  if not limit or n <= limit then return paint(state, "string", quote(s)) end
  local cut = utf8len(s) and utf8offset(s, limit + 1) or limit + 1
  return paint(state, "string", quote(s:sub(1, cut - 1)))
         .. " " .. paint(state, "note", format("... %d more", n - limit))
end

local function number(n)
  if n ~= n then return "0/0" end
  if n == huge then return "math.huge" end
  if n == -huge then return "-math.huge" end
  return tostring(n)
end

local function is_identifier(k)
  return type(k) == "string" and find(k, "^[%a_][%w_]*$") and not KEYWORDS[k]
end

-- Numbers first, by value; then strings; then booleans; then the rest,
-- grouped by type (tables as keys have no order of their own).
local RANK = { number = "1", string = "2", boolean = "3" }
local function key_order(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return (RANK[ta] or ta) < (RANK[tb] or tb) end
  if ta == "number" or ta == "string" then return a < b end
  if ta == "boolean" then return not a and b end
  return false
end

local render

-- The keys not in the array part 1..n, sorted.
local function other_keys(t, n)
  local keys = {}
  for k in pairs(t) do
    if not (math_type(k) == "integer" and k >= 1 and k <= n) then
      keys[#keys + 1] = k
    end
  end
  sort(keys, key_order)
  return keys
end

local function render_key(k, state)
  if is_identifier(k) then return k end
  return "[" .. render(k, state, 0) .. "]"
end

-- The entries of t as strings ("x", "name = x"), at most opts.items of
-- them, and how many were left out.
local function entries(t, state, level)
  local items, n = {}, 0
  while rawget(t, n + 1) ~= nil do n = n + 1 end
  local keys = other_keys(t, n)
  local total, limit = n + #keys, state.items
  for i = 1, n do
    if #items >= limit then break end
    items[#items + 1] = render(rawget(t, i), state, level)
  end
  for _, k in ipairs(keys) do
    if #items >= limit then break end
    items[#items + 1] = render_key(k, state) .. " = " .. render(rawget(t, k), state, level)
  end
  return items, total - #items
end

-- Width on screen: colour escapes take none.
local function width(s)
  return #gsub(s, "\27%[[%d;]*m", "")
end

local function layout(items, more, level, state)
  if more > 0 then items[#items + 1] = paint(state, "note", format("... %d more", more)) end
  local line = "{ " .. concat(items, ", ") .. " }"
  if width(line) <= LINE_WIDTH and not find(line, "\n", 1, true) then return line end
  local pad = rep("  ", level + 1)
  return "{\n" .. pad .. concat(items, ",\n" .. pad) .. "\n" .. rep("  ", level) .. "}"
end

local function render_table(t, state, level)
  if state.open[t] then return paint(state, "note", "<cycle>") end
  if next(t) == nil then return "{}" end
  if level >= state.depth then return paint(state, "note", "{...}") end
  state.open[t] = true
  local items, more = entries(t, state, level + 1)
  state.open[t] = nil
  return layout(items, more, level, state)
end

function render(v, state, level)
  local tv = type(v)
  if tv == "string" then return render_string(v, state) end
  if tv == "number" then return paint(state, "number", number(v)) end
  if tv == "table" then return render_table(v, state, level) end
  if tv == "nil" or tv == "boolean" then return paint(state, tv, tostring(v)) end
  return paint(state, "other", "<" .. tv .. ">")
end

local function option(opts, name, default)
  local v = opts[name]
  if v == nil then return default end
  if math_type(v) ~= "integer" or v < 0 then
    error(format("lede.inspect: option '%s' must be a non-negative integer", name), 3)
  end
  return v
end

local function inspect(value, opts)
  if opts ~= nil and type(opts) ~= "table" then
    error("bad argument #2 to 'inspect' (table expected, got " .. type(opts) .. ")", 2)
  end
  opts = opts or {}
  local state = {
    depth = option(opts, "depth", DEFAULT_DEPTH),
    items = option(opts, "items", DEFAULT_ITEMS),
    chars = option(opts, "chars", nil),
    color = opts.color and true or false,
    open = {},
  }
  return render(value, state, 0)
end

return {
  inspect = inspect,
}
