/*
** main.c: the lede program's entry point, modelled on lua.c: parse the
** command line, then run everything in pmain under lua_pcall with a
** message handler. Loading articles and running code is run.c's job.
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lua.h>
#include <lauxlib.h>
#include <lualib.h>

#include "cli/cli.h"

/* Provided by core/lua (module.c); the same object file builds lede.so. */
extern int luaopen_lede(lua_State *L);

#define USAGE "usage: " LEDE_PROGNAME \
  " [options] [script.lua | -e code] [article ...]"

static const char help[] =
  USAGE "\n"
  "\n"
  "Reads news articles (UTF-8 plain text) into Lua tables. With neither a\n"
  "script nor -e, opens a REPL with the global 'article' bound (to the last\n"
  "article given). With a script or -e, runs the code once per article,\n"
  "'article' bound, as awk runs its program once per line.\n"
  "\n"
  "Options:\n"
  "  -e CODE        run CODE once per article; repeatable, runs in order\n"
  "  -l MOD         require MOD into the global MOD first (-l g=mod: into g)\n"
  "  -t FORMAT      print each article as FORMAT: markdown, html, text,\n"
  "                 json, yaml, summary, a writer on LEDE_PATH or a .lua\n"
  "                 file (the json and yaml dumps leave out 'source')\n"
  "  -o FILE        write the -t output to FILE atomically (one article)\n"
  "  --annotate     -t html marks quotations, speakers, people, places,\n"
  "                 organisations and numbers\n"
  "  --width N      -t text wraps at N columns (default 72)\n"
  "  -f FORMAT      read articles as text, json, yaml or markdown (default:\n"
  "                 by extension, then by content)\n"
  "  -i             open the REPL after the code has run (or failed)\n"
  "  -j N           run the articles over N worker processes (default: one\n"
  "                 per core); output keeps the order of the articles\n"
  "  --jsonl        read articles as JSON Lines on stdin ({\"path\": ...},\n"
  "                 {\"text\": ...} or -t json's objects), write one JSON line\n"
  "                 each: the script's result, or -t's output, or the error\n"
  "  --fail-fast    stop at the first article that fails\n"
  "  -q             no progress bar (shown on a terminal after a second)\n"
  "  --traceback    show a full traceback when a script fails\n"
  "  --sandbox      run untrusted code: no io, no os but time/clock/date,\n"
  "                 no debug, no C modules, no binary chunks, no __gc\n"
  "  --max-memory SIZE  fail a script that holds more than SIZE (64M, 1G)\n"
  "  --timeout SECONDS  stop a script (each run, each REPL line) after\n"
  "                 SECONDS\n"
  "  --max-input SIZE   refuse larger articles (default 256M; 0: none)\n"
  "  --allow-empty  an empty article is bound, with no blocks, not refused\n"
  "  -v, --version  print the version and exit\n"
  "  -h, --help     print this help and exit\n"
  "  --             end the options\n"
  "  -              as an article: read it from standard input\n"
  "\n"
  "A first argument ending in .lua is the script; the rest are articles.\n"
  "arg[0] is the script, arg[1..] the articles. LUA_PATH and LUA_CPATH\n"
  "work as in lua.\n"
  "\n"
  "In the REPL: Tab completes names, fields, methods, files and commands;\n"
  ":help [NAME] is the API reference; :open FILE, :articles, :save FILE\n"
  "[FORMAT], :reload, :time EXPR, :set depth|items|chars N, :quit. Ctrl-C\n"
  "stops a running line or clears the typed one; Ctrl-D leaves. History:\n"
  "$LEDE_HISTORY, else $XDG_STATE_HOME/lede/history, else ~/.lede_history.\n"
  "NO_COLOR turns colours off.\n"
  "\n"
  "A bad article is reported and the others go on; a script error stops\n"
  "(with --jsonl it is that article's error record). With several workers\n"
  "each has its own Lua state: globals do not carry from one article to\n"
  "the next unless -j 1.\n"
  "\n"
  "Exit status: 0 success, 1 a script error, 2 bad usage or unreadable input.\n"
  "\n"
  "Examples:\n"
  "  lede story.txt                          explore story.txt in the REPL\n"
  "  lede -i count.lua story.txt             run count.lua, then the REPL\n"
  "  lede -e 'print(article.title)' *.txt    print every title\n"
  "  lede count.lua a.txt b.txt              run count.lua on each article\n"
  "  lede -t json - < story.txt              an article from stdin as JSON\n"
  "  lede -t yaml -o story.yaml story.txt    write the YAML dump to a file\n"
  "  lede -j 4 -t json dir/*.txt             four workers, one JSON each\n"
  "  lede --jsonl -e 'return article.title' < in.jsonl > out.jsonl\n";

