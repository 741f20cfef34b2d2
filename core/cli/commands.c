/*
** commands.c: the REPL's ':' commands (:help, :open, :articles, :save,
** :reload, :time, :set, :quit). Each runs under lua_pcall and says what
** went wrong in one line; reading and writing articles is run.c's and
** output.c's work, the reference text is scripts/lede/help.lua.
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"
#include "cli/repl.h"

/* Registry key of the session's articles, in the order they came. */
#define ARTICLES "lede.repl.articles"

/* The embedded script holding the reference. */
#define HELP_SCRIPT "lede.help"

/* Longest word a command takes (a file name, a format). */
#define WORD_MAX 4096

/* Formats :save guesses from a file's extension. */
static const struct {
  const char *ext;     /* after the last dot, lower case */
  const char *format;  /* -t name */
} extensions[] = {
  {"json", "json"}, {"yaml", "yaml"}, {"yml", "yaml"}, {"md", "markdown"},
  {"markdown", "markdown"}, {"html", "html"}, {"htm", "html"},
  {"txt", "text"}, {NULL, NULL}
};

int lede_repl_iscommand(const char *line) {
  line += strspn(line, " \t");
  return line[0] == ':' && isalpha((unsigned char)line[1]);
}

const lede_repl_command *lede_repl_findcommand(const char *name, size_t len) {
  const lede_repl_command *c, *found = NULL;
  for (c = lede_repl_commands; c->name; c++) {
    if (strncmp(c->name, name, len) != 0)
      continue;
    if (c->name[len] == '\0')
      return c;  /* exact */
    if (found)
      return NULL;  /* a prefix of two */
    found = c;
  }
  return found;
}

/* Copy the next word of *p into buf (quotes group a name with spaces)
** and move *p past it; 0 when there is none. */
static int nextword(const char **p, char *buf, size_t size) {
  const char *s = *p + strspn(*p, " \t");
  size_t n = 0;
  char quote = 0;
  if (*s == '\0')
    return 0;
  if (*s == '"' || *s == '\'')
    quote = *s++;
  while (*s && (quote ? *s != quote : !isspace((unsigned char)*s))) {
    if (n + 1 < size)
      buf[n++] = *s;
    s++;
  }
  if (quote && *s == quote)
    s++;
  buf[n] = '\0';
  *p = s;
  return 1;
}

/* ------------------------------------------------------------------ */
/* The session's articles. */

static void pusharticles(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, ARTICLES);
}

/* Index of the table at idx among the articles, or 0. */
static lua_Integer findarticle(lua_State *L, int idx) {
  lua_Integer i, n;
  idx = lua_absindex(L, idx);
  pusharticles(L);
  n = (lua_Integer)lua_rawlen(L, -1);
  for (i = 1; i <= n; i++) {
    int same;
    lua_rawgeti(L, -1, i);
    same = lua_rawequal(L, -1, idx);
    lua_pop(L, 1);
    if (same)
      break;
  }
  lua_pop(L, 1);
  return i <= n ? i : 0;
}

void lede_cli_remember(lua_State *L) {
  if (lua_getglobal(L, "article") == LUA_TTABLE && findarticle(L, -1) == 0) {
    pusharticles(L);
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
    lua_pop(L, 1);
  }
  lua_pop(L, 1);
}

/* Bind the article on top (popped) and say what it is. */
static void bind(lua_State *L) {
  lua_pushvalue(L, -1);
  lua_setglobal(L, "article");
  lede_cli_remember(L);
  printf("%s\n", luaL_tolstring(L, -1, NULL));
  lua_pop(L, 2);
}

/* The bound article, pushed; raises when there is none. */
static void pusharticle(lua_State *L) {
  if (lua_getglobal(L, "article") != LUA_TTABLE)
    luaL_error(L, "no article is bound (:open FILE)");
}

/* ------------------------------------------------------------------ */
/* The reference. */

