-- readers_spec.lua: structured input (scripts/lede/readers.lua,
-- core/lua/build.c, core/lib/build.c, core/lib/markdown.c): JSON and YAML
-- in the -t json/-t yaml schema, Markdown with a YAML front matter, and
-- how the format is chosen.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local STORY = table.concat({
  "Town Library Opens a Seed Exchange in Its Old Card Catalogue",
  "",
  "Gardeners can borrow tomato and bean seeds with a library card",
  "",
  "The Alder Bend library will open a seed exchange on Saturday in the oak card "
    .. "catalogue that has stood unused since 2004, the head librarian said.",
  "",
  "\"People return seeds the way they return books,\" said librarian Mia Torres.",
  "",
}, "\n")

local function tmpfile(name, bytes)
  local path = os.tmpname() .. name
  local f = assert(io.open(path, "wb"))
  f:write(bytes)
  f:close()
  return path
end

local function kinds(a)
  local out = {}
  for i, b in ipairs(a.blocks) do out[i] = b.kind end
  return out
end

describe("JSON and YAML readers", function()
  local a = assert(lede.parse(STORY))

  for _, fmt in ipairs({"json", "yaml"}) do
    it("read back what -t " .. fmt .. " writes", function()
      local b = assert(lede.parse(a:to(fmt), {format = fmt}))
      assert.equal(a.title, b.title)
      assert.equal(a.subtitle, b.subtitle)
      assert.same(kinds(a), kinds(b))
      for i, p in ipairs(a.paragraphs) do
        assert.equal(p.text, b.paragraphs[i].text)
        assert.equal(p.text, b.source:sub(b.paragraphs[i].from, b.paragraphs[i].to))
      end
    end)
  end

  it("take the format from the extension or the content", function()
    local path = tmpfile(".json", a:to("json"))
    assert.equal(a.title, assert(lede.load(path)).title)
    os.remove(path)
    path = tmpfile("", a:to("json"))  -- no extension: '{' says JSON
    assert.equal(a.title, assert(lede.load(path)).title)
    os.remove(path)
    assert.equal(a.title, assert(lede.parse(a:to("json"))).title)
  end)

  it("build an article from title, subtitle, images and paragraphs", function()
    local b = assert(lede.parse('{"title": "T", "subtitle": "S", "images": '
      .. '[{"caption": "C", "credit": "Cr"}], "paragraphs": ["One.", {"text": "Two."}], '
      .. '"authors": ["Ann Lee"]}', {format = "json"}))
    assert.same({"title", "subtitle", "image", "paragraph", "paragraph"}, kinds(b))
    assert.equal("T\n\nS\n\nC / Cr\n\nOne.\n\nTwo.\n\nBy Ann Lee", b.source)
    assert.equal("Cr", b.images[1].credit)
    assert.equal("Ann Lee", b.authors[1].name)
    assert.equal(21, b.paragraphs[2].from)
  end)

  it("return nil and a message for bad data", function()
    local a2, err = lede.parse("{\"title\": ", {format = "json"})
    assert.is_nil(a2)
    assert.equal("json: Expected value but found T_END at character 11", err)
    a2, err = lede.parse("title: [1", {format = "yaml"})
    assert.is_nil(a2)
    assert.equal("2:1: yaml: did not find expected ',' or ']'", err)
    a2, err = lede.parse("{}", {format = "json"})
    assert.is_nil(a2)
    assert.equal("empty article", err)
    a2, err = lede.parse('{"blocks": [{"kind": "poem", "text": "x"}]}', {format = "json"})
    assert.is_nil(a2)
    assert.equal("block 1: unknown kind 'poem'", err)
  end)

  it("refuses an unknown format", function()
    assert.has_error(function() lede.parse("x", {format = "docx"}) end,
                     "unknown format 'docx' (known: json, markdown, text, yaml)")
  end)
end)

