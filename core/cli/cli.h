/*
** cli.h: what the files of the lede host (core/cli) share with each other.
** main.c parses the command line and runs everything under lua_pcall;
** run.c loads articles and runs scripts; repl.c is the interactive loop,
** with complete.c (Tab) and commands.c (':' commands) behind repl.h;
** output.c renders -t formats and writes -o files atomically.
*/
#ifndef LEDE_CLI_H
#define LEDE_CLI_H

#include <lua.h>

#include "lede.h"

/* What -v prints and the REPL's banner: "lede 0.1.0 (Lua 5.4.4)". */
#define LEDE_CLI_VERSION "lede " LEDE_VERSION " (" LUA_RELEASE ")"

/* Exit statuses, as the man page lists them. */
#define LEDE_EXIT_OK     0  /* success */
#define LEDE_EXIT_SCRIPT 1  /* a script or REPL line failed */
#define LEDE_EXIT_USAGE  2  /* bad usage or unreadable input */

/* Name used in every message, whatever argv[0] says (tests compare it). */
#define LEDE_PROGNAME "lede"

/* What the command line asked for; filled by main.c, read by the rest. */
typedef struct {
  char **argv;          /* the program's arguments */
  int argc;             /* their number */
  int script;           /* argv index of SCRIPT.lua, or 0 for none */
  int first;            /* argv index of the first article (argc: none) */
  int nexec;            /* number of -e options */
  int interactive;      /* -i: REPL after the code has run */
  int traceback;        /* --traceback: full traceback on script errors */
  const char *format;   /* -t NAME, or NULL */
  const char *output;   /* -o FILE, or NULL */
  const char *input_format;  /* -f FORMAT (text, json, yaml, markdown), or NULL */
  int annotate;         /* --annotate: the writer's opts.annotate */
  long width;           /* --width N: the writer's opts.width, 0 unset */
  int jobs;             /* -j N: workers of a batch, 0 for one per core */
  int jsonl;            /* --jsonl: JSON Lines in and out */
  int failfast;         /* --fail-fast: stop at the first failed article */
  int quiet;            /* -q: no progress bar */
  int sandbox;          /* --sandbox: lede.sandbox() before any code */
  int allow_empty;      /* --allow-empty: a blank article is no error */
  size_t max_input;     /* --max-input in bytes; 0: no limit */
  size_t max_memory;    /* --max-memory in bytes; 0: no limit */
  const char *max_memory_text;  /* as given, for the message */
  double timeout;       /* --timeout in seconds; 0: no limit */
  const char *timeout_text;     /* as given, for the message */
} lede_cli;

/* --max-input when none is given: 256 MiB, far above any article, far
** below what would exhaust the machine. */
#define LEDE_MAX_INPUT_DEFAULT ((size_t)256 << 20)

/* Print "lede: MSG" on stderr, one line. */
void lede_cli_message(const char *msg);

/* If status is an error, print the message on top of the stack and pop
** it. Returns status. */
int lede_cli_report(lua_State *L, int status);

/* Call the function below `narg` arguments with a message handler that
** adds a traceback when `traceback` is set, and Ctrl-C interrupting it. */
int lede_cli_docall(lua_State *L, int narg, int nres, int traceback);

/* Push the loaded `lede` module (package.loaded.lede). */
void lede_cli_pushmodule(lua_State *L);

/* Load the article named `name` ("-" is standard input) within
** --max-input (and --allow-empty) and push it; on failure print why, push
** nothing and return 0. */
int lede_cli_load(lua_State *L, const char *name);

/* Run the compiled chunks (the array at stack index `chunks`) once per
** article with the global `article` bound, then write the -t output
** (run.c). Returns an exit status; `article` keeps the last article. */
int lede_cli_run(lua_State *L, const lede_cli *cli, int chunks);

/* Bind the articles of the command line to `article`, the last one
** winning, for the REPL (run.c). Returns an exit status. */
int lede_cli_bind(lua_State *L, const lede_cli *cli);

