/*
** entities.c: people, places and organisations. Groups the candidate
** mentions of mentions.c by name, weighs their clues into a kind, merges
** surnames, acronyms and short forms into one entity, and answers
** lede_entities_resolve for the quotes pass.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "entities.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "utf8.h"

#define EV_MIN 2         /* weakest evidence that decides a kind */
#define EV_STRONG 5      /* a title, a list word, a gazetteer hit */
#define EV_COUNTRY 7
#define EV_PLACE 6
#define EV_ORGLIST 8
#define EV_AUTHOR 8
#define EV_GIVEN 3
#define EV_ACRONYM 3
#define PERSON_MAXWORDS 4  /* "Ana de la Cruz" after particles */
#define INITIALS_MAX 16
#define CUE_MAXDROP 5    /* words dropped from a cue's front to find a name */
#define AMBIGUOUS ((size_t)-2)  /* a map value: more than one group fits */

static const struct {
  const char *const *list;
  unsigned v;
} vocabulary[] = {
  {lede_lex_titles, V_TITLE},
  {lede_lex_titles_male, V_MALE},
  {lede_lex_titles_female, V_FEMALE},
  {lede_lex_roles, V_ROLE},
  {lede_lex_org_words, V_ORG},
  {lede_lex_place_words, V_PLACECUE},
  {lede_lex_place_heads, V_PLACEHEAD},
  {lede_lex_demonyms, V_DEMONYM},
  {lede_lex_person_verbs, V_VERB},
  {lede_lex_function_words, V_FUNC},
  {lede_lex_not_names, V_NOTNAME},
  {lede_lex_datetime, V_DATE},
  {lede_lex_links, V_LINK},
  {lede_lex_work_words, V_WORK},
};

/* Index for lede_entities_resolve over the body's entities. */
typedef struct {
  const char *s;  /* a person's name or alias */
  size_t len;
  size_t ent;
} ename;

struct lede_entity_index {
  size_t n;        /* person mentions, in source order */
  size_t *off;     /* their first bytes */
  size_t *ent;     /* their entities */
  size_t *he;      /* latest mention <= i a "he" may name, or LEDE_NONE */
  size_t *she;     /* the same for "she" */
  ename *names;    /* sorted by bytes */
  size_t nnames;
  ename *heads;    /* organisations by the last word of their name, ASCII
                      case folded: "the institute" finds "Gladstone
                      Institute" */
  size_t nheads;
};

typedef struct {
  const char *key;
  size_t klen, ntok;
  int ev[3];
  size_t nmid;             /* mentions not opening a sentence */
  size_t first;            /* offset of its first mention */
  size_t parent;           /* union-find: the group it was merged into */
  int kind;
  int acronym;             /* "ISIS" */
  int shaped;              /* 2 to 4 name words: a person if nothing else */
  int gazetteer;           /* the gazetteer knows the name */
  int clue[3];             /* nameclues once, for each mention */
  int town;                /* clue[K_PLACE] holds a town's evidence */
  size_t nown;             /* its own mentions, before merging */
  char sex;
  int work;                /* names a law, treaty, prize or war */
} egroup;

int lede_ent_grow(void **p, size_t *cap, size_t need, size_t size) {
  size_t n = *cap ? *cap : 16;
  void *q;
  if (need <= *cap) return 0;
  while (n < need) {
    if (n > ((size_t)-1) / 2 / size) return -1;
    n *= 2;
  }
  q = realloc(*p, n * size);
  if (q == NULL) return -1;
  *p = q;
  *cap = n;
  return 0;
}

unsigned lede_ent_vocab(const lede_entctx *c, const char *s, size_t len) {
  const size_t *v = lede_strmap_get(&c->vocab, s, len);
  return v != NULL ? (unsigned)*v : 0;
}

static int addword(lede_strmap *m, const char *s, size_t len, unsigned v) {
  size_t *slot = lede_strmap_put(m, s, len, 0, NULL);
  if (slot == NULL) return -1;
  *slot |= v;
  return 0;
}

/* Every entry with its flag; each word ending in '.' is an abbreviation
** that keeps its period ("Maj." of "Maj. Gen."). */
static lede_status loadvocab(lede_entctx *c) {
  size_t k;
  for (k = 0; k < sizeof vocabulary / sizeof vocabulary[0]; k++) {
    const char *const *e;
    for (e = vocabulary[k].list; *e != NULL; e++) {
      const char *s = *e, *w = s;
      size_t n = strlen(s);
      if (addword(&c->vocab, s, n, vocabulary[k].v) != 0) return LEDE_ENOMEM;
      while (w < s + n) {
        const char *sp = memchr(w, ' ', (size_t)(s + n - w));
        size_t wl = sp ? (size_t)(sp - w) : (size_t)(s + n - w);
        if (wl > 1 && w[wl - 1] == '.' &&
            addword(&c->vocab, w, wl, V_ABBR) != 0)
          return LEDE_ENOMEM;
        w += wl + 1;
      }
    }
  }
  return LEDE_OK;
}

static lede_status loadauthors(lede_entctx *c) {
  size_t k;
  for (k = 0; k < c->a->nauthors; k++) {
    const char *s = c->a->authors[k].name;
    if (s != NULL && lede_strmap_put(&c->authors, s, strlen(s), k, NULL) == NULL)
      return LEDE_ENOMEM;
  }
  return LEDE_OK;
}

/* ---- groups ---- */

static size_t root(egroup *g, size_t i) {
  while (g[i].parent != i) {
    g[i].parent = g[g[i].parent].parent;
    i = g[i].parent;
  }
  return i;
}

static int particle(const etok *t) {
  return t->lower && !(t->v & V_FUNC);
}

