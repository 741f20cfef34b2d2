/*
** sentences.c: sentence boundaries over the body paragraphs and any text.
** A boundary is end punctuation (. ! ? ... or the character …) with the
** closing quotes and brackets after it, then whitespace, then a word that
** may open a sentence; the lists in data/ tell an abbreviation's period
** from a full stop. Words, quotes and numbers are left to their passes.
*/
#include <stdlib.h>
#include <string.h>

#include "lexicon.h"
#include "text.h"
#include "utf8.h"

/* Longest word looked at before a period: no abbreviation is longer, and
** the cap keeps a 10 MB run without spaces linear. */
#define ABBREV_MAX 16

/* First guess at the sentences of an article: one per 100 bytes. */
#define SENTENCE_BYTES 100

/* What ends a sentence candidate. */
typedef enum {
  END_PERIOD,    /* "." or "..": a full stop or an abbreviation's period */
  END_ELLIPSIS,  /* "...", "....", "…": an omission or a trailing off */
  END_MARK       /* "!", "?", "?!": always a full stop before a capital */
} endkind;

/* Quotes and brackets that close a sentence after its end punctuation
** ('fight.' Far', '."', '?)'). */
static const char *const closers[] = {
  "\"", "'", ")", "]", "}", "\xe2\x80\x9d", "\xe2\x80\x99", "\xc2\xbb",
  "\xe2\x80\xba", NULL
};

/* Quotes and brackets that may open the next sentence before its first
** word; curly closing quotes are in, as some sites type them backwards. */
static const char *const openers[] = {
  "\"", "'", "(", "[", "{", "\xe2\x80\x9c", "\xe2\x80\x98", "\xe2\x80\x9d",
  "\xe2\x80\x99", "\xc2\xab", "\xe2\x80\xb9", "\xc2\xbf", "\xc2\xa1", NULL
};

/* Bytes of the entry of set at s[i], or 0. */
static size_t oneof(const char *const *set, const char *s, size_t len,
                    size_t i) {
  for (; *set != NULL; set++) {
    size_t n = strlen(*set);
    if (n <= len - i && memcmp(s + i, *set, n) == 0) return n;
  }
  return 0;
}

/* Whether s (n > 0 bytes) is exactly an entry of list (case matters). */
static int inlist(const char *const *list, const char *s, size_t n) {
  for (; *list != NULL; list++)
    if ((*list)[0] == s[0] && strncmp(*list, s, n) == 0 && (*list)[n] == 0)
      return 1;
  return 0;
}

/* Bytes of the whitespace character at s[i] (i < len), or 0. */
static size_t spaceat(const char *s, size_t len, size_t i) {
  unsigned char c = (unsigned char)s[i];
  int32_t cp;
  size_t n;
  if (c < 0x80) return c == ' ' || (c >= '\t' && c <= '\r');
  n = lede_utf8_next(s + i, len - i, &cp, NULL);
  return lede_utf8_isspace(cp) ? n : 0;
}

static size_t skipspace(const char *s, size_t len, size_t i) {
  size_t n;
  while (i < len && (n = spaceat(s, len, i)) > 0) i += n;
  return i;
}

/* First byte of the character that ends at s[end - 1] (end > start). */
static size_t charstart(const char *s, size_t start, size_t end) {
  size_t k = end - 1;
  while (k > start && end - k < 4 && ((unsigned char)s[k] & 0xC0) == 0x80)
    k--;
  return k;
}

static size_t trimend(const char *s, size_t start, size_t end) {
  while (end > start) {
    size_t k = charstart(s, start, end);
    if (spaceat(s, end, k) != end - k) break;
    end = k;
  }
  return end;
}

/* Bytes of end punctuation at s[i] and its kind, or 0. */
static size_t endmark(const char *s, size_t len, size_t i, endkind *kind) {
  size_t j = i;
  if (s[i] == '.') {
    size_t dots = 0;
    /* ". . ." is an ellipsis too. */
    while (j < len && s[j] == '.') {
      j++;
      dots++;
      if (j + 1 < len && s[j] == ' ' && s[j + 1] == '.') j++;
    }
    *kind = dots >= 3 ? END_ELLIPSIS : END_PERIOD;
    return j - i;
  }
  if (s[i] == '!' || s[i] == '?') {
    while (j < len && (s[j] == '!' || s[j] == '?')) j++;
    *kind = END_MARK;
    return j - i;
  }
  if (len - i >= 3 && memcmp(s + i, "\xe2\x80\xa6", 3) == 0) {
    *kind = END_ELLIPSIS;
    return 3;
  }
  return 0;
}

/* End of the closing quotes, brackets and further marks after end
** punctuation at s[i]; *closed tells whether a closer was among them. */
static size_t closeout(const char *s, size_t len, size_t i, int *closed) {
  size_t n;
  endkind k;
  *closed = 0;
  for (;;) {
    if (i >= len) return i;
    if ((n = oneof(closers, s, len, i)) > 0) *closed = 1;
    else if ((n = endmark(s, len, i, &k)) == 0) return i;
    i += n;
  }
}

