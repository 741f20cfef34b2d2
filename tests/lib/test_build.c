/*
** test_build.c: lede_article_build (core/lib/build.c), an article from
** classified blocks. Rows found by the fuzz harnesses (tests/fuzz) name
** their file in tests/fuzz-regress.
*/
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <string.h>

#include <cmocka.h>

#include "lede.h"

/* json-image-without-caption.json: an image with a credit and no caption
** has a NULL text, which went to memcpy (undefined even for 0 bytes). */
static void test_image_without_caption(void **state) {
  lede_block_input in[] = {
    {LEDE_BLOCK_IMAGE, NULL, 0, "Getty Images"},
    {LEDE_BLOCK_PARAGRAPH, "Body.", 5, NULL},
  };
  lede_article *a = NULL;
  size_t n, len;
  (void)state;
  assert_int_equal(lede_article_build(in, 2, NULL, 0, NULL, &a, NULL), LEDE_OK);
  const lede_block *bs = lede_article_blocks(a, &n);
  assert_int_equal(n, 2);
  assert_string_equal(lede_article_source(a, &len), " / Getty Images\n\nBody.");
  assert_int_equal(bs[0].kind, LEDE_BLOCK_IMAGE);
  assert_string_equal(bs[0].text, "");
  assert_string_equal(bs[0].credit, "Getty Images");
  assert_int_equal(bs[0].span.off, 0);
  assert_int_equal(bs[0].span.len, 15);
  lede_article_free(a);
}

/* json-author-bad-utf8.json: authors' strings were copied as they came,
** so invalid UTF-8 from JSON reached the YAML writer, which refused the
** article. They are read as block texts are now: U+FFFD for a bad byte,
** whitespace runs as one space. */
static void test_author_strings_cleaned(void **state) {
  static const struct {
    const char *in, *want;
  } rows[] = {
    {"Ann \x8f Lee", "Ann \xef\xbf\xbd Lee"},
    {"  Ann\t\nLee ", "Ann Lee"},
    {"\xc3", "\xef\xbf\xbd"},
  };
  lede_block_input in[] = {{LEDE_BLOCK_PARAGRAPH, "Body.", 5, NULL}};
  (void)state;
  for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
    const char *links[] = {rows[i].in};
    lede_author au = {rows[i].in, rows[i].in, links, 1};
    lede_article *a = NULL;
    size_t n;
    assert_int_equal(lede_article_build(in, 1, &au, 1, NULL, &a, NULL), LEDE_OK);
    const lede_author *out = lede_article_authors(a, &n);
    assert_int_equal(n, 1);
    assert_string_equal(out[0].name, rows[i].want);
    assert_string_equal(out[0].bio, rows[i].want);
    assert_int_equal(out[0].nlinks, 1);
    assert_string_equal(out[0].links[0], rows[i].want);
    lede_article_free(a);
  }
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_image_without_caption),
    cmocka_unit_test(test_author_strings_cleaned),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
