/*
** lexicon.c: look-ups in the compiled word lists (data/README.md).
** The lists are short, so a linear scan costs less than building an index.
*/
#include <string.h>

#include "lexicon.h"

/* Promo phrases say where they may stand (data/promo.txt). */
#define PROMO_START_MAXWORDS 40
#define PROMO_ANYWHERE_MAXWORDS 30
#define PROMO_BRACKET_MAXWORDS 150

static int lower(int c) {
  return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static int isword(unsigned char c) {
  return (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') ||
         c >= 0x80;
}

static int sameci(const char *a, const char *b, size_t n) {
  size_t i;
  for (i = 0; i < n; i++)
    if (lower((unsigned char)a[i]) != lower((unsigned char)b[i])) return 0;
  return 1;
}

/* Whether entry e (n bytes) matches s at i with word boundaries. */
static int matchat(const char *s, size_t len, size_t i, const char *e,
                   size_t n) {
  if (n == 0 || i + n > len || !sameci(s + i, e, n)) return 0;
  if (i > 0 && isword((unsigned char)s[i - 1]) && isword((unsigned char)e[0]))
    return 0;
  if (i + n < len && isword((unsigned char)s[i + n]) &&
      isword((unsigned char)e[n - 1]))
    return 0;
  return 1;
}

int lede_lex_is(const char *const *list, const char *s, size_t len) {
  for (; *list != NULL; list++)
    if (strlen(*list) == len && sameci(*list, s, len)) return 1;
  return 0;
}

size_t lede_lex_prefix(const char *const *list, const char *s, size_t len) {
  size_t best = 0;
  for (; *list != NULL; list++) {
    size_t n = strlen(*list);
    if (n > best && matchat(s, len, 0, *list, n)) best = n;
  }
  return best;
}

/* Whether e occurs in s at word boundaries. Only positions whose byte
** equals e's first (ignoring case) and, when e starts a word, that start
** a word are tried: the promo scan runs this for every short line. */
static int findin(const char *e, size_t n, const char *s, size_t len) {
  size_t i;
  int first = lower((unsigned char)e[0]);
  int wordstart = n > 0 && isword((unsigned char)e[0]);
  for (i = 0; i + n <= len; i++) {
    if (lower((unsigned char)s[i]) != first) continue;
    if (wordstart && i > 0 && isword((unsigned char)s[i - 1])) continue;
    if (matchat(s, len, i, e, n)) return 1;
  }
  return 0;
}

int lede_lex_contains(const char *const *list, const char *s, size_t len) {
  for (; *list != NULL; list++)
    if (findin(*list, strlen(*list), s, len)) return 1;
  return 0;
}

/* Leading bullets, brackets and spaces, and trailing punctuation, do not
** change what a line is: "(Reporting by ...)", "Advertisement:". */
static void trim(const char **s, size_t *len) {
  static const char lead[] = " \t([*-|>\"";
  static const char trail[] = " \t.:!|)]-\"";
  while (*len > 0 && strchr(lead, (*s)[0]) != NULL) { (*s)++; (*len)--; }
  while (*len > 0 && strchr(trail, (*s)[*len - 1]) != NULL) (*len)--;
}

int lede_lex_promo_line(const char *s, size_t len, size_t words) {
  const char *const *e;
  /* A wire sign-off in brackets lists many names: "(Additional reporting
  ** by A, B, C ... ; Editing by D)" is as long as it needs. */
  size_t startmax = len > 1 && s[0] == '(' && s[len - 1] == ')'
                    ? PROMO_BRACKET_MAXWORDS : PROMO_START_MAXWORDS;
  trim(&s, &len);
  for (e = lede_lex_promo; *e != NULL; e++) {
    const char *p = *e + 1;
    size_t n = strlen(p);
    switch ((*e)[0]) {
    case '=':
      if (n == len && sameci(s, p, n)) return 1;
      break;
    case '^':
      if (words <= startmax && matchat(s, len, 0, p, n)) return 1;
      break;
    case '*':
      if (words <= PROMO_ANYWHERE_MAXWORDS && findin(p, n, s, len)) return 1;
      break;
    }
  }
  return 0;
}
