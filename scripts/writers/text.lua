-- lede.writers.text: the article as plain text, wrapped.
-- article:to("text" [, {width = 72}]) or `lede -t text ARTICLE`.
-- Title and dek, then each image as "[Image: caption (credit)]", the body
-- paragraphs and the authors, separated by blank lines. Lines are wrapped
-- at opts.width terminal columns (wide characters count two); a word
-- longer than the width stands on a line of its own.

local concat, ipairs, error, type = table.concat, ipairs, error, type
local gmatch, rep = string.gmatch, string.rep

local DEFAULT_WIDTH = 72

local width  -- lede.text.width, set on first use

local function wrap(s, cols)
  local lines, line, used = {}, {}, 0
  for word in gmatch(s, "%S+") do
    local w = width(word)
    if used > 0 and used + 1 + w > cols then
      lines[#lines + 1] = concat(line, " ")
      line, used = {}, 0
    end
    line[#line + 1] = word
    used = used + (used > 0 and 1 or 0) + w
  end
  if #line > 0 then lines[#lines + 1] = concat(line, " ") end
  return concat(lines, "\n")
end

-- A title underlined as wide as its longest line.
local function underline(s, ch)
  local cols = 0
  for line in gmatch(s, "[^\n]+") do
    if width(line) > cols then cols = width(line) end
  end
  return s .. "\n" .. rep(ch, cols)
end

local function write(article, opts)
  opts = opts or {}
  local cols = opts.width or DEFAULT_WIDTH
  if type(cols) ~= "number" or cols < 1 then
    error("option 'width' must be a positive number", 2)
  end
  width = width or require("lede").text.width
  local out = {}
  local function add(s) if s and s ~= "" then out[#out + 1] = s end end
  if article.title then add(underline(wrap(article.title, cols), "=")) end
  if article.subtitle then add(wrap(article.subtitle, cols)) end
  local images, paragraphs = 0, 0
  for _, b in ipairs(article.blocks) do
    if b.kind == "image" then
      images = images + 1
      local im = article.images[images]
      local credit = im.credit and (" (" .. im.credit .. ")") or ""
      add(wrap("[Image: " .. (im.caption or "") .. credit .. "]", cols))
    elseif b.kind == "paragraph" then
      paragraphs = paragraphs + 1
      add(wrap(article.paragraphs[paragraphs].text, cols))
    end
  end
  for _, au in ipairs(article.authors) do
    add(wrap("-- " .. au.name, cols))
    if au.bio then add(wrap(au.bio, cols)) end
  end
  return concat(out, "\n\n") .. "\n"
end

return { write = write, wrap = function(s, cols)
  width = width or require("lede").text.width
  return wrap(s, cols or DEFAULT_WIDTH)
end }