describe("Markdown reader", function()
  local MD = table.concat({
    "---",
    "title: Ferry Fares Frozen for a Third Year",
    "subtitle: The harbor board kept the $4 fare",
    "authors:",
    "  - name: Lee Marsh",
    "    bio: Lee Marsh covers the harbor.",
    "images:",
    "  - caption: The morning ferry at Gull Island",
    "    credit: Coast Photo Service",
    "---",
    "",
    "The harbor board *froze* fares on Monday.",
    "",
    "## What riders said",
    "",
    "- Cheaper than the bridge toll",
    "- Late boats wanted",
    "",
    "![Riders on the deck](deck.jpg \"Harbor Board\")",
    "",
  }, "\n")

  it("takes furniture from the front matter and blocks from cmark", function()
    local a = assert(lede.parse(MD, {format = "markdown"}))
    assert.same({"title", "subtitle", "image", "paragraph", "heading", "list_item",
                 "list_item", "image"}, kinds(a))
    assert.equal("Ferry Fares Frozen for a Third Year", a.title)
    assert.equal("The harbor board froze fares on Monday.", a.paragraphs[1].text)
    assert.equal("Coast Photo Service", a.images[1].credit)
    assert.equal("Riders on the deck", a.images[2].caption)
    assert.equal("Harbor Board", a.images[2].credit)
    assert.same({{name = "Lee Marsh", bio = "Lee Marsh covers the harbor.", links = {}}},
                a.authors)
  end)

  it("is chosen by extension and by a front matter", function()
    local path = tmpfile(".md", "# Only a Heading\n\nBody text here.\n")
    local a = assert(lede.load(path))
    assert.equal("Only a Heading", a.title)
    assert.same({"title", "paragraph"}, kinds(a))
    os.remove(path)
    assert.equal("Ferry Fares Frozen for a Third Year", assert(lede.parse(MD)).title)
  end)

  it("cuts the front matter exactly", function()
    local readers = require "lede.readers"
    assert.same({"a: 1\n", "body\n"}, {readers.front_matter("---\na: 1\n---\nbody\n")})
    assert.same({"a: 1\n", "body"}, {readers.front_matter("\239\187\191---\na: 1\n...\nbody")})
    assert.same({nil, "--- not\nx"}, {readers.front_matter("--- not\nx")})
  end)
end)

-- Found by the fuzz harnesses (tests/fuzz/json.c, yaml.c, lua.c); each
-- has its input in tests/fuzz-regress.
describe("readers on data of the wrong shape", function()
  it("return nil and a message for a field of the wrong type", function()
    local cases = {
      {'{"title":{},"paragraphs":["a"]}', "json",
       "block 1: field 'text' must be a string, not a table"},
      {"blocks: [{kind: paragraph, text: [1]}]", "yaml",
       "block 1: field 'text' must be a string, not a table"},
      {'{"images":[{"caption":"c","credit":[1]}]}', "json",
       "block 1: field 'credit' must be a string, not a table"},
      {'{"paragraphs":["a"],"authors":[{"name":"x","bio":true}]}', "json",
       "author 1: field 'bio' must be a string, not a boolean"},
      {'{"paragraphs":["a"],"authors":[{"name":"x","links":["Email",{}]}]}', "json",
       "author 1: link 2 must be a string, not a table"},
      {"---\ntitle: {a: 1}\n---\nhello\n", "markdown",
       "block 1: field 'text' must be a string, not a table"},
    }
    for i, c in ipairs(cases) do
      local a, err = lede.parse(c[1], {format = c[2]})
      assert.is_nil(a, "row " .. i)
      assert.equal(c[3], err, "row " .. i)
    end
  end)

  it("read numbers as they are written and skip lists that are not lists", function()
    local a = assert(lede.parse('{"title":2016,"paragraphs":["a"],'
      .. '"authors":[{"name":"x","links":[1,2.5,"Email"]}]}', {format = "json"}))
    assert.equal("2016", a.title)
    assert.same({"1", "2.5", "Email"}, a.authors[1].links)
    assert.equal(0, #assert(lede.parse('{"title":"T","paragraphs":5,"images":5}',
                                       {format = "json"})).paragraphs)
    assert.equal("hello", assert(lede.parse("---\nimages: 5\n---\nhello\n",
                                            {format = "markdown"})).paragraphs[1].text)
  end)
end)

describe("lede.build", function()
  -- With the collector never pausing, a link lb_build made into a string
  -- with lua_tostring was freed before lede_article_build copied it
  -- (heap-use-after-free under ASan, make sanitize).
  it("takes links that are strings and refuses the others", function()
    collectgarbage("incremental", 1, 1000)
    local spec = {blocks = {{kind = "paragraph", text = "Hello there."}}}
    spec.authors = {{name = "Jo Smith", links = {1, 2, 3}}}
    local ok, err = pcall(lede.build, spec)
    spec.authors = {{name = "Jo Smith", links = {"Email", ("RSS"):lower()}}}
    local a = lede.build(spec)
    collectgarbage("incremental", 200, 100)  -- Lua 5.4's defaults
    assert.is_false(ok)
    assert.equal("author 1: links must be strings", err)
    assert.same({"Email", "rss"}, a.authors[1].links)
  end)
end)
