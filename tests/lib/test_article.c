/*
** test_article.c: core/lib/article.c and error.c, the public entry points.
** Argument errors, accessors, names of kinds and statuses, and ownership:
** the article keeps its own copy of the input, unless it borrows it.
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

#define ARTICLE \
  "\xEF\xBB\xBFHarbor Town Votes to Keep Its Last Lighthouse Keeper\r\n" \
  "\r\n" \
  "By Hannah Becker\r\n" \
  "\r\n" \
  "Residents of Gull Point voted on Monday night to keep paying the " \
  "keeper.\r\n" \
  "\r\n" \
  "Advertisement\r\n" \
  "\r\n" \
  "The keeper said he was grateful.\r\n"

/* ---- arguments ---- */

typedef struct {
  const char *name;
  const char *text;
  size_t len;
  int out;            /* pass a place for the article */
  lede_status code;   /* expected */
  const char *message;
} argrow;

static const argrow arg_rows[] = {
  {"NULL text with a length", NULL, 5, 1, LEDE_EINVAL, "invalid argument"},
  {"NULL out", "text", 4, 0, LEDE_EINVAL, "invalid argument"},
  {"both NULL", NULL, 0, 0, LEDE_EINVAL, "invalid argument"},
  /* lede.h: "LEDE_EINVAL (text or out is NULL)". */
  {"NULL text, length 0", NULL, 0, 1, LEDE_EINVAL, "invalid argument"},
  {"empty text", "", 0, 1, LEDE_EEMPTY, "empty article"},
};

static void test_arguments(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof arg_rows / sizeof arg_rows[0]; r++) {
    const argrow *w = &arg_rows[r];
    lede_error err;
    lede_article *a = NULL;
    lede_status st;
    memset(&err, 0, sizeof err);
    st = lede_parse(w->text, w->len, NULL, w->out ? &a : NULL, &err);
    if (st != w->code || err.code != w->code || err.offset != 0 ||
        strcmp(err.message, w->message) != 0 || a != NULL) {
      print_message("row %zu: %s: %d \"%s\" at %zu%s; want %d \"%s\" at 0\n",
                    r, w->name, st, err.message, err.offset,
                    a ? " with an article" : "", w->code, w->message);
      fails++;
    }
    lede_article_free(a);
    /* err may be NULL. */
    a = NULL;
    if (lede_parse(w->text, w->len, NULL, w->out ? &a : NULL, NULL) !=
        w->code) {
      print_message("row %zu: %s: differs with a NULL err\n", r, w->name);
      fails++;
    }
    lede_article_free(a);
  }
  assert_int_equal(fails, 0);
}

/* On failure *out is NULL, whatever it held. */
static void test_out_cleared(void **state) {
  lede_article *a = (lede_article *)state;  /* any non-NULL value */
  assert_int_equal(lede_parse("  ", 2, NULL, &a, NULL), LEDE_EEMPTY);
  assert_null(a);
}

static void test_free_null(void **state) {
  (void)state;
  lede_article_free(NULL);
}

/* ---- accessors ---- */

