/*
** test_utf8.c: core/lib/utf8.c. Decoding (an invalid byte is one U+FFFD),
** whitespace as a reader sees it, squeezing and name case, each on rows of
** input and exact expected output.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "lib/utf8.h"

#define REPL "\xEF\xBF\xBD"

typedef struct {
  const char *name;
  const char *input;
  const char *want;
} strrow;

static const strrow squeeze_rows[] = {
  {"empty", "", ""},
  {"spaces only", "  \t\n ", ""},
  {"plain", "a b", "a b"},
  {"ends trimmed, runs collapsed", "  a   b  ", "a b"},
  {"ASCII whitespace", "a\t\n\r\v\f b", "a b"},
  {"CRLF", "line one\r\nline two", "line one line two"},
  {"NBSP", "a\xc2\xa0" "b\xc2\xa0", "a b"},
  {"thin space U+2009", "10\xe2\x80\x89" "000", "10 000"},
  {"narrow NBSP U+202F", "a\xe2\x80\xaf" "b", "a b"},
  {"zero-width space", "a\xe2\x80\x8b" "b", "a b"},
  {"BOM", "\xEF\xBB\xBFTitle", "Title"},
  {"ideographic space", "a\xe3\x80\x80" "b", "a b"},
  {"accents kept", "Ib\xc3\xa1\xc3\xb1" "ez  said", "Ib\xc3\xa1\xc3\xb1" "ez said"},
  {"dashes and quotes kept", "\xe2\x80\x9cYes\xe2\x80\x9d \xe2\x80\x94 no",
   "\xe2\x80\x9cYes\xe2\x80\x9d \xe2\x80\x94 no"},
  {"invalid byte", "a\xff" "b", "a" REPL "b"},
  {"Latin-1", "Caf\xe9", "Caf" REPL},
  {"truncated sequence", "a \xe2\x80", "a " REPL REPL},
  {"overlong slash", "\xc0\xaf", REPL REPL},
  {"invalid between spaces", " \xff ", REPL},
};

static void test_squeeze(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof squeeze_rows / sizeof squeeze_rows[0]; r++) {
    const strrow *w = &squeeze_rows[r];
    lede_arena ar = {NULL};
    size_t outlen = 999;
    char *got = lede_utf8_squeeze(&ar, w->input, strlen(w->input), &outlen);
    assert_non_null(got);
    if (strcmp(got, w->want) != 0 || outlen != strlen(w->want)) {
      print_message("row %zu: %s: \"%s\" (%zu bytes), want \"%s\"\n", r,
                    w->name, got, outlen, w->want);
      fails++;
    }
    assert_non_null(lede_utf8_squeeze(&ar, w->input, strlen(w->input), NULL));
    lede_arena_free(&ar);
  }
  assert_int_equal(fails, 0);
}

static const strrow namecase_rows[] = {
  {"two words", "JANE DOE", "Jane Doe"},
  {"apostrophe and hyphen", "JANE O'NEIL-SMITH", "Jane O'Neil-Smith"},
  {"possessive", "JONES'S", "Jones's"},
  {"possessive after a name part", "O'NEIL'S", "O'Neil's"},
  {"curly apostrophe", "O\xe2\x80\x99" "BRIEN", "O\xe2\x80\x99" "Brien"},
  {"curly possessive", "JONES\xe2\x80\x99S", "Jones\xe2\x80\x99s"},
  {"accented", "LUIS ORTEGA-R\xc3\x8d" "OS", "Luis Ortega-R\xc3\xad" "os"},
  {"accented first letter", "\xc3\x89MILE ZOLA", "\xc3\x89mile Zola"},
  {"circumflex", "IN\xc3\x8aS CARVALHO", "In\xc3\xaas Carvalho"},
  {"umlaut and hyphen", "ANNA-LENA \xc3\x96ZDEMIR", "Anna-Lena \xc3\x96zdemir"},
  {"lower case in", "jane doe", "Jane Doe"},
  {"initials", "J. R. ORTIZ", "J. R. Ortiz"},
  {"D'", "D'ANGELO", "D'Angelo"},
  {"empty", "", ""},
};

static void test_namecase(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof namecase_rows / sizeof namecase_rows[0]; r++) {
    const strrow *w = &namecase_rows[r];
    lede_arena ar = {NULL};
    char *got = lede_utf8_namecase(&ar, w->input, strlen(w->input));
    assert_non_null(got);
    if (strcmp(got, w->want) != 0) {
      print_message("row %zu: %s: \"%s\", want \"%s\"\n", r, w->name, got,
                    w->want);
      fails++;
    }
    lede_arena_free(&ar);
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  int32_t cp;
  int space, upper, lower, alpha, digit;
} classrow;

static const classrow class_rows[] = {
  {' ', 1, 0, 0, 0, 0},
  {'\t', 1, 0, 0, 0, 0},
  {'\n', 1, 0, 0, 0, 0},
  {'\r', 1, 0, 0, 0, 0},
  {0x00A0, 1, 0, 0, 0, 0},   /* NO-BREAK SPACE */
  {0x2009, 1, 0, 0, 0, 0},   /* THIN SPACE */
  {0x202F, 1, 0, 0, 0, 0},   /* NARROW NO-BREAK SPACE */
  {0x200B, 1, 0, 0, 0, 0},   /* ZERO WIDTH SPACE */
  {0xFEFF, 1, 0, 0, 0, 0},   /* BOM */
  {0x3000, 1, 0, 0, 0, 0},   /* IDEOGRAPHIC SPACE */
  {0x2028, 1, 0, 0, 0, 0},   /* LINE SEPARATOR */
  {0x0085, 1, 0, 0, 0, 0},   /* NEXT LINE */
  {'a', 0, 0, 1, 1, 0},
  {'Z', 0, 1, 0, 1, 0},
  {'7', 0, 0, 0, 0, 1},
  {'-', 0, 0, 0, 0, 0},
  {0x00C9, 0, 1, 0, 1, 0},   /* É */
  {0x00ED, 0, 0, 1, 1, 0},   /* í */
  {0x01C5, 0, 1, 0, 1, 0},   /* Dž, title case counts as upper */
  {0x05D0, 0, 0, 0, 1, 0},   /* HEBREW ALEF: a letter, no case */
  {0x0663, 0, 0, 0, 0, 1},   /* ARABIC-INDIC THREE */
  {0x2014, 0, 0, 0, 0, 0},   /* EM DASH */
  {0x00AD, 0, 0, 0, 0, 0},   /* SOFT HYPHEN */
  {0xFFFD, 0, 0, 0, 0, 0},
};

