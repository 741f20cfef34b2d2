-- extract_spec.lua: article:quotes(), :entities() and :numbers() as Lua
-- sees them (core/lua/query.c), on an invented story.
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local STORY = table.concat({
  "Ferry Board Adds Late Boats After Riders Complain",
  "",
  "The Gull Island harbor board will add two late ferries from June, at a cost of "
    .. "$1.2 million a year, after about 3,000 riders signed a petition.",
  "",
  "\"We heard them loud and clear,\" said board chair Ana Ruiz. "
    .. "\"The boats will run until midnight.\"",
  "",
  "Ruiz said ridership had \"grown beyond anything we planned for\" since 2019, "
    .. "and that fares would rise by 5 percent.",
  "",
}, "\n")

local a = assert(lede.parse(STORY))

describe("article:quotes()", function()
  local qs = a:quotes()

  it("finds each quotation with its span, verb, cue and speaker", function()
    assert.equal(3, #qs)
    assert.same({text = "We heard them loud and clear,", from = 198, to = 226,
                 paragraph = 2, partial = false, verb = "said", cue = "Ana Ruiz",
                 speaker = "Ana Ruiz", speaker_from = 246, speaker_to = 253}, qs[1])
    assert.equal("The boats will run until midnight.", qs[2].text)
    assert.equal("Ana Ruiz", qs[2].speaker)
  end)

  it("marks a partial quotation and resolves a surname", function()
    assert.same({"grown beyond anything we planned for", true, "Ruiz", "Ana Ruiz"},
                {qs[3].text, qs[3].partial, qs[3].cue, qs[3].speaker})
  end)

  it("spans the quoted words in the source", function()
    for _, q in ipairs(qs) do assert.equal(q.text, a.source:sub(q.from, q.to)) end
  end)

  it("filters by speaker name or alias, ignoring case", function()
    assert.equal(3, #a:quotes({speaker = "Ana Ruiz"}))
    assert.equal(3, #a:quotes({speaker = "ruiz"}))
    assert.equal(0, #a:quotes({speaker = "Nobody"}))
    assert.has_error(function() a:quotes({speaker = 1}) end)
  end)
end)

describe("speakers that are organisations", function()
  it("resolves 'the company' to the company named before", function()
    local b = assert(lede.parse(table.concat({
      "Harbor News", "",
      "The Gull Island Ferry Company and the Alder Bend Institute signed a deal on Monday.", "",
      "\"We are ready for the summer,\" the company said.", "",
      "\"The study starts in June,\" noted the institute.", "",
    }, "\n")))
    local qs = b:quotes()
    assert.same({"Gull Island Ferry Company", "the company"}, {qs[1].speaker, qs[1].cue})
    assert.same({"Alder Bend Institute", "the institute"}, {qs[2].speaker, qs[2].cue})
  end)
end)

describe("article:entities()", function()
  it("merges a person's mentions and keeps roles out of the name", function()
    local people = a:entities("person")
    assert.equal(1, #people)
    local ruiz = people[1]
    assert.equal("Ana Ruiz", ruiz.name)
    assert.equal("person", ruiz.kind)
    assert.same({"Ruiz"}, ruiz.aliases)
    assert.equal(2, #ruiz.mentions)
    for _, m in ipairs(ruiz.mentions) do
      assert.equal(m.text, a.source:sub(m.from, m.to))
    end
  end)

  it("filters by kind, plural or British spelling too", function()
    assert.same(a:entities("people"), a:entities("person"))
    assert.same(a:entities("organisation"), a:entities("organization"))
    assert.has_error(function() a:entities("animal") end)
  end)

  it("reads the furniture only with opts.all", function()
    local n, nall = #a:entities(), #a:entities({all = true})
    assert.is_true(nall >= n)
  end)
end)

describe("article:numbers()", function()
  local ns = a:numbers()

  it("reads counts, money, years and percents with their units", function()
    assert.equal(5, #ns)
    assert.same({text = "$1.2 million", kind = "money", value = 1200000, min = 1200000,
                 max = 1200000, approximate = false, unit = "USD", sentence = 1,
                 paragraph = 1, from = 131, to = 142}, ns[2])
    assert.same({"two", "ferries", 2}, {ns[1].text, ns[1].unit, ns[1].value})
    assert.same({"3,000", "riders", true}, {ns[3].text, ns[3].unit, ns[3].approximate})
    assert.same({"year", 2019}, {ns[4].kind, ns[4].value})
    assert.same({"percent", 5, "5 percent"}, {ns[5].kind, ns[5].value, ns[5].text})
  end)

  it("spans the number in the source", function()
    for _, n in ipairs(ns) do assert.equal(n.text, a.source:sub(n.from, n.to)) end
  end)
end)
