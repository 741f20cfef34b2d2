/*
** measure.c: run a command N times and print its wall time per run and
** its peak memory, for scripts/bench/bench.lua. Wall time is the monotonic
** clock around fork and wait; peak memory is wait4's ru_maxrss (the
** largest process of the run, workers included when they were waited for).
**
**   measure [-n N] [-i IN] [-o OUT] [-e ERR] CMD [ARG...]
**
** prints one line "WALL_SECONDS CPU_SECONDS MAXRSS_KB STATUS", seconds
** per run (STATUS: the last
** non-zero exit status, or 0). Standard input defaults to /dev/null, the
** outputs to /dev/null, so terminals and pipes cost nothing.
*/
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

/* What the options said. */
typedef struct {
  long runs;          /* -n: runs to time back to back */
  const char *in;     /* -i: standard input of the command */
  const char *out;    /* -o: its standard output */
  const char *err;    /* -e: its standard error */
  char **argv;        /* the command */
} options;

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Open `path` onto descriptor `fd` in the child; exits on failure. */
static void redirect(int fd, const char *path, int flags)
{
  int f = open(path, flags, 0666);
  if (f < 0 || dup2(f, fd) < 0) {
    perror(path);
    _exit(127);
  }
  close(f);
}

static double seconds(struct timeval tv)
{
  return (double)tv.tv_sec + (double)tv.tv_usec / 1e6;
}

/* One run; returns the exit status (128 + signal when killed), adds the
** child's CPU time to *cpu and keeps the largest peak memory in *maxrss. */
static int runonce(const options *o, double *cpu, long *maxrss)
{
  struct rusage ru;
  int status;
  pid_t pid = fork();
  if (pid < 0) {
    perror("fork");
    exit(2);
  }
  if (pid == 0) {
    redirect(0, o->in, O_RDONLY);
    redirect(1, o->out, O_WRONLY | O_CREAT | O_TRUNC);
    redirect(2, o->err, O_WRONLY | O_CREAT | O_TRUNC);
    execvp(o->argv[0], o->argv);
    perror(o->argv[0]);
    _exit(127);
  }
  if (wait4(pid, &status, 0, &ru) < 0) {
    perror("wait4");
    exit(2);
  }
  *cpu += seconds(ru.ru_utime) + seconds(ru.ru_stime);
  if (ru.ru_maxrss > *maxrss)
    *maxrss = ru.ru_maxrss;
  if (WIFSIGNALED(status))
    return 128 + WTERMSIG(status);
  return WEXITSTATUS(status);
}

static int parse(options *o, int argc, char **argv)
{
  int c;
  o->runs = 1;
  o->in = o->out = o->err = "/dev/null";
  while ((c = getopt(argc, argv, "+n:i:o:e:")) != -1) {
    if (c == 'n') o->runs = strtol(optarg, NULL, 10);
    else if (c == 'i') o->in = optarg;
    else if (c == 'o') o->out = optarg;
    else if (c == 'e') o->err = optarg;
    else return 0;
  }
  o->argv = argv + optind;
  return optind < argc && o->runs > 0;
}

int main(int argc, char **argv)
{
  options o;
  long maxrss = 0, i;
  int status = 0;
  double start, cpu = 0;
  if (!parse(&o, argc, argv)) {
    fputs("usage: measure [-n N] [-i IN] [-o OUT] [-e ERR] CMD [ARG...]\n",
          stderr);
    return 2;
  }
  start = now();
  for (i = 0; i < o.runs; i++) {
    int s = runonce(&o, &cpu, &maxrss);
    if (s != 0) status = s;
  }
  printf("%.6f %.6f %ld %d\n", (now() - start) / (double)o.runs,
         cpu / (double)o.runs, maxrss, status);
  return 0;
}
