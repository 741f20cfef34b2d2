/*
** numbers.c: fuzzes lede_article_numbers after a parse: spans, kinds,
** units, sentence and paragraph indices.
*/
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t n, ns;
  const lede_number *nbs;
  const lede_sentence *ss;
  FUZZ_CHECK(lede_article_numbers(a, &nbs, &n) == LEDE_OK);
  FUZZ_CHECK(lede_article_sentences(a, &ss, &ns) == LEDE_OK);
  size_t np = fuzz_paragraphs(a);
  for (size_t i = 0; i < n; i++) {
    fuzz_span(a, nbs[i].span);
    FUZZ_CHECK(nbs[i].kind < LEDE_NUMBER_KIND_COUNT);
    FUZZ_CHECK(lede_number_kind_name(nbs[i].kind) != NULL);
    if (nbs[i].unit) fuzz_str(nbs[i].unit);
    fuzz_index(nbs[i].sentence, ns, 0);
    fuzz_index(nbs[i].paragraph, np, 0);
  }
  lede_article_free(a);
  return 0;
}
