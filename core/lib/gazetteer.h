/*
** gazetteer.h: names of places, given names and stopwords from public
** data (data/README.md), with hashed look-ups (internal).
*/
#ifndef LEDE_GAZETTEER_H
#define LEDE_GAZETTEER_H

#include <stddef.h>
#include <stdint.h>

/* What a place name is, by the list it came from. */
typedef enum {
  LEDE_GAZ_NONE = 0,   /* not a known place */
  LEDE_GAZ_COUNTRY,    /* ISO 3166-1 name or common short name: "Iraq" */
  LEDE_GAZ_REGION,     /* ISO 3166-2 subdivision: "Anbar", "Texas" */
  LEDE_GAZ_CITY        /* GeoNames city above a population floor: "Raqqa" */
} lede_gaz_place_kind;

/* Whether s (len bytes, exact case as written in text) names a place. */
lede_gaz_place_kind lede_gaz_place(const char *s, size_t len);

/* A given name's usual sex: 'f', 'm', 'u' (used for both), or 0 when s
** is not a known given name. Case as written ("Natalie"). */
int lede_gaz_given_name(const char *s, size_t len);

/* Whether s (exact case) is a well-known organisation ("Pentagon",
** "United Nations", "Reuters"). */
int lede_gaz_organization(const char *s, size_t len);

/* Whether s, case-folded ASCII or UTF-8 lower case, is an English
** stopword ("the", "said"). */
int lede_gaz_stopword(const char *s, size_t len);

/* One list as an open-addressing hash table, generated at build time from
** data/gazetteer/ by scripts/tools/embed-gazetteer.lua: const data, no
** set-up, safe from any thread. */
typedef struct {
  uint32_t off;  /* the key's first byte in the table's pool */
  uint8_t len;   /* the key's length; 0 marks an empty slot */
  uint8_t val;   /* what the key maps to: a kind, a sex letter, or 1 */
} lede_gaz_slot;

typedef struct {
  const char *pool;            /* every key back to back, no separators */
  const lede_gaz_slot *slots;  /* mask + 1 slots, at most half of them used */
  uint32_t mask;               /* slot count minus one (a power of two) */
} lede_gaz_table;

extern const lede_gaz_table lede_gaz_places;         /* kind per name */
extern const lede_gaz_table lede_gaz_given_names;    /* 'f', 'm' or 'u' */
extern const lede_gaz_table lede_gaz_organizations;  /* 1 */
extern const lede_gaz_table lede_gaz_stopwords;      /* 1, keys lower case */

/* FNV-1a over len bytes, 32 bits; the generator hashes keys the same way. */
uint32_t lede_gaz_hash(const char *s, size_t len);

/* The value of key s (len bytes) in t, or 0 when s is not a key. */
int lede_gaz_find(const lede_gaz_table *t, const char *s, size_t len);

#endif
