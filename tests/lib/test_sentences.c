/*
** test_sentences.c: core/lib/sentences.c. One row per rule of the splitter
** on invented text, the article pass (block and paragraph indices), the
** seed's paragraphs 2 and 7 and span invariants over ../shared/corpus when
** ../shared is there. Run from the repository root (tests/run.sh does).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "shared.h"

#define MAXS 8  /* expected sentences in one row */

/* A row: input and its sentences' exact bytes in order. Each expected
** sentence is searched for after the one before, so it pins the span. */
typedef struct {
  const char *name;
  const char *input;
  const char *want[MAXS];  /* NULL ends the list */
} row;

static const row rows[] = {
  {"full stops", "The ferry left at noon. It came back late.",
   {"The ferry left at noon.", "It came back late."}},
  {"question and exclamation marks", "Did it rain? Yes! The roads flooded.",
   {"Did it rain?", "Yes!", "The roads flooded."}},
  {"?! together", "You did what?! She nodded.",
   {"You did what?!", "She nodded."}},
  {"ranks before a name", "Maj. Gen. Ada Brook spoke. She left.",
   {"Maj. Gen. Ada Brook spoke.", "She left."}},
  {"Mr. and Dr.", "Mr. Hale met Dr. Ruiz on Tuesday. They talked.",
   {"Mr. Hale met Dr. Ruiz on Tuesday.", "They talked."}},
  {"U.S. before a name", "The U.S. Navy sent a ship. It docked.",
   {"The U.S. Navy sent a ship.", "It docked."}},
  {"U.S. before a title", "She met U.S. Sen. Ida Moss. They spoke.",
   {"She met U.S. Sen. Ida Moss.", "They spoke."}},
  {"U.S. ending a sentence", "The ship sailed to the U.S. The crew cheered.",
   {"The ship sailed to the U.S.", "The crew cheered."}},
  {"No. before a number", "She is the No. 2 official at the port. He is not.",
   {"She is the No. 2 official at the port.", "He is not."}},
  {"no. as a word", "The answer was no. Hale left.",
   {"The answer was no.", "Hale left."}},
  {"Jr. inside", "Carl Benn Jr. said the vote was close.",
   {"Carl Benn Jr. said the vote was close."}},
  {"a.m. and p.m.",
   "The shop opens at 9 a.m. Monday and shuts at 5 p.m. The owner lives "
   "upstairs.",
   {"The shop opens at 9 a.m. Monday and shuts at 5 p.m.",
    "The owner lives upstairs."}},
  {"month abbreviations", "The law took effect Jan. 5 and lapsed Sept. 30. "
   "Few noticed.",
   {"The law took effect Jan. 5 and lapsed Sept. 30.", "Few noticed."}},
  {"Feb. before a capital", "It snowed in Feb. Nobody skated.",
   {"It snowed in Feb. Nobody skated."}},
  {"initials", "J. R. R. Tolkien wrote it. Readers loved it.",
   {"J. R. R. Tolkien wrote it.", "Readers loved it."}},
  {"initial A is not the article", "J. A. Smith ran. He won.",
   {"J. A. Smith ran.", "He won."}},
  {"initial ending a sentence", "They chose Plan B. Then it rained.",
   {"They chose Plan B.", "Then it rained."}},
  {"decimals and versions", "Growth was 3.5 percent in v2.1 of the plan. "
   "Prices rose.",
   {"Growth was 3.5 percent in v2.1 of the plan.", "Prices rose."}},
  {"numbers", "About 2,500.75 tons moved. Prices fell.",
   {"About 2,500.75 tons moved.", "Prices fell."}},
  {"ellipsis before a capital", "The plan was dead \xe2\x80\xa6 Nobody "
   "mourned it.",
   {"The plan was dead \xe2\x80\xa6", "Nobody mourned it."}},
  {"ellipsis before lower case", "The plan was \xe2\x80\xa6 well, dead. "
   "Nobody mourned it.",
   {"The plan was \xe2\x80\xa6 well, dead.", "Nobody mourned it."}},
  {"three dots", "We waited... Then the bus came.",
   {"We waited...", "Then the bus came."}},
  {"spaced dots", "It ended . . . and then it began.",
   {"It ended . . . and then it began."}},
  {"ellipsis before I", "I thought \xe2\x80\xa6 I knew it was over.",
   {"I thought \xe2\x80\xa6 I knew it was over."}},
  {"ellipsis opening a sentence", "\xe2\x80\xa6 And so it ends.",
   {"\xe2\x80\xa6 And so it ends."}},
  {"period inside straight quotes", "\"We are done.\" The mayor left.",
   {"\"We are done.\"", "The mayor left."}},
  {"period inside curly quotes",
   "\xe2\x80\x9cWe are done.\xe2\x80\x9d The mayor left.",
   {"\xe2\x80\x9cWe are done.\xe2\x80\x9d", "The mayor left."}},
  {"question inside quotes, lower case after", "\"Why now?\" he asked. "
   "Nobody knew.",
   {"\"Why now?\" he asked.", "Nobody knew."}},
  {"single quotes", "He said 'enough.' Then he left.",
   {"He said 'enough.'", "Then he left."}},
  {"bracket", "The vote passed (barely.) Critics objected.",
   {"The vote passed (barely.)", "Critics objected."}},
  {"opening quote on the next sentence", "He sat. \"Go,\" she said.",
   {"He sat.", "\"Go,\" she said."}},
  {"URL", "See https://example.org/a.b?c=d. It has more.",
   {"See https://example.org/a.b?c=d.", "It has more."}},
  {"e-mail address", "Write to tips@example.net. We read everything.",
   {"Write to tips@example.net.", "We read everything."}},
  {"no space after the period", "It ended.Then it went on.",
   {"It ended.Then it went on."}},
  {"lower case after a period", "The ratio was 3 vs. 4 in most years.",
   {"The ratio was 3 vs. 4 in most years."}},
  {"St. before a name", "He moved to St. Louis in May.",
   {"He moved to St. Louis in May."}},
  {"Inc. before a starter", "She runs Acme Inc. The firm grew.",
   {"She runs Acme Inc.", "The firm grew."}},
  {"list number", "1. Keep the lights on", {"1. Keep the lights on"}},
  {"hard wrap", "The bridge reopened\non Friday. Traffic\nreturned.",
   {"The bridge reopened\non Friday.", "Traffic\nreturned."}},
  {"blank line", "First line\n\nSecond line", {"First line", "Second line"}},
  {"blank line with CRLF", "First line\r\n\r\nSecond line",
   {"First line", "Second line"}},
  {"trimmed", "  Padded one.   Another.  \n", {"Padded one.", "Another."}},
  {"no-break space", "One.\xc2\xa0Two.", {"One.", "Two."}},
  {"no end punctuation", "Ferry times", {"Ferry times"}},
  {"empty", "", {NULL}},
  {"spaces only", " \t\n ", {NULL}},
};

