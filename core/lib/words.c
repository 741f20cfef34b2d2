/*
** words.c: word tokens of the body and of any text, each with its folded
** form (NFKC case fold, ’ read as ') and its English Snowball stem. Which
** sentence a word is in comes from sentences.c; meaning is left to others.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <libstemmer.h>
#include <utf8proc.h>

#include "text.h"
#include "utf8.h"

/* Words longer than this are not stemmed (URLs, long digit runs): Snowball
** gains nothing on them, and its int lengths stay far from overflow. */
#define STEM_MAXBYTES 64

/* Longest token read as a dotted abbreviation ("U.S.", "a.m."): the cap
** keeps a pathological "a.b.-a.b.-..." run linear. */
#define DOTTED_MAXBYTES 32

/* First guess at the words of an article: one per 8 bytes of source. */
#define WORD_BYTES 8

/* NFKC case fold, as utf8proc_map would do it. */
#define FOLD (UTF8PROC_STABLE | UTF8PROC_COMPAT | UTF8PROC_COMPOSE | \
              UTF8PROC_CASEFOLD)

/* A folded form seen before: every occurrence shares its strings, and the
** stemmer runs once per distinct word. */
typedef struct {
  const char *norm;  /* folded form, in the arena; NULL for a free slot */
  const char *stem;  /* its stem, in the arena (norm itself when equal) */
  size_t len;        /* bytes in norm */
  uint32_t hash;     /* of norm */
} form;

/* State of one call: no globals, so the stemmer is made here too. */
typedef struct {
  lede_arena *ar;               /* where norms and stems live */
  struct sb_stemmer *stemmer;   /* English Snowball */
  utf8proc_int32_t *cps;        /* folding scratch, in code points */
  size_t ncps;
  char *buf;                    /* folded bytes of an ASCII word */
  size_t nbuf;
  form *tab;                    /* open addressing, power-of-two size */
  size_t cap, used;
} ctx;

int lede_words_char(int32_t cp) {
  utf8proc_category_t c;
  if (cp < 0x80)
    return (cp >= '0' && cp <= '9') ||
           ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
  c = utf8proc_category(cp);
  return (c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME) ||
         c == UTF8PROC_CATEGORY_ND;
}

/* Bytes of the word character at s[i] (i < len), or 0; *cp gets it. */
static size_t wordat(const char *s, size_t len, size_t i, int32_t *cp) {
  size_t n;
  if ((unsigned char)s[i] < 0x80) {
    *cp = (unsigned char)s[i];
    return lede_words_char(*cp);
  }
  n = lede_utf8_next(s + i, len - i, cp, NULL);
  return lede_words_char(*cp) ? n : 0;
}

/* Bytes of a character that may join two word characters ("weren't",
** "al-Abadi", "3.5", "2,500"), or 0; *cp gets it. */
static size_t joinerat(const char *s, size_t len, size_t i, int32_t *cp) {
  unsigned char c = (unsigned char)s[i];
  if (c == '\'' || c == '-' || c == '.' || c == ',') {
    *cp = c;
    return 1;
  }
  if (c == 0xE2 && len - i >= 3 && (unsigned char)s[i + 1] == 0x80) {
    unsigned char d = (unsigned char)s[i + 2];
    /* ’ apostrophe, ‐ hyphen, ‑ non-breaking hyphen */
    if (d == 0x99 || d == 0x90 || d == 0x91) {
      *cp = 0x2000 + (d - 0x80);
      return 3;
    }
  }
  return 0;
}

/* Single letters joined by periods, no final period: "U.S", "a.m". */
static int dotted(const char *t, size_t n) {
  size_t i = 0, groups = 0;
  while (i < n) {
    int32_t cp;
    size_t k = lede_utf8_next(t + i, n - i, &cp, NULL);
    if (!lede_utf8_isalpha(cp)) return 0;
    i += k;
    groups++;
    if (i == n) break;
    if (t[i] != '.') return 0;
    i++;
  }
  return groups >= 2 && i == n;
}

/* End of the token starting at s[i], a word character. A joiner stays
** when a word character follows (a comma only between digits); a dotted
** abbreviation keeps its last period ("U.S.", then "-led" may follow). */
static size_t tokenend(const char *s, size_t len, size_t i) {
  size_t j = i, n, k;
  int32_t cp, jc, prev = 0;
  while (j < len) {
    if ((n = wordat(s, len, j, &cp)) > 0) {
      prev = cp;
      j += n;
    } else if ((k = joinerat(s, len, j, &jc)) > 0 && j + k < len &&
               wordat(s, len, j + k, &cp) > 0 &&
               (jc != ',' || (lede_utf8_isdigit(prev) &&
                              lede_utf8_isdigit(cp)))) {
      j += k;
    } else if (s[j] == '.' && j - i <= DOTTED_MAXBYTES &&
               dotted(s + i, j - i)) {
      j++;
    } else {
      break;
    }
  }
  return j;
}