/* Set by docall for the signal handler, as lua.c's globalL: a signal
** handler can reach the running state no other way. */
static lua_State *globalL = NULL;

/* --sandbox: chunks are compiled as text only. */
static int textonly = 0;

/* Long options that take a value ("--timeout 5" or "--timeout=5"). */
static const char *const valued[] = {
  "--max-input", "--max-memory", "--timeout", "--width", NULL
};

void lede_cli_message(const char *msg) {
  fprintf(stderr, "%s: %s\n", LEDE_PROGNAME, msg);
  fflush(stderr);
}

int lede_cli_report(lua_State *L, int status) {
  if (status != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    lede_cli_message(msg ? msg : "(error object is not a string)");
    lua_pop(L, 1);
  }
  return status;
}

/* A usage error: say what, then how to get help. */
static int usage(const char *fmt, const char *what) {
  fprintf(stderr, "%s: ", LEDE_PROGNAME);
  fprintf(stderr, fmt, what);
  fprintf(stderr, "\n%s  (try '%s --help')\n", USAGE, LEDE_PROGNAME);
  return LEDE_EXIT_USAGE;
}

/* A usage error that needs no usage line: the option was understood. */
static int misuse(const char *msg) {
  lede_cli_message(msg);
  return LEDE_EXIT_USAGE;
}

/*
** Ctrl-C while Lua runs: lua.c's way. The handler only sets a hook; the
** hook raises the error from inside Lua, where raising is safe.
*/
static void lstop(lua_State *L, lua_Debug *ar) {
  (void)ar;
  lede_cli_sethook(L);  /* the --timeout hook, or none */
  luaL_error(L, "interrupted!");
}

static void setsignal(int sig, void (*handler)(int)) {
  struct sigaction sa;
  sa.sa_handler = handler;
  sa.sa_flags = 0;
  sigemptyset(&sa.sa_mask);
  sigaction(sig, &sa, NULL);
}

static void laction(int sig) {
  int flag = LUA_MASKCALL | LUA_MASKRET | LUA_MASKLINE | LUA_MASKCOUNT;
  setsignal(sig, SIG_DFL);  /* a second Ctrl-C ends the program */
  lua_sethook(globalL, lstop, flag, 1);
}

/* Turns an error object into a message; its upvalue says whether to add
** the traceback (lua.c's msghandler always does; scripts want one line). */
static int msghandler(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  if (msg == NULL) {
    if (luaL_callmeta(L, 1, "__tostring") && lua_type(L, -1) == LUA_TSTRING)
      return 1;
    msg = lua_pushfstring(L, "(error object is a %s value)",
                          luaL_typename(L, 1));
  }
  if (lua_toboolean(L, lua_upvalueindex(1)))
    luaL_traceback(L, L, msg, 1);
  else
    lua_pushstring(L, msg);
  return 1;
}

