/*
** repl.c: the interactive loop, lua.c's doREPL with lede's prompt and
** values shown through lede.inspect. On a terminal it uses libedit and
** keeps ~/.lede_history; otherwise it reads plain lines without prompts.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <editline/readline.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"

/* Entries kept in the history file: enough to find last week's lines,
** few enough to rewrite the whole file after every line. */
#define HISTORY_MAX 1000

#define HISTORY_FILE ".lede_history"

/* Longest history path and prompt we build (longer names are cut). */
#define HISTORY_PATH_MAX 4096
#define PROMPT_MAX 80

/* What luaL_loadbuffer says at the end of an unfinished chunk. */
#define EOFMARK "<eof>"
#define MARKLEN (sizeof(EOFMARK) - 1)

/* The loop's settings, fixed when it starts. */
typedef struct {
  int tty;                         /* stdin is a terminal: edit, prompt */
  char history[HISTORY_PATH_MAX];  /* history file, or "" for none */
} repl;

/* "lede[NAME]> " for the article bound now (NAME: the file's base name
** without extension), "lede> " with none, ">> " on continuation lines. */
static void makeprompt(lua_State *L, int firstline, char *buf, size_t size) {
  const char *path, *base, *dot;
  int len;
  if (!firstline) {
    snprintf(buf, size, ">> ");
    return;
  }
  if (lua_getglobal(L, "article") != LUA_TTABLE) {
    lua_pop(L, 1);
    snprintf(buf, size, "lede> ");
    return;
  }
  lua_getfield(L, -1, "path");
  path = lua_tostring(L, -1);
  if (path == NULL || strcmp(path, "-") == 0)
    path = path ? "stdin" : "article";
  base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
  dot = strrchr(base, '.');
  len = (int)(dot && dot > base ? (size_t)(dot - base) : strlen(base));
  snprintf(buf, size, "lede[%.*s]> ", len, base);
  lua_pop(L, 2);
}

/* Read one line, newline dropped, and push it; 0 at the end of input. */
static int pushline(lua_State *L, const repl *r, int firstline) {
  luaL_Buffer b;
  char *line;
  if (r->tty) {
    char prompt[PROMPT_MAX];
    makeprompt(L, firstline, prompt, sizeof prompt);
    if ((line = readline(prompt)) == NULL)
      return 0;
    lua_pushstring(L, line);  /* as lua.c: freed right after the copy */
    free(line);
    return 1;
  }
  luaL_buffinit(L, &b);
  for (;;) {
    char *p = luaL_prepbuffer(&b);
    size_t n;
    if (fgets(p, LUAL_BUFFERSIZE, stdin) == NULL)
      break;
    n = strlen(p);
    luaL_addsize(&b, n);
    if (n > 0 && p[n - 1] == '\n') {
      luaL_buffsub(&b, 1);
      luaL_pushresult(&b);
      return 1;
    }
  }
  luaL_pushresult(&b);  /* a last line without newline still counts */
  if (lua_rawlen(L, -1) > 0)
    return 1;
  lua_pop(L, 1);
  return 0;
}

/* Keep a finished statement in the history file. */
static void saveline(const repl *r, const char *line) {
  if (!r->tty || line[0] == '\0')
    return;
  add_history(line);
  if (r->history[0] != '\0')
    write_history(r->history);
}

/* The chunk failed to compile only because it is not finished yet. */
static int incomplete(lua_State *L, int status) {
  if (status == LUA_ERRSYNTAX) {
    size_t lmsg;
    const char *msg = lua_tolstring(L, -1, &lmsg);
    if (lmsg >= MARKLEN && strcmp(msg + lmsg - MARKLEN, EOFMARK) == 0) {
      lua_pop(L, 1);
      return 1;
    }
  }
  return 0;
}

/* Try the line (at index 1) as an expression: "return " .. line. */
static int addreturn(lua_State *L, const repl *r) {
  const char *line = lua_tostring(L, 1);
  const char *retline = lua_pushfstring(L, "return %s;", line);
  int status = lede_cli_loadbuffer(L, retline, strlen(retline), "=stdin");
  if (status == LUA_OK) {
    lua_remove(L, -2);  /* the "return" line */
    saveline(r, line);
  }
  else
    lua_pop(L, 2);  /* the error and the "return" line */
  return status;
}

