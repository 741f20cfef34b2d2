/*
** markdown.c: Markdown (CommonMark, parsed by cmark) to classified
** blocks for lede_article_build: paragraphs, headings, list items, and an
** image standing alone in a paragraph as an image block. The front matter
** is the caller's business (scripts/lede/readers.lua reads it as YAML).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "lede.h"

/* A growable byte buffer for one block's text. */
typedef struct {
  char *s;
  size_t len, cap;
  int failed;
} buf;

static void add(buf *b, const char *s, size_t n) {
  if (b->failed) return;
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap * 2 : 64;
    char *p;
    while (cap < b->len + n + 1) cap *= 2;
    if ((p = realloc(b->s, cap)) == NULL) { b->failed = 1; return; }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n);
  b->len += n;
  b->s[b->len] = '\0';
}

static void addstr(buf *b, const char *s) {
  if (s) add(b, s, strlen(s));
}

/* The plain text of an inline tree: literals, breaks as spaces; an
** image's alt text counts as text. */
static void inlines(cmark_node *node, buf *b) {
  cmark_node *c;
  for (c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
    switch (cmark_node_get_type(c)) {
    case CMARK_NODE_TEXT: case CMARK_NODE_CODE:
    case CMARK_NODE_HTML_INLINE:
      addstr(b, cmark_node_get_literal(c));
      break;
    case CMARK_NODE_SOFTBREAK: case CMARK_NODE_LINEBREAK:
      add(b, " ", 1);
      break;
    default:
      inlines(c, b);
    }
  }
}

/* The blocks being collected. */
typedef struct {
  lede_block_input *v;
  size_t n, cap;
  int failed;
} list;

static char *dupstr(const char *s) {
  char *p;
  size_t n;
  if (s == NULL || *s == '\0') return NULL;
  n = strlen(s);
  if ((p = malloc(n + 1)) != NULL) memcpy(p, s, n + 1);
  return p;
}

static void push(list *l, lede_block_kind kind, buf *text, const char *credit) {
  lede_block_input *in;
  if (text->failed) l->failed = 1;
  if (l->failed || text->len == 0) { free(text->s); return; }
  if (l->n == l->cap) {
    size_t cap = l->cap ? l->cap * 2 : 16;
    lede_block_input *p = realloc(l->v, cap * sizeof *p);
    if (p == NULL) { l->failed = 1; free(text->s); return; }
    l->v = p;
    l->cap = cap;
  }
  in = &l->v[l->n++];
  in->kind = kind;
  in->text = text->s;
  in->text_len = text->len;
  in->credit = dupstr(credit);
  if (credit && *credit && in->credit == NULL) l->failed = 1;
}

/* A paragraph holding one image and nothing else: alt text, title. */
static cmark_node *lone_image(cmark_node *para) {
  cmark_node *c = cmark_node_first_child(para);
  if (c && cmark_node_get_type(c) == CMARK_NODE_IMAGE && !cmark_node_next(c))
    return c;
  return NULL;
}

static void block(cmark_node *node, int initem, list *l) {
  buf b = {NULL, 0, 0, 0};
  cmark_node *img;
  switch (cmark_node_get_type(node)) {
  case CMARK_NODE_PARAGRAPH:
    if (!initem && (img = lone_image(node)) != NULL) {
      inlines(img, &b);
      push(l, LEDE_BLOCK_IMAGE, &b, cmark_node_get_title(img));
      return;
    }
    inlines(node, &b);
    push(l, initem ? LEDE_BLOCK_LIST_ITEM : LEDE_BLOCK_PARAGRAPH, &b, NULL);
    return;
  case CMARK_NODE_HEADING:
    inlines(node, &b);
    push(l, LEDE_BLOCK_HEADING, &b, NULL);
    return;
  case CMARK_NODE_CODE_BLOCK: case CMARK_NODE_HTML_BLOCK:
    addstr(&b, cmark_node_get_literal(node));
    push(l, LEDE_BLOCK_PARAGRAPH, &b, NULL);
    return;
  case CMARK_NODE_ITEM:
    initem = 1;
    break;
  default:
    break;
  }
  for (node = cmark_node_first_child(node); node; node = cmark_node_next(node))
    block(node, initem, l);
}

void lede_blocks_free(lede_block_input *bs, size_t n) {
  size_t i;
  if (bs == NULL) return;
  for (i = 0; i < n; i++) {
    /* ours from dupstr/add: const only to the caller */
    free((void *)(uintptr_t)bs[i].text);
    free((void *)(uintptr_t)bs[i].credit);
  }
  free(bs);
}

lede_status lede_markdown_blocks(const char *md, size_t len,
                                 lede_block_input **out, size_t *n) {
  list l = {NULL, 0, 0, 0};
  cmark_node *doc;
  *out = NULL;
  *n = 0;
  if (md == NULL) return LEDE_EINVAL;
  if ((doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT)) == NULL)
    return LEDE_ENOMEM;
  block(doc, 0, &l);
  cmark_node_free(doc);
  if (l.failed) {
    lede_blocks_free(l.v, l.n);
    return LEDE_ENOMEM;
  }
  *out = l.v;
  *n = l.n;
  return LEDE_OK;
}
