/*
** keywords.c: the article's key terms, single words and 2-3 word phrases,
** scored by stemmed frequency, paragraph position and the title. Words
** and stems come from words.c; stopwords from the gazetteer.
**
** Candidates: a word that is not a stopword, holds a letter and is longer
** than one character; a phrase is 2 or 3 such words in a row in one
** sentence, nothing but whitespace between them. A term's key is its
** stems ("fighter" for "fighters"; "foreign fighter" for the phrase).
**
**   score(term) = T × sum over its occurrences of  n × (1 + 1 / (1 + p))
**
** with n the term's words (a phrase says more than one word), p the
** 0-based paragraph of the occurrence (the lede counts double, the tail
** about once) and T = 2 when its stems also stand, in order, in the
** title, else 1. Phrases seen once are dropped: a single pairing is
** chance. The term given is the surface form read most often (the first
** seen on a tie), words joined by one space. Ties in score go to the term
** met first in the text, so the order is the same on every run.
*/
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "gazetteer.h"
#include "text.h"
#include "utf8.h"

#define PHRASE_MAXWORDS 3  /* longest phrase */
#define TITLE_WEIGHT 2.0   /* T above */

/* A candidate term being scored. */
typedef struct {
  const char *key;      /* stems joined by spaces, in the scratch arena */
  size_t klen;
  uint32_t hash;        /* of key */
  size_t nwords;        /* n above */
  size_t count;         /* occurrences */
  size_t first;         /* index of its first word in the article */
  int intitle;          /* its stems stand in the title */
  double score;         /* the sum above, T not yet applied */
  const char *surface;  /* most frequent surface form so far */
  size_t slen, scount;
} term;

/* One surface form of one term. */
typedef struct {
  size_t term;       /* index in terms */
  const char *s;     /* in the scratch arena */
  size_t len;
  uint32_t hash;
  size_t count;
} surface;

/* Open addressing over indices into a vector (index + 1; 0 is free). */
typedef struct {
  size_t *slot;
  size_t cap;
} index_t;

typedef struct {
  lede_article *a;
  const lede_word *w;       /* the article's words */
  size_t nw;
  const lede_sentence *sent;
  lede_stop_fn stop;
  unsigned char *ok;        /* per word: it may stand in a term */
  size_t *stemlen;          /* per word: bytes in its stem */
  lede_arena tmp;           /* keys, surfaces, title stems */
  term *terms;
  size_t nterms, capterms;
  surface *surfs;
  size_t nsurfs, capsurfs;
  index_t tix, six;
  char **title;             /* stems of the title's words */
  size_t ntitle, captitle;
  char *key, *surf;         /* scratch for the current candidate */
  size_t capkey, capsurf;
  int oom;                  /* addtitle ran out of memory */
} ctx;

