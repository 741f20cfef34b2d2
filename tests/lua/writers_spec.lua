-- writers_spec.lua: the built-in writers (scripts/writers/*.lua),
-- article:to and where lede.writers finds user writers
-- (scripts/lede/writerpath.lua).
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

-- An invented article with every kind of block and text that would be
-- markup in Markdown and HTML if it were not escaped.
local STORY = table.concat({
  "Harbor Board <b>Votes</b> to Extend *Late* Ferry Service",
  "",
  "The 11 p.m. boat will run all year & cost the same",
  "",
  "The late ferry leaves the Gull Island pier in May",
  "",
  "The late ferry leaves the Gull Island pier in May / Coast Photo Service",
  "",
  "The harbor board voted 5-2 on Monday to keep the late ferry to Gull Island running all year, "
    .. "after a summer trial carried 40,000 riders.",
  "",
  "# not a heading, [not a link](x) and 1. not a list",
  "",
  "\"We listened,\" said board chair Ana Ruiz. \"The boat stays.\"",
  "",
  "By Lee Marsh",
  "",
  "Lee Marsh is a reporter who covers the harbor for the Gull Island Gazette.",
  "",
}, "\n")

local function parse(s)
  return assert(lede.parse(s, {path = "story.txt"}))
end

-- cmark's XML for Markdown text, through the cmark program from Debian.
local function cmark_xml(md)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(md)
  f:close()
  local p = assert(io.popen("cmark -t xml " .. path))
  local xml = p:read("a")
  p:close()
  os.remove(path)
  return xml
end

-- The element names of cmark's XML at depth 1 (children of <document>).
local function top_elements(xml)
  local names = {}
  for indent, name in xml:gmatch("\n(  )<([%w_]+)") do
    if #indent == 2 then names[#names + 1] = name end
  end
  return names
end

describe("markdown writer", function()
  local md = parse(STORY):to("markdown")

  it("has the structure cmark expects", function()
    local xml = cmark_xml(md)
    assert.same({"heading", "paragraph", "block_quote", "paragraph", "paragraph",
                 "paragraph", "thematic_break", "paragraph", "paragraph"},
                top_elements(xml))
    assert.truthy(xml:find('<heading level="1">', 1, true))
  end)

  it("escapes markup in the text", function()
    assert.equal("# Harbor Board \\<b\\>Votes\\</b\\> to Extend \\*Late\\* Ferry Service",
                 md:match("^[^\n]*"))
    assert.truthy(md:find("\n\\# not a heading, \\[not a link\\](x) and 1. not a list\n", 1, true))
    local xml = cmark_xml(md)
    assert.falsy(xml:find("<link", 1, true))
    assert.falsy(xml:find("<html_inline", 1, true))
    assert.falsy(xml:find("<list", 1, true))
  end)

  it("puts the caption and credit in a block quote", function()
    assert.truthy(md:find("\n> The late ferry leaves the Gull Island pier in May "
                          .. "*(Coast Photo Service)*\n", 1, true))
  end)

  it("leaves quotation marks alone", function()
    assert.truthy(md:find('\n"We listened," said board chair Ana Ruiz. "The boat stays."\n', 1, true))
  end)

  it("ends with the author and bio", function()
    assert.truthy(md:find("\n%-%-%-\n\n%*%*Lee Marsh%*%*\n\nLee Marsh is a reporter "
                          .. "who covers the harbor for the Gull Island Gazette%.\n$"))
  end)
end)

describe("html writer", function()
  local html = parse(STORY):to("html")

  it("is a complete document", function()
    local head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">"
    assert.equal(head, html:sub(1, #head))
    assert.truthy(html:find("</article>\n</body>\n</html>\n$"))
    assert.falsy(html:find("https?://"))
  end)

  it("escapes everything", function()
    assert.truthy(html:find("<h1>Harbor Board &lt;b&gt;Votes&lt;/b&gt; to Extend *Late* Ferry Service</h1>",
                            1, true))
    assert.truthy(html:find('<p class="dek">The 11 p.m. boat will run all year &amp; cost the same</p>',
                            1, true))
    assert.truthy(html:find("<p>&quot;We listened,&quot; said", 1, true))
  end)

  it("has a figure, paragraphs and an address", function()
    assert.truthy(html:find("<figure><figcaption>The late ferry leaves the Gull Island pier in May"
                            .. '<span class="credit">Coast Photo Service</span></figcaption></figure>',
                            1, true))
    local _, np = html:gsub("\n<p>", "")
    assert.equal(3, np)
    assert.truthy(html:find('<address><strong class="author">Lee Marsh</strong>'
                            .. '<p class="bio">Lee Marsh is a reporter who covers the harbor for the Gull Island Gazette.</p></address>',
                            1, true))
  end)

  it("drops control characters", function()
    assert.equal("ab&lt;", lede.writers.html.escape("a\1b\27<"))
  end)
end)

describe("text writer", function()
  local a = parse(STORY)

  it("wraps at opts.width", function()
    local text = a:to("text", {width = 30})
    for line in text:gmatch("[^\n]+") do
      assert.is_true(lede.text.width(line) <= 30, line)
    end
    assert.truthy(text:find("\nThe harbor board voted 5%-2 on\nMonday to keep the late ferry\n"))
  end)

  it("wraps at 72 columns by default and counts wide characters twice", function()
    local wrap = lede.writers.text.wrap
    assert.equal(string.rep("x", 72) .. "\ny", wrap(string.rep("x", 72) .. " y"))
    assert.equal("日本語 日本語\n日本語", wrap("日本語 日本語 日本語", 14))
  end)

  it("underlines the title and marks the image", function()
    local text = a:to("text", {width = 200})
    assert.truthy(text:find("^Harbor Board <b>Votes</b> to Extend %*Late%* Ferry Service\n=+\n"))
    assert.truthy(text:find("\n%[Image: The late ferry leaves the Gull Island pier in May "
                            .. "%(Coast Photo Service%)%]\n"))
  end)

  it("refuses a bad width", function()
    assert.has_error(function() a:to("text", {width = 0}) end,
                     "option 'width' must be a positive number")
  end)
end)

describe("json and yaml writers", function()
  local a = parse(STORY)

  it("write the data without the source", function()
    local t = lede.json.decode(a:to("json"))
    assert.equal(a.title, t.title)
    assert.equal("story.txt", t.path)
    assert.is_nil(t.source)
    assert.equal(#a.paragraphs, #t.paragraphs)
    local y = lede.yaml.load(a:to("yaml"))
    assert.equal(a.subtitle, y.subtitle)
    assert.same(a.authors, y.authors)
  end)

  -- Found by tests/fuzz/json.c (tests/fuzz-regress/json-path-bad-utf8.json):
  -- the yaml writer gave nil for a path that is not UTF-8, as a Latin-1
  -- file name is.
  it("write a path that is not UTF-8 with U+FFFD for each bad byte", function()
    local b = lede.parse(STORY, {path = "caf\233 \143.txt"})
    assert.equal("caf\239\191\189 \239\191\189.txt", lede.yaml.load(b:to("yaml")).path)
    assert.equal("caf\239\191\189 \239\191\189.txt", lede.json.decode(b:to("json")).path)
    assert.equal("caf\233 \143.txt", b.path)
  end)
end)

describe("article:to", function()
  local a = parse(STORY)

  it("uses a writer assigned from Lua", function()
    lede.writers.shout = function(article) return article.title:upper() end
    assert.equal("HARBOR BOARD <B>VOTES</B> TO EXTEND *LATE* FERRY SERVICE", a:to("shout"))
    lede.writers.shout = nil
  end)

  it("passes opts to the writer", function()
    lede.writers.echo = {write = function(_, opts) return opts.x end}
    assert.equal("y", a:to("echo", {x = "y"}))
    lede.writers.echo = nil
  end)

  it("finds a writer by path", function()
    local path = os.tmpname() .. ".lua"
    local f = assert(io.open(path, "w"))
    f:write('return function(a) return "T=" .. a.title:sub(1, 6) end\n')
    f:close()
    assert.equal("T=Harbor", a:to(path))
    os.remove(path)
  end)

  it("refuses an unknown format or a writer that returns no string", function()
    assert.has_error(function() a:to("nope") end, "unknown format 'nope'")
    lede.writers.bad = function() return 1 end
    assert.has_error(function() a:to("bad") end, "format 'bad' gave number, not a string")
    lede.writers.bad = nil
  end)
end)
