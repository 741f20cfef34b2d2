/*
** preload.c: puts every embedded script (embedded.h) in package.preload,
** so `require "lede.inspect"` works from any directory and in a stock
** lua5.4 without installed Lua files. A preload entry already present is
** kept: an embedder can replace a script before loading lede.
*/
#include <lauxlib.h>

#include "lua/binding.h"
#include "lua/embedded.h"

/* The preload loader: runs one embedded file as `require` would run it,
** with the module name as its argument. Upvalue 1 is its index in
** lede_embedded. */
static int load_embedded(lua_State *L)
{
  const lede_embedded_file *e =
    &lede_embedded[lua_tointeger(L, lua_upvalueindex(1))];
  const char *chunkname = lua_pushfstring(L, "=%s", e->name);
  if (luaL_loadbuffer(L, e->source, e->length, chunkname) != LUA_OK)
    return lua_error(L);
  lua_pushstring(L, e->name);
  lua_call(L, 1, 1);
  return 1;
}

void lede_preload_open(lua_State *L)
{
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
  for (const lede_embedded_file *e = lede_embedded; e->name; e++) {
    if (lua_getfield(L, -1, e->name) == LUA_TNIL) {
      lua_pushinteger(L, e - lede_embedded);
      lua_pushcclosure(L, load_embedded, 1);
      lua_setfield(L, -3, e->name);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/*
** Push the value of an embedded script as `require` would, caching it in
** package.loaded, without calling the global `require` (a sandbox may
** have removed it). Raises if the script is missing or fails.
*/
void lede_require_script(lua_State *L, const char *name)
{
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (lua_getfield(L, -1, name) == LUA_TNIL) {
    lua_pop(L, 1);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    if (lua_getfield(L, -1, name) == LUA_TNIL)
      luaL_error(L, "lede: embedded script '%s' is missing", name);
    lua_remove(L, -2);           /* loaded, loader */
    lua_pushstring(L, name);
    lua_call(L, 1, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, name);   /* loaded[name] = value */
  }
  lua_remove(L, -2);
}
