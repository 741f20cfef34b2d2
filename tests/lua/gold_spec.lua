-- gold_spec.lua: the scoring behind `make eval`'s gold part
-- (scripts/tools/score.lua): reading gold files, matching quotes and
-- entities, precision/recall/F1. Invented data, and the repository's own
-- tests/gold files read as they are; no corpus needed.
-- Run: lua5.4 /usr/bin/busted tests/lua/gold_spec.lua

package.path = "scripts/tools/?.lua;" .. package.path
local score = require "score"

local GOLD = [[
# invented
quote 10 20 | speaker=Ann Lee | Words of Ann
quote 40 10 | speaker= | a spokesman
quote 60 10 | speaker=Acme Corp | Acme said
person Ann Lee | Lee | Ms Lee
person Bob Ray
place Springfield | Springfield, Ill.
org Acme Corp | Acme
org The Daily Bugle
]]

local function gold() return assert(score.parse(GOLD)) end

-- A predicted quote over gold bytes [off, off + len): 1-based inclusive.
local function q(off, len, speaker) return {from = off + 1, to = off + len, speaker = speaker} end

describe("score.parse", function()
  it("reads quotes and entities", function()
    local g = gold()
    assert.equal(3, #g.quotes)
    assert.same({off = 10, len = 20, speaker = "Ann Lee", words = "Words of Ann"}, g.quotes[1])
    assert.is_nil(g.quotes[2].speaker)
    assert.equal(5, #g.entities)
    assert.same({kind = "person", name = "Ann Lee", aliases = {"Lee", "Ms Lee"}}, g.entities[1])
    assert.same({kind = "organization", name = "The Daily Bugle", aliases = {}}, g.entities[5])
    assert.equal("3 quotes, 2 people, 1 places, 2 organisations", score.describe(g))
  end)

  it("reads the set marker, a comment to anything else", function()
    assert.is_nil(gold().set)
    local g = assert(score.parse("# 001 x\n#  set:  check \nperson Ann Lee"))
    assert.equal("check", g.set)
    assert.equal(1, #g.entities)
    g = assert(score.parse("# set: check\n# set: check\n# setting: x\n# a set: y"))
    assert.equal("check", g.set)
  end)

  it("reads the repository's gold files, each in no set, check or dev", function()
    local n = 0
    for id = 0, 999 do
      local f = io.open(string.format("tests/gold/%03d.gold", id), "rb")
      if f then
        local g, err = score.parse(f:read("a"))
        f:close()
        assert(g, string.format("%03d.gold: %s", id, tostring(err)))
        assert.is_true(g.set == nil or g.set == "check" or g.set == "dev",
                       string.format("%03d.gold: set %s", id, tostring(g.set)))
        n = n + 1
      end
    end
    assert.is_true(n > 0)
    assert.equal("dev", score.parse("# 001 x\n# set: dev").set)
  end)

  local bad = {
    {"quote x 1 | speaker=", "line 1: quote needs OFF LEN"},
    {"quote 1 2 | Ann", "line 1: quote needs | speaker=NAME (empty for none)"},
    {"# c\nthing Ann", "line 2: unknown line (want quote, person, place or org)"},
    {"person  | Lee", "line 1: person needs a name"},
    {"quote 1 2 | speaker=Nobody\nperson Ann", "speaker Nobody is not a person or org of the file"},
    {"quote 1 2 | speaker=Paris\nplace Paris", "speaker Paris is not a person or org of the file"},
    {"# set:", "line 1: set needs one name"},
    {"# set: check me", "line 1: set needs one name"},
    {"# set: check\n# set: tuned", "line 2: file already in set check"},
  }
  for i, row in ipairs(bad) do
    it("refuses bad file " .. i, function()
      local g, err = score.parse(row[1])
      assert.is_nil(g)
      assert.equal(row[2], err)
    end)
  end
end)

describe("score.fold", function()
  local rows = {
    {"The Washington Post", "washington post"},
    {"  O\u{2019}Reilly  Media ", "o'reilly media"},
    {"THE  Hague", "hague"},
    {"Theresa May", "theresa may"},
    {"", nil},
    {nil, nil},
  }
  for i, row in ipairs(rows) do
    it("row " .. i, function() assert.equal(row[2], score.fold(row[1])) end)
  end
end)

describe("score.overlap", function()
  local g = {off = 10, len = 20}             -- bytes 10..29, 1-based 11..30
  local rows = {
    {q(10, 20), 20},                          -- exact
    {q(0, 20), 10},                           -- half of the longer: enough
    {q(0, 19), 0},                            -- 9 of 20: not enough
    {q(10, 40), 20},                          -- 20 of 40: enough
    {q(10, 41), 0},                           -- 20 of 41: not enough
    {q(30, 5), 0},                            -- touching, no overlap
  }
  for i, row in ipairs(rows) do
    it("row " .. i, function() assert.equal(row[2], score.overlap(g, row[1])) end)
  end
end)

describe("score.quotes", function()
  it("counts a perfect prediction", function()
    local c = score.quotes(gold(), {q(10, 20, "Ann Lee"), q(40, 10, nil), q(60, 10, "Acme Corp")})
    assert.same({gold = 3, pred = 3, tp = 3, tp_speaker = 3}, c)
  end)

  it("takes speakers by alias, any case, and wants nil for no speaker", function()
    -- Right, wrong (the gold quote has no speaker), right.
    local c = score.quotes(gold(), {q(10, 20, "ms LEE"), q(40, 10, "Ann Lee"), q(60, 10, "the acme")})
    assert.same({gold = 3, pred = 3, tp = 3, tp_speaker = 2}, c)
    -- Wrong (nil for a named speaker), right ("" is no speaker), right.
    c = score.quotes(gold(), {q(10, 20, nil), q(40, 10, ""), q(60, 10, "Acme")})
    assert.same({gold = 3, pred = 3, tp = 3, tp_speaker = 2}, c)
  end)

  it("matches one to one, the largest overlap first", function()
    -- Both predictions cover the first gold quote; the closer one wins
    -- it, the other is a false positive even with the right speaker.
    local c = score.quotes(gold(), {q(0, 20, "Ann Lee"), q(12, 18, "Bob Ray")})
    assert.same({gold = 3, pred = 2, tp = 1, tp_speaker = 0}, c)
  end)

  it("ignores predictions without a span and counts them as predicted", function()
    local c = score.quotes(gold(), {{text = "x"}, q(60, 10, "Acme")})
    assert.same({gold = 3, pred = 2, tp = 1, tp_speaker = 1}, c)
  end)
end)

describe("score.entities", function()
  it("matches by name or alias, of the same kind only", function()
    local pred = {
      {name = "Lee", kind = "person", aliases = {}},
      {name = "R. Ray", kind = "person", aliases = {"bob ray"}},
      {name = "Springfield", kind = "organization", aliases = {}},
      {name = "Daily Bugle", kind = "organization"},
      {name = "Acme Corp", kind = "organization", aliases = {"Acme"}},
      {name = "Nowhere", kind = "place", aliases = {}},
      "junk", {name = "Monday", kind = "date"},
    }
    local g = gold()
    assert.same({gold = 2, pred = 2, tp = 2}, score.entities(g, pred, "person"))
    assert.same({gold = 1, pred = 1, tp = 0}, score.entities(g, pred, "place"))
    assert.same({gold = 2, pred = 3, tp = 2}, score.entities(g, pred, "organization"))
  end)

  it("matches one to one and finds the largest matching", function()
    local g = assert(score.parse("person Ron Paul | Paul\nperson Rand Paul | Paul"))
    -- "Paul" could take either; it must leave Rand Paul to "Rand Paul".
    local pred = {{name = "Paul", kind = "person"}, {name = "Rand Paul", kind = "person"}}
    assert.same({gold = 2, pred = 2, tp = 2}, score.entities(g, pred, "person"))
    pred = {{name = "Paul", kind = "person"}, {name = "Paul", kind = "person"},
            {name = "Paul", kind = "person"}}
    assert.same({gold = 2, pred = 3, tp = 2}, score.entities(g, pred, "person"))
  end)
end)

describe("score.prf", function()
  local function near(want, got) assert.is_true(math.abs(want - got) < 1e-9) end

  it("computes precision, recall and F1", function()
    local p, r, f = score.prf(3, 4, 6)
    near(0.75, p); near(0.5, r); near(0.6, f)
  end)

  it("gives 0 F1 when nothing matched", function()
    local p, r, f = score.prf(0, 5, 5)
    assert.same({0, 0, 0}, {p, r, f})
  end)

  it("leaves undefined figures nil", function()
    local p, r, f = score.prf(0, 0, 4)
    assert.is_nil(p); assert.equal(0, r); assert.is_nil(f)
    p, r, f = score.prf(0, 2, 0)
    assert.equal(0, p); assert.is_nil(r); assert.is_nil(f)
  end)

  it("micro-averages by summing counts over files", function()
    local t = {}
    score.add(t, {tp = 1, pred = 1, gold = 10})
    score.add(t, {tp = 9, pred = 10, gold = 10})
    assert.same({tp = 10, pred = 11, gold = 20}, t)
    local p, r = score.prf(t.tp, t.pred, t.gold)
    near(10 / 11, p); near(0.5, r)
  end)
end)