/* Bytes of the run of letters at s[i]. */
static size_t letters(const char *s, size_t len, size_t i) {
  size_t j = i;
  while (j < len) {
    int32_t cp;
    size_t n = lede_utf8_next(s + j, len - j, &cp, NULL);
    if (!lede_utf8_isalpha(cp)) break;
    j += n;
  }
  return j - i;
}

/* An initial: one capital letter and its period ("J.", "É."). */
static int initial(const char *t, size_t n) {
  int32_t cp;
  size_t k = lede_utf8_next(t, n, &cp, NULL);
  return k + 1 == n && lede_utf8_isupper(cp);
}

/* Single letters joined by periods, the last period included: "U.S.",
** "a.m.", "N.Y."; such a period may end a sentence or not. */
static int dotted(const char *t, size_t n) {
  size_t i = 0, groups = 0;
  while (i < n) {
    size_t k = letters(t, n, i);
    if (k == 0 || lede_utf8_length(t + i, k) != 1 || i + k >= n ||
        t[i + k] != '.')
      return 0;
    i += k + 1;
    groups++;
  }
  return groups >= 2;
}

/* Whether the word at s[w] commonly opens a sentence: "The", "He". A
** single letter with a period is an initial ("J. A. Smith"), not the
** article "A". A title is no opener: "U.S. Sen. Rand Paul". */
static int opener(const char *s, size_t len, size_t w) {
  size_t n = letters(s, len, w);
  if (n == 0) return 0;
  if (w + n < len && s[w + n] == '.' && lede_utf8_length(s + w, n) == 1)
    return 0;
  return inlist(lede_lex_sentence_starters, s + w, n);
}

/* The word before the period at s[i], from the last space (at most
** ABBREV_MAX bytes back), opening quotes and brackets left out, the
** period included; *t gets its first byte. 0 when longer than the cap. */
static size_t before(const char *s, size_t start, size_t i, size_t *t) {
  size_t ts = i, n;
  while (ts > start) {
    size_t k = charstart(s, start, ts);
    if (spaceat(s, ts, k) > 0) break;
    if (i - k > ABBREV_MAX) return 0;
    ts = k;
  }
  while (ts < i && (n = oneof(openers, s, i, ts)) > 0) ts += n;
  *t = ts;
  return i + 1 - ts;
}

/* A list number and its period ("1.", "10."): no sentence on its own,
** it opens the item after it ("8. Stop and Frisk Becomes ..."). */
static int listnumber(const char *t, size_t n) {
  size_t i;
  if (n < 2 || n > 4) return 0;
  for (i = 0; i + 1 < n; i++)
    if (t[i] < '0' || t[i] > '9') return 0;
  return 1;
}

/* Whether a period at s[i] ends the sentence, the next word starting at
** s[w] with cp. "Maj. Gen. Rupert Jones": titles never end one; "No. 2":
** nor does a number abbreviation before a digit; "the U.S. The next",
** "Acme Inc. He", "Plan B. Then": an ambiguous abbreviation or an initial
** ends one only before a word that opens sentences. */
static int periodends(const char *s, size_t len, size_t start, size_t i,
                      size_t w, int32_t cp) {
  size_t t, n = before(s, start, i, &t);
  if (n == 0) return 1;
  if (t == start && listnumber(s + t, n)) return 0;
  if (inlist(lede_lex_abbrev_titles, s + t, n)) return 0;
  if (inlist(lede_lex_abbrev_numeric, s + t, n) && lede_utf8_isdigit(cp))
    return 0;
  if (inlist(lede_lex_abbreviations, s + t, n) || dotted(s + t, n) ||
      initial(s + t, n))
    return opener(s, len, w);
  return 1;
}

/* The pronoun "I" at s[w]: it reads the same inside a sentence. */
static int pronoun(const char *s, size_t len, size_t w) {
  int32_t cp;
  if (s[w] != 'I') return 0;
  if (w + 1 == len) return 1;
  lede_utf8_next(s + w + 1, len - w - 1, &cp, NULL);
  return !lede_utf8_isalpha(cp);
}

/*
** Whether end punctuation at s[i] (closers and spaces after it up to
** `next`, the next non-space byte) ends the sentence begun at `start`.
** Never before a lower-case word ("'Why?' he asked", "e.g. rain").
** An ellipsis ends a sentence only before a capitalised word other than
** "I", and not when it opens the sentence: "discredited … People don't"
** ends, "and then … nothing" and "I thought … I knew" do not.
*/
static int ends(const char *s, size_t len, size_t start, size_t i,
                endkind kind, int closed, size_t next) {
  size_t w = next, n;
  int32_t cp;
  while (w < len && (n = oneof(openers, s, len, w)) > 0) w += n;
  if (w >= len) return 1;
  lede_utf8_next(s + w, len - w, &cp, NULL);
  if (lede_utf8_islower(cp)) return 0;
  switch (kind) {
  case END_MARK:
    return 1;
  case END_ELLIPSIS:
    return i > start && lede_utf8_isupper(cp) && !pronoun(s, len, w);
  case END_PERIOD:
    return closed || periodends(s, len, start, i, w, cp);
  }
  return 1;
}

