/*
** source.h: input checks and the line index (internal).
*/
#ifndef LEDE_SOURCE_H
#define LEDE_SOURCE_H

#include <stddef.h>

#include "lede.h"
#include "arena.h"

/* One line of the input, terminator excluded. */
typedef struct {
  size_t off, len;  /* content, surrounding whitespace trimmed */
  size_t lineno;    /* 1-based */
} lede_line;

/* Check that len bytes of s can be read as an article: not empty, not
** binary, within opts->max_input. Returns LEDE_OK or the error, filling
** err. *bom gets the length of a leading UTF-8 BOM (0 or 3). */
lede_status lede_source_check(const char *s, size_t len,
                              const lede_options *opts, size_t *bom,
                              lede_error *err);

/* Split s into lines (LF, CRLF or CR), trimming each; blank lines have
** len 0. Returns the array (in ar) and its length in *n, or NULL. */
lede_line *lede_source_lines(lede_arena *ar, const char *s, size_t len,
                             size_t start, size_t *n);

/* Fill err (when not NULL) with a code, offset and formatted message. */
void lede_error_set(lede_error *err, lede_status code, size_t offset,
                    const char *fmt, ...);

#endif
