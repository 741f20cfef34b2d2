/*
** test_words.c: core/lib/words.c. One row per tokenising or folding rule
** on invented text (each expected word's surface pins its span), then the
** article pass: body words only, sentence indices, the cache.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lede.h"

#define MAXW 8  /* expected words in one row */

typedef struct {
  const char *surface;  /* exact bytes; NULL ends the list */
  const char *norm;
  const char *stem;
  size_t sentence;
} want;

typedef struct {
  const char *name;
  const char *input;
  want words[MAXW];
} row;

static const row rows[] = {
  {"plain words", "Ships sailed",
   {{"Ships", "ships", "ship", 0}, {"sailed", "sailed", "sail", 0}}},
  {"hyphenated", "U.S.-led al-Abadi co-op",
   {{"U.S.-led", "u.s.-led", "u.s.-l", 0}, {"al-Abadi", "al-abadi",
     "al-abadi", 0}, {"co-op", "co-op", "co-op", 0}}},
  {"non-breaking hyphen folds to -", "non\xe2\x80\x91stop",
   {{"non\xe2\x80\x91stop", "non-stop", "non-stop", 0}}},
  {"contraction, straight", "don't", {{"don't", "don't", "don't", 0}}},
  {"contraction, curly apostrophe", "weren\xe2\x80\x99t",
   {{"weren\xe2\x80\x99t", "weren't", "weren't", 0}}},
  {"possessive", "Jones's", {{"Jones's", "jones's", "jone", 0}}},
  {"numbers with comma and point", "2,500 and 3.5",
   {{"2,500", "2,500", "2,500", 0}, {"and", "and", "and", 0},
    {"3.5", "3.5", "3.5", 0}}},
  {"comma between letters splits", "red,blue",
   {{"red", "red", "red", 0}, {"blue", "blue", "blue", 0}}},
  {"final period is punctuation", "It ends.",
   {{"It", "it", "it", 0}, {"ends", "ends", "end", 0}}},
  {"dotted abbreviation keeps its period", "U.S. a.m.",
   {{"U.S.", "u.s.", "u.s.", 0}, {"a.m.", "a.m.", "a.m.", 0}}},
  {"initial loses its period", "J. Smith",
   {{"J", "j", "j", 0}, {"Smith", "smith", "smith", 0}}},
  {"outer apostrophes are quotes", "'90s students'",
   {{"90s", "90s", "90s", 0}, {"students", "students", "student", 0}}},
  {"dashes split", "yes\xe2\x80\x94no well -- known",
   {{"yes", "yes", "yes", 0}, {"no", "no", "no", 0},
    {"well", "well", "well", 0}, {"known", "known", "known", 0}}},
  {"compatibility forms (NFKC)", "\xef\xac\x81nance \xef\xbc\xa1\xef\xbc\xa2",
   {{"\xef\xac\x81nance", "finance", "financ", 0},
    {"\xef\xbc\xa1\xef\xbc\xa2", "ab", "ab", 0}}},
  {"case fold beyond ASCII", "Stra\xc3\x9f" "e \xc3\x89" "COLE",
   {{"Stra\xc3\x9f" "e", "strasse", "strass", 0},
    {"\xc3\x89" "COLE", "\xc3\xa9" "cole", "\xc3\xa9" "cole", 0}}},
  {"combining mark stays in the word", "Cafe\xcc\x81 open",
   {{"Cafe\xcc\x81", "caf\xc3\xa9", "caf\xc3\xa9", 0},
    {"open", "open", "open", 0}}},
  {"address parts", "tips@example.net",
   {{"tips", "tips", "tip", 0}, {"example.net", "example.net",
     "example.net", 0}}},
  {"sentence indices", "One. Two three. Four",
   {{"One", "one", "one", 0}, {"Two", "two", "two", 1},
    {"three", "three", "three", 1}, {"Four", "four", "four", 2}}},
  {"punctuation only", "\xe2\x80\x94 \xe2\x80\xa6 ! ?",
   {{NULL, NULL, NULL, 0}}},
  {"empty", "", {{NULL, NULL, NULL, 0}}},
};

typedef struct {
  const row *r;
  size_t k;       /* row number */
  size_t n;       /* words seen */
  size_t from;    /* where the next expected surface is searched */
  int fails;
} check;

static int checkword(void *ud, const lede_word *w) {
  check *c = ud;
  const want *e = c->n < MAXW ? &c->r->words[c->n] : NULL;
  const char *in = c->r->input, *at;
  size_t off;
  c->n++;
  if (e == NULL || e->surface == NULL) {
    print_message("row %zu: %s: extra word [%.*s]\n", c->k, c->r->name,
                  (int)w->span.len, in + w->span.off);
    c->fails++;
    return 0;
  }
  at = strstr(in + c->from, e->surface);
  off = at ? (size_t)(at - in) : (size_t)-1;
  if (w->span.off != off || w->span.len != strlen(e->surface) ||
      strcmp(w->norm, e->norm) != 0 || strcmp(w->stem, e->stem) != 0 ||
      w->sentence != e->sentence) {
    print_message("row %zu: %s: word %zu is [%.*s] at %zu norm %s stem %s "
                  "sentence %zu; want [%s] at %zu norm %s stem %s sentence "
                  "%zu\n", c->k, c->r->name, c->n - 1, (int)w->span.len,
                  in + w->span.off, w->span.off, w->norm, w->stem,
                  w->sentence, e->surface, off, e->norm, e->stem,
                  e->sentence);
    c->fails++;
  }
  c->from = w->span.off + w->span.len;
  return 0;
}