/* Add the global 'article', if a table, to the articles the REPL lists
** in :articles (commands.c). */
void lede_cli_remember(lua_State *L);

/* Run the REPL: libedit when standard input is a terminal, plain lines
** otherwise. Returns an exit status. */
int lede_cli_repl(lua_State *L);

/* Compile a chunk as luaL_loadbuffer does, text only under --sandbox
** (a binary chunk can crash the VM). */
int lede_cli_loadbuffer(lua_State *L, const char *s, size_t len,
                        const char *name);

/* limits.c: install --max-memory and --timeout in a new state. */
void lede_cli_limits(lua_State *L, const lede_cli *cli);

/* Put the limits' hook (or none) back on L after Ctrl-C's. */
void lede_cli_sethook(lua_State *L);

/* Around one protected call of the function at index `func`: begin
** returns the name its messages use (NULL for C code; it lives in *ar);
** end disarms the limits and, when one was hit, replaces the error on
** top by "NAME: memory limit of SIZE exceeded" or "NAME: time limit of N
** s exceeded". Returns status. */
const char *lede_cli_limits_begin(lua_State *L, int func, lua_Debug *ar);
int lede_cli_limits_end(lua_State *L, int status, const char *name);

/* Close the state with the limits on for its finalisers; returns 1 (and
** says so) when one hit a limit. */
int lede_cli_limits_close(lua_State *L);

/* Check that format `name` exists; if not print why and return 0. */
int lede_cli_checkformat(lua_State *L, const char *name);

/* Render the article on top of the stack in `format` and write it to
** `output` (NULL: standard output). Pops the article; returns an exit
** status. */
int lede_cli_write(lua_State *L, const char *format, const char *output);

/* The writer options the command line gives (--annotate, --width N; 0
** for unset), passed to every later lede_cli_write. */
void lede_cli_writeopts(int annotate, long width);
/* ---- batches (batch.c, progress.c, jsonl.c) ---- */

/* Run item i of a batch in state L: write its output on stdout and
** stderr, return its exit status. */
typedef int (*lede_cli_job)(lua_State *L, void *ud, size_t i);

/* A batch of items, run by lede_cli_runbatch. */
typedef struct {
  const lede_cli *cli;  /* -j, --fail-fast, --jsonl */
  size_t n;             /* items */
  int workers;          /* worker processes; 1 runs in this process */
  int isolate;          /* run in workers even with one: the job reads
                           back what the item printed (JSON Lines) */
  lede_cli_job job;     /* what runs on each item */
  void *ud;             /* the job's data */
  size_t done;          /* set by lede_cli_runbatch: items it finished */
} lede_cli_batch;

/* The progress bar of a batch; NULL when it is not shown. */
typedef struct lede_cli_progress lede_cli_progress;

/* How many workers a batch of `items` gets: -j, else one per core, at
** most one per item. */
int lede_cli_workers(const lede_cli *cli, size_t items);

/* Run the batch, every item's output written in item order. A script
** error stops it (each item a record with --jsonl: it goes on), any
** failure with --fail-fast. Returns the exit status: 1 if a script
** failed, else 2 if an article was bad, else 0. p may be NULL. */
int lede_cli_runbatch(lua_State *L, lede_cli_batch *b, lede_cli_progress *p);

/* The exit status of two outcomes together (1 over 2 over 0). */
int lede_cli_worse(int a, int b);

/* A progress bar for `total` items (0: unknown) on a terminal's stderr,
** drawn once the batch has run a second; NULL with -q or no terminal.
** Every function takes NULL and does nothing. */
lede_cli_progress *lede_cli_progress_new(const lede_cli *cli, size_t total);
void lede_cli_progress_step(lede_cli_progress *p);   /* one item done */
void lede_cli_progress_clear(lede_cli_progress *p);  /* before other output */
void lede_cli_progress_free(lede_cli_progress *p);   /* clears it too */

/* --jsonl: the articles from standard input, one record a line out. */
int lede_cli_jsonl(lua_State *L, const lede_cli *cli, int chunks);

#endif
