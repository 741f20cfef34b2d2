/*
** gazetteer.c: hashed look-ups in the place, name, organisation and
** stopword lists of data/gazetteer/. The tables are const data that
** scripts/tools/embed-gazetteer.lua writes at build time (gazetteer_data.c).
*/
#include <string.h>

#include "gazetteer.h"

/* No list has a longer key (embed-gazetteer.lua refuses one). */
#define GAZ_KEY_MAX 255

uint32_t lede_gaz_hash(const char *s, size_t len) {
  uint32_t h = 2166136261u;
  size_t i;
  for (i = 0; i < len; i++) {
    h ^= (unsigned char)s[i];
    h *= 16777619u;
  }
  return h;
}

int lede_gaz_find(const lede_gaz_table *t, const char *s, size_t len) {
  uint32_t i;
  if (s == NULL || len == 0 || len > GAZ_KEY_MAX) return 0;
  /* At most half the slots are used, so an empty one ends every probe. */
  for (i = lede_gaz_hash(s, len) & t->mask; t->slots[i].len != 0;
       i = (i + 1) & t->mask) {
    const lede_gaz_slot *e = &t->slots[i];
    if (e->len == len && memcmp(t->pool + e->off, s, len) == 0) return e->val;
  }
  return 0;
}

/* Copies s into buf as the lists write it: a typographic apostrophe
** (U+2019, "Côte d’Ivoire", "don’t") as ', and ASCII lower case when fold
** is set. Returns the new length, or 0 when s cannot be a key. */
static size_t keyform(const char *s, size_t len, int fold,
                      char buf[GAZ_KEY_MAX]) {
  size_t i, n = 0;
  if (s == NULL) return 0;
  for (i = 0; i < len; i++) {
    unsigned char c = (unsigned char)s[i];
    if (n == GAZ_KEY_MAX) return 0;
    if (c == 0xE2 && i + 2 < len && (unsigned char)s[i + 1] == 0x80 &&
        (unsigned char)s[i + 2] == 0x99) {
      c = '\'';
      i += 2;
    } else if (fold && c >= 'A' && c <= 'Z') {
      c = (unsigned char)(c + 32);
    }
    buf[n++] = (char)c;
  }
  return n;
}

static int lookup(const lede_gaz_table *t, const char *s, size_t len,
                  int fold) {
  char buf[GAZ_KEY_MAX];
  size_t n = keyform(s, len, fold, buf);
  return n == 0 ? 0 : lede_gaz_find(t, buf, n);
}

lede_gaz_place_kind lede_gaz_place(const char *s, size_t len) {
  return (lede_gaz_place_kind)lookup(&lede_gaz_places, s, len, 0);
}

int lede_gaz_given_name(const char *s, size_t len) {
  return lookup(&lede_gaz_given_names, s, len, 0);
}

int lede_gaz_organization(const char *s, size_t len) {
  return lookup(&lede_gaz_organizations, s, len, 0);
}

int lede_gaz_stopword(const char *s, size_t len) {
  return lookup(&lede_gaz_stopwords, s, len, 1);
}
