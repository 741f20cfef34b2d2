-- rouge_spec.lua: the ROUGE scores behind `make eval`'s summary part
-- (scripts/tools/rouge.lua), against figures worked by hand.
-- Run: lua5.4 /usr/bin/busted tests/lua/rouge_spec.lua

package.path = "scripts/tools/?.lua;" .. package.path
local rouge = require "rouge"

-- Reference "The cat sat on the mat." is 6 tokens: the cat sat on the mat.
-- Candidate "On the mat, the cat sat down." is 7: on the mat the cat sat
-- down.
local REF, CAND = "The cat sat on the mat.", "On the mat, the cat sat down."

local function near(want, got) assert.is_true(math.abs(want - got) < 1e-12, got .. " is not " .. want) end

describe("rouge", function()
  it("tokenises as ROUGE does: lower case, non-alphanumerics split", function()
    assert.same({"on", "the", "mat", "the", "cat", "sat", "down"}, rouge.tokens(CAND))
    assert.same({"o", "brien", "s", "2", "500", "fianc", "e"}, rouge.tokens("O'Brien's 2,500 fiancée"))
  end)

  it("ROUGE-1: all 6 reference tokens matched; P 6/7, R 6/6, F 12/13", function()
    local f, p, r = rouge.rouge_n(rouge.tokens(CAND), rouge.tokens(REF), 1)
    near(6 / 7, p)
    near(1, r)
    near(12 / 13, f)
  end)

  it("ROUGE-2: on-the, the-mat, the-cat, cat-sat of 6 and 5; F 8/11", function()
    local f, p, r = rouge.rouge_n(rouge.tokens(CAND), rouge.tokens(REF), 2)
    near(4 / 6, p)
    near(4 / 5, r)
    near(8 / 11, f)
  end)

  it("ROUGE-L: the longest common subsequence is 3 (the cat sat); F 6/13", function()
    assert.equal(3, rouge.lcs(rouge.tokens(CAND), rouge.tokens(REF)))
    local f, p, r = rouge.rouge_l(rouge.tokens(CAND), rouge.tokens(REF))
    near(3 / 7, p)
    near(1 / 2, r)
    near(6 / 13, f)
  end)

  it("clips repeated n-grams to the reference's count", function()
    -- "the" 4 times against once: 1 hit; P 1/4, R 1/2, F 1/3.
    local f = rouge.rouge_n(rouge.tokens("the the the the"), rouge.tokens("the cat"), 1)
    near(1 / 3, f)
  end)

  it("scores strings, and an empty side scores 0", function()
    local s = rouge.scores(CAND, REF)
    near(12 / 13, s.r1)
    near(8 / 11, s.r2)
    near(6 / 13, s.rl)
    assert.same({r1 = 0, r2 = 0, rl = 0}, rouge.scores("", REF))
    assert.same({r1 = 0, r2 = 0, rl = 0}, rouge.scores(CAND, "..."))
    near(1, rouge.scores(REF, REF).r1)
  end)
end)
