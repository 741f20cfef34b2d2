-- lede.data: the article's data fields as one plain table, shared
-- by the json and yaml writers (and read back by their readers). 'source'
-- is left out: it repeats the whole input and would bury the rest.

local ipairs = ipairs

local FIELDS = {
  "title", "subtitle", "authors", "images", "paragraphs", "blocks",
  "boilerplate", "path",
}

local function data(article)
  local t = {}
  for _, k in ipairs(FIELDS) do t[k] = article[k] end
  return t
end

return { data = data, fields = FIELDS }
