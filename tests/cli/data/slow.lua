-- slow.lua: spends 60 ms of CPU on each article, so that a batch of 30
-- runs long enough for the progress bar (tests/cli/repl/progress.pty).
local t = os.clock()
while os.clock() - t < 0.06 do end
