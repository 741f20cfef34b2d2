/*
** arena.h: a bump allocator owned by one article (internal).
** Everything reachable from a lede_article lives in its arena, so one
** lede_arena_free releases it all.
*/
#ifndef LEDE_ARENA_H
#define LEDE_ARENA_H

#include <stddef.h>

typedef struct lede_arena_chunk lede_arena_chunk;

typedef struct {
  lede_arena_chunk *head;  /* newest chunk; older ones follow */
} lede_arena;

/* Memory for n bytes, aligned for any type, or NULL when out of memory. */
void *lede_arena_alloc(lede_arena *ar, size_t n);
/* A NUL-terminated copy of n bytes of s, or NULL when out of memory. */
char *lede_arena_strndup(lede_arena *ar, const char *s, size_t n);
/* Release every chunk; the arena may be reused afterwards. */
void lede_arena_free(lede_arena *ar);

#endif
