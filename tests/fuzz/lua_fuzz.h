/*
** lua_fuzz.h: the frame of the harnesses that go through the Lua binding
** (yaml.c, json.c, lua.c). One lua_State for the whole run, with the
** standard libraries and `lede` loaded; the harness's DRIVER chunk
** returns a function that gets each input as a string. A Lua error out
** of it is a finding: the driver catches only what the API documents as
** raising. A full collection after each input runs the __gc of every
** article and box, so ASan sees their memory freed (or leaked).
*/
#ifndef LEDE_LUA_FUZZ_H
#define LEDE_LUA_FUZZ_H

#include <lauxlib.h>
#include <lualib.h>

#include "fuzz.h"
#include "lua/binding.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);

/* stressed(f, ...) calls f with the collector running without a pause,
** so garbage is freed within a few allocations and a C pointer into a
** string nothing holds any more is read after its free, where ASan sees
** it (lb_build read author links that way). Only around reading: it
** makes a run several times slower. */
#define FUZZ_LUA_STRESS                                                     \
  "local function stressed(f, ...)\n"                                      \
  "  collectgarbage('incremental', 1, 1000)\n"                             \
  "  collectgarbage()  -- a cycle's end sets when the next one starts\n"   \
  "  local r = table.pack(f(...))\n"                                       \
  "  collectgarbage('incremental', 200, 100)  -- Lua 5.4's defaults\n"     \
  "  return table.unpack(r, 1, r.n)\n"                                     \
  "end\n"

/* Lua shared by the drivers: exercise(article) calls every method and
** every writer, and reads the JSON and YAML written back in. */
#define FUZZ_LUA_EXERCISE                                                   \
  "local lede = require 'lede'\n"                                          \
  FUZZ_LUA_STRESS                                                          \
  "local function writer(a, fmt, opts)\n"                                  \
  "  local out = a:to(fmt, opts)\n"                                        \
  "  assert(type(out) == 'string', fmt)\n"                                 \
  "  return out\n"                                                         \
  "end\n"                                                                  \
  "local function reread(out, fmt)\n"                                      \
  "  local b, err = lede.parse(out, {format = fmt})\n"                     \
  "  assert(b or type(err) == 'string', fmt)\n"                            \
  "  if b then assert(#b.blocks > 0, fmt) end\n"                           \
  "end\n"                                                                  \
  "local function exercise(a)\n"                                           \
  "  assert(getmetatable(a) and type(a.blocks) == 'table')\n"              \
  "  tostring(a); a:text(); a:stats()\n"                                   \
  "  local ws = a:words(); a:sentences()\n"                                \
  "  a:find(ws[1] and ws[1].text or 'the')\n"                              \
  "  a:find(ws[#ws] and ws[#ws].text or 'a', {whole_words = true,\n"       \
  "         case = true, accents = true})\n"                               \
  "  a:find('%a+', {pattern = true})\n"                                    \
  "  local qs = a:quotes()\n"                                              \
  "  if qs[1] and qs[1].speaker then a:quotes({speaker = qs[1].speaker}) end\n" \
  "  a:entities(); a:entities('people'); a:entities({all = true})\n"       \
  "  a:entities('places', {all = true})\n"                                 \
  "  a:numbers(); a:keywords(); a:keywords(0)\n"                           \
  "  a:summary(); a:summary({sentences = 1, text = true})\n"               \
  "  a:summary({words = 40}); a:summary({ratio = 0.5})\n"                  \
  "  lede.inspect(a)\n"                                                    \
  "  writer(a, 'markdown'); writer(a, 'html'); writer(a, 'text')\n"       \
  "  writer(a, 'html', {annotate = true}); writer(a, 'text', {width = 20})\n" \
  "  writer(a, 'summary')\n"                                               \
  "  reread(writer(a, 'json'), 'json'); reread(writer(a, 'yaml'), 'yaml')\n" \
  "end\n"

static lua_State *fuzz_L;

/* Message handler: the error with a traceback, as lua.c does. */
static int fuzz_traceback(lua_State *L)
{
  const char *msg = lua_tostring(L, 1);
  luaL_traceback(L, L, msg ? msg : "(error object is not a string)", 1);
  return 1;
}

/* Called by libFuzzer once: the state, lede, the driver in the registry. */
static void fuzz_lua_init(const char *driver)
{
  lua_State *L = luaL_newstate();
  FUZZ_CHECK(L != NULL);
  luaL_openlibs(L);
  luaL_requiref(L, "lede", luaopen_lede, 0);
  lua_pop(L, 1);
  if (luaL_loadstring(L, driver) != LUA_OK || lua_pcall(L, 0, 1, 0) != LUA_OK) {
    fprintf(stderr, "driver: %s\n", lua_tostring(L, -1));
    abort();
  }
  FUZZ_CHECK(lua_isfunction(L, -1));
  lua_setfield(L, LUA_REGISTRYINDEX, "lede.fuzz.driver");
  fuzz_L = L;
}

/* Run the driver on one input; a raise is a crash. */
static void fuzz_lua_run(const uint8_t *data, size_t size)
{
  lua_State *L = fuzz_L;
  lua_pushcfunction(L, fuzz_traceback);
  lua_getfield(L, LUA_REGISTRYINDEX, "lede.fuzz.driver");
  lua_pushlstring(L, (const char *)data, size);
  if (lua_pcall(L, 1, 0, 1) != LUA_OK) {
    fprintf(stderr, "lua error: %s\n", lua_tostring(L, -1));
    abort();
  }
  lua_settop(L, 0);
  lua_gc(L, LUA_GCCOLLECT, 0);
}

#endif
