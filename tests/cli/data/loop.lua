-- loop.lua: never ends; --timeout must stop it.
local n = 0
while true do n = n + 1 end
