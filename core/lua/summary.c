/*
** summary.c: article:summary([opts]), the binding of lede_article_summary.
** Returns the chosen sentences as the tables article:sentences() gives,
** in article order, or with opts.text one string; the choosing is the
** core's (core/lib/summary.c).
*/
#include <string.h>

#include <lauxlib.h>

#include "lua/binding.h"

/* opts.sentences and opts.words: a positive integer, or nil for 0. */
static size_t optcount(lua_State *L, int opts, const char *key)
{
  lua_Integer v;
  int isint;
  if (lua_getfield(L, opts, key) == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  v = lua_tointegerx(L, -1, &isint);
  if (!isint || v < 1)
    luaL_argerror(L, opts, lua_pushfstring(L, "option '%s' must be a positive integer", key));
  lua_pop(L, 1);
  return (size_t)v;
}

/* opts.ratio: a number in (0, 1], or nil for 0. */
static double optratio(lua_State *L, int opts)
{
  lua_Number r;
  if (lua_getfield(L, opts, "ratio") == LUA_TNIL) {
    lua_pop(L, 1);
    return 0;
  }
  r = lua_tonumber(L, -1);
  luaL_argcheck(L, lua_type(L, -1) == LUA_TNUMBER && r > 0 && r <= 1, opts,
                "option 'ratio' must be a number in (0, 1]");
  lua_pop(L, 1);
  return (double)r;
}

/* Every key of opts must be one of these: a misspelt option raises. */
static void checkkeys(lua_State *L, int opts)
{
  static const char *const known[] = {"sentences", "words", "ratio", "text", NULL};
  lua_pushnil(L);
  while (lua_next(L, opts)) {
    int ok = 0;
    lua_pop(L, 1);
    if (lua_type(L, -1) == LUA_TSTRING)
      for (int k = 0; known[k]; k++) ok |= strcmp(lua_tostring(L, -1), known[k]) == 0;
    if (!ok)
      luaL_argerror(L, opts, lua_pushfstring(L, "unknown option '%s'", luaL_tolstring(L, -1, NULL)));
  }
}

/* Push article:sentences() as the method table has it, whatever a script
** stored in the article table under that name. */
static void pushsentences(lua_State *L, int article)
{
  luaL_getmetatable(L, LEDE_ARTICLE_MT);
  lua_getfield(L, -1, "__index");
  lua_getfield(L, -1, "sentences");
  lua_replace(L, -3);
  lua_pop(L, 1);
  lua_pushvalue(L, article);
  lua_call(L, 1, 1);
}

/* article:summary([opts]): opts.sentences (default 3), opts.words (a word
** budget), opts.ratio (a share of the sentences), opts.text (one string,
** the sentences joined by a space). */
static int lb_summary(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  lede_summary_opts o = {0, 0, 0};
  const lede_sentence *ss;
  size_t nss, n, *chosen;
  int text = 0;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    checkkeys(L, 2);
    o.sentences = optcount(L, 2, "sentences");
    o.words = optcount(L, 2, "words");
    o.ratio = optratio(L, 2);
    lua_getfield(L, 2, "text");
    luaL_argcheck(L, lua_isnil(L, -1) || lua_isboolean(L, -1), 2,
                  "option 'text' must be a boolean");
    text = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  if (lede_article_sentences(a, &ss, &nss) != LEDE_OK)
    return luaL_error(L, "%s", lede_status_string(LEDE_ENOMEM));
  /* The indices live in a userdata: nothing malloc'd is live if a later
  ** call raises. */
  chosen = lua_newuserdatauv(L, (nss + 1) * sizeof *chosen, 0);
  lede_status st = lede_article_summary(a, &o, chosen, &n);
  if (st != LEDE_OK) return luaL_error(L, "%s", lede_status_string(st));
  pushsentences(L, 1);
  int all = lua_gettop(L);
  if (text) {
    luaL_Buffer b;
    luaL_buffinit(L, &b);
    for (size_t i = 0; i < n; i++) {
      if (i > 0) luaL_addchar(&b, ' ');
      lua_rawgeti(L, all, (lua_Integer)chosen[i] + 1);
      lua_getfield(L, -1, "text");
      lua_remove(L, -2);
      luaL_addvalue(&b);
    }
    luaL_pushresult(&b);
    return 1;
  }
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, all, (lua_Integer)chosen[i] + 1);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

void lede_summary_open(lua_State *L, int methods)
{
  methods = lua_absindex(L, methods);
  lua_pushcfunction(L, lb_summary);
  lua_setfield(L, methods, "summary");
}
