/*
** convert.c: one push function per C type of include/lede.h, turning the
** core's structs into the plain Lua tables of the data model. No article
** logic lives here: the core decides, this file only copies.
*/
#include <lauxlib.h>

#include "lua/binding.h"

/* Set t.<key> to a string, or leave it absent for NULL. */
static void setstring(lua_State *L, int t, const char *key, const char *s)
{
  if (s == NULL) return;
  lua_pushstring(L, s);
  lua_setfield(L, t, key);
}

static void setinteger(lua_State *L, int t, const char *key, size_t n)
{
  lua_pushinteger(L, (lua_Integer)n);
  lua_setfield(L, t, key);
}

/*
** The one conversion from a C span (0-based offset, length) to Lua's
** 1-based inclusive from/to, set on the table at index t, so that
** source:sub(from, to) gives the bytes; an empty span has to == from - 1.
*/
void lede_push_span(lua_State *L, lede_span span, int t)
{
  t = lua_absindex(L, t);
  setinteger(L, t, "from", span.off + 1);
  setinteger(L, t, "to", span.off + span.len);
}

/* Fields every block-derived table shares: line, from, to. */
static void setplace(lua_State *L, const lede_block *b, int t)
{
  setinteger(L, t, "line", b->line);
  lede_push_span(L, b->span, t);
}

static void push_block(lua_State *L, const lede_block *b)
{
  lua_createtable(L, 0, 6);
  int t = lua_gettop(L);
  setstring(L, t, "kind", lede_block_kind_name(b->kind));
  lua_pushlstring(L, b->text, b->text_len);
  lua_setfield(L, t, "text");
  setstring(L, t, "credit", b->credit);
  setplace(L, b, t);
}

static void push_text(lua_State *L, int blocks, size_t i);

static void push_paragraph(lua_State *L, const lede_block *b, size_t index,
                           int blocks, size_t i)
{
  lua_createtable(L, 0, 5);
  int t = lua_gettop(L);
  push_text(L, blocks, i);
  lua_setfield(L, t, "text");
  setinteger(L, t, "index", index);
  setplace(L, b, t);
}

static void push_image(lua_State *L, const lede_block *b, int blocks,
                       size_t i)
{
  lua_createtable(L, 0, 5);
  int t = lua_gettop(L);
  push_text(L, blocks, i);
  lua_setfield(L, t, "caption");
  setstring(L, t, "credit", b->credit);
  setplace(L, b, t);
}

static size_t count_kind(const lede_block *bs, size_t n, lede_block_kind kind)
{
  size_t count = 0;
  for (size_t i = 0; i < n; i++) count += bs[i].kind == kind;
  return count;
}

/* article.blocks: every block in source order. */
static void push_blocks(lua_State *L, const lede_block *bs, size_t n)
{
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_block(L, &bs[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* Push the text of block i from article.blocks at index `blocks`: the
** same Lua string, not a copy (strings this long are not interned, and
** a second copy of every paragraph cost a whole input's worth). */
static void push_text(lua_State *L, int blocks, size_t i)
{
  lua_rawgeti(L, blocks, (lua_Integer)i + 1);
  lua_getfield(L, -1, "text");
  lua_remove(L, -2);
}

/* article.paragraphs, .images or .boilerplate: the blocks of one kind,
** their texts taken from article.blocks at index `blocks`. */
static void push_kind(lua_State *L, const lede_block *bs, size_t n,
                      lede_block_kind kind, int blocks)
{
  size_t count = 0;
  lua_createtable(L, (int)count_kind(bs, n, kind), 0);
  for (size_t i = 0; i < n; i++) {
    if (bs[i].kind != kind) continue;
    count++;
    if (kind == LEDE_BLOCK_PARAGRAPH) push_paragraph(L, &bs[i], count, blocks, i);
    else if (kind == LEDE_BLOCK_IMAGE) push_image(L, &bs[i], blocks, i);
    else push_text(L, blocks, i);
    lua_rawseti(L, -2, (lua_Integer)count);
  }
}

static void push_author(lua_State *L, const lede_author *au)
{
  lua_createtable(L, 0, 3);
  int t = lua_gettop(L);
  setstring(L, t, "name", au->name);
  setstring(L, t, "bio", au->bio);
  lua_createtable(L, (int)au->nlinks, 0);
  for (size_t i = 0; i < au->nlinks; i++) {
    lua_pushstring(L, au->links[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, t, "links");
}

static void push_authors(lua_State *L, const lede_article *a)
{
  size_t n;
  const lede_author *aus = lede_article_authors(a, &n);
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_author(L, &aus[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

/* article.title or .subtitle: the text of the first block of a kind. */
static void setfirst(lua_State *L, const lede_article *a, int t,
                     const char *key, lede_block_kind kind)
{
  const lede_block *b = lede_article_first(a, kind);
  if (b == NULL) return;
  lua_pushlstring(L, b->text, b->text_len);
  lua_setfield(L, t, key);
}

/*
** Push the article's data fields as a new table (no metatable, no source
** or path: the caller sets those, as it alone knows the Lua string given).
*/
void lede_push_article(lua_State *L, const lede_article *a)
{
  size_t n;
  const lede_block *bs = lede_article_blocks(a, &n);
  lua_createtable(L, 0, 11);
  int t = lua_gettop(L);
  setfirst(L, a, t, "title", LEDE_BLOCK_TITLE);
  setfirst(L, a, t, "subtitle", LEDE_BLOCK_SUBTITLE);
  push_authors(L, a);
  lua_setfield(L, t, "authors");
  push_blocks(L, bs, n);
  int blocks = lua_gettop(L);
  push_kind(L, bs, n, LEDE_BLOCK_IMAGE, blocks);
  lua_setfield(L, t, "images");
  push_kind(L, bs, n, LEDE_BLOCK_PARAGRAPH, blocks);
  lua_setfield(L, t, "paragraphs");
  push_kind(L, bs, n, LEDE_BLOCK_BOILERPLATE, blocks);
  lua_setfield(L, t, "boilerplate");
  lua_setfield(L, t, "blocks");
  setstring(L, t, "warning", lede_article_warning(a, NULL));
}
