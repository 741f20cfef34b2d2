/*
** query.c: the article's query methods (article:sentences(), :words(),
** :quotes(), :entities(), :numbers(), :keywords(), the core of :find())
** and lede.text. The core computes and caches each answer; this file only
** turns the C arrays into fresh Lua tables on every call, so a script may
** change what it gets without changing the article.
*/
#include <string.h>
#include <strings.h>

#include <lauxlib.h>

#include "lua/binding.h"

/* Index conversions: the core counts from 0 and says LEDE_NONE for none;
** Lua counts from 1 and leaves the field out. */
static void setindex(lua_State *L, int t, const char *key, size_t i)
{
  if (i == LEDE_NONE) return;
  lua_pushinteger(L, (lua_Integer)i + 1);
  lua_setfield(L, t, key);
}

/* Whether the bytes are their own clean text: printable ASCII, no space
** at all (most words and numbers). */
static int clean_as_is(const char *s, size_t len)
{
  for (size_t i = 0; i < len; i++)
    if ((unsigned char)s[i] <= ' ' || (unsigned char)s[i] >= 0x7F) return 0;
  return 1;
}

/* Push the clean text of `len` bytes at s (lede_text_clean). */
static void pushclean(lua_State *L, const char *s, size_t len)
{
  if (clean_as_is(s, len)) {
    lua_pushlstring(L, s, len);
    return;
  }
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, len * 3 + 1);
  luaL_pushresultsize(&b, lede_text_clean(s, len, out));
}

/* Set t.<key> to the clean text of a span of the source; an empty span
** leaves the field out. */
static void setspantext(lua_State *L, int t, const char *key,
                        const char *src, lede_span span)
{
  if (span.len == 0) return;
  pushclean(L, src + span.off, span.len);
  lua_setfield(L, t, key);
}

/* Check a status from the core: only LEDE_ENOMEM can come back. */
static void check(lua_State *L, lede_status st)
{
  if (st != LEDE_OK) luaL_error(L, "%s", lede_status_string(st));
}

/* Start an item table: text, from, to. Leaves it on the stack; returns
** its index. */
static int newitem(lua_State *L, const char *src, lede_span span, int fields)
{
  lua_createtable(L, 0, fields);
  int t = lua_gettop(L);
  pushclean(L, src + span.off, span.len);
  lua_setfield(L, t, "text");
  lede_push_span(L, span, t);
  return t;
}

/* The sentence whose span holds byte `off`, by binary search; LEDE_NONE
** when `off` falls between sentences. */
static size_t sentence_at(const lede_sentence *ss, size_t n, size_t off)
{
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ss[mid].span.off + ss[mid].span.len <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && ss[lo].span.off <= off ? lo : LEDE_NONE;
}

