/*
** parse.c: lede.parse and lede.load. Reads options and files, runs
** lede_parse and builds the article table. Bad data comes back as
** nil, message, offset (like io.open); a caller's mistake raises.
*/
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <lauxlib.h>

#include "lua/binding.h"

/* Metatable of the box that closes a file if reading it raises. */
#define FILE_MT "lede.file"

/* Metatable of the box that frees a converted text if pushing it raises. */
#define TEXT_MT "lede.text.buffer"

/* The options lede.parse and lede.load accept. */
static const char *const option_names[] = {"allow_empty", "max_input", "path",
                                           NULL};

/* What read_options found. */
typedef struct {
  lede_options core;  /* passed on to lede_parse */
  int path;           /* stack index of the path string, or 0 for none */
} parse_opts;

/* Unknown options raise: a misspelt `max_imput` would otherwise do nothing. */
static void check_keys(lua_State *L, int arg)
{
  lua_pushnil(L);
  while (lua_next(L, arg)) {
    lua_pop(L, 1);
    const char *key = lua_type(L, -1) == LUA_TSTRING ? lua_tostring(L, -1) : "";
    int i = 0;
    while (option_names[i] && strcmp(option_names[i], key) != 0) i++;
    if (option_names[i] == NULL)
      luaL_argerror(L, arg, lua_pushfstring(L, "unknown option '%s'",
                                            luaL_tolstring(L, -1, NULL)));
  }
}

static size_t read_max_input(lua_State *L, int arg)
{
  int isint;
  lua_getfield(L, arg, "max_input");
  lua_Integer n = lua_tointegerx(L, -1, &isint);
  luaL_argcheck(L, lua_isnil(L, -1) || (isint && n >= 0), arg,
                "option 'max_input' must be a non-negative integer");
  lua_pop(L, 1);
  return (size_t)n;  /* 0, no limit, when absent */
}

/* Read the optional options table at `arg`. Leaves opts.path (a string)
** on the stack when it is set. */
static parse_opts read_options(lua_State *L, int arg)
{
  parse_opts o = {{0}, 0};
  if (lua_isnoneornil(L, arg)) return o;
  luaL_checktype(L, arg, LUA_TTABLE);
  check_keys(L, arg);
  o.core.max_input = read_max_input(L, arg);
  lua_getfield(L, arg, "allow_empty");
  o.core.allow_empty = lua_toboolean(L, -1);
  lua_pop(L, 1);
  if (lua_getfield(L, arg, "path") == LUA_TNIL) {
    lua_pop(L, 1);
    return o;
  }
  luaL_argcheck(L, lua_type(L, -1) == LUA_TSTRING, arg,
                "option 'path' must be a string");
  o.path = lua_gettop(L);
  return o;
}

/*
** Push nil, message, offset. The offset is 1-based like every position in
** Lua, so text:sub(offset, offset) is the byte the message names. `where`
** (a path) prefixes the message when not NULL.
*/
static int push_failure(lua_State *L, lede_status st, const lede_error *err,
                        const char *where)
{
  const char *msg = err->message[0] ? err->message : lede_status_string(st);
  lua_pushnil(L);
  if (where) lua_pushfstring(L, "%s: %s", where, msg);
  else lua_pushstring(L, msg);
  lua_pushinteger(L, (lua_Integer)err->offset + 1);
  return 3;
}

static int text_gc(lua_State *L)
{
  char **buf = luaL_checkudata(L, 1, TEXT_MT);
  free(*buf);
  *buf = NULL;
  return 0;
}

/*
** UTF-16 with a byte order mark and Windows-1252 text are converted to
** UTF-8 before the parse: replace the string at `text` by its conversion
** and return the encoding it came from (LEDE_ENCODING_UTF8: untouched).
** The spans then point into the converted text, which is article.source.
*/
static lede_encoding to_utf8(lua_State *L, int text)
{
  size_t len, outlen;
  const char *s = lua_tolstring(L, text, &len);
  lede_encoding enc = lede_text_encoding(s, len);
  if (enc == LEDE_ENCODING_UTF8) return enc;
  char **buf = lua_newuserdatauv(L, sizeof *buf, 0);
  *buf = NULL;
  luaL_setmetatable(L, TEXT_MT);
  if (lede_text_to_utf8(s, len, enc, buf, &outlen, NULL) != LEDE_OK)
    luaL_error(L, "not enough memory");
  lua_pushlstring(L, *buf, outlen);
  free(*buf);
  *buf = NULL;
  lua_replace(L, text);
  lua_pop(L, 1);
  return enc;
}

