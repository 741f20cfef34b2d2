/*
** fuzz.h: what the libFuzzer harnesses of tests/fuzz share: the entry
** point's prototype, a parse that gives up quietly on refused input, and
** checks that turn a broken promise of include/lede.h into a crash that
** libFuzzer records. Included by one harness each; everything is static.
*/
#ifndef LEDE_FUZZ_H
#define LEDE_FUZZ_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Largest input the article harnesses parse: real articles are far
** smaller, and bigger inputs only slow each run (make fuzz sets
** -max_len lower still). */
#define FUZZ_MAX_INPUT (1u << 20)

/* Stop with a message naming the broken promise; libFuzzer keeps the
** input as crash-*. */
#define FUZZ_CHECK(cond)                                                    \
  do {                                                                      \
    if (!(cond)) {                                                          \
      fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__, __LINE__,      \
              #cond);                                                       \
      abort();                                                              \
    }                                                                       \
  } while (0)

/* The article for the input, or NULL when lede_parse refuses it (empty,
** binary, too big): a refusal must come with its code and a message. */
static inline lede_article *fuzz_parse(const uint8_t *data, size_t size)
{
  lede_options opts = {.max_input = FUZZ_MAX_INPUT};
  lede_error err = {LEDE_OK, 0, ""};
  lede_article *a = NULL;
  lede_status st = lede_parse((const char *)data, size, &opts, &a, &err);
  if (st == LEDE_OK) {
    FUZZ_CHECK(a != NULL);
    return a;
  }
  FUZZ_CHECK(a == NULL && st != LEDE_ENOMEM);
  FUZZ_CHECK(err.code == st && err.message[0] != '\0');
  FUZZ_CHECK(memchr(err.message, '\0', sizeof err.message) != NULL);
  FUZZ_CHECK(err.offset <= size);
  return NULL;
}

/* A span lies inside the source of `a`. */
static inline void fuzz_span(const lede_article *a, lede_span s)
{
  size_t len;
  lede_article_source(a, &len);
  FUZZ_CHECK(s.off <= len && s.len <= len - s.off);
}

/* An index is below n, or LEDE_NONE when that is allowed. */
static inline void fuzz_index(size_t i, size_t n, int none_ok)
{
  FUZZ_CHECK(i < n || (none_ok && i == LEDE_NONE));
}

/* Read every byte of a NUL-terminated string, so ASan sees a bad one. */
static inline size_t fuzz_str(const char *s)
{
  FUZZ_CHECK(s != NULL);
  return strlen(s);
}

/* The number of paragraph blocks of `a`. */
static inline size_t fuzz_paragraphs(const lede_article *a)
{
  size_t n, np = 0;
  const lede_block *bs = lede_article_blocks(a, &n);
  for (size_t i = 0; i < n; i++) np += bs[i].kind == LEDE_BLOCK_PARAGRAPH;
  return np;
}

#endif
