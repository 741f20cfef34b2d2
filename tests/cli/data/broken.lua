-- broken.lua: does not compile, for the command-line tests.
print("unfinished"
