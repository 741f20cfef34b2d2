-- lede.writers.summary: the article's extractive summary, one sentence a
-- line, in article order. article:to("summary" [, opts]) or
-- `lede -t summary ARTICLE`; opts are article:summary()'s (sentences,
-- words, ratio), the default three sentences.

local concat, ipairs, pairs = table.concat, ipairs, pairs

local function write(article, opts)
  local o = {}
  for k, v in pairs(opts or {}) do o[k] = v end
  o.text = nil
  local lines = {}
  for i, s in ipairs(article:summary(o)) do lines[i] = s.text end
  if #lines == 0 then return "" end
  return concat(lines, "\n") .. "\n"
end

return { write = write }
