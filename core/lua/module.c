/*
** module.c: luaopen_lede, the entry point of the `lede` Lua module (in
** lede.so for a stock lua5.4, linked into the lede program). Builds the
** module table and the "lede.Article" metatable; the work is elsewhere.
*/
#include <lauxlib.h>

#include "lua/binding.h"

/*
** scripts/lede/article.lua returns the article's behaviour written in Lua:
** keys starting with "__" are metamethods (__tostring), the rest methods.
** Copy them from the table on top (popped) into the metatable at `mt` and
** the method table at `methods`.
*/
static void add_methods(lua_State *L, int mt, int methods)
{
  lua_pushnil(L);
  while (lua_next(L, -2)) {
    const char *key = lua_type(L, -2) == LUA_TSTRING ? lua_tostring(L, -2) : "";
    int meta = key[0] == '_' && key[1] == '_';
    lua_pushvalue(L, -2);
    lua_insert(L, -2);           /* key, key, value */
    lua_rawset(L, meta ? mt : methods);
  }
  lua_pop(L, 1);
}

/*
** Create (or find, when the module is opened twice in one state) the
** "lede.Article" metatable; its __index is the method table, which is
** also lede.Article so later code can add methods. Leaves the method
** table on the stack.
*/
static void open_article(lua_State *L)
{
  int fresh = luaL_newmetatable(L, LEDE_ARTICLE_MT);
  int mt = lua_gettop(L);
  if (fresh) {
    lua_newtable(L);
    lua_pushvalue(L, -1);
    lua_setfield(L, mt, "__index");
    lede_require_script(L, "lede.article");
    add_methods(L, mt, mt + 1);
  } else {
    lua_getfield(L, mt, "__index");
  }
  lua_remove(L, mt);
}

/* Set field `key` of the module table to a field of a script's value. */
static void set_from_script(lua_State *L, const char *key, const char *script,
                            const char *field)
{
  lede_require_script(L, script);
  if (field) {
    lua_getfield(L, -1, field);
    lua_remove(L, -2);
  }
  lua_setfield(L, -2, key);
}

int luaopen_lede(lua_State *L)
{
  luaL_checkversion(L);
  lede_preload_open(L);
  lede_handle_open(L);
  lua_createtable(L, 0, 8);
  lede_parse_open(L);
  lede_sandbox_open(L);
  lede_build_open(L);
  lede_require_script(L, "lede.readers");      /* lede, readers */
  lua_getfield(L, -1, "install");
  lua_pushvalue(L, -3);
  lua_call(L, 1, 0);
  lua_pop(L, 1);
  lua_pushliteral(L, LEDE_VERSION);
  lua_setfield(L, -2, "version");
  open_article(L);
  lede_query_open(L, -1, -2);
  lede_summary_open(L, -1);
  lua_setfield(L, -2, "Article");
  lede_yaml_open(L);
  lua_setfield(L, -2, "yaml");
  set_from_script(L, "json", "lede.json", NULL);
  set_from_script(L, "inspect", "lede.inspect", "inspect");
  lede_writers_open(L);
  lede_require_script(L, "lede.writerpath");   /* lede, writers, wp */
  lua_getfield(L, -1, "install");
  lua_pushvalue(L, -3);
  lua_call(L, 1, 0);
  lua_pop(L, 1);
  lua_setfield(L, -2, "writers");
  return 1;
}