static void test_rules(void **state) {
  size_t k;
  int fails = 0;
  (void)state;
  for (k = 0; k < sizeof rows / sizeof rows[0]; k++) {
    check c = {&rows[k], k, 0, 0, 0};
    size_t n = 0;
    assert_int_equal(lede_text_words(rows[k].input, strlen(rows[k].input),
                                     checkword, &c), LEDE_OK);
    while (n < MAXW && rows[k].words[n].surface != NULL) n++;
    if (c.n < n) {
      print_message("row %zu: %s: %zu words, want %zu\n", k, rows[k].name,
                    c.n, n);
      c.fails++;
    }
    fails += c.fails;
  }
  assert_int_equal(fails, 0);
}

static int stopfirst(void *ud, const lede_word *w) {
  (void)w;
  (*(int *)ud)++;
  return 1;
}

static void test_walk(void **state) {
  int calls = 0;
  (void)state;
  assert_int_equal(lede_text_words("one two. three", 14, stopfirst, &calls),
                   LEDE_OK);
  assert_int_equal(calls, 1);
  assert_int_equal(lede_text_words("one", 3, NULL, NULL), LEDE_EINVAL);
  assert_int_equal(lede_text_words(NULL, 1, stopfirst, &calls), LEDE_EINVAL);
  assert_int_equal(lede_text_words(NULL, 0, stopfirst, &calls), LEDE_OK);
  assert_int_equal(calls, 1);
}

/* Hard-wrapped so both paragraphs are body; the title's words are not. */
#define FERRY \
  "Ferry Service Returns to Gull Island After Two Dry Summers\n\n" \
  "By Ada Brook\n\n" \
  "The ferry left Port Amsel at noon\non Friday. It came back late in\n" \
  "the evening.\n\n" \
  "Mr. Hale, the No. 2 officer aboard,\ncounted 48 passengers. \"We were " \
  "full,\"\nhe said.\n"

static void test_article(void **state) {
  static const struct {
    const char *surface;
    size_t sentence;
  } want_words[] = {
    {"The", 0}, {"ferry", 0}, {"left", 0}, {"Port", 0}, {"Amsel", 0},
    {"at", 0}, {"noon", 0}, {"on", 0}, {"Friday", 0},
    {"It", 1}, {"came", 1}, {"back", 1}, {"late", 1}, {"in", 1}, {"the", 1},
    {"evening", 1},
    {"Mr", 2}, {"Hale", 2}, {"the", 2}, {"No", 2}, {"2", 2}, {"officer", 2},
    {"aboard", 2}, {"counted", 2}, {"48", 2}, {"passengers", 2},
    {"We", 3}, {"were", 3}, {"full", 3}, {"he", 3}, {"said", 3},
  };
  const size_t nwant = sizeof want_words / sizeof want_words[0];
  lede_article *a = NULL;
  const lede_word *w, *again;
  const char *src;
  size_t n, m, i, from = 0;
  (void)state;
  assert_int_equal(lede_parse(FERRY, strlen(FERRY), NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_words(a, &w, &n), LEDE_OK);
  src = lede_article_source(a, NULL);
  assert_int_equal(n, nwant);
  for (i = 0; i < n; i++) {
    const char *at = strstr(FERRY + from, want_words[i].surface);
    assert_non_null(at);
    if (w[i].span.off != (size_t)(at - FERRY) ||
        w[i].sentence != want_words[i].sentence)
      fail_msg("word %zu: [%.*s] at %zu sentence %zu, want [%s] at %zu "
               "sentence %zu", i, (int)w[i].span.len, src + w[i].span.off,
               w[i].span.off, w[i].sentence, want_words[i].surface,
               (size_t)(at - FERRY), want_words[i].sentence);
    assert_int_equal(w[i].span.len, strlen(want_words[i].surface));
    from = w[i].span.off + w[i].span.len;
  }
  /* One string per distinct form: both "the" share their norm. */
  assert_ptr_equal(w[14].norm, w[18].norm);
  assert_string_equal(w[25].stem, "passeng");
  assert_int_equal(lede_article_words(a, &again, &m), LEDE_OK);
  assert_ptr_equal(again, w);
  assert_int_equal(m, n);
  lede_article_free(a);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rules),
    cmocka_unit_test(test_walk),
    cmocka_unit_test(test_article),
  };
  return cmocka_run_group_tests_name("words", tests, NULL, NULL);
}
