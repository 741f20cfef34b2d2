/*
** utf8.h: UTF-8 decoding and character classes for the core (internal).
** Wraps utf8proc; invalid bytes decode as U+FFFD one byte at a time.
*/
#ifndef LEDE_UTF8_H
#define LEDE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

#define LEDE_REPLACEMENT 0xFFFD  /* what an invalid byte reads as */

/* Decode one code point at s (len > 0 bytes left) into *cp; returns the
** bytes it used (at least 1). An invalid sequence gives U+FFFD, 1 byte,
** and sets *bad when bad is not NULL. */
size_t lede_utf8_next(const char *s, size_t len, int32_t *cp, int *bad);

/* Encode cp into buf (4 bytes); returns the bytes written. */
size_t lede_utf8_encode(int32_t cp, char *buf);

/* Whitespace as a reader sees it: ASCII space and controls, no-break and
** other Unicode spaces, zero-width space, BOM. */
int lede_utf8_isspace(int32_t cp);
int lede_utf8_isupper(int32_t cp);
int lede_utf8_islower(int32_t cp);
int lede_utf8_isalpha(int32_t cp);
int lede_utf8_isdigit(int32_t cp);

/* Byte offset of the first invalid UTF-8 sequence in s, or len if none. */
size_t lede_utf8_invalid(const char *s, size_t len);

/* Number of code points in s (an invalid byte counts as one). */
size_t lede_utf8_length(const char *s, size_t len);

/* A copy of s with runs of whitespace collapsed to one space, ends
** trimmed and invalid bytes replaced by U+FFFD; NULL when out of memory. */
char *lede_utf8_squeeze(lede_arena *ar, const char *s, size_t len,
                        size_t *outlen);

/* A copy of s in name case: each word's first letter upper case, the rest
** lower case ("JANE O'NEIL-SMITH" gives "Jane O'Neil-Smith"). */
char *lede_utf8_namecase(lede_arena *ar, const char *s, size_t len);

#endif