int lede_cli_docall(lua_State *L, int narg, int nres, int traceback) {
  int status;
  int base = lua_gettop(L) - narg;
  lua_Debug ar;
  const char *name;
  lua_pushboolean(L, traceback);
  lua_pushcclosure(L, msghandler, 1);
  lua_insert(L, base);
  globalL = L;
  setsignal(SIGINT, laction);
  /* The limits start last: the host's pushes above are never refused. */
  name = lede_cli_limits_begin(L, base + 1, &ar);
  status = lua_pcall(L, narg, nres, base);
  setsignal(SIGINT, SIG_DFL);
  lua_remove(L, base);
  return lede_cli_limits_end(L, status, name);
}

int lede_cli_loadbuffer(lua_State *L, const char *s, size_t len,
                        const char *name) {
  return luaL_loadbufferx(L, s, len, name, textonly ? "t" : NULL);
}

void lede_cli_pushmodule(lua_State *L) {
  luaL_getsubtable(L, LUA_REGISTRYINDEX, LUA_LOADED_TABLE);
  lua_getfield(L, -1, "lede");
  lua_remove(L, -2);
}

/* The value of option argv[*i]: attached ("-eCODE") or the next word. */
static const char *optvalue(char **argv, int *i) {
  if (argv[*i][2] != '\0')
    return argv[*i] + 2;
  return argv[++*i];
}

/* The value of -j: 1 to 256, else 0. */
static int jobs(const char *value)
{
  char *end;
  long n = strtol(value, &end, 10);
  return *end == '\0' && n >= 1 && n <= 256 ? (int)n : 0;
}

/* The index in `valued` of the long option at argv[*i], or -1. */
static int valuedoption(char **argv, int i) {
  int k;
  for (k = 0; valued[k]; k++) {
    size_t n = strlen(valued[k]);
    if (strncmp(argv[i], valued[k], n) == 0
        && (argv[i][n] == '\0' || argv[i][n] == '='))
      return k;
  }
  return -1;
}

/* The value of the long option at argv[*i]: after '=' or the next word. */
static const char *longvalue(char **argv, int *i) {
  const char *eq = strchr(argv[*i], '=');
  return eq ? eq + 1 : argv[++*i];
}

/*
** "256M", "64k", "1G", "1000": bytes, with an optional binary suffix (K,
** M, G: KiB, MiB, GiB) and an optional "B" or "iB" after it. Returns 0 for
** anything else.
*/
static int parsesize(const char *s, size_t *out) {
  char *end;
  unsigned long long n;
  int shift = 0;
  if (!isdigit((unsigned char)s[0]))
    return 0;
  errno = 0;
  n = strtoull(s, &end, 10);
  if (errno != 0)
    return 0;
  switch (toupper((unsigned char)*end)) {
  case 'K': shift = 10; end++; break;
  case 'M': shift = 20; end++; break;
  case 'G': shift = 30; end++; break;
  default: break;
  }
  if (shift && strcmp(end, "iB") == 0)
    end += 2;
  else if (strcmp(end, "B") == 0)
    end++;
  if (*end != '\0' || n > (unsigned long long)((size_t)-1 >> shift))
    return 0;
  *out = (size_t)n << shift;
  return 1;
}

/* --timeout: seconds, fractions allowed, at most a year. */
static int parseseconds(const char *s, double *out) {
  char *end;
  double d = strtod(s, &end);
  if (end == s || *end != '\0' || !isfinite(d) || d < 0 || d > 31536000)
    return 0;
  *out = d;
  return 1;
}

/* --max-input, --max-memory or --timeout (valued[k]) with its value. */
/* --width N: a whole number of columns, 1 to 10000. */
static int parsewidth(const char *s, long *out) {
  char *end;
  long n = strtol(s, &end, 10);
  if (end == s || *end != '\0' || n < 1 || n > 10000) return 0;
  *out = n;
  return 1;
}

static int limitoption(lede_cli *cli, int k, const char *value) {
  int ok = k == 3 ? parsewidth(value, &cli->width)
         : k == 2 ? parseseconds(value, &cli->timeout)
         : parsesize(value, k == 0 ? &cli->max_input : &cli->max_memory);
  if (!ok) {
    fprintf(stderr, "%s: %s: invalid %s '%s'\n%s  (try '%s --help')\n",
            LEDE_PROGNAME, valued[k], k == 3 ? "number of columns"
            : k == 2 ? "number of seconds" : "size",
            value, USAGE, LEDE_PROGNAME);
    return LEDE_EXIT_USAGE;
  }
  if (k == 1) cli->max_memory_text = value;
  if (k == 2) cli->timeout_text = value;
  return -1;
}

