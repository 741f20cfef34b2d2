/*
** json.c: fuzzes the JSON reader: lede.json.decode on the bytes (nil and
** a message for what is not JSON), lede.json.encode of what it gives
** (which may raise only for NaN, infinity and deep nesting, as
** documented), and lede.parse(s, {format = "json"}) with every method
** and writer on the article it makes.
*/
#include "lua_fuzz.h"

/* The data is read with the collector never pausing (stressed, in
** lua_fuzz.h): it goes through lede.build, which holds pointers into Lua
** strings. */

static const char DRIVER[] =
  FUZZ_LUA_EXERCISE
  "local ENCODE_ERRORS = {'cannot encode NaN', 'cannot encode infinity',\n"
  "  'nested deeper than'}\n"
  "local function encode(v)\n"
  "  local ok, err = pcall(lede.json.encode, v)\n"
  "  if ok then return end\n"
  "  for _, e in ipairs(ENCODE_ERRORS) do\n"
  "    if string.find(err, e, 1, true) then return end\n"
  "  end\n"
  "  error(err, 0)\n"
  "end\n"
  "return function(s)\n"
  "  local v, err = lede.json.decode(s)\n"
  "  if v == nil then assert(err == nil or type(err) == 'string')\n"
  "  else encode(v) end\n"
  "  local a, msg = stressed(lede.parse, s, {format = 'json'})\n"
  "  if not a then assert(type(msg) == 'string'); return end\n"
  "  exercise(a)\n"
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
