/*
** sentences.c: fuzzes lede_article_sentences after a parse: every
** sentence inside the source, in order, in a paragraph block.
*/
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t n, nb;
  const lede_sentence *ss;
  const lede_block *bs = lede_article_blocks(a, &nb);
  FUZZ_CHECK(lede_article_sentences(a, &ss, &n) == LEDE_OK);
  size_t np = fuzz_paragraphs(a);
  for (size_t i = 0; i < n; i++) {
    fuzz_span(a, ss[i].span);
    fuzz_index(ss[i].block, nb, 0);
    fuzz_index(ss[i].paragraph, np, 0);
    FUZZ_CHECK(bs[ss[i].block].kind == LEDE_BLOCK_PARAGRAPH);
    if (i > 0) FUZZ_CHECK(ss[i].span.off >= ss[i - 1].span.off + ss[i - 1].span.len);
  }
  lede_article_free(a);
  return 0;
}
