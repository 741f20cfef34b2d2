/*
** build.c: lede.build(spec [, opts]), an article from a table of
** classified blocks, for the readers of structured input
** (scripts/lede/readers.lua). Reads the table into C arrays held by a
** userdata box, so that a raise half-way frees them, then runs
** lede_article_build and makes the same article table lede.parse does.
*/
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>

#include "lua/binding.h"

#define BOX_MT "lede.buildbox"

/* The C arrays being filled; freed by __gc whatever happens. */
typedef struct {
  lede_block_input *blocks;
  size_t nblocks;
  lede_author *authors;
  size_t nauthors;
  const char **links;   /* every author's links, one array */
} box;

static int box_gc(lua_State *L)
{
  box *b = luaL_checkudata(L, 1, BOX_MT);
  free(b->blocks);
  free(b->authors);
  free(b->links);
  memset(b, 0, sizeof *b);
  return 0;
}

static void *alloc(lua_State *L, size_t n, size_t size)
{
  void *p = calloc(n ? n : 1, size);
  if (p == NULL) luaL_error(L, "not enough memory");
  return p;
}

/* The string field `key` of the table on top, or NULL; raises when it is
** there but not a string. The string stays alive in `spec` (the caller's
** table), so the pointer does too while lede.build runs. */
static const char *strfield(lua_State *L, const char *key, size_t *len,
                            const char *what)
{
  const char *s = NULL;
  int t = lua_getfield(L, -1, key);
  if (t == LUA_TSTRING) s = lua_tolstring(L, -1, len);
  else if (t != LUA_TNIL)
    luaL_error(L, "%s: field '%s' must be a string", what, key);
  lua_pop(L, 1);
  return s;
}

static lede_block_kind kindof(lua_State *L, const char *name, lua_Integer i)
{
  for (int k = 0; k < LEDE_BLOCK_KIND_COUNT; k++)
    if (strcmp(lede_block_kind_name((lede_block_kind)k), name) == 0)
      return (lede_block_kind)k;
  luaL_error(L, "block %d: unknown kind '%s'", (int)i, name);
  return LEDE_BLOCK_PARAGRAPH;
}

