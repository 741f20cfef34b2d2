/*
** yaml.c: lede.yaml.load and lede.yaml.dump over libyaml, for plain data
** (tables, strings, numbers, booleans). Both sides resolve plain scalars by
** the YAML 1.2 core schema, so yaml.load(yaml.dump(t)) gives t back.
** Anchors may appear, aliases may not; tags other than the core schema's
** (!!str, !!int, !!map...) and duplicate keys are refused.
*/
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>
#include <lauxlib.h>

#include "lua/binding.h"

/* Deepest nesting load and dump accept: far beyond real data, yet it
** bounds the C recursion (one frame per level) and stops a dump of a
** cyclic table. */
#define MAX_DEPTH 1000

/* Room for an error message: libyaml's problem plus the position. */
#define MESSAGE_MAX 256

#define PARSER_MT  "lede.yaml.parser"
#define EMITTER_MT "lede.yaml.emitter"

/* ---------------------------------------------------------------------- */
/* Scalars: the YAML 1.2 core schema, shared by load and dump. */

/* What a plain (unquoted) scalar means. */
typedef enum {
  SCALAR_STRING,  /* anything else */
  SCALAR_NULL,    /* "", ~, null */
  SCALAR_TRUE,    /* true */
  SCALAR_FALSE,   /* false */
  SCALAR_INT,     /* 12, -3, 0o17, 0x1F */
  SCALAR_FLOAT    /* 1.5, .5, 1e3, .inf, .nan */
} scalar_kind;

static const char *const null_words[] = {"", "~", "null", "Null", "NULL", NULL};
static const char *const true_words[] = {"true", "True", "TRUE", NULL};
static const char *const false_words[] = {"false", "False", "FALSE", NULL};
static const char *const inf_words[] = {".inf", ".Inf", ".INF", NULL};
static const char *const nan_words[] = {".nan", ".NaN", ".NAN", NULL};
/* YAML 1.1 booleans: strings in 1.2, but older readers (PyYAML) take
** them as booleans, so dump quotes them too. */
static const char *const yaml11_words[] = {
  "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO",
  "on", "On", "ON", "off", "Off", "OFF", NULL
};

static int one_of(const char *s, size_t n, const char *const *words)
{
  for (; *words; words++)
    if (strlen(*words) == n && memcmp(*words, s, n) == 0) return 1;
  return 0;
}

static int digit_value(char c)
{
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return 99;
}

/* Index of the first byte from i on that is not a digit in `base`. */
static size_t skip_digits(const char *s, size_t i, size_t n, int base)
{
  while (i < n && digit_value(s[i]) < base) i++;
  return i;
}

static size_t skip_sign(const char *s, size_t i, size_t n)
{
  return i < n && (s[i] == '-' || s[i] == '+') ? i + 1 : i;
}

