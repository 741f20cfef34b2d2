/*
** test_threads.c: the core is reentrant (issue 6). Several threads parse
** and query their own articles at once and must get exactly what one
** thread gets alone. `make test` also builds this file with
** -fsanitize=thread ($(BUILD)/tsan/test_threads), where any data race in
** the core (a lazily filled global table, a shared stemmer) fails it.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "shared.h"

#define NTHREADS 4
#define ROUNDS 3  /* each thread parses every fixture this many times */

static const char *const fixtures[] = {
  "tests/fixtures/sample.txt", "tests/fixtures/blog.txt",
  "tests/fixtures/byline-by.txt", "tests/fixtures/caption-credit.txt",
  "tests/fixtures/highlights.txt", "tests/fixtures/no-blank-lines.txt",
};
#define NFIXTURES (sizeof fixtures / sizeof fixtures[0])

/* What one parse and its queries give: counts that must not vary. */
typedef struct {
  size_t blocks, sentences, words, entities, quotes, numbers, keywords, hits;
} summary;

static char *texts[NFIXTURES];
static size_t lens[NFIXTURES];
static summary got[NTHREADS][ROUNDS][NFIXTURES];  /* each thread its own */

static int count_hit(void *ud, lede_span span) {
  (void)span;
  ++*(size_t *)ud;
  return 0;
}

/* Parse text and run every query on it; 0 on any failure. */
static int summarise(const char *text, size_t len, summary *s) {
  lede_article *a = NULL;
  const lede_sentence *st;
  const lede_word *w;
  const lede_entity *e;
  const lede_quote *q;
  const lede_number *nb;
  const lede_keyword *k;
  int ok;
  memset(s, 0, sizeof *s);
  if (lede_parse(text, len, NULL, &a, NULL) != LEDE_OK) return 0;
  lede_article_blocks(a, &s->blocks);
  ok = lede_article_sentences(a, &st, &s->sentences) == LEDE_OK
    && lede_article_words(a, &w, &s->words) == LEDE_OK
    && lede_article_entities(a, 1, &e, &s->entities) == LEDE_OK
    && lede_article_quotes(a, &q, &s->quotes) == LEDE_OK
    && lede_article_numbers(a, &nb, &s->numbers) == LEDE_OK
    && lede_article_keywords(a, &k, &s->keywords) == LEDE_OK
    && lede_article_find(a, "the", 3, 0, count_hit, &s->hits) == LEDE_OK;
  lede_article_free(a);
  return ok;
}

/* A thread: every fixture, ROUNDS times, starting at a different one so
** that threads meet in different passes. Returns the failures. */
static void *worker(void *arg) {
  size_t t = (size_t)(uintptr_t)arg, r, i;
  uintptr_t fails = 0;
  for (r = 0; r < ROUNDS; r++)
    for (i = 0; i < NFIXTURES; i++) {
      size_t f = (t + i) % NFIXTURES;
      if (!summarise(texts[f], lens[f], &got[t][r][f])) fails++;
    }
  return (void *)fails;
}

static int setup(void **state) {
  size_t i;
  (void)state;
  for (i = 0; i < NFIXTURES; i++) {
    texts[i] = shared_slurp(fixtures[i], &lens[i]);
    if (texts[i] == NULL) return -1;
  }
  return 0;
}

static int teardown(void **state) {
  size_t i;
  (void)state;
  for (i = 0; i < NFIXTURES; i++) free(texts[i]);
  return 0;
}

/* The threads run first, so that they are the first to touch whatever
** the core might set up on first use; then one thread alone gives the
** reference. */
static void test_threads_agree(void **state) {
  pthread_t t[NTHREADS];
  uintptr_t fails = 0;
  size_t i, r, f;
  (void)state;
  for (i = 0; i < NTHREADS; i++)
    assert_int_equal(pthread_create(&t[i], NULL, worker,
                                     (void *)(uintptr_t)i), 0);
  for (i = 0; i < NTHREADS; i++) {
    void *n;
    assert_int_equal(pthread_join(t[i], &n), 0);
    fails += (uintptr_t)n;
  }
  assert_int_equal(fails, 0);
  for (f = 0; f < NFIXTURES; f++) {
    summary want;
    assert_true(summarise(texts[f], lens[f], &want));
    for (i = 0; i < NTHREADS; i++)
      for (r = 0; r < ROUNDS; r++)
        if (memcmp(&got[i][r][f], &want, sizeof want) != 0) {
          print_message("thread %zu round %zu: %s differs\n", i, r,
                        fixtures[f]);
          fails++;
        }
  }
  assert_int_equal(fails, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_threads_agree),
  };
  return cmocka_run_group_tests(tests, setup, teardown);
}
