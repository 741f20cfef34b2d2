/*
** words.c: word tokens with folded and stemmed forms.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_words(lede_article *a, const lede_word **out,
                               size_t *n) {
  a->have_words = 1;
  *out = a->words;
  *n = a->nwords;
  return LEDE_OK;
}

lede_status lede_text_words(const char *s, size_t len, lede_word_fn fn,
                            void *ud) {
  (void)s; (void)len; (void)fn; (void)ud;
  return LEDE_OK;
}
