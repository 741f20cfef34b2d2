/*
** test_source.c: core/lib/source.c. What is refused as an article (empty,
** binary, too big) with exact codes, offsets and messages; what is read
** with a warning (invalid UTF-8); how lines are split and trimmed.
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
#include "lib/source.h"

#define S(lit) lit, sizeof lit - 1  /* a literal and its length, NULs kept */

typedef struct {
  const char *name;
  const char *input;
  size_t len;
  size_t max_input;     /* 0: no limit */
  lede_status code;     /* expected status */
  size_t offset;        /* expected err.offset */
  const char *message;  /* expected err.message; NULL when code is LEDE_OK */
  size_t bom;           /* expected BOM length */
} checkrow;

static const checkrow check_rows[] = {
  {"empty", S(""), 0, LEDE_EEMPTY, 0, "empty article", 0},
  {"spaces", S("    "), 0, LEDE_EEMPTY, 0, "empty article", 0},
  {"tabs and newlines", S("\t\n\r\n \t\f\v"), 0, LEDE_EEMPTY, 0,
   "empty article", 0},
  {"NBSP only", S("\xc2\xa0\xc2\xa0"), 0, LEDE_EEMPTY, 0, "empty article", 0},
  {"BOM only", S("\xEF\xBB\xBF"), 0, LEDE_EEMPTY, 0, "empty article", 3},
  {"BOM and blank lines", S("\xEF\xBB\xBF\r\n\r\n  \n"), 0, LEDE_EEMPTY, 0,
   "empty article", 3},
  {"thin and zero-width spaces", S("\xe2\x80\x89\xe2\x80\x8b\xe3\x80\x80"), 0,
   LEDE_EEMPTY, 0, "empty article", 0},
  {"NUL at 0", S("\0abc"), 0, LEDE_EBINARY, 0,
   "not text (binary data at byte 0)", 0},
  {"NUL at 5", S("Hello\0world"), 0, LEDE_EBINARY, 5,
   "not text (binary data at byte 5)", 0},
  {"NUL after a BOM", S("\xEF\xBB\xBFTitle\n\0"), 0, LEDE_EBINARY, 9,
   "not text (binary data at byte 9)", 3},
  {"NUL at the end", S("Some text\n\0"), 0, LEDE_EBINARY, 10,
   "not text (binary data at byte 10)", 0},
  /* \x89 P N G \r \n then \x1a, the first control byte. */
  {"PNG header", S("\x89PNG\r\n\x1a\n\0\0\0\rIHDR"), 0, LEDE_EBINARY, 6,
   "not text (binary data at byte 6)", 0},
  {"ESC", S("Title\x1b[1m"), 0, LEDE_EBINARY, 5,
   "not text (binary data at byte 5)", 0},
  {"DEL-free text with tabs is text", S("a\tb\fc\vd"), 0, LEDE_OK, 0, NULL,
   0},
  {"over the limit", S("0123456789A"), 10, LEDE_ETOOBIG, 10,
   "larger than the input limit (10 bytes)", 0},
  {"at the limit", S("0123456789"), 10, LEDE_OK, 0, NULL, 0},
  {"limit checked before content", S("\0\0\0\0"), 2, LEDE_ETOOBIG, 2,
   "larger than the input limit (2 bytes)", 0},
  {"invalid UTF-8 is text", S("Caf\xe9 \xff"), 0, LEDE_OK, 0, NULL, 0},
  {"lone invalid byte is not empty", S("  \xff  "), 0, LEDE_OK, 0, NULL, 0},
  {"BOM then text", S("\xEF\xBB\xBFx"), 0, LEDE_OK, 0, NULL, 3},
  {"half a BOM", S("\xEF\xBBx"), 0, LEDE_OK, 0, NULL, 0},
  /* UTF-16 would otherwise read as binary (its NULs): say what it is. */
  {"UTF-16LE BOM", S("\xFF\xFET\0i\0"), 0, LEDE_EENCODING, 0,
   "UTF-16 text (convert it to UTF-8 first)", 0},
  {"UTF-16BE BOM", S("\xFE\xFF\0T\0i"), 0, LEDE_EENCODING, 0,
   "UTF-16 text (convert it to UTF-8 first)", 0},
  {"FF FE without NULs is still UTF-16", S("\xFF\xFE"), 0, LEDE_EENCODING,
   0, "UTF-16 text (convert it to UTF-8 first)", 0},
};

