/*
** arena.c: bump allocation in chunks, freed all at once.
** Blocks are many and small and die with their article, so per-object
** malloc/free would only cost time and bookkeeping.
*/
#include <stdlib.h>
#include <string.h>
#include <stdalign.h>
#include <stdint.h>

#include "arena.h"

/* Chunks grow to this size; larger requests get a chunk of their own. */
#define CHUNK_SIZE (64 * 1024)

struct lede_arena_chunk {
  lede_arena_chunk *next;  /* older chunk */
  size_t used, size;       /* bytes used and available in data */
  alignas(max_align_t) unsigned char data[];
};

static lede_arena_chunk *newchunk(lede_arena *ar, size_t size) {
  lede_arena_chunk *c = malloc(sizeof *c + size);
  if (c == NULL) return NULL;
  c->used = 0;
  c->size = size;
  c->next = ar->head;
  ar->head = c;
  return c;
}

void *lede_arena_alloc(lede_arena *ar, size_t n) {
  const size_t align = alignof(max_align_t);
  lede_arena_chunk *c = ar->head;
  size_t start;
  if (n > SIZE_MAX - align) return NULL;
  n = (n + align - 1) & ~(align - 1);
  if (c == NULL || c->size - c->used < n) {
    c = newchunk(ar, n > CHUNK_SIZE ? n : CHUNK_SIZE);
    if (c == NULL) return NULL;
  }
  start = c->used;
  c->used += n;
  return c->data + start;
}

char *lede_arena_strndup(lede_arena *ar, const char *s, size_t n) {
  char *p = n < SIZE_MAX ? lede_arena_alloc(ar, n + 1) : NULL;
  if (p == NULL) return NULL;
  if (n > 0) memcpy(p, s, n);
  p[n] = '\0';
  return p;
}

void lede_arena_free(lede_arena *ar) {
  lede_arena_chunk *c = ar->head;
  while (c != NULL) {
    lede_arena_chunk *next = c->next;
    free(c);
    c = next;
  }
  ar->head = NULL;
}
