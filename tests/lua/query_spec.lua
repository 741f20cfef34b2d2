-- query_spec.lua: the query methods as Lua sees them (core/lua/query.c):
-- article:sentences(), :words(), :find(), :keywords(), lede.text.*.
-- Quotes, entities and numbers have their own specs.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local STORY = table.concat({
  "Harbor Board Keeps Café Ferry Running Past Midnight",
  "",
  "The Gull Island harbor board voted 5-2 on Monday to run the late ferry all year. "
    .. "Dr. Ana Ruiz, the board's chair, said riders had asked for it.",
  "",
  "\"We listened,\" Ruiz said. \"The boat stays.\"",
  "",
  "Tickets will cost $4, the same as the café boat in the morning.",
  "",
}, "\n")

local a = assert(lede.parse(STORY))

describe("article:sentences()", function()
  local ss = a:sentences()

  it("splits the body into sentences with spans and indices", function()
    assert.equal(5, #ss)
    assert.same({text = "Dr. Ana Ruiz, the board's chair, said riders had asked for it.",
                 index = 2, paragraph = 1, from = 136, to = 197}, ss[2])
    assert.same({"\"We listened,\" Ruiz said.", "\"The boat stays.\""},
                {ss[3].text, ss[4].text})
    assert.same({2, 2, 3}, {ss[3].paragraph, ss[4].paragraph, ss[5].paragraph})
  end)

  it("gives spans that are the source bytes", function()
    for _, s in ipairs(ss) do assert.equal(s.text, a.source:sub(s.from, s.to)) end
  end)

  it("returns a fresh table each call", function()
    ss[1].text = "changed"
    assert.equal("The Gull Island harbor board voted 5-2 on Monday to run the late ferry all year.",
                 a:sentences()[1].text)
  end)
end)

describe("article:words()", function()
  local ws = a:words()

  it("gives text, norm, stem, span and sentence", function()
    assert.same({text = "The", norm = "the", stem = "the", from = 55, to = 57, sentence = 1}, ws[1])
    local found
    for _, w in ipairs(ws) do if w.text == "board's" then found = w end end
    assert.same({text = "board's", norm = "board's", stem = "board", from = 154, to = 160,
                 sentence = 2}, found)
  end)

  it("keeps 5-2 and $4's digits as words, not the punctuation", function()
    local texts = {}
    for _, w in ipairs(ws) do texts[#texts + 1] = w.text end
    local joined = " " .. table.concat(texts, " ") .. " "
    assert.truthy(joined:find(" 5-2 ", 1, true))
    assert.truthy(joined:find(" 4 ", 1, true))
    assert.falsy(joined:find(" , ", 1, true))
  end)
end)

describe("article:find()", function()
  it("ignores case and accents by default", function()
    local hits = a:find("CAFE")
    assert.equal(1, #hits)
    assert.same({text = "café", from = 283, to = 287, sentence = 5, paragraph = 3,
                 context = "Tickets will cost $4, the same as the café boat in the morning."},
                hits[1])
  end)

  it("tightens with case, accents and whole_words", function()
    assert.equal(0, #a:find("cafe", {accents = true}))
    assert.equal(0, #a:find("CAFÉ", {case = true}))
    assert.equal(1, #a:find("café", {case = true}))
    assert.equal(2, #a:find("boat", {whole_words = true}))
    assert.equal(2, #a:find("board"))  -- the headline is not body
    assert.equal(1, #a:find("ferr"))
    assert.equal(0, #a:find("ferr", {whole_words = true}))
  end)

  it("reads a Lua pattern with opts.pattern", function()
    local hits = a:find("%d+", {pattern = true})
    assert.same({"5", "2", "4"}, {hits[1].text, hits[2].text, hits[3].text})
    assert.equal("4", a.source:sub(hits[3].from, hits[3].to))
  end)

  it("finds nothing for an empty query and raises on a bad one", function()
    assert.same({}, a:find(""))
    assert.has_error(function() a:find() end)
    assert.has_error(function() a:find("x", 1) end)
  end)
end)

describe("article:keywords()", function()
  it("ranks terms, highest first, ten by default", function()
    local ks = a:keywords()
    assert.is_true(#ks <= 10)
    assert.same({term = "board", score = 8.0}, ks[1])
    for i = 2, #ks do assert.is_true(ks[i - 1].score >= ks[i].score) end
    assert.equal(3, #a:keywords(3))
    assert.same({}, a:keywords(0))
  end)
end)

describe("lede.text", function()
  it("splits any string into sentences and words", function()
    assert.same({{text = "Maj. Gen. Jones spoke.", from = 1, to = 22},
                 {text = "He left.", from = 24, to = 31}},
                lede.text.sentences("Maj. Gen. Jones spoke. He left."))
    local w = lede.text.words("weren’t 2,500")
    assert.same({"weren't", "2,500"}, {w[1].norm, w[2].norm})
    assert.same({1, 11}, {w[1].from, w[2].from})  -- ’ is three bytes
  end)

  it("measures width and cleans whitespace", function()
    assert.equal(4, lede.text.width("日本"))
    assert.equal("a b", lede.text.clean("  a \n\t b "))
    assert.equal(" a b ", lede.text.clean("  a \n\t b ", true))
  end)
end)
