/*
** jsonl.c: --jsonl, lede as a mapper. Reads one JSON object a line on
** standard input ({"path": ...}, {"text": ...} or an article in the -t
** json schema), runs the script, -e code or -t writer on each, and writes
** one JSON object a line, in input order; the contract is in docs/scale.md.
** Lines are read in windows that batch.c spreads over the workers.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"

/* A window of input lines: the workers are forked once per window, so it
** is large enough to make that cost nothing and small enough to stream. */
#define WINDOW_LINES 4096
#define WINDOW_BYTES (64u << 20)

/* The lines of one window and what runs on them. */
typedef struct {
  const lede_cli *cli;
  int chunks;           /* stack index of the compiled chunks */
  char **line;          /* the lines, newline removed (malloc'd) */
  size_t *len;          /* their lengths */
  size_t *lineno;       /* their 1-based line numbers on standard input */
  size_t n, cap;
} window;

/* Push lede.json.encode or lede.json.decode. */
static void pushjson(lua_State *L, const char *func)
{
  lede_cli_pushmodule(L);
  lua_getfield(L, -1, "json");
  lua_getfield(L, -1, func);
  lua_replace(L, -3);
  lua_pop(L, 1);
}

/* Append ,"key":<value at idx as JSON> to the buffer-table at `parts`;
** nothing for nil. Returns 0, or 1 with the reason pushed when the value
** cannot be encoded. */
static int addfield(lua_State *L, int parts, const char *key, int idx)
{
  idx = lua_absindex(L, idx);
  if (lua_isnil(L, idx)) return 0;
  pushjson(L, "encode");
  lua_pushvalue(L, idx);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) return 1;
  lua_pushfstring(L, ",\"%s\":", key);
  lua_rawseti(L, parts, (lua_Integer)lua_rawlen(L, parts) + 1);
  lua_rawseti(L, parts, (lua_Integer)lua_rawlen(L, parts) + 1);
  return 0;
}

/* Write the record {"line":N, then the parts, "}" and a newline. */
static void writerecord(lua_State *L, size_t lineno, int parts)
{
  lua_Integer i, n = (lua_Integer)lua_rawlen(L, parts);
  size_t len;
  const char *s;
  lua_pushfstring(L, "{\"line\":%I", (lua_Integer)lineno);
  for (i = 1; i <= n; i++) lua_rawgeti(L, parts, i);
  lua_pushliteral(L, "}\n");
  lua_concat(L, (int)n + 2);
  s = lua_tolstring(L, -1, &len);
  fwrite(s, 1, len, stdout);
  lua_pop(L, 1);
}

/* The error record and its stderr line, for the message on top. */
static int failure(lua_State *L, size_t lineno, int parts, int status)
{
  int msg = lua_gettop(L);
  lede_cli_message(lua_tostring(L, msg));
  addfield(L, parts, "error", msg);
  writerecord(L, lineno, parts);
  return status;
}

/* Push the options of lede.parse and lede.load from the command line. */
static void pushoptions(lua_State *L, const lede_cli *cli)
{
  lua_createtable(L, 0, 2);
  lua_pushinteger(L, (lua_Integer)cli->max_input);
  lua_setfield(L, -2, "max_input");
  lua_pushboolean(L, cli->allow_empty);
  lua_setfield(L, -2, "allow_empty");
}

/* Push the article a decoded line names, or nil and why: "text" is the
** article (then "path" only names it), else "path" is a file to load,
** else the object is an article in the -t json schema. */
static void pusharticle(lua_State *L, const lede_cli *cli, int obj,
                        const char *line, size_t len)
{
  int text = lua_getfield(L, obj, "text") == LUA_TSTRING;
  int path = lua_getfield(L, obj, "path") == LUA_TSTRING;
  int p = lua_gettop(L);
  lede_cli_pushmodule(L);
  lua_getfield(L, -1, text || !path ? "parse" : "load");
  if (text) lua_pushvalue(L, p - 1);
  else if (path) lua_pushvalue(L, p);
  else lua_pushlstring(L, line, len);  /* the readers take JSON text */
  pushoptions(L, cli);
  lua_call(L, 2, 2);
  if (text && path && lua_istable(L, -2)) {
    lua_pushvalue(L, p);
    lua_setfield(L, -3, "path");
  }
  lua_replace(L, p);
  lua_replace(L, p - 1);
  lua_settop(L, p);
}

