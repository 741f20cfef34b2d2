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
  const char *bytecode;  /* the source compiled by the build's lua5.4
                         ** (string.dump, debug information kept), or NULL */
  size_t bytecode_length;  /* bytes in bytecode */
} lede_embedded_file;

/* Every embedded file, in build order, ended by an entry whose name is
** NULL. */
extern const lede_embedded_file lede_embedded[];

#endif
