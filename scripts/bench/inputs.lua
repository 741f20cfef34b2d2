-- inputs.lua: make the inputs of `make bench` from a corpus of articles.
-- Usage: lua5.4 scripts/bench/inputs.lua CORPUS_DIR OUT_DIR
-- Writes into OUT_DIR (once; a stamp file says it is done):
--   cat10.txt     whole corpus files back to back, up to 10,000,000 bytes
--   cat100.txt    cat10.txt ten times (so the size ratio is exactly 10)
--   cat1.txt      the same up to 1,000,000 bytes
--   single10.txt  one article: a title, then corpus body paragraphs (lines
--                 of 150 bytes and more) up to 10,000,000 bytes
--   single1.txt   the same up to 1,000,000 bytes
--   articles/     20,000 small articles, the corpus files in turn
-- Nothing here is kept in the repository: the text is the corpus's.

local open, popen, format = io.open, io.popen, string.format
local concat, sort = table.concat, table.sort
local ipairs, assert = ipairs, assert

local MB = 1000000
local ARTICLES = 20000
local PARAGRAPH_MIN = 150   -- shorter lines are headlines, bylines, furniture
local STAMP = "inputs-v1"

local corpus, out = arg[1], arg[2]
if not corpus or not out then
  io.stderr:write("usage: lua5.4 scripts/bench/inputs.lua CORPUS_DIR OUT_DIR\n")
  os.exit(2)
end

local function readfile(path)
  local f = assert(open(path, "rb"))
  local s = f:read("a")
  f:close()
  return s
end

local function writefile(path, s)
  local f = assert(open(path, "wb"))
  f:write(s)
  assert(f:close())
end

local function corpus_files()
  local p = assert(popen(format("ls %q", corpus)))
  local list = {}
  for name in p:lines() do
    if name:match("%.txt$") then list[#list + 1] = corpus .. "/" .. name end
  end
  p:close()
  sort(list)
  return list
end

-- Whole pieces, in turn from the start, while they fit in `limit` bytes.
local function fill(pieces, limit, sep)
  local out_, size, i = {}, 0, 0
  while true do
    local piece = pieces[i % #pieces + 1]
    local add = #piece + (#out_ > 0 and #sep or 0)
    if size + add > limit then break end
    out_[#out_ + 1] = piece
    size = size + add
    i = i + 1
  end
  return concat(out_, sep)
end

local function body_paragraphs(texts)
  local list = {}
  for _, text in ipairs(texts) do
    for line in text:gmatch("[^\n]+") do
      if #line >= PARAGRAPH_MIN then list[#list + 1] = line end
    end
  end
  return list
end

local function main()
  local stamp = open(out .. "/.stamp", "r")
  if stamp and stamp:read("a") == STAMP then stamp:close() return end
  if stamp then stamp:close() end
  assert(os.execute(format("rm -rf %q && mkdir -p %q/articles", out, out)))
  local files = corpus_files()
  assert(#files > 0, "no .txt files in " .. corpus)
  local texts = {}
  for i, path in ipairs(files) do
    local s = readfile(path)
    texts[i] = s:sub(-1) == "\n" and s or s .. "\n"
  end
  local cat10 = fill(texts, 10 * MB, "\n")
  writefile(out .. "/cat10.txt", cat10)
  writefile(out .. "/cat100.txt", string.rep(cat10, 10))
  writefile(out .. "/cat1.txt", fill(texts, MB, "\n"))
  local title = "One Long Article Made of Corpus Paragraphs\n\n"
  local paras = body_paragraphs(texts)
  writefile(out .. "/single10.txt", title .. fill(paras, 10 * MB - #title, "\n\n") .. "\n")
  writefile(out .. "/single1.txt", title .. fill(paras, MB - #title, "\n\n") .. "\n")
  for i = 1, ARTICLES do
    writefile(format("%s/articles/%05d.txt", out, i), texts[(i - 1) % #texts + 1])
  end
  writefile(out .. "/.stamp", STAMP)
end

main()
