-- bench.lua: the table of `make bench` (see BENCHMARKS.md). Times lede
-- against a baseline run on the same machine in the same run, so that
-- only ratios count, and prints each ratio next to its goal.
-- Usage: lua5.4 scripts/bench/bench.lua BUILD_DIR INPUT_DIR
--   BUILD_DIR holds lede and measure (make bench builds build-bench/);
--   INPUT_DIR is what scripts/bench/inputs.lua wrote.
-- Environment: BENCH_RUNS (default 3) runs per measurement; the minimum
-- of the runs gives the ratios (noise on a shared machine only adds
-- time), the median is shown beside it; BENCH_ONLY=queries runs only the
-- per-query growth rows. Times are CPU seconds (user +
-- system) unless a row says "wall": on a shared 2-core machine a process
-- may wait for a core as long as it runs, and only the work is lede's.

local format, rep, concat = string.format, string.rep, table.concat
local sort, insert = table.sort, table.insert
local popen, open, getenv = io.popen, io.open, os.getenv
local ipairs, tonumber, tostring, assert = ipairs, tonumber, tostring, assert

local build, inputs = arg[1], arg[2]
local RUNS = tonumber(getenv("BENCH_RUNS") or "") or 3
local STARTS = 20        -- start-ups timed back to back per run
local MB = 1000000
local LEDE = build .. "/lede"
local MEASURE = build .. "/measure"
local ANALYSE = "scripts/bench/analyse.lua"
local PEERS = "build/peers/node_modules"
local QUERY_GROWTH_MAX = 12  -- a query's 1 MB -> 10 MB time ratio, at most

local function quote(s)
  if s:match("^[%w%./_=-]+$") then return s end
  return "'" .. s:gsub("'", "'\\''") .. "'"
end

local function shell(cmd)
  local p = assert(popen(cmd))
  local out = p:read("a")
  p:close()
  return out
end

local function size(path)
  local f = assert(open(path, "rb"))
  local n = f:seek("end")
  f:close()
  return n
end

local function exists(path)
  local f = open(path, "r")
  if f then f:close() end
  return f ~= nil
end

local function have(program)
  return shell("command -v " .. program .. " 2>/dev/null") ~= ""
end

