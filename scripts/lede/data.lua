-- lede.data: the article's data fields as one plain table, shared
-- by the json and yaml writers (and read back by their readers). 'source'
-- is left out: it repeats the whole input and would bury the rest.

local ipairs, type = ipairs, type
local utf8len, sub, concat = utf8.len, string.sub, table.concat

local FIELDS = {
  "title", "subtitle", "authors", "images", "paragraphs", "blocks",
  "boilerplate", "path",
}

-- U+FFFD for each byte of s that is not UTF-8. A path is bytes (a file
-- named in Latin-1 is a good name) but YAML takes only UTF-8: the yaml
-- writer gave nil for such an article. The other fields are clean text.
local function valid_utf8(s)
  local out, pos = {}, 1
  while true do
    local n, bad = utf8len(s, pos)
    if n then
      out[#out + 1] = sub(s, pos)
      return concat(out)
    end
    out[#out + 1] = sub(s, pos, bad - 1)
    out[#out + 1] = "\239\191\189"
    pos = bad + 1
  end
end

local function data(article)
  local t = {}
  for _, k in ipairs(FIELDS) do t[k] = article[k] end
  if type(t.path) == "string" then t.path = valid_utf8(t.path) end
  return t
end

return { data = data, fields = FIELDS }