static void test_accessors(void **state) {
  static const char article[] = ARTICLE;
  lede_article *a = NULL;
  lede_error err = {0};
  size_t len = 0, n = 0, off = 99;
  const char *src;
  const lede_block *b;
  const lede_author *au;
  (void)state;
  assert_int_equal(lede_parse(article, strlen(article), NULL, &a, &err),
                   LEDE_OK);
  assert_non_null(a);
  src = lede_article_source(a, &len);
  assert_int_equal(len, strlen(ARTICLE));  /* BOM included */
  assert_memory_equal(src, ARTICLE, len);
  assert_int_equal(src[len], '\0');
  assert_true(src != article);
  assert_ptr_equal(lede_article_source(a, NULL), src);

  b = lede_article_blocks(a, &n);
  assert_int_equal(n, 5);
  assert_int_equal(b[0].kind, LEDE_BLOCK_TITLE);
  assert_string_equal(b[0].text,
                      "Harbor Town Votes to Keep Its Last Lighthouse Keeper");
  assert_int_equal(b[0].text_len, 52);
  assert_int_equal(b[0].span.off, 3);
  assert_int_equal(b[0].span.len, 52);
  assert_int_equal(b[0].line, 1);
  assert_null(b[0].credit);
  assert_int_equal(b[1].kind, LEDE_BLOCK_BYLINE);
  assert_int_equal(b[1].span.off, 59);
  assert_int_equal(b[1].line, 3);
  assert_int_equal(b[2].kind, LEDE_BLOCK_PARAGRAPH);
  assert_int_equal(b[2].line, 5);
  assert_int_equal(b[3].kind, LEDE_BLOCK_BOILERPLATE);
  assert_string_equal(b[3].text, "Advertisement");
  assert_int_equal(b[3].line, 7);
  assert_int_equal(b[4].kind, LEDE_BLOCK_PARAGRAPH);
  assert_string_equal(b[4].text, "The keeper said he was grateful.");
  assert_int_equal(b[4].span.off, strlen(ARTICLE) - 34);
  assert_int_equal(b[4].span.len, 32);
  assert_int_equal(b[4].line, 9);

  assert_ptr_equal(lede_article_first(a, LEDE_BLOCK_TITLE), &b[0]);
  assert_ptr_equal(lede_article_first(a, LEDE_BLOCK_PARAGRAPH), &b[2]);
  assert_null(lede_article_first(a, LEDE_BLOCK_SUBTITLE));
  assert_null(lede_article_first(a, LEDE_BLOCK_IMAGE));
  assert_null(lede_article_first(a, LEDE_BLOCK_BIO));

  au = lede_article_authors(a, &n);
  assert_int_equal(n, 1);
  assert_string_equal(au[0].name, "Hannah Becker");
  assert_null(au[0].bio);
  assert_int_equal(au[0].nlinks, 0);
  assert_non_null(au[0].links);

  assert_null(lede_article_warning(a, &off));
  assert_int_equal(off, 99);  /* untouched without a warning */
  lede_article_free(a);
}

/* ---- borrow ---- */

/* A body the queries have work in: quotes, names, numbers, a wrapped
** paragraph (its clean text is not its bytes, so it is copied). */
#define BORROWED \
  "Harbor Town Votes to Keep Its Last Lighthouse Keeper\n" \
  "\n" \
  "By Hannah Becker\n" \
  "\n" \
  "Residents of Gull Point voted 312 to 40 on Monday to keep the keeper.\n" \
  "\n" \
  "\"We owe him,\" said Mayor Ruth Olsen, who has served since 2016.\n" \
  "\n" \
  "The  keeper,   Tom Reyes, said he was grateful.\n"

/* With opts.borrow the article reads the caller's buffer in place, and a
** paragraph whose clean text is its raw bytes points into it. The buffer
** is exactly the input's size, not NUL-terminated: under ASan a read past
** its end by any pass fails the test. */
static void test_borrow(void **state) {
  lede_options o = {0};
  lede_article *a = NULL;
  const lede_block *b;
  const lede_sentence *ss;
  const lede_word *ws;
  const lede_entity *es;
  const lede_quote *qs;
  const lede_number *ns;
  const lede_keyword *ks;
  size_t len = strlen(BORROWED), n, i, sum[8], nsum = 0;
  char *buf = malloc(len);
  (void)state;
  assert_non_null(buf);
  memcpy(buf, BORROWED, len);
  o.borrow = 1;
  assert_int_equal(lede_parse(buf, len, &o, &a, NULL), LEDE_OK);
  assert_ptr_equal(lede_article_source(a, &n), buf);
  assert_int_equal(n, len);
  b = lede_article_blocks(a, &n);
  assert_int_equal(n, 5);
  assert_int_equal(b[0].kind, LEDE_BLOCK_TITLE);  /* copied: NUL-terminated */
  assert_true(b[0].text < buf || b[0].text >= buf + len);
  assert_string_equal(b[0].text,
                      "Harbor Town Votes to Keep Its Last Lighthouse Keeper");
  assert_int_equal(b[1].kind, LEDE_BLOCK_BYLINE);
  assert_string_equal(b[1].text, "By Hannah Becker");
  for (i = 2; i < 4; i++) {  /* paragraphs as they stand: shared */
    assert_int_equal(b[i].kind, LEDE_BLOCK_PARAGRAPH);
    assert_ptr_equal(b[i].text, buf + b[i].span.off);
    assert_int_equal(b[i].text_len, b[i].span.len);
  }
  assert_int_equal(b[4].kind, LEDE_BLOCK_PARAGRAPH);  /* squeezed: a copy */
  assert_string_equal(b[4].text, "The keeper, Tom Reyes, said he was grateful.");
  assert_int_equal(lede_article_sentences(a, &ss, &n), LEDE_OK);
  assert_int_equal(n, 3);
  assert_int_equal(lede_article_words(a, &ws, &n), LEDE_OK);
  assert_true(n > 30);
  assert_int_equal(lede_article_entities(a, 1, &es, &n), LEDE_OK);
  assert_true(n > 0);
  assert_int_equal(lede_article_quotes(a, &qs, &n), LEDE_OK);
  assert_int_equal(n, 1);
  assert_int_equal(lede_article_numbers(a, &ns, &n), LEDE_OK);
  assert_true(n >= 3);
  assert_int_equal(lede_article_keywords(a, &ks, &n), LEDE_OK);
  assert_int_equal(lede_article_summary(a, NULL, sum, &nsum), LEDE_OK);
  assert_int_equal(nsum, 3);
  lede_article_free(a);
  free(buf);
}