/* [-+]?[0-9]+ | 0o[0-7]+ | 0x[0-9a-fA-F]+ */
static int is_int(const char *s, size_t n)
{
  if (n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x'))
    return skip_digits(s, 2, n, s[1] == 'o' ? 8 : 16) == n;
  size_t i = skip_sign(s, 0, n);
  return i < n && skip_digits(s, i, n, 10) == n;
}

/* [-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)? | [-+]?\.inf | \.nan */
static int is_float(const char *s, size_t n)
{
  size_t i = skip_sign(s, 0, n);
  if (one_of(s + i, n - i, inf_words) || one_of(s, n, nan_words)) return 1;
  size_t j = skip_digits(s, i, n, 10);
  int whole = j > i;
  if (j < n && s[j] == '.') {
    size_t k = skip_digits(s, j + 1, n, 10);
    if (!whole && k == j + 1) return 0;
    j = k;
  } else if (!whole) {
    return 0;
  }
  if (j < n && (s[j] == 'e' || s[j] == 'E')) {
    size_t k = skip_sign(s, j + 1, n);
    j = skip_digits(s, k, n, 10);
    if (j == k) return 0;
  }
  return j == n;
}

static scalar_kind classify(const char *s, size_t n)
{
  if (one_of(s, n, null_words)) return SCALAR_NULL;
  if (one_of(s, n, true_words)) return SCALAR_TRUE;
  if (one_of(s, n, false_words)) return SCALAR_FALSE;
  if (is_int(s, n)) return SCALAR_INT;
  if (is_float(s, n)) return SCALAR_FLOAT;
  return SCALAR_STRING;
}

/* Push an int scalar; one too big for lua_Integer becomes a float, as
** Lua's own tonumber("9223372036854775808") does. s is NUL-terminated. */
static void push_int(lua_State *L, const char *s, size_t n)
{
  int base = 10, neg = s[0] == '-';
  size_t i = skip_sign(s, 0, n);
  if (i == 0 && n > 2 && s[0] == '0' && (s[1] == 'o' || s[1] == 'x')) {
    base = s[1] == 'o' ? 8 : 16;
    i = 2;
  }
  lua_Unsigned u = 0, limit = (lua_Unsigned)LUA_MAXINTEGER + (lua_Unsigned)neg;
  double d = 0;  /* the value as a float, for octal beyond the limit */
  int big = 0;
  for (; i < n; i++) {
    unsigned v = (unsigned)digit_value(s[i]);
    big = big || u > (limit - v) / (lua_Unsigned)base;
    u = u * (lua_Unsigned)base + v;
    d = d * base + v;
  }
  if (!big) lua_pushinteger(L, neg ? (lua_Integer)(0u - u) : (lua_Integer)u);
  else if (base == 8) lua_pushnumber(L, d);
  else lua_pushnumber(L, strtod(s, NULL));  /* rounds correctly; reads 0x */
}

static void push_float(lua_State *L, const char *s, size_t n)
{
  size_t i = skip_sign(s, 0, n);
  if (one_of(s, n, nan_words)) lua_pushnumber(L, NAN);
  else if (one_of(s + i, n - i, inf_words))
    lua_pushnumber(L, s[0] == '-' ? -HUGE_VAL : HUGE_VAL);
  else lua_pushnumber(L, strtod(s, NULL));  /* s is NUL-terminated */
}

static void push_plain(lua_State *L, const char *s, size_t n)
{
  switch (classify(s, n)) {
    case SCALAR_NULL: lua_pushnil(L); break;
    case SCALAR_TRUE: lua_pushboolean(L, 1); break;
    case SCALAR_FALSE: lua_pushboolean(L, 0); break;
    case SCALAR_INT: push_int(L, s, n); break;
    case SCALAR_FLOAT: push_float(L, s, n); break;
    default: lua_pushlstring(L, s, n); break;
  }
}

/* ---------------------------------------------------------------------- */
/* load */

/* libyaml's parser and its current event, owned by a userdata whose __gc
** frees them, so a Lua error in the middle of a load leaks nothing. */
typedef struct {
  yaml_parser_t parser;
  yaml_event_t event;
  int parser_live;              /* parser needs yaml_parser_delete */
  int event_live;               /* event needs yaml_event_delete */
  char message[MESSAGE_MAX];    /* why the load failed */
} parser_box;

static void parser_close(parser_box *p)
{
  if (p->event_live) yaml_event_delete(&p->event);
  if (p->parser_live) yaml_parser_delete(&p->parser);
  p->event_live = p->parser_live = 0;
}

static int parser_gc(lua_State *L)
{
  parser_close(luaL_checkudata(L, 1, PARSER_MT));
  return 0;
}

/* Record a failure at a mark; returns 0 for the caller to pass on. */
static int fail_at(parser_box *p, const char *what, yaml_mark_t mark)
{
  snprintf(p->message, sizeof p->message, "yaml: %s at line %zu column %zu",
           what, mark.line + 1, mark.column + 1);
  return 0;
}

/* A reader error (bad encoding) has a byte offset, not a mark. */
static int fail_parse(parser_box *p)
{
  const char *what = p->parser.problem ? p->parser.problem : "parse error";
  if (p->parser.error != YAML_READER_ERROR)
    return fail_at(p, what, p->parser.problem_mark);
  snprintf(p->message, sizeof p->message, "yaml: %s at byte %zu", what,
           p->parser.problem_offset + 1);
  return 0;
}

static int next_event(parser_box *p)
{
  if (p->event_live) yaml_event_delete(&p->event);
  p->event_live = 0;
  if (!yaml_parser_parse(&p->parser, &p->event)) return fail_parse(p);
  p->event_live = 1;
  return 1;
}

static int is_str_tag(const yaml_char_t *tag)
{
  return tag && strcmp((const char *)tag, YAML_STR_TAG) == 0;
}

/* The core schema's tags and the non-specific "!": anything else would
** name a type lede cannot build (!!python/object, !ruby/hash). */
#define CORE_TAG_PREFIX "tag:yaml.org,2002:"  /* what "!!" stands for */

static const char *const known_tags[] = {
  "!", YAML_STR_TAG, YAML_INT_TAG, YAML_FLOAT_TAG, YAML_BOOL_TAG,
  YAML_NULL_TAG, YAML_SEQ_TAG, YAML_MAP_TAG, NULL
};

static int check_tag(parser_box *p, const yaml_char_t *tag, yaml_mark_t mark)
{
  if (tag == NULL) return 1;
  for (const char *const *t = known_tags; *t; t++)
    if (strcmp((const char *)tag, *t) == 0) return 1;
  const char *name = (const char *)tag;
  const char *shorthand = "";
  size_t plen = strlen(CORE_TAG_PREFIX);
  if (strncmp(name, CORE_TAG_PREFIX, plen) == 0)
    name += plen, shorthand = "!!";  /* as it was written: !!binary */
  char what[MESSAGE_MAX / 2];
  snprintf(what, sizeof what, "unknown tag '%s%.60s'", shorthand, name);
  return fail_at(p, what, mark);
}

static void push_scalar(lua_State *L, const yaml_event_t *e)
{
  const char *s = (const char *)e->data.scalar.value;
  size_t n = e->data.scalar.length;
  if (e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE
      && !is_str_tag(e->data.scalar.tag))
    push_plain(L, s, n);
  else
    lua_pushlstring(L, s, n);
}

static int load_node(lua_State *L, parser_box *p, int depth);

static int load_sequence(lua_State *L, parser_box *p, int depth)
{
  lua_newtable(L);
  for (lua_Integer i = 1;; i++) {
    if (!next_event(p)) return 0;
    if (p->event.type == YAML_SEQUENCE_END_EVENT) return 1;
    if (!load_node(L, p, depth)) return 0;
    lua_rawseti(L, -2, i);
  }
}

/* A key must be a scalar that makes a valid Lua table key. */
static int load_key(lua_State *L, parser_box *p)
{
  yaml_event_t *e = &p->event;
  if (e->type == YAML_ALIAS_EVENT)
    return fail_at(p, "aliases are not supported", e->start_mark);
  if (e->type != YAML_SCALAR_EVENT)
    return fail_at(p, "complex keys are not supported", e->start_mark);
  if (!check_tag(p, e->data.scalar.tag, e->start_mark)) return 0;
  push_scalar(L, e);
  if (lua_isnil(L, -1) || (lua_type(L, -1) == LUA_TNUMBER
                           && lua_tonumber(L, -1) != lua_tonumber(L, -1)))
    return fail_at(p, "null or nan keys are not supported", e->start_mark);
  return 1;
}

/* A key seen twice would silently keep one of two values. */
static int check_duplicate(lua_State *L, parser_box *p, yaml_mark_t mark)
{
  lua_pushvalue(L, -1);
  int seen = lua_rawget(L, -3) != LUA_TNIL;
  lua_pop(L, 1);
  if (!seen) return 1;
  char what[MESSAGE_MAX / 2];
  snprintf(what, sizeof what, "duplicate key '%.60s'",
           luaL_tolstring(L, -1, NULL));
  return fail_at(p, what, mark);
}

static int load_mapping(lua_State *L, parser_box *p, int depth)
{
  lua_newtable(L);
  for (;;) {
    if (!next_event(p)) return 0;
    if (p->event.type == YAML_MAPPING_END_EVENT) return 1;
    yaml_mark_t mark = p->event.start_mark;
    if (!load_key(L, p) || !check_duplicate(L, p, mark) || !next_event(p)
        || !load_node(L, p, depth))
      return 0;
    lua_rawset(L, -3);
  }
}

/* Push the value that starts with the current event; 0 on failure. */
static int load_node(lua_State *L, parser_box *p, int depth)
{
  yaml_event_t *e = &p->event;
  if (depth >= MAX_DEPTH) return fail_at(p, "nesting too deep", e->start_mark);
  luaL_checkstack(L, 3, "yaml: nesting too deep");
  switch (e->type) {
    case YAML_SCALAR_EVENT:
      if (!check_tag(p, e->data.scalar.tag, e->start_mark)) return 0;
      push_scalar(L, e);
      return 1;
    case YAML_SEQUENCE_START_EVENT:
      if (!check_tag(p, e->data.sequence_start.tag, e->start_mark)) return 0;
      return load_sequence(L, p, depth + 1);
    case YAML_MAPPING_START_EVENT:
      if (!check_tag(p, e->data.mapping_start.tag, e->start_mark)) return 0;
      return load_mapping(L, p, depth + 1);
    case YAML_ALIAS_EVENT:
      return fail_at(p, "aliases are not supported", e->start_mark);
    default: return fail_at(p, "unexpected event", e->start_mark);
  }
}

/* Push the first document's value (nil for an empty stream); 0 on failure. */
static int load_document(lua_State *L, parser_box *p)
{
  if (!next_event(p) || !next_event(p)) return 0;  /* stream, document */
  if (p->event.type == YAML_STREAM_END_EVENT) {
    lua_pushnil(L);
    return 1;
  }
  if (!next_event(p) || !load_node(L, p, 0)) return 0;
  return next_event(p);  /* the document's end: reports trailing junk */
}

/* lede.yaml.load(text) -> value, or nil, message */
static int lb_load(lua_State *L)
{
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  parser_box *p = lua_newuserdatauv(L, sizeof *p, 0);
  p->parser_live = p->event_live = 0;
  luaL_setmetatable(L, PARSER_MT);
  if (!yaml_parser_initialize(&p->parser)) return luaL_error(L, "not enough memory");
  p->parser_live = 1;
  yaml_parser_set_input_string(&p->parser, (const unsigned char *)s, len);
  int ok = load_document(L, p);
  parser_close(p);
  if (ok) return 1;
  lua_pushnil(L);
  lua_pushstring(L, p->message);
  return 2;
}

/* ---------------------------------------------------------------------- */
/* dump */

/* libyaml's emitter and the text it has written, owned by a userdata
** whose __gc frees both: dump raises on values it cannot write. */
typedef struct {
  yaml_emitter_t emitter;
  int live;                     /* emitter needs yaml_emitter_delete */
  char *out;                    /* the YAML so far (malloc'd) */
  size_t len, cap;              /* bytes used and allocated in out */
  const char *problem;          /* why the dump failed, when not libyaml's */
} emitter_box;

static void emitter_close(emitter_box *b)
{
  if (b->live) yaml_emitter_delete(&b->emitter);
  b->live = 0;
  free(b->out);
  b->out = NULL;
}

static int emitter_gc(lua_State *L)
{
  emitter_close(luaL_checkudata(L, 1, EMITTER_MT));
  return 0;
}

static int write_out(void *data, unsigned char *buf, size_t size)
{
  emitter_box *b = data;
  if (size > b->cap - b->len) {
    size_t cap = b->cap ? b->cap : 256;
    while (cap - b->len < size) cap *= 2;
    char *out = realloc(b->out, cap);
    if (out == NULL) return 0;
    b->out = out;
    b->cap = cap;
  }
  memcpy(b->out + b->len, buf, size);
  b->len += size;
  return 1;
}

/* Emit an event initialised by the caller; `made` is what the initialiser
** returned (0 when it refused, as for invalid UTF-8 or no memory). */
static int emit(emitter_box *b, int made, yaml_event_t *e)
{
  if (!made) {
    b->problem = "cannot write a string that is not valid UTF-8";
    return 0;
  }
  return yaml_emitter_emit(&b->emitter, e);
}

static int emit_scalar(emitter_box *b, const char *s, size_t n, int plain,
                       yaml_scalar_style_t style)
{
  yaml_event_t e;
  if (n > INT_MAX) {
    b->problem = "string too long";
    return 0;
  }
  int made = yaml_scalar_event_initialize(&e, NULL, NULL,
    (const yaml_char_t *)s, (int)n, plain, 1, style);
  return emit(b, made, &e);
}

/* A string that would read back as something else (null, true, 12) gets
** plain_implicit 0, which makes libyaml quote it; line breaks ask for the
** literal style, which libyaml turns to double quotes where it cannot. */
static int dump_string(emitter_box *b, const char *s, size_t n)
{
  int plain = classify(s, n) == SCALAR_STRING && !one_of(s, n, yaml11_words);
  int multiline = memchr(s, '\n', n) != NULL;
  return emit_scalar(b, s, n, plain,
                     multiline ? YAML_LITERAL_SCALAR_STYLE : YAML_ANY_SCALAR_STYLE);
}

/* The shortest text that reads back as the same float, and never as an
** int: 3.0 is written "3.0", not "3". */
static void format_float(char *buf, size_t size, double d)
{
  if (d != d) { snprintf(buf, size, ".nan"); return; }
  if (isinf(d)) { snprintf(buf, size, d < 0 ? "-.inf" : ".inf"); return; }
  for (int digits = 15; digits <= 17; digits++) {
    snprintf(buf, size, "%.*g", digits, d);
    if (strtod(buf, NULL) == d) break;
  }
  if (is_int(buf, strlen(buf))) strncat(buf, ".0", size - strlen(buf) - 1);
}

static int dump_number(lua_State *L, emitter_box *b, int idx)
{
  char buf[64];
  if (lua_isinteger(L, idx))
    snprintf(buf, sizeof buf, LUA_INTEGER_FMT, (LUAI_UACINT)lua_tointeger(L, idx));
  else
    format_float(buf, sizeof buf, (double)lua_tonumber(L, idx));
  return emit_scalar(b, buf, strlen(buf), 1, YAML_ANY_SCALAR_STYLE);
}

static int dump_value(lua_State *L, emitter_box *b, int idx, int depth);

/* A key of a mapping being written, kept for sorting. */
typedef struct {
  int type;          /* LUA_TNUMBER, LUA_TSTRING or LUA_TBOOLEAN */
  lua_Number n;      /* a number key, for ordering */
  lua_Integer i;     /* an integer key exactly */
  int isint;         /* the number key is an integer */
  const char *s;     /* a string key, anchored by the table */
  size_t len;        /* bytes in s */
  int b;             /* a boolean key */
} map_key;

/* Numbers first, by value; then strings, bytewise; then false, true. */
static int compare_keys(const void *pa, const void *pb)
{
  const map_key *a = pa, *b = pb;
  if (a->type != b->type) return a->type == LUA_TNUMBER ? -1
    : b->type == LUA_TNUMBER ? 1 : a->type == LUA_TSTRING ? -1 : 1;
  if (a->type == LUA_TBOOLEAN) return a->b - b->b;
  if (a->type == LUA_TNUMBER) {
    if (a->isint && b->isint) return (a->i > b->i) - (a->i < b->i);
    return (a->n > b->n) - (a->n < b->n);
  }
  size_t n = a->len < b->len ? a->len : b->len;
  int c = memcmp(a->s, b->s, n);
  return c ? c : (a->len > b->len) - (a->len < b->len);
}

static void read_key(lua_State *L, map_key *k)
{
  k->type = lua_type(L, -1);
  if (k->type == LUA_TSTRING) {
    k->s = lua_tolstring(L, -1, &k->len);
  } else if (k->type == LUA_TNUMBER) {
    k->isint = lua_isinteger(L, -1);
    k->i = lua_tointeger(L, -1);
    k->n = lua_tonumber(L, -1);
  } else if (k->type == LUA_TBOOLEAN) {
    k->b = lua_toboolean(L, -1);
  } else {
    luaL_error(L, "yaml: cannot dump a %s key", luaL_typename(L, -1));
  }
}

static void push_key(lua_State *L, const map_key *k)
{
  if (k->type == LUA_TSTRING) lua_pushlstring(L, k->s, k->len);
  else if (k->type == LUA_TBOOLEAN) lua_pushboolean(L, k->b);
  else if (k->isint) lua_pushinteger(L, k->i);
  else lua_pushnumber(L, k->n);
}

/* Count the keys of the table at idx; *seq says whether they are 1..n. */
static size_t count_keys(lua_State *L, int idx, int *seq)
{
  size_t count = 0;
  lua_Unsigned n = lua_rawlen(L, idx);
  *seq = 1;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    count++;
    lua_Integer i = lua_isinteger(L, -1) ? lua_tointeger(L, -1) : 0;
    if (i < 1 || (lua_Unsigned)i > n) *seq = 0;
  }
  *seq = *seq && count == n;
  return count;
}

