/*
** output.c: the -t formats and the -o file. A format is a Lua writer
** (lede.writers.NAME) when the module has one, else the built-in json or
** yaml dump of the article's data; the text goes to a file atomically.
*/
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"

/* Built-in formats, each a lede serialiser given the article's data. */
static const struct {
  const char *name;     /* -t NAME */
  const char *table;    /* module field holding the serialiser */
  const char *func;     /* the serialiser */
} builtins[] = {
  {"json", "json", "encode"},
  {"yaml", "yaml", "dump"},
  {NULL, NULL, NULL}
};

/* The article fields a dump shows. 'source' is left out: it repeats the
** whole input and would bury the rest. */
static const char *const datafields[] = {
  "title", "subtitle", "authors", "images", "paragraphs", "blocks",
  "boilerplate", "path", NULL
};

/* Formats listed in an "unknown format" message, at most. */
#define KNOWN_MAX 64

/* Longest -o path we build a temporary name from (PATH_MAX on Linux). */
#define TEMP_PATH_MAX 4096

/* Push the function of writer `name` (lede.writers[name] when it is a
** function, or a table with a 'write' function); 0 and nothing if none. */
static int pushwriter(lua_State *L, const char *name) {
  int top = lua_gettop(L);
  lede_cli_pushmodule(L);
  if (lua_istable(L, -1) && lua_getfield(L, -1, "writers") == LUA_TTABLE) {
    if (lua_getfield(L, -1, name) == LUA_TTABLE)
      lua_getfield(L, -1, "write");
    if (lua_isfunction(L, -1)) {
      lua_replace(L, top + 1);
      lua_settop(L, top + 1);
      return 1;
    }
  }
  lua_settop(L, top);
  return 0;
}

static int builtin(const char *name) {
  int i;
  for (i = 0; builtins[i].name; i++)
    if (strcmp(builtins[i].name, name) == 0)
      return i;
  return -1;
}