/* Joiners read as ASCII, so "weren’t" folds to "weren't" and "non‑stop"
** (non-breaking hyphen) to "non-stop". */
static utf8proc_int32_t joinfold(utf8proc_int32_t cp, void *data) {
  (void)data;
  if (cp == 0x2019) return '\'';
  if (cp == 0x2010 || cp == 0x2011) return '-';
  return cp;
}

/* p resized to hold at least `want` items of `size` bytes, doubling;
** *cap gets the new count. NULL when out of memory (p stays valid). */
static void *grow(void *p, size_t *cap, size_t want, size_t size) {
  size_t n = *cap ? *cap : 32;
  while (n < want) n *= 2;
  if (n > SIZE_MAX / size || (p = realloc(p, n * size)) == NULL) return NULL;
  *cap = n;
  return p;
}

/* Fold s[0, n) into a scratch buffer: *out gets it (valid until the next
** call), the return value its length; LEDE_NONE when out of memory. ASCII
** only needs lower case; the rest goes through utf8proc. */
static size_t fold(ctx *x, const char *s, size_t n, const char **out) {
  size_t i;
  utf8proc_ssize_t k;
  utf8proc_int32_t *cps;
  for (i = 0; i < n && (unsigned char)s[i] < 0x80; i++) {}
  if (i == n) {
    if (n + 1 > x->nbuf) {
      char *b = grow(x->buf, &x->nbuf, n + 1, 1);
      if (b == NULL) return LEDE_NONE;
      x->buf = b;
    }
    for (i = 0; i < n; i++)
      x->buf[i] = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
    x->buf[n] = '\0';
    *out = x->buf;
    return n;
  }
  for (;;) {
    /* One spare code point: utf8proc_reencode writes a NUL. */
    k = utf8proc_decompose_custom((const utf8proc_uint8_t *)s,
                                  (utf8proc_ssize_t)n, x->cps,
                                  (utf8proc_ssize_t)(x->ncps ? x->ncps - 1 : 0),
                                  FOLD, joinfold, NULL);
    if (k < 0) return LEDE_NONE;
    if (x->ncps > 0 && (size_t)k <= x->ncps - 1) break;
    cps = grow(x->cps, &x->ncps, (size_t)k + 1, sizeof *cps);
    if (cps == NULL) return LEDE_NONE;
    x->cps = cps;
  }
  k = utf8proc_reencode(x->cps, k, FOLD);
  if (k < 0) return LEDE_NONE;
  *out = (const char *)x->cps;
  return (size_t)k;
}

static uint32_t hashof(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < n; i++) h = (h ^ (unsigned char)s[i]) * 16777619u;
  return h;
}

static int rehash(ctx *x) {
  size_t cap = x->cap ? x->cap * 2 : 1024, i;
  form *t = calloc(cap, sizeof *t);
  if (t == NULL) return 0;
  for (i = 0; i < x->cap; i++) {
    size_t j;
    if (x->tab[i].norm == NULL) continue;
    j = x->tab[i].hash & (cap - 1);
    while (t[j].norm != NULL) j = (j + 1) & (cap - 1);
    t[j] = x->tab[i];
  }
  free(x->tab);
  x->tab = t;
  x->cap = cap;
  return 1;
}

/* The stem of norm in the arena, or norm itself; NULL when out of memory. */
static const char *stemof(ctx *x, const char *norm, size_t len) {
  const sb_symbol *st;
  size_t sl;
  if (len > STEM_MAXBYTES) return norm;
  st = sb_stemmer_stem(x->stemmer, (const sb_symbol *)norm, (int)len);
  if (st == NULL) return NULL;
  sl = (size_t)sb_stemmer_length(x->stemmer);
  if (sl == len && memcmp(st, norm, len) == 0) return norm;
  return lede_arena_strndup(x->ar, (const char *)st, sl);
}

/* The shared form of folded bytes f[0, n), added when new; NULL when out
** of memory. */
static const form *intern(ctx *x, const char *f, size_t n) {
  uint32_t h = hashof(f, n);
  size_t j;
  form *e;
  if ((x->used + 1) * 2 > x->cap && !rehash(x)) return NULL;
  for (j = h & (x->cap - 1); x->tab[j].norm != NULL;
       j = (j + 1) & (x->cap - 1)) {
    e = &x->tab[j];
    if (e->hash == h && e->len == n && memcmp(e->norm, f, n) == 0) return e;
  }
  e = &x->tab[j];
  e->norm = lede_arena_strndup(x->ar, f, n);
  if (e->norm == NULL) return NULL;
  e->stem = stemof(x, e->norm, n);
  if (e->stem == NULL) {
    e->norm = NULL;
    return NULL;
  }
  e->len = n;
  e->hash = h;
  x->used++;
  return e;
}

