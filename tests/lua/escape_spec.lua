-- escape_spec.lua: hostile text comes out inert in every writer (issue:
-- nothing lost, writers escape everything). The article's title, dek,
-- caption, credit and a quotation hold HTML, Markdown and YAML syntax;
-- each format must carry them as text. The html case is also loaded in
-- Chromium by tests/browser/run.lua.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local TITLE = '<script>alert(1)</script> Council "onmouseover=alert(2) </textarea>'
local DEK = "Residents protest [the vote](javascript:alert(3)) with <img src=x onerror=alert(4)> signs"
local PARA = '"yes," said ~ the: mayor - of Gull Island, "<b>no</b> &amp; [x]: y"'

local STORY = table.concat({
  TITLE, "",
  DEK, "",
  "- a caption: with ~ and yes / Photo: <i>Agency</i>", "",
  PARA, "",
}, "\n")

local a = assert(lede.parse(STORY))

local function cmark_html(md)
  local path = os.tmpname()
  local f = assert(io.open(path, "wb"))
  f:write(md)
  f:close()
  local p = assert(io.popen("cmark " .. path))
  local html = p:read("a")
  p:close()
  os.remove(path)
  return html
end

describe("hostile text", function()
  it("is parsed into the blocks the test means", function()
    assert.equal(TITLE, a.title)
    assert.equal(DEK, a.subtitle)
    assert.equal(PARA, a.paragraphs[#a.paragraphs].text)
  end)

  it("stays text in html", function()
    local html = a:to("html", {annotate = true})
    local body = html:match("<body>.*$")
    assert.falsy(body:find("<script", 1, true))
    assert.falsy(body:find("<img", 1, true))
    assert.falsy(body:find("<textarea", 1, true) or body:find("</textarea", 1, true))
    assert.falsy(body:find("<b>", 1, true) or body:find("<i>", 1, true))
    assert.falsy(body:find('" onmouseover', 1, true))
    assert.truthy(body:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    assert.truthy(html:find("<title>&lt;script&gt;", 1, true))
  end)

  it("stays text in markdown, as cmark renders it", function()
    local html = cmark_html(a:to("markdown"))
    assert.falsy(html:find("<script", 1, true))
    assert.falsy(html:find("<a ", 1, true))
    assert.falsy(html:find("<img", 1, true))
    assert.falsy(html:find("<b>", 1, true))
    assert.falsy(html:find("raw HTML omitted", 1, true))
    assert.truthy(html:find("&lt;script&gt;alert(1)&lt;/script&gt;", 1, true))
    assert.truthy(html:find("[the vote](javascript:alert(3))", 1, true))
  end)

  it("reads back the same from yaml and json", function()
    for _, fmt in ipairs({"yaml", "json"}) do
      local data = fmt == "yaml" and lede.yaml.load(a:to("yaml"))
                   or lede.json.decode(a:to("json"))
      assert.equal(TITLE, data.title)
      assert.equal(DEK, data.subtitle)
      assert.equal(PARA, data.paragraphs[#data.paragraphs].text)
      assert.same(a.images, data.images)
    end
  end)

  it("dumps YAML's special words as strings", function()
    local y = lede.yaml.dump({"yes", "~", "no", "null", "- item", "key: value", "1e3"})
    assert.same({"yes", "~", "no", "null", "- item", "key: value", "1e3"}, lede.yaml.load(y))
  end)

  it("never carries control characters: they are refused on input", function()
    local b, err = lede.parse('{"title": "Hi\\u001b[31m", "paragraphs": ["x"]}', {format = "json"})
    assert.is_nil(b)
    assert.equal("not text (binary data at byte 2)", err)
  end)
end)