/* Run the chunks with `article` bound; push the first value the last
** chunk returned, or on error the message. Returns the Lua status. */
static int runchunks(lua_State *L, const window *w)
{
  lua_Integer i, n = (lua_Integer)lua_rawlen(L, w->chunks);
  lua_pushnil(L);
  for (i = 1; i <= n; i++) {
    int status;
    lua_pop(L, 1);
    lua_rawgeti(L, w->chunks, i);
    status = lede_cli_docall(L, 0, 1, w->cli->traceback);
    if (status != LUA_OK) return status;
  }
  return LUA_OK;
}

/* Push what the item printed (its worker's scratch stdout), and empty it. */
static void pushprinted(lua_State *L)
{
  off_t n;
  luaL_Buffer b;
  fflush(stdout);
  n = lseek(1, 0, SEEK_CUR);
  if (n <= 0) {
    lua_pushliteral(L, "");
    return;
  }
  luaL_buffinit(L, &b);
  if (pread(1, luaL_prepbuffsize(&b, (size_t)n), (size_t)n, 0) == n)
    luaL_addsize(&b, (size_t)n);
  luaL_pushresult(&b);
  if (ftruncate(1, 0) != 0) lede_cli_message("cannot empty the output");
  rewind(stdout);
}

/* Push article:to(format), the -t output as a string. */
static int render(lua_State *L, const char *format, int traceback)
{
  lua_getglobal(L, "article");
  lua_getfield(L, -1, "to");
  lua_insert(L, -2);
  lua_pushstring(L, format);
  return lede_cli_docall(L, 2, 1, traceback);
}

/* Decode line i into a table, or push the message and return 0. */
static int decode(lua_State *L, const window *w, size_t i)
{
  const char *why;
  pushjson(L, "decode");
  lua_pushlstring(L, w->line[i], w->len[i]);
  lua_call(L, 1, 2);
  if (lua_istable(L, -2) && lua_rawlen(L, -2) == 0) {  /* not an array */
    lua_pop(L, 1);
    return 1;
  }
  if (lua_istable(L, -2)) lua_pushnil(L);  /* an array: no reason given */
  why = lua_tostring(L, -1);
  if (why) lua_pushfstring(L, "stdin:%I: invalid JSON: %s", (lua_Integer)w->lineno[i], why);
  else lua_pushfstring(L, "stdin:%I: not a JSON object", (lua_Integer)w->lineno[i]);
  return 0;
}

