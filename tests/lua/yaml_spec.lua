-- yaml_spec.lua: lede.yaml.load and lede.yaml.dump (core/lua/yaml.c).
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local yaml = require("lede").yaml

-- Plain scalars follow the YAML 1.2 core schema; quoting makes a string.
local SCALARS = {
  {"~", nil}, {"null", nil}, {"NULL", nil}, {"", nil},
  {"true", true}, {"False", false}, {"TRUE", true},
  {"12", 12}, {"-3", -3}, {"+7", 7}, {"0o17", 15}, {"0x1F", 31},
  {"9223372036854775807", math.maxinteger},
  {"-9223372036854775808", math.mininteger},
  {"9223372036854775808", 9223372036854775808.0},
  {"1.5", 1.5}, {".5", 0.5}, {"1.", 1.0}, {"1e3", 1000.0}, {"-2.5E-1", -0.25},
  {".inf", math.huge}, {"-.Inf", -math.huge},
  {"'12'", "12"}, {'"true"', "true"}, {"yes", "yes"}, {"0b101", "0b101"},
  {"1_000", "1_000"}, {"!!str 12", "12"}, {"hello world", "hello world"},
}

describe("lede.yaml.load", function()
  for _, row in ipairs(SCALARS) do
    it("reads the scalar " .. row[1], function()
      local v = yaml.load(row[1])
      assert.equal(row[2], v)
      assert.equal(math.type(row[2]), math.type(v))
    end)
  end

  it("reads .nan as not a number", function()
    local v = yaml.load(".nan")
    assert.is_true(v ~= v)
  end)

  it("reads mappings and sequences", function()
    assert.same({title = "A", tags = {"x", "y"}, n = 3, nested = {{k = false}}},
      yaml.load("title: A\ntags: [x, y]\nn: 3\nnested:\n- k: false\n"))
    assert.same({[1] = "one", [2.5] = "half", [true] = "yes"},
      yaml.load("1: one\n2.5: half\ntrue: yes\n"))
    assert.same({"a", "b"}, yaml.load("- a\n- b\n"))
    assert.same({}, yaml.load("[]"))
    assert.same({}, yaml.load("{}"))
  end)

  it("keeps block scalars exactly", function()
    assert.equal("line one\nline two\n", yaml.load("|\n  line one\n  line two\n"))
    assert.equal("line one\nline two", yaml.load("|-\n  line one\n  line two\n"))
    assert.equal("folded text\n", yaml.load(">\n  folded\n  text\n"))
  end)

  it("reads only the first document", function()
    assert.equal("first", yaml.load("first\n---\nsecond\n"))
  end)

  it("gives nil for an empty stream or document", function()
    assert.same({nil}, {yaml.load("")})
    assert.same({nil}, {yaml.load("---\n...\n")})
    assert.same({nil}, {yaml.load("# only a comment\n")})
  end)

  it("allows anchors that are never used", function()
    assert.same({a = 1}, yaml.load("a: &x 1\n"))
  end)

  -- Each row: input and the exact message after nil.
  local ERRORS = {
    {"a: &x 1\nb: *x\n", "yaml: aliases are not supported at line 2 column 4"},
    {"a: [1, 2", "yaml: did not find expected ',' or ']' at line 2 column 1"},
    {"a: b: c", "yaml: mapping values are not allowed in this context at line 1 column 5"},
    {'"open', "yaml: found unexpected end of stream at line 1 column 6"},
    {"a: 1\n]", "yaml: did not find expected key at line 2 column 1"},
    {"? [a]\n: 1\n", "yaml: complex keys are not supported at line 1 column 3"},
    {"~: 1\n", "yaml: null or nan keys are not supported at line 1 column 1"},
    {"\255", "yaml: invalid leading UTF-8 octet at byte 1"},
    {("["):rep(1001) .. ("]"):rep(1001), "yaml: nesting too deep at line 1 column 1001"},
  }
  for _, row in ipairs(ERRORS) do
    it("refuses " .. ("%q"):format(row[1]):sub(1, 30), function()
      assert.same({nil, row[2]}, {yaml.load(row[1])})
    end)
  end

  it("accepts nesting up to the limit", function()
    local v = yaml.load(("["):rep(1000) .. ("]"):rep(1000))
    for _ = 1, 999 do v = v[1] end
    assert.same({}, v)
  end)

  it("raises when not given a string", function()
    assert.has_error(function() yaml.load({}) end)
  end)
end)

