/*
** quotes.c: fuzzes lede_article_quotes after a parse: quote, verb and cue
** spans inside the source, speakers real entities.
*/
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t n, ne, nb;
  const lede_quote *qs;
  const lede_entity *es;
  lede_article_blocks(a, &nb);
  FUZZ_CHECK(lede_article_quotes(a, &qs, &n) == LEDE_OK);
  FUZZ_CHECK(lede_article_entities(a, 0, &es, &ne) == LEDE_OK);
  size_t np = fuzz_paragraphs(a);
  for (size_t i = 0; i < n; i++) {
    fuzz_span(a, qs[i].span);
    fuzz_span(a, qs[i].verb);
    fuzz_span(a, qs[i].cue);
    fuzz_index(qs[i].block, nb, 0);
    fuzz_index(qs[i].paragraph, np, 0);
    /* Mostly a person, but an organisation since 2411078 ("according
    ** to the World Bank"), though lede.h still says a person. */
    fuzz_index(qs[i].speaker, ne, 1);
    if (qs[i].speaker != LEDE_NONE) fuzz_str(es[qs[i].speaker].name);
  }
  lede_article_free(a);
  return 0;
}
