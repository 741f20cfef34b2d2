/*
** lua.c: fuzzes the Lua binding: lede.parse on the bytes (the format
** found as lede.parse finds it: JSON, Markdown with front matter, text),
** then every method of the article and every writer.
*/
#include "lua_fuzz.h"

static const char DRIVER[] =
  FUZZ_LUA_EXERCISE
  "return function(s)\n"
  "  local a, err, pos = lede.parse(s)\n"
  "  if not a then\n"
  "    assert(type(err) == 'string')\n"
  "    return\n"
  "  end\n"
  "  exercise(a)\n"
  "  lede.text.sentences(s); lede.text.words(s)\n"
  "  lede.text.clean(s); lede.text.clean(s, true); lede.text.width(s)\n"
  "end\n";

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  fuzz_lua_init(DRIVER);
  return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size > FUZZ_MAX_INPUT) return 0;
  fuzz_lua_run(data, size);
  return 0;
}
