-- valgrind.lua: every query and writer on the bound article, for
-- `make valgrind` (tests/valgrind.sh runs lede under memcheck with it).
local n = 0
local function count(t) n = n + #t end
count(article:sentences())
count(article:words())
count(article:find("the"))
count(article:find("%u%l+", {pattern = true}))
count(article:quotes())
count(article:entities())
count(article:entities({all = true}))
count(article:numbers())
count(article:keywords())
count(article:summary())
for _, fmt in ipairs({"markdown", "html", "text", "json", "yaml", "summary"}) do
  n = n + #article:to(fmt)
end
n = n + #article:to("html", {annotate = true})
assert(n > 0)
