-- rouge.lua: ROUGE-N and ROUGE-L F1 of a candidate summary against one
-- reference (Lin 2004). Pure Lua, no lede needed; eval-summary.lua does
-- the I/O. Tokens as ROUGE-1.5.5 makes them without stemming: lower case,
-- every byte outside [a-z0-9] a separator. ROUGE-N counts n-grams with
-- clipping (a candidate n-gram matches at most as often as the reference
-- has it); ROUGE-L takes the longest common subsequence of the two whole
-- token sequences (rouge-score's "rougeL").
-- Use: local rouge = require "rouge"; rouge.scores(candidate, reference)

local concat, max = table.concat, math.max

local function tokens(s)
  local t = {}
  for w in s:lower():gmatch("[a-z0-9]+") do t[#t + 1] = w end
  return t
end

-- n-gram -> count
local function ngrams(t, n)
  local c, total = {}, 0
  for i = 1, #t - n + 1 do
    local g = concat(t, " ", i, i + n - 1)
    c[g] = (c[g] or 0) + 1
    total = total + 1
  end
  return c, total
end

-- F1 from the overlap and the two sizes; 0 when either side is empty.
local function f1(hits, ncand, nref)
  if hits == 0 or ncand == 0 or nref == 0 then return 0, 0, 0 end
  local p, r = hits / ncand, hits / nref
  return 2 * p * r / (p + r), p, r
end

-- rouge_n(candidate_tokens, reference_tokens, n) -> f1, precision, recall
local function rouge_n(cand, ref, n)
  local cc, nc = ngrams(cand, n)
  local rc, nr = ngrams(ref, n)
  local hits = 0
  for g, k in pairs(cc) do
    local r = rc[g]
    if r then hits = hits + (k < r and k or r) end
  end
  return f1(hits, nc, nr)
end

-- Length of the longest common subsequence, two rows of the table.
local function lcs(a, b)
  local prev, cur = {}, {}
  for j = 0, #b do prev[j] = 0 end
  for i = 1, #a do
    cur[0] = 0
    local ai = a[i]
    for j = 1, #b do
      cur[j] = ai == b[j] and prev[j - 1] + 1 or max(prev[j], cur[j - 1])
    end
    prev, cur = cur, prev
  end
  return prev[#b]
end

local function rouge_l(cand, ref)
  return f1(lcs(cand, ref), #cand, #ref)
end

-- scores(candidate, reference) -> {r1 =, r2 =, rl =}: the three F1s of
-- two strings.
local function scores(candidate, reference)
  local c, r = tokens(candidate), tokens(reference)
  return {r1 = (rouge_n(c, r, 1)), r2 = (rouge_n(c, r, 2)), rl = (rouge_l(c, r))}
end

return {
  tokens = tokens, rouge_n = rouge_n, rouge_l = rouge_l, lcs = lcs,
  scores = scores,
}
