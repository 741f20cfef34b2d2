/*
** sandbox.c: lede.sandbox(), which makes the calling state fit for an
** untrusted script: the standard library cut down to its safe part, text
** chunks only, `require` of lede's own modules only, string.dump gone and
** the string and article metatables locked (Redis's scripting sandbox).
** It changes the state for good. Memory and time limits are the host's.
*/
#include <string.h>

#include <lauxlib.h>

#include "lua/binding.h"

/* Registry flag: this state is sandboxed already. */
#define SANDBOXED "lede.sandboxed"

/* Globals of the standard library that reach files, processes, the
** debugger or native code: removed outright. */
static const char *const removed[] = {
  "dofile", "loadfile", "warn", "io", "debug", "package", NULL
};

/* What os keeps: the clock and the calendar. */
static const char *const os_kept[] = {"time", "clock", "date", NULL};

/* The libraries a sandboxed require gives (their sandboxed globals). */
static const char *const safe_libs[] = {
  "_G", "string", "table", "math", "utf8", "coroutine", "os", NULL
};

/* collectgarbage options that cannot change how the collector runs. */
static const char *const gc_kept[] = {
  "collect", "count", "step", "isrunning", NULL
};

static int listed(const char *const *list, const char *s)
{
  for (; *list; list++)
    if (strcmp(*list, s) == 0) return 1;
  return 0;
}

/* load(chunk [, name [, mode [, env]]]) with mode forced to "t": a binary
** chunk can crash the VM. Upvalue 1 is the real load. */
static int sb_load(lua_State *L)
{
  int n = lua_gettop(L);
  lua_settop(L, 4);
  lua_pushliteral(L, "t");
  lua_replace(L, 3);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  if (n < 4) lua_settop(L, 4);  /* no env: load's default, not nil */
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* setmetatable refusing __gc: a finaliser runs whenever the collector
** likes, even after the limits are off at exit. Upvalue 1: the real one. */
static int sb_setmetatable(lua_State *L)
{
  if (lua_type(L, 2) == LUA_TTABLE) {
    lua_pushliteral(L, "__gc");
    if (lua_rawget(L, 2) != LUA_TNIL)
      return luaL_error(L, "__gc metamethods are not allowed in the sandbox");
    lua_pop(L, 1);
  }
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, 1);
  return 1;
}

/* collectgarbage without "stop", "incremental", "generational" and the
** like. Upvalue 1: the real one. */
static int sb_collectgarbage(lua_State *L)
{
  const char *opt = luaL_optstring(L, 1, "collect");
  if (!listed(gc_kept, opt))
    return luaL_error(L, "collectgarbage('%s') is not allowed in the sandbox",
                      opt);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_insert(L, 1);
  lua_call(L, lua_gettop(L) - 1, LUA_MULTRET);
  return lua_gettop(L);
}

/* require for lede's modules and the safe libraries only: C modules and
** files on package.path stay out of reach. */
static int sb_require(lua_State *L)
{
  const char *name = luaL_checkstring(L, 1);
  if (listed(safe_libs, name)) {
    lua_getglobal(L, strcmp(name, "_G") == 0 ? "_G" : name);
    return 1;
  }
  if (strcmp(name, "lede") == 0 || strncmp(name, "lede.", 5) == 0) {
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    if (lua_getfield(L, -2, name) != LUA_TNIL) return 1;
    if (lua_getfield(L, -2, name) != LUA_TNIL) {
      lede_require_script(L, name);
      return 1;
    }
  }
  return luaL_error(L, "module '%s' is not available in the sandbox", name);
}

/* Replace global `name` by the C closure f over its old value. */
static void wrap(lua_State *L, const char *name, lua_CFunction f)
{
  lua_getglobal(L, name);
  lua_pushcclosure(L, f, 1);
  lua_setglobal(L, name);
}

/* os keeps time, clock and date only; a new table, so the host's os (in
** package.loaded) is untouched but out of reach. */
static void cut_os(lua_State *L)
{
  lua_createtable(L, 0, 3);
  if (lua_getglobal(L, "os") == LUA_TTABLE)
    for (const char *const *k = os_kept; *k; k++) {
      lua_getfield(L, -1, *k);
      lua_setfield(L, -3, *k);
    }
  lua_pop(L, 1);
  lua_setglobal(L, "os");
}

/* Set __metatable in the metatable on top (popped) so getmetatable gives
** `name` and setmetatable refuses to change it. */
static void lock(lua_State *L, const char *name)
{
  if (lua_istable(L, -1)) {
    lua_pushstring(L, name);
    lua_setfield(L, -2, "__metatable");
  }
  lua_pop(L, 1);
}

/* string.dump is gone from the real string table, which every string
** reaches through its metatable; the string metatable is locked so a
** script cannot reach or change that table through it. */
static void cut_string(lua_State *L)
{
  if (lua_getglobal(L, "string") == LUA_TTABLE) {
    lua_pushnil(L);
    lua_setfield(L, -2, "dump");
  }
  lua_pop(L, 1);
  lua_pushliteral(L, "");
  if (lua_getmetatable(L, -1)) lock(L, "string");
  lua_pop(L, 1);
}

/* lede.load reads files; lede.writers would load writer files from disk
** (those named on the command line are loaded by then and stay). */
static void cut_module(lua_State *L)
{
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (lua_getfield(L, -1, "lede") == LUA_TTABLE) {
    lua_pushnil(L);
    lua_setfield(L, -2, "load");
    if (lua_getfield(L, -1, "writers") == LUA_TTABLE) {
      lua_pushnil(L);
      lua_setmetatable(L, -2);
    }
    lua_pop(L, 1);
  }
  lua_pop(L, 2);
  luaL_getmetatable(L, LEDE_ARTICLE_MT);
  lock(L, LEDE_ARTICLE_MT);
}

/* lede.sandbox(): sandbox this state; returns nothing. A second call does
** nothing. */
static int lb_sandbox(lua_State *L)
{
  if (lua_getfield(L, LUA_REGISTRYINDEX, SANDBOXED) != LUA_TNIL) return 0;
  lua_pop(L, 1);
  for (const char *const *k = removed; *k; k++) {
    lua_pushnil(L);
    lua_setglobal(L, *k);
  }
  wrap(L, "load", sb_load);
  wrap(L, "setmetatable", sb_setmetatable);
  wrap(L, "collectgarbage", sb_collectgarbage);
  lua_pushcfunction(L, sb_require);
  lua_setglobal(L, "require");
  cut_os(L);
  cut_string(L);
  cut_module(L);
  lua_pushboolean(L, 1);
  lua_setfield(L, LUA_REGISTRYINDEX, SANDBOXED);
  return 0;
}

/* Add sandbox to the module table on top of the stack. */
void lede_sandbox_open(lua_State *L)
{
  lua_pushcfunction(L, lb_sandbox);
  lua_setfield(L, -2, "sandbox");
}
