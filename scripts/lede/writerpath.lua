-- lede.writerpath: where lede.writers finds writers it does not embed.
-- Installs an __index on lede.writers so that lede.writers.NAME, the CLI's
-- -t NAME and article:to(NAME) all look, in order, at: the embedded and
-- assigned writers (plain fields), a path (NAME contains "/" or ends in
-- ".lua": "-t ./rss.lua"), then NAME.lua in each directory of LEDE_PATH
-- (separated by ":"), then ~/.config/lede/writers (XDG_CONFIG_HOME).
-- A writer file returns a function(article, opts) or a table with write.

local getenv, open = os.getenv, io.open
local loadfile, type, error, setmetatable = loadfile, type, error, setmetatable
local ipairs, rawset = ipairs, rawset
local gmatch, find = string.gmatch, string.find

local function exists(path)
  local f = open(path, "r")
  if f then f:close() return true end
  return false
end

-- Directories searched for NAME.lua, in order.
local function dirs()
  local list = {}
  for dir in gmatch(getenv("LEDE_PATH") or "", "[^:]+") do list[#list + 1] = dir end
  local config = getenv("XDG_CONFIG_HOME")
  if config == "" then config = nil end
  if not config and getenv("HOME") then config = getenv("HOME") .. "/.config" end
  if config then list[#list + 1] = config .. "/lede/writers" end
  return list
end

local function locate(name)
  if find(name, "/", 1, true) or find(name, "%.lua$") then
    return exists(name) and name or nil
  end
  if not find(name, "^[%w_%-]+$") then return nil end
  for _, dir in ipairs(dirs()) do
    local path = dir .. "/" .. name .. ".lua"
    if exists(path) then return path end
  end
  return nil
end

-- Load the writer file at path; raises with the file's own error.
local function load_writer(path)
  local chunk, err = loadfile(path)
  if not chunk then error(err, 0) end
  local w = chunk()
  if type(w) ~= "function" and not (type(w) == "table" and type(w.write) == "function") then
    error(path .. ": a writer must return a function or a table with 'write'", 0)
  end
  return w
end

local function install(writers)
  if not (loadfile and open) then return writers end  -- a sandbox: embedded only
  return setmetatable(writers, {
    __index = function(t, name)
      if type(name) ~= "string" then return nil end
      local path = locate(name)
      if not path then return nil end
      local w = load_writer(path)
      rawset(t, name, w)
      return w
    end,
  })
end

return { install = install, locate = locate }
