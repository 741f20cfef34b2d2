/*
** yaml.c: fuzzes the YAML loader (core/lua/yaml.c): lede.yaml.load on the
** bytes gives a value or nil and a message; a value must dump and load
** back equal (yaml.c promises yaml.load(yaml.dump(t)) gives t); then
** lede.parse(s, {format = "yaml"}) with every method and writer.
*/
#include "lua_fuzz.h"

/* The data is read with the collector never pausing (stressed, in
** lua_fuzz.h): it goes through lede.build, which holds pointers into Lua
** strings. */

static const char DRIVER[] =
  FUZZ_LUA_EXERCISE
  "local function same(x, y)\n"
  "  if x ~= x and y ~= y then return true end  -- NaN\n"
  "  if type(x) ~= 'table' or type(y) ~= 'table' then\n"
  "    return x == y and math.type(x) == math.type(y)\n"
  "  end\n"
  "  for k, v in pairs(x) do if not same(v, y[k]) then return false end end\n"
  "  for k in pairs(y) do if x[k] == nil then return false end end\n"
  "  return true\n"
  "end\n"
  "return function(s)\n"
  "  local v, err = lede.yaml.load(s)\n"
  "  if v == nil then\n"
  "    assert(err == nil or type(err) == 'string')\n"
  "  else\n"
  "    local out, derr = lede.yaml.dump(v)\n"
  "    assert(out, derr)\n"
  "    local back, berr = lede.yaml.load(out)\n"
  "    assert(back ~= nil, berr)\n"
  "    if not same(v, back) then\n"
  "      error('yaml round trip changed the value; dumped as:\\n' .. out, 0)\n"
  "    end\n"
  "  end\n"
  "  local a, msg = stressed(lede.parse, s, {format = 'yaml'})\n"
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
