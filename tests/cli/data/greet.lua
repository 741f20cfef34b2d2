-- greet.lua: a module for the -l test.
return { hello = function(name) return "hello, " .. name end }
