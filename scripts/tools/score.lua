-- score.lua: reads tests/gold/*.gold files and scores predicted quotes and
-- entities against them (precision, recall, F1). Pure Lua, no lede needed;
-- eval.lua does the I/O and the parsing. Rules: tests/gold/README.md.
-- Use: local score = require "score"

local ipairs, tonumber, type = ipairs, tonumber, type
local sort, concat = table.sort, table.concat
local max, min = math.max, math.min

-- Gold lines say "org"; lede's entities say "organization".
local KINDS = {person = "person", place = "place", org = "organization"}

local function trim(s)
  return (s:gsub("^%s+", ""):gsub("%s+$", ""))
end

local function fields(rest)
  local t = {}
  for f in (rest .. "|"):gmatch("([^|]*)|") do t[#t + 1] = trim(f) end
  return t
end

-- A name as it is compared: case, curly apostrophes, spacing and a leading
-- "the " do not count ("The Washington Post" is "Washington Post").
local function fold(name)
  if type(name) ~= "string" then return nil end
  local s = name:gsub("\u{2019}", "'"):gsub("\u{2018}", "'"):lower()
  s = trim(s:gsub("%s+", " "))
  s = s:gsub("^the ", "")
  if s == "" then return nil end
  return s
end

local function quoteline(rest, q)
  local off, len, tail = rest:match("^(%d+)%s+(%d+)%s*(.*)$")
  if not off then return "quote needs OFF LEN" end
  local f = fields(tail:gsub("^|", ""))
  local speaker = f[1] and f[1]:match("^speaker=(.*)$")
  if not speaker then return "quote needs | speaker=NAME (empty for none)" end
  q[#q + 1] = {off = tonumber(off), len = tonumber(len),
               speaker = speaker ~= "" and speaker or nil, words = f[2]}
end

-- parse(text) -> {quotes = {{off, len, speaker, words}}, entities =
-- {{kind, name, aliases}}, set = NAME or nil}, or nil, "line N: message".
-- Speakers must name a person or organisation of the same file, so their
-- aliases count. A comment "# set: NAME" puts the file in a named set
-- ("check": articles nobody tuned the parser on; "dev": blind-annotated
-- articles open for tuning).
local function parse(text)
  local g = {quotes = {}, entities = {}}
  local n = 0
  for line in (text .. "\n"):gmatch("([^\n]*)\n") do
    n = n + 1
    line = trim(line)
    local set = line:match("^#%s*set:%s*(.-)%s*$")
    if set then
      if not set:match("^[%w_-]+$") then
        return nil, "line " .. n .. ": set needs one name"
      end
      if g.set and g.set ~= set then
        return nil, "line " .. n .. ": file already in set " .. g.set
      end
      g.set = set
    elseif line ~= "" and not line:find("^#") then
      local key, rest = line:match("^(%a+)%s+(.*)$")
      local err
      if key == "quote" then
        err = quoteline(rest, g.quotes)
      elseif key and KINDS[key] then
        local f = fields(rest)
        if f[1] == "" then err = key .. " needs a name" end
        local aliases = {}
        for i = 2, #f do if f[i] ~= "" then aliases[#aliases + 1] = f[i] end end
        g.entities[#g.entities + 1] = {kind = KINDS[key], name = f[1], aliases = aliases}
      else
        err = "unknown line (want quote, person, place or org)"
      end
      if err then return nil, "line " .. n .. ": " .. err end
    end
  end
  local speakers = {}
  for _, e in ipairs(g.entities) do
    if e.kind ~= "place" then speakers[fold(e.name)] = true end
  end
  for _, q in ipairs(g.quotes) do
    if q.speaker and not speakers[fold(q.speaker)] then
      return nil, "speaker " .. q.speaker .. " is not a person or org of the file"
    end
  end
  return g
end

-- Every folded name an entity goes by.
local function namesof(e)
  local set = {}
  local n = fold(e.name)
  if n then set[n] = true end
  for _, a in ipairs(e.aliases or {}) do
    n = fold(a)
    if n then set[n] = true end
  end
  return set
end

-- Overlap in bytes of gold q (0-based off, len) and predicted p (1-based
-- inclusive from, to); a match needs half the longer of the two.
local function overlap(q, p)
  local gs, ge = q.off, q.off + q.len
  local ps, pe = p.from - 1, p.to
  local o = min(ge, pe) - max(gs, ps)
  if o <= 0 or o * 2 < max(ge - gs, pe - ps) then return 0 end
  return o
end

-- Does a predicted speaker name the gold speaker? Any name of the gold
-- speaker's entity counts; a gold quote with no speaker wants nil.
local function samespeaker(gold, q, got)
  got = fold(got)
  if not q.speaker then return got == nil end
  if not got then return false end
  local want = fold(q.speaker)
  for _, e in ipairs(gold.entities) do
    if e.kind ~= "place" and fold(e.name) == want then
      return namesof(e)[got] == true
    end
  end
  return got == want
end

-- quotes(gold, predicted) -> counts {gold=, pred=, tp=, tp_speaker=}.
-- One-to-one, greedy: the pair with the largest overlap first.
local function quotes(gold, pred)
  local pairs_ = {}
  for i, q in ipairs(gold.quotes) do
    for j, p in ipairs(pred) do
      if type(p.from) == "number" and type(p.to) == "number" then
        local o = overlap(q, p)
        if o > 0 then pairs_[#pairs_ + 1] = {o = o, i = i, j = j} end
      end
    end
  end
  sort(pairs_, function(a, b)
    if a.o ~= b.o then return a.o > b.o end
    if a.i ~= b.i then return a.i < b.i end
    return a.j < b.j
  end)
  local c = {gold = #gold.quotes, pred = #pred, tp = 0, tp_speaker = 0}
  local gused, pused = {}, {}
  for _, m in ipairs(pairs_) do
    if not gused[m.i] and not pused[m.j] then
      gused[m.i], pused[m.j] = true, true
      c.tp = c.tp + 1
      if samespeaker(gold, gold.quotes[m.i], pred[m.j].speaker) then
        c.tp_speaker = c.tp_speaker + 1
      end
    end
  end
  return c
end

-- Kuhn's augmenting paths: the largest one-to-one matching, so a loose
-- alias ("Paul") cannot steal the only partner of another entity.
local function matching(edges, ngold)
  local owner = {}
  local function try(i, seen)
    for _, j in ipairs(edges[i]) do
      if not seen[j] then
        seen[j] = true
        if not owner[j] or try(owner[j], seen) then
          owner[j] = i
          return true
        end
      end
    end
    return false
  end
  local n = 0
  for i = 1, ngold do
    if try(i, {}) then n = n + 1 end
  end
  return n
end

-- entities(gold, predicted, kind) -> counts {gold=, pred=, tp=} for one
-- kind ("person", "place", "organization").
local function entities(gold, pred, kind)
  local g, p = {}, {}
  for _, e in ipairs(gold.entities) do
    if e.kind == kind then g[#g + 1] = namesof(e) end
  end
  for _, e in ipairs(pred) do
    if type(e) == "table" and e.kind == kind then
      local names = {name = e.name, aliases = type(e.aliases) == "table" and e.aliases or {}}
      p[#p + 1] = namesof(names)
    end
  end
  local edges = {}
  for i, gs in ipairs(g) do
    edges[i] = {}
    for j, ps in ipairs(p) do
      for n in next, ps do
        if gs[n] then edges[i][#edges[i] + 1] = j; break end
      end
    end
  end
  return {gold = #g, pred = #p, tp = matching(edges, #g)}
end

-- prf(tp, pred, gold) -> precision, recall, f1; precision is nil when
-- nothing was predicted, recall nil when there is nothing to find.
local function prf(tp, pred, gold)
  local p = pred > 0 and tp / pred or nil
  local r = gold > 0 and tp / gold or nil
  local f
  if p and r then f = (p + r > 0) and 2 * p * r / (p + r) or 0 end
  return p, r, f
end

-- add(total, counts): micro-averaging sums the counts over files.
local function add(total, c)
  for k, v in next, c do total[k] = (total[k] or 0) + v end
  return total
end

local function describe(g)
  local n = {person = 0, place = 0, organization = 0}
  for _, e in ipairs(g.entities) do n[e.kind] = n[e.kind] + 1 end
  return concat({#g.quotes .. " quotes", n.person .. " people", n.place .. " places",
                 n.organization .. " organisations"}, ", ")
end

return {
  parse = parse, fold = fold, overlap = overlap, quotes = quotes,
  entities = entities, prf = prf, add = add, describe = describe,
}
