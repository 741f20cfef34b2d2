/*
** entities.c: people, places and organisations, mentions merged.
** STUB: returns nothing yet; replaced by the real pass.
*/
#include "article.h"

lede_status lede_article_entities(lede_article *a, int all,
                                  const lede_entity **out, size_t *n) {
  all = all != 0;
  a->have_entities[all] = 1;
  *out = a->entities[all];
  *n = a->nentities[all];
  return LEDE_OK;
}

size_t lede_entities_resolve(lede_article *a, lede_span cue, size_t before) {
  (void)a; (void)cue; (void)before;
  return LEDE_NONE;
}

const char *lede_entity_kind_name(lede_entity_kind kind) {
  static const char *const names[LEDE_ENTITY_KIND_COUNT] = {
    "person", "place", "organization"
  };
  if ((int)kind < 0 || kind >= LEDE_ENTITY_KIND_COUNT) return NULL;
  return names[kind];
}