/* spec.blocks: {kind=, text=, credit=} each (an image's text is its
** caption; `caption` is accepted too). */
static void read_blocks(lua_State *L, int spec, box *b)
{
  lua_getfield(L, spec, "blocks");
  luaL_argcheck(L, lua_istable(L, -1), 1, "field 'blocks' must be a table");
  b->nblocks = (size_t)luaL_len(L, -1);
  b->blocks = alloc(L, b->nblocks, sizeof *b->blocks);
  for (size_t i = 0; i < b->nblocks; i++) {
    lede_block_input *in = &b->blocks[i];
    char what[32];
    snprintf(what, sizeof what, "block %zu", i + 1);
    if (lua_rawgeti(L, -1, (lua_Integer)i + 1) != LUA_TTABLE)
      luaL_error(L, "%s: a table expected", what);
    const char *kind = strfield(L, "kind", NULL, what);
    if (kind == NULL) luaL_error(L, "%s: field 'kind' missing", what);
    in->kind = kindof(L, kind, (lua_Integer)i + 1);
    in->text = strfield(L, "text", &in->text_len, what);
    if (in->text == NULL)
      in->text = strfield(L, "caption", &in->text_len, what);
    in->credit = strfield(L, "credit", NULL, what);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

static size_t count_links(lua_State *L, int authors, size_t n)
{
  size_t total = 0;
  for (size_t i = 0; i < n; i++) {
    lua_rawgeti(L, authors, (lua_Integer)i + 1);
    if (lua_istable(L, -1) && lua_getfield(L, -1, "links") == LUA_TTABLE)
      total += (size_t)luaL_len(L, -1);
    lua_settop(L, authors);
  }
  return total;
}

/* spec.authors: {name=, bio=, links={...}} each. */
static void read_authors(lua_State *L, int spec, box *b)
{
  if (lua_getfield(L, spec, "authors") == LUA_TNIL) { lua_pop(L, 1); return; }
  luaL_argcheck(L, lua_istable(L, -1), 1, "field 'authors' must be a table");
  int authors = lua_gettop(L);
  b->nauthors = (size_t)luaL_len(L, authors);
  b->authors = alloc(L, b->nauthors, sizeof *b->authors);
  b->links = alloc(L, count_links(L, authors, b->nauthors), sizeof *b->links);
  size_t used = 0;
  for (size_t i = 0; i < b->nauthors; i++) {
    lede_author *au = &b->authors[i];
    char what[32];
    snprintf(what, sizeof what, "author %zu", i + 1);
    if (lua_rawgeti(L, authors, (lua_Integer)i + 1) != LUA_TTABLE)
      luaL_error(L, "%s: a table expected", what);
    au->name = strfield(L, "name", NULL, what);
    if (au->name == NULL) luaL_error(L, "%s: field 'name' missing", what);
    au->bio = strfield(L, "bio", NULL, what);
    au->links = b->links + used;
    if (lua_getfield(L, -1, "links") == LUA_TTABLE) {
      size_t n = (size_t)luaL_len(L, -1);
      for (size_t j = 0; j < n; j++) {
        /* Only a string already in the table stays alive after the pop:
        ** lua_tostring would turn a number into a new string that
        ** nothing holds, for the collector to free before it is read. */
        int t = lua_rawgeti(L, -1, (lua_Integer)j + 1);
        const char *s = t == LUA_TSTRING ? lua_tostring(L, -1) : NULL;
        lua_pop(L, 1);
        if (s == NULL) luaL_error(L, "%s: links must be strings", what);
        b->links[used++] = s;
      }
      au->nlinks = n;
    }
    lua_settop(L, authors);
  }
  lua_pop(L, 1);
}

/* lede.build(spec [, opts]): spec = {blocks=, authors=, path=}; opts as
** lede.parse (max_input). Returns the article, or nil, message. */
static int lb_build(lua_State *L)
{
  luaL_checktype(L, 1, LUA_TTABLE);
  lede_options opts = {0};
  if (lua_istable(L, 2) && lua_getfield(L, 2, "max_input") != LUA_TNIL)
    opts.max_input = (size_t)luaL_checkinteger(L, -1);
  lua_settop(L, 1);
  box *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, BOX_MT);
  read_blocks(L, 1, b);
  read_authors(L, 1, b);
  lede_error err = {LEDE_OK, 0, ""};
  lede_article **h = lede_handle_new(L);
  lede_status st = lede_article_build(b->blocks, b->nblocks, b->authors,
                                      b->nauthors, &opts, h, &err);
  if (st == LEDE_ENOMEM) return luaL_error(L, "not enough memory");
  if (st != LEDE_OK) {
    lua_pushnil(L);
    lua_pushstring(L, err.message[0] ? err.message : lede_status_string(st));
    return 2;
  }
  lede_push_article(L, *h);                   /* spec, box, handle, article */
  size_t len;
  const char *src = lede_article_source(*h, &len);
  lua_pushlstring(L, src, len);
  lua_setfield(L, -2, "source");
  if (lua_getfield(L, 1, "path") == LUA_TSTRING) lua_setfield(L, -2, "path");
  else lua_pop(L, 1);
  luaL_setmetatable(L, LEDE_ARTICLE_MT);
  lua_insert(L, -2);                          /* ..., article, handle */
  lede_handle_attach(L, -2);
  return 1;
}

/* Box for lede_markdown_blocks' array while its tables are made. */
typedef struct {
  lede_block_input *v;
  size_t n;
} mdbox;

static int mdbox_gc(lua_State *L)
{
  mdbox *m = luaL_checkudata(L, 1, BOX_MT ".md");
  lede_blocks_free(m->v, m->n);
  m->v = NULL;
  m->n = 0;
  return 0;
}

/* lede.markdown_blocks(md): {kind=, text=, credit=} for each block of the
** Markdown text (no front matter), by cmark. */
static int lb_markdown_blocks(lua_State *L)
{
  size_t len;
  const char *md = luaL_checklstring(L, 1, &len);
  mdbox *m = lua_newuserdatauv(L, sizeof *m, 0);
  m->v = NULL;
  m->n = 0;
  luaL_setmetatable(L, BOX_MT ".md");
  if (lede_markdown_blocks(md, len, &m->v, &m->n) != LEDE_OK)
    return luaL_error(L, "not enough memory");
  lua_createtable(L, (int)m->n, 0);
  for (size_t i = 0; i < m->n; i++) {
    lua_createtable(L, 0, 3);
    lua_pushstring(L, lede_block_kind_name(m->v[i].kind));
    lua_setfield(L, -2, "kind");
    lua_pushlstring(L, m->v[i].text, m->v[i].text_len);
    lua_setfield(L, -2, "text");
    if (m->v[i].credit) {
      lua_pushstring(L, m->v[i].credit);
      lua_setfield(L, -2, "credit");
    }
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* Add lede.build and lede.markdown_blocks to the module table on top. */
void lede_build_open(lua_State *L)
{
  if (luaL_newmetatable(L, BOX_MT)) {
    lua_pushcfunction(L, box_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, BOX_MT ".md")) {
    lua_pushcfunction(L, mdbox_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  lua_pushcfunction(L, lb_build);
  lua_setfield(L, -2, "build");
  lua_pushcfunction(L, lb_markdown_blocks);
  lua_setfield(L, -2, "markdown_blocks");
}