/* lede_source_check, then lede_parse, on every row. */
static void test_check(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof check_rows / sizeof check_rows[0]; r++) {
    const checkrow *w = &check_rows[r];
    lede_options opts = {.max_input = w->max_input};
    lede_error err;
    lede_article *a = (lede_article *)&err;  /* must come back NULL */
    size_t bom = 99;
    lede_status st;
    memset(&err, 0, sizeof err);
    st = lede_source_check(w->input, w->len, &opts, &bom, &err);
    if (st != w->code || (w->message != NULL &&
                          (err.code != w->code || err.offset != w->offset ||
                           strcmp(err.message, w->message) != 0)) ||
        bom != w->bom) {
      print_message("row %zu: %s: check gave %d at %zu \"%s\" bom %zu; want "
                    "%d at %zu \"%s\" bom %zu\n", r, w->name, st, err.offset,
                    err.message, bom, w->code, w->offset,
                    w->message ? w->message : "", w->bom);
      fails++;
    }
    memset(&err, 0, sizeof err);
    st = lede_parse(w->input, w->len, &opts, &a, &err);
    if (st != w->code) {
      print_message("row %zu: %s: parse gave %d, want %d\n", r, w->name, st,
                    w->code);
      fails++;
    } else if (st != LEDE_OK) {
      if (a != NULL || err.code != w->code || err.offset != w->offset ||
          strcmp(err.message, w->message) != 0) {
        print_message("row %zu: %s: parse gave %s at %zu \"%s\"; want %zu "
                      "\"%s\" and no article\n", r, w->name,
                      a ? "an article" : "none", err.offset, err.message,
                      w->offset, w->message);
        fails++;
      }
      /* A NULL lede_error is allowed and changes nothing. */
      if (lede_parse(w->input, w->len, &opts, &a, NULL) != w->code) {
        print_message("row %zu: %s: parse with NULL err differs\n", r,
                      w->name);
        fails++;
      }
    }
    lede_article_free(a);
  }
  assert_int_equal(fails, 0);
}

/* allow_empty turns "empty article" into an article with no blocks;
** binary data is still refused. */
static void test_allow_empty(void **state) {
  static const struct { const char *input; size_t len; } rows[] = {
    {S("")}, {S(" \n\t\n\n   \n")}, {S("\xEF\xBB\xBF\r\n")},
  };
  lede_options opts = {.allow_empty = 1};
  size_t r, n = 99;
  (void)state;
  for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
    lede_article *a = NULL;
    assert_int_equal(lede_parse(rows[r].input, rows[r].len, &opts, &a, NULL),
                     LEDE_OK);
    lede_article_blocks(a, &n);
    assert_int_equal(n, 0);
    assert_null(lede_article_warning(a, NULL));
    lede_article_free(a);
  }
  assert_int_equal(lede_parse(S("\0"), &opts, &(lede_article *){NULL}, NULL),
                   LEDE_EBINARY);
}

/* Refusing a large binary file is quick and says where. */
static void test_big_binary(void **state) {
  size_t len = 8u << 20;
  char *buf = malloc(len);
  lede_article *a = NULL;
  lede_error err = {0};
  (void)state;
  assert_non_null(buf);
  memset(buf, 'a', len);
  buf[len - 1] = '\0';
  assert_int_equal(lede_parse(buf, len, NULL, &a, &err), LEDE_EBINARY);
  assert_null(a);
  assert_int_equal(err.offset, len - 1);
  assert_string_equal(err.message, "not text (binary data at byte 8388607)");
  free(buf);
}

/* ---- invalid UTF-8: read, warned about, spans on the original bytes ---- */

typedef struct {
  const char *name;
  const char *input;
  const char *warning;  /* expected warning, NULL for none */
  size_t offset;        /* the byte it names */
  const char *text;     /* expected text of the first block */
  size_t off, len;      /* expected span of the first block */
} utf8row;

#define REPL "\xEF\xBF\xBD"

