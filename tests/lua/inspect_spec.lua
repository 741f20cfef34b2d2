-- inspect_spec.lua: lede.inspect (scripts/lede/inspect.lua).
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"
local inspect = lede.inspect

describe("lede.inspect", function()
  local shared = {1}
  local cycle = {name = "loop"}
  cycle.self = cycle

  -- Each row: a name, a value, options and the exact rendering.
  local ROWS = {
    {"a string", 'say "hi"\n\tnow\\', nil, '"say \\"hi\\"\\n\\tnow\\\\"'},
    {"control bytes", "a\0b\127", nil, '"a\\0b\\127"'},
    {"UTF-8 as is", "café ☃", nil, '"café ☃"'},
    {"bytes that are not UTF-8", "a\255", nil, '"a\\xFF"'},
    {"an integer", 42, nil, "42"},
    {"a float", 3.0, nil, "3.0"},
    {"infinity", -math.huge, nil, "-math.huge"},
    {"nil", nil, nil, "nil"},
    {"a boolean", false, nil, "false"},
    {"a function", print, nil, "<function>"},
    {"an empty table", {}, nil, "{}"},
    {"an array", {1, "two", 3}, nil, '{ 1, "two", 3 }'},
    {"identifier keys", {name = "x", id = 2}, nil, '{ id = 2, name = "x" }'},
    {"other keys", {"first", [10] = 3, ["end"] = 2, ["two words"] = 1, [true] = 0},
     nil, '{ "first", [10] = 3, ["end"] = 2, ["two words"] = 1, [true] = 0 }'},
    {"a cycle", cycle, nil, '{ name = "loop", self = <cycle> }'},
    {"a shared table twice", {a = shared, b = shared}, nil, "{ a = { 1 }, b = { 1 } }"},
    {"the depth limit", {a = {b = {c = 1}}, e = {}}, {depth = 1}, "{ a = {...}, e = {} }"},
    {"depth 0", {1}, {depth = 0}, "{...}"},
    {"the items limit", {1, 2, 3, 4, 5}, {items = 2}, "{ 1, 2, ... 3 more }"},
    {"the chars limit", "Harbour Town", {chars = 7}, '"Harbour" ... 5 more'},
    {"the chars limit in characters", "café ☃ snow", {chars = 6}, '"café ☃" ... 5 more'},
    {"the chars limit in bytes when not UTF-8", "ab\255cd", {chars = 2}, '"ab" ... 3 more'},
    {"a string within the chars limit", "pier", {chars = 4}, '"pier"'},
    {"colours", {1, "a", true, print, {{}}}, {color = true, depth = 1},
     '{ \27[33m1\27[0m, \27[32m"a"\27[0m, \27[35mtrue\27[0m, '
     .. '\27[36m<function>\27[0m, \27[2m{...}\27[0m }'},
    {"long tables on several lines",
     {title = ("t"):rep(40), blocks = {{kind = "title", from = 1, to = 40}}}, nil,
     '{\n'
     .. '  blocks = { { from = 1, kind = "title", to = 40 } },\n'
     .. '  title = "' .. ("t"):rep(40) .. '"\n'
     .. '}'},
    {"nested indentation",
     {outer = {("a"):rep(30), ("b"):rep(30), ("c"):rep(30)}}, nil,
     '{\n'
     .. '  outer = {\n'
     .. '    "' .. ("a"):rep(30) .. '",\n'
     .. '    "' .. ("b"):rep(30) .. '",\n'
     .. '    "' .. ("c"):rep(30) .. '"\n'
     .. '  }\n'
     .. '}'},
  }
  for _, row in ipairs(ROWS) do
    it("renders " .. row[1], function()
      assert.equal(row[4], inspect(row[2], row[3]))
    end)
  end

  it("shows an article's data, not its metatable", function()
    local article = assert(lede.parse("Gull Island Ferry Will Run Until Midnight as Demand Grows\n\n"
      .. "The ferry will run until midnight from June, the board said on Monday.\n"))
    local text = inspect(article, {depth = 1})
    assert.equal("{\n  authors = {},\n  blocks = {...},\n  boilerplate = {},\n"
      .. "  images = {},\n  paragraphs = {...},\n  source = "
      .. inspect(article.source) .. ",\n  title = \"Gull Island Ferry Will Run Until Midnight as Demand Grows\"\n}",
      text)
  end)

  it("raises on bad options", function()
    assert.has_error(function() inspect(1, 5) end,
                     "bad argument #2 to 'inspect' (table expected, got number)")
    assert.has_error(function() inspect(1, {depth = -1}) end,
                     "lede.inspect: option 'depth' must be a non-negative integer")
    assert.has_error(function() inspect(1, {items = "x"}) end,
                     "lede.inspect: option 'items' must be a non-negative integer")
    assert.has_error(function() inspect(1, {chars = 1.5}) end,
                     "lede.inspect: option 'chars' must be a non-negative integer")
  end)
end)