typedef struct {
  lede_span got[MAXS + 1];
  size_t n;
} spans;

static int collect(void *ud, lede_span span) {
  spans *s = ud;
  if (s->n <= MAXS) s->got[s->n] = span;
  s->n++;
  return 0;
}

static size_t wanted(const row *r) {
  size_t n = 0;
  while (n < MAXS && r->want[n] != NULL) n++;
  return n;
}

/* Whether the sentences of r->input are exactly r->want; prints why not. */
static int checkrow(size_t k, const row *r) {
  spans s = {{{0, 0}}, 0};
  size_t len = strlen(r->input), n = wanted(r), i, from = 0;
  assert_int_equal(lede_text_sentences(r->input, len, collect, &s), LEDE_OK);
  if (s.n != n) {
    print_message("row %zu: %s: %zu sentences, want %zu\n", k, r->name, s.n,
                  n);
    for (i = 0; i < s.n && i <= MAXS; i++)
      print_message("    [%.*s]\n", (int)s.got[i].len,
                    r->input + s.got[i].off);
    return 0;
  }
  for (i = 0; i < n; i++) {
    const char *at = strstr(r->input + from, r->want[i]);
    size_t off = at ? (size_t)(at - r->input) : (size_t)-1;
    if (s.got[i].off != off || s.got[i].len != strlen(r->want[i])) {
      print_message("row %zu: %s: sentence %zu is [%.*s] at %zu, want [%s] "
                    "at %zu\n", k, r->name, i, (int)s.got[i].len,
                    r->input + s.got[i].off, s.got[i].off, r->want[i], off);
      return 0;
    }
    from = off + s.got[i].len;
  }
  return 1;
}

