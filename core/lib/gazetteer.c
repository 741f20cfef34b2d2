/*
** gazetteer.c: hashed look-ups in the place, name and stopword lists.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"
#include "gazetteer.h"

lede_gaz_place_kind lede_gaz_place(const char *s, size_t len) {
  (void)s; (void)len;
  return LEDE_GAZ_NONE;
}

int lede_gaz_given_name(const char *s, size_t len) {
  (void)s; (void)len;
  return 0;
}

int lede_gaz_organization(const char *s, size_t len) {
  (void)s; (void)len;
  return 0;
}

int lede_gaz_stopword(const char *s, size_t len) {
  (void)s; (void)len;
  return 0;
}