static const utf8row utf8_rows[] = {
  {"valid", "Caf\xc3\xa9 owners protest a rent rise.\n", NULL, 0,
   "Caf\xc3\xa9 owners protest a rent rise.", 0, 33},
  {"Latin-1 byte", "Caf\xe9 owners protest a rent rise.\n",
   "invalid UTF-8 at byte 3", 3, "Caf" REPL " owners protest a rent rise.", 0,
   32},
  {"invalid byte after a BOM", "\xEF\xBB\xBFSo \xff it goes on.\n",
   "invalid UTF-8 at byte 6", 6, "So " REPL " it goes on.", 3, 16},
  {"first of two", "ok\n\nbad \xc0\xaf here and \xff there.\n",
   "invalid UTF-8 at byte 8", 8, "ok", 0, 2},
  /* Each byte of a broken sequence reads as one U+FFFD (utf8.h). */
  {"truncated at the end", "It ends mid-character \xe2\x80",
   "invalid UTF-8 at byte 22", 22, "It ends mid-character " REPL REPL, 0, 24},
  {"truncated before a newline", "It ends mid-character \xe2\x80\n",
   "invalid UTF-8 at byte 22", 22, "It ends mid-character " REPL REPL, 0, 24},
  {"surrogate", "A \xed\xa0\x80 surrogate.\n", "invalid UTF-8 at byte 2", 2,
   "A " REPL REPL REPL " surrogate.", 0, 16},
};

static void test_invalid_utf8(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof utf8_rows / sizeof utf8_rows[0]; r++) {
    const utf8row *w = &utf8_rows[r];
    lede_article *a = NULL;
    size_t n, off = 12345;
    const lede_block *b;
    const char *warn;
    if (lede_parse(w->input, strlen(w->input), NULL, &a, NULL) != LEDE_OK) {
      print_message("row %zu: %s: parse failed\n", r, w->name);
      fails++;
      continue;
    }
    warn = lede_article_warning(a, &off);
    if ((warn == NULL) != (w->warning == NULL) ||
        (warn != NULL && (strcmp(warn, w->warning) != 0 || off != w->offset)))
    {
      print_message("row %zu: %s: warning \"%s\" at %zu, want \"%s\" at %zu\n",
                    r, w->name, warn ? warn : "(none)", off,
                    w->warning ? w->warning : "(none)", w->offset);
      fails++;
    }
    b = lede_article_blocks(a, &n);
    if (n == 0 || strcmp(b[0].text, w->text) != 0 || b[0].span.off != w->off ||
        b[0].span.len != w->len) {
      print_message("row %zu: %s: first block \"%s\" [%zu, +%zu), want \"%s\" "
                    "[%zu, +%zu)\n", r, w->name, n ? b[0].text : "(none)",
                    n ? b[0].span.off : 0, n ? b[0].span.len : 0, w->text,
                    w->off, w->len);
      fails++;
    } else if (memcmp(lede_article_source(a, NULL) + w->off,
                      w->input + w->off, w->len) != 0) {
      print_message("row %zu: %s: source differs from the input\n", r,
                    w->name);
      fails++;
    }
    lede_article_free(a);
  }
  assert_int_equal(fails, 0);
}

/* ---- lines ---- */

#define MAXLINES 8

typedef struct {
  const char *name;
  const char *input;
  size_t start;                  /* first byte (past a BOM) */
  size_t n;                      /* expected number of lines */
  size_t want[MAXLINES][3];      /* off, len, lineno of each */
} linerow;

static const linerow line_rows[] = {
  {"empty", "", 0, 1, {{0, 0, 1}}},
  {"one line, no newline", "abc", 0, 1, {{0, 3, 1}}},
  {"LF", "a\nbc\n", 0, 3, {{0, 1, 1}, {2, 2, 2}, {5, 0, 3}}},
  {"CRLF", "a\r\nbc\r\n", 0, 3, {{0, 1, 1}, {3, 2, 2}, {7, 0, 3}}},
  {"CR", "a\rbc\r", 0, 3, {{0, 1, 1}, {2, 2, 2}, {5, 0, 3}}},
  {"CRLF no final newline", "a\r\nb", 0, 2, {{0, 1, 1}, {3, 1, 2}}},
  {"mixed", "a\n\r\nb\r\rc", 0, 5,
   {{0, 1, 1}, {2, 0, 2}, {4, 1, 3}, {6, 0, 4}, {7, 1, 5}}},
  {"trimmed", "  a \t\n\xc2\xa0" "b\xc2\xa0\n", 0, 3,
   {{2, 1, 1}, {8, 1, 2}, {12, 0, 3}}},
  {"whitespace-only line", "a\n \t\xc2\xa0\nb", 0, 3,
   {{0, 1, 1}, {6, 0, 2}, {7, 1, 3}}},
  {"inner spaces kept", " a  b \n", 0, 2, {{1, 4, 1}, {7, 0, 2}}},
  {"after a BOM", "\xEF\xBB\xBF" "ab\r\ncd", 3, 2, {{3, 2, 1}, {7, 2, 2}}},
  {"invalid byte at a line end", "ab\xff\n\xe2\x80 \n", 0, 3,
   {{0, 3, 1}, {4, 2, 2}, {8, 0, 3}}},
};

