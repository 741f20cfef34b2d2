-- run.lua: tests of the html writer in a real browser (Debian's chromium,
-- headless). Run by tests/run.sh as `lede tests/browser/run.lua`; ends
-- with "N passed, N failed". Each test writes a page, has chromium load
-- it and serialise its DOM (--dump-dom), and checks what the browser
-- built, not what lede printed. A screenshot of the annotated sample is
-- kept in $BUILD/artifacts/annotate.png.

local lede = require "lede"
local fmt = string.format

local BUILD = os.getenv("BUILD") or "build"
local CHROMIUM = os.getenv("CHROMIUM") or "chromium"
local FLAGS = "--headless --no-sandbox --disable-gpu --hide-scrollbars "
  .. "--user-data-dir=" .. os.tmpname() .. ".chromium"

local passed, failed = 0, 0
local function check(name, ok, detail)
  if ok then
    passed = passed + 1
    print("ok - " .. name)
  else
    failed = failed + 1
    print("not ok - " .. name .. (detail and (": " .. detail) or ""))
  end
end

local function write_page(html)
  local path = os.tmpname() .. ".html"
  local f = assert(io.open(path, "wb"))
  f:write(html)
  f:close()
  return path
end

-- The DOM chromium built from the page at path, serialised.
local function dom(path)
  local p = assert(io.popen(fmt("%s %s --dump-dom 'file://%s' 2>/dev/null", CHROMIUM, FLAGS, path)))
  local out = p:read("a")
  p:close()
  return out
end

local function count(s, pattern)
  local n = 0
  for _ in s:gmatch(pattern) do n = n + 1 end
  return n
end

local CLASSES = {"quote", "speaker", "person", "place", "organization", "number"}

-- 1. The annotated sample: the browser has every mark the writer wrote,
-- one legend entry per class, and as many quote marks as lede found quotes.
local function annotated(path_in)
  local a = assert(lede.load(path_in))
  local html = a:to("html", {annotate = true})
  local page = write_page(html)
  local d = dom(page)
  check("chromium renders the annotated page", d:find("<article>", 1, true) ~= nil)
  for _, class in ipairs(CLASSES) do
    local pat = '<mark class="' .. class .. '"'
    local wrote, built = count(html, pat), count(d, pat)
    check(fmt("%s: %d marks written, %d in the DOM", class, wrote, built),
          wrote == built and built >= 2, "each class is in the legend and the body")
  end
  check(fmt("one quote mark per quotation (%d)", #a:quotes()),
        count(d, '<mark class="quote"') == #a:quotes() + 1)
  os.execute("mkdir -p " .. BUILD .. "/artifacts")
  local shot = BUILD .. "/artifacts/annotate.png"
  os.remove(shot)
  os.execute(fmt("%s %s --window-size=1000,2400 --screenshot=%s 'file://%s' >/dev/null 2>&1",
                 CHROMIUM, FLAGS, shot, page))
  local f = io.open(shot, "rb")
  local magic = f and f:read(8)
  if f then f:close() end
  check("screenshot kept in " .. shot, magic == "\137PNG\r\n\26\n")
  os.remove(page)
end

-- 2. Hostile text comes out inert: no script element, no event handler,
-- the title as text.
local HOSTILE = table.concat({
  "<script>document.title='pwned'</script> Council \"onmouseover=alert(1) x=\"",
  "",
  "</textarea><img src=x onerror=alert(2)> a dek",
  "",
  "The mayor said \"<script>document.body.innerHTML=''</script>\" at the meeting "
    .. "on Monday, and the council agreed to meet again next week.",
  "",
  "<iframe src=\"javascript:alert(3)\"></iframe> The vote was 5-2.",
  "",
}, "\n")

local function hostile()
  local a = assert(lede.parse(HOSTILE))
  for _, opts in ipairs({{}, {annotate = true}}) do
    local page = write_page(a:to("html", opts))
    local d = dom(page)
    local label = opts.annotate and " (annotated)" or ""
    check("no script element runs or exists" .. label,
          count(d, "<script") == 0 and not d:find("<title>pwned</title>", 1, true)
          and d:find("<title>&lt;script&gt;document.title='pwned'", 1, true) ~= nil)
    check("no element gets an event handler or a frame" .. label,
          not d:find("<[^>]* on%a+=") and not d:find("<iframe") and not d:find("<img"))
    os.remove(page)
  end
end

if os.execute(CHROMIUM .. " --version >/dev/null 2>&1") ~= true then
  print("not ok - chromium is not installed (make deps installs it)")
  print("0 passed, 1 failed")
  os.exit(1)
end
annotated(arg[1] or "tests/fixtures/sample.txt")
hostile()
print(fmt("%d passed, %d failed", passed, failed))
os.exit(failed == 0 and 0 or 1)