/* Sorted keys of the table at idx, in a userdata pushed on the stack. */
static map_key *sorted_keys(lua_State *L, int idx, size_t count)
{
  map_key *keys = lua_newuserdatauv(L, count * sizeof *keys, 0);
  size_t i = 0;
  lua_pushnil(L);
  while (lua_next(L, idx)) {
    lua_pop(L, 1);
    read_key(L, &keys[i++]);
  }
  qsort(keys, count, sizeof *keys, compare_keys);
  return keys;
}

static int dump_mapping(lua_State *L, emitter_box *b, int idx, size_t count,
                        int depth)
{
  yaml_event_t e;
  map_key *keys = sorted_keys(L, idx, count);
  if (!yaml_mapping_start_event_initialize(&e, NULL, NULL, 1,
                                           YAML_ANY_MAPPING_STYLE)
      || !yaml_emitter_emit(&b->emitter, &e))
    return 0;
  for (size_t i = 0; i < count; i++) {
    push_key(L, &keys[i]);
    lua_pushvalue(L, -1);
    lua_rawget(L, idx);  /* keys, key, value */
    int ok = dump_value(L, b, -2, depth) && dump_value(L, b, -1, depth);
    lua_pop(L, 2);
    if (!ok) return 0;
  }
  lua_pop(L, 1);
  return yaml_mapping_end_event_initialize(&e) && yaml_emitter_emit(&b->emitter, &e);
}

