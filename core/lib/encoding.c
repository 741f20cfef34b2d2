/*
** encoding.c: tells UTF-16 and Windows-1252 input from UTF-8 and converts
** it, so that lede never shows such text as mojibake in silence. The
** parse itself only reads UTF-8: converting is the caller's choice.
*/
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "source.h"
#include "utf8.h"

/* Windows-1252's 0x80..0x9F; 0 marks the five bytes it leaves undefined. */
static const unsigned short cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

static int cp1252_defined(unsigned char c) {
  return c < 0x80 || c > 0x9F || cp1252_high[c - 0x80] != 0;
}

/* Only continuation bytes (or nothing) from i to the end: a UTF-8
** sequence cut short by the end of the input, not another encoding. */
static int cut_at_end(const char *s, size_t i, size_t len) {
  for (i++; i < len; i++)
    if (((unsigned char)s[i] & 0xC0) != 0x80) return 0;
  return 1;
}

/* Walk s: is there a valid multi-byte sequence, and where is the first
** invalid byte? A byte that rules Windows-1252 out (undefined there, or
** FF, which in practice is damage, not "ÿ") counts as a valid sequence,
** and so does a control byte: binary data is refused, not converted, so
** its offset names the byte in the input. */
static lede_encoding guess_8bit(const char *s, size_t len) {
  size_t i = 0, bad = len;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp;
    int invalid = 0;
    size_t n;
    if (c < 0x20 && (c < '\t' || c > '\r')) return LEDE_ENCODING_UTF8;
    if (c < 0x80) { i++; continue; }
    if (!cp1252_defined(c) || c == 0xFF) return LEDE_ENCODING_UTF8;
    n = lede_utf8_next(s + i, len - i, &cp, &invalid);
    if (!invalid) return LEDE_ENCODING_UTF8;
    if (bad == len) bad = i;
    i += n;
  }
  if (bad == len || cut_at_end(s, bad, len)) return LEDE_ENCODING_UTF8;
  return LEDE_ENCODING_CP1252;
}

lede_encoding lede_text_encoding(const char *s, size_t len) {
  if (s == NULL) return LEDE_ENCODING_UTF8;
  if (len >= 2 && (unsigned char)s[0] == 0xFF && (unsigned char)s[1] == 0xFE)
    return LEDE_ENCODING_UTF16LE;
  if (len >= 2 && (unsigned char)s[0] == 0xFE && (unsigned char)s[1] == 0xFF)
    return LEDE_ENCODING_UTF16BE;
  return guess_8bit(s, len);
}

const char *lede_encoding_name(lede_encoding e) {
  switch (e) {
  case LEDE_ENCODING_UTF8: return "UTF-8";
  case LEDE_ENCODING_UTF16LE: return "UTF-16LE";
  case LEDE_ENCODING_UTF16BE: return "UTF-16BE";
  case LEDE_ENCODING_CP1252: return "Windows-1252";
  }
  return NULL;
}

static size_t from_cp1252(const char *s, size_t len, char *out) {
  size_t i, k = 0;
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp = c >= 0x80 && c <= 0x9F ? cp1252_high[c - 0x80] : c;
    k += lede_utf8_encode(cp ? cp : LEDE_REPLACEMENT, out + k);
  }
  return k;
}

/* The 16-bit unit at s[i], in the byte order `be` says. */
static unsigned unit16(const char *s, size_t i, int be) {
  unsigned a = (unsigned char)s[i], b = (unsigned char)s[i + 1];
  return be ? a << 8 | b : b << 8 | a;
}

/* From just after the byte order mark; an odd last byte becomes U+FFFD. */
static size_t from_utf16(const char *s, size_t len, int be, char *out) {
  size_t i = 2, k = 0;
  while (i + 1 < len) {
    int32_t cp = (int32_t)unit16(s, i, be);
    i += 2;
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < len) {
      unsigned lo = unit16(s, i, be);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        cp = 0x10000 + ((cp - 0xD800) << 10) + (int32_t)(lo - 0xDC00);
        i += 2;
      }
    }
    if (cp >= 0xD800 && cp <= 0xDFFF) cp = LEDE_REPLACEMENT;
    k += lede_utf8_encode(cp, out + k);
  }
  if (i < len) k += lede_utf8_encode(LEDE_REPLACEMENT, out + k);
  return k;
}

lede_status lede_text_to_utf8(const char *s, size_t len, lede_encoding from,
                              char **out, size_t *outlen, lede_error *err) {
  char *buf;
  size_t n;
  if (s == NULL || out == NULL || outlen == NULL
      || lede_encoding_name(from) == NULL) {
    lede_error_set(err, LEDE_EINVAL, 0, "invalid argument");
    return LEDE_EINVAL;
  }
  *out = NULL;
  *outlen = 0;
  /* Worst cases: a Windows-1252 byte gives 3 bytes, a UTF-16 unit 3. */
  if (len > ((size_t)-1 - 1) / 3
      || (buf = malloc(from == LEDE_ENCODING_UTF8 ? len + 1 : 3 * len + 1))
         == NULL) {
    lede_error_set(err, LEDE_ENOMEM, 0, "out of memory");
    return LEDE_ENOMEM;
  }
  if (from == LEDE_ENCODING_UTF8) n = (memcpy(buf, s, len), len);
  else if (from == LEDE_ENCODING_CP1252) n = from_cp1252(s, len, buf);
  else n = from_utf16(s, len, from == LEDE_ENCODING_UTF16BE, buf);
  buf[n] = '\0';
  *out = buf;
  *outlen = n;
  return LEDE_OK;
}