static lede_status start(ctx *x, lede_arena *ar) {
  memset(x, 0, sizeof *x);
  x->ar = ar;
  x->stemmer = sb_stemmer_new("english", NULL);
  return x->stemmer != NULL ? LEDE_OK : LEDE_ENOMEM;
}

static void finish(ctx *x) {
  if (x->stemmer != NULL) sb_stemmer_delete(x->stemmer);
  free(x->cps);
  free(x->buf);
  free(x->tab);
}

/*
** Call fn with each word of s[from, to) (spans relative to s) in sentence
** `sentence`. *stopped is set when fn returns nonzero. LEDE_ENOMEM when
** out of memory.
*/
static lede_status scan(ctx *x, const char *s, size_t from, size_t to,
                        size_t sentence, lede_word_fn fn, void *ud,
                        int *stopped) {
  size_t i = from;
  while (i < to) {
    int32_t cp;
    size_t n = wordat(s, to, i, &cp), e, flen;
    const char *f;
    const form *w;
    lede_word word;
    if (n == 0) {
      i += (unsigned char)s[i] < 0x80 ? 1
           : lede_utf8_next(s + i, to - i, &cp, NULL);
      continue;
    }
    e = tokenend(s, to, i);
    if ((flen = fold(x, s + i, e - i, &f)) == LEDE_NONE) return LEDE_ENOMEM;
    if ((w = intern(x, f, flen)) == NULL) return LEDE_ENOMEM;
    word.span.off = i;
    word.span.len = e - i;
    word.norm = w->norm;
    word.stem = w->stem;
    word.sentence = sentence;
    if (fn(ud, &word) != 0) {
      *stopped = 1;
      return LEDE_OK;
    }
    i = e;
  }
  return LEDE_OK;
}

/* lede_text_words walks sentences, then the words of each. */
typedef struct {
  ctx x;
  const char *s;
  size_t sentence;   /* index of the next sentence */
  lede_word_fn fn;
  void *ud;
  lede_status st;
} textwalk;

static int textsentence(void *ud, lede_span span) {
  textwalk *t = ud;
  int stopped = 0;
  t->st = scan(&t->x, t->s, span.off, span.off + span.len, t->sentence++,
               t->fn, t->ud, &stopped);
  return t->st != LEDE_OK || stopped;
}

lede_status lede_text_words(const char *s, size_t len, lede_word_fn fn,
                            void *ud) {
  lede_arena ar = {NULL};
  textwalk t;
  if ((s == NULL && len > 0) || fn == NULL) return LEDE_EINVAL;
  t.st = start(&t.x, &ar);
  t.s = s;
  t.sentence = 0;
  t.fn = fn;
  t.ud = ud;
  if (t.st == LEDE_OK && len > 0)
    lede_sentences_walk(s, len, 0, textsentence, &t);
  finish(&t.x);
  lede_arena_free(&ar);
  return t.st;
}

/* Words gathered for the article, before they move to its arena. */
typedef struct {
  lede_word *v;
  size_t n, cap;
  int oom;
} gather;

static int push(void *ud, const lede_word *w) {
  gather *g = ud;
  if (g->n == g->cap) {
    lede_word *v = grow(g->v, &g->cap, g->n + 1, sizeof *v);
    if (v == NULL) {
      g->oom = 1;
      return 1;
    }
    g->v = v;
  }
  g->v[g->n++] = *w;
  return 0;
}

static lede_status collect(lede_article *a) {
  const lede_sentence *s;
  size_t ns, i;
  gather g = {NULL, 0, 0, 0};
  ctx x;
  int stopped = 0;
  lede_status st = lede_article_sentences(a, &s, &ns);
  if (st != LEDE_OK) return st;
  if ((st = start(&x, &a->arena)) != LEDE_OK) goto done;
  g.v = grow(NULL, &g.cap, a->len / WORD_BYTES + 16, sizeof *g.v);
  if (g.v == NULL) goto oom;
  for (i = 0; i < ns && !stopped; i++) {
    st = scan(&x, a->source, s[i].span.off, s[i].span.off + s[i].span.len, i,
              push, &g, &stopped);
    if (st != LEDE_OK || g.oom) goto oom;
  }
  if (g.n > 0) {
    a->words = lede_arena_alloc(&a->arena, g.n * sizeof *g.v);
    if (a->words == NULL) goto oom;
    memcpy(a->words, g.v, g.n * sizeof *g.v);
  }
  a->nwords = g.n;
  goto done;
oom:
  st = LEDE_ENOMEM;
done:
  finish(&x);
  free(g.v);
  return st;
}

lede_status lede_article_words(lede_article *a, const lede_word **out,
                               size_t *n) {
  if (!a->have_words) {
    lede_status st = collect(a);
    if (st != LEDE_OK) {
      *out = NULL;
      *n = 0;
      return st;
    }
    a->have_words = 1;
  }
  *out = a->words;
  *n = a->nwords;
  return LEDE_OK;
}
