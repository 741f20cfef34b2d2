-- hog.lua: holds ever more memory; --max-memory must stop it.
hog = {}
for i = 1, math.huge do hog[i] = ("x"):rep(1000) .. i end
