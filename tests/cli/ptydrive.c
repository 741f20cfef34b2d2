/*
** ptydrive.c: runs a program in a pseudo-terminal and follows a small
** script of what to type and what to wait for, as expect(1) does, so the
** REPL test needs no Tcl. Usage: ptydrive SCRIPT COMMAND [ARG...]
**
** Script lines (blank lines and lines starting with # are skipped):
**   send TEXT     type TEXT (escapes: \n \r \t \\ \e \xHH; \x03 is Ctrl-C,
**                 \x04 Ctrl-D)
**   expect TEXT   wait until the output since the last match holds TEXT
**   ready         wait until the program reads keys one by one (a line
**                 editor is waiting): keys typed before that are echoed
**                 twice, and a Ctrl-D is lost when the mode changes
**   sleep MS      wait MS milliseconds
**   exit N        wait for the program to end with status N
** Exits 0 when every step holds, else 1 after saying which line failed
** and what the program had printed.
*/
#define _DEFAULT_SOURCE  /* forkpty is BSD, not POSIX */

#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

/* How long expect and exit wait before failing: generous, for slow
** sanitizer builds, yet a hung REPL still fails the run. */
#define TIMEOUT_MS 10000

/* Longest script line. */
#define LINE_MAX_LEN 1024

/* The program under test and everything it printed. */
typedef struct {
  int fd;        /* pty master */
  pid_t pid;     /* the child */
  char *out;     /* all output so far */
  size_t len;    /* bytes in out */
  size_t cap;    /* bytes allocated */
  size_t mark;   /* where the next expect starts looking */
  int status;    /* wait status once the child ended, else -1 */
} session;

static long now_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Decode the escapes of a script argument in place; returns its length. */
static size_t unescape(char *s) {
  char *w = s;
  const char *r = s;
  while (*r) {
    if (*r != '\\' || r[1] == '\0') {
      *w++ = *r++;
      continue;
    }
    r++;
    switch (*r) {
      case 'n': *w++ = '\n'; r++; break;
      case 'r': *w++ = '\r'; r++; break;
      case 't': *w++ = '\t'; r++; break;
      case 'e': *w++ = '\033'; r++; break;
      case 'x': {
        char hex[3] = {0, 0, 0};
        strncpy(hex, r + 1, 2);
        *w++ = (char)strtol(hex, NULL, 16);
        r += 1 + strlen(hex);
        break;
      }
      default: *w++ = *r++; break;
    }
  }
  *w = '\0';
  return (size_t)(w - s);
}

/* Read what the child printed, waiting up to ms; 0 once it is gone. */
static int pump(session *s, int ms) {
  struct pollfd p;
  ssize_t n;
  p.fd = s->fd;
  p.events = POLLIN;
  if (poll(&p, 1, ms) <= 0)
    return 1;
  if (s->len + 4096 > s->cap) {
    s->cap = 2 * s->cap + 4096;
    if ((s->out = realloc(s->out, s->cap)) == NULL) {
      perror("ptydrive");
      exit(1);
    }
  }
  n = read(s->fd, s->out + s->len, 4096);
  if (n <= 0)
    return 0;  /* EIO: the child closed the terminal */
  s->len += (size_t)n;
  return 1;
}

/* Find text in the output from the mark on; its end, or 0 if absent. */
static size_t find(const session *s, const char *text, size_t tlen) {
  size_t i;
  for (i = s->mark; i + tlen <= s->len; i++)
    if (memcmp(s->out + i, text, tlen) == 0)
      return i + tlen;
  return 0;
}

static int expect(session *s, const char *text, size_t tlen) {
  long deadline = now_ms() + TIMEOUT_MS;
  size_t end;
  while ((end = find(s, text, tlen)) == 0) {
    if (now_ms() > deadline || !pump(s, 100))
      return 0;
  }
  s->mark = end;
  return 1;
}

/* Wait until the terminal has left canonical mode, which libedit does
** only once it is ready to read a line. */
static int ready(session *s) {
  long deadline = now_ms() + TIMEOUT_MS;
  struct termios t;
  while (tcgetattr(s->fd, &t) == 0 && (t.c_lflag & ICANON)) {
    if (now_ms() > deadline || !pump(s, 10))
      return 0;
  }
  return 1;
}

