/*
** parse.c: fuzzes lede_parse, the text parser, and the accessors of the
** article it makes: blocks, authors, first block of each kind, warning.
*/
#include "fuzz.h"

static void check_blocks(const lede_article *a)
{
  size_t n;
  const lede_block *bs = lede_article_blocks(a, &n);
  for (size_t i = 0; i < n; i++) {
    FUZZ_CHECK(bs[i].kind < LEDE_BLOCK_KIND_COUNT);
    FUZZ_CHECK(fuzz_str(bs[i].text) == bs[i].text_len);
    if (bs[i].credit) fuzz_str(bs[i].credit);
    fuzz_span(a, bs[i].span);
    FUZZ_CHECK(bs[i].line >= 1);
    if (i > 0) FUZZ_CHECK(bs[i].span.off >= bs[i - 1].span.off);
  }
  for (int k = 0; k < LEDE_BLOCK_KIND_COUNT; k++) {
    const lede_block *b = lede_article_first(a, (lede_block_kind)k);
    FUZZ_CHECK(b == NULL || (b >= bs && b < bs + n && b->kind == (lede_block_kind)k));
  }
}

static void check_authors(const lede_article *a)
{
  size_t n;
  const lede_author *as = lede_article_authors(a, &n);
  for (size_t i = 0; i < n; i++) {
    fuzz_str(as[i].name);
    if (as[i].bio) fuzz_str(as[i].bio);
    for (size_t j = 0; j < as[i].nlinks; j++) fuzz_str(as[i].links[j]);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t len, off = 0;
  const char *src = lede_article_source(a, &len);
  FUZZ_CHECK(len == size && memcmp(src, data, size) == 0 && src[len] == '\0');
  check_blocks(a);
  check_authors(a);
  const char *w = lede_article_warning(a, &off);
  if (w) FUZZ_CHECK(fuzz_str(w) > 0 && off < size);
  lede_article_free(a);
  return 0;
}
