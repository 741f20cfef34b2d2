-- eval.lua: score lede's parser on the shared corpus against its index,
-- then its quotes and entities against the hand-made tests/gold files,
-- then its summaries against human highlights (eval-summary.lua).
-- Usage: make eval [V=1]   or   lua5.4 scripts/tools/eval.lua [-v] [CORPUS_DIR]
-- index.tsv is noisy (see the corpus README): its title and authors come
-- from page metadata, often not printed in the text. So every figure is
-- also given over the articles where the value does appear in the text.
-- The gold part is scored three times: over every gold file, over the
-- check set only (files marked "# set: check", never tuned on), and over
-- the dev set only ("# set: dev", annotated blind, open for tuning).
-- -v (or LEDE_EVAL_VERBOSE=1) adds per-file gold counts.

local io, os, string, table = io, os, string, table
local fmt = string.format

-- The score module and the gold files sit beside this script, wherever
-- it is run from; a stock lua5.4 finds lede.so in the build.
local here = (arg and arg[0] or ""):match("^(.*)/[^/]*$") or "."
package.path = here .. "/?.lua;" .. package.path
package.cpath = package.cpath .. ";" .. here .. "/../../build/?.so"
local lede = require "lede"
local score = require "score"
local root = here == "scripts/tools" and "" or
             (here:match("^(.*/)scripts/tools$") or here .. "/../../")
local GOLD = root .. "tests/gold"

local dir, verbose = "../shared/corpus", os.getenv("LEDE_EVAL_VERBOSE") == "1"
for _, a in ipairs(arg or {}) do
  if a == "-v" then verbose = true else dir = a end
end

