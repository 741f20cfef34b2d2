-- lede.readers: articles from structured input. Wraps lede.parse and
-- lede.load (installed by luaopen_lede) so that both read, besides plain
-- text, the JSON and YAML that `-t json` and `-t yaml` write and Markdown
-- with a YAML front matter. The format is opts.format when given, else
-- the file's extension, else a look at the content; plain text goes to
-- the C parser untouched. Structured input is not classified again: its
-- blocks go to lede.build as they are.

local type, ipairs, pairs, pcall, tostring = type, ipairs, pairs, pcall, tostring
local tonumber = tonumber
local tointeger = math.tointeger
local open = io.open
local find, match, sub, lower, format = string.find, string.match, string.sub,
  string.lower, string.format

local FORMATS = { text = true, json = true, yaml = true, markdown = true }

-- Block kinds a JSON or YAML article may hold (lede_block_kind_name).
local KINDS = {
  title = true, subtitle = true, image = true, paragraph = true, byline = true,
  bio = true, boilerplate = true, heading = true, list_item = true,
}

local EXTENSIONS = {
  txt = "text", text = "text", json = "json", yaml = "yaml", yml = "yaml",
  md = "markdown", markdown = "markdown",
}

-- A YAML front matter: "---" on the first line (after a BOM), the block,
-- then "---" or "..." on a line of its own. Returns it and the body, or
-- nil and the whole text.
local function front_matter(s)
  local start = sub(s, 1, 3) == "\239\187\191" and 4 or 1
  local open_end = match(s, "^%-%-%-[ \t]*\r?\n()", start)
  if not open_end then return nil, s end
  local pos = open_end
  while pos <= #s do
    local line_end = find(s, "\n", pos, true) or #s + 1
    local line = sub(s, pos, line_end - 1)
    if match(line, "^%-%-%-[ \t]*\r?$") or match(line, "^%.%.%.[ \t]*\r?$") then
      return sub(s, open_end, pos - 1), sub(s, line_end + 1)
    end
    pos = line_end + 1
  end
  return nil, s
end

-- The format of `text` (named `path`, may be nil) when opts do not say.
local function detect(text, path)
  local ext = path and match(path, "%.([%w]+)$")
  if ext and EXTENSIONS[lower(ext)] then return EXTENSIONS[lower(ext)] end
  local first = match(text, "^%s*(.)", sub(text, 1, 3) == "\239\187\191" and 4 or 1)
  if first == "{" then return "json" end
  if front_matter(text) then return "markdown" end
  return "text"
end

-- The list at a field of the data, or an empty one for anything else (a
-- number would make ipairs raise).
local function list_of(v)
  return type(v) == "table" and v or {}
end