/* An empty table is written as [], as most empty tables in articles are
** lists (authors, images, links). */
static int dump_sequence(lua_State *L, emitter_box *b, int idx, size_t n,
                         int depth)
{
  yaml_event_t e;
  if (!yaml_sequence_start_event_initialize(&e, NULL, NULL, 1,
        n ? YAML_ANY_SEQUENCE_STYLE : YAML_FLOW_SEQUENCE_STYLE)
      || !yaml_emitter_emit(&b->emitter, &e))
    return 0;
  for (size_t i = 1; i <= n; i++) {
    lua_rawgeti(L, idx, (lua_Integer)i);
    int ok = dump_value(L, b, -1, depth);
    lua_pop(L, 1);
    if (!ok) return 0;
  }
  return yaml_sequence_end_event_initialize(&e) && yaml_emitter_emit(&b->emitter, &e);
}

static int dump_table(lua_State *L, emitter_box *b, int idx, int depth)
{
  int seq;
  if (depth >= MAX_DEPTH)
    return luaL_error(L, "yaml: cannot dump tables nested deeper than %d "
                      "(is there a cycle?)", MAX_DEPTH);
  luaL_checkstack(L, 6, "yaml: nesting too deep");
  size_t count = count_keys(L, idx, &seq);
  if (seq || count == 0) return dump_sequence(L, b, idx, count, depth + 1);
  return dump_mapping(L, b, idx, count, depth + 1);
}