/*
** Parse the string at `text`; push the article table, or the failure. The
** handle is made before lede_parse so the article is owned by the garbage
** collector from the moment it exists.
*/
static int push_parse(lua_State *L, int text, const parse_opts *o,
                      const char *where)
{
  size_t len;
  lede_encoding enc = to_utf8(L, text);
  const char *s = lua_tolstring(L, text, &len);
  lede_error err = {LEDE_OK, 0, ""};
  lede_options core = o->core;
  lede_article **box = lede_handle_new(L);
  /* The string stays on the handle: the article reads it in place, and
  ** most paragraphs' texts are its bytes (no copy of the input). */
  lede_handle_borrow(L, text);
  core.borrow = 1;
  lede_status st = lede_parse(s, len, &core, box, &err);
  if (st == LEDE_ENOMEM) return luaL_error(L, "not enough memory");
  if (st != LEDE_OK) return push_failure(L, st, &err, where);
  lede_push_article(L, *box);  /* handle, article */
  lua_pushvalue(L, text);      /* the caller's string: exactly its bytes */
  lua_setfield(L, -2, "source");
  if (enc != LEDE_ENCODING_UTF8) {
    lua_pushfstring(L, "converted from %s to UTF-8", lede_encoding_name(enc));
    lua_setfield(L, -2, "warning");
  }
  if (o->path) {
    lua_pushvalue(L, o->path);
    lua_setfield(L, -2, "path");
  }
  luaL_setmetatable(L, LEDE_ARTICLE_MT);
  lua_insert(L, -2);           /* article, handle */
  lede_handle_attach(L, -2);
  return 1;
}

/* lede.parse(text [, opts]) */
static int lb_parse(lua_State *L)
{
  luaL_checkstring(L, 1);
  parse_opts o = read_options(L, 2);
  return push_parse(L, 1, &o, NULL);
}

static int file_gc(lua_State *L)
{
  FILE **f = luaL_checkudata(L, 1, FILE_MT);
  if (*f) fclose(*f);
  *f = NULL;
  return 0;
}

/* The size of the open file, or a small guess when it has none (a pipe). */
static size_t file_size(FILE *f)
{
  struct stat st;
  if (fstat(fileno(f), &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    return (size_t)st.st_size;
  return LUAL_BUFFERSIZE;
}

/* Push the whole file as a string, or return errno (0 on success). The
** FILE sits in a box with __gc, so a failed allocation still closes it.
** The buffer starts at the file's size: grown by doubling, it held up to
** twice the input before the string was made. With a limit, reading stops
** one byte past it: enough for lede_parse to refuse the text, without
** reading a huge file for nothing. */
static int read_file(lua_State *L, const char *path, size_t limit)
{
  FILE **f = lua_newuserdatauv(L, sizeof *f, 0);
  *f = NULL;
  luaL_setmetatable(L, FILE_MT);
  if ((*f = fopen(path, "rb")) == NULL) return errno;
  luaL_Buffer b;
  size_t want = file_size(*f), n, total = 0;
  if (limit && want > limit) want = limit + 1;
  luaL_buffinitsize(L, &b, want + 1);
  do {  /* at the size, then on in case the file grew */
    if (limit && limit - total < want) want = limit - total + 1;
    n = fread(luaL_prepbuffsize(&b, want), 1, want, *f);
    luaL_addsize(&b, n);
    total += n;
    want = LUAL_BUFFERSIZE;
  } while (n > 0 && !feof(*f) && !(limit && total > limit));
  int failed = ferror(*f) ? (errno ? errno : EIO) : 0;
  luaL_pushresult(&b);
  fclose(*f);
  *f = NULL;
  return failed;
}

/* lede.load(path [, opts]) */
static int lb_load(lua_State *L)
{
  const char *path = luaL_checkstring(L, 1);
  parse_opts o = read_options(L, 2);
  o.path = 1;  /* the argument, whatever opts.path says */
  int e = read_file(L, path, o.core.max_input);
  if (e) {
    lua_pushnil(L);
    lua_pushfstring(L, "%s: %s", path, strerror(e));
    return 2;
  }
  return push_parse(L, lua_gettop(L), &o, path);
}

static const luaL_Reg funcs[] = {
  {"parse", lb_parse},
  {"load", lb_load},
  {NULL, NULL}
};

/* Add parse and load to the module table on top of the stack. */
void lede_parse_open(lua_State *L)
{
  if (luaL_newmetatable(L, FILE_MT)) {
    lua_pushcfunction(L, file_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  if (luaL_newmetatable(L, TEXT_MT)) {
    lua_pushcfunction(L, text_gc);
    lua_setfield(L, -2, "__gc");
  }
  lua_pop(L, 1);
  luaL_setfuncs(L, funcs, 0);
}
