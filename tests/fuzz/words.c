/*
** words.c: fuzzes lede_article_words after a parse: spans in order,
** each word's norm and stem readable, its sentence a real one.
*/
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t n, ns;
  const lede_word *ws;
  const lede_sentence *ss;
  FUZZ_CHECK(lede_article_words(a, &ws, &n) == LEDE_OK);
  FUZZ_CHECK(lede_article_sentences(a, &ss, &ns) == LEDE_OK);
  for (size_t i = 0; i < n; i++) {
    fuzz_span(a, ws[i].span);
    FUZZ_CHECK(ws[i].span.len > 0);
    fuzz_str(ws[i].norm);
    fuzz_str(ws[i].stem);
    fuzz_index(ws[i].sentence, ns, 0);
    if (i > 0) FUZZ_CHECK(ws[i].span.off >= ws[i - 1].span.off + ws[i - 1].span.len);
  }
  lede_article_free(a);
  return 0;
}