static void test_lines(void **state) {
  size_t r, i;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof line_rows / sizeof line_rows[0]; r++) {
    const linerow *w = &line_rows[r];
    lede_arena ar = {NULL};
    size_t n = 0;
    lede_line *l = lede_source_lines(&ar, w->input, strlen(w->input), w->start,
                                     &n);
    assert_non_null(l);
    if (n != w->n) {
      print_message("row %zu: %s: %zu lines, want %zu\n", r, w->name, n, w->n);
      fails++;
    }
    for (i = 0; i < n && i < w->n; i++) {
      if (l[i].off != w->want[i][0] || l[i].len != w->want[i][1] ||
          l[i].lineno != w->want[i][2]) {
        print_message("row %zu: %s: line %zu is [%zu, +%zu) #%zu, want "
                      "[%zu, +%zu) #%zu\n", r, w->name, i, l[i].off, l[i].len,
                      l[i].lineno, w->want[i][0], w->want[i][1],
                      w->want[i][2]);
        fails++;
      }
    }
    lede_arena_free(&ar);
  }
  assert_int_equal(fails, 0);
}

/* Block lines count LF, CRLF and CR alike. */
static void test_block_lines(void **state) {
  static const char *const inputs[] = {
    "Ferry Crews Strike Over Pay\n\nFirst paragraph.\nSecond paragraph.\n",
    "Ferry Crews Strike Over Pay\r\n\r\nFirst paragraph.\r\nSecond "
    "paragraph.\r\n",
    "Ferry Crews Strike Over Pay\r\rFirst paragraph.\rSecond paragraph.\r",
  };
  size_t r;
  (void)state;
  for (r = 0; r < 3; r++) {
    lede_article *a = NULL;
    size_t n;
    const lede_block *b;
    assert_int_equal(lede_parse(inputs[r], strlen(inputs[r]), NULL, &a, NULL),
                     LEDE_OK);
    b = lede_article_blocks(a, &n);
    assert_int_equal(n, 3);
    assert_int_equal(b[0].line, 1);
    assert_int_equal(b[1].line, 3);
    assert_int_equal(b[2].line, 4);
    assert_string_equal(b[2].text, "Second paragraph.");
    assert_memory_equal(inputs[r] + b[2].span.off, "Second paragraph.", 17);
    assert_int_equal(b[2].span.len, 17);
    lede_article_free(a);
  }
}

static void test_error_set(void **state) {
  lede_error err;
  char longname[400];
  (void)state;
  lede_error_set(NULL, LEDE_EBINARY, 3, "ignored %d", 1);  /* no crash */
  lede_error_set(&err, LEDE_EBINARY, 42, "at byte %zu", (size_t)42);
  assert_int_equal(err.code, LEDE_EBINARY);
  assert_int_equal(err.offset, 42);
  assert_string_equal(err.message, "at byte 42");
  /* A long message is cut to fit, never overflows. */
  memset(longname, 'x', sizeof longname - 1);
  longname[sizeof longname - 1] = '\0';
  lede_error_set(&err, LEDE_EINVAL, 0, "%s", longname);
  assert_int_equal(strlen(err.message), LEDE_ERROR_MAX - 1);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_check),
    cmocka_unit_test(test_big_binary),
    cmocka_unit_test(test_allow_empty),
    cmocka_unit_test(test_invalid_utf8),
    cmocka_unit_test(test_lines),
    cmocka_unit_test(test_block_lines),
    cmocka_unit_test(test_error_set),
  };
  return cmocka_run_group_tests_name("source", tests, NULL, NULL);
}
