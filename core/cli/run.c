/*
** run.c: loading the articles named on the command line and running the
** -e chunks and the script once per article (the awk model). The lede
** module does the reading and parsing; this file only reports.
*/
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"

/*
** Push all of f as one string, reading at most `limit` + 1 bytes (limit 0:
** no limit); or push nil and why: the system's reason, or that the input
** is larger than --max-input. Nothing past the limit is read, so a huge
** file or an endless pipe costs no more than the limit.
*/
static void readall(lua_State *L, FILE *f, size_t limit) {
  luaL_Buffer b;
  size_t n, want, total = 0;
  luaL_buffinit(L, &b);
  do {
    want = limit && limit - total < LUAL_BUFFERSIZE ? limit - total + 1
                                                    : LUAL_BUFFERSIZE;
    n = fread(luaL_prepbuffer(&b), 1, want, f);
    luaL_addsize(&b, n);
    total += n;
  } while (n == want && !(limit && total > limit));
  luaL_pushresult(&b);
  if (ferror(f) || (limit && total > limit)) {
    int err = errno;
    lua_pop(L, 1);
    lua_pushnil(L);
    if (limit && total > limit)
      lua_pushfstring(L, "larger than --max-input (%I bytes)",
                      (lua_Integer)limit);
    else
      lua_pushstring(L, strerror(err ? err : EIO));
  }
}

/* The command line's options, for articles the REPL's :open loads too;
** set by lede_cli_run and lede_cli_bind, which come first. */
static const lede_cli *options = NULL;

/* Push the text of article `name` ("-": standard input), or nil and why. */
static void readarticle(lua_State *L, const lede_cli *cli, const char *name) {
  FILE *f = strcmp(name, "-") == 0 ? stdin : fopen(name, "rb");
  if (f == NULL) {
    lua_pushnil(L);
    lua_pushstring(L, strerror(errno));
    return;
  }
  errno = 0;
  readall(L, f, cli->max_input);
  if (f != stdin)
    fclose(f);
}

/* Push lede.parse(text, {path = name, allow_empty = ...}): the article,
** or nil and the reason. */
static void parse(lua_State *L, const lede_cli *cli, const char *name) {
  lede_cli_pushmodule(L);
  lua_getfield(L, -1, "parse");
  lua_remove(L, -2);
  readarticle(L, cli, name);
  if (lua_isnil(L, -2)) {
    lua_remove(L, -3);  /* nil, reason: lede.parse is not called */
    return;
  }
  lua_createtable(L, 0, 2);
  lua_pushstring(L, name);
  lua_setfield(L, -2, "path");
  lua_pushboolean(L, cli->allow_empty);
  lua_setfield(L, -2, "allow_empty");
  if (cli->input_format != NULL) {
    lua_pushstring(L, cli->input_format);
    lua_setfield(L, -2, "format");
  }
  lua_call(L, 2, 2);
}

/* Say once when the article came with a warning (invalid UTF-8). */
static void warn(lua_State *L, const char *display) {
  lua_getfield(L, -1, "warning");
  if (lua_type(L, -1) == LUA_TSTRING)
    fprintf(stderr, "%s: %s: warning: %s\n", LEDE_PROGNAME, display,
            lua_tostring(L, -1));
  lua_pop(L, 1);
}

int lede_cli_load(lua_State *L, const char *name) {
  static const lede_cli defaults = {.max_input = LEDE_MAX_INPUT_DEFAULT};
  const lede_cli *cli = options ? options : &defaults;
  int top = lua_gettop(L);
  const char *display = strcmp(name, "-") == 0 ? "stdin" : name;
  parse(L, cli, name);
  if (!lua_istable(L, top + 1)) {
    const char *why = lua_tostring(L, top + 2);
    /* "2:8: yaml: ..." is a place in the file: FILE:2:8: yaml: ... */
    int place = why && why[0] >= '0' && why[0] <= '9' &&
                strspn(why, "0123456789:") > 2 && strchr(why, ':');
    fprintf(stderr, "%s: %s%s%s\n", LEDE_PROGNAME, display, place ? ":" : ": ",
            why ? why : "cannot load the article");
    lua_settop(L, top);
    return 0;
  }
  lua_settop(L, top + 1);
  warn(L, display);
  return 1;
}

/* Run every chunk in order; the first error stops the program. */
static int runchunks(lua_State *L, int chunks, int traceback) {
  lua_Integer i, n = (lua_Integer)lua_rawlen(L, chunks);
  for (i = 1; i <= n; i++) {
    lua_rawgeti(L, chunks, i);
    if (lede_cli_report(L, lede_cli_docall(L, 0, 0, traceback)) != LUA_OK)
      return LEDE_EXIT_SCRIPT;
  }
  return LEDE_EXIT_OK;
}

/* One article (NULL: none): bind it, run the code, write the -t output
** of whatever 'article' holds then, so a script may replace it. */
static int runone(lua_State *L, const lede_cli *cli, int chunks,
                  const char *name) {
  int status;
  if (name == NULL)
    lua_pushnil(L);
  else if (!lede_cli_load(L, name))
    return LEDE_EXIT_USAGE;
  lua_setglobal(L, "article");
  status = runchunks(L, chunks, cli->traceback);
  if (status != LEDE_EXIT_OK || cli->format == NULL)
    return status;
  lua_getglobal(L, "article");
  return lede_cli_write(L, cli->format, cli->output);
}

/* What each article of a batch needs. */
typedef struct {
  const lede_cli *cli;
  int chunks;           /* stack index of the compiled chunks */
} files;

/* The batch job: article i of the command line. */
static int runfile(lua_State *L, void *ud, size_t i) {
  const files *f = ud;
  int top = lua_gettop(L);
  int status = runone(L, f->cli, f->chunks, f->cli->argv[f->cli->first + (int)i]);
  lua_settop(L, top);
  return status;
}

/* An unreadable article does not stop the others (grep's way); a failing
** script does, as in lua. -i needs the state the articles ran in, so it
** runs them here; otherwise batch.c spreads them over the workers. */
int lede_cli_run(lua_State *L, const lede_cli *cli, int chunks) {
  files f;
  lede_cli_batch b;
  lede_cli_progress *p = NULL;
  int status;
  options = cli;
  if (cli->first >= cli->argc)
    return runone(L, cli, chunks, NULL);
  f.cli = cli;
  f.chunks = lua_absindex(L, chunks);
  b.cli = cli;
  b.n = (size_t)(cli->argc - cli->first);
  b.workers = cli->interactive ? 1 : lede_cli_workers(cli, b.n);
  b.isolate = 0;
  b.job = runfile;
  b.ud = &f;
  if (b.n > 1 && !cli->interactive)
    p = lede_cli_progress_new(cli, b.n);
  status = lede_cli_runbatch(L, &b, p);
  lede_cli_progress_free(p);
  return status;
}

int lede_cli_bind(lua_State *L, const lede_cli *cli) {
  int i, status = LEDE_EXIT_OK;
  options = cli;
  for (i = cli->first; i < cli->argc; i++) {
    if (lede_cli_load(L, cli->argv[i])) {
      lua_setglobal(L, "article");
      lede_cli_remember(L);
    }
    else
      status = LEDE_EXIT_USAGE;
  }
  return status;
}
