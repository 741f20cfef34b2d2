-- lede.json: JSON for plain Lua data, as lede.json.encode / lede.json.decode.
-- Decoding is lua-cjson's (a private cjson.new() instance); encoding walks
-- the value here so the output is deterministic (sorted keys) and empty
-- tables come out as [] (most are lists: authors, images, links), which the
-- lua-cjson 2.1.0 that Debian ships cannot be told to do.

local type, pairs, ipairs, tostring = type, pairs, ipairs, tostring
local pcall, require, error, next = pcall, require, error, next
local math_type, format, concat, sort = math.type, string.format, table.concat, table.sort
local rawlen, tonumber = rawlen, tonumber

-- Deepest nesting encode accepts: beyond any real data, and it turns a
-- cyclic table into an error instead of endless recursion.
local MAX_DEPTH = 1000

local has_cjson, cjson = pcall(require, "cjson")
local codec = has_cjson and cjson.new() or nil
local null = has_cjson and cjson.null or nil

local function need_cjson()
  if not codec then error("lede.json: lua-cjson is not installed", 3) end
end

-- cjson writes "/" as "\/"; every "/" it writes is escaped that way, so
-- each "\/" in its output is exactly one such escape.
local function encode_string(s)
  return (codec.encode(s):gsub("\\/", "/"))
end

-- The shortest text that reads back as the same number.
local function encode_number(n)
  if math_type(n) == "integer" then return format("%d", n) end
  if n ~= n or n == 1 / 0 or n == -1 / 0 then
    error("lede.json: cannot encode " .. (n ~= n and "NaN" or "infinity"), 0)
  end
  for digits = 15, 17 do
    local s = format("%." .. digits .. "g", n)
    if tonumber(s) == n then return s end
  end
end

-- A table whose keys are exactly 1..n (n > 0) is an array.
local function is_array(t)
  local n = rawlen(t)
  if n == 0 then return false end
  local count = 0
  for _ in pairs(t) do count = count + 1 end
  return count == n
end

local function key_order(a, b)
  local ta, tb = type(a), type(b)
  if ta ~= tb then return ta == "number" end
  return a < b
end

local encode_value

local function encode_array(t, out, depth)
  out[#out + 1] = "["
  for i = 1, #t do
    if i > 1 then out[#out + 1] = "," end
    encode_value(t[i], out, depth)
  end
  out[#out + 1] = "]"
end

-- Object keys must be strings; number keys are written as strings, as
-- cjson does for sparse tables.
local function encode_object(t, out, depth)
  local keys = {}
  for k in pairs(t) do
    local tk = type(k)
    if tk ~= "string" and tk ~= "number" then
      error("lede.json: cannot encode a " .. tk .. " key", 0)
    end
    keys[#keys + 1] = k
  end
  sort(keys, key_order)
  out[#out + 1] = "{"
  for i, k in ipairs(keys) do
    if i > 1 then out[#out + 1] = "," end
    out[#out + 1] = encode_string(type(k) == "string" and k or encode_number(k))
    out[#out + 1] = ":"
    encode_value(t[k], out, depth)
  end
  out[#out + 1] = "}"
end

local function encode_table(t, out, depth)
  if depth >= MAX_DEPTH then
    error("lede.json: cannot encode tables nested deeper than "
          .. MAX_DEPTH .. " (is there a cycle?)", 0)
  end
  if next(t) == nil then out[#out + 1] = "[]"
  elseif is_array(t) then encode_array(t, out, depth + 1)
  else encode_object(t, out, depth + 1) end
end

function encode_value(v, out, depth)
  local tv = type(v)
  if tv == "string" then out[#out + 1] = encode_string(v)
  elseif tv == "number" then out[#out + 1] = encode_number(v)
  elseif tv == "boolean" then out[#out + 1] = tostring(v)
  elseif tv == "table" then encode_table(v, out, depth)
  elseif v == nil or v == null then out[#out + 1] = "null"
  else error("lede.json: cannot encode a " .. tv, 0) end
end

-- encode(value) -> string. Raises on what is not plain data (functions,
-- cycles, NaN): that is the caller's mistake, not bad input.
local function encode(value)
  need_cjson()
  local out = {}
  local ok, err = pcall(encode_value, value, out, 0)
  if not ok then error(err, 2) end
  return concat(out)
end

local huge = math.huge

-- Is there an infinity in v? Only a number too large for a double gives
-- one (cjson reads 1e400 as inf); decode's depth limit bounds the walk.
local function has_infinity(v)
  if v == huge or v == -huge then return true end
  if type(v) ~= "table" then return false end
  for k, x in pairs(v) do
    if has_infinity(k) or has_infinity(x) then return true end
  end
  return false
end

-- Where the first number out of range starts in text (1-based).
local function infinity_at(text)
  for pos, num in text:gmatch("()(%-?%d[%d.eE+-]*)") do
    local n = tonumber(num)
    if n == huge or n == -huge then return pos end
  end
  return 1
end

-- decode(text) -> value, or nil, message for text that is not JSON.
-- A number too large for a double is refused rather than read as inf.
-- JSON null is lede.json.null (cjson.null) inside arrays and objects.
local function decode(text)
  need_cjson()
  if type(text) ~= "string" then
    error("bad argument #1 to 'decode' (string expected, got "
          .. type(text) .. ")", 2)
  end
  local ok, value = pcall(codec.decode, text)
  if not ok then return nil, "json: " .. tostring(value) end
  if has_infinity(value) then
    return nil, "json: number out of range at character " .. infinity_at(text)
  end
  return value
end

return {
  encode = encode,
  decode = decode,
  null = null,
}