static void test_rules(void **state) {
  size_t k;
  int fails = 0;
  (void)state;
  for (k = 0; k < sizeof rows / sizeof rows[0]; k++)
    fails += !checkrow(k, &rows[k]);
  assert_int_equal(fails, 0);
}

static int stopfirst(void *ud, lede_span span) {
  (void)span;
  (*(int *)ud)++;
  return 1;
}

static void test_walk(void **state) {
  int calls = 0;
  (void)state;
  /* A nonzero return stops the walk. */
  assert_int_equal(lede_text_sentences("One. Two. Three.", 16, stopfirst,
                                       &calls), LEDE_OK);
  assert_int_equal(calls, 1);
  assert_int_equal(lede_text_sentences("One.", 4, NULL, NULL), LEDE_EINVAL);
  assert_int_equal(lede_text_sentences(NULL, 3, stopfirst, &calls),
                   LEDE_EINVAL);
  assert_int_equal(lede_text_sentences(NULL, 0, stopfirst, &calls), LEDE_OK);
  assert_int_equal(calls, 1);
}

/* Hard-wrapped: the sentences keep the line breaks of the source. */
#define FERRY \
  "Ferry Service Returns to Gull Island After Two Dry Summers\n\n" \
  "By Ada Brook\n\n" \
  "The ferry left Port Amsel at noon\non Friday. It came back late in\n" \
  "the evening.\n\n" \
  "Mr. Hale, the No. 2 officer aboard,\ncounted 48 passengers. \"We were " \
  "full,\"\nhe said.\n"

static void test_article(void **state) {
  lede_article *a = NULL;
  const lede_sentence *s;
  const lede_block *b;
  const char *src;
  size_t n, nb, i;
  static const struct {
    size_t block, paragraph;
    const char *text;
  } want[] = {
    {2, 0, "The ferry left Port Amsel at noon\non Friday."},
    {2, 0, "It came back late in\nthe evening."},
    {3, 1, "Mr. Hale, the No. 2 officer aboard,\ncounted 48 passengers."},
    {3, 1, "\"We were full,\"\nhe said."},
  };
  (void)state;
  assert_int_equal(lede_parse(FERRY, strlen(FERRY), NULL, &a, NULL), LEDE_OK);
  b = lede_article_blocks(a, &nb);
  assert_int_equal(nb, 4);
  assert_int_equal(b[0].kind, LEDE_BLOCK_TITLE);
  assert_int_equal(b[1].kind, LEDE_BLOCK_BYLINE);
  assert_int_equal(b[2].kind, LEDE_BLOCK_PARAGRAPH);
  assert_int_equal(b[3].kind, LEDE_BLOCK_PARAGRAPH);
  assert_int_equal(lede_article_sentences(a, &s, &n), LEDE_OK);
  assert_int_equal(n, 4);
  src = lede_article_source(a, NULL);
  for (i = 0; i < n; i++) {
    const char *at = strstr(FERRY, want[i].text);
    assert_non_null(at);
    assert_int_equal(s[i].span.off, (size_t)(at - FERRY));
    assert_int_equal(s[i].span.len, strlen(want[i].text));
    assert_memory_equal(src + s[i].span.off, want[i].text, s[i].span.len);
    assert_int_equal(s[i].block, want[i].block);
    assert_int_equal(s[i].paragraph, want[i].paragraph);
  }
  /* Cached: the same array again. */
  {
    const lede_sentence *again;
    size_t m;
    assert_int_equal(lede_article_sentences(a, &again, &m), LEDE_OK);
    assert_ptr_equal(again, s);
    assert_int_equal(m, n);
  }
  lede_article_free(a);
}

/* ---- ../shared: the seed and the corpus ---- */

/* Sentences of paragraph p (0-based); *first gets the first of them. */
static size_t inparagraph(const lede_sentence *s, size_t n, size_t p,
                          size_t *first) {
  size_t i, count = 0;
  for (i = 0; i < n; i++)
    if (s[i].paragraph == p && count++ == 0) *first = i;
  return count;
}

