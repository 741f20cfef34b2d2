/*
** limits.c: --max-memory and --timeout. A counting lua_Alloc refuses
** allocations past the limit while script code runs; an instruction-count
** hook stops code past its deadline (Redis's luaMaskCountHook). Between
** calls the host's own allocations are never refused, so after a limit
** the REPL goes on. Messages name the script that hit the limit.
*/
#include <math.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include <lua.h>
#include <lauxlib.h>

#include "cli/cli.h"

/* Instructions between two looks at the clock: a look costs tens of
** nanoseconds, a thousand instructions some microseconds. */
#define HOOK_COUNT 1000

/* Code stuck inside one C function (a pathological pattern match) never
** reaches the hook: this long after the deadline lede exits anyway. */
#define GRACE_SECONDS 2

/* Room for "lede: NAME: time limit of N s exceeded\n". */
#define MESSAGE_MAX 512

/* The limits of this run; static because the hook and the signal
** handler can reach nothing else, as lua.c's globalL. */
static struct {
  lua_Alloc allocf;      /* the allocator underneath */
  void *allocud;         /* its user data */
  size_t max_memory;     /* bytes; 0: no limit */
  size_t used;           /* bytes Lua holds now */
  const char *memory;    /* the limit as given ("64M") */
  double timeout;        /* seconds; 0: no limit */
  const char *time;      /* the limit as given ("2") */
  int depth;             /* calls running (begin without end) */
  double deadline;       /* monotonic seconds; 0 when no call runs */
  int memory_hit;        /* an allocation was refused in this call */
  int time_hit;          /* the deadline passed in this call */
  char late[MESSAGE_MAX];  /* what the grace timer prints */
  size_t latelen;
} lim;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Refuse growth past the limit while a call runs. For a new block Lua
** passes its type in osize, not a size: the old size is then 0. */
static void *limalloc(void *ud, void *ptr, size_t osize, size_t nsize) {
  size_t old = ptr ? osize : 0;
  void *p;
  (void)ud;
  if (nsize > old && lim.depth > 0 && lim.max_memory > 0
      && nsize - old > lim.max_memory - (lim.used < lim.max_memory
                                         ? lim.used : lim.max_memory)) {
    lim.memory_hit = 1;
    return NULL;
  }
  p = lim.allocf(lim.allocud, ptr, osize, nsize);
  if (p != NULL || nsize == 0)
    lim.used = lim.used - old + nsize;
  return p;
}

/* Past the deadline: raise in this thread, and look again at every
** instruction so that a pcall loop in the script cannot swallow it. */
static void hook(lua_State *L, lua_Debug *ar) {
  (void)ar;
  if (lim.deadline == 0 || now() < lim.deadline)
    return;
  lim.time_hit = 1;
  lua_sethook(L, hook, LUA_MASKCOUNT, 1);
  lua_pushliteral(L, "time limit exceeded");
  lua_error(L);
}

void lede_cli_sethook(lua_State *L) {
  if (lim.timeout > 0)
    lua_sethook(L, hook, LUA_MASKCOUNT, HOOK_COUNT);
  else
    lua_sethook(L, NULL, 0, 0);
}

/* The grace timer: the code is stuck in C, where no hook runs. */
static void late(int sig) {
  (void)sig;
  if (write(STDERR_FILENO, lim.late, lim.latelen) < 0) {
    /* nothing left to do: exit all the same */
  }
  _exit(LEDE_EXIT_SCRIPT);
}

static void settimer(double seconds) {
  struct itimerval it;
  memset(&it, 0, sizeof it);
  it.it_value.tv_sec = (time_t)seconds;
  it.it_value.tv_usec = (suseconds_t)((seconds - floor(seconds)) * 1e6);
  setitimer(ITIMER_REAL, &it, NULL);
}

