-- failing.lua: fails on line 3, for the command-line tests.
local words = 0
words = words + article.nope
print(words)
