/*
** find.c: phrase search over the body paragraphs. The query and each
** paragraph are folded the same way (case, accents, whitespace runs) into
** a copy that remembers, byte by byte, the source character it came from,
** so every hit is reported as exact source bytes. Patterns are the
** binding's business (Lua's string.find on paragraph texts).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "text.h"
#include "utf8.h"

/* Code points one character may fold to (utf8proc's decompositions stay
** far below; a longer one is left unfolded). */
#define FOLD_MAXCPS 18

/* Text folded for matching. */
typedef struct {
  char *s;       /* folded bytes */
  size_t *from;  /* for each folded byte, the offset of its source char */
  size_t len, cap;
} folded;

static int reserve(folded *f, size_t more) {
  size_t cap = f->cap ? f->cap : 256;
  char *s;
  size_t *from;
  if (f->len + more <= f->cap) return 1;
  while (cap < f->len + more) cap *= 2;
  if (cap > SIZE_MAX / sizeof *from) return 0;
  if ((s = realloc(f->s, cap)) == NULL) return 0;
  f->s = s;
  if ((from = realloc(f->from, cap * sizeof *from)) == NULL) return 0;
  f->from = from;
  f->cap = cap;
  return 1;
}

/* Apostrophes and hyphens read as their ASCII forms, as in word norms. */
static int32_t plain(int32_t cp) {
  if (cp == 0x2019) return '\'';
  if (cp == 0x2010 || cp == 0x2011) return '-';
  return cp;
}

/* Append the fold of cp, which came from source offset at. */
static int addchar(folded *f, int32_t cp, size_t at, int flags) {
  utf8proc_int32_t out[FOLD_MAXCPS];
  utf8proc_option_t opts = UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT;
  utf8proc_ssize_t k, j;
  int last = 0;
  if (!(flags & LEDE_FIND_CASE)) opts |= UTF8PROC_CASEFOLD;
  if (!(flags & LEDE_FIND_ACCENTS)) opts |= UTF8PROC_STRIPMARK;
  k = utf8proc_decompose_char(plain(cp), out, FOLD_MAXCPS, opts, &last);
  if (k < 0 || k > FOLD_MAXCPS) {
    out[0] = cp;
    k = 1;
  }
  if (!reserve(f, (size_t)k * 4)) return 0;
  for (j = 0; j < k; j++) {
    size_t n = lede_utf8_encode(out[j], f->s + f->len), b;
    for (b = 0; b < n; b++) f->from[f->len + b] = at;
    f->len += n;
  }
  return 1;
}

/*
** Fold s[0, len) into f: ASCII letters lower-cased in place unless
** LEDE_FIND_CASE, other characters case-folded and stripped of accents
** through utf8proc as the flags say, each whitespace run one space (none
** at either end). Returns 0 when out of memory.
*/
static int fold(folded *f, const char *s, size_t len, int flags) {
  size_t i = 0, space = 0;
  int pending = 0;  /* a whitespace run, begun at `space`, is owed */
  f->len = 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp;
    size_t n = 1;
    if (c < 0x80) cp = c;
    else n = lede_utf8_next(s + i, len - i, &cp, NULL);
    if (lede_utf8_isspace(cp)) {
      if (!pending && f->len > 0) space = i;
      pending = f->len > 0;
    } else {
      if (pending) {
        if (!reserve(f, 1)) return 0;
        f->s[f->len] = ' ';
        f->from[f->len++] = space;
        pending = 0;
      }
      if (c < 0x80) {
        if (!reserve(f, 1)) return 0;
        if (!(flags & LEDE_FIND_CASE) && c >= 'A' && c <= 'Z') c += 32;
        f->s[f->len] = (char)c;
        f->from[f->len++] = i;
      } else if (!addchar(f, cp, i, flags)) {
        return 0;
      }
    }
    i += n;
  }
  return 1;
}

/* Whether the character before s[at] (at > 0) continues a word. */
static int wordbefore(const char *s, size_t at) {
  size_t k = at - 1;
  int32_t cp;
  while (k > 0 && at - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80) k--;
  lede_utf8_next(s + k, at - k, &cp, NULL);
  return lede_words_char(cp);
}

static int wordat(const char *s, size_t len, size_t at) {
  int32_t cp;
  lede_utf8_next(s + at, len - at, &cp, NULL);
  return lede_words_char(cp);
}

/* A hit of whole words: no word character runs on across either end,
** where the hit itself starts or ends with one ("Abadi" in "al-Abadi",
** not in "Abadiya"). */
static int whole(const char *s, size_t len, size_t from, size_t to) {
  if (from > 0 && wordat(s, len, from) && wordbefore(s, from)) return 0;
  if (to < len && wordbefore(s, to) && wordat(s, len, to)) return 0;
  return 1;
}

/* What one search needs. */
typedef struct {
  folded q, t;       /* the query and the current paragraph, folded */
  int flags;
  lede_span_fn fn;
  void *ud;
} search;

/*
** Report the hits in paragraph s[0, len) at source offset base; returns
** fn's nonzero value when it stops the walk. A hit must start and end on
** whole source characters ("s" does not find half of "ß"); its end runs
** to the next folded byte's character, so stripped accents come along.
*/
static int scan(search *x, const char *s, size_t len, size_t base) {
  const folded *t = &x->t, *q = &x->q;
  size_t i = 0, m = q->len;
  while (m <= t->len && i + m <= t->len) {
    const char *p = memchr(t->s + i, q->s[0], t->len - m - i + 1);
    size_t from, to;
    int rc;
    if (p == NULL) break;
    i = (size_t)(p - t->s);
    if (memcmp(p, q->s, m) != 0 ||
        (i > 0 && t->from[i - 1] == t->from[i]) ||
        (i + m < t->len && t->from[i + m] == t->from[i + m - 1])) {
      i++;
      continue;
    }
    from = t->from[i];
    to = i + m < t->len ? t->from[i + m] : len;
    if ((x->flags & LEDE_FIND_WHOLE_WORDS) && !whole(s, len, from, to)) {
      i++;
      continue;
    }
    {
      lede_span span;
      span.off = base + from;
      span.len = to - from;
      if ((rc = x->fn(x->ud, span)) != 0) return rc;
    }
    i += m;
  }
  return 0;
}

lede_status lede_article_find(lede_article *a, const char *query, size_t qlen,
                              int flags, lede_span_fn fn, void *ud) {
  search x;
  lede_status st = LEDE_ENOMEM;
  size_t b;
  if ((query == NULL && qlen > 0) || fn == NULL) return LEDE_EINVAL;
  memset(&x, 0, sizeof x);
  x.flags = flags;
  x.fn = fn;
  x.ud = ud;
  if (!fold(&x.q, query, qlen, flags)) goto done;
  for (b = 0; b < a->nblocks && x.q.len > 0; b++) {
    const lede_block *k = &a->blocks[b];
    const char *s = a->source + k->span.off;
    if (k->kind != LEDE_BLOCK_PARAGRAPH) continue;
    if (!fold(&x.t, s, k->span.len, flags)) goto done;
    if (scan(&x, s, k->span.len, k->span.off) != 0) break;
  }
  st = LEDE_OK;
done:
  free(x.q.s);
  free(x.q.from);
  free(x.t.s);
  free(x.t.from);
  return st;
}
