/*
** names.c: people's names in author lines and bios, and the authors list.
** A name is 2 to 5 capitalised words ("Natalie Johnson", "J. R. Ortiz",
** "Ana de la Cruz"); outlet words ("The Example Post") are not names.
*/
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "utf8.h"

#define NAME_MAXWORDS 5     /* "Maria del Carmen Ruiz Lopez" */
#define BYLINE_MAXWORDS 24  /* "By A, B and C, The Example Post, Lisbon" */
#define MAXLINKS 16         /* labels kept from one link line */

static const char *const particles[] = {
  "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la",
  "le", "al", "el", "bin", "ibn", "st.", "y", NULL
};

/* Bytes of the word at s: up to a space, comma, semicolon or bar. */
static size_t wordend(const char *s, size_t len) {
  size_t i = 0;
  while (i < len && s[i] != ' ' && s[i] != ',' && s[i] != ';' && s[i] != '|')
    i++;
  return i;
}

/* A capitalised word of letters, apostrophes, hyphens and dots, or an
** initial ("J."); "Jr." and "III" pass too. */
static int nameword(const char *s, size_t n) {
  size_t i = 0;
  int32_t cp;
  int letters = 0;
  i += lede_utf8_next(s, n, &cp, NULL);
  if (!lede_utf8_isupper(cp)) return 0;
  letters++;
  while (i < n) {
    i += lede_utf8_next(s + i, n - i, &cp, NULL);
    if (lede_utf8_isalpha(cp)) letters++;
    else if (cp != '\'' && cp != 0x2019 && cp != '-' && cp != '.') return 0;
  }
  return letters > 0;
}

static int particle(const char *s, size_t n) {
  return lede_lex_is(particles, s, n);
}

/* A word that makes a phrase an outlet, desk or role rather than a name. */
static int notname(const char *s, size_t n) {
  while (n > 0 && (s[n - 1] == '.' || s[n - 1] == ':')) n--;
  return lede_lex_is(lede_lex_outlet_words, s, n) ||
         lede_lex_is(lede_lex_links, s, n) ||
         lede_lex_is(lede_lex_datetime, s, n) ||
         lede_lex_is((const char *const[]){"the", "by", "a", "an", NULL}, s, n);
}

size_t lede_name_prefix(const char *s, size_t len) {
  size_t i = 0, words = 0, caps = 0, end = 0;
  while (i < len && words < NAME_MAXWORDS) {
    size_t n = wordend(s + i, len - i);
    if (n == 0 || notname(s + i, n)) break;
    if (nameword(s + i, n)) {
      caps++;
      end = i + n;  /* a name ends on a capitalised word, not "de" */
    } else if (!(particle(s + i, n) && words > 0)) {
      break;
    }
    words++;
    if (i + n >= len || s[i + n] != ' ') break;
    i += n + 1;
  }
  /* A trailing particle or a lone word is not a name. */
  return caps >= 2 ? end : 0;
}

int lede_name_is(const char *s, size_t len) {
  return len > 0 && lede_name_prefix(s, len) == len;
}

/* Openings of an author line, longest first where one starts another. */
static const char *const openers[] = {
  "posted by ", "written by ", "story by ", "words by ", "reported by ",
  "authors: ", "author: ", "by: ", "by ", "-- ", "\xe2\x80\x94 ",
  "\xe2\x80\x93 ", "- ", NULL
};

static size_t opener1(const char *s, size_t len) {
  const char *const *o;
  for (o = openers; *o != NULL; o++) {
    size_t n = strlen(*o);
    if (len > n && lede_lex_prefix((const char *const[]){*o, NULL}, s, len))
      return n;
  }
  return 0;
}

/* Openers chain: "-- By Michael Russell", "Posted on by X". */
static size_t opener(const char *s, size_t len) {
  size_t o = opener1(s, len);
  if (o > 0) o += opener1(s + o, len - o);
  else if (len > 13 && lede_lex_prefix((const char *const[]){"posted on by ",
                                                            NULL}, s, len))
    o = 13;
  return o;
}

