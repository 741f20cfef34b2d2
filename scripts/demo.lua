-- demo.lua: what lede found in an article, for a first look.
-- Usage: lede scripts/demo.lua ARTICLE...   (make demo runs it on the
-- bundled sample, tests/fixtures/sample.txt)

local lede = require "lede"
local fmt, concat = string.format, table.concat

local function clip(s, n)
  s = s or ""
  if utf8.len(s) and utf8.len(s) > n then
    return s:sub(1, utf8.offset(s, n)) .. "…"
  end
  return s
end

local function show(a)
  local out = {}
  local function say(...) out[#out + 1] = fmt(...) end
  local st = a:stats()
  say("== %s", a.path or "article")
  say("title     %s", a.title or "(none)")
  say("subtitle  %s", a.subtitle or "(none)")
  for _, au in ipairs(a.authors) do
    say("author    %s  [%s]", au.name, concat(au.links, ", "))
    if au.bio then say("bio       %s", clip(au.bio, 70)) end
  end
  for _, im in ipairs(a.images) do
    say("image     %s", clip(im.caption, 70))
    say("credit    %s", im.credit or "(none)")
  end
  say("body      %d paragraphs, %d words, %d min read",
      st.paragraphs, st.words, st.minutes)
  say("")
  say("blocks (kind, line, bytes from-to, text):")
  for _, b in ipairs(a.blocks) do
    say("  %-11s %3d  %5d-%-5d %s", b.kind, b.line, b.from, b.to,
        clip(b.text, 48))
  end
  say("")
  say("set aside as boilerplate: %d lines", #a.boilerplate)
  say("")
  say("summary:")
  for _, s in ipairs(a:summary({sentences = 2})) do say("  %s", clip(s.text, 100)) end
  say("")
  say("quotations (%d sentences in the body):", #a:sentences())
  for _, q in ipairs(a:quotes()) do
    local who = q.speaker or "(unnamed)"
    local pad = string.rep(" ", math.max(1, 19 - lede.text.width(who)))
    say("  %s%s%s%s", who, pad, q.partial and "…" or "", clip(q.text, 60))
  end
  say("")
  for _, kind in ipairs({"person", "place", "organization"}) do
    local names = {}
    for _, e in ipairs(a:entities(kind)) do
      local extra = #e.roles > 0 and (" (" .. concat(e.roles, ", ") .. ")") or ""
      names[#names + 1] = e.name .. extra
    end
    say("%-13s %s", kind, concat(names, "; "))
  end
  local nums = {}
  for _, n in ipairs(a:numbers()) do
    local unit = n.unit and not n.text:find(n.unit, 1, true) and (" " .. n.unit) or ""
    nums[#nums + 1] = n.text .. unit .. " [" .. n.kind .. "]"
  end
  say("%-13s %s", "numbers", concat(nums, "; "))
  local kws = {}
  for _, k in ipairs(a:keywords(6)) do kws[#kws + 1] = k.term end
  say("%-13s %s", "keywords", concat(kws, ", "))
  say("")
  say("try:  build/lede %s     (a REPL with `article` bound)", a.path or "")
  say("      build/lede -t html --annotate %s > sample.html", a.path or "")
  say("      build/lede -t markdown %s", a.path or "")
  print(concat(out, "\n"))
end

if article then show(article) else
  io.stderr:write("usage: lede scripts/demo.lua ARTICLE...\n")
  os.exit(2)
end
