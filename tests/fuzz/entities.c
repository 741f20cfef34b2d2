/*
** entities.c: fuzzes lede_article_entities after a parse, body only
** (all=0) and with the furniture (all=1), both cached on one article.
*/
#include "fuzz.h"

static void check(lede_article *a, int all)
{
  size_t n, nb;
  const lede_entity *es;
  lede_article_blocks(a, &nb);
  FUZZ_CHECK(lede_article_entities(a, all, &es, &n) == LEDE_OK);
  size_t np = fuzz_paragraphs(a);
  for (size_t i = 0; i < n; i++) {
    FUZZ_CHECK(es[i].kind < LEDE_ENTITY_KIND_COUNT);
    FUZZ_CHECK(lede_entity_kind_name(es[i].kind) != NULL);
    FUZZ_CHECK(fuzz_str(es[i].name) > 0);
    for (size_t j = 0; j < es[i].naliases; j++) fuzz_str(es[i].aliases[j]);
    for (size_t j = 0; j < es[i].nroles; j++) fuzz_str(es[i].roles[j]);
    for (size_t j = 0; j < es[i].nmentions; j++) {
      fuzz_span(a, es[i].mentions[j].span);
      fuzz_index(es[i].mentions[j].block, nb, 0);
      fuzz_index(es[i].mentions[j].paragraph, np, 1);
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  int first = size > 0 && (data[0] & 1);  /* which answer is made first */
  check(a, first);
  check(a, !first);
  lede_article_free(a);
  return 0;
}