/* article:sentences() */
static int lb_sentences(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  const char *src = lede_article_source(a, NULL);
  const lede_sentence *ss;
  size_t n;
  check(L, lede_article_sentences(a, &ss, &n));
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    int t = newitem(L, src, ss[i].span, 5);
    setindex(L, t, "index", i);
    setindex(L, t, "paragraph", ss[i].paragraph);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* A word's norm is often its text ("said") and its stem often its norm
** ("the"): the same string is then set again rather than made anew (a
** short string is hashed and looked up each time it is pushed). */
static void push_word(lua_State *L, const char *src, const lede_word *w)
{
  int t = newitem(L, src, w->span, 6);
  size_t nlen = strlen(w->norm);
  if (nlen == w->span.len && memcmp(w->norm, src + w->span.off, nlen) == 0)
    lua_getfield(L, t, "text");
  else
    lua_pushlstring(L, w->norm, nlen);
  lua_pushvalue(L, -1);
  lua_setfield(L, t, "norm");  /* norm */
  if (strcmp(w->stem, w->norm) != 0) {
    lua_pop(L, 1);
    lua_pushstring(L, w->stem);
  }
  lua_setfield(L, t, "stem");
  setindex(L, t, "sentence", w->sentence);
}

/* article:words() */
static int lb_words(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  const char *src = lede_article_source(a, NULL);
  const lede_word *ws;
  size_t n;
  check(L, lede_article_words(a, &ws, &n));
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_word(L, src, &ws[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* State of a walk that appends to the array at index `t`. */
typedef struct {
  lua_State *L;
  int t;                       /* the result array */
  lua_Integer n;               /* items so far */
  const char *src;             /* the text the spans point into */
  const lede_sentence *ss;     /* for find: the article's sentences */
  size_t nss;
} walk;

/* A find hit: text, from, to, sentence, paragraph and the sentence as
** context. */
static int add_hit(void *ud, lede_span span)
{
  walk *w = ud;
  int t = newitem(w->L, w->src, span, 6);
  size_t i = sentence_at(w->ss, w->nss, span.off);
  if (i != LEDE_NONE) {
    setindex(w->L, t, "sentence", i);
    setindex(w->L, t, "paragraph", w->ss[i].paragraph);
    setspantext(w->L, t, "context", w->src, w->ss[i].span);
  }
  lua_rawseti(w->L, w->t, ++w->n);
  return 0;
}

/* opts.pattern: Lua's own string.find over each paragraph's bytes. */
static void find_pattern(lua_State *L, lede_article *a, int pat, walk *w)
{
  size_t nb;
  const lede_block *bs = lede_article_blocks(a, &nb);
  for (size_t i = 0; i < nb; i++) {
    if (bs[i].kind != LEDE_BLOCK_PARAGRAPH) continue;
    lua_Integer init = 1, len = (lua_Integer)bs[i].span.len;
    while (init <= len + 1) {
      /* string.find as loaded, whatever a script did to the global */
      lua_getfield(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
      lua_getfield(L, -1, "string");
      lua_getfield(L, -1, "find");
      lua_replace(L, -3);
      lua_pop(L, 1);
      lua_pushlstring(L, w->src + bs[i].span.off, bs[i].span.len);
      lua_pushvalue(L, pat);
      lua_pushinteger(L, init);
      lua_call(L, 3, 2);
      if (lua_isnil(L, -2)) { lua_pop(L, 2); break; }
      lua_Integer from = lua_tointeger(L, -2), to = lua_tointeger(L, -1);
      lua_pop(L, 2);
      if (to >= from) {
        lede_span sp = {bs[i].span.off + (size_t)from - 1, (size_t)(to - from + 1)};
        add_hit(w, sp);
      }
      init = to >= from ? to + 1 : from + 1;
    }
  }
}

static int optflag(lua_State *L, int opts, const char *key, int flag)
{
  if (lua_isnoneornil(L, opts)) return 0;
  lua_getfield(L, opts, key);
  int on = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return on ? flag : 0;
}

/* article:find(query [, opts]): opts.pattern, opts.whole_words,
** opts.case, opts.accents. */
static int lb_find(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  size_t qlen;
  const char *q = luaL_checklstring(L, 2, &qlen);
  if (!lua_isnoneornil(L, 3)) luaL_checktype(L, 3, LUA_TTABLE);
  int flags = optflag(L, 3, "case", LEDE_FIND_CASE) |
              optflag(L, 3, "accents", LEDE_FIND_ACCENTS) |
              optflag(L, 3, "whole_words", LEDE_FIND_WHOLE_WORDS);
  walk w = {L, 0, 0, lede_article_source(a, NULL), NULL, 0};
  check(L, lede_article_sentences(a, &w.ss, &w.nss));
  lua_newtable(L);
  w.t = lua_gettop(L);
  if (optflag(L, 3, "pattern", 1)) find_pattern(L, a, 2, &w);
  else if (qlen > 0) check(L, lede_article_find(a, q, qlen, flags, add_hit, &w));
  return 1;
}

/* opts.speaker: whether the entity's name or an alias equals `want`,
** ignoring ASCII case. */
static int speaker_matches(const lede_entity *e, const char *want)
{
  if (strcasecmp(e->name, want) == 0) return 1;
  for (size_t i = 0; i < e->naliases; i++)
    if (strcasecmp(e->aliases[i], want) == 0) return 1;
  return 0;
}

static void push_quote(lua_State *L, const char *src, const lede_quote *q,
                       const lede_entity *es)
{
  int t = newitem(L, src, q->span, 8);
  if (q->speaker != LEDE_NONE) {
    lua_pushstring(L, es[q->speaker].name);
    lua_setfield(L, t, "speaker");
  }
  setspantext(L, t, "verb", src, q->verb);
  setspantext(L, t, "cue", src, q->cue);
  if (q->cue.len > 0) {
    lua_pushinteger(L, (lua_Integer)q->cue.off + 1);
    lua_setfield(L, t, "speaker_from");
    lua_pushinteger(L, (lua_Integer)(q->cue.off + q->cue.len));
    lua_setfield(L, t, "speaker_to");
  }
  setindex(L, t, "paragraph", q->paragraph);
  lua_pushboolean(L, q->partial);
  lua_setfield(L, t, "partial");
}

/* article:quotes([opts]): opts.speaker keeps one person's quotes. */
static int lb_quotes(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  const char *src = lede_article_source(a, NULL);
  const char *want = NULL;
  const lede_quote *qs;
  const lede_entity *es;
  size_t n, ne;
  if (!lua_isnoneornil(L, 2)) {
    luaL_checktype(L, 2, LUA_TTABLE);
    int t = lua_getfield(L, 2, "speaker");
    luaL_argcheck(L, t == LUA_TNIL || t == LUA_TSTRING, 2,
                  "option 'speaker' must be a string");
    want = lua_tostring(L, -1);
  }
  check(L, lede_article_entities(a, 0, &es, &ne));
  check(L, lede_article_quotes(a, &qs, &n));
  lua_createtable(L, want ? 0 : (int)n, 0);
  lua_Integer k = 0;
  for (size_t i = 0; i < n; i++) {
    if (want && (qs[i].speaker == LEDE_NONE ||
                 !speaker_matches(&es[qs[i].speaker], want)))
      continue;
    push_quote(L, src, &qs[i], es);
    lua_rawseti(L, -2, ++k);
  }
  return 1;
}

static void push_strings(lua_State *L, const char *const *ss, size_t n)
{
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_pushstring(L, ss[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
}

static void push_entity(lua_State *L, const char *src, const lede_entity *e)
{
  lua_createtable(L, 0, 5);
  int t = lua_gettop(L);
  lua_pushstring(L, e->name);
  lua_setfield(L, t, "name");
  lua_pushstring(L, lede_entity_kind_name(e->kind));
  lua_setfield(L, t, "kind");
  push_strings(L, e->aliases, e->naliases);
  lua_setfield(L, t, "aliases");
  push_strings(L, e->roles, e->nroles);
  lua_setfield(L, t, "roles");
  lua_createtable(L, (int)e->nmentions, 0);
  for (size_t i = 0; i < e->nmentions; i++) {
    int m = newitem(L, src, e->mentions[i].span, 4);
    setindex(L, m, "paragraph", e->mentions[i].paragraph);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  lua_setfield(L, t, "mentions");
}

/* The entity kind named by the string at `arg` (LEDE_ENTITY_KIND_COUNT
** for all); accepts the plural ("people", "places", "organizations")
** and the British spelling. */
static int check_kind(lua_State *L, int arg)
{
  static const char *const kinds[] = {
    "person", "place", "organization", "people", "places", "organizations",
    "organisation", "organisations", NULL
  };
  static const int value[] = {0, 1, 2, 0, 1, 2, 2, 2};
  if (lua_isnoneornil(L, arg)) return LEDE_ENTITY_KIND_COUNT;
  return value[luaL_checkoption(L, arg, NULL, kinds)];
}

/* article:entities([kind] [, opts]): opts.all also reads the furniture. */
static int lb_entities(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  const char *src = lede_article_source(a, NULL);
  int opts = lua_istable(L, 2) ? 2 : 3;
  int kind = check_kind(L, opts == 2 ? 3 : 2);
  int all = 0;
  const lede_entity *es;
  size_t n;
  if (!lua_isnoneornil(L, opts)) {
    luaL_checktype(L, opts, LUA_TTABLE);
    lua_getfield(L, opts, "all");
    all = lua_toboolean(L, -1);
    lua_pop(L, 1);
  }
  check(L, lede_article_entities(a, all, &es, &n));
  lua_createtable(L, (int)n, 0);
  lua_Integer k = 0;
  for (size_t i = 0; i < n; i++) {
    if (kind != LEDE_ENTITY_KIND_COUNT && (int)es[i].kind != kind) continue;
    push_entity(L, src, &es[i]);
    lua_rawseti(L, -2, ++k);
  }
  return 1;
}

static void setnumber(lua_State *L, int t, const char *key, double v)
{
  lua_Integer i;
  if (lua_numbertointeger(v, &i) && (double)i == v) lua_pushinteger(L, i);
  else lua_pushnumber(L, v);
  lua_setfield(L, t, key);
}

static void push_number(lua_State *L, const char *src, const lede_number *nb)
{
  int t = newitem(L, src, nb->span, 11);
  lua_pushstring(L, lede_number_kind_name(nb->kind));
  lua_setfield(L, t, "kind");
  setnumber(L, t, "value", nb->value);
  setnumber(L, t, "min", nb->min);
  setnumber(L, t, "max", nb->max);
  lua_pushboolean(L, nb->approximate);
  lua_setfield(L, t, "approximate");
  if (nb->unit) {
    lua_pushstring(L, nb->unit);
    lua_setfield(L, t, "unit");
  }
  setindex(L, t, "sentence", nb->sentence);
  setindex(L, t, "paragraph", nb->paragraph);
}

/* article:numbers() */
static int lb_numbers(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  const char *src = lede_article_source(a, NULL);
  const lede_number *ns;
  size_t n;
  check(L, lede_article_numbers(a, &ns, &n));
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    push_number(L, src, &ns[i]);
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

/* article:keywords([n]): the n best (default 10). */
static int lb_keywords(lua_State *L)
{
  lede_article *a = lede_check_article(L, 1);
  lua_Integer want = luaL_optinteger(L, 2, 10);
  const lede_keyword *ks;
  size_t n;
  luaL_argcheck(L, want >= 0, 2, "must be a non-negative integer");
  check(L, lede_article_keywords(a, &ks, &n));
  if ((lua_Unsigned)want < n) n = (size_t)want;
  lua_createtable(L, (int)n, 0);
  for (size_t i = 0; i < n; i++) {
    lua_createtable(L, 0, 2);
    lua_pushstring(L, ks[i].term);
    lua_setfield(L, -2, "term");
    lua_pushnumber(L, ks[i].score);
    lua_setfield(L, -2, "score");
    lua_rawseti(L, -2, (lua_Integer)i + 1);
  }
  return 1;
}

static int add_sentence(void *ud, lede_span span)
{
  walk *w = ud;
  newitem(w->L, w->src, span, 3);
  lua_rawseti(w->L, w->t, ++w->n);
  return 0;
}

/* lede.text.sentences(s): {text=, from=, to=} for each sentence of s. */
static int lb_text_sentences(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_newtable(L);
  walk w = {L, lua_gettop(L), 0, s, NULL, 0};
  check(L, lede_text_sentences(s, len, add_sentence, &w));
  return 1;
}

static int add_word(void *ud, const lede_word *word)
{
  walk *w = ud;
  push_word(w->L, w->src, word);
  lua_rawseti(w->L, w->t, ++w->n);
  return 0;
}

/* lede.text.words(s): {text=, norm=, stem=, from=, to=} for each word. */
static int lb_text_words(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_newtable(L);
  walk w = {L, lua_gettop(L), 0, s, NULL, 0};
  check(L, lede_text_words(s, len, add_word, &w));
  return 1;
}

static const luaL_Reg article_methods[] = {
  {"sentences", lb_sentences},
  {"words", lb_words},
  {"quotes", lb_quotes},
  {"entities", lb_entities},
  {"numbers", lb_numbers},
  {"keywords", lb_keywords},
  {"find", lb_find},
  {NULL, NULL}
};

/* Whether the byte at s starts whitespace: ASCII, or U+00A0 (the no-break
** space scraped pages are full of). */
static int edgespace(const char *s, size_t len)
{
  unsigned char c = (unsigned char)s[0];
  return c == ' ' || (c >= '\t' && c <= '\r') ||
         (len >= 2 && c == 0xC2 && (unsigned char)s[1] == 0xA0);
}

/* lede.text.clean(s [, keep_edges]): whitespace runs to one space, ends
** trimmed (or, with keep_edges, kept as one space each), invalid UTF-8 as
** U+FFFD: the text fields of lede's items are this of their bytes. */
static int lb_text_clean(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  int keep = lua_toboolean(L, 2);
  int lead = keep && len > 0 && edgespace(s, len);
  int trail = keep && len > 0 && (edgespace(s + len - 1, 1) ||
              (len >= 2 && edgespace(s + len - 2, 2)));
  luaL_Buffer b;
  char *out = luaL_buffinitsize(L, &b, len * 3 + 2);
  size_t n = lede_text_clean(s, len, out + lead);
  if (lead) out[0] = ' ';
  n += (size_t)lead;
  if (trail && n > 0 && !(n == 1 && lead)) out[n++] = ' ';
  luaL_pushresultsize(&b, n);
  return 1;
}

/* lede.text.width(s): columns s takes in a terminal. */
static int lb_text_width(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  lua_pushinteger(L, (lua_Integer)lede_text_width(s, len));
  return 1;
}

static const luaL_Reg text_functions[] = {
  {"width", lb_text_width},
  {"clean", lb_text_clean},
  {"sentences", lb_text_sentences},
  {"words", lb_text_words},
  {NULL, NULL}
};

/* Add the query methods to the method table at `methods` and set
** lede.text in the module table at `module`. */
void lede_query_open(lua_State *L, int methods, int module)
{
  methods = lua_absindex(L, methods);
  module = lua_absindex(L, module);
  lua_pushvalue(L, methods);
  luaL_setfuncs(L, article_methods, 0);
  lua_pop(L, 1);
  luaL_newlib(L, text_functions);
  lua_setfield(L, module, "text");
}