/* Read more lines while the statement at index 1 is unfinished. */
static int multiline(lua_State *L, const repl *r) {
  for (;;) {
    size_t len;
    const char *line = lua_tolstring(L, 1, &len);
    int status = lede_cli_loadbuffer(L, line, len, "=stdin");
    if (!incomplete(L, status) || !pushline(L, r, 0)) {
      saveline(r, line);
      return status;
    }
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);  /* line, "\n", next line */
  }
}

/* Read and compile one statement; -1 at the end of input. */
static int loadline(lua_State *L, const repl *r) {
  int status;
  lua_settop(L, 0);
  if (!pushline(L, r, 1))
    return -1;
  if ((status = addreturn(L, r)) != LUA_OK)
    status = multiline(L, r);
  lua_remove(L, 1);
  return status;
}

/* show(...): print every value through lede.inspect, one per line. */
static int show(lua_State *L) {
  int i, n = lua_gettop(L);
  lede_cli_pushmodule(L);
  lua_getfield(L, -1, "inspect");
  for (i = 1; i <= n; i++) {
    size_t len;
    const char *s;
    if (lua_isfunction(L, n + 2)) {
      lua_pushvalue(L, n + 2);
      lua_pushvalue(L, i);
      lua_call(L, 1, 1);
      s = luaL_tolstring(L, -1, &len);
    }
    else
      s = luaL_tolstring(L, i, &len);
    fwrite(s, 1, len, stdout);
    if (len == 0 || s[len - 1] != '\n')
      fputc('\n', stdout);
    lua_settop(L, n + 2);
  }
  fflush(stdout);
  return 0;
}

/* Print the values a statement returned, under protection. */
static int showresults(lua_State *L) {
  int n = lua_gettop(L);
  if (n == 0)
    return LUA_OK;
  lua_pushcfunction(L, show);
  lua_insert(L, 1);
  return lede_cli_docall(L, n, 0, 0);
}

/* The loop, in its own C frame so that lua_settop(L, 0) is ours. */
static int doREPL(lua_State *L) {
  const repl *r = lua_touserdata(L, 1);
  int status, failed = 0;
  while ((status = loadline(L, r)) != -1) {
    if (status == LUA_OK)
      status = lede_cli_docall(L, 0, LUA_MULTRET, 1);
    if (status == LUA_OK)
      status = showresults(L);
    if (status != LUA_OK)
      failed = 1, lede_cli_report(L, status);
  }
  lua_settop(L, 0);
  if (r->tty)
    fputs("\n", stdout);
  fflush(stdout);
  lua_pushboolean(L, failed);
  return 1;
}

/* Set up libedit and read the old history. */
static void openhistory(repl *r) {
  const char *home = getenv("HOME");
  r->history[0] = '\0';
  rl_readline_name = "lede";  /* for ~/.editrc sections */
  using_history();
  stifle_history(HISTORY_MAX);
  if (home == NULL || home[0] == '\0')
    return;
  if ((size_t)snprintf(r->history, sizeof r->history, "%s/%s", home,
                       HISTORY_FILE) >= sizeof r->history) {
    r->history[0] = '\0';
    return;
  }
  read_history(r->history);
}

int lede_cli_repl(lua_State *L) {
  repl r;
  int failed;
  r.tty = isatty(STDIN_FILENO);
  if (r.tty) {
    openhistory(&r);
    printf("%s  Ctrl-D leaves\n", LEDE_CLI_VERSION);
  }
  lua_pushcfunction(L, doREPL);
  lua_pushlightuserdata(L, &r);
  lua_call(L, 1, 1);
  failed = lua_toboolean(L, -1);
  lua_pop(L, 1);
  /* Piped lines are a script: a failed one must show in the status. */
  return failed && !r.tty ? LEDE_EXIT_SCRIPT : LEDE_EXIT_OK;
}
