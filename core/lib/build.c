/*
** build.c: lede_article_build, an article from blocks a reader of
** structured input already classified. It writes a plain-text source in
** the shape lede_parse reads, so that spans, queries and writers need not
** know where an article came from; nothing is classified again.
*/
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "utf8.h"

/* What goes between blocks in the made-up source: a blank line. */
#define SEP "\n\n"
#define SEPLEN 2
/* Between an image's caption and its credit, as news pages print it. */
#define CREDIT_SEP " / "
#define BYLINE "By "

static int validkind(lede_block_kind k) {
  return (int)k >= 0 && k < LEDE_BLOCK_KIND_COUNT;
}

/* Bytes the source will take; 0 when a block has a bad kind or text. */
static size_t sourcesize(const lede_block_input *bs, size_t n,
                         const lede_author *as, size_t na, int *bad) {
  size_t total = 0, i;
  *bad = 0;
  for (i = 0; i < n; i++) {
    if (!validkind(bs[i].kind) || (bs[i].text == NULL && bs[i].text_len)) {
      *bad = 1;
      return 0;
    }
    total += bs[i].text_len + SEPLEN;
    if (bs[i].credit) total += strlen(bs[i].credit) + sizeof CREDIT_SEP;
  }
  for (i = 0; i < na; i++) {
    if (as[i].name == NULL) { *bad = 1; return 0; }
    total += sizeof BYLINE + strlen(as[i].name) + SEPLEN;
    if (as[i].bio) total += strlen(as[i].bio) + SEPLEN;
  }
  return total;
}

/* Append s to the source being made; returns the span it got. s may be
** NULL when len is 0 (an image with a credit and no caption), which
** memcpy must not be given even then. */
static lede_span put(char *src, size_t *o, const char *s, size_t len) {
  lede_span sp = {*o, len};
  if (len > 0) memcpy(src + *o, s, len);
  *o += len;
  return sp;
}

static void sep(char *src, size_t *o) {
  put(src, o, SEP, SEPLEN);
}

/* Line of each byte offset: count newlines as the source grows. */
static size_t lineof(const char *src, size_t from, size_t to, size_t line) {
  for (; from < to; from++) line += src[from] == '\n';
  return line;
}

/* Write the blocks into the source and fill a->blocks. */
static lede_status putblocks(lede_article *a, const lede_block_input *bs,
                             size_t n, size_t *o) {
  size_t i, line = 1, seen = 0;
  a->blocks = lede_arena_alloc(&a->arena, (n ? n : 1) * sizeof *a->blocks);
  if (a->blocks == NULL) return LEDE_ENOMEM;
  for (i = 0; i < n; i++) {
    lede_block *b = &a->blocks[a->nblocks];
    lede_span sp;
    if (bs[i].text_len == 0 && bs[i].credit == NULL) continue;
    if (a->nblocks > 0) sep(a->own, o);
    line = lineof(a->own, seen, *o, line);
    seen = *o;
    sp = put(a->own, o, bs[i].text, bs[i].text_len);
    b->kind = bs[i].kind;
    b->text = lede_utf8_squeeze(&a->arena, bs[i].text, bs[i].text_len,
                                &b->text_len);
    b->credit = NULL;
    if (bs[i].credit) {
      size_t clen = strlen(bs[i].credit);
      put(a->own, o, CREDIT_SEP, sizeof CREDIT_SEP - 1);
      put(a->own, o, bs[i].credit, clen);
      b->credit = lede_utf8_squeeze(&a->arena, bs[i].credit, clen, NULL);
      if (b->credit == NULL) return LEDE_ENOMEM;
      sp.len = *o - sp.off;
    }
    if (b->text == NULL) return LEDE_ENOMEM;
    b->line = line;
    b->span = sp;
    a->nblocks++;
  }
  return LEDE_OK;
}

