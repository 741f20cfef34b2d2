/*
** gazetteer.h: names of places, given names and stopwords from public
** data (data/README.md), with hashed look-ups (internal).
*/
#ifndef LEDE_GAZETTEER_H
#define LEDE_GAZETTEER_H

#include <stddef.h>

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

#endif
