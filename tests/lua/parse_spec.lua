-- parse_spec.lua: lede.parse, lede.load and the article table they build
-- (core/lua/parse.c, convert.c, handle.c, scripts/lede/article.lua).
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local FERRY = "Gull Island Ferry Will Run Until Midnight as Demand Grows\n\n"
  .. "The ferry to Gull Island will run until midnight from June, the harbor "
  .. "board said on Monday, after a year of complaints from late-shift workers.\n\n"
  .. "Tickets for the late boats will cost the same as daytime fares, the board said.\n"

local function write_file(bytes)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
  return path
end

-- Each row: a snippet and every block it must give, in order.
local ROWS = {
  {
    name = "title and two paragraphs",
    text = FERRY,
    blocks = {
      {kind = "title", line = 1, from = 1, to = 57,
       text = "Gull Island Ferry Will Run Until Midnight as Demand Grows"},
      {kind = "paragraph", line = 3, from = 60, to = 203,
       text = "The ferry to Gull Island will run until midnight from June, the "
         .. "harbor board said on Monday, after a year of complaints from late-shift workers."},
      {kind = "paragraph", line = 5, from = 206, to = 284,
       text = "Tickets for the late boats will cost the same as daytime fares, the board said."},
    },
  },
  {
    name = "CRLF and no final newline",
    text = "The ferry to Gull Island will run until midnight from June, the harbor "
      .. "board said on Monday.\r\n\r\nTickets will cost the same, the board said.",
    blocks = {
      {kind = "paragraph", line = 1, from = 1, to = 92,
       text = "The ferry to Gull Island will run until midnight from June, the harbor board said on Monday."},
      {kind = "paragraph", line = 3, from = 97, to = 139,
       text = "Tickets will cost the same, the board said."},
    },
  },
  {
    name = "byte order mark before the title",
    text = "\239\187\191Gull Island Ferry Will Run Until Midnight as Demand Grows\n\nA paragraph long enough to read as "
      .. "body text, ending with a full stop.\n",
    blocks = {
      {kind = "title", line = 1, from = 4, to = 60, text = "Gull Island Ferry Will Run Until Midnight as Demand Grows"},
      {kind = "paragraph", line = 3, from = 63, to = 132,
       text = "A paragraph long enough to read as body text, ending with a full stop."},
    },
  },
}

