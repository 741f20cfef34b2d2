/*
** error.c: status names and error filling; never allocates.
*/
#include <stdarg.h>
#include <stdio.h>

#include "source.h"

const char *lede_status_string(lede_status s) {
  switch (s) {
  case LEDE_OK: return "ok";
  case LEDE_ENOMEM: return "out of memory";
  case LEDE_EEMPTY: return "empty article";
  case LEDE_EBINARY: return "not text";
  case LEDE_ETOOBIG: return "input too large";
  case LEDE_EINVAL: return "invalid argument";
  case LEDE_EENCODING: return "not UTF-8";
  }
  return "unknown error";
}

void lede_error_set(lede_error *err, lede_status code, size_t offset,
                    const char *fmt, ...) {
  va_list ap;
  if (err == NULL) return;
  err->code = code;
  err->offset = offset;
  va_start(ap, fmt);
  vsnprintf(err->message, sizeof err->message, fmt, ap);
  va_end(ap);
}
