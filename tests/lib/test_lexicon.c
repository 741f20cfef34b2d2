/*
** test_lexicon.c: core/lib/lexicon.c. Whole-entry, prefix and contained
** matches at word boundaries, ignoring ASCII case, on small lists of the
** test's own; then promo lines judged by data/promo.txt.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lib/lexicon.h"

static const char *const links[] = {"email", "full bio", "rss", NULL};
static const char *const openers[] = {"by ", "posted by ", "read more", NULL};
static const char *const credits[] = {"getty", "getty images", "ap", NULL};
static const char *const empty[] = {NULL};

typedef struct {
  const char *name;
  const char *const *list;
  const char *s;
  int is;         /* expected lede_lex_is */
  size_t prefix;  /* expected lede_lex_prefix */
  int contains;   /* expected lede_lex_contains */
} lexrow;

static const lexrow lex_rows[] = {
  {"exact", links, "email", 1, 5, 1},
  {"other case", links, "Full Bio", 1, 8, 1},
  {"capitals", links, "RSS", 1, 3, 1},
  {"shorter than an entry", links, "full bi", 0, 0, 0},
  {"empty string", links, "", 0, 0, 0},
  {"empty list", empty, "email", 0, 0, 0},
  {"prefix at a word boundary", links, "Email Natalie", 0, 5, 1},
  {"no prefix inside a word", links, "Emailed", 0, 0, 0},
  {"entry ending in a space", openers, "By Jane Doe", 0, 3, 1},
  {"longest prefix wins", openers, "Posted by Marisol Keane", 0, 10, 1},
  {"prefix then punctuation", openers, "Read more: the vote", 0, 9, 1},
  {"prefix needs a boundary", openers, "Read moreover", 0, 0, 0},
  {"contained", credits, "Caption / Getty Images", 0, 0, 1},
  {"contained in brackets", credits, "At the pier (AP)", 0, 0, 1},
  {"not inside a word", credits, "Gettysburg map", 0, 0, 0},
  {"longest of two", credits, "Getty Images staff", 0, 12, 1},
};

static void test_lookups(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof lex_rows / sizeof lex_rows[0]; r++) {
    const lexrow *w = &lex_rows[r];
    size_t n = strlen(w->s);
    int is = lede_lex_is(w->list, w->s, n) != 0;
    size_t prefix = lede_lex_prefix(w->list, w->s, n);
    int contains = lede_lex_contains(w->list, w->s, n) != 0;
    if (is != w->is || prefix != w->prefix || contains != w->contains) {
      print_message("row %zu: %s: is %d prefix %zu contains %d, want %d %zu "
                    "%d\n", r, w->name, is, prefix, contains, w->is,
                    w->prefix, w->contains);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  const char *s;
  int promo;  /* expected lede_lex_promo_line */
} promorow;

#define LONG30 "one two three four five six seven eight nine ten eleven " \
  "twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen " \
  "twenty twenty-one twenty-two twenty-three twenty-four twenty-five " \
  "twenty-six twenty-seven twenty-eight twenty-nine thirty"

static const promorow promo_rows[] = {
  {"Advertisement", 1},
  {"ADVERTISEMENT", 1},
  {"Advertisement:", 1},
  {"- Advertisement -", 1},
  {"Advertisements are everywhere in the old town.", 0},
  {"Related: Coastal towns weigh the cost of keeping their beacons lit", 1},
  {"RELATED:", 1},
  {"Relatedly, the council voted to keep the keeper.", 0},
  {"Read more: How one island kept its winter ferry running", 1},
  {"He told reporters he wanted residents to read more books.", 0},
  {"Subscribe to our newsletter for FREE", 1},
  {"Sign up for our morning briefing", 1},
  {"Get the news that matters most to you, delivered straight to your "
   "inbox daily.", 1},
  {"Register today!", 1},
  {"\xc2\xa9 2025 The Example Post. All rights reserved.", 1},
  {"Copyright 2025 Example Media", 1},
  {"Share this:", 1},
  {"Share", 1},
  {"Shared ownership of the ferries was the plan.", 0},
  {"Facebook", 1},
  {"Facebook said on Monday that it would appeal.", 0},
  {"(Reporting by Ana Silva; Editing by Tom Hale)", 1},
  {"Featured image via Flickr/Tom Arden", 1},
  {"Follow us on Twitter", 1},
  {"Story highlights", 1},
  /* "Anywhere" phrases only count in short lines. */
  {"newsletter " LONG30, 0},
  {"The council said the lighthouse would stay lit through the winter.", 0},
};

static void test_promo(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof promo_rows / sizeof promo_rows[0]; r++) {
    const promorow *w = &promo_rows[r];
    size_t n = strlen(w->s), words = 1, i;
    int got;
    for (i = 0; i < n; i++) words += w->s[i] == ' ';
    got = lede_lex_promo_line(w->s, n, words) != 0;
    if (got != w->promo) {
      print_message("row %zu: \"%s\": promo %d, want %d\n", r, w->s, got,
                    w->promo);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

/* The compiled lists are there and hold what their comments promise. */
static void test_lists(void **state) {
  (void)state;
  assert_true(lede_lex_is(lede_lex_links, "Full Bio", 8));
  assert_true(lede_lex_is(lede_lex_outlet_words, "Post", 4));
  assert_true(lede_lex_is(lede_lex_bio_roles, "reporter", 8));
  assert_true(lede_lex_is(lede_lex_credit_words, "Getty Images", 12));
  assert_true(lede_lex_is(lede_lex_datetime, "p.m.", 4));
  assert_true(lede_lex_is(lede_lex_datetime, "Tue", 3));
  assert_false(lede_lex_is(lede_lex_datetime, "Tuesdays", 8));
  assert_false(lede_lex_is(lede_lex_links, "# comment", 9));
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_lookups),
    cmocka_unit_test(test_promo),
    cmocka_unit_test(test_lists),
  };
  return cmocka_run_group_tests_name("lexicon", tests, NULL, NULL);
}
