/*
** keywords.c: fuzzes lede_article_keywords after a parse: terms readable,
** sorted by score, highest first.
*/
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t n;
  const lede_keyword *ks;
  FUZZ_CHECK(lede_article_keywords(a, &ks, &n) == LEDE_OK);
  for (size_t i = 0; i < n; i++) {
    FUZZ_CHECK(fuzz_str(ks[i].term) > 0);
    if (i > 0) FUZZ_CHECK(!(ks[i].score > ks[i - 1].score));
  }
  lede_article_free(a);
  return 0;
}