void lede_repl_pushhelp(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  if (lua_getfield(L, -1, HELP_SCRIPT) == LUA_TNIL) {
    lua_pop(L, 1);
    luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_PRELOAD_TABLE);
    if (lua_getfield(L, -1, HELP_SCRIPT) != LUA_TFUNCTION)
      luaL_error(L, "the reference (%s) is missing", HELP_SCRIPT);
    lua_remove(L, -2);
    lua_pushliteral(L, HELP_SCRIPT);
    lua_call(L, 1, 1);
    lua_pushvalue(L, -1);
    lua_setfield(L, -3, HELP_SCRIPT);
  }
  lua_remove(L, -2);
}

/* Length of an entry's key: its name up to "(" or " " ("article:quotes"). */
static size_t keylen(const char *name) {
  return strcspn(name, "( ");
}

/* The topic q names the entry: its key, or the key's last part after a
** '.' or ':' ("quotes", "text.sentences", "open"). */
static int names(const char *key, size_t klen, const char *q, size_t qlen) {
  if (klen < qlen || memcmp(key + klen - qlen, q, qlen) != 0)
    return 0;
  return klen == qlen || key[klen - qlen - 1] == '.' || key[klen - qlen - 1] == ':';
}

/* Print the text of an entry (a string on top), indented. */
static void printtext(const char *text) {
  while (*text) {
    size_t n = strcspn(text, "\n");
    printf("  %.*s\n", (int)n, text);
    text += n + (text[n] == '\n');
  }
}

/* Print the entry at the top of the stack in full. */
static void printentry(lua_State *L) {
  lua_rawgeti(L, -1, 1);
  lua_rawgeti(L, -2, 2);
  lua_rawgeti(L, -3, 3);
  printf("%s\n", lua_tostring(L, -3));
  printtext(lua_tostring(L, -2));
  if (lua_isstring(L, -1))
    printtext(lua_tostring(L, -1));
  lua_pop(L, 3);
}

