/*
** numbers.c: counts, ranges, years, ordinals, percentages and money read
** off the raw bytes of the body paragraphs, each with its counted noun.
** The vocabulary is in data/number-*.txt and data/currencies.txt; sentence
** boundaries come from lede_article_sentences.
*/
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "utf8.h"

/* How many words after a figure may hold its counted noun: "2,500 foreign
** ISIS fighters" needs three; further out a plural is rarely the count's. */
#define UNIT_MAXWORDS 4
/* Figures a bare day of the month cannot exceed ("Jan. 5"). */
#define DAY_MAX 31
/* "Smith, 45," is an age only below this. */
#define AGE_MAX 120
/* Years run from YEAR_MIN to YEAR_MAX: a four-digit figure outside is a
** count ("1500 people"). */
#define YEAR_MIN 1800
#define YEAR_MAX 2100

typedef enum { T_WORD, T_NUM, T_SYM } toktype;

/* One token of a paragraph's raw bytes. */
typedef struct {
  size_t off, len;  /* bytes in the source */
  toktype type;
  int gap;          /* whitespace (or the paragraph start) before it */
  int noisy;        /* in a URL, e-mail, path or hashtag ("/2017/11/13/") */
  int32_t cp;       /* T_SYM: its code point */
  double val;       /* T_NUM: its value */
  int comma;        /* T_NUM: has thousands separators ("2,500") */
  int dot;          /* T_NUM: has a decimal point ("3.2") */
  int bad;          /* T_NUM: a version or address ("1.2.3") */
  size_t digits;    /* T_NUM: digits before the point, separators excluded */
  size_t suf;       /* T_NUM: bytes of letters stuck to its end ("3rd") */
} tok;

/* A figure being read: tokens [first, end) and what they say. */
typedef struct {
  size_t first, end;
  double value, min, max;
  double base;              /* value before a magnitude scaled it */
  int scaled;               /* a magnitude word or suffix scaled it */
  int approx;
  lede_number_kind kind;
  const char *code;         /* currency code for money */
  int points;               /* "percentage points" */
  int one;                  /* the bare word "one" */
  int year;                 /* one plain four-digit figure, 1800 to 2100 */
  int of;                   /* "hundreds of": the noun comes after "of" */
  size_t uoff, ulen;        /* a unit inside the word ("two-year"), or 0 */
} figure;

/* One entry of a word list, split once per call. */
typedef struct {
  const char *e;             /* the whole entry, "KEY: TAG ARGS" */
  size_t klen;              /* bytes of KEY */
  const char *args;         /* "TAG ARGS", or "" */
} entry;

/* A word list indexed by the lower-cased first byte of its keys, so a
** look-up reads only the entries that can match. */
typedef struct {
  entry *v;                 /* entries grouped by first byte */
  size_t first[257];        /* bucket b is v[first[b]] to v[first[b + 1]] */
} lexindex;

enum { L_WORDS, L_APPROX, L_CONTEXT, L_MONEY, L_COUNT };

typedef struct {
  lede_article *a;
  const char *s;            /* a->source */
  lexindex lex[L_COUNT];    /* the lists of data/ (L_WORDS...) */
  tok *t;                   /* tokens of the current paragraph */
  size_t nt, capt;
  size_t para;              /* index of the paragraph among paragraphs */
  lede_number *out;         /* numbers found so far (malloc'd) */
  size_t n, cap;
} ctx;

/* ---- the word lists: "KEY: TAG ARGS" entries ---- */

static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int sameci(const char *a, const char *b, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) return 0;
  return 1;
}

/* The key ends at ": " ("a.m.: time"); a bare entry is all key. */
static size_t keylen(const char *e) {
  const char *p = strstr(e, ": ");
  return p != NULL ? (size_t)(p - e) : strlen(e);
}

/* Whether entry x's tag (first word of its args) is tag; "" is any. */
static int tagged(const entry *x, const char *tag) {
  size_t n = strlen(tag);
  return n == 0 || (strncmp(x->args, tag, n) == 0 &&
                    (x->args[n] == '\0' || x->args[n] == ' '));
}

/* The numeric argument after the tag (argn 0 is the first), or 0. */
static double arg(const entry *x, int argn) {
  const char *a = strchr(x->args, ' ');
  while (a != NULL && argn-- > 0) a = strchr(a + 1, ' ');
  return a != NULL ? strtod(a + 1, NULL) : 0;
}

/* The word after the tag ("USD" of "before USD"). */
static const char *word1(const entry *x) {
  const char *a = strchr(x->args, ' ');
  return a != NULL ? a + 1 : "";
}

static lede_status buildindex(lexindex *ix, const char *const *list) {
  size_t n = 0, i, b, fill[256];
  for (i = 0; list[i] != NULL; i++) n++;
  memset(ix->first, 0, sizeof ix->first);
  ix->v = malloc((n + 1) * sizeof *ix->v);
  if (ix->v == NULL) return LEDE_ENOMEM;
  for (i = 0; i < n; i++) ix->first[lower((unsigned char)list[i][0]) + 1]++;
  for (b = 1; b < 257; b++) ix->first[b] += ix->first[b - 1];
  memcpy(fill, ix->first, sizeof fill);
  for (i = 0; i < n; i++) {
    entry *x = &ix->v[fill[lower((unsigned char)list[i][0])]++];
    x->e = list[i];
    x->klen = keylen(list[i]);
    x->args = list[i][x->klen] == ':' ? list[i] + x->klen + 2 :
              list[i] + x->klen;
  }
  return LEDE_OK;
}