local function median(t)
  local s = { table.unpack(t) }
  sort(s)
  local n = #s
  return n % 2 == 1 and s[(n + 1) // 2] or (s[n // 2] + s[n // 2 + 1]) / 2
end

-- Run argv RUNS times (each run `n` executions back to back) through
-- measure; returns {min=, median=, rss= (bytes, largest), status=} of
-- CPU time, or of wall time when opts.wall is set.
-- `env` is a prefix of VAR=value words, `stdin` a file for standard input.
local function time(argv, opts)
  opts = opts or {}
  local words = {}
  for i, w in ipairs(argv) do words[i] = quote(w) end
  local cmd = format("%s%s -n %d -i %s -e %s %s", opts.env and opts.env .. " " or "",
    MEASURE, opts.n or 1, quote(opts.stdin or "/dev/null"),
    quote(inputs .. "/stderr.log"), concat(words, " "))
  local secs, worst, status = {}, 0, 0
  for _ = 1, opts.runs or RUNS do
    local wall, cpu, kb, st = shell(cmd):match("^(%S+) (%S+) (%S+) (%S+)")
    assert(wall, "measure failed: " .. cmd)
    local t = opts.wall and wall or cpu
    insert(secs, tonumber(t))
    if tonumber(kb) > worst then worst = tonumber(kb) end
    if st ~= "0" then status = tonumber(st) end
  end
  local min = secs[1]
  for _, s in ipairs(secs) do if s < min then min = s end end
  if status ~= 0 then
    io.stderr:write(format("bench: exit status %d from: %s\n", status, cmd))
  end
  return { min = min, median = median(secs), rss = worst * 1024, status = status }
end

-- Figures as people read them.
local function secs(s)
  if s < 0.01 then return format("%.2f ms", s * 1000) end
  if s < 1 then return format("%.0f ms", s * 1000) end
  return format("%.2f s", s)
end

local function mb(bytes) return format("%.1f MB", bytes / MB) end

local function times(r) return secs(r.min) .. " / " .. secs(r.median) end

local rows = {}

-- A ratio against its goal: kind "max" (at most), "min" (at least) or
-- "range" (lo..hi). Says "met", or how far from the goal.
local function verdict(ratio, goal)
  if goal.kind == "max" then
    if ratio <= goal.value then return "met" end
    return format("not met: %.2fx over", ratio / goal.value)
  elseif goal.kind == "min" then
    if ratio >= goal.value then return "met" end
    return format("not met: needs %.2fx more", goal.value / ratio)
  end
  if ratio >= goal.lo and ratio <= goal.hi then return "met" end
  if ratio > goal.hi then return format("not met: %.2fx over %gx", ratio / goal.hi, goal.hi) end
  return format("met (sublinear: below %gx)", goal.lo)
end

local function goaltext(goal)
  if goal.text then return goal.text end
  if goal.kind == "max" then return format("at most %gx", goal.value) end
  if goal.kind == "min" then return format("at least %gx", goal.value) end
  return format("%gx to %gx", goal.lo, goal.hi)
end

-- One line of the table.
local function row(what, lede, base, ratio, goal)
  insert(rows, { what, lede, base, format("%.2fx", ratio), goaltext(goal),
                 verdict(ratio, goal) })
  io.stderr:write(format("bench: %s: %.2fx\n", what, ratio))
end

local function note(what, text)
  insert(rows, { what, text, "", "", "", "" })
end

-- A figure with no goal, for docs/scale.md's estimate.
local function info(what, value, base)
  insert(rows, { what, value, base, "", "", "(for docs/scale.md)" })
  io.stderr:write(format("bench: %s: %s\n", what, value))
end

local function startup(seed)
  local l = time({ LEDE, "-e", "", seed }, { n = STARTS })
  local b = time({ "lua5.4", "-e", "" }, { n = STARTS })
  row("start-up: `lede -e '' seed.txt`", times(l), "`lua5.4 -e ''` " .. times(b),
      l.min / b.min, { kind = "max", value = 1.5 })
end

-- Parse alone (lede -e '') of the concatenations: against wc -w, growth,
-- peak memory. Returns the 10 MB and 100 MB results.
local function parse()
  local c10, c100 = inputs .. "/cat10.txt", inputs .. "/cat100.txt"
  local p10 = time({ LEDE, "-e", "", c10 })
  local p100 = time({ LEDE, "-e", "", c100 })
  local w100 = time({ "wc", "-w", c100 })
  row("parse into Lua tables: 100 MB read as one article", times(p100),
      "`wc -w` " .. times(w100), p100.min / w100.min, { kind = "max", value = 1 })
  return p10, p100
end

-- The 20,000 articles: lede -e '' over them all in one process (with
-- every core when lede has -j), then -j 2 against -j 1.
local function batch()
  local dir = inputs .. "/articles"
  local count, bytes = 0, 0
  for name in shell("ls " .. quote(dir)):gmatch("[^\n]+") do
    count, bytes = count + 1, bytes + size(dir .. "/" .. name)
  end
  -- The shell expands the glob: 20,000 paths are too long for one word.
  local function over(cmd)
    return { "sh", "-c", "exec " .. cmd .. " " .. quote(dir) .. "/*" }
  end
  local w = time(over("wc -w"))
  local l = time(over(quote(LEDE) .. " -e ''"))
  row(format("parse into Lua tables: %d articles (%s) in one batch", count, mb(bytes)),
      times(l), "`wc -w` " .. times(w), l.min / w.min, { kind = "max", value = 1 })
  info("per-core rate: parse", format("%.0f articles/s", count / l.min),
       format("%d articles, %s CPU", count, secs(l.min)))
  -- The full analysis of the first 1,999 articles, on one core.
  local some = { "sh", "-c", "exec " .. quote(LEDE) .. " -j 1 " .. ANALYSE .. " "
                 .. quote(dir) .. "/0[01]*.txt" }
  local a = time(some)
  info("per-core rate: full analysis", format("%.0f articles/s", 1999 / a.min),
       format("1,999 articles, %s CPU", secs(a.min)))
  if not shell(LEDE .. " --help"):find("\n  -j N", 1, true) then
    note("batch `-j 2` against `-j 1`", "not measured: this lede has no -j")
    return
  end
  local j1 = time(over(quote(LEDE) .. " -j 1 -e ''"), { wall = true })
  local j2 = time(over(quote(LEDE) .. " -j 2 -e ''"), { wall = true })
  row(format("batch `-j 2`: %d articles (wall time)", count), times(j2), "`-j 1` " .. times(j1),
      j1.min / j2.min, { kind = "min", value = 1.8, text = "at least 1.8x faster" })
end

-- The full analysis (analyse.lua) of the 10 MB and 100 MB concatenations.
local function analysis(p10, p100)
  local c10, c100 = inputs .. "/cat10.txt", inputs .. "/cat100.txt"
  local bytes = size(c10)
  local a10 = time({ LEDE, ANALYSE, c10 })
  row("full analysis, 10 MB (sentences, words, entities, quotes, numbers, keywords, summary, find)",
      times(a10), "parse alone " .. times(p10), a10.min / p10.min, { kind = "max", value = 10 })
  local rate = bytes / MB / a10.min
  row("full analysis throughput", format("%.1f MB/s", rate), "20 MB/s", rate / 20,
      { kind = "min", value = 1, text = "at least 20 MB/s" })
  local a100 = time({ LEDE, ANALYSE, c100 })
  row("growth: parse, 10 MB -> 100 MB", secs(p100.min), secs(p10.min),
      p100.min / p10.min, { kind = "range", lo = 8, hi = 12 })
  row("growth: full analysis, 10 MB -> 100 MB", secs(a100.min), secs(a10.min),
      a100.min / a10.min, { kind = "range", lo = 8, hi = 12 })
  local function memory(what, r, input, times_, goal)
    local limit = times_ * input + 10 * MB
    row(format("peak memory: %s", what), mb(r.rss), "input " .. mb(input),
        r.rss / input, { kind = "max", value = limit / input,
                         text = format("%gx input + 10 MB (%s)", times_, mb(limit)) })
    return goal
  end
  memory("parse, 10 MB", p10, bytes, 3)
  memory("parse, 100 MB", p100, size(c100), 3)
  memory("full analysis, 10 MB", a10, bytes, 6)
  memory("full analysis, 100 MB", a100, size(c100), 6)
  return a10
end

-- Each query's CPU time on the 1 MB and 10 MB single articles: a step
-- worse than linear shows as a ratio well over 10.
local function queries()
  local function cpu(path)
    local best = {}
    for _ = 1, RUNS do
      local out = shell(format("LEDE_BENCH_TIMES=1 %s %s %s", quote(LEDE), ANALYSE, quote(path)))
      for name, t in out:gmatch("(%a+) (%S+)") do
        t = tonumber(t)
        if not best[name] or t < best[name] then best[name] = t end
      end
    end
    return best
  end
  local one, ten = cpu(inputs .. "/single1.txt"), cpu(inputs .. "/single10.txt")
  for _, name in ipairs({ "sentences", "words", "entities", "quotes", "numbers",
                          "keywords", "summary", "find" }) do
    if one[name] and ten[name] then
      row(format("growth: `article:%s()`, 1 MB -> 10 MB single article", name),
          secs(ten[name]), secs(one[name]), ten[name] / math.max(one[name], 1e-6),
          { kind = "max", value = QUERY_GROWTH_MAX, text = "at most 12x (linear)" })
    end
  end
end

-- The tools one would otherwise use, where installed.
local function peers(a10)
  local c1, c10 = inputs .. "/cat1.txt", inputs .. "/cat10.txt"
  local node = have("node") and exists(PEERS)
  local function missing(what, how)
    note(what, "not installed (" .. how .. "; `make bench-peers` installs it)")
  end
  if node and exists(PEERS .. "/wink-nlp") and exists(PEERS .. "/wink-eng-lite-web-model") then
    local w = time({ "node", "scripts/bench/peers/wink.js", c10 }, { env = "NODE_PATH=" .. PEERS })
    row("peer: wink-nlp (tokens, sentences, entities), 10 MB", "lede " .. times(a10),
        "wink-nlp " .. times(w) .. ", " .. mb(w.rss), w.min / a10.min,
        { kind = "min", value = 10, text = "lede at least 10x faster" })
  else
    missing("peer: wink-nlp", "npm wink-nlp, wink-eng-lite-web-model")
  end
  if node and exists(PEERS .. "/compromise") then
    -- 1 MB: compromise runs at about 0.1 MB/s.
    local l = time({ LEDE, ANALYSE, c1 })
    local c = time({ "node", "scripts/bench/peers/compromise.js", c1 }, { env = "NODE_PATH=" .. PEERS })
    row("peer: compromise (sentences, quotations, people, places, organisations), 1 MB",
        "lede " .. times(l), "compromise " .. times(c) .. ", " .. mb(c.rss), c.min / l.min,
        { kind = "min", value = 10, text = "lede at least 10x faster" })
  else
    missing("peer: compromise", "npm compromise")
  end
  if have("pandoc") then
    for _, fmt in ipairs({ "json", "html" }) do
      local l = time({ LEDE, "-t", fmt, c1 })
      local p = time({ "pandoc", "-f", "markdown", "-t", fmt, c1 })
      row(format("peer: pandoc -f markdown -t %s, 1 MB", fmt), "`lede -t " .. fmt .. "` " .. times(l),
          "pandoc " .. times(p) .. ", " .. mb(p.rss), p.min / l.min,
          { kind = "min", value = 10, text = "lede at least 10x faster" })
    end
  else
    missing("peer: pandoc", "Debian pandoc")
  end
end

-- The 1-minute load average: on a shared machine it says how far wall
-- times (the -j row) can be trusted.
local function loadavg()
  local f = open("/proc/loadavg", "r")
  local s = f and f:read("l") or ""
  if f then f:close() end
  return s:match("^(%S+)") or "unknown"
end

local function machine()
  local model = shell("sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1"):gsub("\n", "")
  return format("%s cores (nproc), %s; %s; %d runs each, ratios from the minima; load average %s",
    shell("nproc"):gsub("\n", ""), model ~= "" and model or "unknown CPU",
    shell(LEDE .. " -v"):gsub("\n", ""), RUNS, loadavg())
end

-- The table as Markdown, for the terminal and BENCHMARKS.md alike.
local function render()
  local out = { "| measurement | lede (min / median) | baseline (min / median) | ratio | goal | result |",
                "| --- | --- | --- | --- | --- | --- |" }
  for _, r in ipairs(rows) do insert(out, "| " .. concat(r, " | ") .. " |") end
  return concat(out, "\n") .. "\n"
end

local function main()
  assert(exists(LEDE) and exists(MEASURE), "build " .. LEDE .. " and " .. MEASURE .. " first")
  local seed = exists("../shared/seed.txt") and "../shared/seed.txt" or "tests/fixtures/sample.txt"
  local head = machine()
  io.stderr:write("bench: " .. head .. "\n")
  if getenv("BENCH_ONLY") == "queries" then  -- a quick look at one pass
    queries()
  else
    startup(seed)
    local p10, p100 = parse()
    batch()
    local a10 = analysis(p10, p100)
    queries()
    peers(a10)
  end
  local text = "Machine: " .. head .. "; at the end " .. loadavg() .. "\n\n" .. render()
  io.write(text)
  local f = assert(open(inputs .. "/results.md", "w"))
  f:write(text)
  f:close()
end

main()
