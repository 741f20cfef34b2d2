-- corpus_spec.lua: span invariants over every article of ../shared/corpus
-- and over tests/fixtures/*.txt: each block lies inside the source, in
-- order, without overlap, and its raw bytes give its text. Skipped, with a
-- note, when the corpus is absent (it lives beside the repository).
-- Run: LUA_CPATH="build/?.so;;" lua5.4 /usr/bin/busted tests/lua

local lede = require "lede"

local CORPUS = "../shared/corpus"

local function txt_files(dir)
  local list = {}
  local p = io.popen('ls "' .. dir .. '" 2>/dev/null')
  for name in p:lines() do
    if name:match("%.txt$") then list[#list + 1] = dir .. "/" .. name end
  end
  p:close()
  table.sort(list)
  return list
end

-- Whitespace normalised as block texts are: no-break spaces count as
-- spaces, runs become one space, ends are trimmed.
local function normalise(raw)
  return (raw:gsub("\194\160", " "):gsub("%s+", " "):gsub("^ ", ""):gsub(" $", ""))
end

-- Boilerplate texts also drop the list bullets that start lines.
local BULLETS = {"\226\128\162", "\194\183", "%*", "%-"}
local function unbullet(raw)
  raw = "\n" .. raw
  for _, b in ipairs(BULLETS) do raw = raw:gsub("\n[ \t]*" .. b .. "[ \t]+", "\n") end
  return raw
end

local function gives_text(b, raw)
  if b.kind == "image" then return normalise(raw):find(b.text, 1, true) end
  return normalise(raw) == b.text or normalise(unbullet(raw)) == b.text
end

-- Every failure found in one article, as "file: block N: what" lines.
local function check_article(path, article, problems)
  local last = 0
  for i, b in ipairs(article.blocks) do
    local where = ("%s: block %d (%s)"):format(path, i, b.kind)
    if not (b.from >= 1 and b.to <= #article.source and b.to >= b.from - 1) then
      problems[#problems + 1] = where .. ": span outside the source"
    elseif b.from <= last then
      problems[#problems + 1] = where .. ": overlaps or precedes the block before"
    else
      local raw = article.source:sub(b.from, b.to)
      -- Invalid UTF-8 reads as U+FFFD in texts, so only its bounds are checked.
      if not gives_text(b, raw) and utf8.len(raw) then
        problems[#problems + 1] = where .. ": raw bytes do not give the text"
      end
    end
    last = b.to
  end
end

local function check_all(files)
  local problems = {}
  for _, path in ipairs(files) do
    local article, err = lede.load(path)
    if article then check_article(path, article, problems)
    else problems[#problems + 1] = err end
  end
  assert.same({}, problems)
end

describe("span invariants", function()
  it("hold on the fixtures", function()
    check_all(txt_files("tests/fixtures"))
  end)

  local files = txt_files(CORPUS)
  if #files == 0 then
    print("corpus_spec: " .. CORPUS .. " is absent; corpus checks skipped")
    pending("corpus checks: " .. CORPUS .. " is absent")
  else
    it("hold on all " .. #files .. " corpus articles", function()
      check_all(files)
    end)
  end
end)
