/*
** test_find.c: core/lib/find.c. One row per folding or matching rule,
** each a query and flags on one invented, hard-wrapped article and the
** exact source bytes of every hit (each found after the one before).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lede.h"

#define MAXH 4  /* expected hits in one row */

#define E_ACUTE "\xc3\xa9"          /* é, precomposed */
#define E_ACUTE_UPPER "\xc3\x89"    /* É */
#define CIRCUMFLEX "\xcc\x82"       /* combining ^ */
#define ACUTE "\xcc\x81"            /* combining ´ */
#define RSQUO "\xe2\x80\x99"        /* ’ */
#define LDQUO "\xe2\x80\x9c"        /* “ */
#define RDQUO "\xe2\x80\x9d"        /* ” */

/* Title and byline are not searched; "Brûlée" is written decomposed. */
#define ARTICLE \
  "Caf" E_ACUTE " Owners on Gull Island Weigh a Winter Closure\n\n" \
  "By Ada Brook\n\n" \
  "The Caf" E_ACUTE " Bru" CIRCUMFLEX "le" ACUTE "e on Gull\n" \
  "Island closed on Friday. Its owner, Jos" E_ACUTE " Ortiz,\n" \
  "said the cafe would reopen in spring.\n\n" \
  "Ortiz" RSQUO "s neighbours at the CAF" E_ACUTE_UPPER " next door " \
  "weren" RSQUO "t\n" \
  "so sure. " LDQUO "Gull Island is quiet," RDQUO " one said. Stra\xc3\x9f" \
  "e\n" \
  "signs? None.\n"

typedef struct {
  const char *name;
  const char *query;
  int flags;
  const char *hits[MAXH];  /* exact source bytes; NULL ends the list */
} row;

static const row rows[] = {
  {"case and accents ignored", "cafe", 0,
   {"Caf" E_ACUTE, "cafe", "CAF" E_ACUTE_UPPER}},
  {"case must match", "Caf" E_ACUTE, LEDE_FIND_CASE, {"Caf" E_ACUTE}},
  {"accents must match", "cafe", LEDE_FIND_ACCENTS, {"cafe"}},
  {"case and accents must match", "CAF" E_ACUTE_UPPER,
   LEDE_FIND_CASE | LEDE_FIND_ACCENTS, {"CAF" E_ACUTE_UPPER}},
  {"accented query finds plain and accented", "jos" E_ACUTE, 0,
   {"Jos" E_ACUTE}},
  {"plain query finds accented", "jose", 0, {"Jos" E_ACUTE}},
  {"decomposed source, marks inside the hit", "brulee", 0,
   {"Bru" CIRCUMFLEX "le" ACUTE "e"}},
  {"precomposed query, decomposed source", "br\xc3\xbbl" E_ACUTE "e",
   LEDE_FIND_ACCENTS, {"Bru" CIRCUMFLEX "le" ACUTE "e"}},
  {"whitespace run matches a line break", "gull   island", 0,
   {"Gull\nIsland", "Gull Island"}},
  {"curly apostrophe matches straight", "weren't", 0,
   {"weren" RSQUO "t"}},
  {"sharp s folds to ss", "STRASSE", 0, {"Stra\xc3\x9f" "e"}},
  {"a hit may start on a folded character", "sse", 0, {"\xc3\x9f" "e"}},
  {"no hit ending inside a folded character", "tras", 0, {NULL}},
  {"inside words by default", "sign", 0, {"sign"}},
  {"whole words", "sign", LEDE_FIND_WHOLE_WORDS, {NULL}},
  {"whole words before an apostrophe", "ortiz", LEDE_FIND_WHOLE_WORDS,
   {"Ortiz", "Ortiz"}},
  {"whole words ending in punctuation", "quiet," RDQUO,
   LEDE_FIND_WHOLE_WORDS, {"quiet," RDQUO}},
  {"never across paragraphs", "spring. Ortiz", 0, {NULL}},
  {"outer whitespace of the query ignored", "  friday  ", 0, {"Friday"}},
  {"empty query", "", 0, {NULL}},
  {"whitespace-only query", " \t ", 0, {NULL}},
};

typedef struct {
  const char *src;
  lede_span got[MAXH + 1];
  size_t n;
} hits;

static int collect(void *ud, lede_span span) {
  hits *h = ud;
  if (h->n <= MAXH) h->got[h->n] = span;
  h->n++;
  return 0;
}

static int checkrow(lede_article *a, size_t k, const row *r) {
  hits h;
  size_t n = 0, i, from = 0;
  memset(&h, 0, sizeof h);
  h.src = lede_article_source(a, NULL);
  assert_int_equal(lede_article_find(a, r->query, strlen(r->query), r->flags,
                                     collect, &h), LEDE_OK);
  while (n < MAXH && r->hits[n] != NULL) n++;
  if (h.n != n) {
    print_message("row %zu: %s: %zu hits, want %zu\n", k, r->name, h.n, n);
    for (i = 0; i < h.n && i <= MAXH; i++)
      print_message("    [%.*s] at %zu\n", (int)h.got[i].len,
                    h.src + h.got[i].off, h.got[i].off);
    return 0;
  }
  for (i = 0; i < n; i++) {
    /* The title holds "Café" and "Gull Island" too: search the body. */
    const char *body = strstr(h.src, "The Caf");
    const char *at = strstr(body + from, r->hits[i]);
    size_t off = at ? (size_t)(at - h.src) : (size_t)-1;
    if (h.got[i].off != off || h.got[i].len != strlen(r->hits[i])) {
      print_message("row %zu: %s: hit %zu is [%.*s] at %zu, want [%s] at "
                    "%zu\n", k, r->name, i, (int)h.got[i].len,
                    h.src + h.got[i].off, h.got[i].off, r->hits[i], off);
      return 0;
    }
    from = off + h.got[i].len - (size_t)(body - h.src);
  }
  return 1;
}

static lede_article *parse(void) {
  lede_article *a = NULL;
  const lede_block *b;
  size_t n;
  assert_int_equal(lede_parse(ARTICLE, strlen(ARTICLE), NULL, &a, NULL),
                   LEDE_OK);
  b = lede_article_blocks(a, &n);
  assert_int_equal(n, 4);
  assert_int_equal(b[0].kind, LEDE_BLOCK_TITLE);
  assert_int_equal(b[2].kind, LEDE_BLOCK_PARAGRAPH);
  assert_int_equal(b[3].kind, LEDE_BLOCK_PARAGRAPH);
  return a;
}

static void test_rules(void **state) {
  lede_article *a = parse();
  size_t k;
  int fails = 0;
  (void)state;
  for (k = 0; k < sizeof rows / sizeof rows[0]; k++)
    fails += !checkrow(a, k, &rows[k]);
  lede_article_free(a);
  assert_int_equal(fails, 0);
}

static int stopfirst(void *ud, lede_span span) {
  (void)span;
  (*(int *)ud)++;
  return 1;
}

static void test_walk(void **state) {
  lede_article *a = parse();
  int calls = 0;
  (void)state;
  assert_int_equal(lede_article_find(a, "cafe", 4, 0, stopfirst, &calls),
                   LEDE_OK);
  assert_int_equal(calls, 1);
  assert_int_equal(lede_article_find(a, "cafe", 4, 0, NULL, NULL),
                   LEDE_EINVAL);
  assert_int_equal(lede_article_find(a, NULL, 4, 0, stopfirst, &calls),
                   LEDE_EINVAL);
  lede_article_free(a);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rules),
    cmocka_unit_test(test_walk),
  };
  return cmocka_run_group_tests_name("find", tests, NULL, NULL);
}
