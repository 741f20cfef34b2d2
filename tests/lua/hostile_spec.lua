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
