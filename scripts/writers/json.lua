-- lede.writers.json: the article's data as JSON (sorted keys, no source).
-- article:to("json") or `lede -t json ARTICLE`.

local data = require("lede.data").data
local encode = require("lede.json").encode

local function write(article)
  return encode(data(article)) .. "\n"
end

return { write = write }