/* :help with no topic: every entry's name and brief, by group. */
static void overview(lua_State *L) {
  lua_Integer g, i;
  for (g = 1; lua_rawgeti(L, -1, g) == LUA_TTABLE; g++) {
    lua_getfield(L, -1, "title");
    printf("%s%s\n", g > 1 ? "\n" : "", lua_tostring(L, -1));
    lua_pop(L, 1);
    for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
      lua_rawgeti(L, -1, 1);
      lua_rawgeti(L, -2, 2);
      printf("  %-28s %s\n", lua_tostring(L, -2), lua_tostring(L, -1));
      lua_pop(L, 3);
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
}

/* Push the first entry topic q names; 0 and nothing when none does. */
static int findentry(lua_State *L, const char *q, size_t qlen) {
  lua_Integer g, i;
  for (g = 1; lua_rawgeti(L, -1, g) == LUA_TTABLE; g++) {
    for (i = 1; lua_rawgeti(L, -1, i) == LUA_TTABLE; i++) {
      const char *name;
      lua_rawgeti(L, -1, 1);
      name = lua_tostring(L, -1);
      lua_pop(L, 1);
      if (name && names(name, keylen(name), q, qlen)) {
        lua_remove(L, -2);
        return 1;
      }
      lua_pop(L, 1);
    }
    lua_pop(L, 2);
  }
  lua_pop(L, 1);
  return 0;
}

static int cmd_help(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  size_t qlen = strlen(arg);
  lede_repl_pushhelp(L);
  if (qlen == 0) {
    overview(L);
    printf("\n:help NAME shows one entry (:help quotes).\n");
    return 1;
  }
  while (qlen > 0 && strchr("() ", arg[qlen - 1]))  /* "quotes()" */
    qlen--;
  if (!findentry(L, arg, qlen))
    luaL_error(L, "no help for '%s' (:help lists the topics)", arg);
  printentry(L);
  return 1;
}

/* ------------------------------------------------------------------ */
/* Articles. */

/* Under --sandbox the REPL reads and writes no files either: raise for
** a command that would (lede.sandbox() marks the registry). */
static void nofiles(lua_State *L, const char *cmd) {
  int on = lua_getfield(L, LUA_REGISTRYINDEX, "lede.sandboxed") != LUA_TNIL;
  lua_pop(L, 1);
  if (on) luaL_error(L, ":%s reads or writes files: not under --sandbox", cmd);
}

static int cmd_open(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  char path[WORD_MAX];
  char *end;
  long n;
  if (!nextword(&arg, path, sizeof path))
    luaL_error(L, "usage: :open FILE (or :open N, N from :articles)");
  n = strtol(path, &end, 10);
  pusharticles(L);
  if (*end == '\0' && n > 0 && n <= (long)lua_rawlen(L, -1)) {
    lua_rawgeti(L, -1, n);
    bind(L);
    return 1;
  }
  nofiles(L, "open");
  if (!lede_cli_load(L, path))
    return 0;
  bind(L);
  return 1;
}

static int cmd_articles(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  lua_Integer i, n, bound;
  (void)arg;
  lede_cli_remember(L);
  lua_getglobal(L, "article");
  bound = lua_istable(L, -1) ? findarticle(L, -1) : 0;
  pusharticles(L);
  n = (lua_Integer)lua_rawlen(L, -1);
  if (n == 0)
    printf("no articles loaded (:open FILE)\n");
  for (i = 1; i <= n; i++) {
    const char *path, *what;
    lua_rawgeti(L, -1, i);
    lua_getfield(L, -1, "path");
    path = lua_isstring(L, -1) ? lua_tostring(L, -1) : "(no file)";
    what = luaL_tolstring(L, -2, NULL);
    if (strncmp(what, "article: ", 9) == 0)
      what += 9;
    printf("%s%lld  %s  %s\n", i == bound ? "* " : "  ", (long long)i,
           path, what);
    lua_pop(L, 3);
  }
  return 1;
}

/* The format named by path's extension, or NULL. */
static const char *guessformat(const char *path) {
  const char *dot = strrchr(path, '.');
  int i;
  if (dot == NULL || strchr(dot, '/'))
    return NULL;
  for (i = 0; extensions[i].ext; i++)
    if (strcmp(dot + 1, extensions[i].ext) == 0)
      return extensions[i].format;
  return NULL;
}

static int cmd_save(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  char path[WORD_MAX], format[WORD_MAX];
  const char *fmt = format;
  if (!nextword(&arg, path, sizeof path))
    luaL_error(L, "usage: :save FILE [FORMAT]");
  nofiles(L, "save");
  if (!nextword(&arg, format, sizeof format)
      && (fmt = guessformat(path)) == NULL)
    luaL_error(L, "%s: cannot tell the format from the name: "
               "give one, as in :save %s json", path, path);
  if (!lede_cli_checkformat(L, fmt))
    return 0;
  pusharticle(L);
  if (lede_cli_write(L, fmt, path) != LEDE_EXIT_OK)
    return 0;
  printf("saved %s (%s)\n", path, fmt);
  return 1;
}

static int cmd_reload(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  lua_Integer i;
  const char *path;
  (void)arg;
  pusharticle(L);
  lua_getfield(L, -1, "path");
  path = lua_tostring(L, -1);
  if (path == NULL || strcmp(path, "-") == 0)
    luaL_error(L, "the article was not read from a file");
  nofiles(L, "reload");
  i = findarticle(L, -2);
  if (!lede_cli_load(L, path))
    return 0;
  if (i > 0) {  /* the new one takes the old one's place */
    pusharticles(L);
    lua_pushvalue(L, -2);
    lua_rawseti(L, -2, i);
    lua_pop(L, 1);
  }
  bind(L);
  return 1;
}

/* ------------------------------------------------------------------ */
/* Running code and settings. */

static double seconds(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int cmd_time(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  int top = lua_gettop(L), status;
  double start, took;
  if (arg[0] == '\0')
    luaL_error(L, "usage: :time EXPR");
  if ((status = lede_repl_compile(L, arg, strlen(arg))) == LUA_OK) {
    start = seconds();
    status = lede_cli_docall(L, 0, LUA_MULTRET, 1);
    took = seconds() - start;
    if (status == LUA_OK
        && (status = lede_repl_show(r, lua_gettop(L) - top)) == LUA_OK) {
      if (took < 1)
        printf("time: %.3f ms\n", took * 1e3);
      else
        printf("time: %.3f s\n", took);
    }
  }
  return lede_cli_report(L, status) == LUA_OK;
}

/* The settings :set knows, and where each lives. */
static int *setting(lede_repl *r, const char *name) {
  if (strcmp(name, "depth") == 0) return &r->depth;
  if (strcmp(name, "items") == 0) return &r->items;
  if (strcmp(name, "chars") == 0) return &r->chars;
  if (strcmp(name, "color") == 0) return &r->color;
  return NULL;
}

static int cmd_set(lede_repl *r, const char *arg) {
  lua_State *L = r->L;
  char name[WORD_MAX], value[WORD_MAX], *end;
  int *field;
  long n;
  if (!nextword(&arg, name, sizeof name)) {
    printf("depth %d, items %d, chars %d, color %s\n", r->depth, r->items,
           r->chars, r->color ? "on" : "off");
    return 1;
  }
  if ((field = setting(r, name)) == NULL || !nextword(&arg, value, sizeof value))
    luaL_error(L, "usage: :set depth|items|chars N, or :set color on|off");
  if (field == &r->color) {
    if (strcmp(value, "on") != 0 && strcmp(value, "off") != 0)
      luaL_error(L, ":set color takes on or off");
    r->color = strcmp(value, "on") == 0;
    return 1;
  }
  n = strtol(value, &end, 10);
  if (*end != '\0' || end == value || n < 0 || n > 1000000)
    luaL_error(L, ":set %s takes a whole number from 0 to 1000000", name);
  *field = (int)n;
  return 1;
}

static int cmd_quit(lede_repl *r, const char *arg) {
  (void)arg;
  r->quit = 1;
  return 1;
}

const lede_repl_command lede_repl_commands[] = {
  {"help", {LEDE_ARG_HELP, LEDE_ARG_NONE}, cmd_help},
  {"open", {LEDE_ARG_FILE, LEDE_ARG_NONE}, cmd_open},
  {"articles", {LEDE_ARG_NONE, LEDE_ARG_NONE}, cmd_articles},
  {"save", {LEDE_ARG_FILE, LEDE_ARG_FORMAT}, cmd_save},
  {"reload", {LEDE_ARG_NONE, LEDE_ARG_NONE}, cmd_reload},
  {"time", {LEDE_ARG_LUA, LEDE_ARG_LUA}, cmd_time},
  {"set", {LEDE_ARG_SETTING, LEDE_ARG_NONE}, cmd_set},
  {"quit", {LEDE_ARG_NONE, LEDE_ARG_NONE}, cmd_quit},
  {NULL, {LEDE_ARG_NONE, LEDE_ARG_NONE}, NULL}
};

/* docommand(r, line): find the command and run it; returns whether it
** went well (a failure has been reported). */
static int docommand(lua_State *L) {
  lede_repl *r = lua_touserdata(L, 1);
  const char *line = lua_tostring(L, 2);
  const char *name = strchr(line, ':') + 1, *arg;
  size_t len = strspn(name, "abcdefghijklmnopqrstuvwxyz"
                            "ABCDEFGHIJKLMNOPQRSTUVWXYZ");
  const lede_repl_command *c = lede_repl_findcommand(name, len);
  size_t alen;
  if (c == NULL || !(name[len] == '\0' || isspace((unsigned char)name[len]))) {
    size_t wlen = strcspn(name, " \t");
    lua_pushlstring(L, name, wlen);
    luaL_error(L, "unknown command ':%s' (:help lists them)", lua_tostring(L, -1));
  }
  arg = name + len + strspn(name + len, " \t");
  alen = strlen(arg);
  while (alen > 0 && isspace((unsigned char)arg[alen - 1]))
    alen--;
  lua_pushlstring(L, arg, alen);
  lua_pushboolean(L, c->run(r, lua_tostring(L, -1)));
  return 1;
}

int lede_repl_command_run(lede_repl *r) {
  lua_State *L = r->L;
  int status, ok;
  lua_pushcfunction(L, docommand);
  lua_insert(L, -2);
  lua_pushlightuserdata(L, r);
  lua_insert(L, -2);
  status = lede_cli_docall(L, 2, 1, 0);
  fflush(stdout);
  if (lede_cli_report(L, status) != LUA_OK)
    return 0;
  ok = lua_toboolean(L, -1);
  lua_pop(L, 1);
  return ok;
}