/* Write the value at idx; 0 on an emitter failure. Raises on values that
** are not plain data (functions, userdata other than a null). */
static int dump_value(lua_State *L, emitter_box *b, int idx, int depth)
{
  idx = lua_absindex(L, idx);
  size_t n;
  switch (lua_type(L, idx)) {
    case LUA_TNIL:
      return emit_scalar(b, "null", 4, 1, YAML_ANY_SCALAR_STYLE);
    case LUA_TBOOLEAN:
      return lua_toboolean(L, idx) ? emit_scalar(b, "true", 4, 1, YAML_ANY_SCALAR_STYLE)
                                   : emit_scalar(b, "false", 5, 1, YAML_ANY_SCALAR_STYLE);
    case LUA_TNUMBER: return dump_number(L, b, idx);
    case LUA_TSTRING: {
      const char *s = lua_tolstring(L, idx, &n);
      return dump_string(b, s, n);
    }
    case LUA_TTABLE: return dump_table(L, b, idx, depth);
    case LUA_TLIGHTUSERDATA:  /* cjson.null and the like */
      if (lua_touserdata(L, idx) == NULL)
        return emit_scalar(b, "null", 4, 1, YAML_ANY_SCALAR_STYLE);
      /* fall through */
    default:
      return luaL_error(L, "yaml: cannot dump a %s", luaL_typename(L, idx));
  }
}