/* One option at argv[*i]. Returns -1 to go on, or an exit status. */
static int option(lede_cli *cli, char **argv, int *i) {
  const char *a = argv[*i];
  int k = valuedoption(argv, *i);
  if (k >= 0) {
    const char *value = longvalue(argv, i);
    if (value == NULL)
      return usage("option '%s' needs an argument", a);
    return limitoption(cli, k, value);
  }
  if (strcmp(a, "--sandbox") == 0)
    return cli->sandbox = 1, -1;
  if (strcmp(a, "--allow-empty") == 0)
    return cli->allow_empty = 1, -1;
  if (strcmp(a, "--annotate") == 0)
    return cli->annotate = 1, -1;
  if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0)
    return fputs(help, stdout), LEDE_EXIT_OK;
  if (strcmp(a, "--version") == 0 || strcmp(a, "-v") == 0)
    return puts(LEDE_CLI_VERSION), LEDE_EXIT_OK;
  if (strcmp(a, "--traceback") == 0)
    return cli->traceback = 1, -1;
  if (strcmp(a, "-i") == 0)
    return cli->interactive = 1, -1;
  if (strcmp(a, "--jsonl") == 0)
    return cli->jsonl = 1, -1;
  if (strcmp(a, "--fail-fast") == 0)
    return cli->failfast = 1, -1;
  if (strcmp(a, "-q") == 0)
    return cli->quiet = 1, -1;
  if (a[1] == '-' || strchr("eltofj", a[1]) == NULL)
    return usage("unknown option '%s'", a);
  {
    const char *value = optvalue(argv, i);
    if (value == NULL)
      return usage("option '%s' needs an argument", a);
    if (a[1] == 'e') cli->nexec++;
    if (a[1] == 't') cli->format = value;
    if (a[1] == 'o') cli->output = value;
    if (a[1] == 'f') {
      static const char *const readers[] = {"text", "json", "yaml",
                                            "markdown", NULL};
      const char *const *r = readers;
      while (*r && strcmp(*r, value) != 0) r++;
      if (*r == NULL)
        return usage("unknown input format '%s' (known: text, json, yaml, "
                     "markdown)", value);
      cli->input_format = value;
    }
    if (a[1] == 'j' && (cli->jobs = jobs(value)) <= 0)
      return misuse("-j needs a number of workers from 1 to 256");
  }
  return -1;
}

