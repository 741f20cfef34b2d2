-- lede.writers.markdown: the article as CommonMark.
-- article:to("markdown") or `lede -t markdown ARTICLE`. The title is an
-- ATX heading, the dek emphasis, each image a block quote holding its
-- caption and credit, the body paragraphs as they are (quotation marks
-- untouched), then the authors and their bios after a thematic break.
-- Text is escaped so that nothing in it becomes markup.

local concat, ipairs = table.concat, ipairs
local gsub, find = string.gsub, string.find

-- Inline markup characters, escaped wherever they stand: CommonMark lets
-- any ASCII punctuation be backslash-escaped, so this is always safe.
local INLINE = "([\\`*_%[%]<>!&|~])"

-- A paragraph's start that would open a block: a heading, list item,
-- block quote, thematic break, setext underline or code fence.
local function escape_start(s)
  s = gsub(s, "^(%d+)([.)])", "%1\\%2")
  s = gsub(s, "^([#>+=%-])", "\\%1")
  return s
end

local function escape(s)
  s = gsub(s, INLINE, "\\%1")
  s = gsub(s, "\n", " ")
  return escape_start(s)
end

local function image(im)
  local out = "> " .. escape(im.caption or "")
  if im.credit then out = out .. " *(" .. escape(im.credit) .. ")*" end
  return out
end

local function authors(article, out)
  if #article.authors == 0 then return end
  out[#out + 1] = "---"
  for _, au in ipairs(article.authors) do
    out[#out + 1] = "**" .. escape(au.name) .. "**"
    if au.bio then out[#out + 1] = escape(au.bio) end
  end
end

-- Blocks in article order; bylines, bios and boilerplate are left for
-- the end (or out).
local function body(article, out)
  local images, paragraphs = 0, 0
  for _, b in ipairs(article.blocks) do
    if b.kind == "image" then
      images = images + 1
      out[#out + 1] = image(article.images[images])
    elseif b.kind == "paragraph" then
      paragraphs = paragraphs + 1
      out[#out + 1] = escape(article.paragraphs[paragraphs].text)
    end
  end
end

local function write(article)
  local out = {}
  if article.title then out[#out + 1] = "# " .. escape(article.title) end
  if article.subtitle then
    out[#out + 1] = "*" .. escape(article.subtitle) .. "*"
  end
  body(article, out)
  authors(article, out)
  return concat(out, "\n\n") .. "\n"
end

return { write = write, escape = escape }
