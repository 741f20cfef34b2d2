/*
** batch.c: many articles in one lede, over N worker processes. Each
** worker is forked from the set-up state (its own copy of the lua_State,
** the script compiled once) and takes every Nth item; what an item writes
** on stdout and stderr is caught in the worker's scratch files and sent to
** the parent, which writes it in input order. What an item is and how it
** runs is the caller's (run.c for files, jsonl.c for JSON Lines).
*/
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cli/cli.h"

/* Workers at most, whatever -j says: beyond this, forks cost more than
** they bring on any machine lede runs on. */
#define WORKERS_MAX 256

/* What a worker sends the parent for each item, before the item's bytes
** of stdout and then of stderr. */
typedef struct {
  int32_t status;   /* the item's exit status (LEDE_EXIT_*) */
  uint64_t nout;    /* bytes of standard output that follow */
  uint64_t nerr;    /* bytes of standard error after those */
} record;

/* One worker as the parent sees it. */
typedef struct {
  pid_t pid;
  int fd;           /* read end of its result pipe */
} worker;

/* Write all of buf to fd; 0 on success, -1 on error. */
static int writeall(int fd, const void *buf, size_t n)
{
  const char *p = buf;
  while (n > 0) {
    ssize_t k = write(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

/* Read exactly n bytes; 0 on success, -1 on error or end of file. */
static int readall(int fd, void *buf, size_t n)
{
  char *p = buf;
  while (n > 0) {
    ssize_t k = read(fd, p, n);
    if (k < 0 && errno == EINTR) continue;
    if (k <= 0) return -1;
    p += k;
    n -= (size_t)k;
  }
  return 0;
}

/* Copy n bytes from fd to fd `to` through a buffer; -1 on a short read. */
static int relay(int from, int to, uint64_t n)
{
  char buf[1 << 16];
  while (n > 0) {
    size_t k = n < sizeof buf ? (size_t)n : sizeof buf;
    if (readall(from, buf, k) != 0) return -1;
    if (to >= 0) writeall(to, buf, k);  /* a closed stdout: main reports */
    n -= k;
  }
  return 0;
}

/* ---- the worker side ---- */

/* Point fd (1 or 2) at a fresh scratch file; -1 on failure. */
static int catchfd(int fd)
{
  FILE *f = tmpfile();
  if (f == NULL || dup2(fileno(f), fd) < 0) return -1;
  fclose(f);  /* fd keeps the file open */
  return 0;
}

/* Empty the scratch file behind fd and its stdio stream. */
static void reset(FILE *stream, int fd)
{
  fflush(stream);
  if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0)
    _exit(LEDE_EXIT_SCRIPT);
  rewind(stream);
}

/* Send the scratch file behind fd (n bytes) down the pipe. */
static int sendfile_(int fd, off_t n, int pipe)
{
  char buf[1 << 16];
  off_t at = 0;
  while (at < n) {
    size_t want = n - at < (off_t)sizeof buf ? (size_t)(n - at) : sizeof buf;
    ssize_t k = pread(fd, buf, want, at);
    if (k <= 0 || writeall(pipe, buf, (size_t)k) != 0) return -1;
    at += k;
  }
  return 0;
}

/* Run items k, k + n, k + 2n, ... and send each result; never returns. */
static void work(lua_State *L, const lede_cli_batch *b, size_t k, size_t n,
                 int pipe)
{
  size_t i;
  if (catchfd(1) != 0 || catchfd(2) != 0) _exit(LEDE_EXIT_SCRIPT);
  for (i = k; i < b->n; i += n) {
    record r;
    reset(stdout, 1);
    reset(stderr, 2);
    r.status = b->job(L, b->ud, i);
    fflush(stdout);
    fflush(stderr);
    r.nout = (uint64_t)lseek(1, 0, SEEK_CUR);
    r.nerr = (uint64_t)lseek(2, 0, SEEK_CUR);
    if (writeall(pipe, &r, sizeof r) != 0 ||
        sendfile_(1, (off_t)r.nout, pipe) != 0 ||
        sendfile_(2, (off_t)r.nerr, pipe) != 0)
      _exit(LEDE_EXIT_SCRIPT);  /* the parent has gone */
  }
  _exit(LEDE_EXIT_OK);
}

/* ---- the parent side ---- */

/* Whether the batch stops after an item with this status: a script error
** does (as in lua, it would fail on the next article too), unless each
** item is its own record (JSON Lines); with --fail-fast any failure. */
static int stops(const lede_cli *cli, int status)
{
  if (status == LEDE_EXIT_OK) return 0;
  return cli->failfast || (status == LEDE_EXIT_SCRIPT && !cli->jsonl);
}

int lede_cli_worse(int a, int b)
{
  if (a == LEDE_EXIT_SCRIPT || b == LEDE_EXIT_SCRIPT) return LEDE_EXIT_SCRIPT;
  return a ? a : b;
}

static void stopall(worker *w, size_t n)
{
  size_t i;
  for (i = 0; i < n; i++) {
    if (w[i].pid > 0) kill(w[i].pid, SIGTERM);
  }
  for (i = 0; i < n; i++) {
    if (w[i].pid > 0) waitpid(w[i].pid, NULL, 0);
    if (w[i].fd >= 0) close(w[i].fd);
  }
}

/* Start n workers; 0 on success. */
static int spawn(lua_State *L, const lede_cli_batch *b, worker *w, size_t n)
{
  size_t k;
  fflush(stdout);
  fflush(stderr);
  for (k = 0; k < n; k++) {
    int fds[2];
    w[k].pid = -1;
    w[k].fd = -1;
    if (pipe(fds) != 0) return -1;
    w[k].pid = fork();
    if (w[k].pid < 0) {
      close(fds[0]);
      close(fds[1]);
      return -1;
    }
    if (w[k].pid == 0) {
      size_t j;
      close(fds[0]);
      for (j = 0; j < k; j++) close(w[j].fd);
      work(L, b, k, n, fds[1]);
    }
    close(fds[1]);
    w[k].fd = fds[0];
  }
  return 0;
}

/* Take the next record from worker w and write its output. Returns the
** item's status, or -1 when the worker died. */
static int collect(worker *w, lede_cli_progress *p)
{
  record r;
  if (readall(w->fd, &r, sizeof r) != 0) return -1;
  if (r.nerr > 0) lede_cli_progress_clear(p);
  if (relay(w->fd, 1, r.nout) != 0) return -1;
  if (relay(w->fd, 2, r.nerr) != 0) return -1;
  return r.status;
}

static int inprocess(lua_State *L, lede_cli_batch *b)
{
  int status = LEDE_EXIT_OK;
  for (b->done = 0; b->done < b->n; ) {
    int s = b->job(L, b->ud, b->done++);
    status = lede_cli_worse(status, s);
    if (stops(b->cli, s)) break;
  }
  return status;
}

int lede_cli_workers(const lede_cli *cli, size_t items)
{
  long n = cli->jobs;
  if (n <= 0) n = sysconf(_SC_NPROCESSORS_ONLN);
  if (n <= 0) n = 1;
  if (n > WORKERS_MAX) n = WORKERS_MAX;
  if ((size_t)n > items) n = (long)items;
  return n < 1 ? 1 : (int)n;
}

int lede_cli_runbatch(lua_State *L, lede_cli_batch *b, lede_cli_progress *p)
{
  worker w[WORKERS_MAX];
  size_t n = (size_t)b->workers, i;
  int status = LEDE_EXIT_OK;
  b->done = 0;
  if (b->n == 0) return LEDE_EXIT_OK;
  if (n <= 1 && p == NULL && !b->isolate) return inprocess(L, b);
  if (n < 1) n = 1;
  if (spawn(L, b, w, n) != 0) {
    stopall(w, n);
    lede_cli_message("cannot start the workers");
    return LEDE_EXIT_SCRIPT;
  }
  for (i = 0; i < b->n; i++) {
    int s = collect(&w[i % n], p);
    if (s < 0) {
      lede_cli_progress_clear(p);
      lede_cli_message("a worker died");
      status = LEDE_EXIT_SCRIPT;
      break;
    }
    lede_cli_progress_step(p);
    b->done = i + 1;
    status = lede_cli_worse(status, s);
    if (stops(b->cli, s)) break;
  }
  lede_cli_progress_clear(p);
  stopall(w, n);
  return status;
}
