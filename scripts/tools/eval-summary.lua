-- eval-summary.lua: the summary part of `make eval`. Scores lede's
-- article:summary() and the Lead-3 baseline (the first three body
-- sentences by lede's own splitter) with ROUGE-1, -2 and -L F1 against
-- the human highlights of the CNN/DailyMail stories in corpus-summ.
-- Use: require("eval-summary").run(lede, dir, verbose), from eval.lua.
--
-- A story file is the article on one line, then "@highlight" lines each
-- followed by a reference sentence. Daily Mail stories open with page
-- furniture ("By . Reporter . PUBLISHED: . 14:11 EST, 25 October 2013 .
-- | . UPDATED: . ..."): it is cut off before parsing, for both systems
-- alike, as lede's block pass would set a byline and time stamp aside on
-- a page that kept its line breaks.

local io, string, table = io, string, table
local fmt, concat = string.format, table.concat
local rouge = require "rouge"

local function readfile(path)
  local f = io.open(path, "rb")
  if not f then return nil end
  local s = f:read("a")
  f:close()
  return s
end

-- The article text and the reference (highlights, one per line).
local function story(text)
  local at = text:find("\n@highlight", 1, true) or #text + 1
  local refs = {}
  for h in text:sub(at):gmatch("@highlight%s*\n%s*([^\n]+)") do refs[#refs + 1] = h end
  return text:sub(1, at - 1), concat(refs, "\n")
end

-- Leading furniture pieces, each tried in turn until none matches.
local FURNITURE = {
  "^By %. [^.]+ %. and [^.]+ %. ",   -- By . A . and B .
  "^By %. [^.]+ %. ",                -- By . Daily Mail Reporter .
  "^PUBLISHED: %. [^|]- %. | %. ",   -- PUBLISHED: . 14:11 EST, 25 October 2013 . | .
  "^UPDATED: %. .- %d%d%d%d %. ",    -- UPDATED: . 15:36 EST, 25 October 2013 .
  "^Last updated at .- %d%d%d%d %. ", -- Last updated at 1:25 AM on 3rd August 2011 .
}

local function unfurnish(text)
  local cut = true
  while cut do
    cut = false
    for _, p in ipairs(FURNITURE) do
      local s, e = text:find(p)
      if s and e < 160 then text, cut = text:sub(e + 1), true end
    end
  end
  return text
end

local function words(s)
  local n = 0
  for _ in s:gmatch("%S+") do n = n + 1 end
  return n
end

local SYSTEMS = {"lede", "Lead-3"}

-- The two summaries of one article.
local function summaries(a)
  local lead = {}
  for i, s in ipairs(a:sentences()) do
    if i > 3 then break end
    lead[i] = s.text
  end
  return {lede = a:summary({text = true}), ["Lead-3"] = concat(lead, " ")}
end

local function run(lede, dir, verbose)
  if not readfile(dir .. "/index.tsv") then
    print(fmt("summary: skipped: %s not found (../shared absent)", dir))
    return 0
  end
  local T, files, wins, losses, failed = {}, 0, 0, 0, 0
  for _, sys in ipairs(SYSTEMS) do T[sys] = {r1 = 0, r2 = 0, rl = 0, words = 0} end
  local lines = {}
  for n = 0, 999 do
    local path = fmt("%s/%03d.story", dir, n)
    local text = readfile(path)
    if text then
      local body, ref = story(text)
      local a, err = lede.parse(unfurnish(body), {path = path})
      if not a then
        io.stderr:write(fmt("eval: %s: %s\n", path, err))
        failed = failed + 1
      else
        files = files + 1
        local got, sc = summaries(a), {}
        for _, sys in ipairs(SYSTEMS) do
          sc[sys] = rouge.scores(got[sys], ref)
          for k, v in pairs(sc[sys]) do T[sys][k] = T[sys][k] + v end
          T[sys].words = T[sys].words + words(got[sys])
        end
        if sc.lede.r1 > sc["Lead-3"].r1 + 1e-12 then wins = wins + 1
        elseif sc.lede.r1 < sc["Lead-3"].r1 - 1e-12 then losses = losses + 1 end
        lines[#lines + 1] = fmt("  %03d  lede %.3f %.3f %.3f  Lead-3 %.3f %.3f %.3f", n,
          sc.lede.r1, sc.lede.r2, sc.lede.rl,
          sc["Lead-3"].r1, sc["Lead-3"].r2, sc["Lead-3"].rl)
      end
    end
  end
  if files == 0 then
    print(fmt("summary: no stories in %s", dir))
    return failed
  end
  local out = {
    fmt("summary: %s, %d stories; ROUGE F1, mean per story (lower case, no stemming)", dir, files),
    "  system    ROUGE-1  ROUGE-2  ROUGE-L  words",
  }
  for _, sys in ipairs(SYSTEMS) do
    local t = T[sys]
    out[#out + 1] = fmt("  %-8s  %7.4f  %7.4f  %7.4f  %5.1f", sys, t.r1 / files,
                        t.r2 / files, t.rl / files, t.words / files)
  end
  out[#out + 1] = fmt("  lede vs Lead-3 on ROUGE-1: better on %d stories, worse on %d, same on %d",
                      wins, losses, files - wins - losses)
  print(concat(out, "\n"))
  if verbose then print(concat(lines, "\n")) end
  return failed
end

return {run = run, story = story, unfurnish = unfurnish}
