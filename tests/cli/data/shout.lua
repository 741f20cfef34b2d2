-- shout.lua: adds a writer, to show -t finds lede.writers.NAME.
local lede = require "lede"
lede.writers = lede.writers or {}
lede.writers.shout = function(article) return article.title:upper() end
return true
