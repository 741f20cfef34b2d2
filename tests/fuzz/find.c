/*
** find.c: fuzzes lede_article_find with a fuzzed query and flags. The
** query is a slice of the input itself (so it often hits, and often cuts
** a UTF-8 sequence in two), chosen by the first bytes: offset from bytes
** 0-1, length from byte 2, flags from byte 3. Hits must lie in the source
** and come in order.
*/
#include "fuzz.h"

/* Longest query tried: phrases, not paragraphs. */
#define MAX_QUERY 64

typedef struct {
  const lede_article *a;
  size_t n;        /* hits so far */
  size_t end;      /* end of the previous hit */
} hits;

static int hit(void *ud, lede_span span)
{
  hits *h = ud;
  fuzz_span(h->a, span);
  FUZZ_CHECK(h->n == 0 || span.off >= h->end);
  h->end = span.off + span.len;
  h->n++;
  return h->n >= 1000;  /* stopping early must be safe too */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  if (size < 4) return 0;
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t off = ((size_t)data[0] << 8 | data[1]) % size;
  size_t qlen = data[2] % (MAX_QUERY + 1);
  if (qlen > size - off) qlen = size - off;
  int flags = data[3] & 7;
  hits h = {a, 0, 0};
  FUZZ_CHECK(lede_article_find(a, (const char *)data + off, qlen, flags, hit,
                               &h) == LEDE_OK);
  lede_article_free(a);
  return 0;
}
