/*
** test_keywords.c: core/lib/keywords.c. One row per scoring rule, each an
** invented article and its whole keyword list with exact scores (the
** formula in keywords.c: n words x (1 + 1 / (1 + paragraph)), doubled for
** the title). The rows use the test's own stopwords through
** lede_keywords_rank, so they hold whatever the gazetteer lists; the
** public call is checked for order and caching only.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lib/text.h"

#define MAXK 10  /* expected keywords in one row */

/* A tiny stand-in for lede_gaz_stopword, for these rows only. */
static int stopword(const char *s, size_t n) {
  static const char *const words[] = {
    "the", "a", "an", "and", "at", "of", "in", "on", "to", "is", NULL
  };
  const char *const *w;
  for (w = words; *w != NULL; w++)
    if (strlen(*w) == n && memcmp(*w, s, n) == 0) return 1;
  return 0;
}

typedef struct {
  const char *term;  /* NULL ends the list */
  double score;
} want;

typedef struct {
  const char *name;
  const char *input;
  int titled;          /* the first block must be the title */
  want keywords[MAXK];
} row;

static const row rows[] = {
  {"earlier paragraphs weigh more",
   "Keepers polish the lamp.\n\nGulls circle the lamp.\n", 0,
   {{"lamp", 3.5}, {"Keepers", 2}, {"polish", 2}, {"Gulls", 1.5},
    {"circle", 1.5}}},
  {"stems merge; the most frequent surface names them",
   "The keeper keeps two lamps.\n\nKeepers and a keeper light lamps.\n", 0,
   {{"keeper", 5}, {"lamps", 3.5}, {"keeps", 2}, {"two", 2},
    {"light", 1.5}}},
  {"a phrase seen twice counts its words",
   "Harbour lights glow at dusk.\n\nHarbour lights fade at dawn.\n", 0,
   {{"Harbour lights", 7}, {"Harbour", 3.5}, {"lights", 3.5}, {"glow", 2},
    {"dusk", 2}, {"fade", 1.5}, {"dawn", 1.5}}},
  {"punctuation breaks a phrase",
   "Harbour, lights glow at dusk.\n\nHarbour, lights fade at dawn.\n", 0,
   {{"Harbour", 3.5}, {"lights", 3.5}, {"glow", 2}, {"dusk", 2},
    {"fade", 1.5}, {"dawn", 1.5}}},
  {"the title doubles; a phrase seen once is dropped",
   "Harbour Lights Return to Gull Point\n\n"
   "The harbour lights came back on Friday.\n\n"
   "Gull Point cheered the harbour lights.\n", 1,
   {{"harbour lights", 14}, {"harbour", 7}, {"lights", 7}, {"Gull", 3},
    {"Point", 3}, {"came", 2}, {"back", 2}, {"Friday", 2},
    {"cheered", 1.5}}},
  {"numbers and single letters are no terms",
   "In 2016 a B crew painted 40 lamps.\n\nThe crew painted lamps again.\n",
   0,
   {{"crew painted", 7}, {"crew", 3.5}, {"painted", 3.5}, {"lamps", 3.5},
    {"again", 1.5}}},
  {"ties go to the term met first",
   "Red lamps glow.\n\nBlue lamps glow.\n", 0,
   {{"lamps glow", 7}, {"lamps", 3.5}, {"glow", 3.5}, {"Red", 2},
    {"Blue", 1.5}}},
};

static int checkrow(size_t r, const row *w) {
  lede_article *a = NULL;
  lede_keyword *k;
  size_t n, i, nwant = 0, nb;
  const lede_block *b;
  int ok = 1;
  assert_int_equal(lede_parse(w->input, strlen(w->input), NULL, &a, NULL),
                   LEDE_OK);
  b = lede_article_blocks(a, &nb);
  if ((b[0].kind == LEDE_BLOCK_TITLE) != w->titled) {
    print_message("row %zu: %s: first block is %s\n", r, w->name,
                  lede_block_kind_name(b[0].kind));
    lede_article_free(a);
    return 0;
  }
  assert_int_equal(lede_keywords_rank(a, stopword, &k, &n), LEDE_OK);
  while (nwant < MAXK && w->keywords[nwant].term != NULL) nwant++;
  if (n != nwant) ok = 0;
  for (i = 0; i < n && i < nwant && ok; i++)
    ok = strcmp(k[i].term, w->keywords[i].term) == 0 &&
         k[i].score == w->keywords[i].score;
  if (!ok) {
    print_message("row %zu: %s: got\n", r, w->name);
    for (i = 0; i < n; i++)
      print_message("    %s %g\n", k[i].term, k[i].score);
  }
  lede_article_free(a);
  return ok;
}

static void test_rules(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof rows / sizeof rows[0]; r++)
    fails += !checkrow(r, &rows[r]);
  assert_int_equal(fails, 0);
}

/* The public call: sorted by score, cached, the same on a second parse. */
static void test_article(void **state) {
  const char *text = rows[4].input;
  lede_article *a = NULL, *b = NULL;
  const lede_keyword *k, *again, *k2;
  size_t n, m, n2, i;
  (void)state;
  assert_int_equal(lede_parse(text, strlen(text), NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_keywords(a, &k, &n), LEDE_OK);
  assert_true(n > 0);
  for (i = 1; i < n; i++) assert_true(k[i - 1].score >= k[i].score);
  assert_int_equal(lede_article_keywords(a, &again, &m), LEDE_OK);
  assert_ptr_equal(again, k);
  assert_int_equal(m, n);
  assert_int_equal(lede_parse(text, strlen(text), NULL, &b, NULL), LEDE_OK);
  assert_int_equal(lede_article_keywords(b, &k2, &n2), LEDE_OK);
  assert_int_equal(n2, n);
  for (i = 0; i < n; i++) {
    assert_string_equal(k2[i].term, k[i].term);
    assert_true(k2[i].score == k[i].score);
  }
  lede_article_free(a);
  lede_article_free(b);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rules),
    cmocka_unit_test(test_article),
  };
  return cmocka_run_group_tests_name("keywords", tests, NULL, NULL);
}
