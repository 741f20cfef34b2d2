-- count.lua: prints what lede gives a script, for the command-line tests.
print(arg[0], #arg, arg[1], article.title, #article.paragraphs)
