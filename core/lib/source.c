/*
** source.c: what lede accepts as an article, and where its lines are.
** Binary data and empty input are refused here so the passes after it can
** assume text; invalid UTF-8 is tolerated (it reads as U+FFFD).
*/
#include <stdint.h>
#include <string.h>

#include "source.h"
#include "utf8.h"

/* C0 controls other than tab, LF, VT, FF, CR mean binary data: a PNG
** header has \x1a, an ELF file NULs. ESC is kept out too. */
static int isbinary(unsigned char c) {
  return c < 0x20 && (c < '\t' || c > '\r');
}

/* Whether one of the 8 bytes at s is below 0x20 (a line end, a tab or a
** binary byte): text has one every line, so most words of 8 bytes pass
** with one test. */
static int control8(const char *s) {
  uint64_t w;
  memcpy(&w, s, sizeof w);
  return ((w - UINT64_C(0x2020202020202020)) & ~w &
          UINT64_C(0x8080808080808080)) != 0;
}

static int allspace(const char *s, size_t len) {
  size_t i = 0;
  while (i < len) {
    int32_t cp;
    int bad = 0;
    size_t n = lede_utf8_next(s + i, len - i, &cp, &bad);
    if (bad || !lede_utf8_isspace(cp)) return 0;
    i += n;
  }
  return 1;
}

lede_status lede_source_check(const char *s, size_t len,
                              const lede_options *opts, size_t *bom,
                              lede_error *err) {
  size_t i;
  *bom = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
  if (opts != NULL && opts->max_input > 0 && len > opts->max_input) {
    lede_error_set(err, LEDE_ETOOBIG, opts->max_input,
                   "larger than the input limit (%zu bytes)", opts->max_input);
    return LEDE_ETOOBIG;
  }
  if (lede_text_encoding(s, len) == LEDE_ENCODING_UTF16LE
      || lede_text_encoding(s, len) == LEDE_ENCODING_UTF16BE) {
    lede_error_set(err, LEDE_EENCODING, 0,
                   "UTF-16 text (convert it to UTF-8 first)");
    return LEDE_EENCODING;
  }
  for (i = 0; i < len; i++) {
    if (i + 8 <= len && !control8(s + i)) {  /* 8 bytes at a time */
      i += 7;
      continue;
    }
    if (isbinary((unsigned char)s[i])) {
      lede_error_set(err, LEDE_EBINARY, i,
                     "not text (binary data at byte %zu)", i);
      return LEDE_EBINARY;
    }
  }
  if (!(opts != NULL && opts->allow_empty) && allspace(s + *bom, len - *bom)) {
    lede_error_set(err, LEDE_EEMPTY, 0, "empty article");
    return LEDE_EEMPTY;
  }
  return LEDE_OK;
}

/* Shrink [*off, *off + *len) past whitespace at both ends. */
static void trimspan(const char *s, size_t *off, size_t *len) {
  size_t b = *off, e = *off + *len;
  while (b < e) {
    int32_t cp;
    size_t n = lede_utf8_next(s + b, e - b, &cp, NULL);
    if (!lede_utf8_isspace(cp)) break;
    b += n;
  }
  while (e > b) {
    size_t k = e - 1;  /* back to the first byte of the last character */
    int32_t cp;
    while (k > b && ((unsigned char)s[k] & 0xC0) == 0x80 && e - k < 4) k--;
    if (lede_utf8_next(s + k, e - k, &cp, NULL) != e - k) break;
    if (!lede_utf8_isspace(cp)) break;
    e = k;
  }
  *off = b;
  *len = e - b;
}

/* Index of the first line end (LF or CR) at or after i, or len. Without
** any CR in the input (`cr` 0), memchr finds the LFs. */
static size_t nexteol(const char *s, size_t i, size_t len, int cr) {
  const char *p;
  if (!cr) {
    p = memchr(s + i, '\n', len - i);
    return p != NULL ? (size_t)(p - s) : len;
  }
  while (i < len && s[i] != '\n' && s[i] != '\r') i++;
  return i;
}

lede_line *lede_source_lines(lede_arena *ar, const char *s, size_t len,
                             size_t start, size_t *n) {
  size_t count = 1, i, k = 0, lineno = 1, b = start;
  int cr = memchr(s + start, '\r', len - start) != NULL;
  lede_line *lines;
  for (i = nexteol(s, start, len, cr); i < len; i = nexteol(s, i + 1, len, cr))
    if (s[i] == '\n' || i + 1 == len || s[i + 1] != '\n')  /* CRLF once */
      count++;
  lines = lede_arena_alloc(ar, count * sizeof *lines);
  if (lines == NULL) return NULL;
  for (i = nexteol(s, start, len, cr);; i = nexteol(s, b, len, cr)) {
    lines[k].off = b;
    lines[k].len = i - b;
    lines[k].lineno = lineno++;
    trimspan(s, &lines[k].off, &lines[k].len);
    k++;
    if (i == len) break;
    if (s[i] == '\r' && i + 1 < len && s[i + 1] == '\n') i++;
    b = i + 1;
  }
  *n = k;
  return lines;
}
