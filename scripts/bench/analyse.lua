-- analyse.lua: the full analysis that `make bench` times, run by lede once
-- per article: every query, each answer turned into Lua tables and dropped.
-- Usage: lede scripts/bench/analyse.lua ARTICLE...
-- With LEDE_BENCH_TIMES set, prints each query's CPU seconds (os.clock)
-- as "name seconds" lines, for the per-query growth check: each is the
-- cost of that query after the ones before it (quotes reuse the entities).

local ipairs, collectgarbage = ipairs, collectgarbage
local clock, getenv, write, format = os.clock, os.getenv, io.write, string.format

local queries = {
  { "sentences", function(a) return #a:sentences() end },
  { "words",     function(a) return #a:words() end },
  { "entities",  function(a) return #a:entities() end },
  { "quotes",    function(a) return #a:quotes() end },
  { "numbers",   function(a) return #a:numbers() end },
  { "keywords",  function(a) return #a:keywords() end },
  { "summary",   function(a) return #a:summary() end },
  { "find",      function(a) return #a:find("the government") end },
}

local times = getenv("LEDE_BENCH_TIMES")
for _, q in ipairs(queries) do
  -- Collect the garbage of the queries before when timing each: else a
  -- query pays for sweeping the 1.2 million word tables of another.
  if times then collectgarbage() end
  local start = clock()
  q[2](article)
  if times then write(format("%s %.6f\n", q[1], clock() - start)) end
end
