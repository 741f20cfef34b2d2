-- lede.writers.html: the article as a complete HTML5 document.
-- article:to("html" [, {annotate = true}]) or `lede -t html [--annotate]`.
-- <article> holds an <h1>, the dek, a <figure> per image, the body <p>s
-- and an <address> per author; all text is escaped, the CSS is inline so
-- the page needs no network. With opts.annotate the body marks what lede
-- found (quotations, speakers, people, places, organisations, numbers)
-- and a legend says which colour is which.

local concat, ipairs, sort = table.concat, ipairs, table.sort
local gsub, sub, format = string.gsub, string.sub, string.format
local clean = nil  -- set lazily: lede.text.clean

local ESCAPES = {
  ["&"] = "&amp;", ["<"] = "&lt;", [">"] = "&gt;", ['"'] = "&quot;",
  ["'"] = "&#39;",
}

-- Escape text for element content and attribute values alike; control
-- characters other than tab and newline are dropped (HTML forbids them).
local function escape(s)
  s = gsub(s, "[%z\1-\8\11\12\14-\31\127]", "")
  return (gsub(s, "[&<>\"']", ESCAPES))
end

local CSS = [[
body { margin: 0; background: #fdfdfb; color: #1d1d1b;
  font: 18px/1.6 Georgia, "Times New Roman", serif; }
article { max-width: 40em; margin: 2em auto; padding: 0 1em; }
h1 { font-size: 2.1em; line-height: 1.2; margin: 0 0 .3em; }
.dek { font-size: 1.2em; color: #555; font-style: italic; margin-top: 0; }
figure { margin: 1.5em 0; padding: .6em .9em; background: #f1f0ea;
  border-left: 4px solid #c9c6b8; }
figcaption { font-size: .9em; color: #444; }
.credit { display: block; font-size: .8em; color: #777; }
address { font-style: normal; border-top: 1px solid #ddd; margin-top: 2em;
  padding-top: 1em; }
address .bio { font-size: .9em; color: #555; }
mark { background: none; border-bottom: 2px solid; padding: 0 1px; }
.quote { background: #fff4c2; border-bottom-color: #e0b400; }
.speaker { border-bottom-color: #c0392b; font-weight: bold; }
.person { border-bottom-color: #2e86de; }
.place { border-bottom-color: #27ae60; }
.organization { border-bottom-color: #8e44ad; }
.number { border-bottom-color: #d35400; border-bottom-style: dashed; }
.legend { font: 14px/1.4 sans-serif; margin: 1em 0 2em; padding: .5em;
  border: 1px solid #ddd; }
.legend mark { margin-right: .8em; }
]]

local LEGEND = {
  {"quote", "quotation"}, {"speaker", "speaker"}, {"person", "person"},
  {"place", "place"}, {"organization", "organisation"}, {"number", "number"},
}

local function legend()
  local out = {'<p class="legend">'}
  for _, l in ipairs(LEGEND) do
    out[#out + 1] = format('<mark class="%s">%s</mark>', l[1], l[2])
  end
  out[#out + 1] = "</p>"
  return concat(out)
end

-- Marks of the body, {from=, to=, class=, title=} each, from lede's
-- queries; only marks that nest inside each other are kept.
local function collect_marks(article)
  local marks = {}
  local function add(from, to, class, title)
    if from and to and to >= from then
      marks[#marks + 1] = {from = from, to = to, class = class, title = title}
    end
  end
  for _, q in ipairs(article:quotes()) do
    add(q.from, q.to, "quote", q.speaker and ("quote: " .. q.speaker) or "quote")
    add(q.speaker_from, q.speaker_to, "speaker", q.speaker)
  end
  for _, e in ipairs(article:entities()) do
    for _, m in ipairs(e.mentions) do add(m.from, m.to, e.kind, e.name) end
  end
  for _, n in ipairs(article:numbers()) do
    add(n.from, n.to, "number", n.kind .. (n.unit and (": " .. n.unit) or ""))
  end
  -- Outer marks first: earlier start, then longer.
  sort(marks, function(a, b)
    if a.from ~= b.from then return a.from < b.from end
    if a.to ~= b.to then return a.to > b.to end
    return a.class < b.class
  end)
  return marks
end

-- Render source bytes from..to with the marks inside them; text between
-- marks is cleaned as lede cleans paragraph text (whitespace squeezed).
local function render(src, from, to, marks, i, out)
  local pos = from
  while marks[i] and marks[i].from <= to do
    local m = marks[i]
    if m.from < pos or m.to > to then  -- crosses a boundary: skip it
      i = i + 1
    else
      out[#out + 1] = escape(clean(sub(src, pos, m.from - 1), true))
      out[#out + 1] = format('<mark class="%s" title="%s">', m.class,
                             escape(m.title or m.class))
      i = render(src, m.from, m.to, marks, i + 1, out)
      out[#out + 1] = "</mark>"
      pos = m.to + 1
    end
  end
  out[#out + 1] = escape(clean(sub(src, pos, to), true))
  return i
end

local function annotated(article, p, marks, state)
  local out = {}
  while marks[state.i] and marks[state.i].to < p.from do state.i = state.i + 1 end
  state.i = render(article.source, p.from, p.to, marks, state.i, out)
  return concat(out)
end

local function figure(im)
  local out = {"<figure><figcaption>", escape(im.caption or "")}
  if im.credit then
    out[#out + 1] = '<span class="credit">' .. escape(im.credit) .. "</span>"
  end
  out[#out + 1] = "</figcaption></figure>"
  return concat(out)
end

local function address(au)
  local out = {'<address><strong class="author">', escape(au.name), "</strong>"}
  if au.bio then
    out[#out + 1] = '<p class="bio">' .. escape(au.bio) .. "</p>"
  end
  out[#out + 1] = "</address>"
  return concat(out)
end

local function body(article, opts, out)
  local marks = opts.annotate and collect_marks(article)
  local state = {i = 1}
  local images, paragraphs = 0, 0
  for _, b in ipairs(article.blocks) do
    if b.kind == "image" then
      images = images + 1
      out[#out + 1] = figure(article.images[images])
    elseif b.kind == "paragraph" then
      paragraphs = paragraphs + 1
      local p = article.paragraphs[paragraphs]
      local html = marks and annotated(article, p, marks, state)
                   or escape(p.text)
      out[#out + 1] = "<p>" .. html .. "</p>"
    end
  end
end

local function write(article, opts)
  opts = opts or {}
  clean = clean or require("lede").text.clean
  local title = article.title or article.path or "Article"
  local out = {
    "<!DOCTYPE html>",
    '<html lang="en">',
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="generator" content="lede">',
    "<title>" .. escape(title) .. "</title>",
    "<style>\n" .. CSS .. "</style>",
    "</head>",
    "<body>",
    "<article>",
  }
  if article.title then out[#out + 1] = "<h1>" .. escape(article.title) .. "</h1>" end
  if article.subtitle then
    out[#out + 1] = '<p class="dek">' .. escape(article.subtitle) .. "</p>"
  end
  if opts.annotate then out[#out + 1] = legend() end
  body(article, opts, out)
  for _, au in ipairs(article.authors) do out[#out + 1] = address(au) end
  out[#out + 1] = "</article>"
  out[#out + 1] = "</body>"
  out[#out + 1] = "</html>"
  return concat(out, "\n") .. "\n"
end

return { write = write, escape = escape }
