/*
** markdown.c: fuzzes the Markdown reader: lede_markdown_blocks on the
** bytes, then lede_article_build on the blocks it gives, alone and with
** an author whose name and bio are the first two blocks, then (once: they
** cost as much as a parse) the queries on the built article, whose
** source lede_article_build made, not the input.
*/
#include "fuzz.h"

static void query(lede_article *a)
{
  size_t n, ns;
  const lede_sentence *ss;
  const lede_word *ws;
  const lede_quote *qs;
  const lede_entity *es;
  const lede_number *nbs;
  const lede_keyword *ks;
  FUZZ_CHECK(lede_article_sentences(a, &ss, &ns) == LEDE_OK);
  for (size_t i = 0; i < ns; i++) fuzz_span(a, ss[i].span);
  FUZZ_CHECK(lede_article_words(a, &ws, &n) == LEDE_OK);
  for (size_t i = 0; i < n; i++) fuzz_span(a, ws[i].span);
  FUZZ_CHECK(lede_article_quotes(a, &qs, &n) == LEDE_OK);
  for (size_t i = 0; i < n; i++) fuzz_span(a, qs[i].span);
  FUZZ_CHECK(lede_article_entities(a, 1, &es, &n) == LEDE_OK);
  for (size_t i = 0; i < n; i++)
    for (size_t j = 0; j < es[i].nmentions; j++) fuzz_span(a, es[i].mentions[j].span);
  FUZZ_CHECK(lede_article_numbers(a, &nbs, &n) == LEDE_OK);
  for (size_t i = 0; i < n; i++) fuzz_span(a, nbs[i].span);
  FUZZ_CHECK(lede_article_keywords(a, &ks, &n) == LEDE_OK);
  size_t *out = malloc((ns ? ns : 1) * sizeof *out);
  FUZZ_CHECK(out != NULL);
  FUZZ_CHECK(lede_article_summary(a, NULL, out, &n) == LEDE_OK && n <= ns);
  free(out);
}

/* Build from the blocks; a refusal must be one lede_article_build may
** give for them. */
static void build(const lede_block_input *bs, size_t n, const lede_author *au,
                  size_t nau, int queries)
{
  lede_options opts = {.max_input = FUZZ_MAX_INPUT * 4};
  lede_error err = {LEDE_OK, 0, ""};
  lede_article *a = NULL;
  lede_status st = lede_article_build(bs, n, au, nau, &opts, &a, &err);
  if (st != LEDE_OK) {
    FUZZ_CHECK(a == NULL && st != LEDE_ENOMEM && st != LEDE_EINVAL);
    FUZZ_CHECK(err.code == st && err.message[0] != '\0');
    return;
  }
  size_t nb, len;
  const lede_block *out = lede_article_blocks(a, &nb);
  lede_article_source(a, &len);
  for (size_t i = 0; i < nb; i++) {
    fuzz_span(a, out[i].span);
    FUZZ_CHECK(fuzz_str(out[i].text) == out[i].text_len);
  }
  if (queries) query(a);
  lede_article_free(a);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  lede_block_input *bs;
  size_t n;
  FUZZ_CHECK(lede_markdown_blocks((const char *)data, size, &bs, &n) == LEDE_OK);
  FUZZ_CHECK((bs == NULL) == (n == 0));
  for (size_t i = 0; i < n; i++) {
    FUZZ_CHECK(bs[i].kind < LEDE_BLOCK_KIND_COUNT && bs[i].text != NULL);
    if (bs[i].credit) fuzz_str(bs[i].credit);
  }
  build(bs, n, NULL, 0, n < 2);
  if (n >= 2 && memchr(bs[0].text, '\0', bs[0].text_len) == NULL) {
    /* lede_author takes NUL-terminated strings: the block texts are. */
    const char *links[] = {"Email", bs[1].text};
    lede_author au = {bs[0].text, bs[1].text, links, 2};
    build(bs, n, &au, 1, 1);
  }
  lede_blocks_free(bs, n);
  return 0;
}
