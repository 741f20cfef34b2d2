-- lede.article: the behaviour of article tables, written in Lua.
-- luaopen_lede (core/lua/module.c) loads this once: keys starting with "__"
-- go into the "lede.Article" metatable, the others into its __index table,
-- which is also `lede.Article`. Call them as article:text(), article:stats().

local concat, format = table.concat, string.format
local gmatch, ceil = string.gmatch, math.ceil
local utf8len, ipairs = utf8.len, ipairs
local type, error, require = type, error, require

-- Reading speed behind stats().minutes, in words a minute: the usual
-- figure for adults reading non-fiction on a screen.
local WORDS_PER_MINUTE = 230

-- The body: paragraph texts joined by blank lines.
local function text(article)
  local parts = {}
  for i, p in ipairs(article.paragraphs) do parts[i] = p.text end
  return concat(parts, "\n\n")
end

local function count_words(s)
  local n = 0
  for _ in gmatch(s, "%S+") do n = n + 1 end
  return n
end

-- words: whitespace-separated words of the body paragraphs;
-- characters: UTF-8 code points of article:text(), separators included;
-- minutes: reading time, rounded up, 0 only for an empty body.
local function stats(article)
  local body = text(article)
  local words = count_words(body)
  return {
    words = words,
    paragraphs = #article.paragraphs,
    characters = utf8len(body) or #body,
    minutes = ceil(words / WORDS_PER_MINUTE),
  }
end

-- article: "Headline" (9 paragraphs); the path stands in for a missing title.
local function tostring_article(article)
  local n = #article.paragraphs
  local name = article.title and format("%q", article.title)
               or article.path or "(untitled)"
  return format("article: %s (%d paragraph%s)", name, n, n == 1 and "" or "s")
end

-- article:to(format [, opts]): the article rendered by a writer
-- (lede.writers[format]: embedded, assigned, or found on LEDE_PATH).
local function to(article, format, opts)
  if type(format) ~= "string" then
    error("bad argument #1 to 'to' (format name expected)", 2)
  end
  local w = require("lede").writers[format]
  if type(w) == "table" then w = w.write end
  if type(w) ~= "function" then error("unknown format '" .. format .. "'", 2) end
  local out = w(article, opts or {})
  if type(out) ~= "string" then
    error("format '" .. format .. "' gave " .. type(out) .. ", not a string", 2)
  end
  return out
end

return {
  to = to,
  text = text,
  stats = stats,
  __tostring = tostring_article,
}