void lede_cli_limits(lua_State *L, const lede_cli *cli) {
  lim.max_memory = cli->max_memory;
  lim.memory = cli->max_memory_text;
  lim.timeout = cli->timeout;
  lim.time = cli->timeout_text;
  lim.allocf = lua_getallocf(L, &lim.allocud);
  lim.used = (size_t)lua_gc(L, LUA_GCCOUNT) * 1024
             + (size_t)lua_gc(L, LUA_GCCOUNTB);
  lua_setallocf(L, limalloc, NULL);
  if (lim.timeout > 0) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = late;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGALRM, &sa, NULL);
  }
  lede_cli_sethook(L);  /* before any coroutine: new threads inherit it */
}

/* Who is running: the chunk's name for Lua code ("count.lua",
** "(command line)", "stdin"), NULL for a C function. */
static const char *who(lua_State *L, int func, lua_Debug *ar) {
  lua_pushvalue(L, func);
  lua_getinfo(L, ">S", ar);
  return ar->what[0] == 'C' ? NULL : ar->short_src;
}

const char *lede_cli_limits_begin(lua_State *L, int func, lua_Debug *ar) {
  const char *name;
  int n;
  if (lim.depth > 0) {
    lim.depth++;
    return NULL;
  }
  name = who(L, func, ar);  /* pushes: before the limits are on */
  lim.depth = 1;
  lim.memory_hit = lim.time_hit = 0;
  if (lim.timeout <= 0)
    return name;
  n = snprintf(lim.late, sizeof lim.late, "%s: %s%stime limit of %s s exceeded\n",
               LEDE_PROGNAME, name ? name : "", name ? ": " : "", lim.time);
  lim.latelen = n < 0 ? 0 : (size_t)n < sizeof lim.late ? (size_t)n
                                                       : sizeof lim.late - 1;
  lim.deadline = now() + lim.timeout;
  settimer(lim.timeout + GRACE_SECONDS);
  return name;
}

/* Replace the error on top by "NAME: LIMIT exceeded". Enforcement is off
** by now, so the host may allocate; the garbage goes first. */
static void relabel(lua_State *L, const char *name) {
  lua_pop(L, 1);
  lua_gc(L, LUA_GCCOLLECT);
  if (lim.time_hit)
    lua_pushfstring(L, "%s%stime limit of %s s exceeded", name ? name : "",
                    name ? ": " : "", lim.time);
  else
    lua_pushfstring(L, "%s%smemory limit of %s exceeded", name ? name : "",
                    name ? ": " : "", lim.memory);
}

int lede_cli_limits_end(lua_State *L, int status, const char *name) {
  if (--lim.depth > 0)
    return status;
  if (lim.timeout > 0) {
    settimer(0);
    lim.deadline = 0;
    lede_cli_sethook(L);
  }
  if (status != LUA_OK && (lim.time_hit || (status == LUA_ERRMEM
                                            && lim.memory_hit)))
    relabel(L, name);
  return status;
}

int lede_cli_limits_close(lua_State *L) {
  /* Finalisers run in lua_close: they get the same limits. */
  lim.depth = 1;
  lim.memory_hit = lim.time_hit = 0;
  if (lim.timeout > 0) {
    lim.deadline = now() + lim.timeout;
    snprintf(lim.late, sizeof lim.late,
             "%s: time limit of %s s exceeded in a finaliser\n", LEDE_PROGNAME,
             lim.time);
    lim.latelen = strlen(lim.late);
    settimer(lim.timeout + GRACE_SECONDS);
  }
  lua_close(L);
  settimer(0);
  if (lim.time_hit)
    fprintf(stderr, "%s: time limit of %s s exceeded in a finaliser\n",
            LEDE_PROGNAME, lim.time);
  else if (lim.memory_hit)
    fprintf(stderr, "%s: memory limit of %s exceeded in a finaliser\n",
            LEDE_PROGNAME, lim.memory);
  return lim.time_hit || lim.memory_hit;
}
