/*
** summary.c: fuzzes lede_article_summary after a parse, with the
** defaults and with limits taken from the first bytes: indices must be
** sentences, in article order, within the count asked for.
*/
#include "fuzz.h"

static void check(lede_article *a, const lede_summary_opts *o, size_t ns)
{
  size_t *out = malloc((ns ? ns : 1) * sizeof *out);
  FUZZ_CHECK(out != NULL);
  size_t n = 99;
  FUZZ_CHECK(lede_article_summary(a, o, out, &n) == LEDE_OK);
  FUZZ_CHECK(n <= ns);
  if (o && o->sentences) FUZZ_CHECK(n <= o->sentences);
  for (size_t i = 0; i < n; i++) {
    fuzz_index(out[i], ns, 0);
    if (i > 0) FUZZ_CHECK(out[i] > out[i - 1]);
  }
  free(out);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_article *a = fuzz_parse(data, size);
  if (a == NULL) return 0;
  size_t ns;
  const lede_sentence *ss;
  FUZZ_CHECK(lede_article_sentences(a, &ss, &ns) == LEDE_OK);
  check(a, NULL, ns);
  if (size >= 3) {
    lede_summary_opts o = {data[0] % 8, data[1] % 64, (data[2] % 11) / 10.0};
    check(a, &o, ns);
  }
  lede_summary_opts bad = {0, 0, 1.5};
  size_t n = 99, out[1];
  FUZZ_CHECK(lede_article_summary(a, &bad, out, &n) == LEDE_EINVAL && n == 0);
  lede_article_free(a);
  return 0;
}