/* Tokens that key k (n bytes) covers from token i: a space in the key
** needs whitespace between tokens, other bytes need adjacent tokens
** ("US$" is "US" then "$"). 0 when the key does not match there. */
static size_t match(const ctx *c, size_t i, const char *k, size_t n) {
  size_t j = 0, at = i;
  while (j < n) {
    if (k[j] == ' ') {
      if (at == i || at >= c->nt || !c->t[at].gap) return 0;
      j++;
      continue;
    }
    if (at >= c->nt || (at > i && k[j - 1] != ' ' && c->t[at].gap)) return 0;
    if (c->t[at].len > n - j || !sameci(c->s + c->t[at].off, k + j,
                                        c->t[at].len))
      return 0;
    j += c->t[at].len;
    at++;
  }
  return at - i;
}

/* The longest entry of list with that tag matching at token i; *ntok gets
** the tokens it covers. NULL when none does. */
static const entry *lookup(const ctx *c, size_t i, int list, const char *tag,
                           size_t *ntok) {
  const lexindex *ix = &c->lex[list];
  const entry *best = NULL;
  size_t most = 0, b, k;
  if (i >= c->nt || c->t[i].type == T_NUM) return NULL;
  b = (size_t)lower((unsigned char)c->s[c->t[i].off]);
  for (k = ix->first[b]; k < ix->first[b + 1]; k++) {
    size_t m;
    if (!tagged(&ix->v[k], tag)) continue;
    m = match(c, i, ix->v[k].e, ix->v[k].klen);
    if (m > most) { most = m; best = &ix->v[k]; }
  }
  if (ntok != NULL) *ntok = most;
  return best;
}

static int has(const ctx *c, size_t i, int list, const char *tag) {
  return lookup(c, i, list, tag, NULL) != NULL;
}

/* The entry of list with that tag whose key is exactly s (len bytes). */
static const entry *exact(const ctx *c, int list, const char *s, size_t len,
                          const char *tag) {
  const lexindex *ix = &c->lex[list];
  size_t b, k;
  if (len == 0) return NULL;
  b = (size_t)lower((unsigned char)s[0]);
  for (k = ix->first[b]; k < ix->first[b + 1]; k++)
    if (ix->v[k].klen == len && tagged(&ix->v[k], tag) &&
        sameci(ix->v[k].e, s, len))
      return &ix->v[k];
  return NULL;
}

/* ---- tokens ---- */

static int isdig(const char *s, size_t i, size_t end) {
  return i < end && s[i] >= '0' && s[i] <= '9';
}