/* What the words of a group's name say, read once from one mention. */
static void describe(const lede_entctx *c, egroup *g, const emention *m) {
  size_t k, names = 0;
  const etok *t0 = &c->toks[m->t0];
  g->key = m->key;
  g->klen = m->klen;
  g->ntok = m->ntok;
  g->acronym = m->ntok == 1 && !(t0->v & V_NOTNAME) &&
               lede_ent_acronym(m->key, m->klen);
  g->shaped = 1;
  for (k = m->t0; k < m->t0 + m->ntok; k++) {
    const etok *t = &c->toks[k];
    if (t->v & (V_ORG | V_PLACEHEAD)) g->shaped = 0;
    if (t->caps || lede_utf8_isdigit((unsigned char)c->a->source[t->off]))
      g->shaped = 0;
    names += !particle(t);
  }
  if (names < 2 || names > PERSON_MAXWORDS) g->shaped = 0;
  /* "the INF Treaty", "the Golden Globe Awards": no entity at all */
  g->work = m->ntok > 1 && (c->toks[m->t0 + m->ntok - 1].v & V_WORK);
}

/* First word of a key ("Rupert" of "Rupert Jones"). */
static size_t firstword(const char *s, size_t len) {
  const char *sp = memchr(s, ' ', len);
  return sp ? (size_t)(sp - s) : len;
}

/* A known place after a compass word: "West Mosul", "Northern Syria". */
static lede_gaz_place_kind compass(const char *s, size_t len) {
  static const char *const words[] = {
    "North", "South", "East", "West", "Northern", "Southern", "Eastern",
    "Western", "Central", "Upper", "Lower", "Greater", NULL
  };
  size_t fw = firstword(s, len);
  if (fw == len || !lede_lex_is(words, s, fw)) return LEDE_GAZ_NONE;
  return lede_gaz_place(s + fw + 1, len - fw - 1) ? LEDE_GAZ_CITY
                                                  : LEDE_GAZ_NONE;
}

/* What the gazetteer says of a name, also written in capitals ("PARIS")
** or after a compass word ("West Mosul"). */
static lede_gaz_place_kind placeof(const char *s, size_t len) {
  char buf[64];
  size_t i;
  lede_gaz_place_kind p = lede_gaz_place(s, len);
  if (p != LEDE_GAZ_NONE) return p;
  if (len >= 4 && len < sizeof buf && lede_ent_acronym(s, 2)) {
    for (i = 0; i < len; i++)
      buf[i] = (char)(i == 0 || s[i - 1] == ' ' || s[i] < 'A' || s[i] > 'Z'
                          ? s[i] : s[i] + 32);
    p = lede_gaz_place(buf, len);
    if (p != LEDE_GAZ_NONE) return p;
  }
  return compass(s, len);
}

/* Evidence of the name itself, once per mention of it: gazetteers,
** author lines, its shape. A given name before a place's name is no
** person's ("London Stansted"). */
static void nameclues(const lede_entctx *c, egroup *g, int *ev) {
  lede_gaz_place_kind p = placeof(g->key, g->klen);
  size_t fw = firstword(g->key, g->klen);
  lede_gaz_place_kind pf = lede_gaz_place(g->key, fw);
  int given = lede_gaz_given_name(g->key, fw) &&
              (pf == LEDE_GAZ_NONE || pf == LEDE_GAZ_CITY);
  /* A country names a place wherever it stands; a town's name is often a
  ** surname too ("Obama"), so it counts once, not once a mention. */
  if (p == LEDE_GAZ_COUNTRY) ev[K_PLACE] += EV_COUNTRY;
  else if (p != LEDE_GAZ_NONE && (g->ntok > 1 || !lede_gaz_given_name(g->key, fw)))
    ev[K_PLACE] += EV_PLACE;  /* a town called "Joe" or "Darwin" needs a cue */
  g->town = p != LEDE_GAZ_NONE && p != LEDE_GAZ_COUNTRY;
  if (lede_gaz_organization(g->key, g->klen)) ev[K_ORG] += EV_ORGLIST;
  g->gazetteer = (p != LEDE_GAZ_NONE && p != LEDE_GAZ_CITY) ||
                 lede_gaz_organization(g->key, g->klen);
  if (lede_strmap_get(&c->authors, g->key, g->klen) != NULL)
    ev[K_PERSON] += EV_AUTHOR;
  if (given && g->shaped) ev[K_PERSON] += EV_GIVEN;
  if (g->acronym && p == LEDE_GAZ_NONE) ev[K_ORG] += EV_ACRONYM;
}

/* The kind with most evidence; ties go to organisations, then people:
** "the Pentagon said" is no person, "Obama" (a town too) said is one. */
static int kindof(const int *ev) {
  static const int order[] = {K_ORG, K_PERSON, K_PLACE};
  int best = K_ORG, k;
  for (k = 1; k < 3; k++)
    if (ev[order[k]] > ev[best]) best = order[k];
  return ev[best] >= EV_MIN ? best : K_NONE;
}

/* Sums every mention's clues into its group's root and decides kinds. */
static void tally(const lede_entctx *c, egroup *g, size_t ng) {
  size_t i;
  for (i = 0; i < ng; i++) {
    memset(g[i].ev, 0, sizeof g[i].ev);
    g[i].nmid = 0;
    g[i].first = (size_t)-1;
    g[i].sex = 0;
    g[i].nown = 0;
  }
  for (i = 0; i < c->nms; i++) {
    const emention *m = &c->ms[i];
    egroup *r = &g[root(g, m->group)];
    int k;
    for (k = 0; k < 3; k++) r->ev[k] += m->ev[k];
    g[m->group].nown++;
    r->nmid += !m->initial;
    if (m->off < r->first) r->first = m->off;
    if (m->sex) r->sex = r->sex && r->sex != m->sex ? 'x' : m->sex;
  }
  for (i = 0; i < ng; i++) {
    egroup *r = &g[root(g, i)];
    int k;
    for (k = 0; k < 3; k++)
      r->ev[k] += g[i].clue[k] * (int)(k == K_PLACE && g[i].town && g[i].nown
                                           ? 1 : g[i].nown);
  }
  for (i = 0; i < ng; i++) {
    if (root(g, i) != i) continue;
    if (g[i].acronym ||
        (g[i].ntok > 1 && !g[i].shaped && g[i].ev[K_PERSON] < EV_STRONG))
      g[i].ev[K_PERSON] = 0;
    g[i].kind = kindof(g[i].ev);
  }
}