static uint32_t hashof(const char *s, size_t n, uint32_t h) {
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

/* v with room for one more item of `size` bytes past n, or NULL when out
** of memory (v stays valid). */
static void *more(void *v, size_t n, size_t *cap, size_t size) {
  size_t c = *cap ? *cap * 2 : 256;
  if (n < *cap) return v;
  if (c > SIZE_MAX / size || (v = realloc(v, c * size)) == NULL) return NULL;
  *cap = c;
  return v;
}

/* Double an index over a vector at base of `stride`-byte items, each with
** its hash `at` bytes in. */
static int rehash(index_t *ix, const void *base, size_t stride, size_t at) {
  size_t cap = ix->cap ? ix->cap * 2 : 1024, i;
  size_t *slot = calloc(cap, sizeof *slot);
  if (slot == NULL) return 0;
  for (i = 0; i < ix->cap; i++) {
    size_t e = ix->slot[i], j;
    uint32_t h;
    if (e == 0) continue;
    memcpy(&h, (const char *)base + (e - 1) * stride + at, sizeof h);
    for (j = h & (cap - 1); slot[j] != 0; j = (j + 1) & (cap - 1)) {}
    slot[j] = e;
  }
  free(ix->slot);
  ix->slot = slot;
  ix->cap = cap;
  return 1;
}

/* Whether word k counts: not a stopword, a letter in it, two characters
** or more. */
static int content(const ctx *x, size_t k) {
  const lede_word *w = &x->w[k];
  size_t n = strlen(w->norm), i;
  int letter = 0;
  for (i = 0; i < n && !letter;) {
    int32_t cp;
    i += lede_utf8_next(w->norm + i, n - i, &cp, NULL);
    letter = lede_utf8_isalpha(cp);
  }
  return letter && lede_utf8_length(w->norm, n) > 1 && !x->stop(w->norm, n);
}

/* Whether words k and k + 1 stand together: one sentence, only
** whitespace between them. */
static int together(const ctx *x, size_t k) {
  const lede_word *a = &x->w[k], *b = &x->w[k + 1];
  const char *s = x->a->source;
  size_t i = a->span.off + a->span.len;
  if (a->sentence != b->sentence) return 0;
  while (i < b->span.off) {
    int32_t cp;
    i += lede_utf8_next(s + i, b->span.off - i, &cp, NULL);
    if (!lede_utf8_isspace(cp)) return 0;
  }
  return 1;
}

/* Whether the stems of words k .. k + n - 1 stand in the title. */
static int intitle(const ctx *x, size_t k, size_t n) {
  size_t j, i;
  for (j = 0; j + n <= x->ntitle; j++) {
    for (i = 0; i < n && strcmp(x->title[j + i], x->w[k + i].stem) == 0; i++)
      {}
    if (i == n) return 1;
  }
  return 0;
}

static int addtitle(void *ud, const lede_word *w) {
  ctx *x = ud;
  char **v = more(x->title, x->ntitle, &x->captitle, sizeof *v);
  char *stem;
  if (v == NULL) return x->oom = 1;
  x->title = v;
  if ((stem = lede_arena_strndup(&x->tmp, w->stem, strlen(w->stem))) == NULL)
    return x->oom = 1;
  x->title[x->ntitle++] = stem;
  return 0;
}

/* Put words k .. k + n - 1 into the scratch key (stems) and surface (raw
** words joined by one space). */
static int build(ctx *x, size_t k, size_t n, size_t *klen, size_t *slen) {
  size_t i, kl = 0, sl = 0, need = 0;
  for (i = 0; i < n; i++) need += x->stemlen[k + i] + x->w[k + i].span.len + 2;
  if (need > x->capkey) {
    char *p = realloc(x->key, need), *q;
    if (p == NULL) return 0;
    x->key = p;
    if ((q = realloc(x->surf, need)) == NULL) return 0;
    x->surf = q;
    x->capkey = x->capsurf = need;
  }
  for (i = 0; i < n; i++) {
    const lede_word *w = &x->w[k + i];
    size_t m = x->stemlen[k + i];
    if (i > 0) {
      x->key[kl++] = ' ';
      x->surf[sl++] = ' ';
    }
    memcpy(x->key + kl, w->stem, m);
    kl += m;
    memcpy(x->surf + sl, x->a->source + w->span.off, w->span.len);
    sl += w->span.len;
  }
  *klen = kl;
  *slen = sl;
  return 1;
}

/* The term of the scratch key, made when new; LEDE_NONE when out of
** memory. */
static size_t findterm(ctx *x, size_t klen, size_t k, size_t n) {
  uint32_t h = hashof(x->key, klen, 2166136261u);
  size_t j;
  term *t;
  if ((x->nterms + 1) * 2 > x->tix.cap &&
      !rehash(&x->tix, x->terms, sizeof *t, offsetof(term, hash)))
    return LEDE_NONE;
  for (j = h & (x->tix.cap - 1); x->tix.slot[j] != 0;
       j = (j + 1) & (x->tix.cap - 1)) {
    t = &x->terms[x->tix.slot[j] - 1];
    if (t->hash == h && t->klen == klen && memcmp(t->key, x->key, klen) == 0)
      return x->tix.slot[j] - 1;
  }
  if ((t = more(x->terms, x->nterms, &x->capterms, sizeof *t)) == NULL)
    return LEDE_NONE;
  x->terms = t;
  t = &x->terms[x->nterms];
  memset(t, 0, sizeof *t);
  if ((t->key = lede_arena_strndup(&x->tmp, x->key, klen)) == NULL)
    return LEDE_NONE;
  t->klen = klen;
  t->hash = h;
  t->nwords = n;
  t->first = k;
  t->intitle = intitle(x, k, n);
  x->tix.slot[j] = ++x->nterms;
  return x->nterms - 1;
}

/* Count the scratch surface for term ti; 0 when out of memory. */
static int countsurface(ctx *x, size_t ti, size_t slen) {
  uint32_t h = hashof(x->surf, slen, (uint32_t)ti * 2654435761u);
  size_t j;
  surface *s;
  term *t = &x->terms[ti];
  if ((x->nsurfs + 1) * 2 > x->six.cap &&
      !rehash(&x->six, x->surfs, sizeof *s, offsetof(surface, hash)))
    return 0;
  for (j = h & (x->six.cap - 1); x->six.slot[j] != 0;
       j = (j + 1) & (x->six.cap - 1)) {
    s = &x->surfs[x->six.slot[j] - 1];
    if (s->hash == h && s->term == ti && s->len == slen &&
        memcmp(s->s, x->surf, slen) == 0)
      break;
  }
  if (x->six.slot[j] == 0) {
    if ((s = more(x->surfs, x->nsurfs, &x->capsurfs, sizeof *s)) == NULL)
      return 0;
    x->surfs = s;
    s = &x->surfs[x->nsurfs];
    if ((s->s = lede_arena_strndup(&x->tmp, x->surf, slen)) == NULL) return 0;
    s->term = ti;
    s->len = slen;
    s->hash = h;
    s->count = 0;
    x->six.slot[j] = ++x->nsurfs;
  }
  s = &x->surfs[x->six.slot[j] - 1];
  if (++s->count > t->scount) {
    t->surface = s->s;
    t->slen = s->len;
    t->scount = s->count;
  }
  return 1;
}

/* Score the terms that begin at word k. */
static int scoreat(ctx *x, size_t k) {
  size_t n, p = x->sent[x->w[k].sentence].paragraph;
  double pos = 1.0 + 1.0 / (1.0 + (double)p);
  for (n = 1; n <= PHRASE_MAXWORDS && k + n <= x->nw; n++) {
    size_t klen, slen, ti;
    if (!x->ok[k + n - 1] || (n > 1 && !together(x, k + n - 2))) break;
    if (!build(x, k, n, &klen, &slen)) return 0;
    if ((ti = findterm(x, klen, k, n)) == LEDE_NONE) return 0;
    x->terms[ti].score += (double)n * pos;
    x->terms[ti].count++;
    if (!countsurface(x, ti, slen)) return 0;
  }
  return 1;
}

static int byscore(const void *pa, const void *pb) {
  const term *a = *(const term *const *)pa, *b = *(const term *const *)pb;
  if (a->score != b->score) return a->score > b->score ? -1 : 1;
  if (a->first != b->first) return a->first < b->first ? -1 : 1;
  return a->nwords < b->nwords ? -1 : a->nwords > b->nwords;
}

/* The kept terms, T applied, sorted, copied into the article's arena. */
static int output(ctx *x, lede_keyword **out, size_t *n) {
  term **v = malloc((x->nterms ? x->nterms : 1) * sizeof *v);
  size_t i, m = 0;
  lede_keyword *k = NULL;
  if (v == NULL) return 0;
  for (i = 0; i < x->nterms; i++) {
    term *t = &x->terms[i];
    if (t->nwords > 1 && t->count < 2) continue;
    if (t->intitle) t->score *= TITLE_WEIGHT;
    v[m++] = t;
  }
  qsort(v, m, sizeof *v, byscore);
  if (m > 0 && (k = lede_arena_alloc(&x->a->arena, m * sizeof *k)) == NULL)
    goto fail;
  for (i = 0; i < m; i++) {
    k[i].term = lede_arena_strndup(&x->a->arena, v[i]->surface, v[i]->slen);
    if (k[i].term == NULL) goto fail;
    k[i].score = v[i]->score;
  }
  free(v);
  *out = k;
  *n = m;
  return 1;
fail:
  free(v);
  return 0;
}

/* Judge each word once: whether it may stand in a term, its stem's
** length. */
static int judge(ctx *x) {
  size_t k;
  x->ok = malloc(x->nw ? x->nw : 1);
  x->stemlen = malloc((x->nw ? x->nw : 1) * sizeof *x->stemlen);
  if (x->ok == NULL || x->stemlen == NULL) return 0;
  for (k = 0; k < x->nw; k++) {
    x->ok[k] = (unsigned char)content(x, k);
    x->stemlen[k] = strlen(x->w[k].stem);
  }
  return 1;
}

static void finish(ctx *x) {
  free(x->ok);
  free(x->stemlen);
  lede_arena_free(&x->tmp);
  free(x->terms);
  free(x->surfs);
  free(x->tix.slot);
  free(x->six.slot);
  free(x->title);
  free(x->key);
  free(x->surf);
}

lede_status lede_keywords_rank(lede_article *a, lede_stop_fn stop,
                               lede_keyword **out, size_t *n) {
  ctx x;
  size_t k, ns;
  const lede_block *title = lede_article_first(a, LEDE_BLOCK_TITLE);
  lede_status st;
  memset(&x, 0, sizeof x);
  x.a = a;
  x.stop = stop;
  *out = NULL;
  *n = 0;
  if ((st = lede_article_words(a, &x.w, &x.nw)) != LEDE_OK ||
      (st = lede_article_sentences(a, &x.sent, &ns)) != LEDE_OK)
    return st;
  st = LEDE_ENOMEM;
  if (title != NULL &&
      (lede_text_words(title->text, title->text_len, addtitle, &x) !=
       LEDE_OK || x.oom))
    goto done;
  if (!judge(&x)) goto done;
  for (k = 0; k < x.nw; k++)
    if (x.ok[k] && !scoreat(&x, k)) goto done;
  if (output(&x, out, n)) st = LEDE_OK;
done:
  finish(&x);
  return st;
}

lede_status lede_article_keywords(lede_article *a, const lede_keyword **out,
                                  size_t *n) {
  if (!a->have_keywords) {
    lede_status st = lede_keywords_rank(a, lede_gaz_stopword, &a->keywords,
                                        &a->nkeywords);
    if (st != LEDE_OK) {
      *out = NULL;
      *n = 0;
      return st;
    }
    a->have_keywords = 1;
  }
  *out = a->keywords;
  *n = a->nkeywords;
  return LEDE_OK;
}