-- Array of strings or {text=} tables as paragraph blocks.
local function add_texts(blocks, list, kind)
  for _, p in ipairs(list_of(list)) do
    local text = type(p) == "table" and p.text or p
    if type(text) == "string" then blocks[#blocks + 1] = {kind = kind, text = text} end
  end
end

local function add_images(blocks, images)
  for _, im in ipairs(list_of(images)) do
    if type(im) == "string" then im = {caption = im} end
    if type(im) == "table" then
      blocks[#blocks + 1] = {kind = "image", text = im.caption or im.text or "",
                             credit = im.credit}
    end
  end
end

-- Authors as {name=, bio=, links=} tables (a bare string is a name).
local function authors_of(list)
  local out = {}
  if type(list) == "string" then list = {list} end
  for _, au in ipairs(type(list) == "table" and list or {}) do
    if type(au) == "string" then au = {name = au} end
    if type(au) == "table" and type(au.name) == "string" then
      out[#out + 1] = {name = au.name, bio = au.bio, links = au.links}
    end
  end
  return out
end

-- A text field t[key] as lede.build takes it: a string, a number as it
-- reads ("title: 2016", JSON's 2016.0 too), or nil; a table or a boolean
-- is bad data, which must come back as nil and a message (`what` names
-- the field in it), not raise in lede.build.
local function text_field(t, key, what)
  local v = t[key]
  if type(v) == "number" then t[key] = tostring(tointeger(v) or v)
  elseif v ~= nil and type(v) ~= "string" then
    return nil, format("%s must be a string, not a %s", what, type(v))
  end
  return true
end

-- Check and normalise the fields of a spec in place (its tables are the
-- reader's own; an author's links are copied before they change).
local function check_spec(spec)
  local ok, err
  for i, b in ipairs(spec.blocks) do
    for _, key in ipairs({"text", "credit"}) do
      ok, err = text_field(b, key, format("block %d: field '%s'", i, key))
      if not ok then return nil, err end
    end
  end
  for i, au in ipairs(spec.authors) do
    ok, err = text_field(au, "bio", format("author %d: field 'bio'", i))
    if not ok then return nil, err end
    if au.links ~= nil then
      local links = {}
      for j, l in ipairs(list_of(au.links)) do
        links[j] = l
        ok, err = text_field(links, j, format("author %d: link %d", i, j))
        if not ok then return nil, err end
      end
      au.links = links
    end
  end
  return spec
end

-- The lede.build spec for an article's data table (the -t json schema):
-- its blocks when it has them, else title, subtitle, images, paragraphs.
local function spec_of(data, path)
  if type(data) ~= "table" then return nil, "not an article (a table expected)" end
  local blocks = {}
  if type(data.blocks) == "table" and #data.blocks > 0 then
    for i, b in ipairs(data.blocks) do
      if type(b) ~= "table" or not KINDS[b.kind] then
        return nil, format("block %d: unknown kind '%s'", i,
                           tostring(type(b) == "table" and b.kind or b))
      end
      do
        blocks[#blocks + 1] = {kind = b.kind, text = b.text or b.caption, credit = b.credit}
      end
    end
  else
    if data.title then blocks[1] = {kind = "title", text = data.title} end
    if data.subtitle then blocks[#blocks + 1] = {kind = "subtitle", text = data.subtitle} end
    add_images(blocks, data.images)
    add_texts(blocks, data.paragraphs or data.body, "paragraph")
  end
  return {blocks = blocks, authors = authors_of(data.authors or data.author),
          path = path or data.path}
end

-- Markdown: the front matter gives title, subtitle, authors and images;
-- the body's blocks come from cmark.
local function markdown_spec(lede, text, path)
  local fm, body = front_matter(text)
  local meta = {}
  if fm then
    local m, err = lede.yaml.load(fm)
    if m == nil and err then return nil, "front matter: " .. err end
    if type(m) == "table" then meta = m end
  end
  local blocks = {}
  if meta.title then blocks[1] = {kind = "title", text = meta.title} end
  local dek = meta.subtitle or meta.dek or meta.description
  if dek then blocks[#blocks + 1] = {kind = "subtitle", text = dek} end
  add_images(blocks, meta.images or (meta.image and {meta.image}))
  local md = lede.markdown_blocks(body)
  -- A document with no title in its front matter takes its first heading.
  local start = 1
  if not meta.title and md[1] and md[1].kind == "heading" then
    blocks[#blocks + 1] = {kind = "title", text = md[1].text}
    start = 2
  end
  for i = start, #md do blocks[#blocks + 1] = md[i] end
  return {blocks = blocks, authors = authors_of(meta.authors or meta.author), path = path}
end

local function decode(lede, fmt, text)
  if fmt == "json" then
    local ok, data, err = pcall(lede.json.decode, text)
    if not ok then return nil, tostring(data) end
    if data == nil then return nil, err end
    return data
  end
  return lede.yaml.load(text)
end

-- Read `text` as `fmt` into an article; nil, message on bad data.
-- libyaml says "... at line L column C"; a reader's message puts the
-- place first, as compilers do, so the command line can print
-- "FILE:L:C: yaml: ...".
local function position(err)
  local msg, line, col = match(tostring(err), "^(.-) at line (%d+) column (%d+)$")
  if msg then return format("%s:%s: %s", line, col, msg) end
  return err
end

local function read(lede, parse, text, fmt, opts, path)
  if fmt == "text" then
    return parse(text, {max_input = opts.max_input, path = path})
  end
  if opts.max_input and opts.max_input > 0 and #text > opts.max_input then
    return nil, format("larger than max_input (%d bytes)", #text)
  end
  local spec, err
  if fmt == "markdown" then
    spec, err = markdown_spec(lede, text, path)
  else
    local data
    data, err = decode(lede, fmt, text)
    if data ~= nil then spec, err = spec_of(data, path) end
  end
  if spec then spec, err = check_spec(spec) end
  if not spec then return nil, position(err or (fmt .. ": empty document")) end
  return lede.build(spec, {max_input = opts.max_input})
end

local function check_format(f, level)
  if f ~= nil and not FORMATS[f] then
    error(format("unknown format '%s' (known: json, markdown, text, yaml)", tostring(f)), level)
  end
end

-- opts without 'format', for the C functions that do not know it.
local function plain(opts)
  local o = {}
  for k, v in pairs(opts) do if k ~= "format" then o[k] = v end end
  return o
end

-- The C functions keep their names as upvalues `parse` and `load`, so a
-- caller's mistake raises with the same message as before the wrap.
local function install(lede)
  local parse, load = lede.parse, lede.load

  lede.parse = function(...)
    local text, opts = ...
    local given = type(opts) == "table" and opts.format or nil
    if type(text) ~= "string" or given == nil and detect(text,
        type(opts) == "table" and type(opts.path) == "string" and opts.path or nil) == "text" then
      return parse(...)
    end
    check_format(given, 2)
    if given == "text" then return parse(text, plain(opts)) end
    local fmt = given or detect(text, opts and opts.path)
    return read(lede, parse, text, fmt, opts or {}, opts and opts.path)
  end

  lede.load = function(...)
    local path, opts = ...
    local given = type(opts) == "table" and opts.format or nil
    if type(path) ~= "string" then return load(...) end
    check_format(given, 2)
    local o = type(opts) == "table" and plain(opts) or opts
    -- Plain text by name (.txt, or an extension no reader claims) goes
    -- straight to C, which reads the file itself.
    if given == "text" or (given == nil and match(path, "%.[%w]+$") and
                           detect("", path) == "text") then
      return load(path, o)
    end
    -- Within max_input, read one byte past it at most (enough to refuse
    -- it): /dev/zero or an endless FIFO must not be read whole.
    local limit = type(opts) == "table" and tonumber(opts.max_input) or 0
    local f = open(path, "rb")
    local text = f and f:read(limit > 0 and limit + 1 or "a")
    if f then f:close() end
    if text == nil then return load(path, o) end  -- C's message for it
    local fmt = given or detect(text, path)
    if fmt == "text" then return load(path, o) end
    local article, err = read(lede, parse, text, fmt, opts or {}, path)
    if not article then
      err = tostring(err)
      return nil, path .. (find(err, "^%d+:%d+: ") and ":" or ": ") .. err
    end
    return article
  end
end

return { install = install, detect = detect, front_matter = front_matter }
