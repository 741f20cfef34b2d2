-- run.lua: runs the command-line cases in tests/cli/*.cases against a
-- built lede and compares stdout, stderr and exit status exactly.
-- Usage: lua5.4 tests/cli/run.lua BUILD_DIR CASES_FILE...
-- Prints "ok N - name" or "not ok N - name" with a diff, then a last line
-- "N passed, N failed"; exits 1 when any case failed.
--
-- A case (see cli.cases) is:
--   === name
--   $ shell command        (several $ lines make one sh script)
--   <<<                    standard input, the lines below (optional)
--   >>>                    expected stdout, the lines below (default: none)
--   >>>2                   expected stderr, the lines below (default: none)
--   >>>= N                 expected exit status (default: 0)
-- The $ lines come first. Trailing blank lines of a section are dropped
-- (they separate cases), so an expected output cannot end with one.
-- Each case runs with sh in a fresh directory holding a copy of
-- tests/cli/data, with `lede` the built binary first on PATH, HOME a
-- scratch directory and LC_ALL=C (system error messages in English).

local concat, insert = table.concat, table.insert
local format = string.format

local build, files = arg[1], { table.unpack(arg, 2) }
local here = arg[0]:match("^(.*)/[^/]*$") or "."

local function sh(cmd)
  local p = assert(io.popen(cmd, "r"))
  local out = p:read("a")
  p:close()
  return out
end

local function quote(s)
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

local function writefile(path, text)
  local f = assert(io.open(path, "wb"))
  f:write(text)
  f:close()
end

local function readfile(path)
  local f = assert(io.open(path, "rb"))
  local text = f:read("a")
  f:close()
  return text
end

-- Parse one .cases file into { {name=, line=, cmd=, stdin=, stdout=,
-- stderr=, status=}, ... }.
local function parse(path)
  local cases, case, section = {}, nil, nil
  local n = 0
  for line in io.lines(path) do
    n = n + 1
    local name = line:match("^=== (.*)$")
    if name then
      case = { name = name, line = n, cmd = {}, stdin = {}, stdout = {},
               stderr = {}, status = 0 }
      insert(cases, case)
      section = nil
    elseif case == nil then
      -- comments before the first case
    elseif line:match("^%$ ") and section == nil then
      insert(case.cmd, line:sub(3))
    elseif line == "<<<" then
      section = case.stdin
    elseif line == ">>>" then
      section = case.stdout
    elseif line == ">>>2" then
      section = case.stderr
    elseif line:match("^>>>= ") then
      case.status = tonumber(line:match("^>>>= (%d+)$"))
        or error(format("%s:%d: bad status line", path, n))
      section = nil
    elseif section then
      insert(section, line)
    elseif line ~= "" then
      error(format("%s:%d: line outside a section: %s", path, n, line))
    end
  end
  for _, c in ipairs(cases) do  -- blank lines between cases are not output
    for _, t in ipairs({ c.stdin, c.stdout, c.stderr }) do
      while t[#t] == "" do t[#t] = nil end
    end
  end
  return cases
end

local function lines(t)
  return #t == 0 and "" or concat(t, "\n") .. "\n"
end

-- Run one case in scratch/case and return its stdout, stderr, status.
local function run(case, scratch, bindir)
  local dir = scratch .. "/case"
  sh("rm -rf " .. quote(dir) .. " && mkdir -p " .. quote(dir .. "/work")
     .. " && cp -R " .. quote(here .. "/data") .. "/. " .. quote(dir .. "/work"))
  writefile(dir .. "/cmd.sh", lines(case.cmd))
  writefile(dir .. "/stdin", lines(case.stdin))
  local status = sh(format(
    "cd %s && HOME=%s PATH=%s:\"$PATH\" LC_ALL=C sh ../cmd.sh"
    .. " < ../stdin > ../stdout 2> ../stderr; echo $?",
    quote(dir .. "/work"), quote(scratch), quote(bindir)))
  return readfile(dir .. "/stdout"), readfile(dir .. "/stderr"),
         tonumber(status)
end

-- Show how `got` differs from `want` (diff -u, labelled).
local function showdiff(label, want, got, scratch)
  writefile(scratch .. "/want", want)
  writefile(scratch .. "/got", got)
  io.write(format("  %s differs (- expected, + actual):\n", label))
  io.write(sh(format("diff -u --label expected --label actual %s %s | sed 's/^/    /'",
                     quote(scratch .. "/want"), quote(scratch .. "/got"))))
end

local function check(n, case, scratch, bindir)
  local out, err, status = run(case, scratch, bindir)
  local want_out, want_err = lines(case.stdout), lines(case.stderr)
  if out == want_out and err == want_err and status == case.status then
    io.write(format("ok %d - %s\n", n, case.name))
    return true
  end
  io.write(format("not ok %d - %s (%s:%d)\n", n, case.name, case.file, case.line))
  if out ~= want_out then showdiff("stdout", want_out, out, scratch) end
  if err ~= want_err then showdiff("stderr", want_err, err, scratch) end
  if status ~= case.status then
    io.write(format("  exit status %d, expected %d\n", status, case.status))
  end
  return false
end

local function main()
  local bindir = sh("cd " .. quote(build) .. " && pwd"):gsub("\n$", "")
  local scratch = sh("mktemp -d"):gsub("\n$", "")
  local passed, failed, n = 0, 0, 0
  for _, file in ipairs(files) do
    for _, case in ipairs(parse(file)) do
      n = n + 1
      case.file = file
      if check(n, case, scratch, bindir) then
        passed = passed + 1
      else
        failed = failed + 1
      end
    end
  end
  sh("rm -rf " .. quote(scratch))
  io.write(format("%d passed, %d failed\n", passed, failed))
  os.exit(failed == 0 and 0 or 1)
end

main()