/* Hand s[start, end) to fn, trailing spaces trimmed, unless empty. */
static int emit(const char *s, size_t start, size_t end, size_t base,
                lede_span_fn fn, void *ud) {
  lede_span span;
  end = trimend(s, start, end);
  if (end <= start) return 0;
  span.off = base + start;
  span.len = end - start;
  return fn(ud, span);
}

/* Whether s[i, e) holds two line breaks: a blank line. */
static int blank(const char *s, size_t i, size_t e) {
  const char *nl = memchr(s + i, '\n', e - i);
  return nl != NULL && memchr(nl + 1, '\n', (size_t)(s + e - nl - 1)) != NULL;
}

int lede_sentences_walk(const char *s, size_t len, size_t base,
                        lede_span_fn fn, void *ud) {
  size_t start = skipspace(s, len, 0), i = start;
  int rc;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    endkind kind;
    size_t n, e, next;
    int closed;
    if (c == '\n') {
      e = skipspace(s, len, i);
      if (blank(s, i, e)) {
        if ((rc = emit(s, start, i, base, fn, ud)) != 0) return rc;
        start = e;
      }
      i = e;
    } else if ((c == '.' || c == '!' || c == '?' || c == 0xE2) &&
               (n = endmark(s, len, i, &kind)) > 0) {
      e = closeout(s, len, i + n, &closed);
      next = skipspace(s, len, e);
      if (next > e && ends(s, len, start, i, kind, closed, next)) {
        if ((rc = emit(s, start, e, base, fn, ud)) != 0) return rc;
        start = i = next;
      } else {
        i = e;
      }
    } else {
      i++;
    }
  }
  return emit(s, start, len, base, fn, ud);
}

lede_status lede_text_sentences(const char *s, size_t len, lede_span_fn fn,
                                void *ud) {
  if ((s == NULL && len > 0) || fn == NULL) return LEDE_EINVAL;
  if (len > 0) lede_sentences_walk(s, len, 0, fn, ud);
  return LEDE_OK;
}

/* Sentences gathered for the article, before they move to its arena. */
typedef struct {
  lede_sentence *v;
  size_t n, cap;
  size_t block, paragraph;  /* where the walk is */
} gather;

static int push(void *ud, lede_span span) {
  gather *g = ud;
  if (g->n == g->cap) {
    size_t cap = g->cap * 2;
    lede_sentence *v = cap / 2 == g->cap ? realloc(g->v, cap * sizeof *v)
                                         : NULL;
    if (v == NULL) return 1;
    g->v = v;
    g->cap = cap;
  }
  g->v[g->n].span = span;
  g->v[g->n].block = g->block;
  g->v[g->n].paragraph = g->paragraph;
  g->n++;
  return 0;
}

/* Split each paragraph block on its raw bytes: hard-wrapped paragraphs
** keep their line breaks there, which read as spaces. */
static lede_status split(lede_article *a) {
  gather g = {NULL, 0, a->len / SENTENCE_BYTES + 16, 0, 0};
  size_t b;
  lede_status st = LEDE_ENOMEM;
  g.v = malloc(g.cap * sizeof *g.v);
  if (g.v == NULL) return LEDE_ENOMEM;
  for (b = 0; b < a->nblocks; b++) {
    const lede_block *k = &a->blocks[b];
    if (k->kind != LEDE_BLOCK_PARAGRAPH) continue;
    g.block = b;
    if (lede_sentences_walk(a->source + k->span.off, k->span.len,
                            k->span.off, push, &g) != 0)
      goto done;
    g.paragraph++;
  }
  if (g.n > 0) {
    a->sentences = lede_arena_alloc(&a->arena, g.n * sizeof *g.v);
    if (a->sentences == NULL) goto done;
    memcpy(a->sentences, g.v, g.n * sizeof *g.v);
  }
  a->nsentences = g.n;
  st = LEDE_OK;
done:
  free(g.v);
  return st;
}

lede_status lede_article_sentences(lede_article *a, const lede_sentence **out,
                                   size_t *n) {
  if (!a->have_sentences) {
    lede_status st = split(a);
    if (st != LEDE_OK) {
      *out = NULL;
      *n = 0;
      return st;
    }
    a->have_sentences = 1;
  }
  *out = a->sentences;
  *n = a->nsentences;
  return LEDE_OK;
}
