/*
** handle.c: keeps the C lede_article behind each article table alive.
** The article is a plain table (so pairs, JSON and YAML see only data); its
** lede_article* sits in a full userdata, the handle, whose __gc frees it.
** A registry table with weak keys maps each article table to its handle:
** as an ephemeron it keeps the handle exactly as long as the table lives,
** and methods written in C find the C article through lede_check_article.
*/
#include <lauxlib.h>

#include "lua/binding.h"

/* Registry key of the weak-keyed article table -> handle map. */
#define HANDLES "lede.handles"

static int handle_gc(lua_State *L)
{
  lede_article **box = luaL_checkudata(L, 1, LEDE_HANDLE_MT);
  lede_article_free(*box);
  *box = NULL;
  return 0;
}

/* Create the handle metatable and the weak map; call once per state. */
void lede_handle_open(lua_State *L)
{
  if (luaL_newmetatable(L, LEDE_HANDLE_MT)) {
    lua_pushcfunction(L, handle_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  if (luaL_getsubtable(L, LUA_REGISTRYINDEX, HANDLES) == 0) {
    lua_createtable(L, 0, 1);
    lua_pushliteral(L, "k");
    lua_setfield(L, -2, "__mode");
    lua_setmetatable(L, -2);
  }
  lua_pop(L, 1);
}

/*
** Push a new, empty handle and return its slot. Its user value holds the
** string a borrowing article reads (lede_handle_borrow). The caller stores the
** article in it straight after lede_parse: from then on __gc owns it, so
** any later Lua error (out of memory while building tables) cannot leak it.
*/
lede_article **lede_handle_new(lua_State *L)
{
  lede_article **box = lua_newuserdatauv(L, sizeof *box, 1);
  *box = NULL;
  luaL_setmetatable(L, LEDE_HANDLE_MT);
  return box;
}

/* Keep the string at `s` alive as long as the handle on top of the stack:
** an article parsed with lede_options.borrow reads it in place. */
void lede_handle_borrow(lua_State *L, int s)
{
  lua_pushvalue(L, s);
  lua_setiuservalue(L, -2, 1);
}

/* Tie the handle on top of the stack to the article table at `article`;
** pops the handle. */
void lede_handle_attach(lua_State *L, int article)
{
  article = lua_absindex(L, article);
  lua_getfield(L, LUA_REGISTRYINDEX, HANDLES);
  lua_pushvalue(L, article);
  lua_pushvalue(L, -3);        /* handles, article, handle */
  lua_rawset(L, -3);
  lua_pop(L, 2);
}

/* The C article behind the article table at `arg`; raises when the value
** is not a table made by lede.parse or lede.load (a copy has no handle). */
lede_article *lede_check_article(lua_State *L, int arg)
{
  luaL_checktype(L, arg, LUA_TTABLE);
  lua_getfield(L, LUA_REGISTRYINDEX, HANDLES);
  lua_pushvalue(L, arg);
  lua_rawget(L, -2);
  lede_article **box = lua_touserdata(L, -1);
  lua_pop(L, 2);
  luaL_argcheck(L, box != NULL && *box != NULL, arg, "not a parsed article");
  return *box;
}