/* Whether s has " | " link labels such as "Full Bio" or "RSS". */
static int haslinks(const char *s, size_t len) {
  const char *bar = memchr(s, '|', len);
  return bar != NULL && lede_lex_contains(lede_lex_links, s, len);
}

/* Bytes of a one-word pen name after an opener ("Posted on by
** willyloman", "by Giovani – Site.com"): the word must end the line or
** stand before a dash or comma. 0 if there is none. */
static size_t penname(const char *s, size_t len) {
  size_t n = wordend(s, len), i;
  for (i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (!(c >= 0x80 || c == '_' || (c >= '0' && c <= '9') ||
          ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')))
      return 0;
  }
  if (n == 0 || notname(s, n)) return 0;
  if (n == len || s[n] == ',') return n;
  return n + 2 < len && s[n] == ' ' && (s[n + 1] == '-' || s[n + 1] == '|' ||
                                        (unsigned char)s[n + 1] == 0xE2)
             ? n : 0;
}

/* "Stevie Martin | Staff Writer | Tuesday, 25 November 2014": a name,
** then a bar. */
static int barred(const char *s, size_t len) {
  size_t n = lede_name_prefix(s, len);
  return n > 0 && n + 3 < len && memcmp(s + n, " | ", 3) == 0;
}

int lede_name_byline(const char *s, size_t len, size_t words) {
  size_t o;
  if (words > BYLINE_MAXWORDS) return 0;
  if (haslinks(s, len)) return lede_name_prefix(s, len) > 0;
  if (barred(s, len)) return 1;
  o = opener(s, len);
  if (o == 0 || s[0] == '-' || (unsigned char)s[0] == 0xE2) {
    if (o == 0) return 0;
    return lede_name_prefix(s + o, len - o) > 0;  /* "-- Priya Raman" */
  }
  /* "By the end of the day, ..." is a sentence: a name must follow. */
  return lede_name_prefix(s + o, len - o) > 0 ||
         (words <= 8 && penname(s + o, len - o) > 0);
}

/* ---- the authors list ---- */

typedef struct {
  lede_article *a;
  size_t cap;  /* room in a->authors */
} authors;

static int samename(const char *a, const char *b) {
  size_t n = strlen(a);
  return n == strlen(b) && lede_lex_is((const char *const[]){a, NULL}, b, n);
}

/* A name as a reader writes it: words printed in capitals ("JANE DOE",
** "Jay SYRMOPOULOS") in name case; two-letter ones ("MJ Lee") kept. */
static char *capsname(lede_arena *ar, const char *s, size_t n) {
  char *out = lede_arena_strndup(ar, s, n);
  size_t i = 0;
  if (out == NULL) return NULL;
  while (i < n) {
    size_t b = i, lower = 0, letters = 0, o;
    char *w;
    while (i < n && s[i] != ' ') {
      if (s[i] >= 'a' && s[i] <= 'z') lower++;
      if (((unsigned char)s[i] | 0x20) >= 'a' && ((unsigned char)s[i] | 0x20) <= 'z')
        letters++;
      i++;
    }
    if (lower == 0 && letters >= 3) {
      w = lede_utf8_namecase(ar, s + b, i - b);
      if (w == NULL) return NULL;
      o = strlen(w);
      if (o == i - b) memcpy(out + b, w, o);  /* same length in UTF-8 */
    }
    i++;
  }
  return out;
}

/* Index of the author named s (n bytes), adding one when new; -1 on OOM. */
static long addauthor(authors *au, const char *s, size_t n) {
  lede_article *a = au->a;
  char *name = capsname(&a->arena, s, n);
  size_t i;
  if (name == NULL) return -1;
  for (i = 0; i < a->nauthors; i++)
    if (samename(a->authors[i].name, name)) return (long)i;
  if (a->nauthors == au->cap) {
    size_t cap = au->cap ? au->cap * 2 : 4;
    lede_author *p = lede_arena_alloc(&a->arena, cap * sizeof *p);
    if (p == NULL) return -1;
    if (a->nauthors > 0) memcpy(p, a->authors, a->nauthors * sizeof *p);
    a->authors = p;
    au->cap = cap;
  }
  memset(&a->authors[a->nauthors], 0, sizeof a->authors[0]);
  a->authors[a->nauthors].name = name;
  return (long)a->nauthors++;
}

/* Link labels after the first bar: "Email Natalie | Full Bio | RSS" gives
** Email, Full Bio, RSS (the author's own name is dropped from a label). */
static lede_status addlinks(authors *au, long who, const char *s, size_t len,
                            size_t namelen) {
  lede_article *a = au->a;
  const char *labels[MAXLINKS];
  size_t nl = 0, i = namelen;
  const char **arr;
  while (i < len && nl < MAXLINKS) {
    size_t b, e;
    while (i < len && (s[i] == ' ' || s[i] == '|')) i++;
    b = i;
    while (i < len && s[i] != '|') i++;
    e = i;
    while (e > b && s[e - 1] == ' ') e--;
    if (e > b) {
      size_t k = lede_lex_prefix(lede_lex_links, s + b, e - b);
      if (k == 0) k = e - b;
      labels[nl] = lede_arena_strndup(&a->arena, s + b, k);
      if (labels[nl] == NULL) return LEDE_ENOMEM;
      nl++;
    }
  }
  arr = lede_arena_alloc(&a->arena, (nl + 1) * sizeof *arr);
  if (arr == NULL) return LEDE_ENOMEM;
  memcpy(arr, labels, nl * sizeof *arr);
  a->authors[who].links = (const char *const *)arr;
  a->authors[who].nlinks = nl;
  return LEDE_OK;
}

/* End of the names part of an author line: at a colon, a bar, a dash, or
** " on " (Posted by A on 20 Sep 2016). */
static size_t namesend(const char *s, size_t len) {
  size_t i;
  for (i = 0; i < len; i++) {
    if (s[i] == ':' || s[i] == '|' || s[i] == '(') return i;
    if (i + 3 < len && (memcmp(s + i, " - ", 3) == 0 ||
                        memcmp(s + i, " / ", 3) == 0 ||
                        memcmp(s + i, " on ", 4) == 0 ||
                        memcmp(s + i, " at ", 4) == 0))
      return i;
    if (i + 4 < len && s[i] == ' ' && (unsigned char)s[i + 1] == 0xE2 &&
        (unsigned char)s[i + 2] == 0x80 &&
        ((unsigned char)s[i + 3] == 0x94 || (unsigned char)s[i + 3] == 0x93))
      return i;
  }
  return len;
}

/* Split "A, B and C, The Example Post" at commas, "and" and "&"; keep the
** parts that are names. */
static lede_status bylinenames(authors *au, const char *s, size_t len,
                               long *last) {
  size_t i = 0;
  while (i < len) {
    size_t b = i, n;
    while (i < len && s[i] != ',' && s[i] != ';' && s[i] != '&' &&
           !(i + 5 <= len && memcmp(s + i, " and ", 5) == 0) &&
           !(i + 5 <= len && memcmp(s + i, " AND ", 5) == 0))
      i++;
    while (b < i && s[b] == ' ') b++;
    n = lede_name_prefix(s + b, i - b);
    if (n > 0) {  /* "Michael Russell Follow @handle" keeps the name */
      long who = addauthor(au, s + b, n);
      if (who < 0) return LEDE_ENOMEM;
      *last = who;
    }
    if (i < len) i += (s[i] == ' ') ? 5 : 1;
  }
  return LEDE_OK;
}

static lede_status readbyline(authors *au, const lede_block *b) {
  const char *s = b->text;
  size_t len = b->text_len, o, n;
  long who = -1;
  lede_status st;
  if (haslinks(s, len) || barred(s, len)) {
    n = lede_name_prefix(s, len);
    if (!haslinks(s, len)) return addauthor(au, s, n) < 0 ? LEDE_ENOMEM
                                                         : LEDE_OK;
    if (n == 0) return LEDE_OK;
    who = addauthor(au, s, n);
    if (who < 0) return LEDE_ENOMEM;
    return addlinks(au, who, s, len, n);
  }
  o = opener(s, len);
  st = bylinenames(au, s + o, namesend(s + o, len - o), &who);
  if (st == LEDE_OK && who < 0 && o > 0 && (n = penname(s + o, len - o)) > 0)
    who = addauthor(au, s + o, n);
  return who < -1 ? LEDE_ENOMEM : st;
}

/* Attach a bio to the author whose name (or surname) starts it; a bio
** naming someone else adds that person. */
static lede_status readbio(authors *au, const lede_block *b) {
  lede_article *a = au->a;
  const char *s = b->text;
  size_t len = b->text_len, n, i;
  if (len > 4 && (s[0] == '-' || (unsigned char)s[0] == 0xE2)) {
    while (len > 0 && s[0] != ' ') { s++; len--; }  /* "— Tom Rogan is" */
    while (len > 0 && s[0] == ' ') { s++; len--; }
  }
  n = lede_name_prefix(s, len);
  long who = -1;
  for (i = 0; n > 0 && i < a->nauthors; i++) {
    const char *name = a->authors[i].name;
    const char *sur = strrchr(name, ' ');
    sur = sur ? sur + 1 : name;
    size_t k = strlen(sur);
    /* The full name, or the surname as a whole word: "Lee is", not
    ** "Leeann Park is". */
    if ((strlen(name) == n && strncmp(name, s, n) == 0) ||
        (k <= len && strncmp(sur, s, k) == 0 &&
         (k == len || s[k] == ' ' || s[k] == ',')))
      who = (long)i;
  }
  if (who < 0 && n > 0) who = addauthor(au, s, n);
  if (who < 0 && a->nauthors > 0) who = (long)a->nauthors - 1;
  if (who == -1) return LEDE_OK;
  if (who < -1) return LEDE_ENOMEM;
  if (a->authors[who].bio == NULL) a->authors[who].bio = b->text;
  return LEDE_OK;
}

/* A wire sign-off names the reporters when no byline did:
** "Reporting by A and B; Editing by C" gives A and B. */
static lede_status readsignoff(authors *au, const lede_block *b) {
  static const char *const open[] = {"reporting by ", "(reporting by ",
                                     NULL};
  size_t o = lede_lex_prefix(open, b->text, b->text_len), e = o;
  long who = -1;
  if (o == 0) {  /* "Jane Doe contributed to this report." */
    size_t n = lede_name_prefix(b->text, b->text_len);
    if (n > 0 && n + 12 < b->text_len &&
        memcmp(b->text + n, " contributed", 12) == 0)
      return bylinenames(au, b->text, n, &who);
    return LEDE_OK;
  }
  while (e < b->text_len && b->text[e] != ';' && b->text[e] != ')' &&
         b->text[e] != ':')
    e++;
  return bylinenames(au, b->text + o, e - o, &who);
}

lede_status lede_authors_collect(lede_article *a) {
  authors au = {a, 0};
  size_t i;
  static const char *const none[] = {NULL};
  for (i = 0; i < a->nblocks; i++) {
    lede_status st = LEDE_OK;
    if (a->blocks[i].kind == LEDE_BLOCK_BYLINE)
      st = readbyline(&au, &a->blocks[i]);
    else if (a->blocks[i].kind == LEDE_BLOCK_BIO)
      st = readbio(&au, &a->blocks[i]);
    if (st != LEDE_OK) return st;
  }
  for (i = 0; i < a->nblocks && a->nauthors == 0; i++) {
    lede_status st = LEDE_OK;
    if (a->blocks[i].kind == LEDE_BLOCK_BOILERPLATE)
      st = readsignoff(&au, &a->blocks[i]);
    if (st != LEDE_OK) return st;
  }
  for (i = 0; i < a->nauthors; i++)
    if (a->authors[i].links == NULL) a->authors[i].links = none;
  return LEDE_OK;
}
