-- hostile_spec.lua: bad input at the Lua level (issue 6): encodings that
-- are converted, empty input allowed on request, the read limit of
-- lede.load, and YAML and JSON that must be refused quickly and clearly.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local function write_file(bytes)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
  return path
end

-- "Title\n\nBody text here.\n" in UTF-16LE with its byte order mark.
local UTF16 = "\255\254" .. ("Title\n\nBody text here.\n"):gsub(".", "%0\0")

describe("encodings", function()
  it("converts UTF-16 with a BOM and says so", function()
    local a = assert(lede.parse(UTF16))
    assert.equal("converted from UTF-16LE to UTF-8", a.warning)
    assert.equal("Title\n\nBody text here.\n", a.source)
    local b = a.blocks[#a.blocks]
    assert.equal("Body text here.", a.source:sub(b.from, b.to))
  end)

  it("converts Windows-1252; spans point into the converted text", function()
    local a = assert(lede.parse("The caf\233 opened \147today\148.\n"))
    assert.equal("converted from Windows-1252 to UTF-8", a.warning)
    local b = a.blocks[1]
    assert.equal("The café opened “today”.", b.text)
    assert.equal(b.text, a.source:sub(b.from, b.to))
  end)

  it("keeps UTF-8 with a bad byte as it is, with a warning", function()
    local a = assert(lede.parse("Café \255 opened.\n"))
    assert.equal("invalid UTF-8 at byte 6", a.warning)
    assert.equal("Café \255 opened.\n", a.source)
  end)

  it("reads a sequence cut at the end as U+FFFD", function()
    local a = assert(lede.parse("It ends mid-character \226\128"))
    assert.equal("invalid UTF-8 at byte 22", a.warning)
    assert.equal("It ends mid-character \239\191\189\239\191\189", a.blocks[1].text)
    assert.same({1, 24}, {a.blocks[1].from, a.blocks[1].to})
  end)
end)

describe("allow_empty", function()
  it("gives an article with no blocks", function()
    local a = assert(lede.parse(" \n\t\n", {allow_empty = true}))
    assert.same({}, a.blocks)
    assert.same({}, a.paragraphs)
    assert.is_nil(a.title)
  end)

  it("still refuses binary data", function()
    assert.same({nil, "not text (binary data at byte 1)", 2},
                {lede.parse("a\0", {allow_empty = true})})
  end)
end)

describe("lede.load with max_input", function()
  it("refuses a file over the limit", function()
    local path = write_file(("x"):rep(100000))
    assert.same({nil, path .. ": larger than the input limit (1000 bytes)", 1001},
                {lede.load(path, {max_input = 1000})})
    os.remove(path)
  end)

  it("stops reading past the limit: /dev/zero ends", function()
    assert.same({nil, "/dev/zero: larger than the input limit (100 bytes)", 101},
                {lede.load("/dev/zero", {max_input = 100})})
  end)
end)

-- A billion laughs: nine levels of ten aliases each.
local function alias_bomb()
  local lines = {'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]'}
  for i = 1, 9 do
    local refs = ("*a" .. (i - 1) .. ", "):rep(10):sub(1, -3)
    lines[#lines + 1] = ("a%d: &a%d [%s]"):format(i, i, refs)
  end
  return table.concat(lines, "\n") .. "\n"
end

describe("lede.yaml.load refuses", function()
  local rows = {
    {"an alias bomb", alias_bomb(), "yaml: aliases are not supported at line 2 column 10"},
    {"100k-deep flow nesting", ("["):rep(100000) .. ("]"):rep(100000),
     "yaml: nesting too deep at line 1 column 1001"},
    {"100k-deep block nesting", ("- "):rep(100000) .. "x\n",
     "yaml: nesting too deep at line 1 column 2001"},
    {"an unknown tag", "a: !foo bar\n", "yaml: unknown tag '!foo' at line 1 column 4"},
    {"a type tag", "x: !!python/object:os.system ls\n",
     "yaml: unknown tag '!!python/object:os.system' at line 1 column 4"},
    {"a duplicate key", "title: A\nbody: B\ntitle: C\n",
     "yaml: duplicate key 'title' at line 3 column 1"},
    {"a duplicate nested key", "a:\n  b: 1\n  b: 2\n",
     "yaml: duplicate key 'b' at line 3 column 3"},
  }
  for _, row in ipairs(rows) do
    it(row[1], function()
      assert.same({nil, row[3]}, {lede.yaml.load(row[2])})
    end)
  end

  it("but takes the core schema's tags", function()
    assert.same({n = 12, s = "12", m = {x = 1}}, lede.yaml.load("n: !!int 12\ns: !!str 12\nm: !!map {x: 1}\n"))
  end)
end)

describe("lede.json.decode refuses", function()
  local rows = {
    {"100k-deep nesting", ("["):rep(100000),
     "json: Found too many nested data structures (1001) at character 1001"},
    {"a number too large", '{"a": [1, 1e400]}', "json: number out of range at character 11"},
    {"a 400-digit integer", "1" .. ("0"):rep(400), "json: number out of range at character 1"},
    {"an invalid escape", '"a\\qb"', "json: Expected value but found invalid escape code at character 3"},
    {"a lone surrogate escape", '"\\ud800"',
     "json: Expected value but found invalid unicode escape code at character 2"},
  }
  for _, row in ipairs(rows) do
    it(row[1], function()
      assert.same({nil, row[3]}, {lede.json.decode(row[2])})
    end)
  end
end)