/* ---- merging ---- */

/* Last word of a key, and the same without a joined article ("Abadi" of
** "al-Abadi"). */
static const char *lastword(const char *s, size_t len, size_t *n) {
  size_t i = len;
  while (i > 0 && s[i - 1] != ' ') i--;
  *n = len - i;
  return s + i;
}

/* A surname, or failing that a unique first name, said alone ("Jones")
** goes to the person last named in full before it. */
static lede_status surnames(lede_entctx *c, egroup *g, size_t ng,
                            const size_t *order) {
  lede_strmap last, first, last2;
  size_t *next = malloc((ng + 1) * sizeof *next);
  size_t *seen = malloc((ng + 1) * sizeof *seen);
  size_t i;
  lede_status st = LEDE_ENOMEM;
  lede_strmap_init(&last, 0);
  lede_strmap_init(&first, 0);
  lede_strmap_init(&last2, 0);
  if (next == NULL || seen == NULL) goto done;
  for (i = 0; i < ng; i++) {
    size_t n, *slot;
    const char *w;
    int added;
    next[i] = LEDE_NONE;
    seen[i] = LEDE_NONE;
    if (g[i].ntok < 2 || !(g[i].kind == K_PERSON ||
                           (g[i].kind == K_NONE && g[i].shaped)))
      continue;
    w = lastword(g[i].key, g[i].klen, &n);
    slot = lede_strmap_put(&last, w, n, i, &added);
    if (slot == NULL) goto done;
    if (!added) { next[i] = *slot; *slot = i; }
    if (g[i].ntok >= 3) {  /* "Wasserman Schultz" of Debbie Wasserman Schultz */
      const char *w2 = w - 1;
      while (w2 > g[i].key && w2[-1] != ' ') w2--;
      slot = lede_strmap_put(&last2, w2, (size_t)(g[i].key + g[i].klen - w2), i,
                             &added);
      if (slot == NULL) goto done;
      if (!added && *slot != i) *slot = AMBIGUOUS;
    }
    if (memchr(w, '-', n) != NULL) {
      const char *h = (const char *)memchr(w, '-', n) + 1;
      slot = lede_strmap_put(&last, h, (size_t)(w + n - h), i, &added);
      if (slot == NULL) goto done;
      if (!added && *slot != i) *slot = AMBIGUOUS;
    }
    n = firstword(g[i].key, g[i].klen);
    if (!lede_gaz_given_name(g[i].key, n)) continue;  /* "Louisville" */
    slot = lede_strmap_put(&first, g[i].key, n, i, &added);
    if (slot == NULL) goto done;
    if (!added && *slot != i) *slot = AMBIGUOUS;
  }
  for (i = 0; i < c->nms; i++) {
    emention *m = &c->ms[order[i]];
    egroup *s = &g[m->group];
    size_t *slot, best = LEDE_NONE, k;
    if (s->ntok == 2 && s->kind != K_ORG && s->kind != K_PLACE &&
        (slot = lede_strmap_get(&last2, m->key, m->klen)) != NULL &&
        *slot != AMBIGUOUS && *slot != m->group) {
      m->group = *slot;
      continue;
    }
    if (s->ntok > 1) {
      seen[m->group] = m->off;
      continue;
    }
    /* "in Washington" stays a place beside George Washington; a region or
    ** town with no place cue is the surname ("Kerry" after John Kerry) */
    if (s->acronym || m->ev[K_PLACE] > 0 || m->ev[K_ORG] > 0 ||
        lede_gaz_place(m->key, m->klen) == LEDE_GAZ_COUNTRY ||
        lede_gaz_organization(m->key, m->klen))
      continue;
    slot = lede_strmap_get(&last, m->key, m->klen);
    for (k = slot ? *slot : LEDE_NONE; k != LEDE_NONE && k != AMBIGUOUS;
         k = next[k])
      if (best == LEDE_NONE || (seen[k] != LEDE_NONE &&
                                (seen[best] == LEDE_NONE || seen[k] > seen[best])))
        best = k;
    if (slot != NULL && *slot == AMBIGUOUS) {
      /* "Clinton" beside Hillary and Bill Clinton: a person, though which
      ** one is unknown, and no town */
      best = LEDE_NONE;
      m->ev[K_PERSON] += EV_PLACE + 1;
    }
    if (best == LEDE_NONE && slot == NULL) {
      slot = lede_strmap_get(&first, m->key, m->klen);
      if (slot != NULL && *slot != AMBIGUOUS) best = *slot;
    }
    if (best != LEDE_NONE) m->group = best;
  }
  st = LEDE_OK;
done:
  lede_strmap_free(&last);
  lede_strmap_free(&first);
  lede_strmap_free(&last2);
  free(next);
  free(seen);
  return st;
}

/* Initials of a key's capitalised words ("IS" of "Islamic State"). */
static size_t initials(const char *s, size_t len, char *out) {
  size_t i = 0, n = 0;
  while (i < len && n < INITIALS_MAX) {
    if ((i == 0 || s[i - 1] == ' ') && s[i] >= 'A' && s[i] <= 'Z')
      out[n++] = s[i];
    i++;
  }
  return n;
}

static lede_status putunique(lede_entctx *c, lede_strmap *m, const char *s,
                             size_t n, size_t g) {
  char *k = lede_arena_strndup(&c->scratch, s, n);
  int added;
  size_t *slot = k ? lede_strmap_put(m, k, n, g, &added) : NULL;
  if (slot == NULL) return LEDE_ENOMEM;
  if (!added && *slot != g) *slot = AMBIGUOUS;
  return LEDE_OK;
}

static int orgish(const egroup *g) {
  return g->kind == K_ORG || g->kind == K_NONE;
}

