-- lede.writers.yaml: the article's data as a YAML document (no source).
-- article:to("yaml") or `lede -t yaml ARTICLE`.

local data = require("lede.data").data
local lede = require "lede"

local function write(article)
  return lede.yaml.dump(data(article))
end

return { write = write }
