/*
** repl.h: what the REPL's files share. repl.c reads lines (libedit on a
** terminal), runs them and shows their values; complete.c answers Tab;
** commands.c runs the ':' commands. The rest of the host sees only
** lede_cli_repl (cli.h).
*/
#ifndef LEDE_REPL_H
#define LEDE_REPL_H

#include <histedit.h>
#include <lua.h>

/* Longest history path and prompt we build (longer names are cut). */
#define LEDE_REPL_PATH_MAX 4096
#define LEDE_REPL_PROMPT_MAX 80

/* One REPL session. */
typedef struct {
  lua_State *L;
  EditLine *el;      /* the line editor, NULL when stdin is no terminal */
  History *hist;     /* its history, NULL likewise */
  char history[LEDE_REPL_PATH_MAX];  /* history file, or "" for none */
  char prompt[LEDE_REPL_PROMPT_MAX]; /* what the editor shows next */
  int depth;         /* lede.inspect's opts.depth, set by :set depth */
  int items;         /* opts.items, :set items */
  int chars;         /* opts.chars, :set chars */
  int color;         /* opts.color: stdout a terminal, NO_COLOR unset */
  int quit;          /* :quit was given */
} lede_repl;

/* What a command's argument is, for Tab (complete.c). */
typedef enum {
  LEDE_ARG_NONE,     /* nothing to complete */
  LEDE_ARG_HELP,     /* a :help topic */
  LEDE_ARG_FILE,     /* a file name */
  LEDE_ARG_FORMAT,   /* an output format */
  LEDE_ARG_SETTING,  /* a :set name */
  LEDE_ARG_LUA       /* Lua code */
} lede_repl_arg;

/* A ':' command (commands.c). */
typedef struct {
  const char *name;        /* without the colon; NULL ends the list */
  lede_repl_arg args[2];   /* its first two arguments */
  /* Runs it with the argument text (trimmed); returns 1, or 0 when it
  ** failed and has said why. May raise: it runs under lua_pcall. */
  int (*run)(lede_repl *r, const char *arg);
} lede_repl_command;

extern const lede_repl_command lede_repl_commands[];

/* The command named by the len bytes at name: its full name or a prefix
** of one only (":h" is :help); NULL when none or several. */
const lede_repl_command *lede_repl_findcommand(const char *name, size_t len);

/* The line is a ':' command (":help"), not Lua ("::label::"). */
int lede_repl_iscommand(const char *line);

/* Run the command line on top of the stack (popped), protected; returns
** 1, or 0 when it failed and has said why. */
int lede_repl_command_run(lede_repl *r);

/* Push the help groups (scripts/lede/help.lua). May raise. */
void lede_repl_pushhelp(lua_State *L);

/* Compile code as the REPL does: first as "return code;", then as a
** statement. Pushes the function, or the error message. */
int lede_repl_compile(lua_State *L, const char *code, size_t len);

/* Show the n values on top of the stack through lede.inspect, set '_'
** to the first, and pop them. Returns a Lua status (an error reported). */
int lede_repl_show(lede_repl *r, int n);

/* libedit's Tab handler (complete.c). */
unsigned char lede_repl_complete(EditLine *el, int ch);

#endif
