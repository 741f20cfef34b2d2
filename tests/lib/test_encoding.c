/*
** test_encoding.c: core/lib/encoding.c. Which inputs are taken for UTF-16
** or Windows-1252 (and which stay UTF-8 with a warning), and the exact
** UTF-8 each conversion gives.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "lede.h"

#define S(lit) lit, sizeof lit - 1  /* a literal and its length, NULs kept */
#define REPL "\xEF\xBF\xBD"

typedef struct {
  const char *name;
  const char *input;
  size_t len;
  lede_encoding want;   /* what lede_text_encoding must say */
  const char *utf8;     /* the conversion from `want` */
  size_t utf8_len;
} encrow;

static const encrow rows[] = {
  {"ASCII", S("Plain text.\n"), LEDE_ENCODING_UTF8, S("Plain text.\n")},
  {"valid UTF-8", S("Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d"),
   LEDE_ENCODING_UTF8, S("Caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d")},
  {"UTF-8 with one bad byte stays UTF-8",
   S("Caf\xc3\xa9 and \xe9t\xe9"), LEDE_ENCODING_UTF8,
   S("Caf\xc3\xa9 and \xe9t\xe9")},
  {"FF is damage, not y-diaeresis", S("A caf\xff opened."),
   LEDE_ENCODING_UTF8, S("A caf\xff opened.")},
  {"a sequence cut at the end stays UTF-8", S("It ends \xe2\x80"),
   LEDE_ENCODING_UTF8, S("It ends \xe2\x80")},
  {"a byte undefined in 1252 stays UTF-8", S("caf\xe9 \x81"),
   LEDE_ENCODING_UTF8, S("caf\xe9 \x81")},
  {"a PNG header is binary, not Windows-1252",
   S("\x89PNG\r\n\x1a\n"), LEDE_ENCODING_UTF8, S("\x89PNG\r\n\x1a\n")},
  {"Latin-1", S("Caf\xe9 na\xefve \xa0\xbd"), LEDE_ENCODING_CP1252,
   S("Caf\xc3\xa9 na\xc3\xafve \xc2\xa0\xc2\xbd")},
  {"Windows-1252 quotes, dash, euro",
   S("\x93Hi\x94 \x96 \x80" "5"), LEDE_ENCODING_CP1252,
   S("\xe2\x80\x9cHi\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac" "5")},
  {"UTF-16LE", S("\xFF\xFEH\0\xe9\0\n\0"), LEDE_ENCODING_UTF16LE,
   S("H\xc3\xa9\n")},
  {"UTF-16BE", S("\xFE\xFF\0H\0\xe9\0\n"), LEDE_ENCODING_UTF16BE,
   S("H\xc3\xa9\n")},
  {"UTF-16LE surrogate pair", S("\xFF\xFE=\xD8\x00\xDE"),
   LEDE_ENCODING_UTF16LE, S("\xf0\x9f\x98\x80")},
  {"UTF-16LE lone surrogate and odd byte", S("\xFF\xFE\x00\xD8x\0y"),
   LEDE_ENCODING_UTF16LE, S(REPL "x" REPL)},
  {"BOM only", S("\xFF\xFE"), LEDE_ENCODING_UTF16LE, S("")},
};

static void test_rows(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
    const encrow *w = &rows[r];
    lede_encoding got = lede_text_encoding(w->input, w->len);
    char *out = NULL;
    size_t n = 0;
    if (got != w->want) {
      print_message("row %zu: %s: detected %s, want %s\n", r, w->name,
                    lede_encoding_name(got), lede_encoding_name(w->want));
      fails++;
    }
    if (lede_text_to_utf8(w->input, w->len, w->want, &out, &n, NULL)
        != LEDE_OK || n != w->utf8_len || memcmp(out, w->utf8, n) != 0
        || out[n] != '\0') {
      print_message("row %zu: %s: conversion differs\n", r, w->name);
      fails++;
    }
    free(out);
  }
  assert_int_equal(fails, 0);
}

static void test_names(void **state) {
  (void)state;
  assert_string_equal(lede_encoding_name(LEDE_ENCODING_UTF8), "UTF-8");
  assert_string_equal(lede_encoding_name(LEDE_ENCODING_UTF16LE), "UTF-16LE");
  assert_string_equal(lede_encoding_name(LEDE_ENCODING_UTF16BE), "UTF-16BE");
  assert_string_equal(lede_encoding_name(LEDE_ENCODING_CP1252),
                      "Windows-1252");
  assert_null(lede_encoding_name((lede_encoding)99));
}

static void test_bad_arguments(void **state) {
  char *out = NULL;
  size_t n = 7;
  lede_error err = {LEDE_OK, 0, ""};
  (void)state;
  assert_int_equal(lede_text_to_utf8(NULL, 0, LEDE_ENCODING_UTF8, &out, &n,
                                     &err), LEDE_EINVAL);
  assert_string_equal(err.message, "invalid argument");
  assert_int_equal(lede_text_to_utf8("x", 1, (lede_encoding)99, &out, &n,
                                     NULL), LEDE_EINVAL);
  assert_int_equal(lede_text_encoding(NULL, 5), LEDE_ENCODING_UTF8);
  /* The parse itself refuses UTF-16 rather than read it as binary. */
  assert_int_equal(lede_parse(S("\xFF\xFEH\0i\0"), NULL, &(lede_article *){NULL},
                              &err), LEDE_EENCODING);
  assert_string_equal(err.message, "UTF-16 text (convert it to UTF-8 first)");
  assert_string_equal(lede_status_string(LEDE_EENCODING), "not UTF-8");
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rows),
    cmocka_unit_test(test_names),
    cmocka_unit_test(test_bad_arguments),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
