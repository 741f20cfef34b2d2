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

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_image_without_caption),
  };
  return cmocka_run_group_tests(tests, NULL, NULL);
}