static emitter_box *new_emitter(lua_State *L)
{
  emitter_box *b = lua_newuserdatauv(L, sizeof *b, 0);
  memset(b, 0, sizeof *b);
  luaL_setmetatable(L, EMITTER_MT);
  if (!yaml_emitter_initialize(&b->emitter)) luaL_error(L, "not enough memory");
  b->live = 1;
  yaml_emitter_set_output(&b->emitter, write_out, b);
  yaml_emitter_set_unicode(&b->emitter, 1);
  yaml_emitter_set_width(&b->emitter, -1);  /* one line per paragraph */
  yaml_emitter_set_indent(&b->emitter, 2);
  yaml_emitter_set_break(&b->emitter, YAML_LN_BREAK);
  return b;
}

/* The stream around the value: one document, without --- or ... marks. */
static int dump_document(lua_State *L, emitter_box *b)
{
  yaml_event_t e;
  return yaml_stream_start_event_initialize(&e, YAML_UTF8_ENCODING)
    && yaml_emitter_emit(&b->emitter, &e)
    && yaml_document_start_event_initialize(&e, NULL, NULL, NULL, 1)
    && yaml_emitter_emit(&b->emitter, &e)
    && dump_value(L, b, 1, 0)
    && yaml_document_end_event_initialize(&e, 1)
    && yaml_emitter_emit(&b->emitter, &e)
    && yaml_stream_end_event_initialize(&e)
    && yaml_emitter_emit(&b->emitter, &e)
    && yaml_emitter_flush(&b->emitter);
}

/* lede.yaml.dump(value) -> text, or nil, message */
static int lb_dump(lua_State *L)
{
  luaL_checkany(L, 1);
  lua_settop(L, 1);
  emitter_box *b = new_emitter(L);
  if (dump_document(L, b)) {
    lua_pushlstring(L, b->out, b->len);
    emitter_close(b);
    return 1;
  }
  lua_pushnil(L);
  lua_pushfstring(L, "yaml: %s", b->problem ? b->problem
                  : b->emitter.problem ? b->emitter.problem : "cannot write");
  emitter_close(b);
  return 2;
}

static const luaL_Reg funcs[] = {
  {"load", lb_load},
  {"dump", lb_dump},
  {NULL, NULL}
};

static void new_metatable(lua_State *L, const char *name, lua_CFunction gc)
{
  if (luaL_newmetatable(L, name)) {
    lua_pushcfunction(L, gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
}

/* Push the lede.yaml table. */
void lede_yaml_open(lua_State *L)
{
  new_metatable(L, PARSER_MT, parser_gc);
  new_metatable(L, EMITTER_MT, emitter_gc);
  luaL_newlib(L, funcs);
}