/* An acronym joins the organisation whose initials it spells ("UN"), or
** begins with ("ISIS" and "Islamic State"); a short form joins the one
** whose name it ends ("Free Beacon" and "Washington Free Beacon") or, of
** two words or more, begins ("Senate Foreign Relations" and "Senate
** Foreign Relations Committee"). */
static lede_status shortforms(lede_entctx *c, egroup *g, size_t ng) {
  lede_strmap init, tail, head;
  size_t i;
  char buf[INITIALS_MAX];
  lede_status st = LEDE_OK;
  lede_strmap_init(&init, 0);
  lede_strmap_init(&tail, 0);
  lede_strmap_init(&head, 0);
  for (i = 0; i < ng && st == LEDE_OK; i++) {
    size_t n, k;
    if (root(g, i) != i || g[i].ntok < 2 || !orgish(&g[i])) continue;
    n = initials(g[i].key, g[i].klen, buf);
    if (n >= 2) st = putunique(c, &init, buf, n, i);
    for (k = 1; k < g[i].klen && st == LEDE_OK; k++)
      if (g[i].key[k - 1] == ' ' && memchr(g[i].key + k, ' ', g[i].klen - k))
        st = putunique(c, &tail, g[i].key + k, g[i].klen - k, i);
    for (k = g[i].klen; k-- > 1 && st == LEDE_OK;)
      if (g[i].key[k] == ' ' && memchr(g[i].key, ' ', k) != NULL)
        st = putunique(c, &head, g[i].key, k, i);
  }
  for (i = 0; i < ng && st == LEDE_OK; i++) {
    size_t *slot = NULL, n;
    if (root(g, i) != i || !orgish(&g[i])) continue;
    if (g[i].acronym) {
      for (n = g[i].klen; n >= 2 && slot == NULL; n--) {
        slot = lede_strmap_get(&init, g[i].key, n);
        if (slot != NULL && n < g[i].klen &&
            (*slot == AMBIGUOUS || g[*slot].kind != K_ORG))
          slot = NULL;
      }
    } else if (g[i].ntok >= 2) {
      slot = lede_strmap_get(&tail, g[i].key, g[i].klen);
      if (slot == NULL || *slot == AMBIGUOUS)
        slot = lede_strmap_get(&head, g[i].key, g[i].klen);
    }
    if (slot != NULL && *slot != AMBIGUOUS && *slot != i &&
        root(g, *slot) == *slot)
      g[i].parent = *slot;
  }
  lede_strmap_free(&init);
  lede_strmap_free(&tail);
  lede_strmap_free(&head);
  return st;
}

/* A name with no clue of its own takes the kind of the names it is
** listed with: "from France, Britain, Belgium", "such as Newsweek, Fox
** News and Drudge Report". */
static void lists(const lede_entctx *c, egroup *g) {
  size_t i;
  for (i = 0; i < c->nms; i++) {
    const emention *m = &c->ms[i];
    egroup *a, *b;
    if (m->coord == LEDE_NONE) continue;
    a = &g[root(g, m->group)];
    b = &g[root(g, c->ms[m->coord].group)];
    if (a->kind == K_NONE && b->kind != K_NONE && b->kind != K_PERSON) {
      a->ev[b->kind] += EV_MIN;
      a->kind = b->kind;
    } else if (b->kind == K_NONE && a->kind != K_NONE && a->kind != K_PERSON) {
      b->ev[a->kind] += EV_MIN;
      b->kind = a->kind;
    }
  }
}

/* ---- the answer ---- */

/* Whether a root group is reported. A single capitalised word seen only
** at sentence starts needs a strong clue: "Far from it" is no name. */
static int reported(const egroup *g) {
  int best = g->kind == K_NONE ? 0 : g->ev[g->kind];
  if (g->kind == K_NONE || g->work) return 0;
  if (g->kind == K_PERSON && (g->acronym || g->ntok > PERSON_MAXWORDS + 1))
    return 0;
  if (g->nmid == 0 && g->ntok == 1 && !g->acronym && !g->gazetteer &&
      !(g->kind == K_PERSON && best >= EV_STRONG))
    return 0;
  return 1;
}

static int byoff(const void *x, const void *y, const emention *ms) {
  const emention *a = &ms[*(const size_t *)x], *b = &ms[*(const size_t *)y];
  if (a->off != b->off) return a->off < b->off ? -1 : 1;
  return *(const size_t *)x < *(const size_t *)y ? -1 : 1;
}

/* qsort has no context argument: sort indices by merging runs instead. */
static void sortmentions(const emention *ms, size_t *v, size_t *tmp, size_t n) {
  size_t w, i;
  for (w = 1; w < n; w *= 2) {
    for (i = 0; i < n; i += 2 * w) {
      size_t a = i, am = i + w < n ? i + w : n, b = am,
             bm = i + 2 * w < n ? i + 2 * w : n, o = i;
      while (a < am || b < bm)
        tmp[o++] = (b >= bm || (a < am && byoff(&v[a], &v[b], ms) <= 0))
                       ? v[a++] : v[b++];
    }
    memcpy(v, tmp, n * sizeof *v);
  }
}

typedef struct {
  size_t group;     /* its root group */
  size_t nment;
  size_t best;      /* the mention whose key names it */
} eslot;

typedef struct {
  lede_entctx *c;
  egroup *g;
  size_t ng;
  size_t *order;     /* mentions in source order */
  size_t *slotof;    /* root group -> entity, or LEDE_NONE */
  eslot *slots;
  size_t n;
  size_t *para;      /* block -> paragraph index */
  const char ***aliases;  /* entity -> its aliases array, writable */
  const char ***roles;    /* entity -> its roles array, writable */
  lede_mention **mentions;  /* entity -> its mentions array, writable */
} eout;

static const char *squeeze(lede_article *a, const char *s, size_t n) {
  size_t out;
  return lede_utf8_squeeze(&a->arena, s, n, &out);
}

