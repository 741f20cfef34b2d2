/*
** article.c: lede_parse runs the passes over a copy of the input (or the
** caller's buffer, borrowed);
** the accessors hand out borrowed pointers into the article's arena.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "utf8.h"

static lede_status fail(lede_article *a, lede_status st, lede_error *err) {
  if (st == LEDE_ENOMEM) lede_error_set(err, st, 0, "out of memory");
  lede_article_free(a);
  return st;
}

/* Invalid UTF-8 is read, not refused: say once where it starts. */
static void checkutf8(lede_article *a) {
  size_t bad = lede_utf8_invalid(a->source, a->len);
  if (bad == a->len) return;
  a->has_warning = 1;
  a->warning_off = bad;
  snprintf(a->warning, sizeof a->warning, "invalid UTF-8 at byte %zu", bad);
}

lede_status lede_parse(const char *text, size_t len, const lede_options *opts,
                       lede_article **out, lede_error *err) {
  lede_article *a;
  lede_status st;
  size_t bom;
  if (out == NULL || text == NULL) {
    lede_error_set(err, LEDE_EINVAL, 0, "invalid argument");
    return LEDE_EINVAL;
  }
  *out = NULL;
  st = lede_source_check(text, len, opts, &bom, err);
  if (st != LEDE_OK) return st;
  a = calloc(1, sizeof *a);
  if (a == NULL) return fail(NULL, LEDE_ENOMEM, err);
  if (opts != NULL && opts->borrow) {
    a->source = text;
    a->borrowed = 1;
  } else {
    a->source = a->own = lede_arena_strndup(&a->arena, text, len);
    if (a->source == NULL) return fail(a, LEDE_ENOMEM, err);
  }
  a->len = len;
  a->bom = bom;
  checkutf8(a);
  a->lines = lede_source_lines(&a->arena, a->source, len, bom, &a->nlines);
  if (a->lines == NULL) return fail(a, LEDE_ENOMEM, err);
  st = lede_blocks_parse(a);
  if (st == LEDE_OK) st = lede_authors_collect(a);
  if (st != LEDE_OK) return fail(a, st, err);
  *out = a;
  return LEDE_OK;
}

void lede_article_free(lede_article *a) {
  if (a == NULL) return;
  lede_arena_free(&a->arena);
  free(a);
}

const char *lede_article_source(const lede_article *a, size_t *len) {
  if (len != NULL) *len = a->len;
  return a->source;
}

const lede_block *lede_article_blocks(const lede_article *a, size_t *n) {
  *n = a->nblocks;
  return a->blocks;
}

const lede_author *lede_article_authors(const lede_article *a, size_t *n) {
  *n = a->nauthors;
  return a->authors;
}

const lede_block *lede_article_first(const lede_article *a,
                                     lede_block_kind kind) {
  size_t i;
  for (i = 0; i < a->nblocks; i++)
    if (a->blocks[i].kind == kind) return &a->blocks[i];
  return NULL;
}

const char *lede_article_warning(const lede_article *a, size_t *offset) {
  if (!a->has_warning) return NULL;
  if (offset != NULL) *offset = a->warning_off;
  return a->warning;
}

const char *lede_block_kind_name(lede_block_kind kind) {
  static const char *const names[LEDE_BLOCK_KIND_COUNT] = {
    "title", "subtitle", "image", "paragraph", "byline", "bio", "boilerplate",
    "heading", "list_item"
  };
  if ((int)kind < 0 || kind >= LEDE_BLOCK_KIND_COUNT) return NULL;
  return names[kind];
}
