/*
** embedded.h: the Lua sources of scripts/lede and scripts/writers, compiled
** into lede and lede.so by scripts/tools/embed.lua (build/embedded.c), so
** `require "lede.inspect"` works from any directory without installed files.
*/
#ifndef LEDE_EMBEDDED_H
#define LEDE_EMBEDDED_H

#include <stddef.h>

/* One embedded Lua file. */
typedef struct {
  const char *name;    /* module name ("lede.inspect"); NULL ends the array */
  const char *source;  /* the file's bytes, exactly, NUL-terminated */
  size_t length;       /* bytes in source, NUL excluded */
} lede_embedded_file;

/* Every embedded file, in build order, ended by a {NULL, NULL, 0} entry. */
extern const lede_embedded_file lede_embedded[];

#endif
