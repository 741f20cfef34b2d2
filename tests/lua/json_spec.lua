-- json_spec.lua: lede.json.encode and lede.json.decode (scripts/lede/json.lua).
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"
local json = lede.json

describe("lede.json.encode", function()
  -- Each row: a name, a value and its exact text.
  local ROWS = {
    {"sorted keys", {b = 1, a = 2, c = 3}, '{"a":2,"b":1,"c":3}'},
    {"an array", {1, "two", true}, '[1,"two",true]'},
    {"an empty table as an array", {authors = {}, links = {}}, '{"authors":[],"links":[]}'},
    {"a sparse table as an object", {[1] = "a", [3] = "c"}, '{"1":"a","3":"c"}'},
    {"numbers", {1, -2, 0.5, 3.0, 1e300, 0.1},
     "[1,-2,0.5,3,1e+300,0.1]"},
    {"escapes, but not slashes", {"a/b \"q\" \\ \n\t"}, '["a/b \\"q\\" \\\\ \\n\\t"]'},
    {"UTF-8 as is", {"é ☃"}, '["é ☃"]'},
    {"null", {json.null}, "[null]"},
    {"a bare string", "x", '"x"'},
  }
  for _, row in ipairs(ROWS) do
    it("writes " .. row[1], function()
      assert.equal(row[3], json.encode(row[2]))
    end)
  end

  it("raises on values that are not plain data", function()
    local cycle = {}
    cycle[1] = cycle
    local cases = {
      {print, "lede.json: cannot encode a function"},
      {{[true] = 1}, "lede.json: cannot encode a boolean key"},
      {{0 / 0}, "lede.json: cannot encode NaN"},
      {{math.huge}, "lede.json: cannot encode infinity"},
      {cycle, "lede.json: cannot encode tables nested deeper than 1000 (is there a cycle?)"},
    }
    for _, case in ipairs(cases) do
      local ok, err = pcall(json.encode, case[1])
      assert.is_false(ok)
      assert.equal(case[2], (err:gsub("^[^:]*:%d+: ", "")))
    end
  end)
end)

describe("lede.json.decode", function()
  it("reads objects and arrays", function()
    assert.same({a = {1, 2}, b = "x/y", c = true, d = {}},
                json.decode('{"a":[1,2],"b":"x\\/y","c":true,"d":[]}'))
  end)

  it("returns nil, message for text that is not JSON", function()
    assert.same({nil, "json: Expected value but found T_END at character 1"},
                {json.decode("")})
    assert.same({nil, "json: Expected object key string but found T_END at character 2"},
                {json.decode("{")})
  end)

  it("raises when not given a string", function()
    assert.has_error(function() json.decode(5) end,
                     "bad argument #1 to 'decode' (string expected, got number)")
  end)

  it("round-trips a parsed article's data", function()
    local article = assert(lede.parse("Gull Island Ferry Will Run Until Midnight as Demand Grows\n\n"
      .. "The ferry will run until midnight from June, the board said on Monday.\n"))
    local data = {}
    for k, v in pairs(article) do data[k] = v end
    assert.same(data, json.decode(json.encode(article)))
  end)
end)
