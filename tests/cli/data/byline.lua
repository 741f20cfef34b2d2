-- byline.lua: a user's writer file, for -t PATH and LEDE_PATH.
return function(article)
  local names = {}
  for i, au in ipairs(article.authors) do names[i] = au.name end
  return (article.title or "untitled") .. " by " .. table.concat(names, ", ")
end
