/*
** strmap.c: a string-keyed hash map (FNV-1a, linear probing) for the
** entity pass. Keys are borrowed; the table doubles at half load.
*/
#include <stdlib.h>

#include "entities.h"

#define STRMAP_MINCAP 64  /* slots of a new table: a power of two */

static unsigned char fold(unsigned char c, int f) {
  return f && c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

static size_t hash(const char *s, size_t len, int f) {
  size_t h = (size_t)14695981039346656037ULL, i;
  for (i = 0; i < len; i++) {
    h ^= fold((unsigned char)s[i], f);
    h *= (size_t)1099511628211ULL;
  }
  return h;
}

static int same(const lede_strslot *e, const char *s, size_t len, int f) {
  size_t i;
  if (e->len != len) return 0;
  for (i = 0; i < len; i++)
    if (fold((unsigned char)e->key[i], f) != fold((unsigned char)s[i], f))
      return 0;
  return 1;
}

void lede_strmap_init(lede_strmap *m, int f) {
  m->slots = NULL;
  m->cap = m->n = 0;
  m->fold = f;
}

void lede_strmap_free(lede_strmap *m) {
  free(m->slots);
  m->slots = NULL;
  m->cap = m->n = 0;
}

static lede_strslot *find(const lede_strmap *m, const char *s, size_t len) {
  size_t i = hash(s, len, m->fold) & (m->cap - 1);
  while (m->slots[i].key != NULL && !same(&m->slots[i], s, len, m->fold))
    i = (i + 1) & (m->cap - 1);
  return &m->slots[i];
}

size_t *lede_strmap_get(const lede_strmap *m, const char *s, size_t len) {
  lede_strslot *e;
  if (m->cap == 0) return NULL;
  e = find(m, s, len);
  return e->key != NULL ? &e->val : NULL;
}

static int rehash(lede_strmap *m) {
  size_t cap = m->cap ? m->cap * 2 : STRMAP_MINCAP, i;
  lede_strmap bigger = {NULL, cap, 0, m->fold};
  bigger.slots = calloc(cap, sizeof *bigger.slots);
  if (bigger.slots == NULL) return -1;
  for (i = 0; i < m->cap; i++)
    if (m->slots[i].key != NULL)
      *find(&bigger, m->slots[i].key, m->slots[i].len) = m->slots[i];
  free(m->slots);
  m->slots = bigger.slots;
  m->cap = cap;
  return 0;
}

size_t *lede_strmap_put(lede_strmap *m, const char *s, size_t len, size_t val,
                        int *added) {
  lede_strslot *e;
  if (added != NULL) *added = 0;
  if ((m->n + 1) * 2 > m->cap && rehash(m) != 0) return NULL;
  e = find(m, s, len);
  if (e->key == NULL) {
    e->key = s == NULL ? "" : s;
    e->len = len;
    e->val = val;
    m->n++;
    if (added != NULL) *added = 1;
  }
  return &e->val;
}