static void test_classes(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof class_rows / sizeof class_rows[0]; r++) {
    const classrow *w = &class_rows[r];
    int got[5];
    got[0] = lede_utf8_isspace(w->cp) != 0;
    got[1] = lede_utf8_isupper(w->cp) != 0;
    got[2] = lede_utf8_islower(w->cp) != 0;
    got[3] = lede_utf8_isalpha(w->cp) != 0;
    got[4] = lede_utf8_isdigit(w->cp) != 0;
    if (got[0] != w->space || got[1] != w->upper || got[2] != w->lower ||
        got[3] != w->alpha || got[4] != w->digit) {
      print_message("row %zu: U+%04X: space/upper/lower/alpha/digit "
                    "%d%d%d%d%d, want %d%d%d%d%d\n", r, (unsigned)w->cp,
                    got[0], got[1], got[2], got[3], got[4], w->space,
                    w->upper, w->lower, w->alpha, w->digit);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  const char *name;
  const char *input;
  size_t invalid;  /* expected lede_utf8_invalid */
  size_t length;   /* expected lede_utf8_length */
} lenrow;

static const lenrow len_rows[] = {
  {"empty", "", 0, 0},
  {"ASCII", "abc", 3, 3},
  {"two-byte", "caf\xc3\xa9", 5, 4},
  {"three-byte", "\xe2\x80\x94", 3, 1},
  {"four-byte", "\xf0\x9f\x98\x80!", 5, 2},
  {"invalid at 2", "ab\xff" "cd", 2, 5},
  {"after a valid multibyte", "\xc3\xa9\xc3", 2, 2},
  {"truncated three-byte", "a\xe2\x80", 1, 3},
  {"lone continuation", "\x80" "a", 0, 2},
  {"overlong", "\xc0\xaf", 0, 2},
  {"surrogate", "\xed\xa0\x80", 0, 3},
  {"above U+10FFFF", "\xf4\x90\x80\x80", 0, 4},
  {"BOM", "\xEF\xBB\xBFx", 4, 2},
};

static void test_invalid_and_length(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof len_rows / sizeof len_rows[0]; r++) {
    const lenrow *w = &len_rows[r];
    size_t n = strlen(w->input);
    size_t inv = lede_utf8_invalid(w->input, n);
    size_t len = lede_utf8_length(w->input, n);
    if (inv != w->invalid || len != w->length) {
      print_message("row %zu: %s: invalid %zu length %zu, want %zu %zu\n", r,
                    w->name, inv, len, w->invalid, w->length);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  const char *input;
  size_t used;   /* bytes lede_utf8_next takes */
  int32_t cp;    /* what it reads */
  int bad;       /* whether it is invalid */
} nextrow;

static const nextrow next_rows[] = {
  {"a", 1, 'a', 0},
  {"\xc3\xa9x", 2, 0xE9, 0},
  {"\xe2\x80\x94", 3, 0x2014, 0},
  {"\xf0\x9f\x98\x80", 4, 0x1F600, 0},
  {"\xff", 1, 0xFFFD, 1},
  {"\xe2\x80", 1, 0xFFFD, 1},
  {"\xc0\xaf", 1, 0xFFFD, 1},
  {"\xEF\xBF\xBD", 3, 0xFFFD, 0},  /* a real U+FFFD is valid */
};

static void test_next_and_encode(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof next_rows / sizeof next_rows[0]; r++) {
    const nextrow *w = &next_rows[r];
    int32_t cp = 0;
    int bad = 0;
    char buf[4];
    size_t used = lede_utf8_next(w->input, strlen(w->input), &cp, &bad);
    if (used != w->used || cp != w->cp || bad != w->bad) {
      print_message("row %zu: next gave %zu bytes U+%04X bad %d, want %zu "
                    "U+%04X %d\n", r, used, (unsigned)cp, bad, w->used,
                    (unsigned)w->cp, w->bad);
      fails++;
    }
    if (!w->bad && (lede_utf8_encode(w->cp, buf) != w->used ||
                    memcmp(buf, w->input, w->used) != 0)) {
      print_message("row %zu: encode U+%04X differs\n", r, (unsigned)w->cp);
      fails++;
    }
  }
  /* bad may be NULL. */
  {
    int32_t cp;
    assert_int_equal(lede_utf8_next("\xff", 1, &cp, NULL), 1);
    assert_int_equal(cp, LEDE_REPLACEMENT);
  }
  assert_int_equal(fails, 0);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_squeeze),
    cmocka_unit_test(test_namecase),
    cmocka_unit_test(test_classes),
    cmocka_unit_test(test_invalid_and_length),
    cmocka_unit_test(test_next_and_encode),
  };
  return cmocka_run_group_tests_name("utf8", tests, NULL, NULL);
}
