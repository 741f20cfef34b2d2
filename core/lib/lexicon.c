/*
** lexicon.c: look-ups in the compiled word lists (data/README.md).
** The lists are short, so a linear scan costs less than building an index;
** but the scan runs for every line, so an entry is first judged by its
** first byte alone and its length is never measured (strlen over every
** entry of every list was the parse's hottest spot).
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

/* Length of the NUL-terminated entry e when s (len bytes) starts with it,
** ignoring case; 0 when it does not. Measures e only as far as it agrees
** with s. */
static size_t startswith(const char *s, size_t len, const char *e) {
  size_t i;
  for (i = 0; e[i] != '\0'; i++)
    if (i == len || lower((unsigned char)s[i]) != lower((unsigned char)e[i]))
      return 0;
  return i;
}

/* Whether entry e matches s at i with word boundaries; its length, else 0.
** The caller has checked that s[i] is e's first byte, ignoring case. */
static size_t matchat(const char *s, size_t len, size_t i, const char *e) {
  size_t n = startswith(s + i, len - i, e);
  if (n == 0) return 0;
  if (i > 0 && isword((unsigned char)s[i - 1]) && isword((unsigned char)e[0]))
    return 0;
  if (i + n < len && isword((unsigned char)s[i + n]) &&
      isword((unsigned char)e[n - 1]))
    return 0;
  return n;
}

int lede_lex_is(const char *const *list, const char *s, size_t len) {
  int first;
  if (len == 0) {  /* only an empty entry equals an empty s */
    for (; *list != NULL; list++)
      if ((*list)[0] == '\0') return 1;
    return 0;
  }
  first = lower((unsigned char)s[0]);
  for (; *list != NULL; list++)
    if (lower((unsigned char)(*list)[0]) == first &&
        startswith(s, len, *list) == len && (*list)[len] == '\0')
      return 1;
  return 0;
}

size_t lede_lex_prefix(const char *const *list, const char *s, size_t len) {
  size_t best = 0;
  int first;
  if (len == 0) return 0;
  first = lower((unsigned char)s[0]);
  for (; *list != NULL; list++) {
    size_t n;
    if (lower((unsigned char)(*list)[0]) != first) continue;
    n = matchat(s, len, 0, *list);
    if (n > best) best = n;
  }
  return best;
}

/* Entries findany gathers on the stack; a longer list (none of data/ is)
** is searched entry by entry. */
#define FIND_MAXENTRIES 512

/* Whether entry e occurs in s at word boundaries. */
static int findone(const char *e, const char *s, size_t len) {
  size_t i;
  int first = lower((unsigned char)e[0]);
  int wordstart = isword((unsigned char)e[0]);
  if (first == 0) return 0;
  for (i = 0; i < len; i++) {
    if (lower((unsigned char)s[i]) != first) continue;
    if (wordstart && i > 0 && isword((unsigned char)s[i - 1])) continue;
    if (matchat(s, len, i, e)) return 1;
  }
  return 0;
}

/* findany past FIND_MAXENTRIES: the n gathered, then the rest from e. */
static int findlong(const char *const *e, int mark, const char *s, size_t len,
                    const char *const *tried, size_t n) {
  size_t k;
  for (k = 0; k < n; k++)
    if (findone(tried[k], s, len)) return 1;
  for (; *e != NULL; e++) {
    if (mark && (*e)[0] != mark) continue;
    if (findone(*e + (mark != 0), s, len)) return 1;
  }
  return 0;
}

/* Whether an entry of list occurs in s at word boundaries. With `mark`
** nonzero, only entries starting with that byte count, without it
** ("*newsletter"). One pass over s: a position is tried only when its
** byte starts some entry (a bit set) and, for a word byte, starts a word;
** the promo scan runs this for every short line. */
static int findany(const char *const *list, int mark, const char *s,
                   size_t len) {
  unsigned char first[256 / 8] = {0};
  const char *tried[FIND_MAXENTRIES];  /* the entries that count */
  const char *const *e;
  size_t i, k, n = 0, skip = mark != 0;
  for (e = list; *e != NULL; e++) {
    int c;
    if (mark && (*e)[0] != mark) continue;
    if (n == FIND_MAXENTRIES) return findlong(e, mark, s, len, tried, n);
    tried[n++] = *e + skip;
    c = lower((unsigned char)(*e)[skip]);
    first[c >> 3] |= (unsigned char)(1u << (c & 7));
  }
  for (i = 0; i < len; i++) {
    int c = lower((unsigned char)s[i]);
    if (c == 0 || !(first[c >> 3] & (1u << (c & 7)))) continue;
    if (isword((unsigned char)c) && i > 0 && isword((unsigned char)s[i - 1]))
      continue;
    for (k = 0; k < n; k++)
      if (lower((unsigned char)tried[k][0]) == c && matchat(s, len, i, tried[k]))
        return 1;
  }
  return 0;
}

int lede_lex_contains(const char *const *list, const char *s, size_t len) {
  return findany(list, 0, s, len);
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
  int first;
  trim(&s, &len);
  if (len == 0) return 0;
  first = lower((unsigned char)s[0]);
  for (e = lede_lex_promo; *e != NULL; e++) {
    const char *p = *e + 1;
    switch ((*e)[0]) {
    case '=':
      if (lower((unsigned char)p[0]) == first &&
          startswith(s, len, p) == len && p[len] == '\0')
        return 1;
      break;
    case '^':
      if (words <= startmax && lower((unsigned char)p[0]) == first &&
          matchat(s, len, 0, p))
        return 1;
      break;
    }
  }
  return words <= PROMO_ANYWHERE_MAXWORDS && findany(lede_lex_promo, '*', s, len);
}