static int endswith(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

/* Standard input can be read once: a second "-" would be empty. */
static int stdintwice(const lede_cli *cli) {
  int i, n = 0;
  for (i = cli->first; i < cli->argc; i++)
    n += strcmp(cli->argv[i], "-") == 0;
  return n > 1;
}

/* Combinations the options cannot make sense of. */
static int check(const lede_cli *cli) {
  int narticles = cli->argc - cli->first;
  if (stdintwice(cli))
    return misuse("standard input ('-') can be read only once");
  if (cli->output && !cli->format)
    return misuse("-o needs -t FORMAT");
  if (cli->format && narticles == 0 && !cli->jsonl)
    return misuse("-t needs an article");
  if (cli->output && narticles > 1)
    return misuse("-o takes one article");
  if (cli->jsonl && narticles > 0)
    return misuse("--jsonl reads the articles from standard input");
  if (cli->jsonl && !cli->script && !cli->nexec && !cli->format)
    return misuse("--jsonl needs a script, -e or -t");
  if (cli->jsonl && (cli->output || cli->interactive))
    return misuse("--jsonl takes neither -o nor -i");
  return -1;
}

/* Parse the command line into *cli, lua.c's way: options come first and
** the first other word ends them. Returns -1 to go on, or an exit status. */
static int collect(lede_cli *cli, int argc, char **argv) {
  int i;
  memset(cli, 0, sizeof *cli);
  cli->max_input = LEDE_MAX_INPUT_DEFAULT;
  cli->argv = argv;
  cli->argc = argc;
  for (i = 1; i < argc; i++) {
    int status;
    if (argv[i][0] != '-' || argv[i][1] == '\0')
      break;  /* a script or an article ("-" is standard input) */
    if (strcmp(argv[i], "--") == 0) {
      i++;
      break;
    }
    if ((status = option(cli, argv, &i)) >= 0)
      return status;
  }
  cli->first = i;
  if (i < argc && endswith(argv[i], ".lua"))
    cli->script = i, cli->first = i + 1;
  return check(cli);
}

/*
** The global 'arg' as lua sets it: arg[0] is the script (without one, the
** last word before the articles), arg[1..] the articles, the program and
** its options at negative indices.
*/
static void createargtable(lua_State *L, const lede_cli *cli) {
  int zero = cli->script ? cli->script : cli->first - 1;
  int i;
  lua_createtable(L, cli->argc - zero - 1, zero + 1);
  for (i = 0; i < cli->argc; i++) {
    lua_pushstring(L, cli->argv[i]);
    lua_rawseti(L, -2, i - zero);
  }
  lua_setglobal(L, "arg");
}

/* -l [g=]mod: global g (or mod) = require(mod), as lua's dolibrary. */
static int dolibrary(lua_State *L, const char *spec, int traceback) {
  const char *eq = strchr(spec, '=');
  const char *mod = eq ? eq + 1 : spec;
  int status;
  lua_getglobal(L, "require");
  lua_pushstring(L, mod);
  status = lede_cli_docall(L, 1, 1, traceback);
  if (status == LUA_OK) {
    lua_pushlstring(L, spec, eq ? (size_t)(eq - spec) : strlen(spec));
    lua_insert(L, -2);
    lua_setglobal(L, lua_tostring(L, -2));
    lua_pop(L, 1);
  }
  return lede_cli_report(L, status);
}

/* Compile one -e chunk and append it to the array at `chunks`. */
static int addchunk(lua_State *L, int chunks, const char *code) {
  int status = lede_cli_loadbuffer(L, code, strlen(code), "=(command line)");
  if (status == LUA_OK)
    lua_rawseti(L, chunks, (lua_Integer)lua_rawlen(L, chunks) + 1);
  return lede_cli_report(L, status);
}

/* Run the -l options and compile the -e ones, in command-line order. */
static int runargs(lua_State *L, const lede_cli *cli, int chunks) {
  int i;
  for (i = 1; i < cli->first && cli->argv[i][0] == '-'; i++) {
    char opt = cli->argv[i][1];
    const char *value;
    if (valuedoption(cli->argv, i) >= 0) {
      longvalue(cli->argv, &i);  /* its value is no option */
      continue;
    }
    if (opt != 'e' && opt != 'l' && opt != 't' && opt != 'o' && opt != 'f' &&
        opt != 'j')
      continue;  /* options without a value, and "--" */
    value = optvalue(cli->argv, &i);
    if (opt == 'l' && dolibrary(L, value, cli->traceback) != LUA_OK)
      return LEDE_EXIT_SCRIPT;
    if (opt == 'e' && addchunk(L, chunks, value) != LUA_OK)
      return LEDE_EXIT_SCRIPT;
  }
  return LEDE_EXIT_OK;
}

/* Compile the script and append it to the chunks; a missing script is
** unreadable input (2), one that does not compile a script error (1). */
static int addscript(lua_State *L, int chunks, const char *path) {
  FILE *f = fopen(path, "r");
  if (f == NULL) {
    lua_pushfstring(L, "%s: %s", path, strerror(errno));
    lede_cli_report(L, LUA_ERRFILE);
    return LEDE_EXIT_USAGE;
  }
  fclose(f);
  if (luaL_loadfilex(L, path, textonly ? "t" : NULL) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    if (msg && strncmp(msg, path, strlen(path)) != 0) {  /* name the file */
      lua_pushfstring(L, "%s: %s", path, msg);
      lua_replace(L, -2);
    }
    lede_cli_report(L, LUA_ERRSYNTAX);
    return LEDE_EXIT_SCRIPT;
  }
  lua_rawseti(L, chunks, (lua_Integer)lua_rawlen(L, chunks) + 1);
  return LEDE_EXIT_OK;
}

/* --sandbox: after -l, the script and -t's writer are loaded (the
** command line trusts them), before any of the script's code runs. */
static void sandbox(lua_State *L) {
  lede_cli_pushmodule(L);
  lua_getfield(L, -1, "sandbox");
  lua_call(L, 0, 0);
  lua_pop(L, 1);
}

/* Everything after the command line, protected by lua_pcall. */
static int pmain(lua_State *L) {
  const lede_cli *cli = lua_touserdata(L, 1);
  int chunks, status;
  luaL_checkversion(L);
  luaL_openlibs(L);
  luaL_requiref(L, "lede", luaopen_lede, 1);
  lua_pop(L, 1);
  createargtable(L, cli);
  lua_gc(L, LUA_GCRESTART);
  lua_gc(L, LUA_GCGEN, 0, 0);
  lua_newtable(L);
  chunks = lua_gettop(L);
  status = runargs(L, cli, chunks);
  if (status == LEDE_EXIT_OK && cli->script)
    status = addscript(L, chunks, cli->argv[cli->script]);
  if (status == LEDE_EXIT_OK && cli->format
      && !lede_cli_checkformat(L, cli->format))
    status = LEDE_EXIT_USAGE;
  if (status != LEDE_EXIT_OK)
    return lua_pushinteger(L, status), 1;
  if (cli->sandbox)
    sandbox(L);
  if (cli->jsonl)
    status = lede_cli_jsonl(L, cli, chunks);
  else if (lua_rawlen(L, chunks) > 0 || cli->format) {
    status = lede_cli_run(L, cli, chunks);
    /* After a failed script too: the REPL is where one looks at what
    ** it left behind, 'article' still bound where it stopped. */
    if (cli->interactive) {
      int repl = lede_cli_repl(L);
      status = status ? status : repl;
    }
  }
  else if ((status = lede_cli_bind(L, cli)) == LEDE_EXIT_OK)
    status = lede_cli_repl(L);
  lua_pushinteger(L, status);
  return 1;
}

/* Output that could not be written (a full disk, a closed pipe) is a
** failure, not a success that lost data. */
static int flushout(int status) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    fprintf(stderr, "%s: standard output: %s\n", LEDE_PROGNAME,
            strerror(errno));
    return status ? status : LEDE_EXIT_USAGE;
  }
  return status;
}

int main(int argc, char **argv) {
  lede_cli cli;
  lua_State *L;
  int status = collect(&cli, argc, argv);
  if (status >= 0)
    return flushout(status);
  L = luaL_newstate();
  if (L == NULL) {
    lede_cli_message("cannot create state: not enough memory");
    return LEDE_EXIT_SCRIPT;
  }
  lua_gc(L, LUA_GCSTOP);  /* pmain restarts it once the libraries are in */
  textonly = cli.sandbox;
  lede_cli_writeopts(cli.annotate, cli.width);
  lede_cli_limits(L, &cli);
  lua_pushcfunction(L, pmain);
  lua_pushlightuserdata(L, &cli);
  status = lua_pcall(L, 1, 1, 0);
  if (status == LUA_OK)
    status = (int)lua_tointeger(L, -1);
  else
    status = (lede_cli_report(L, status), LEDE_EXIT_SCRIPT);
  if (lede_cli_limits_close(L) && status == LEDE_EXIT_OK)
    status = LEDE_EXIT_SCRIPT;
  return flushout(status);
}