/* Adds s to an entity's list unless the entity has it already: `seen`
** holds "entity index, NUL, string" keys in the scratch arena. */
static lede_status addtext(eout *o, lede_strmap *seen, size_t e,
                           const char *s, size_t n, const char *name,
                           const char **list, size_t *count) {
  lede_article *a = o->c->a;
  char *key;
  int added, pre;
  const char *t = squeeze(a, s, n);
  if (t == NULL) return LEDE_ENOMEM;
  n = strlen(t);
  if (name != NULL && strcmp(t, name) == 0) return LEDE_OK;
  key = lede_arena_alloc(&o->c->scratch, n + 24);
  if (key == NULL) return LEDE_ENOMEM;
  pre = snprintf(key, 24, "%zu", e) + 1;
  memcpy(key + pre, t, n);
  if (lede_strmap_put(seen, key, (size_t)pre + n, 0, &added) == NULL)
    return LEDE_ENOMEM;
  if (added) list[(*count)++] = t;
  return LEDE_OK;
}


static lede_status pickentities(eout *o) {
  size_t i;
  o->slots = malloc((o->ng + 1) * sizeof *o->slots);
  o->slotof = malloc((o->ng + 1) * sizeof *o->slotof);
  if (o->slots == NULL || o->slotof == NULL) return LEDE_ENOMEM;
  for (i = 0; i < o->ng; i++) o->slotof[i] = LEDE_NONE;
  for (i = 0; i < o->c->nms; i++) {
    const emention *m = &o->c->ms[o->order[i]];
    size_t r = root(o->g, m->group);
    eslot *s;
    if (!reported(&o->g[r])) continue;
    if (o->slotof[r] == LEDE_NONE) {
      o->slotof[r] = o->n;
      o->slots[o->n].group = r;
      o->slots[o->n].nment = 0;
      o->slots[o->n++].best = o->order[i];
    }
    s = &o->slots[o->slotof[r]];
    s->nment++;
    if (!o->g[m->group].acronym &&
        (o->g[o->c->ms[s->best].group].acronym ||
         m->ntok > o->c->ms[s->best].ntok))
      s->best = o->order[i];
  }
  return LEDE_OK;
}

static lede_status fillnames(eout *o, lede_entity *ents) {
  lede_article *a = o->c->a;
  lede_strmap seen;
  size_t i, e;
  lede_status st = LEDE_OK;
  lede_strmap_init(&seen, 0);
  for (e = 0; e < o->n; e++) {
    const emention *b = &o->c->ms[o->slots[e].best];
    size_t k = o->slots[e].nment * 2;
    ents[e].kind = (lede_entity_kind)o->g[o->slots[e].group].kind;
    ents[e].name = lede_arena_strndup(&a->arena, b->key, b->klen);
    o->aliases[e] = lede_arena_alloc(&a->arena, (k + 1) * sizeof(char *));
    ents[e].aliases = o->aliases[e];
    if (ents[e].name == NULL || ents[e].aliases == NULL) {
      st = LEDE_ENOMEM;
      goto done;
    }
  }
  for (i = 0; i < o->c->nms && st == LEDE_OK; i++) {
    const emention *m = &o->c->ms[o->order[i]];
    size_t r = root(o->g, m->group);
    lede_entity *x;
    if (o->slotof[r] == LEDE_NONE) continue;
    x = &ents[o->slotof[r]];
    st = addtext(o, &seen, o->slotof[r], m->key, m->klen, x->name,
                 o->aliases[o->slotof[r]], &x->naliases);
    if (st == LEDE_OK && m->alias != NULL)
      st = addtext(o, &seen, o->slotof[r], m->alias, m->alen, x->name,
                   o->aliases[o->slotof[r]], &x->naliases);
  }
done:
  lede_strmap_free(&seen);
  return st;
}

static lede_status fillroles(eout *o, lede_entity *ents) {
  lede_article *a = o->c->a;
  lede_strmap seen;
  size_t *count = calloc(o->n + 1, sizeof *count), i, e;
  lede_status st = LEDE_ENOMEM;
  lede_strmap_init(&seen, 0);
  if (count == NULL) goto done;
  for (i = 0; i < o->c->nroles; i++) {
    size_t r = root(o->g, o->c->ms[o->c->roles[i].mention].group);
    if (o->slotof[r] != LEDE_NONE) count[o->slotof[r]]++;
  }
  for (e = 0; e < o->n; e++) {
    o->roles[e] = lede_arena_alloc(&a->arena, (count[e] + 1) * sizeof(char *));
    ents[e].roles = o->roles[e];
    if (ents[e].roles == NULL) goto done;
  }
  for (i = 0; i < o->c->nroles; i++) {
    const erole *ro = &o->c->roles[i];
    size_t r = root(o->g, o->c->ms[ro->mention].group), x = o->slotof[r];
    if (x == LEDE_NONE) continue;
    if (addtext(o, &seen, x, a->source + ro->off, ro->len, NULL,
                o->roles[x], &ents[x].nroles) != LEDE_OK)
      goto done;
  }
  st = LEDE_OK;
done:
  lede_strmap_free(&seen);
  free(count);
  return st;
}

static lede_status fillmentions(eout *o, lede_entity *ents) {
  lede_article *a = o->c->a;
  size_t i, e;
  for (e = 0; e < o->n; e++) {
    o->mentions[e] = lede_arena_alloc(&a->arena, (o->slots[e].nment + 1) *
                                                     sizeof(lede_mention));
    ents[e].mentions = o->mentions[e];
    if (ents[e].mentions == NULL) return LEDE_ENOMEM;
  }
  for (i = 0; i < o->c->nms; i++) {
    const emention *m = &o->c->ms[o->order[i]];
    size_t x = o->slotof[root(o->g, m->group)];
    lede_mention *d;
    if (x == LEDE_NONE) continue;
    d = &o->mentions[x][ents[x].nmentions++];
    d->span.off = m->off;
    d->span.len = m->len;
    d->block = m->block;
    d->paragraph = o->para[m->block];
  }
  return LEDE_OK;
}