static int isasciialpha(int c) {
  return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

/* Chunks (runs without whitespace) holding these are addresses, paths,
** handles or hashtags: no number in them is a count. */
static int noisy(const char *s, size_t i, size_t end) {
  for (; i < end && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' &&
         s[i] != '\r'; i++) {
    if (strchr("/@_=#\\<>{}", s[i]) != NULL) return 1;
    if (i + 4 <= end && sameci(s + i, "www.", 4)) return 1;
  }
  return 0;
}

/* Read a figure's digits at i: "2,500", "3.2", then letters stuck to it. */
static size_t readnum(const char *s, size_t i, size_t end, tok *t) {
  size_t start = i;
  double frac = 0.1;
  t->type = T_NUM;
  for (; i < end; i++) {
    if (isdig(s, i, end)) {
      if (t->dot) { t->val += (s[i] - '0') * frac; frac /= 10; }
      else { t->val = t->val * 10 + (s[i] - '0'); t->digits++; }
    } else if (s[i] == ',' && !t->dot && isdig(s, i + 1, end) &&
               isdig(s, i + 2, end) && isdig(s, i + 3, end) &&
               !isdig(s, i + 4, end) && (t->comma > 0 || t->digits <= 3)) {
      t->comma++;
    } else if (s[i] == '.' && !t->dot && isdig(s, i + 1, end)) {
      t->dot = 1;
    } else {
      break;
    }
  }
  /* A second point makes a version or address ("1.2.3", "10.0.0.1"). */
  if (t->dot && i < end && s[i] == '.' && isdig(s, i + 1, end)) {
    t->bad = 1;
    while (isdig(s, i, end) || (i < end && s[i] == '.' && isdig(s, i + 1, end)))
      i++;
  }
  while (i < end && isasciialpha((unsigned char)s[i])) { i++; t->suf++; }
  return i - start;
}

/* Read a word at i: letters, with inner apostrophes and hyphens. */
static size_t readword(const char *s, size_t i, size_t end) {
  size_t start = i;
  while (i < end) {
    int32_t cp;
    size_t n = lede_utf8_next(s + i, end - i, &cp, NULL);
    if (lede_utf8_isalpha(cp)) { i += n; continue; }
    if ((cp == '\'' || cp == 0x2019 || cp == '-') && i > start && i + n < end) {
      int32_t nx;
      lede_utf8_next(s + i + n, end - i - n, &nx, NULL);
      if (lede_utf8_isalpha(nx)) { i += n; continue; }
    }
    break;
  }
  return i - start;
}

static lede_status push(ctx *c, const tok *t) {
  if (c->nt == c->capt) {
    size_t cap = c->capt ? c->capt * 2 : 256;
    tok *p = realloc(c->t, cap * sizeof *p);
    if (p == NULL) return LEDE_ENOMEM;
    c->t = p;
    c->capt = cap;
  }
  c->t[c->nt++] = *t;
  return LEDE_OK;
}

/* Split s[off, off+len) into words, figures and symbols. */
static lede_status tokenize(ctx *c, size_t off, size_t len) {
  const char *s = c->s;
  size_t i = off, end = off + len;
  int gap = 1, noise = 0;
  c->nt = 0;
  while (i < end) {
    tok t;
    int32_t cp;
    size_t n = lede_utf8_next(s + i, end - i, &cp, NULL);
    if (lede_utf8_isspace(cp)) { gap = 1; i += n; continue; }
    if (gap) noise = noisy(s, i, end);
    memset(&t, 0, sizeof t);
    t.off = i;
    t.gap = gap;
    t.noisy = noise;
    if (cp >= '0' && cp <= '9') {
      t.len = readnum(s, i, end, &t);
    } else if (lede_utf8_isalpha(cp)) {
      t.type = T_WORD;
      t.len = readword(s, i, end);
    } else {
      t.type = T_SYM;
      t.cp = cp;
      t.len = n;
    }
    if (push(c, &t) != LEDE_OK) return LEDE_ENOMEM;
    i += t.len;
    gap = 0;
  }
  return LEDE_OK;
}

/* ---- token tests ---- */

static int isword(const ctx *c, size_t i) {
  return i < c->nt && c->t[i].type == T_WORD;
}

static int isnum(const ctx *c, size_t i) {
  return i < c->nt && c->t[i].type == T_NUM;
}

static int issym(const ctx *c, size_t i, int32_t cp) {
  return i < c->nt && c->t[i].type == T_SYM && c->t[i].cp == cp;
}

static int iscap(const ctx *c, size_t i) {
  int32_t cp;
  if (!isword(c, i)) return 0;
  lede_utf8_next(c->s + c->t[i].off, c->t[i].len, &cp, NULL);
  return lede_utf8_isupper(cp);
}

/* Whether word i is text (exactly, ignoring ASCII case). */
static int is(const ctx *c, size_t i, const char *text) {
  return isword(c, i) && c->t[i].len == strlen(text) &&
         sameci(c->s + c->t[i].off, text, c->t[i].len);
}

static int ends(const ctx *c, size_t i, const char *suffix) {
  size_t n = strlen(suffix);
  return isword(c, i) && c->t[i].len >= n &&
         sameci(c->s + c->t[i].off + c->t[i].len - n, suffix, n);
}

/* Whether token i opens a sentence: nothing, or an end mark or an opening
** quote before it. */
static int opens(const ctx *c, size_t i) {
  const tok *p;
  if (i == 0) return 1;
  p = &c->t[i - 1];
  return p->type == T_SYM && (p->cp == '.' || p->cp == '!' || p->cp == '?' ||
                              p->cp == '"' || p->cp == 0x201C ||
                              p->cp == ':' || p->cp == '(');
}

/* Suffix letters of figure i equal s. */
static int suffix(const ctx *c, size_t i, const char *s) {
  const tok *t = &c->t[i];
  return t->suf == strlen(s) && sameci(c->s + t->off + t->len - t->suf, s,
                                       t->suf);
}

static int ordsuffix(const ctx *c, size_t i) {
  return suffix(c, i, "st") || suffix(c, i, "nd") || suffix(c, i, "rd") ||
         suffix(c, i, "th");
}

/* A month word before token i, as in "Jan. 5" or "March 4". */
static int monthbefore(const ctx *c, size_t i) {
  if (i >= 1 && iscap(c, i - 1) && has(c, i - 1, L_CONTEXT,
                                       "month"))
    return 1;
  return i >= 2 && issym(c, i - 1, '.') && !c->t[i - 1].gap &&
         iscap(c, i - 2) && has(c, i - 2, L_CONTEXT, "month");
}

/* ---- figures that are not numbers ---- */

/* Whether figure k may continue a phone number: plain digits, no comma
** or point. */
static int plainnum(const ctx *c, size_t k) {
  return isnum(c, k) && !c->t[k].comma && !c->t[k].dot && !c->t[k].suf;
}

/* Digit groups joined by '-' or '.' with no space, or by spaces: "555-
** 0100", "1-800-555-0100", "+1 888 391 5441". Returns the tokens of a
** phone-like chain at i, or 0. */
static size_t phone(const ctx *c, size_t i) {
  size_t k = i, groups = 1;
  int plus = i > 0 && issym(c, i - 1, '+') && !c->t[i].gap;
  for (;;) {
    if ((issym(c, k + 1, '-') || issym(c, k + 1, '.')) && !c->t[k + 1].gap &&
        plainnum(c, k + 2) && !c->t[k + 2].gap)
      k += 2;
    else if (plainnum(c, k) && plainnum(c, k + 1) && c->t[k + 1].gap)
      k += 1;
    else
      break;
    groups++;
  }
  if (groups >= 3 || (plus && groups >= 2)) return k + 1 - i;
  if (groups == 2 && k == i + 2 && c->t[i].digits == 3 &&
      c->t[i + 2].digits == 4 && !c->t[i].comma)
    return 3;
  if (groups == 2 && k == i + 2 && c->s[c->t[i + 2].off] == '0' &&
      c->t[i + 2].digits > 1)
    return 3;
  return 0;
}

/* A time of day at i: "10:30", "10 a.m.", "10am". Tokens to skip, or 0. */
static size_t clock(const ctx *c, size_t i) {
  size_t k = i, n;
  while (issym(c, k + 1, ':') && isnum(c, k + 2) && !c->t[k + 1].gap &&
         !c->t[k + 2].gap)
    k += 2;
  if (suffix(c, k, "am") || suffix(c, k, "pm")) return k + 1 - i;
  if (lookup(c, k + 1, L_CONTEXT, "time", &n) != NULL)
    return k + 1 + n - i;
  return k > i ? k + 1 - i : 0;
}

/* An age: "Smith, 45,", "aged 45", "45-year-old". */
static int age(const ctx *c, size_t i) {
  const tok *t = &c->t[i];
  if (t->comma || t->dot || t->val >= AGE_MAX) return 0;
  if (i >= 1 && has(c, i - 1, L_CONTEXT, "age")) return 1;
  if (issym(c, i + 1, '-') && !c->t[i + 1].gap && ends(c, i + 2, "-old"))
    return 1;
  /* "Jama B., 22," as well as "Smith, 45,". */
  return i >= 2 && issym(c, i - 1, ',') && issym(c, i + 1, ',') &&
         (iscap(c, i - 2) || (issym(c, i - 2, '.') && iscap(c, i - 3)));
}

/* A label or model number: a capitalised word, not opening a sentence,
** right before the figure ("Route 66", "Boeing 737", "Euro 2016"), or a
** figure stuck to letters ("G7", "F-35", "A320-200"). */
static int label(const ctx *c, size_t i) {
  const tok *t = &c->t[i];
  if (i >= 1 && !t->gap && c->t[i - 1].type == T_WORD) return 1;
  if (i >= 2 && !t->gap && issym(c, i - 1, '-') && !c->t[i - 1].gap &&
      isword(c, i - 2) && !is(c, i - 2, "mid"))
    return 1;
  /* "A320-200": the second half of a model number. */
  if (i >= 3 && !t->gap && issym(c, i - 1, '-') && isnum(c, i - 2) &&
      !c->t[i - 2].gap && isword(c, i - 3))
    return 1;
  return i >= 1 && t->gap && iscap(c, i - 1) && !opens(c, i - 1) &&
         !has(c, i - 1, L_CONTEXT, "month") &&
         !has(c, i - 1, L_CONTEXT, "stop") &&
         !has(c, i - 1, L_APPROX, "") &&
         !has(c, i - 1, L_MONEY, "");
}

/* A list or section marker opening the paragraph: "1. Celebrity", "(2)
** http", "12.1 ASML Holding", "10 Geographic Analysis", and the times of a
** live blog, "06.10 Update". Tokens to skip, or 0. */
static size_t marker(const ctx *c, size_t i) {
  const tok *t = &c->t[i];
  size_t start = issym(c, 0, '(') ? 1 : 0;
  /* "1) it's bogus 2) his ...": a closing bracket with no opening one. */
  if (issym(c, i + 1, ')') && !c->t[i + 1].gap && !issym(c, i - 1, '('))
    return 2;
  if (i != start || t->comma) return 0;
  if (issym(c, i + 1, '.') || issym(c, i + 1, ')')) return 2;
  if (t->dot && iscap(c, i + 1)) return 1;
  if (t->val < 100 && !t->suf && iscap(c, i + 1) &&
      !has(c, i + 1, L_CONTEXT, "month"))
    return 1;
  return 0;
}

/* A street number: "3845 Toolson Lane", "10 Downing Street". */
static int street(const ctx *c, size_t i) {
  size_t k;
  if (c->t[i].comma || c->t[i].dot) return 0;
  for (k = i + 1; k <= i + 3 && iscap(c, k) && c->t[k].gap; k++)
    if (k > i + 1 && has(c, k, L_CONTEXT, "street")) return 1;
  return 0;
}

/* A day of the month, "Jan. 5", "5 January", "Jan. 15-19": tokens to
** skip, or 0. */
static size_t day(const ctx *c, size_t i) {
  const tok *t = &c->t[i];
  if (t->comma || t->dot || t->val > DAY_MAX) return 0;
  if (!monthbefore(c, i) && !(iscap(c, i + 1) &&
                               has(c, i + 1, L_CONTEXT, "month")))
    return 0;
  if ((issym(c, i + 1, '-') || issym(c, i + 1, 0x2013)) && isnum(c, i + 2) &&
      c->t[i + 2].val <= DAY_MAX)
    return 3;
  return 1;
}

/* Tokens from figure i that are not a number (a time, a phone number, a
** day of the month, an age, a label, an address, a list marker), or 0
** when it may be one. */
static size_t notnumber(const ctx *c, size_t i) {
  const tok *t = &c->t[i];
  size_t k;
  if (t->noisy || t->bad) return 1;
  if ((k = marker(c, i)) > 0) return k;
  if ((k = clock(c, i)) > 0) return k;
  if ((k = phone(c, i)) > 0) return k;
  if (issym(c, i - 1, '(') && issym(c, i + 1, ')') && isnum(c, i + 2) &&
      phone(c, i + 2) > 0)
    return 2 + phone(c, i + 2);
  if ((k = day(c, i)) > 0) return k;
  /* "Harrell (24)": a shirt or reference number after a name. */
  if (issym(c, i - 1, '(') && issym(c, i + 1, ')') && iscap(c, i - 2))
    return 1;
  if (age(c, i) || label(c, i) || street(c, i)) return 1;
  return 0;
}

/* ---- reading a figure ---- */

static void scale(figure *f, double m) {
  if (!f->scaled) f->base = f->value;
  f->scaled = 1;
  f->value *= m;
  f->min *= m;
  f->max *= m;
}

/* Magnitude words after a figure: "3.2 million", "five hundred thousand". */
static size_t magnitudes(const ctx *c, size_t k, figure *f) {
  const entry *e;
  while ((e = lookup(c, k, L_WORDS, "scale", NULL)) != NULL ||
         (e = lookup(c, k, L_WORDS, "group", NULL)) != NULL) {
    scale(f, arg(e, 0));
    k++;
  }
  return k;
}

/* Value of one number word (unit or tens), or -1. */
static double wordval(const ctx *c, const char *s, size_t len, int *tens) {
  const entry *e = exact(c, L_WORDS, s, len, "unit");
  *tens = 0;
  if (e == NULL && (e = exact(c, L_WORDS, s, len, "tens")) != NULL) *tens = 1;
  return e != NULL ? arg(e, 0) : -1;
}

/* A word as a number: "seven", "twenty-five", "two-year" (the unit "year"
** stays in the word). Returns the value or -1. */
static double spelled(const ctx *c, size_t i, figure *f) {
  const char *s = c->s + c->t[i].off;
  size_t len = c->t[i].len, h;
  int tens, tens2;
  double v, v2;
  for (h = 0; h < len && s[h] != '-'; h++) {}
  v = wordval(c, s, h, &tens);
  if (v < 0 || h == len) return v;
  v2 = wordval(c, s + h + 1, len - h - 1, &tens2);
  if (v2 >= 0) return tens && !tens2 && v2 < 10 ? v + v2 : -1;
  /* "two-year", not "two-thirds", "two-year-old" or "one-sided". */
  if (v == 1 || ends(c, i, "-old") || ends(c, i, "th") ||
      ends(c, i, "ths") || ends(c, i, "third") || ends(c, i, "thirds") ||
      ends(c, i, "half") || ends(c, i, "quarter") || ends(c, i, "quarters") ||
      ends(c, i, "halves") || ends(c, i, "ed") || ends(c, i, "nil"))
    return -1;
  f->uoff = c->t[i].off + h + 1;
  f->ulen = len - h - 1;
  return v;
}

/* Whether number word v may follow the group so far: "twenty five"
** yes, "five twenty" or "two three" no. */
static int follows(double group, double v) {
  long long low = (long long)group % 100;
  return low == 0 || (low >= 20 && low % 10 == 0 && v < 10);
}

/* Number words from i: "two hundred and fifty thousand", "a dozen". */
static size_t words(const ctx *c, size_t i, figure *f) {
  double total = 0, group = 0, v;
  size_t k = i;
  int any = 0, tens;
  const entry *e;
  figure w;
  double lead = is(c, k, "half") ? 0.5 : 1;  /* "half a million" */
  if (lead < 1) k++;
  if ((is(c, k, "a") || is(c, k, "an")) &&
      (has(c, k + 1, L_WORDS, "group") ||
       has(c, k + 1, L_WORDS, "scale"))) {
    group = lead;
    any = 1;
    k++;
  } else if (lead < 1) {
    return 0;
  }
  for (; k < c->nt; k++) {
    w = *f;
    if (isword(c, k) && (v = spelled(c, k, &w)) >= 0) {
      if (any && !follows(group, v)) break;
      group += v;
      any = 1;
      *f = w;
      if (f->ulen > 0) { k++; break; }
    } else if (any && (e = lookup(c, k, L_WORDS, "group",
                                  NULL)) != NULL) {
      group = (group > 0 ? group : 1) * arg(e, 0);
      f->scaled = 1;
    } else if (any && (e = lookup(c, k, L_WORDS, "scale",
                                  NULL)) != NULL) {
      total += (group > 0 ? group : 1) * arg(e, 0);
      group = 0;
      f->scaled = 1;
    } else if (any && is(c, k, "and") && isword(c, k + 1) &&
               wordval(c, c->s + c->t[k + 1].off, c->t[k + 1].len,
                       &tens) >= 0 &&
               ((long long)(total + group)) % 100 == 0) {
      continue;  /* "three hundred and fifty" */
    } else {
      break;
    }
  }
  if (!any) return 0;
  f->value = f->min = f->max = f->base = total + group;
  f->one = k == i + 1 && f->value == 1 && f->ulen == 0;
  return k;
}

/* "several thousand", "a few hundred": a vague count of a magnitude. */
static size_t vague(const ctx *c, size_t i, figure *f) {
  size_t n, k;
  const entry *e = lookup(c, i, L_WORDS, "vague", &n);
  if (e == NULL) return 0;
  f->value = f->min = arg(e, 0);
  f->max = arg(e, 1);
  k = magnitudes(c, i + n, f);
  if (!f->scaled) return 0;
  f->approx = 1;
  return k;
}

/* "hundreds of", "tens of thousands of": a plural magnitude before "of",
** read as 2 to 10 times it, less one ("hundreds": 200 to 999). */
static size_t plural(const ctx *c, size_t i, figure *f) {
  double m = 1;
  size_t k = i;
  int tens;
  while (isword(c, k) && ends(c, k, "s") && is(c, k + 1, "of")) {
    const tok *t = &c->t[k];
    const entry *e = exact(c, L_WORDS, c->s + t->off, t->len - 1, "group");
    double v;
    if (e == NULL) e = exact(c, L_WORDS, c->s + t->off, t->len - 1, "scale");
    v = e != NULL ? arg(e, 0) : -1;
    if (v < 0 && k == i && t->len == 4 &&
        wordval(c, c->s + t->off, 3, &tens) == 10)
      v = 10;  /* "tens of thousands" */
    if (v < 0) break;
    m *= v;
    k += 2;
  }
  if (k == i || (m == 10 && k == i + 2)) return 0;
  f->value = f->min = f->base = 2 * m;
  f->max = 10 * m - 1;
  f->approx = 1;
  f->scaled = 1;
  f->of = 1;
  return k - 1;  /* the last "of" is not part of the figure */
}

/* The magnitude entry of the letters stuck to figure i ("bn"), or NULL. */
static const entry *sufentry(const ctx *c, size_t i) {
  const tok *t = &c->t[i];
  return exact(c, L_WORDS, c->s + t->off + t->len - t->suf, t->suf, "suffix");
}

/* A figure in digits at i: "2,500", "3.2 million", "5bn" (money only). */
static size_t digits(const ctx *c, size_t i, figure *f, int money) {
  const tok *t = &c->t[i];
  const entry *e;
  f->value = f->min = f->max = f->base = t->val;
  if (t->suf > 0 && !ordsuffix(c, i)) {
    if (t->suf == 1 && suffix(c, i, "s") && t->digits == 4 && !t->comma &&
        !t->dot && (long long)t->val % 10 == 0) {
      f->kind = LEDE_NUMBER_YEAR;  /* "the 1990s" */
      f->max = f->value + 9;
      f->approx = 1;
      return i + 1;
    }
    e = sufentry(c, i);
    if (e == NULL || !money) return 0;
    scale(f, arg(e, 0));
    return i + 1;
  }
  if (ordsuffix(c, i)) {
    f->kind = LEDE_NUMBER_ORDINAL;
    return i + 1;
  }
  f->year = t->digits == 4 && !t->comma && !t->dot && t->val >= YEAR_MIN &&
            t->val <= YEAR_MAX;
  i = magnitudes(c, i + 1, f);
  if (money && !f->scaled &&
      (e = lookup(c, i, L_WORDS, "suffix", NULL)) != NULL) {
    scale(f, arg(e, 0));
    i++;
  }
  if (f->scaled) f->year = 0;
  return i;
}

/* A currency before the figure at i ("$", "US$", "USD"); tokens or 0. */
static size_t before(const ctx *c, size_t i, figure *f) {
  size_t n;
  const entry *e = lookup(c, i, L_MONEY, "before", &n);
  if (e == NULL) e = lookup(c, i, L_MONEY, "either", &n);
  if (e == NULL || !isnum(c, i + n)) return 0;
  f->code = word1(e);
  f->kind = LEDE_NUMBER_MONEY;
  return n;
}

/* The figure proper at i, a currency before it included. */
static size_t bare(const ctx *c, size_t i, figure *f) {
  size_t k = i + before(c, i, f);
  if (isnum(c, k)) {
    size_t skip = notnumber(c, k);
    if (skip > 0) { f->end = k + skip; return 0; }
    return digits(c, k, f, f->code != NULL);
  }
  if (f->code != NULL) return 0;
  if ((k = vague(c, i, f)) > 0) return k;
  if ((k = plural(c, i, f)) > 0) return k;
  return words(c, i, f);
}

/* What follows a figure at k: "%", "percent", "dollars", "USD". */
static size_t after(const ctx *c, size_t k, figure *f) {
  size_t n;
  const entry *e;
  if (f->kind == LEDE_NUMBER_ORDINAL || f->kind == LEDE_NUMBER_YEAR) return k;
  if ((e = lookup(c, k, L_WORDS, "percent", &n)) != NULL ||
      (e = lookup(c, k, L_WORDS, "points", &n)) != NULL) {
    if (f->kind == LEDE_NUMBER_MONEY) return k;
    f->kind = LEDE_NUMBER_PERCENT;
    f->points = tagged(e, "points");
    return k + n;
  }
  if (f->of && (lookup(c, k + 1, L_MONEY, "after", NULL) ||
                lookup(c, k + 1, L_MONEY, "either", NULL)))
    k++;  /* "millions of dollars" */
  if ((e = lookup(c, k, L_MONEY, "after", &n)) != NULL ||
      (e = lookup(c, k, L_MONEY, "either", &n)) != NULL) {
    if (f->code == NULL) f->code = word1(e);
    f->kind = LEDE_NUMBER_MONEY;
    return k + n;
  }
  return k;
}

/* One figure at i with what follows it; end of its tokens, or 0. */
static size_t amount(const ctx *c, size_t i, figure *f) {
  size_t k;
  memset(f, 0, sizeof *f);
  f->kind = LEDE_NUMBER_CARDINAL;
  f->first = i;
  k = bare(c, i, f);
  if (k == 0) return 0;
  f->end = after(c, k, f);
  return f->end;
}

/* ---- ranges ---- */

/* The joining word or dash at k: "to", "and" after "between", "-", "–". */
static size_t joiner(const ctx *c, size_t k, int between) {
  if (is(c, k, "to") || (between && is(c, k, "and"))) return 1;
  if (issym(c, k, 0x2013)) return 1;
  if (issym(c, k, '-') && !c->t[k].gap && k + 1 < c->nt && !c->t[k + 1].gap)
    return 1;
  return 0;
}

/* Join two figures into a range when the second is larger: "5 to 10
** million" shares the magnitude, "5 to 10 percent" the kind. */
static int join(figure *lo, const figure *hi) {
  figure l = *lo;
  lede_number_kind hk;
  if (!l.scaled && hi->scaled && l.value < hi->base) scale(&l, hi->value /
                                                          hi->base);
  hk = hi->kind == LEDE_NUMBER_CARDINAL ? l.kind : hi->kind;
  if (l.kind == LEDE_NUMBER_CARDINAL) l.kind = hk;
  if (l.code == NULL) l.code = hi->code;
  if (l.kind != hk || l.value >= hi->value) return 0;
  l.max = hi->max;
  l.points = hi->points;
  l.approx |= hi->approx;
  l.end = hi->end;
  l.year = 0;
  if (lo->year && hi->year) l.kind = LEDE_NUMBER_YEAR;
  *lo = l;
  return 1;
}

/* "2016-17": a season or term, the second year in two digits. */
static int season(const ctx *c, size_t k, figure *f) {
  const tok *t = &c->t[k];
  double y;
  if (!f->year || !isnum(c, k) || t->digits != 2 || t->comma || t->dot ||
      t->suf)
    return 0;
  y = f->value - (double)((long long)f->value % 100) + t->val;
  if (y <= f->value) return 0;
  f->kind = LEDE_NUMBER_YEAR;
  f->max = y;
  f->end = k + 1;
  return 1;
}

/* A range from figure f on, or f alone. Returns f->end, or the tokens to
** skip when a dash joins two figures the wrong way round (a score,
** "3-2"). */
static size_t range(const ctx *c, figure *f, int between) {
  size_t k = f->end, j = joiner(c, k, between);
  figure hi;
  int dash = j && !isword(c, k);
  if (j == 0 || f->kind == LEDE_NUMBER_ORDINAL) return f->end;
  if (dash && season(c, k + 1, f)) return f->end;
  if (amount(c, k + 1, &hi) == 0 || hi.kind == LEDE_NUMBER_ORDINAL)
    return f->end;
  if (join(f, &hi)) return f->end;
  if (dash) { f->end = hi.end; return 0; }
  return f->end;
}

/* ---- the counted noun ---- */

/* A plural by its ending: "fighters", "Indonesians"; not "ISIS",
** "access", "census", "Iraq's". */
static int plural_word(const ctx *c, size_t i) {
  const char *s = c->s + c->t[i].off;
  size_t n = c->t[i].len;
  if (n < 3 || s[n - 1] != 's') return 0;
  return !ends(c, i, "ss") && !ends(c, i, "us") && !ends(c, i, "is") &&
         !ends(c, i, "'s") && !ends(c, i, "\xE2\x80\x99s");
}

/* Tokens of a dotted abbreviation at k ("U.S.", "U.K."), or 0. */
static size_t dotted(const ctx *c, size_t k) {
  size_t j = k;
  while (isword(c, j) && c->t[j].len <= 2 && iscap(c, j) &&
         issym(c, j + 1, '.') && !c->t[j + 1].gap && (j == k || !c->t[j].gap))
    j += 2;
  return j - k >= 4 ? j - k : 0;
}

/* The counted noun in the words from k. For a plural count, the first
** plural (or listed noun), stepping over the words before it ("2,500
** foreign ISIS fighters", "33 million commercial airline departures");
** for one, the first word that is not capitalised or a listed adjective
** ("one foreign fighter"). Stops at punctuation, a function word or
** UNIT_MAXWORDS words. */
static size_t noun(const ctx *c, size_t k, double value) {
  size_t w, d;
  for (w = 0; w < UNIT_MAXWORDS && isword(c, k) && c->t[k].gap; w++) {
    if ((d = dotted(c, k)) > 0) { k += d; continue; }
    if (has(c, k, L_CONTEXT, "stop")) break;
    if (has(c, k, L_CONTEXT, "noun")) return k;
    if (value != 1 && plural_word(c, k)) return k;
    if (value == 1 && !iscap(c, k) &&
        !has(c, k, L_CONTEXT, "adjective"))
      return k;
    k++;
  }
  return LEDE_NONE;
}

/* A rate's period after a figure: "2,000 a month", "per year". */
static size_t period(const ctx *c, size_t k) {
  if (!(is(c, k, "a") || is(c, k, "an") || is(c, k, "per") ||
        is(c, k, "each") || is(c, k, "every")))
    return LEDE_NONE;
  return has(c, k + 1, L_WORDS, "period") ? k + 1 : LEDE_NONE;
}

/* ---- emitting ---- */

static lede_status emit(ctx *c, const figure *f, size_t unit) {
  lede_number *d;
  const tok *a = &c->t[f->first], *z = &c->t[f->end - 1];
  if (c->n == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 32;
    lede_number *p = realloc(c->out, cap * sizeof *p);
    if (p == NULL) return LEDE_ENOMEM;
    c->out = p;
    c->cap = cap;
  }
  d = &c->out[c->n++];
  memset(d, 0, sizeof *d);
  d->span.off = a->off;
  d->span.len = z->off + z->len - a->off;
  d->kind = f->kind;
  d->value = f->value;
  d->min = f->min < f->value ? f->min : f->value;
  d->max = f->max > f->value ? f->max : f->value;
  d->approximate = f->approx;
  d->sentence = LEDE_NONE;
  d->paragraph = c->para;
  if (f->kind == LEDE_NUMBER_MONEY) d->unit = f->code;
  else if (f->points) d->unit = "percentage points";
  else if (f->ulen > 0)
    d->unit = lede_arena_strndup(&c->a->arena, c->s + f->uoff, f->ulen);
  else if (unit != LEDE_NONE)
    d->unit = lede_arena_strndup(&c->a->arena, c->s + c->t[unit].off,
                                 c->t[unit].len);
  if ((f->ulen > 0 || unit != LEDE_NONE) && d->unit == NULL)
    return LEDE_ENOMEM;
  return LEDE_OK;
}

/* "the second", "its third": an ordinal word needs a determiner. */
static size_t ordword(const ctx *c, size_t i, figure *f) {
  const char *s = c->s + c->t[i].off;
  const entry *e;
  size_t len = c->t[i].len, h;
  int tens;
  double v = 0;
  if (i == 0 || !has(c, i - 1, L_CONTEXT, "determiner") ||
      !c->t[i].gap)
    return 0;
  /* "a third of the cases" is a fraction. */
  if ((is(c, i - 1, "a") || is(c, i - 1, "one")) && is(c, i + 1, "of"))
    return 0;
  /* "This Fourth Turning", "the First Amendment": part of a name. */
  if (iscap(c, i) && !opens(c, i - 1)) return 0;
  /* "twenty-first", "second-largest". */
  for (h = 0; h < len && s[h] != '-'; h++) {}
  if (h < len && (v = wordval(c, s, h, &tens)) >= 0 && tens) {
    s += h + 1;
    len -= h + 1;
    for (h = 0; h < len && s[h] != '-'; h++) {}
  } else {
    v = 0;
  }
  e = exact(c, L_WORDS, s, h, "ordinal");
  /* "second-largest" is a place, "third-party" is not. */
  if (e == NULL || (h < len && !(len > 3 && sameci(s + len - 3, "est", 3))))
    return 0;
  memset(f, 0, sizeof *f);
  f->first = i;
  f->end = i + 1;
  f->kind = LEDE_NUMBER_ORDINAL;
  f->value = f->min = f->max = v + arg(e, 0);
  return i + 1;
}

/* "No. 2", "No.6": a rank. */
static size_t rank(const ctx *c, size_t i, figure *f) {
  if (!is(c, i, "no") || !issym(c, i + 1, '.') || c->t[i + 1].gap ||
      !isnum(c, i + 2) || c->t[i + 2].suf || c->t[i + 2].dot ||
      c->t[i + 2].noisy)
    return 0;
  memset(f, 0, sizeof *f);
  f->first = i;
  f->end = i + 3;
  f->kind = LEDE_NUMBER_ORDINAL;
  f->value = f->min = f->max = c->t[i + 2].val;
  return i + 3;
}

/* A unit joined by a hyphen: "10-year", "5-member". */
static void hyphenunit(const ctx *c, figure *f) {
  size_t k = f->end, h;
  const char *w;
  if (!issym(c, k, '-') || c->t[k].gap || !isword(c, k + 1) ||
      c->t[k + 1].gap)
    return;
  w = c->s + c->t[k + 1].off;
  h = c->t[k + 1].len;
  if (h > 3 && (sameci(w + h - 2, "ed", 2) || sameci(w + h - 3, "ing", 3)))
    return;
  f->uoff = c->t[k + 1].off;
  f->ulen = h;
}

/* Decide the figure's kind from its context and emit it. "one" counts
** only before a counted noun and not after "no", "the", "any" ("one of
** the", "no one"); a year followed by a counted noun is a count ("2000
** people") unless a determiner comes first ("the 2016 elections"). */
static lede_status settle(ctx *c, figure *f) {
  size_t u = LEDE_NONE;
  int det = f->first > 0 && has(c, f->first - 1, L_CONTEXT,
                                "determiner");
  if (f->kind == LEDE_NUMBER_CARDINAL) {
    if (f->ulen == 0 && !f->year) hyphenunit(c, f);
    if (f->ulen == 0) u = noun(c, f->end + f->of, f->value);
    if (u == LEDE_NONE && f->ulen == 0) u = period(c, f->end);
  }
  if (f->one && (u == LEDE_NONE ||
                 (f->first > 0 && has(c, f->first - 1,
                                      L_CONTEXT, "pronoun"))))
    return LEDE_OK;
  if (f->year && f->kind == LEDE_NUMBER_CARDINAL &&
      (u == LEDE_NONE || det)) {
    f->kind = LEDE_NUMBER_YEAR;
    u = LEDE_NONE;
  }
  return emit(c, f, u);
}

/* Read numbers at token i; returns the next token to look at. */
static size_t scan(ctx *c, size_t i, lede_status *st) {
  figure f;
  size_t n = 0, k, next;
  int approx = 0, between = 0;
  if ((k = rank(c, i, &f)) > 0 || (k = ordword(c, i, &f)) > 0) {
    *st = emit(c, &f, LEDE_NONE);
    return k;
  }
  if (lookup(c, i, L_APPROX, "", &n) != NULL) approx = 1;
  else if (is(c, i, "between")) between = n = 1;
  if (amount(c, i + n, &f) == 0) {
    if (f.end > i + n) return f.end;  /* not a number: skip it all */
    return i + 1;
  }
  f.approx |= approx;
  next = range(c, &f, between);
  if (next == 0) return f.end;
  *st = settle(c, &f);
  return next;
}

/* Numbers of one paragraph's raw bytes. */
static lede_status paragraph(ctx *c, const lede_block *b) {
  lede_status st = LEDE_OK;
  size_t i = 0;
  if (tokenize(c, b->span.off, b->span.len) != LEDE_OK) return LEDE_ENOMEM;
  while (i < c->nt && st == LEDE_OK) i = scan(c, i, &st);
  return st;
}

/* Each number's sentence: the one whose span holds it. Both lists are in
** source order, so one forward walk does it. */
static lede_status sentences(lede_article *a, lede_number *v, size_t n) {
  const lede_sentence *s;
  size_t ns, i, j = 0;
  lede_status st = lede_article_sentences(a, &s, &ns);
  if (st != LEDE_OK) return st;
  for (i = 0; i < n; i++) {
    size_t from = v[i].span.off, to = from + v[i].span.len;
    while (j < ns && s[j].span.off + s[j].span.len < to) j++;
    if (j < ns && s[j].span.off <= from &&
        to <= s[j].span.off + s[j].span.len)
      v[i].sentence = j;
  }
  return LEDE_OK;
}

lede_status lede_article_numbers(lede_article *a, const lede_number **out,
                                 size_t *n) {
  static const char *const *const lists[L_COUNT] = {
    lede_lex_number_words, lede_lex_number_approx, lede_lex_number_context,
    lede_lex_currencies
  };
  ctx c;
  size_t i;
  lede_status st = LEDE_OK;
  if (a->have_numbers) goto done;
  memset(&c, 0, sizeof c);
  c.a = a;
  c.s = a->source;
  for (i = 0; i < L_COUNT && st == LEDE_OK; i++) st = buildindex(&c.lex[i],
                                                                lists[i]);
  for (i = 0; i < a->nblocks && st == LEDE_OK; i++) {
    if (a->blocks[i].kind != LEDE_BLOCK_PARAGRAPH) continue;
    st = paragraph(&c, &a->blocks[i]);
    c.para++;
  }
  if (st == LEDE_OK && c.n > 0) {
    a->numbers = lede_arena_alloc(&a->arena, c.n * sizeof *a->numbers);
    if (a->numbers == NULL) st = LEDE_ENOMEM;
    else memcpy(a->numbers, c.out, c.n * sizeof *a->numbers);
  }
  if (st == LEDE_OK) st = sentences(a, a->numbers, c.n);
  for (i = 0; i < L_COUNT; i++) free(c.lex[i].v);
  free(c.t);
  free(c.out);
  if (st != LEDE_OK) goto fail;
  a->nnumbers = c.n;
  a->have_numbers = 1;
done:
  *out = a->numbers;
  *n = a->nnumbers;
  return LEDE_OK;
fail:
  a->numbers = NULL;
  *out = NULL;
  *n = 0;
  return st;
}

const char *lede_number_kind_name(lede_number_kind kind) {
  static const char *const names[LEDE_NUMBER_KIND_COUNT] = {
    "cardinal", "ordinal", "year", "percent", "money"
  };
  if ((int)kind < 0 || kind >= LEDE_NUMBER_KIND_COUNT) return NULL;
  return names[kind];
}
