/*
** text.c: fuzzes the splitters and cleaners that take any bytes, not an
** article: lede_text_sentences, lede_text_words (NUL and control bytes
** included, walked whole and stopped early), lede_text_clean and
** lede_text_width.
*/
#include "fuzz.h"

typedef struct {
  size_t len;      /* bytes of the text */
  size_t n;        /* items so far */
  size_t stop;     /* stop after this many; 0 never */
  size_t end;      /* end of the previous item */
} walk;

static void item(walk *w, lede_span span)
{
  FUZZ_CHECK(span.off <= w->len && span.len <= w->len - span.off);
  FUZZ_CHECK(w->n == 0 || span.off >= w->end);
  w->end = span.off + span.len;
  w->n++;
}

static int sentence(void *ud, lede_span span)
{
  walk *w = ud;
  item(w, span);
  return w->stop && w->n >= w->stop;
}

static int word(void *ud, const lede_word *wd)
{
  walk *w = ud;
  item(w, wd->span);
  FUZZ_CHECK(wd->span.len > 0);
  fuzz_str(wd->norm);
  fuzz_str(wd->stem);
  return w->stop && w->n >= w->stop;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  const char *s = (const char *)data;
  size_t stop = size > 0 ? data[0] % 4 : 0;
  walk w1 = {size, 0, 0, 0}, w2 = {size, 0, stop, 0};
  walk w3 = {size, 0, 0, 0}, w4 = {size, 0, stop, 0};
  FUZZ_CHECK(lede_text_sentences(s, size, sentence, &w1) == LEDE_OK);
  FUZZ_CHECK(lede_text_sentences(s, size, sentence, &w2) == LEDE_OK);
  FUZZ_CHECK(lede_text_words(s, size, word, &w3) == LEDE_OK);
  FUZZ_CHECK(lede_text_words(s, size, word, &w4) == LEDE_OK);
  FUZZ_CHECK(w2.n <= w1.n && w4.n <= w3.n);
  /* Clean text is clean: a second pass changes nothing. */
  char *out = malloc(3 * size + 1), *again = malloc(3 * size + 1);
  FUZZ_CHECK(out != NULL && again != NULL);
  size_t n = lede_text_clean(s, size, out);
  FUZZ_CHECK(n <= 3 * size);
  FUZZ_CHECK(lede_text_clean(out, n, again) == n && memcmp(out, again, n) == 0);
  free(out);
  free(again);
  (void)lede_text_width(s, size);
  return 0;
}