static int waitexit(session *s, int want) {
  long deadline = now_ms() + TIMEOUT_MS;
  int status;
  while (waitpid(s->pid, &status, WNOHANG) == 0) {
    if (now_ms() > deadline) {
      fputs("ptydrive: still running\n", stderr);
      return 0;
    }
    if (!pump(s, 50))
      usleep(10000);
  }
  s->status = status;
  if (WIFEXITED(status) && WEXITSTATUS(status) == want)
    return 1;
  if (WIFEXITED(status))
    fprintf(stderr, "ptydrive: exit status %d, expected %d\n",
            WEXITSTATUS(status), want);
  else
    fprintf(stderr, "ptydrive: killed by signal %d\n", WTERMSIG(status));
  return 0;
}

/* Print the output with control bytes made visible, for a failure. */
static void dump(const session *s) {
  size_t i;
  fputs("--- output so far ---\n", stderr);
  for (i = 0; i < s->len; i++) {
    unsigned char c = (unsigned char)s->out[i];
    if (c == '\n' || (c >= 0x20 && c < 0x7f) || c >= 0x80)
      fputc(c, stderr);
    else if (c != '\r')
      fprintf(stderr, "\\x%02x", c);
  }
  fputs("\n---\n", stderr);
}

/* Carry out one script line; 1 when it holds. */
static int step(session *s, char *line) {
  char *arg = strchr(line, ' ');
  size_t alen;
  arg = arg ? (*arg = '\0', arg + 1) : line + strlen(line);
  alen = unescape(arg);
  if (strcmp(line, "send") == 0)
    return write(s->fd, arg, alen) == (ssize_t)alen;
  if (strcmp(line, "expect") == 0)
    return expect(s, arg, alen);
  if (strcmp(line, "ready") == 0)
    return ready(s);
  if (strcmp(line, "sleep") == 0) {
    usleep((useconds_t)atoi(arg) * 1000);
    return 1;
  }
  if (strcmp(line, "exit") == 0)
    return waitexit(s, atoi(arg));
  fprintf(stderr, "ptydrive: unknown step '%s'\n", line);
  return 0;
}

/* Start argv in a new pty, 80x24 as a plain terminal would be. */
static void start(session *s, char **argv) {
  struct winsize ws = {24, 80, 0, 0};
  memset(s, 0, sizeof *s);
  s->status = -1;
  s->pid = forkpty(&s->fd, NULL, NULL, &ws);
  if (s->pid < 0) {
    perror("ptydrive: forkpty");
    exit(1);
  }
  if (s->pid == 0) {
    execvp(argv[0], argv);
    fprintf(stderr, "ptydrive: %s: %s\n", argv[0], strerror(errno));
    _exit(127);
  }
}

static int run(session *s, const char *path, FILE *script) {
  char line[LINE_MAX_LEN], copy[LINE_MAX_LEN];
  int lineno = 0;
  while (fgets(line, sizeof line, script)) {
    line[strcspn(line, "\n")] = '\0';
    lineno++;
    if (line[0] == '\0' || line[0] == '#')
      continue;
    memcpy(copy, line, sizeof line);  /* step decodes line in place */
    if (!step(s, line)) {
      fprintf(stderr, "ptydrive: %s:%d: '%s' failed\n", path, lineno, copy);
      dump(s);
      return 1;
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  session s;
  FILE *script;
  int failed;
  if (argc < 3) {
    fputs("usage: ptydrive SCRIPT COMMAND [ARG...]\n", stderr);
    return 2;
  }
  if ((script = fopen(argv[1], "r")) == NULL) {
    fprintf(stderr, "ptydrive: %s: %s\n", argv[1], strerror(errno));
    return 2;
  }
  start(&s, argv + 2);
  failed = run(&s, argv[1], script);
  fclose(script);
  if (s.status == -1) {
    kill(s.pid, SIGKILL);
    waitpid(s.pid, NULL, 0);
  }
  free(s.out);
  return failed;
}