/* ---- the index for lede_entities_resolve ---- */

static char sexof(const eout *o, const lede_entity *x, size_t e) {
  char s = o->g[o->slots[e].group].sex;
  size_t fw;
  if (s == 'm' || s == 'f') return s;
  if (s == 'x') return 0;
  fw = firstword(x->name, strlen(x->name));
  s = (char)lede_gaz_given_name(x->name, fw);
  return s == 'm' || s == 'f' ? s : 0;
}

static int bybytes(const void *x, const void *y) {
  const ename *a = x, *b = y;
  size_t n = a->len < b->len ? a->len : b->len;
  int d = memcmp(a->s, b->s, n);
  if (d != 0) return d;
  if (a->len != b->len) return a->len < b->len ? -1 : 1;
  return a->ent < b->ent ? -1 : a->ent > b->ent;
}

static int lowerc(int ch) {
  return ch >= 'A' && ch <= 'Z' ? ch + 32 : ch;
}

static int byfolded(const void *x, const void *y) {
  const ename *a = x, *b = y;
  size_t n = a->len < b->len ? a->len : b->len, i;
  for (i = 0; i < n; i++) {
    int d = lowerc((unsigned char)a->s[i]) - lowerc((unsigned char)b->s[i]);
    if (d != 0) return d;
  }
  if (a->len != b->len) return a->len < b->len ? -1 : 1;
  return 0;
}

/* The last word of every organisation's name, for "the institute". */
static lede_status buildheads(lede_arena *ar, struct lede_entity_index *x,
                              const lede_entity *ents, size_t n) {
  size_t e, norgs = 0;
  for (e = 0; e < n; e++) norgs += ents[e].kind == LEDE_ENTITY_ORGANIZATION;
  x->heads = lede_arena_alloc(ar, (norgs + 1) * sizeof *x->heads);
  if (x->heads == NULL) return LEDE_ENOMEM;
  x->nheads = 0;
  for (e = 0; e < n; e++) {
    size_t wl;
    const char *w;
    if (ents[e].kind != LEDE_ENTITY_ORGANIZATION) continue;
    w = lastword(ents[e].name, strlen(ents[e].name), &wl);
    x->heads[x->nheads++] = (ename){w, wl, e};
  }
  qsort(x->heads, x->nheads, sizeof *x->heads, byfolded);
  return LEDE_OK;
}

/* "the institute": the organisation named last before `before` whose
** name ends in that word. */
static size_t byhead(const struct lede_entity_index *x,
                     const lede_entity *ents, const char *s, size_t n,
                     size_t before) {
  ename key = {s, n, 0};
  size_t lo = 0, hi = x->nheads, best = LEDE_NONE, bestoff = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (byfolded(&x->heads[mid], &key) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < x->nheads && byfolded(&x->heads[lo], &key) == 0; lo++) {
    const lede_entity *e = &ents[x->heads[lo].ent];
    size_t k, at = 0;
    for (k = 0; k < e->nmentions && e->mentions[k].span.off < before; k++)
      at = e->mentions[k].span.off + 1;
    if (at > bestoff) {
      best = x->heads[lo].ent;
      bestoff = at;
    }
  }
  return best;
}

static lede_status buildindex(eout *o, const lede_entity *ents) {
  lede_arena *ar = &o->c->a->arena;
  struct lede_entity_index *x = lede_arena_alloc(ar, sizeof *x);
  char *sex = malloc(o->n + 1);
  size_t i, e, nm = 0, nn = 0, lastm = LEDE_NONE, lastf = LEDE_NONE;
  if (x == NULL || sex == NULL) { free(sex); return LEDE_ENOMEM; }
  for (e = 0; e < o->n; e++) {
    sex[e] = sexof(o, &ents[e], e);
    if (ents[e].kind == LEDE_ENTITY_PLACE) continue;
    nn += 1 + ents[e].naliases;
    if (ents[e].kind == LEDE_ENTITY_PERSON) nm += ents[e].nmentions;
  }
  x->off = lede_arena_alloc(ar, (nm + 1) * sizeof *x->off);
  x->ent = lede_arena_alloc(ar, (nm + 1) * sizeof *x->ent);
  x->he = lede_arena_alloc(ar, (nm + 1) * sizeof *x->he);
  x->she = lede_arena_alloc(ar, (nm + 1) * sizeof *x->she);
  x->names = lede_arena_alloc(ar, (nn + 1) * sizeof *x->names);
  if (!x->off || !x->ent || !x->he || !x->she || !x->names) {
    free(sex);
    return LEDE_ENOMEM;
  }
  x->n = x->nnames = 0;
  for (i = 0; i < o->c->nms; i++) {
    const emention *m = &o->c->ms[o->order[i]];
    size_t k = o->slotof[root(o->g, m->group)];
    if (k == LEDE_NONE || ents[k].kind != LEDE_ENTITY_PERSON) continue;
    if (sex[k] != 'f') lastm = x->n;
    if (sex[k] != 'm') lastf = x->n;
    x->off[x->n] = m->off;
    x->ent[x->n] = k;
    x->he[x->n] = lastm;
    x->she[x->n++] = lastf;
  }
  /* People and organisations: "the institute noted" is no person, but
  ** "noted the Gladstone Institute" names who said it. */
  for (e = 0; e < o->n; e++) {
    if (ents[e].kind == LEDE_ENTITY_PLACE) continue;
    x->names[x->nnames++] = (ename){ents[e].name, strlen(ents[e].name), e};
    for (i = 0; i < ents[e].naliases; i++)
      x->names[x->nnames++] =
          (ename){ents[e].aliases[i], strlen(ents[e].aliases[i]), e};
  }
  qsort(x->names, x->nnames, sizeof *x->names, bybytes);
  free(sex);
  if (buildheads(ar, x, ents, o->n) != LEDE_OK) return LEDE_ENOMEM;
  o->c->a->entity_index = x;
  return LEDE_OK;
}

