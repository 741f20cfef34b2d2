/*
** preload.c: puts every embedded script (embedded.h) in package.preload,
** so `require "lede.inspect"` works from any directory and in a stock
** lua5.4 without installed Lua files. A preload entry already present is
** kept: an embedder can replace a script before loading lede.
*/
#include <string.h>

#include <lauxlib.h>

#include "lua/binding.h"
#include "lua/embedded.h"

/* Push the embedded file's chunk: its bytecode when this Lua takes it
** (a sixth of the cost of compiling, paid at every start-up), else the
** compiled source. */
static int load_chunk(lua_State *L, const lede_embedded_file *e,
                      const char *chunkname)
{
  if (e->bytecode != NULL &&
      luaL_loadbufferx(L, e->bytecode, e->bytecode_length, chunkname,
                       "b") == LUA_OK)
    return LUA_OK;
  if (e->bytecode != NULL) lua_pop(L, 1);  /* another Lua's bytecode */
  return luaL_loadbufferx(L, e->source, e->length, chunkname, "t");
}

/* The preload loader: runs one embedded file as `require` would run it,
** with the module name as its argument. Upvalue 1 is its index in
** lede_embedded. */
static int load_embedded(lua_State *L)
{
  const lede_embedded_file *e =
    &lede_embedded[lua_tointeger(L, lua_upvalueindex(1))];
  const char *chunkname = lua_pushfstring(L, "=%s", e->name);
  if (load_chunk(L, e, chunkname) != LUA_OK)
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

/* Prefix of the embedded writers' module names. */
#define WRITERS "lede.writers."

/* __index of a writer stub: load the writer (upvalue 1, its module name)
** and give the field asked for. */
static int writer_index(lua_State *L)
{
  lede_require_script(L, lua_tostring(L, lua_upvalueindex(1)));
  lua_getfield(L, -1, lua_tostring(L, 2));
  return 1;
}

/*
** Push lede.writers: a table with a key for every embedded writer, so
** callers can list them (the CLI's -t), whose value is a stub that loads
** the writer on first use. Loading them here would cost every start-up,
** and a writer that requires "lede" would recurse into luaopen_lede.
*/
void lede_writers_open(lua_State *L)
{
  size_t plen = sizeof WRITERS - 1;
  lua_newtable(L);
  for (const lede_embedded_file *e = lede_embedded; e->name; e++) {
    if (strncmp(e->name, WRITERS, plen) != 0) continue;
    lua_createtable(L, 0, 0);              /* writers, stub */
    lua_createtable(L, 0, 1);              /* writers, stub, mt */
    lua_pushstring(L, e->name);
    lua_pushcclosure(L, writer_index, 1);
    lua_setfield(L, -2, "__index");
    lua_setmetatable(L, -2);
    lua_setfield(L, -2, e->name + plen);
  }
}
