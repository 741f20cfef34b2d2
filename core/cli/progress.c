/*
** progress.c: the progress bar of a batch, on standard error when it is a
** terminal, once the batch has run for a second (a short one shows
** nothing), never with -q. One line, redrawn in place: articles done,
** rate, and with a known total a bar and the time left.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "cli/cli.h"

#define SHOW_AFTER 1.0     /* seconds of batch before the bar appears */
#define REDRAW_EVERY 0.1   /* seconds between redraws, at least */
#define BAR_WIDTH 30       /* characters of the bar itself */

struct lede_cli_progress {
  size_t total;      /* items in the batch, 0 when unknown (a stream) */
  size_t done;       /* items finished */
  double start;      /* when the batch started */
  double drawn;      /* when the line was last drawn, 0 if it is not shown */
};

static double now(void)
{
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

lede_cli_progress *lede_cli_progress_new(const lede_cli *cli, size_t total)
{
  lede_cli_progress *p;
  if (cli->quiet || !isatty(2)) return NULL;
  p = calloc(1, sizeof *p);
  if (p == NULL) return NULL;  /* no bar is no failure */
  p->total = total;
  p->start = now();
  return p;
}

/* "[#######.......]  1234/20000  512/s  0:31 left" */
static void draw(lede_cli_progress *p, double t)
{
  double rate = p->done / (t - p->start);
  char bar[BAR_WIDTH + 1];
  if (p->total > 0) {
    size_t fill = p->done * BAR_WIDTH / p->total, i;
    long left = rate > 0 ? (long)((p->total - p->done) / rate) : 0;
    for (i = 0; i < BAR_WIDTH; i++) bar[i] = i < fill ? '#' : '.';
    bar[BAR_WIDTH] = '\0';
    fprintf(stderr, "\r[%s] %zu/%zu articles  %.0f/s  %ld:%02ld left\033[K",
            bar, p->done, p->total, rate, left / 60, left % 60);
  } else {
    fprintf(stderr, "\r%zu articles  %.0f/s\033[K", p->done, rate);
  }
  fflush(stderr);
  p->drawn = t;
}

void lede_cli_progress_step(lede_cli_progress *p)
{
  double t;
  if (p == NULL) return;
  p->done++;
  t = now();
  if (t - p->start < SHOW_AFTER || t - p->drawn < REDRAW_EVERY) return;
  draw(p, t);
}

void lede_cli_progress_clear(lede_cli_progress *p)
{
  if (p == NULL || p->drawn == 0) return;
  fputs("\r\033[K", stderr);
  fflush(stderr);
  p->drawn = 0;
}

void lede_cli_progress_free(lede_cli_progress *p)
{
  lede_cli_progress_clear(p);
  free(p);
}