/* One line: decode, load, run, write its record. Returns its status. */
static int item(lua_State *L, const window *w, size_t i)
{
  size_t lineno = w->lineno[i];
  int parts, obj, loads;
  lua_newtable(L);
  parts = lua_gettop(L);
  if (!decode(L, w, i)) return failure(L, lineno, parts, LEDE_EXIT_USAGE);
  obj = lua_gettop(L);
  lua_getfield(L, obj, "id");
  addfield(L, parts, "id", -1);
  loads = lua_getfield(L, obj, "text") != LUA_TSTRING &&
          lua_getfield(L, obj, "path") == LUA_TSTRING;
  pusharticle(L, w->cli, obj, w->line[i], w->len[i]);
  if (!lua_istable(L, -2)) {
    if (!loads)  /* lede.load's message names the file already */
      lua_pushfstring(L, "stdin:%I: %s", (lua_Integer)lineno, lua_tostring(L, -1));
    return failure(L, lineno, parts, LEDE_EXIT_USAGE);
  }
  lua_pop(L, 1);
  lua_getfield(L, -1, "path");
  addfield(L, parts, "path", -1);
  lua_getfield(L, -2, "warning");
  if (lua_type(L, -1) == LUA_TSTRING)
    fprintf(stderr, "%s: stdin:%zu: warning: %s\n", LEDE_PROGNAME, lineno,
            lua_tostring(L, -1));
  lua_pop(L, 2);
  lua_setglobal(L, "article");
  if (runchunks(L, w) != LUA_OK) {
    pushprinted(L);
    lua_pop(L, 1);
    return failure(L, lineno, parts, LEDE_EXIT_SCRIPT);
  }
  if (addfield(L, parts, "result", -1) != 0) {
    lua_pushfstring(L, "stdin:%I: the result is not JSON: %s",
                    (lua_Integer)lineno, lua_tostring(L, -1));
    pushprinted(L);
    lua_pop(L, 1);
    return failure(L, lineno, parts, LEDE_EXIT_SCRIPT);
  }
  pushprinted(L);
  if (w->cli->format) {
    if (render(L, w->cli->format, w->cli->traceback) != LUA_OK)
      return failure(L, lineno, parts, LEDE_EXIT_SCRIPT);
    lua_concat(L, 2);
  }
  if (lua_rawlen(L, -1) > 0) addfield(L, parts, "output", -1);
  writerecord(L, lineno, parts);
  return LEDE_EXIT_OK;
}

/* The batch job: one line, the stack as it was after. */
static int job(lua_State *L, void *ud, size_t i)
{
  int top = lua_gettop(L);
  int status = item(L, ud, i);
  lua_settop(L, top);
  return status;
}

/* Read the next window of non-blank lines; 0 at the end of input. */
static size_t fill(window *w, size_t *lineno)
{
  char *line = NULL;
  size_t cap = 0, bytes = 0;
  ssize_t len;
  w->n = 0;
  while (w->n < WINDOW_LINES && bytes < WINDOW_BYTES &&
         (len = getline(&line, &cap, stdin)) >= 0) {
    ++*lineno;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) len--;
    if (strspn(line, " \t") == (size_t)len) continue;  /* blank */
    w->line[w->n] = malloc((size_t)len + 1);
    if (w->line[w->n] == NULL) break;
    memcpy(w->line[w->n], line, (size_t)len);
    w->line[w->n][len] = '\0';
    w->len[w->n] = (size_t)len;
    w->lineno[w->n] = *lineno;
    bytes += (size_t)len;
    w->n++;
  }
  free(line);
  return w->n;
}

int lede_cli_jsonl(lua_State *L, const lede_cli *cli, int chunks)
{
  window w;
  size_t lineno = 0, i;
  int status = LEDE_EXIT_OK;
  lede_cli_progress *p = lede_cli_progress_new(cli, 0);
  memset(&w, 0, sizeof w);
  w.cli = cli;
  w.chunks = lua_absindex(L, chunks);
  w.line = malloc(WINDOW_LINES * sizeof *w.line);
  w.len = malloc(WINDOW_LINES * sizeof *w.len);
  w.lineno = malloc(WINDOW_LINES * sizeof *w.lineno);
  if (w.line == NULL || w.len == NULL || w.lineno == NULL) {
    lede_cli_message("not enough memory");
    status = LEDE_EXIT_SCRIPT;
  }
  while (status != LEDE_EXIT_SCRIPT || w.line != NULL) {
    lede_cli_batch b;
    if (w.line == NULL || fill(&w, &lineno) == 0) break;
    b.cli = cli;
    b.n = w.n;
    b.workers = lede_cli_workers(cli, w.n);
    b.isolate = 1;  /* the job reads back what the item printed */
    b.job = job;
    b.ud = &w;
    status = lede_cli_worse(status, lede_cli_runbatch(L, &b, p));
    for (i = 0; i < w.n; i++) free(w.line[i]);
    if (b.done < b.n) break;  /* --fail-fast, or a worker died */
  }
  lede_cli_progress_free(p);
  free(w.line);
  free(w.len);
  free(w.lineno);
  return status;
}