static void test_seed(void **state) {
  static const char opening[] =
    "British Maj. Gen. Rupert Jones told Pentagon reporters Wednesday";
  lede_article *a = NULL;
  const lede_sentence *s;
  const char *src;
  size_t len, n, first = 0;
  char *text;
  (void)state;
  text = shared_slurp(SHARED_SEED, &len);
  if (text == NULL) {
    shared_missing(SHARED_SEED);
    skip();
  }
  assert_int_equal(lede_parse(text, len, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_sentences(a, &s, &n), LEDE_OK);
  src = lede_article_source(a, NULL);
  /* Body paragraph 2: "Maj." and "Gen." end nothing. */
  assert_int_equal(inparagraph(s, n, 1, &first), 2);
  assert_true(s[first].span.len > sizeof opening - 1);
  assert_memory_equal(src + s[first].span.off, opening, sizeof opening - 1);
  /* Paragraph 7: two quoted sentences, then "discredited … People". */
  assert_int_equal(inparagraph(s, n, 6, &first), 5);
  assert_memory_equal(src + s[first].span.off, "\"They are losing on all "
                      "fronts,\" he said.", 41);
  assert_int_equal(s[first].span.len, 41);
  lede_article_free(a);
  free(text);
}

/* Every sentence inside its paragraph block, in order, non-empty, with no
** whitespace at either end; every paragraph has one. */
static int sentencesok(lede_article *a, const char *path) {
  const lede_sentence *s;
  const lede_block *b;
  const char *src;
  size_t n, nb, i, end = 0, paras = 0, prev = 0;
  if (lede_article_sentences(a, &s, &n) != LEDE_OK) return 0;
  b = lede_article_blocks(a, &nb);
  src = lede_article_source(a, NULL);
  for (i = 0; i < nb; i++) paras += b[i].kind == LEDE_BLOCK_PARAGRAPH;
  for (i = 0; i < n; i++) {
    const lede_block *k = s[i].block < nb ? &b[s[i].block] : NULL;
    const char *why = NULL;
    if (k == NULL || k->kind != LEDE_BLOCK_PARAGRAPH) why = "not a paragraph";
    else if (s[i].span.len == 0) why = "empty";
    else if (s[i].span.off < k->span.off ||
             s[i].span.off + s[i].span.len > k->span.off + k->span.len)
      why = "outside its paragraph";
    else if (s[i].span.off < end) why = "out of order";
    else if (s[i].paragraph != prev && s[i].paragraph != prev + 1)
      why = "paragraph index skips";
    else if (strchr(" \t\r\n", src[s[i].span.off]) != NULL ||
             strchr(" \t\r\n", src[s[i].span.off + s[i].span.len - 1]))
      why = "untrimmed";
    if (why != NULL) {
      print_message("%s: sentence %zu [%zu, +%zu): %s\n", path, i,
                    s[i].span.off, s[i].span.len, why);
      return 0;
    }
    end = s[i].span.off + s[i].span.len;
    prev = s[i].paragraph;
  }
  if (paras > 0 && (n == 0 || s[n - 1].paragraph != paras - 1)) {
    print_message("%s: %zu paragraphs but sentences reach %zu\n", path, paras,
                  n ? s[n - 1].paragraph + 1 : 0);
    return 0;
  }
  return 1;
}

static void test_corpus(void **state) {
  char **paths;
  size_t n, i, failed = 0, total = 0;
  (void)state;
  n = shared_corpus(&paths);
  for (i = 0; i < n; i++) {
    size_t len, m;
    char *text = shared_slurp(paths[i], &len);
    lede_article *a = NULL;
    const lede_sentence *s;
    if (text == NULL || lede_parse(text, len, NULL, &a, NULL) != LEDE_OK) {
      print_message("%s: cannot read or parse\n", paths[i]);
      failed++;
    } else {
      failed += !sentencesok(a, paths[i]);
      lede_article_sentences(a, &s, &m);
      total += m;
    }
    lede_article_free(a);
    free(text);
  }
  shared_free(paths, n);
  print_message("corpus: %zu files, %zu sentences, %zu with problems\n", n,
                total, failed);
  assert_true(n > 0);
  assert_int_equal(failed, 0);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rules),
    cmocka_unit_test(test_walk),
    cmocka_unit_test(test_article),
    cmocka_unit_test(test_seed),
    cmocka_unit_test(test_corpus),
  };
  return cmocka_run_group_tests_name("sentences", tests, NULL, NULL);
}