describe("lede.yaml.dump", function()
  it("writes sorted keys, block sequences and [] for empty tables", function()
    assert.equal("a:\n- 1\n- 2\nb:\n  c: []\nz: x\n",
                 yaml.dump({z = "x", b = {c = {}}, a = {1, 2}}))
  end)

  it("orders numbers, then strings, then booleans", function()
    assert.equal("1: a\n3: b\nk: c\nfalse: d\ntrue: e\n",
                 yaml.dump({[3] = "b", [1] = "a", k = "c", [true] = "e", [false] = "d"}))
  end)

  -- Each row: a value and its exact text.
  local SCALAR_OUT = {
    {"plain", "plain\n"},
    {"true", "'true'\n"}, {"123", "'123'\n"}, {"1.5", "'1.5'\n"}, {"", "''\n"},
    {"~", "'~'\n"}, {"yes", "'yes'\n"}, {"Off", "'Off'\n"},
    {"a: b", "'a: b'\n"}, {"#tag", "'#tag'\n"}, {"- x", "'- x'\n"},
    {"two\nlines", "|-\n  two\n  lines\n"},
    {"ends\n", "|\n  ends\n"},
    {"tab\there", '"tab\\there"\n'},
    {"é ü", "é ü\n"},
    {3, "3\n"}, {-7, "-7\n"}, {3.0, "3.0\n"}, {0.1, "0.1\n"}, {1e300, "1e+300\n"},
    {math.huge, ".inf\n"}, {-math.huge, "-.inf\n"},
    {true, "true\n"}, {false, "false\n"}, {nil, "null\n"},
  }
  for _, row in ipairs(SCALAR_OUT) do
    it("writes " .. ("%q"):format(tostring(row[1])), function()
      assert.equal(row[2], yaml.dump(row[1]))
    end)
  end

  it("round-trips plain data", function()
    local data = {
      strings = {"true", "false", "null", "~", "", "12", "0x1F", "1e3", ".inf",
                 "yes", "a: b", "#x", "- y", " lead", "trail ", "two\nlines",
                 "ends\n", "ends twice\n\n", " lead\nx", "\ttab", "quote ' and \"",
                 "back\\slash", "nul\0byte", "é ü ☃", ("long "):rep(40)},
      numbers = {0, -1, math.maxinteger, math.mininteger, 0.5, -2.25, 3.0, 1e-300,
                 123456789.123},
      flags = {true, false},
      nested = {{a = {b = {c = {1, {d = "e"}}}}}},
      [7] = "number key",
      empty = {},
    }
    local back = yaml.load(yaml.dump(data))
    assert.same(data, back)
    for i, n in ipairs(data.numbers) do
      assert.equal(math.type(n), math.type(back.numbers[i]), "number " .. i)
    end
  end)

  it("round-trips a parsed article's data", function()
    local lede = require "lede"
    local article = assert(lede.parse("Gull Island Ferry Will Run Until Midnight as Demand Grows\n\n"
      .. "The ferry will run until midnight from June, the board said on Monday.\n"))
    local data = {}
    for k, v in pairs(article) do data[k] = v end
    assert.same(data, yaml.load(yaml.dump(article)))
  end)

  it("returns nil, message for a string that is not UTF-8", function()
    assert.same({nil, "yaml: cannot write a string that is not valid UTF-8"},
                {yaml.dump({"\255"})})
  end)

  it("raises on values that are not plain data", function()
    local cycle = {}
    cycle.self = cycle
    local cases = {
      {print, "yaml: cannot dump a function"},
      {{f = print}, "yaml: cannot dump a function"},
      {{[{}] = 1}, "yaml: cannot dump a table key"},
      {cycle, "yaml: cannot dump tables nested deeper than 1000 (is there a cycle?)"},
    }
    for _, case in ipairs(cases) do
      local ok, err = pcall(yaml.dump, case[1])
      assert.is_false(ok)
      assert.equal(case[2], err)
    end
  end)
end)
