/*
** utf8.c: decoding, classes and small text transforms on top of utf8proc.
** ASCII takes a fast path; everything else asks utf8proc's tables.
*/
#include <stdint.h>
#include <string.h>
#include <utf8proc.h>

#include "lede.h"
#include "utf8.h"

size_t lede_utf8_next(const char *s, size_t len, int32_t *cp, int *bad) {
  utf8proc_int32_t c;
  utf8proc_ssize_t n;
  if ((unsigned char)s[0] < 0x80) {
    *cp = (unsigned char)s[0];
    return 1;
  }
  n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                       len > 4 ? 4 : (utf8proc_ssize_t)len, &c);
  if (n <= 0) {
    *cp = LEDE_REPLACEMENT;
    if (bad != NULL) *bad = 1;
    return 1;
  }
  *cp = c;
  return (size_t)n;
}

size_t lede_utf8_encode(int32_t cp, char *buf) {
  return (size_t)utf8proc_encode_char(cp, (utf8proc_uint8_t *)buf);
}

int lede_utf8_isspace(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || (cp >= '\t' && cp <= '\r');
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x85) return 1;
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ZS ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_ZL ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_ZP;
}

int lede_utf8_isupper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LU ||
         utf8proc_category(cp) == UTF8PROC_CATEGORY_LT;
}

int lede_utf8_islower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

int lede_utf8_isalpha(int32_t cp) {
  utf8proc_category_t c;
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_LO;
}

int lede_utf8_isdigit(int32_t cp) {
  if (cp < 0x80) return cp >= '0' && cp <= '9';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_ND;
}

/* Whether the 8 bytes at s are all ASCII: one test instead of eight. */
static int ascii8(const char *s) {
  uint64_t w;
  memcpy(&w, s, sizeof w);
  return (w & UINT64_C(0x8080808080808080)) == 0;
}

size_t lede_utf8_invalid(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    if (i + 8 <= len && ascii8(s + i)) {
      i += 8;
      continue;
    }
    int32_t cp;
    int bad = 0;
    size_t n = lede_utf8_next(s + i, len - i, &cp, &bad);
    if (bad) return i;
    i += n;
  }
  return len;
}

size_t lede_utf8_length(const char *s, size_t len) {
  size_t i = 0, count = 0;
  while (i < len) {
    int32_t cp;
    i += lede_utf8_next(s + i, len - i, &cp, NULL);
    count++;
  }
  return count;
}

/* Worst case: every byte invalid, each becoming a 3-byte U+FFFD. */
size_t lede_text_clean(const char *s, size_t len, char *out) {
  size_t i = 0, o = 0;
  int pending = 0;  /* a space is owed before the next character */
  while (i < len) {
    int32_t cp;
    int bad = 0;
    size_t n;
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {  /* most bytes of most articles: no decoding */
      if (c == ' ' || (c >= '\t' && c <= '\r')) {
        pending = o > 0;
      } else {
        if (pending) out[o++] = ' ';
        pending = 0;
        out[o++] = (char)c;
      }
      i++;
      continue;
    }
    n = lede_utf8_next(s + i, len - i, &cp, &bad);
    if (lede_utf8_isspace(cp)) {
      pending = o > 0;
    } else {
      if (pending) out[o++] = ' ';
      pending = 0;
      if (bad) o += lede_utf8_encode(LEDE_REPLACEMENT, out + o);
      else { memcpy(out + o, s + i, n); o += n; }
    }
    i += n;
  }
  return o;
}

/* Valid UTF-8 never grows when cleaned; only invalid bytes do (each to a
** 3-byte U+FFFD). Reserving the worst case for every text kept three
** times the article's text in its arena. */
char *lede_utf8_squeeze(lede_arena *ar, const char *s, size_t len,
                        size_t *outlen) {
  size_t room = lede_utf8_invalid(s, len) == len ? len : len * 3;
  char *out = lede_arena_alloc(ar, room + 1);
  size_t o;
  if (out == NULL) return NULL;
  o = lede_text_clean(s, len, out);
  out[o] = '\0';
  if (outlen != NULL) *outlen = o;
  return out;
}

/* Letters in the word starting at s: tells O'NEIL (a name part) from
** JONES'S (an ending) after an apostrophe. */
static size_t wordlen(const char *s, size_t len) {
  size_t i = 0, count = 0;
  while (i < len) {
    int32_t cp;
    i += lede_utf8_next(s + i, len - i, &cp, NULL);
    if (!lede_utf8_isalpha(cp)) break;
    count++;
  }
  return count;
}

char *lede_utf8_namecase(lede_arena *ar, const char *s, size_t len) {
  char *out = lede_arena_alloc(ar, len * 3 + 1);
  size_t i = 0, o = 0;
  int inword = 0;  /* the next letter continues a word */
  if (out == NULL) return NULL;
  while (i < len) {
    int32_t cp;
    size_t n = lede_utf8_next(s + i, len - i, &cp, NULL);
    if (lede_utf8_isalpha(cp)) {
      cp = inword ? utf8proc_tolower(cp) : utf8proc_totitle(cp);
      inword = 1;
    } else if ((cp == '\'' || cp == 0x2019) && inword) {
      inword = wordlen(s + i + n, len - i - n) <= 1;
    } else {
      inword = 0;
    }
    o += lede_utf8_encode(cp, out + o);
    i += n;
  }
  out[o] = '\0';
  return out;
}

size_t lede_text_width(const char *s, size_t len) {
  size_t i = 0, w = 0;
  while (i < len) {
    int32_t cp;
    int cw;
    if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F) {
      w++, i++;  /* printable ASCII: one column */
      continue;
    }
    i += lede_utf8_next(s + i, len - i, &cp, NULL);
    cw = utf8proc_charwidth(cp);
    if (cw > 0) w += (size_t)cw;
  }
  return w;
}