static int compare(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* Push "json, yaml, ..." : the built-ins and the writers, sorted. */
static void pushknown(lua_State *L) {
  const char *names[KNOWN_MAX];
  size_t i, n = 0;
  luaL_Buffer b;
  for (i = 0; builtins[i].name; i++)
    names[n++] = builtins[i].name;
  lede_cli_pushmodule(L);  /* keeps the writers' names alive below */
  if (lua_istable(L, -1) && lua_getfield(L, -1, "writers") == LUA_TTABLE) {
    lua_pushnil(L);
    while (lua_next(L, -2) && n < KNOWN_MAX) {
      const char *name = lua_type(L, -2) == LUA_TSTRING
                       ? lua_tostring(L, -2) : NULL;
      lua_pop(L, 1);
      if (name && builtin(name) < 0 && pushwriter(L, name))
        lua_pop(L, 1), names[n++] = name;
    }
  }
  qsort(names, n, sizeof names[0], compare);
  luaL_buffinit(L, &b);
  for (i = 0; i < n; i++) {
    if (i > 0)
      luaL_addstring(&b, ", ");
    luaL_addstring(&b, names[i]);
  }
  luaL_pushresult(&b);
}

int lede_cli_checkformat(lua_State *L, const char *name) {
  int top = lua_gettop(L);
  if (builtin(name) >= 0 || pushwriter(L, name)) {
    lua_settop(L, top);
    return 1;
  }
  pushknown(L);
  fprintf(stderr, "%s: unknown format '%s' (known: %s)\n", LEDE_PROGNAME,
          name, lua_tostring(L, -1));
  lua_settop(L, top);
  return 0;
}

/* dump(article): the built-in format named by upvalue 1 applied to a
** plain table of the article's data fields. */
static int dump(lua_State *L) {
  int i = builtin(lua_tostring(L, lua_upvalueindex(1)));
  const char *const *field;
  lede_cli_pushmodule(L);
  lua_getfield(L, -1, builtins[i].table);
  lua_getfield(L, -1, builtins[i].func);
  lua_newtable(L);
  for (field = datafields; *field; field++) {
    lua_getfield(L, 1, *field);
    lua_setfield(L, -2, *field);
  }
  lua_call(L, 1, 1);
  return 1;
}

/* Push the function that renders an article in `format`. */
static void pushformat(lua_State *L, const char *format) {
  if (!pushwriter(L, format)) {
    lua_pushstring(L, format);
    lua_pushcclosure(L, dump, 1);
  }
}

/* Write all of text to f and close it; 0 on success, else errno. */
static int writeall(FILE *f, const char *text, size_t len) {
  int failed = fwrite(text, 1, len, f) != len || fflush(f) != 0;
  int err = errno;
  if (fclose(f) != 0 && !failed)
    failed = 1, err = errno;
  return failed ? (err ? err : EIO) : 0;
}

/* New files get 0666 less the umask, as fopen would give; mkstemp's
** 0600 would surprise whoever reads the output next. */
static void setmode(int fd) {
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
}

/* Write text to path through a temporary file in the same directory,
** renamed over path at the end: readers see the old file or the whole
** new one, and a failure leaves nothing behind. Returns 0 or an errno. */
static int writeatomic(const char *path, const char *text, size_t len) {
  char temp[TEMP_PATH_MAX];
  FILE *f;
  int fd, err;
  if ((size_t)snprintf(temp, sizeof temp, "%s.XXXXXX", path) >= sizeof temp)
    return ENAMETOOLONG;
  if ((fd = mkstemp(temp)) < 0)
    return errno;
  setmode(fd);
  if ((f = fdopen(fd, "w")) == NULL) {
    err = errno;
    close(fd);
    goto fail;
  }
  if ((err = writeall(f, text, len)) != 0)
    goto fail;
  if (rename(temp, path) == 0)
    return 0;
  err = errno;
fail:
  unlink(temp);
  return err;
}

/* A device or a FIFO (/dev/stdout, /dev/full, a pipe) is written in
** place: a temporary file renamed over it would replace the device. */
static int writedirect(const char *path, const char *text, size_t len) {
  int fd = open(path, O_WRONLY | O_TRUNC);
  FILE *f;
  if (fd < 0)
    return errno;
  if ((f = fdopen(fd, "w")) == NULL) {
    int err = errno;
    close(fd);
    return err;
  }
  return writeall(f, text, len);
}

static int special(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && !S_ISREG(st.st_mode);
}

/*
** Write the -o file with SIGINT, SIGTERM and SIGHUP held back, so that a
** signal in the middle cannot leave the temporary file behind: it is
** delivered once the file is renamed or removed. SIGXFSZ (a file size
** limit) is ignored so the write fails with EFBIG and is cleaned up.
*/
static int writeheld(const char *path, const char *text, size_t len) {
  sigset_t hold, old;
  struct sigaction ign, oldxfsz;
  int err;
  sigemptyset(&hold);
  sigaddset(&hold, SIGINT);
  sigaddset(&hold, SIGTERM);
  sigaddset(&hold, SIGHUP);
  memset(&ign, 0, sizeof ign);
  ign.sa_handler = SIG_IGN;
  sigemptyset(&ign.sa_mask);
  sigprocmask(SIG_BLOCK, &hold, &old);
  sigaction(SIGXFSZ, &ign, &oldxfsz);
  err = special(path) ? writedirect(path, text, len)
                      : writeatomic(path, text, len);
  sigaction(SIGXFSZ, &oldxfsz, NULL);
  sigprocmask(SIG_SETMASK, &old, NULL);
  return err;
}

/* Send the rendered text where -o says; returns an exit status. */
static int emit(const char *text, size_t len, const char *output) {
  int err;
  if (output == NULL) {
    fwrite(text, 1, len, stdout);  /* main checks stdout at exit */
    return LEDE_EXIT_OK;
  }
  if ((err = writeheld(output, text, len)) == 0)
    return LEDE_EXIT_OK;
  fprintf(stderr, "%s: %s: %s\n", LEDE_PROGNAME, output, strerror(err));
  return LEDE_EXIT_USAGE;
}

int lede_cli_write(lua_State *L, const char *format, const char *output) {
  size_t len;
  const char *text;
  int status;
  pushformat(L, format);
  lua_insert(L, -2);
  lua_newtable(L);  /* a writer's opts: none from the command line yet */
  status = lede_cli_docall(L, 2, 1, 0);
  if (lede_cli_report(L, status) != LUA_OK)
    return LEDE_EXIT_SCRIPT;
  if (lua_type(L, -1) != LUA_TSTRING) {
    fprintf(stderr, "%s: format '%s' gave %s, not a string\n",
            LEDE_PROGNAME, format, luaL_typename(L, -1));
    lua_pop(L, 1);
    return LEDE_EXIT_SCRIPT;
  }
  text = lua_tolstring(L, -1, &len);
  if (len > 0 && text[len - 1] != '\n') {  /* a text file ends a line */
    lua_pushliteral(L, "\n");
    lua_concat(L, 2);
    text = lua_tolstring(L, -1, &len);
  }
  status = emit(text, len, output);
  lua_pop(L, 1);
  return status;
}