local function readfile(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- Compare as a reader would: quotes and dashes folded, case and spacing
-- ignored.
local folds = {
  ["\u{2018}"] = "'", ["\u{2019}"] = "'", ["\u{201C}"] = '"',
  ["\u{201D}"] = '"', ["\u{2013}"] = "-", ["\u{2014}"] = "-",
  ["\u{00A0}"] = " ", ["\u{2026}"] = "...",
}
local function norm(s)
  if not s then return "" end
  for k, v in pairs(folds) do s = s:gsub(k, v) end
  return (s:lower():gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- The index's titles often carry a site suffix ("... | WIRED", "... -
-- Telegraph") that the page text does not: drop it when the text lacks it.
local function unsuffixed(title, ntext)
  local t = norm(title)
  if ntext:find(t, 1, true) then return t end
  local cut = t:match("^(.-) [|%-] [^|%-]+$")
  return cut or t
end

local function readindex(path)
  local rows = {}
  local f = assert(io.open(path, "rb"))
  local header = true
  for line in f:lines() do
    if header then header = false else
      local id, file, domain, title, authors = line:match(
        "^([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)\t([^\t]*)")
      if id then rows[id] = {file = file, title = title, authors = authors} end
    end
  end
  f:close()
  return rows
end

local function splitauthors(s)
  local t = {}
  for a in (s .. "; "):gmatch("(.-); ") do
    if a ~= "" then t[#t + 1] = norm(a) end
  end
  return t
end

local function lines(text)
  local set = {}
  for l in text:gmatch("[^\r\n]+") do set[norm(l)] = true end
  return set
end

local S = {
  files = 0, failed = 0, nobody = 0, slowest = 0, slowfile = "",
  indexed = 0, title_exact = 0, title_in_text = 0, title_in_text_exact = 0,
  title_wrong = 0, title_none_in_text = 0,
  authors_known = 0, authors_in_text = 0, authors_any = 0,
  authors_in_text_any = 0, authors_all = 0,
  heldout = 0, heldout_title = 0, heldout_authors = 0,
}

local function scoretitle(row, a, text)
  local ntext = norm(text)
  local want = unsuffixed(row.title, ntext)
  local got = norm(a.title)
  local intext = lines(text)[want] ~= nil
  S.indexed = S.indexed + 1
  if intext then S.title_in_text = S.title_in_text + 1 end
  if a.title and got == want then
    S.title_exact = S.title_exact + 1
    if intext then S.title_in_text_exact = S.title_in_text_exact + 1 end
  elseif a.title then
    S.title_wrong = S.title_wrong + 1
  elseif intext then
    S.title_none_in_text = S.title_none_in_text + 1
  end
end

local function scoreauthors(row, a, text)
  if row.authors == "" then return end
  local want, ntext = splitauthors(row.authors), norm(text)
  local got, any, all, named = {}, false, true, false
  for _, au in ipairs(a.authors) do got[norm(au.name)] = true end
  for _, w in ipairs(want) do
    if got[w] then any = true else all = false end
    if ntext:find(w, 1, true) then named = true end
  end
  S.authors_known = S.authors_known + 1
  if any then S.authors_any = S.authors_any + 1 end
  if all then S.authors_all = S.authors_all + 1 end
  if named then
    S.authors_in_text = S.authors_in_text + 1
    if any then S.authors_in_text_any = S.authors_in_text_any + 1 end
  end
end

local function one(id, path, row)
  local text = readfile(path)
  if not text then return false end
  S.files = S.files + 1
  local t0 = os.clock()
  local ok, a = pcall(lede.parse, text, {path = path})
  local dt = os.clock() - t0
  if dt > S.slowest then S.slowest, S.slowfile = dt, path end
  if not ok or not a then
    S.failed = S.failed + 1
    io.stderr:write(fmt("eval: %s: %s\n", path, tostring(a)))
    return true
  end
  if #a.paragraphs == 0 then S.nobody = S.nobody + 1 end
  if row then
    scoretitle(row, a, text)
    scoreauthors(row, a, text)
  else
    S.heldout = S.heldout + 1
    if a.title then S.heldout_title = S.heldout_title + 1 end
    if #a.authors > 0 then S.heldout_authors = S.heldout_authors + 1 end
  end
  return true
end

local function pct(n, d)
  if d == 0 then return "   -" end
  return fmt("%3.0f%%", 100 * n / d)
end

local function report()
  local out = {
    fmt("corpus: %s, %d articles (%d in index.tsv, %d held out)",
        dir, S.files, S.indexed, S.heldout),
    fmt("  crashed or refused:   %d", S.failed),
    fmt("  no body paragraph:    %d", S.nobody),
    fmt("  slowest parse:        %.1f ms (%s)", S.slowest * 1000, S.slowfile),
    "title (exact after folding quotes, dashes, case, spacing; site suffix dropped)",
    fmt("  all indexed:          %3d / %3d  %s", S.title_exact, S.indexed,
        pct(S.title_exact, S.indexed)),
    fmt("  title line in text:   %3d / %3d  %s", S.title_in_text_exact,
        S.title_in_text, pct(S.title_in_text_exact, S.title_in_text)),
    fmt("  missed (in text):     %3d", S.title_none_in_text),
    fmt("  other text as title:  %3d", S.title_wrong),
    "authors (a listed name among those lede found)",
    fmt("  known:                %3d / %3d  %s  (all of them: %d)",
        S.authors_any, S.authors_known, pct(S.authors_any, S.authors_known),
        S.authors_all),
    fmt("  named in the text:    %3d / %3d  %s", S.authors_in_text_any,
        S.authors_in_text, pct(S.authors_in_text_any, S.authors_in_text)),
    fmt("held out (no index row): title given %d, authors given %d, of %d",
        S.heldout_title, S.heldout_authors, S.heldout),
  }
  print(table.concat(out, "\n"))
end

-- Gold part: quotes and entities against tests/gold/NNN.gold.

local CATEGORIES = {
  {key = "quotes", label = "quotes", goal = 0.95},
  {key = "speaker", label = "quotes+speaker", goal = 0.90},
  {key = "person", label = "people", goal = 0.85},
  {key = "place", label = "places", goal = 0.80},
  {key = "organization", label = "organizations", goal = 0.70},
}

-- An analysis method of the article, or nil with why not: the methods
-- may be missing (an older build) or fail on one article.
local function analysis(a, name)
  if type(a[name]) ~= "function" then return nil, "not available" end
  local ok, r = pcall(a[name], a)
  if not ok then return nil, "failed: " .. tostring(r) end
  if type(r) ~= "table" then return nil, "returned " .. type(r) end
  return r
end

local SHORT = {person = "people", place = "places", organization = "orgs"}

local function num(x)
  return x and fmt("%.2f", x) or "   -"
end

local function counts(c)
  return fmt("%d/%d/%d", c.tp or 0, c.pred or 0, c.gold or 0)
end

-- scoregold(gold, a, Ts, G) -> one line of per-file counts; adds to each
-- of the totals in Ts (T[category] = {tp, pred, gold}) and notes failures
-- in G.
local function scoregold(gold, a, Ts, G)
  local parts = {}
  local function add(key, c)
    for _, T in ipairs(Ts) do score.add(T[key], c) end
  end
  local qs, qerr = analysis(a, "quotes")
  if qs then
    local c = score.quotes(gold, qs)
    add("quotes", {tp = c.tp, pred = c.pred, gold = c.gold})
    add("speaker", {tp = c.tp_speaker, pred = c.pred, gold = c.gold})
    parts[#parts + 1] = fmt("quotes %s  +speaker %s", counts(c),
                            counts({tp = c.tp_speaker, pred = c.pred, gold = c.gold}))
  else
    G.quotes = G.quotes or qerr
  end
  local es, eerr = analysis(a, "entities")
  if es then
    for _, k in ipairs({"person", "place", "organization"}) do
      local c = score.entities(gold, es, k)
      add(k, c)
      parts[#parts + 1] = fmt("%s %s", SHORT[k], counts(c))
    end
  else
    G.entities = G.entities or eerr
  end
  return table.concat(parts, "  ")
end

local function goldreport(head, T, G, sizes)
  local out = {
    fmt("%s (%s)", head, sizes),
    "  category           P     R    F1   tp / pred / gold   goal F1",
  }
  for _, cat in ipairs(CATEGORIES) do
    local missing = G.entities
    if cat.key == "quotes" or cat.key == "speaker" then missing = G.quotes end
    if missing then
      out[#out + 1] = fmt("  %s: %s", cat.label, missing)
    else
      local c = T[cat.key]
      local p, r, f = score.prf(c.tp, c.pred, c.gold)
      out[#out + 1] = fmt("  %-15s %s  %s  %s  %4d / %4d / %4d   >= %.2f%s",
                          cat.label, num(p), num(r), num(f), c.tp, c.pred, c.gold,
                          cat.goal, (f or 0) >= cat.goal and "  met" or "")
    end
  end
  if G.quotes and G.entities then
    out = {out[1], "  quotes: " .. G.quotes, "  entities: " .. G.entities}
  end
  print(table.concat(out, "\n"))
end

local function gold()
  if not readfile(dir .. "/index.tsv") then
    print(fmt("gold: skipped: %s not found (../shared absent)", dir))
    return
  end
  local function totals()
    local T = {}
    for _, cat in ipairs(CATEGORIES) do T[cat.key] = {tp = 0, pred = 0, gold = 0} end
    return T
  end
  -- Every gold file, and each named set: the check set ("# set: check")
  -- and the dev set ("# set: dev").
  local T, G, files = totals(), {}, {}
  local all = {quotes = {}, entities = {}}
  local SETS = {
    {name = "check", mark = "c", head = "gold, check set (never tuned on)"},
    {name = "dev", mark = "d", head = "gold, dev set (for tuning)"},
  }
  local byname = {}
  for _, set in ipairs(SETS) do
    set.T, set.n, set.items = totals(), 0, {quotes = {}, entities = {}}
    byname[set.name] = set
  end
  for n = 0, 999 do
    local id = fmt("%03d", n)
    local text = readfile(fmt("%s/%s.gold", GOLD, id))
    if text then
      local g, err = score.parse(text)
      local a, lerr
      if g then a, lerr = lede.load(fmt("%s/%s.txt", dir, id)) end
      if not g then
        io.stderr:write(fmt("eval: %s/%s.gold: %s\n", GOLD, id, err))
        S.failed = S.failed + 1
      elseif not a then
        io.stderr:write(fmt("eval: %s\n", lerr))
        S.failed = S.failed + 1
      else
        local Ts, into = {T}, {all}
        local set = g.set and byname[g.set]
        if set then
          set.n = set.n + 1
          Ts[2], into[2] = set.T, set.items
        end
        for _, t in ipairs(into) do
          for _, q in ipairs(g.quotes) do t.quotes[#t.quotes + 1] = q end
          for _, e in ipairs(g.entities) do t.entities[#t.entities + 1] = e end
        end
        files[#files + 1] = fmt("  %s %s %s", id, set and set.mark or " ",
                                scoregold(g, a, Ts, G))
      end
    end
  end
  if #files == 0 then
    print(fmt("gold: no gold files in %s", GOLD))
    return
  end
  goldreport(fmt("gold: %s, %d articles", GOLD, #files), T, G, score.describe(all))
  for _, set in ipairs(SETS) do
    if set.n > 0 then
      goldreport(fmt("%s: %d articles", set.head, set.n), set.T, G,
                 score.describe(set.items))
    else
      print(fmt("%s: no file marked # set: %s", set.head, set.name))
    end
  end
  if verbose and not (G.quotes and G.entities) then
    print("  per file (tp/pred/gold; c: check set, d: dev set):")
    print(table.concat(files, "\n"))
  end
end

-- Summary part: ROUGE against the highlights of ../shared/corpus-summ
-- (scripts/tools/eval-summary.lua), beside the corpus directory given.
local function summary()
  local sdir = dir:gsub("/+$", "") .. "-summ"
  S.failed = S.failed + require("eval-summary").run(lede, sdir, verbose)
end

local function main()
  local index = readfile(dir .. "/index.tsv")
  if not index then
    print(fmt("eval: skipped: %s/index.tsv not found (../shared absent)", dir))
    gold()
    summary()
    return
  end
  local rows = readindex(dir .. "/index.tsv")
  for n = 0, 999 do
    local id = fmt("%03d", n)
    one(id, fmt("%s/%s.txt", dir, id), rows[id])
  end
  report()
  gold()
  summary()
  if S.failed > 0 then os.exit(1) end
end

main()
