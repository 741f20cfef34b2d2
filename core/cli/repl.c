/*
** repl.c: the interactive loop, lua.c's doREPL with lede's prompt and
** values shown through lede.inspect. On a terminal it edits lines with
** libedit (Tab in complete.c), keeps a history file and takes Ctrl-C at
** the prompt as "clear the line"; otherwise it reads plain lines without
** prompts. Lines starting with ':' are commands (commands.c).
*/
#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <wchar.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"
#include "cli/repl.h"

/* Entries kept in the history file: enough to find last week's lines,
** few enough to rewrite the whole file after every line. */
#define HISTORY_MAX 1000

/* How values are shown at first; :set changes them. The string cut keeps
** a long paragraph readable while article.source no longer floods the
** screen. */
#define SHOW_DEPTH 6
#define SHOW_ITEMS 50
#define SHOW_CHARS 500

/* What luaL_loadbuffer says at the end of an unfinished chunk. */
#define EOFMARK "<eof>"
#define MARKLEN (sizeof(EOFMARK) - 1)

/* What reading a line gave (pushline). */
#define LINE_EOF 0          /* end of input: leave */
#define LINE_READ 1         /* a line, pushed */
#define LINE_INTERRUPT (-1) /* Ctrl-C at the prompt: drop what was typed */

/* Set by the SIGINT handler while the editor waits for a line. */
static volatile sig_atomic_t interrupted = 0;

static void oninterrupt(int sig) {
  (void)sig;
  interrupted = 1;
}

/* Catch Ctrl-C while the editor reads: without SA_RESTART the read
** fails with EINTR and el_gets returns. The default comes back after. */
static void catchinterrupt(int on) {
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on ? oninterrupt : SIG_DFL;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGINT, &sa, NULL);
}

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

/*
** libedit's key reader, made to see Ctrl-C: the signal can arrive while
** a key is already waiting, and then read() returns the key rather than
** failing, so the flag is checked around every read. Bytes are decoded
** as the locale says; one that is not a character is passed on as is.
*/
static int getkey(EditLine *el, wchar_t *wc) {
  char buf[MB_LEN_MAX];
  size_t n = 0;
  (void)el;
  for (;;) {
    mbstate_t st;
    ssize_t got;
    size_t r;
    if (interrupted)
      return errno = EINTR, -1;
    got = read(STDIN_FILENO, buf + n, 1);
    if (interrupted)
      return errno = EINTR, -1;
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      return got == 0 ? 0 : -1;
    n++;
    memset(&st, 0, sizeof st);
    r = mbrtowc(wc, buf, n, &st);
    if (r == (size_t)-2 && n < sizeof buf)
      continue;  /* more bytes of the character to come */
    if (r == (size_t)-1 || r == (size_t)-2)
      *wc = (wchar_t)(unsigned char)buf[0];
    return 1;
  }
}

static char *prompt(EditLine *el) {
  lede_repl *r;
  el_get(el, EL_CLIENTDATA, &r);
  return r->prompt;
}

/* Read a line from the editor, newline dropped, and push it. */
static int edittty(lede_repl *r, int firstline) {
  const char *line;
  int n;
  makeprompt(r->L, firstline, r->prompt, sizeof r->prompt);
  interrupted = 0;
  catchinterrupt(1);
  line = el_gets(r->el, &n);
  catchinterrupt(0);
  if (line == NULL) {
    if (!interrupted && !(n < 0 && errno == EINTR))
      return LINE_EOF;
    fputs("\n", stdout);  /* the abandoned line stays on screen */
    fflush(stdout);
    return LINE_INTERRUPT;
  }
  if (n > 0 && line[n - 1] == '\n')
    n--;
  lua_pushlstring(r->L, line, (size_t)n);
  return LINE_READ;
}

/* Read a plain line (no terminal), newline dropped, and push it. */
static int readplain(lua_State *L) {
  luaL_Buffer b;
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
      return LINE_READ;
    }
  }
  luaL_pushresult(&b);  /* a last line without newline still counts */
  if (lua_rawlen(L, -1) > 0)
    return LINE_READ;
  lua_pop(L, 1);
  return LINE_EOF;
}