describe("lede.parse", function()
  for _, row in ipairs(ROWS) do
    it("gives exact blocks: " .. row.name, function()
      local article = assert(lede.parse(row.text))
      local got = {}
      for i, b in ipairs(article.blocks) do
        got[i] = {kind = b.kind, line = b.line, from = b.from, to = b.to, text = b.text}
      end
      assert.same(row.blocks, got)
    end)

    it("keeps each span's raw bytes: " .. row.name, function()
      local article = assert(lede.parse(row.text))
      for i, b in ipairs(article.blocks) do
        local raw = article.source:sub(b.from, b.to)
        assert.equal(row.blocks[i].text, (raw:gsub("%s+", " ")), row.name .. " block " .. i)
      end
    end)
  end

  it("fills every field of the data model", function()
    local article = assert(lede.parse(FERRY, {path = "ferry.txt"}))
    assert.equal("Gull Island Ferry Will Run Until Midnight as Demand Grows", article.title)
    assert.is_nil(article.subtitle)
    assert.is_nil(article.warning)
    assert.equal(FERRY, article.source)
    assert.equal("ferry.txt", article.path)
    assert.same({}, article.authors)
    assert.same({}, article.images)
    assert.same({}, article.boilerplate)
    assert.same({
      {text = article.blocks[2].text, index = 1, line = 3, from = 60, to = 203},
      {text = article.blocks[3].text, index = 2, line = 5, from = 206, to = 284},
    }, article.paragraphs)
  end)

  it("holds only data fields, so pairs shows everything", function()
    local keys = {}
    for k in pairs(assert(lede.parse(FERRY, {path = "x"}))) do keys[#keys + 1] = k end
    table.sort(keys)
    assert.same({"authors", "blocks", "boilerplate", "images", "paragraphs",
                 "path", "source", "title"}, keys)
  end)

  it("reports invalid UTF-8 as a warning, not an error", function()
    local article = assert(lede.parse("Gull Island Ferry Will Run Until Midnight as Demand Grows\n\nA paragraph with a bad "
      .. "\255 byte in it, which goes on long enough to read as body text.\n"))
    assert.equal("invalid UTF-8 at byte 82", article.warning)
    assert.equal("A paragraph with a bad \239\191\189 byte in it, which goes on "
      .. "long enough to read as body text.", article.paragraphs[1].text)
  end)

  it("returns nil, message, 1-based offset for bad data", function()
    assert.same({nil, "empty article", 1}, {lede.parse("")})
    assert.same({nil, "empty article", 1}, {lede.parse("  \n\t\r\n")})
    assert.same({nil, "not text (binary data at byte 2)", 3}, {lede.parse("ok\1text")})
    assert.same({nil, "larger than the input limit (10 bytes)", 11},
                {lede.parse(("x"):rep(100), {max_input = 10})})
  end)

  it("accepts max_input at the limit", function()
    assert.is_table(lede.parse(FERRY, {max_input = #FERRY}))
  end)

  it("raises on a caller's mistake", function()
    local cases = {
      {{}, "bad argument #1 to 'parse' (string expected, got no value)"},
      {{{}}, "bad argument #1 to 'parse' (string expected, got table)"},
      {{"x", 5}, "bad argument #2 to 'parse' (table expected, got number)"},
      {{"x", {colour = 1}}, "bad argument #2 to 'parse' (unknown option 'colour')"},
      {{"x", {max_input = -1}},
       "bad argument #2 to 'parse' (option 'max_input' must be a non-negative integer)"},
      {{"x", {max_input = 1.5}},
       "bad argument #2 to 'parse' (option 'max_input' must be a non-negative integer)"},
      {{"x", {path = 1}}, "bad argument #2 to 'parse' (option 'path' must be a string)"},
    }
    for _, case in ipairs(cases) do
      local ok, err = pcall(function() return lede.parse(table.unpack(case[1])) end)
      assert.is_false(ok)
      assert.equal(case[2], (err:gsub("^[^:]*:%d+: ", ""):gsub("'lede%.parse'", "'parse'")))
    end
  end)

  it("frees articles when they are collected", function()
    for _ = 1, 200 do lede.parse(FERRY) end
    collectgarbage()
    collectgarbage()
    assert.equal("Gull Island Ferry Will Run Until Midnight as Demand Grows", lede.parse(FERRY).title)
  end)
end)

describe("lede.load", function()
  it("reads the file in binary mode and sets path", function()
    local bytes = FERRY:gsub("\n", "\r\n")
    local path = write_file(bytes)
    local article = assert(lede.load(path))
    os.remove(path)
    assert.equal(path, article.path)
    assert.equal(bytes, article.source)
    assert.equal("Gull Island Ferry Will Run Until Midnight as Demand Grows", article.title)
  end)

  it("lets its argument win over opts.path", function()
    local path = write_file(FERRY)
    local article = assert(lede.load(path, {path = "other.txt", max_input = 1000}))
    os.remove(path)
    assert.equal(path, article.path)
  end)

  it("returns nil and PATH: reason for I/O errors", function()
    assert.same({nil, "/nonexistent/x.txt: No such file or directory"},
                {lede.load("/nonexistent/x.txt")})
    assert.same({nil, "/: Is a directory"}, {lede.load("/")})
  end)

  it("returns nil, PATH: message, offset for bad data", function()
    local path = write_file("abc\0def")
    local got = {lede.load(path)}
    os.remove(path)
    assert.same({nil, path .. ": not text (binary data at byte 3)", 4}, got)
  end)
end)

describe("article methods", function()
  local article = assert(lede.parse(FERRY))

  it("text joins the body paragraphs with blank lines", function()
    assert.equal(article.paragraphs[1].text .. "\n\n" .. article.paragraphs[2].text,
                 article:text())
  end)

  it("stats counts words, paragraphs, code points and minutes", function()
    assert.same({words = 40, paragraphs = 2, characters = 225, minutes = 1}, article:stats())
    local stats = lede.Article.stats
    assert.same({words = 0, paragraphs = 0, characters = 0, minutes = 0},
                stats({paragraphs = {}}))
    assert.same({words = 2, paragraphs = 2, characters = 8, minutes = 1},
                stats({paragraphs = {{text = "café"}, {text = "né"}}}))
    local long = ("word "):rep(231)
    assert.same({words = 231, paragraphs = 1, characters = #long, minutes = 2},
                stats({paragraphs = {{text = long}}}))
    assert.equal(1, stats({paragraphs = {{text = ("w "):rep(230)}}}).minutes)
  end)

  it("tostring names the article", function()
    assert.equal('article: "Gull Island Ferry Will Run Until Midnight as Demand Grows" (2 paragraphs)',
                 tostring(article))
    local untitled = assert(lede.parse("Only one paragraph of body text here, "
      .. "long enough to be read as such, with a full stop.\n", {path = "one.txt"}))
    assert.equal("article: one.txt (1 paragraph)", tostring(untitled))
    untitled.path = nil
    assert.equal("article: (untitled) (1 paragraph)", tostring(untitled))
  end)

  it("exposes the method table as lede.Article, open to additions", function()
    assert.equal(lede.Article, getmetatable(article).__index)
    assert.equal("lede.Article", getmetatable(article).__name)
    lede.Article.first_words = function(self) return self.paragraphs[1].text:sub(1, 9) end
    assert.equal("The ferry", article:first_words())
    lede.Article.first_words = nil
  end)
end)

describe("the lede module", function()
  it("has the version of the C library", function()
    assert.equal("0.1.0", lede.version)
  end)

  it("is the same table when required again", function()
    assert.equal(lede, require "lede")
  end)

  it("finds its embedded scripts from any directory", function()
    assert.is_function(package.preload["lede.inspect"])
    assert.equal(lede.inspect, require("lede.inspect").inspect)
    assert.equal(lede.json, require "lede.json")
  end)

  it("lists every embedded writer in lede.writers", function()
    local embedded, listed = {}, {}
    for name in pairs(package.preload) do
      local writer = name:match("^lede%.writers%.(.+)$")
      if writer then embedded[#embedded + 1] = writer end
    end
    for name, stub in pairs(lede.writers) do
      listed[#listed + 1] = name
      assert.is_function(stub.write)
    end
    table.sort(embedded)
    table.sort(listed)
    assert.same(embedded, listed)
  end)
end)