/* An author's string as block texts are read: JSON and YAML carry any
** bytes, and invalid UTF-8 (a cjson "\x8f") must not reach the writers,
** whose YAML refuses it. */
static const char *copy(lede_arena *ar, const char *s) {
  return s ? lede_utf8_squeeze(ar, s, strlen(s), NULL) : NULL;
}

/* Whether the blocks already hold a byline or a bio (a JSON or YAML dump
** keeps them): then the authors are not written into the source twice. */
static int hasbyline(const lede_article *a) {
  size_t i;
  for (i = 0; i < a->nblocks; i++)
    if (a->blocks[i].kind == LEDE_BLOCK_BYLINE ||
        a->blocks[i].kind == LEDE_BLOCK_BIO)
      return 1;
  return 0;
}

/* Copy the authors; unless the blocks have a byline, their "By NAME" line
** and bio go at the end of the source. */
static lede_status putauthors(lede_article *a, const lede_author *as,
                              size_t na, size_t *o) {
  size_t i, j;
  int write = !hasbyline(a);
  a->authors = lede_arena_alloc(&a->arena, (na ? na : 1) * sizeof *a->authors);
  if (a->authors == NULL) return LEDE_ENOMEM;
  for (i = 0; i < na; i++) {
    lede_author *au = &a->authors[i];
    const char **links = lede_arena_alloc(&a->arena, (as[i].nlinks + 1) * sizeof *links);
    if (links == NULL) return LEDE_ENOMEM;
    for (j = 0; j < as[i].nlinks; j++)
      if ((links[j] = copy(&a->arena, as[i].links[j])) == NULL) return LEDE_ENOMEM;
    au->links = links;
    au->nlinks = as[i].nlinks;
    au->name = copy(&a->arena, as[i].name);
    au->bio = copy(&a->arena, as[i].bio);
    if (au->name == NULL || (as[i].bio && au->bio == NULL)) return LEDE_ENOMEM;
    if (!write) continue;
    sep(a->own, o);
    put(a->own, o, BYLINE, sizeof BYLINE - 1);
    put(a->own, o, as[i].name, strlen(as[i].name));
    if (as[i].bio) {
      sep(a->own, o);
      put(a->own, o, as[i].bio, strlen(as[i].bio));
    }
  }
  a->nauthors = na;
  return LEDE_OK;
}

lede_status lede_article_build(const lede_block_input *blocks, size_t n,
                               const lede_author *authors, size_t nauthors,
                               const lede_options *opts, lede_article **out,
                               lede_error *err) {
  lede_article *a = NULL;
  lede_status st;
  size_t o = 0, size, bom;
  int bad;
  if (out == NULL || (blocks == NULL && n) || (authors == NULL && nauthors))
    goto inval;
  *out = NULL;
  size = sourcesize(blocks, n, authors, nauthors, &bad);
  if (bad) goto inval;
  a = calloc(1, sizeof *a);
  if (a == NULL || (a->own = lede_arena_alloc(&a->arena, size + 1)) == NULL)
    goto nomem;
  if ((st = putblocks(a, blocks, n, &o)) != LEDE_OK) goto fail;
  if (a->nblocks == 0) {
    lede_error_set(err, LEDE_EEMPTY, 0, "empty article");
    st = LEDE_EEMPTY;
    goto fail;
  }
  if ((st = putauthors(a, authors, nauthors, &o)) != LEDE_OK) goto fail;
  a->own[o] = '\0';
  a->source = a->own;
  a->len = o;
  st = lede_source_check(a->source, a->len, opts, &bom, err);
  if (st != LEDE_OK) goto fail;
  a->lines = lede_source_lines(&a->arena, a->source, a->len, 0, &a->nlines);
  if (a->lines == NULL) goto nomem;
  *out = a;
  return LEDE_OK;
inval:
  lede_error_set(err, LEDE_EINVAL, 0, "invalid argument");
  return LEDE_EINVAL;
nomem:
  st = LEDE_ENOMEM;
  lede_error_set(err, st, 0, "out of memory");
fail:
  lede_article_free(a);
  return st;
}
