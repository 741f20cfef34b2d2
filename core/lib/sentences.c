/*
** sentences.c: sentence boundaries over the body and over any text.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_sentences(lede_article *a, const lede_sentence **out,
                                   size_t *n) {
  a->have_sentences = 1;
  *out = a->sentences;
  *n = a->nsentences;
  return LEDE_OK;
}

lede_status lede_text_sentences(const char *s, size_t len, lede_span_fn fn,
                                void *ud) {
  (void)s; (void)len; (void)fn; (void)ud;
  return LEDE_OK;
}