static lede_status answer(eout *o) {
  lede_article *a = o->c->a;
  lede_entity *ents;
  size_t i, p = 0;
  lede_status st;
  o->para = malloc((a->nblocks + 1) * sizeof *o->para);
  if (o->para == NULL) return LEDE_ENOMEM;
  for (i = 0; i < a->nblocks; i++)
    o->para[i] = a->blocks[i].kind == LEDE_BLOCK_PARAGRAPH ? p++ : LEDE_NONE;
  st = pickentities(o);
  if (st != LEDE_OK) return st;
  ents = lede_arena_alloc(&a->arena, (o->n + 1) * sizeof *ents);
  o->aliases = malloc((o->n + 1) * sizeof *o->aliases);
  o->roles = malloc((o->n + 1) * sizeof *o->roles);
  o->mentions = malloc((o->n + 1) * sizeof *o->mentions);
  if (ents == NULL || !o->aliases || !o->roles || !o->mentions)
    return LEDE_ENOMEM;
  memset(ents, 0, (o->n + 1) * sizeof *ents);
  st = fillnames(o, ents);
  if (st == LEDE_OK) st = fillroles(o, ents);
  if (st == LEDE_OK) st = fillmentions(o, ents);
  if (st == LEDE_OK && !o->c->all) st = buildindex(o, ents);
  if (st != LEDE_OK) return st;
  a->entities[o->c->all] = ents;
  a->nentities[o->c->all] = o->n;
  return LEDE_OK;
}

static lede_status groups(lede_entctx *c, eout *o) {
  size_t i, *tmp;
  lede_status st;
  o->ng = c->names.n;
  o->g = calloc(o->ng + 1, sizeof *o->g);
  o->order = malloc((c->nms + 1) * sizeof *o->order);
  tmp = malloc((c->nms + 1) * sizeof *tmp);
  if (o->g == NULL || o->order == NULL || tmp == NULL) {
    free(tmp);
    return LEDE_ENOMEM;
  }
  for (i = 0; i < c->nms; i++) o->order[i] = i;
  sortmentions(c->ms, o->order, tmp, c->nms);
  free(tmp);
  for (i = 0; i < o->ng; i++) o->g[i].parent = i;
  for (i = c->nms; i-- > 0;) describe(c, &o->g[c->ms[i].group], &c->ms[i]);
  for (i = 0; i < o->ng; i++) nameclues(c, &o->g[i], o->g[i].clue);
  tally(c, o->g, o->ng);
  st = surnames(c, o->g, o->ng, o->order);
  if (st != LEDE_OK) return st;
  tally(c, o->g, o->ng);
  st = shortforms(c, o->g, o->ng);
  if (st != LEDE_OK) return st;
  tally(c, o->g, o->ng);
  lists(c, o->g);
  return LEDE_OK;
}

static lede_status build(lede_article *a, int all) {
  lede_entctx c;
  eout o;
  lede_status st;
  memset(&c, 0, sizeof c);
  memset(&o, 0, sizeof o);
  c.a = a;
  c.all = all;
  o.c = &c;
  lede_strmap_init(&c.vocab, 1);
  lede_strmap_init(&c.lower, 1);
  lede_strmap_init(&c.mid, 0);
  lede_strmap_init(&c.names, 0);
  lede_strmap_init(&c.surnames, 0);
  lede_strmap_init(&c.authors, 0);
  st = loadvocab(&c);
  if (st == LEDE_OK) st = loadauthors(&c);
  if (st == LEDE_OK) st = lede_ent_tokens(&c);
  if (st == LEDE_OK) st = lede_ent_mentions(&c);
  if (st == LEDE_OK) st = groups(&c, &o);
  if (st == LEDE_OK) st = answer(&o);
  free(o.g);
  free(o.order);
  free(o.slots);
  free(o.slotof);
  free(o.para);
  free(o.aliases);
  free(o.roles);
  free(o.mentions);
  lede_strmap_free(&c.vocab);
  lede_strmap_free(&c.lower);
  lede_strmap_free(&c.mid);
  lede_strmap_free(&c.names);
  lede_strmap_free(&c.surnames);
  lede_strmap_free(&c.authors);
  lede_arena_free(&c.scratch);
  free(c.toks);
  free(c.blocks);
  free(c.ms);
  free(c.roles);
  return st;
}

lede_status lede_article_entities(lede_article *a, int all,
                                  const lede_entity **out, size_t *n) {
  all = all != 0;
  if (!a->have_entities[all]) {
    lede_status st = build(a, all);
    if (st != LEDE_OK) {
      *out = NULL;
      *n = 0;
      return st;
    }
    a->have_entities[all] = 1;
  }
  *out = a->entities[all];
  *n = a->nentities[all];
  return LEDE_OK;
}

/* ---- lede_entities_resolve ---- */

/* 'm' for he, 'f' for she, 'a' for they, 0 for a name. */
static char pronoun(const char *s, size_t n) {
  static const char *const he[] = {"he", "him", "his", "himself", NULL};
  static const char *const she[] = {"she", "her", "hers", "herself", NULL};
  static const char *const they[] = {"they", "them", "their", "themselves",
                                     NULL};
  if (lede_lex_is(he, s, n)) return 'm';
  if (lede_lex_is(she, s, n)) return 'f';
  if (lede_lex_is(they, s, n)) return 'a';
  return 0;
}

/* Index of the last person mention starting before byte `before`, or
** LEDE_NONE. */
static size_t lastbefore(const size_t *off, size_t n, size_t before) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (off[mid] < before) lo = mid + 1;
    else hi = mid;
  }
  return lo == 0 ? LEDE_NONE : lo - 1;
}

/* First byte of the body sentence holding byte off, or off itself when
** no sentence does (a caption). */
static size_t sentencestart(lede_article *a, size_t off) {
  const lede_sentence *ss;
  size_t n, lo = 0, hi;
  if (lede_article_sentences(a, &ss, &n) != LEDE_OK) return off;
  hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ss[mid].span.off + ss[mid].span.len <= off) lo = mid + 1;
    else hi = mid;
  }
  return lo < n && ss[lo].span.off <= off ? ss[lo].span.off : off;
}