static void test_warning(void **state) {
  static const char text[] = "Caf\xe9 owners protest a rent rise.\n";
  lede_article *a = NULL;
  size_t off = 0;
  (void)state;
  assert_int_equal(lede_parse(text, sizeof text - 1, NULL, &a, NULL),
                   LEDE_OK);
  assert_string_equal(lede_article_warning(a, &off),
                      "invalid UTF-8 at byte 3");
  assert_int_equal(off, 3);
  assert_string_equal(lede_article_warning(a, NULL),
                      "invalid UTF-8 at byte 3");
  lede_article_free(a);
}

/* An input need not end in NUL: len bytes are read, no more. */
static void test_not_terminated(void **state) {
  char buf[64];
  lede_article *a = NULL;
  size_t n, len;
  const lede_block *b;
  (void)state;
  memset(buf, 'x', sizeof buf);
  memcpy(buf, "One short line of body text.", 28);
  assert_int_equal(lede_parse(buf, 28, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(strlen(lede_article_source(a, &len)), 28);
  assert_int_equal(len, 28);
  b = lede_article_blocks(a, &n);
  assert_int_equal(n, 1);
  assert_string_equal(b[0].text, "One short line of body text.");
  lede_article_free(a);
}

/* ---- ownership ---- */

static void test_input_freed(void **state) {
  size_t len = strlen(ARTICLE), n;
  char *copy = malloc(len);
  lede_article *a = NULL;
  const lede_block *b;
  const char *src;
  (void)state;
  assert_non_null(copy);
  memcpy(copy, ARTICLE, len);
  assert_int_equal(lede_parse(copy, len, NULL, &a, NULL), LEDE_OK);
  memset(copy, '#', len);  /* a freed buffer may hold anything */
  free(copy);
  b = lede_article_blocks(a, &n);
  src = lede_article_source(a, NULL);
  assert_int_equal(n, 5);
  assert_string_equal(b[0].text,
                      "Harbor Town Votes to Keep Its Last Lighthouse Keeper");
  assert_memory_equal(src + b[4].span.off, "The keeper said he was grateful.",
                      32);
  assert_string_equal(lede_article_authors(a, &n)[0].name, "Hannah Becker");
  lede_article_free(a);
}

/* Two articles from one buffer are independent. */
static void test_two_articles(void **state) {
  lede_article *a = NULL, *b = NULL;
  size_t n;
  (void)state;
  assert_int_equal(lede_parse(ARTICLE, strlen(ARTICLE), NULL, &a, NULL),
                   LEDE_OK);
  assert_int_equal(lede_parse(ARTICLE, strlen(ARTICLE), NULL, &b, NULL),
                   LEDE_OK);
  assert_true(lede_article_source(a, NULL) != lede_article_source(b, NULL));
  lede_article_free(a);
  assert_string_equal(lede_article_blocks(b, &n)[2].text,
                      "Residents of Gull Point voted on Monday night to keep "
                      "paying the keeper.");
  lede_article_free(b);
}

/* Hostile sizes: 100,000 quoted paragraphs parse, one block each. */
static void test_many_quotes(void **state) {
  static const char line[] = "\"We will not stop,\" she said.\n\n";
  size_t count = 100000, k = sizeof line - 1, i, n;
  char *buf = malloc(count * k);
  lede_article *a = NULL;
  const lede_block *b;
  (void)state;
  assert_non_null(buf);
  for (i = 0; i < count; i++) memcpy(buf + i * k, line, k);
  assert_int_equal(lede_parse(buf, count * k, NULL, &a, NULL), LEDE_OK);
  b = lede_article_blocks(a, &n);
  assert_int_equal(n, count);
  assert_int_equal(b[count - 1].span.off, (count - 1) * k);
  assert_int_equal(b[count - 1].span.len, k - 2);
  assert_int_equal(b[count - 1].line, 2 * count - 1);
  lede_article_free(a);
  free(buf);
}

/* ---- names ---- */

typedef struct {
  int value;
  const char *name;  /* NULL: no name */
} namerow;

static const namerow kind_rows[] = {
  {LEDE_BLOCK_TITLE, "title"},
  {LEDE_BLOCK_SUBTITLE, "subtitle"},
  {LEDE_BLOCK_IMAGE, "image"},
  {LEDE_BLOCK_PARAGRAPH, "paragraph"},
  {LEDE_BLOCK_BYLINE, "byline"},
  {LEDE_BLOCK_BIO, "bio"},
  {LEDE_BLOCK_BOILERPLATE, "boilerplate"},
  {LEDE_BLOCK_HEADING, "heading"},
  {LEDE_BLOCK_LIST_ITEM, "list_item"},
  {LEDE_BLOCK_KIND_COUNT, NULL},
  {-1, NULL},
  {1000, NULL},
};

static const namerow status_rows[] = {
  {LEDE_OK, "ok"},
  {LEDE_ENOMEM, "out of memory"},
  {LEDE_EEMPTY, "empty article"},
  {LEDE_EBINARY, "not text"},
  {LEDE_ETOOBIG, "input too large"},
  {LEDE_EINVAL, "invalid argument"},
  {LEDE_EENCODING, "not UTF-8"},
  {LEDE_EENCODING + 1, "unknown error"},
  {-1, "unknown error"},
};

static int samename(const char *got, const char *want) {
  if (got == NULL || want == NULL) return got == want;
  return strcmp(got, want) == 0;
}

static void test_kind_names(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  assert_int_equal(LEDE_BLOCK_KIND_COUNT, 9);
  for (r = 0; r < sizeof kind_rows / sizeof kind_rows[0]; r++) {
    const char *got = lede_block_kind_name((lede_block_kind)kind_rows[r].value);
    if (!samename(got, kind_rows[r].name)) {
      print_message("row %zu: kind %d: \"%s\", want \"%s\"\n", r,
                    kind_rows[r].value, got ? got : "(null)",
                    kind_rows[r].name ? kind_rows[r].name : "(null)");
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

static void test_status_strings(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof status_rows / sizeof status_rows[0]; r++) {
    const char *got = lede_status_string((lede_status)status_rows[r].value);
    if (!samename(got, status_rows[r].name)) {
      print_message("row %zu: status %d: \"%s\", want \"%s\"\n", r,
                    status_rows[r].value, got ? got : "(null)",
                    status_rows[r].name);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

static void test_version(void **state) {
  (void)state;
  assert_string_equal(LEDE_VERSION, "0.1.0");
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_arguments),
    cmocka_unit_test(test_out_cleared),
    cmocka_unit_test(test_free_null),
    cmocka_unit_test(test_accessors),
    cmocka_unit_test(test_warning),
    cmocka_unit_test(test_borrow),
    cmocka_unit_test(test_not_terminated),
    cmocka_unit_test(test_input_freed),
    cmocka_unit_test(test_two_articles),
    cmocka_unit_test(test_many_quotes),
    cmocka_unit_test(test_kind_names),
    cmocka_unit_test(test_status_strings),
    cmocka_unit_test(test_version),
  };
  return cmocka_run_group_tests_name("article", tests, NULL, NULL);
}
