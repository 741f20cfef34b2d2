-- summary_spec.lua: article:summary([opts]) and the summary writer
-- (core/lua/summary.c, scripts/writers/summary.lua). Invented article.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua/summary_spec.lua

local lede = require "lede"

local TEXT = [[
Harbor Town Keeps Its Lighthouse Keeper

By Hannah Becker

Residents of Gull Point voted on Monday night to keep paying the lighthouse keeper, ending a year of argument over the town budget. The vote was 412 to 96.

The keeper, Amos Reed, has tended the lighthouse for 31 years. He said he was grateful. Fishermen who rely on the light packed the hall.

Council members had proposed automating the lighthouse to save money. Automation would have cost the town less than the keeper's salary within five years.

The bakery on Front Street will close early on Friday.
]]

local S1 = "Residents of Gull Point voted on Monday night to keep paying the lighthouse keeper, ending a year of argument over the town budget."
local S2 = "The vote was 412 to 96."
local S3 = "The keeper, Amos Reed, has tended the lighthouse for 31 years."
local S7 = "Automation would have cost the town less than the keeper's salary within five years."

local function texts(list)
  local t = {}
  for i, s in ipairs(list) do t[i] = s.text end
  return t
end

local function indices(list)
  local t = {}
  for i, s in ipairs(list) do t[i] = s.index end
  return t
end

describe("article:summary", function()
  local a = assert(lede.parse(TEXT))

  it("gives three sentences by default, in article order", function()
    assert.same({S1, S3, S7}, texts(a:summary()))
    assert.same({1, 3, 7}, indices(a:summary()))
  end)

  it("gives the same tables as article:sentences()", function()
    local all = a:sentences()
    for _, s in ipairs(a:summary()) do
      assert.same(all[s.index], s)
      assert.equal(s.text, a.source:sub(s.from, s.to))
    end
    assert.same({1, 2, 3}, (function()
      local t = {}
      for i, s in ipairs(a:summary()) do t[i] = s.paragraph end
      return t
    end)())
  end)

  it("takes a number of sentences", function()
    assert.same({S1}, texts(a:summary({sentences = 1})))
    assert.equal(8, #a:summary({sentences = 100}))
  end)

  it("keeps to a word budget, passing over a sentence that would overflow", function()
    -- S1 has 23 words; S3 (11) would overflow 30, S2 (6) fits.
    assert.same({S1, S2}, texts(a:summary({words = 30})))
    assert.same({"He said he was grateful."}, texts(a:summary({words = 5})))
    assert.same({}, a:summary({words = 4}))
  end)

  it("takes a ratio of the sentences, rounded, at least one", function()
    assert.same({S1, S3}, texts(a:summary({ratio = 0.25})))
    assert.same({S1}, texts(a:summary({ratio = 0.01})))
    assert.equal(8, #a:summary({ratio = 1}))
  end)

  it("applies the tightest of several limits", function()
    assert.same({S1}, texts(a:summary({sentences = 1, ratio = 0.5})))
    assert.same({S1, S2}, texts(a:summary({sentences = 5, words = 30})))
  end)

  it("joins the sentences with a space when opts.text is true", function()
    assert.equal(S1 .. " " .. S3 .. " " .. S7, a:summary({text = true}))
    assert.equal("", a:summary({text = true, words = 4}))
    assert.equal(3, #a:summary({text = false}))
  end)

  it("is deterministic and leaves the article as it was", function()
    local first = a:summary()
    for _ = 1, 3 do assert.same(first, a:summary()) end
    assert.equal(8, #a:sentences())
  end)

  it("gives nothing for an article without a body", function()
    local t = assert(lede.parse("Advertisement\n"))
    assert.equal(0, #t.paragraphs)
    assert.same({}, t:summary())
    assert.equal("", t:summary({text = true}))
  end)

  it("raises on unknown options and bad values", function()
    local cases = {
      {{sentense = 2}, "unknown option 'sentense'"},
      {{[1] = 2}, "unknown option '1'"},
      {{sentences = 0}, "option 'sentences' must be a positive integer"},
      {{sentences = 1.5}, "option 'sentences' must be a positive integer"},
      {{sentences = "2"}, nil},
      {{words = -1}, "option 'words' must be a positive integer"},
      {{ratio = 0}, "option 'ratio' must be a number in (0, 1]"},
      {{ratio = 1.5}, "option 'ratio' must be a number in (0, 1]"},
      {{ratio = "half"}, "option 'ratio' must be a number in (0, 1]"},
      {{text = "yes"}, "option 'text' must be a boolean"},
    }
    for _, c in ipairs(cases) do
      local ok, err = pcall(function() return a:summary(c[1]) end)
      if c[2] then
        assert.is_false(ok)
        assert.equal("bad argument #1 to 'summary' (" .. c[2] .. ")", (err:gsub("^[^:]*:%d+: ", "")))
      else
        assert.is_true(ok, tostring(err))
      end
    end
    local ok, err = pcall(function() return a:summary(3) end)
    assert.is_false(ok)
    assert.equal("bad argument #1 to 'summary' (table expected, got number)",
                 (err:gsub("^[^:]*:%d+: ", "")))
  end)
end)

describe("the summary writer", function()
  local a = assert(lede.parse(TEXT))

  it("prints one sentence a line", function()
    assert.equal(S1 .. "\n" .. S3 .. "\n" .. S7 .. "\n", a:to("summary"))
  end)

  it("passes the options on, but not text", function()
    assert.equal(S1 .. "\n", a:to("summary", {sentences = 1, text = true}))
    assert.equal("", a:to("summary", {words = 4}))
  end)
end)
