/*
** binding.h: functions shared between the files of the Lua binding
** (core/lua). Internal: not part of include/lede.h, but still prefixed
** lede_ because lede.so shares a process with other Lua modules.
*/
#ifndef LEDE_BINDING_H
#define LEDE_BINDING_H

#include <lua.h>

#include "lede.h"

/* Registry names of the binding's metatables. */
#define LEDE_ARTICLE_MT "lede.Article"   /* the article table's metatable */
#define LEDE_HANDLE_MT  "lede.handle"    /* the box holding a lede_article* */

/* module.c: open the module, push its table. */
int luaopen_lede(lua_State *L);

/* convert.c: C structs to Lua values. */
void lede_push_span(lua_State *L, lede_span span, int t);
void lede_push_article(lua_State *L, const lede_article *a);

/* handle.c: the C article behind an article table. */
void lede_handle_open(lua_State *L);
lede_article **lede_handle_new(lua_State *L);
void lede_handle_borrow(lua_State *L, int s);
void lede_handle_attach(lua_State *L, int article);
lede_article *lede_check_article(lua_State *L, int arg);

/* parse.c: add lede.parse and lede.load to the table on top. */
void lede_parse_open(lua_State *L);

/* preload.c: make `require` find the embedded scripts. */
void lede_preload_open(lua_State *L);
void lede_require_script(lua_State *L, const char *name);
void lede_writers_open(lua_State *L);

/* query.c: add the query methods to the method table at `methods` and
** lede.text to the module table at `module`. */
void lede_query_open(lua_State *L, int methods, int module);

/* sandbox.c: add lede.sandbox to the table on top. */
void lede_sandbox_open(lua_State *L);

/* summary.c: add article:summary to the method table at `methods`. */
void lede_summary_open(lua_State *L, int methods);

/* build.c: add lede.build to the module table on top. */
void lede_build_open(lua_State *L);

/* yaml.c: push the lede.yaml table. */
void lede_yaml_open(lua_State *L);

#endif