/* The person a pronoun names: the latest sentence before `before` that
** mentions a person of a fitting sex, and in it the first such person,
** its subject as a rule. In "Schumer said President Trump will get the
** blame ... "…," he said", he is Schumer. */
static size_t recent(lede_article *a, const struct lede_entity_index *x,
                     size_t before, char sex) {
  size_t i = lastbefore(x->off, x->n, before), start;
  const size_t *fit = sex == 'm' ? x->he : sex == 'f' ? x->she : NULL;
  if (i == LEDE_NONE) return LEDE_NONE;
  if (fit != NULL) i = fit[i];
  if (i == LEDE_NONE) return LEDE_NONE;
  start = sentencestart(a, x->off[i]);
  while (i > 0 && x->off[i - 1] >= start) {
    size_t k = i - 1;
    if (fit == NULL || fit[k] == k) i = k;
    else if (fit[k] == LEDE_NONE || x->off[fit[k]] < start) break;
    else i = fit[k];
  }
  return x->ent[i];
}

/* The person a name or alias fits (or with `orgs`, an organisation when
** no person does); when several fit, the one mentioned last before
** `before`. */
static size_t byname(const struct lede_entity_index *x, const lede_entity *ents,
                     const char *s, size_t n, size_t before, int orgs) {
  ename key = {s, n, 0};
  size_t lo = 0, hi = x->nnames, best = LEDE_NONE, bestoff = 0;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (bybytes(&x->names[mid], &key) < 0) lo = mid + 1;
    else hi = mid;
  }
  for (; lo < x->nnames && x->names[lo].len == n &&
         memcmp(x->names[lo].s, s, n) == 0; lo++) {
    const lede_entity *e = &ents[x->names[lo].ent];
    size_t k, at = 0;
    int person = e->kind == LEDE_ENTITY_PERSON;
    if (!person && !orgs) continue;
    for (k = 0; k < e->nmentions && e->mentions[k].span.off < before; k++)
      at = e->mentions[k].span.off + 1;
    if (person) at += (size_t)1 << (sizeof at * 8 - 2);  /* people first */
    if (best == LEDE_NONE || at > bestoff) {
      best = x->names[lo].ent;
      bestoff = at;
    }
  }
  return best;
}

static void trim(const char **s, size_t *n) {
  while (*n > 0 && ((*s)[0] == ' ' || (*s)[0] == '\n' || (*s)[0] == '\t')) {
    (*s)++;
    (*n)--;
  }
  while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\n' ||
                    (*s)[*n - 1] == ',' || (*s)[*n - 1] == '\t'))
    (*n)--;
}

/* "Maj. Gen. Rupert Jones's" reads as "Rupert Jones". */
static void bare(const char **s, size_t *n) {
  size_t k;
  trim(s, n);
  if (*n > 2 && (*s)[*n - 2] == '\'' && (*s)[*n - 1] == 's') *n -= 2;
  if (*n > 4 && memcmp(*s + *n - 4, "\xe2\x80\x99s", 4) == 0) *n -= 4;
  for (;;) {
    k = lede_lex_prefix(lede_lex_titles, *s, *n);
    if (!k) k = lede_lex_prefix(lede_lex_titles_male, *s, *n);
    if (!k) k = lede_lex_prefix(lede_lex_titles_female, *s, *n);
    if (!k) k = lede_lex_prefix(lede_lex_demonyms, *s, *n);
    if (!k || k >= *n) return;
    *s += k;
    *n -= k;
    trim(s, n);
  }
}

size_t lede_entities_resolve(lede_article *a, lede_span cue, size_t before) {
  const lede_entity *ents;
  const struct lede_entity_index *x;
  const char *s;
  size_t n, ne, r, wl, k;
  const char *sp;
  char sex;
  if (lede_article_entities(a, 0, &ents, &ne) != LEDE_OK) return LEDE_NONE;
  x = a->entity_index;
  if (x == NULL || cue.off > a->len || cue.len > a->len - cue.off)
    return LEDE_NONE;
  s = a->source + cue.off;
  n = cue.len;
  trim(&s, &n);
  sex = pronoun(s, n);
  if (sex == 'a') return LEDE_NONE;  /* "they": a group more often than not */
  if (sex) return recent(a, x, before, sex);
  bare(&s, &n);
  if (n == 0) return LEDE_NONE;
  if (n > 4 && lede_lex_is((const char *const[]){"the ", NULL}, s, 4)) {
    s += 4;  /* "the Gladstone Institute" */
    n -= 4;
    if (memchr(s, ' ', n) == NULL && s[0] >= 'a' && s[0] <= 'z')
      return byhead(x, ents, s, n, before);  /* "the institute" */
  }
  r = byname(x, ents, s, n, before, 1);
  if (r != LEDE_NONE) return r;
  /* Words before the name that no title list knows: "State Sen. Dawn
  ** Addiego", "Senate Foreign Relations Chairman Bob Corker". */
  for (k = 0; k < CUE_MAXDROP && (sp = memchr(s, ' ', n)) != NULL; k++) {
    n -= (size_t)(sp + 1 - s);
    s = sp + 1;
    bare(&s, &n);
    if (n == 0) return LEDE_NONE;
    r = byname(x, ents, s, n, before, 0);
    if (r != LEDE_NONE) return r;
  }
  s = lastword(s, n, &wl);
  return wl < n ? byname(x, ents, s, wl, before, 0) : LEDE_NONE;
}

const char *lede_entity_kind_name(lede_entity_kind kind) {
  static const char *const names[LEDE_ENTITY_KIND_COUNT] = {
    "person", "place", "organization"
  };
  if ((int)kind < 0 || kind >= LEDE_ENTITY_KIND_COUNT) return NULL;
  return names[kind];
}