static int pushline(lede_repl *r, int firstline) {
  return r->el ? edittty(r, firstline) : readplain(r->L);
}

/* Keep a finished statement in the history file. */
static void saveline(const lede_repl *r, const char *line) {
  HistEvent ev;
  if (r->hist == NULL || line[strspn(line, " \t")] == '\0')
    return;
  history(r->hist, &ev, H_ENTER, line);
  if (r->history[0] != '\0')
    history(r->hist, &ev, H_SAVE, r->history);
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

int lede_repl_compile(lua_State *L, const char *code, size_t len) {
  const char *retline = lua_pushfstring(L, "return %s;", code);
  int status = lede_cli_loadbuffer(L, retline, strlen(retline), "=stdin");
  lua_remove(L, -2);  /* the "return" line */
  if (status == LUA_OK)
    return status;
  lua_pop(L, 1);
  return lede_cli_loadbuffer(L, code, len, "=stdin");
}

/* Compile the statement at index 1, reading more lines while it is
** unfinished. Pushes the function or the error; LINE_INTERRUPT (nothing
** pushed) when Ctrl-C dropped it. */
static int loadchunk(lede_repl *r) {
  lua_State *L = r->L;
  for (;;) {
    size_t len;
    const char *code = lua_tolstring(L, 1, &len);
    int status = lede_repl_compile(L, code, len), got;
    if (!incomplete(L, status)) {
      saveline(r, code);
      return status;
    }
    if ((got = pushline(r, 0)) == LINE_INTERRUPT)
      return saveline(r, code), LINE_INTERRUPT;
    if (got == LINE_EOF)  /* compile it once more for the message */
      return saveline(r, code), lede_cli_loadbuffer(L, code, len, "=stdin");
    lua_pushliteral(L, "\n");
    lua_insert(L, -2);
    lua_concat(L, 3);  /* code, "\n", next line: index 1 again */
  }
}

/* show(...): print every value through lede.inspect, one per line; the
** options table is upvalue 1. */
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
      lua_pushvalue(L, lua_upvalueindex(1));
      lua_call(L, 2, 1);
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

/* Push lede.inspect's options as the session's settings say. */
static void pushoptions(const lede_repl *r) {
  lua_State *L = r->L;
  lua_createtable(L, 0, 4);
  lua_pushinteger(L, r->depth);
  lua_setfield(L, -2, "depth");
  lua_pushinteger(L, r->items);
  lua_setfield(L, -2, "items");
  lua_pushinteger(L, r->chars);
  lua_setfield(L, -2, "chars");
  lua_pushboolean(L, r->color);
  lua_setfield(L, -2, "color");
}

int lede_repl_show(lede_repl *r, int n) {
  lua_State *L = r->L;
  int base = lua_gettop(L) - n;
  if (n == 0)
    return LUA_OK;
  lua_pushvalue(L, base + 1);
  lua_setglobal(L, "_");
  pushoptions(r);
  lua_pushcclosure(L, show, 1);
  lua_insert(L, base + 1);
  return lede_cli_docall(L, n, 0, 0);
}

/* One line of input and whatever it asks; returns 1, or 0 when it
** failed and has said why. */
static int doline(lede_repl *r) {
  lua_State *L = r->L;
  int status;
  if (lede_repl_iscommand(lua_tostring(L, 1))) {
    saveline(r, lua_tostring(L, 1));
    return lede_repl_command_run(r);
  }
  if ((status = loadchunk(r)) == LINE_INTERRUPT)
    return 1;
  lua_remove(L, 1);  /* the line */
  if (status == LUA_OK)
    status = lede_cli_docall(L, 0, LUA_MULTRET, 1);
  if (status == LUA_OK)
    status = lede_repl_show(r, lua_gettop(L));
  return lede_cli_report(L, status) == LUA_OK;
}

/* The loop, in its own C frame so that lua_settop(L, 0) is ours. */
static int doREPL(lua_State *L) {
  lede_repl *r = lua_touserdata(L, 1);
  int got, failed = 0;
  while (!r->quit) {
    lua_settop(L, 0);
    if ((got = pushline(r, 1)) == LINE_EOF)
      break;
    if (got == LINE_INTERRUPT)
      continue;
    if (!doline(r))
      failed = 1;
  }
  lua_settop(L, 0);
  if (r->el && !r->quit)
    fputs("\n", stdout);
  fflush(stdout);
  lua_pushboolean(L, failed);
  return 1;
}

/* The history file: $LEDE_HISTORY (empty: none), else
** $XDG_STATE_HOME/lede/history, else ~/.lede_history. */
static void historypath(lede_repl *r) {
  const char *env = getenv("LEDE_HISTORY");
  const char *state = getenv("XDG_STATE_HOME");
  const char *home = getenv("HOME");
  size_t size = sizeof r->history;
  int n = -1;
  if (env != NULL)
    n = snprintf(r->history, size, "%s", env);
  else if (state != NULL && state[0] != '\0') {
    n = snprintf(r->history, size, "%s/lede", state);
    if (n >= 0 && (size_t)n < size)
      mkdir(r->history, 0700);  /* an error shows when saving fails */
    n = snprintf(r->history, size, "%s/lede/history", state);
  }
  else if (home != NULL && home[0] != '\0')
    n = snprintf(r->history, size, "%s/.lede_history", home);
  if (n < 0 || (size_t)n >= size)
    r->history[0] = '\0';
}

/* Set up libedit, Tab and the old history. */
static void openeditor(lede_repl *r) {
  HistEvent ev;
  setlocale(LC_CTYPE, "");  /* UTF-8 input edits as characters */
  r->hist = history_init();
  history(r->hist, &ev, H_SETSIZE, HISTORY_MAX);
  history(r->hist, &ev, H_SETUNIQUE, 1);
  historypath(r);
  if (r->history[0] != '\0')
    history(r->hist, &ev, H_LOAD, r->history);
  r->el = el_init("lede", stdin, stdout, stderr);
  el_set(r->el, EL_CLIENTDATA, r);
  el_set(r->el, EL_EDITOR, "emacs");
  el_set(r->el, EL_PROMPT, prompt);
  el_set(r->el, EL_GETCFN, getkey);
  el_set(r->el, EL_HIST, history, r->hist);
  /* The wide calls: el_set copies the name and help of EL_ADDFN and
  ** never frees them (a leak under ASan); el_wset keeps our constants. */
  el_wset(r->el, EL_ADDFN, L"lede-complete",
          L"complete names, fields, methods, files and commands",
          lede_repl_complete);
  el_wset(r->el, EL_BIND, L"^I", L"lede-complete", (wchar_t *)NULL);
  el_source(r->el, NULL);  /* ~/.editrc may rebind keys */
}

static void closeeditor(lede_repl *r) {
  if (r->el)
    el_end(r->el);
  if (r->hist)
    history_end(r->hist);
}

/* Colours for a terminal, unless NO_COLOR is set (no-color.org). */
static int wantcolor(void) {
  const char *no = getenv("NO_COLOR");
  return isatty(STDOUT_FILENO) && (no == NULL || no[0] == '\0');
}

int lede_cli_repl(lua_State *L) {
  lede_repl r;
  int failed;
  memset(&r, 0, sizeof r);
  r.L = L;
  r.depth = SHOW_DEPTH;
  r.items = SHOW_ITEMS;
  r.chars = SHOW_CHARS;
  r.color = wantcolor();
  lede_cli_remember(L);
  if (isatty(STDIN_FILENO)) {
    openeditor(&r);
    printf("%s  Ctrl-D leaves\n", LEDE_CLI_VERSION);
  }
  lua_pushcfunction(L, doREPL);
  lua_pushlightuserdata(L, &r);
  if (lua_pcall(L, 1, 1, 0) != LUA_OK) {  /* out of memory, say */
    closeeditor(&r);
    return lua_error(L);
  }
  closeeditor(&r);
  failed = lua_toboolean(L, -1);
  lua_pop(L, 1);
  /* Piped lines are a script: a failed one must show in the status. */
  return failed && r.el == NULL ? LEDE_EXIT_SCRIPT : LEDE_EXIT_OK;
}
