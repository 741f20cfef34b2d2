/*
** entities.h: state shared by the entity pass (internal). mentions.c
** finds candidate names and the clues around them; entities.c groups,
** classifies and merges them; strmap.c is the hash map both use.
*/
#ifndef LEDE_ENTITIES_H
#define LEDE_ENTITIES_H

#include "article.h"

/* ---- strmap.c: string keys to size_t values, open addressing ---- */

typedef struct {
  const char *key;  /* borrowed: the caller keeps the bytes alive */
  size_t len;
  size_t val;
} lede_strslot;

typedef struct {
  lede_strslot *slots;  /* malloc'd; key NULL marks a free slot */
  size_t cap, n;
  int fold;             /* compare and hash with ASCII case folded */
} lede_strmap;

void lede_strmap_init(lede_strmap *m, int fold);
void lede_strmap_free(lede_strmap *m);
/* The value stored under s, or NULL when s is absent. */
size_t *lede_strmap_get(const lede_strmap *m, const char *s, size_t len);
/* The value slot of s, inserting val first when s is absent (*added
** then 1); NULL when out of memory. */
size_t *lede_strmap_put(lede_strmap *m, const char *s, size_t len, size_t val,
                        int *added);

/* ---- vocabulary: what the data/ lists say of a word or phrase ---- */

enum {
  V_TITLE = 1 << 0,       /* titles.txt: "Maj. Gen." */
  V_MALE = 1 << 1,        /* titles-male.txt: "Mr." */
  V_FEMALE = 1 << 2,      /* titles-female.txt: "Ms." */
  V_ROLE = 1 << 3,        /* roles.txt: "spokesman" */
  V_ORG = 1 << 4,         /* org-words.txt: "University" */
  V_PLACECUE = 1 << 5,    /* place-words.txt: "province" */
  V_PLACEHEAD = 1 << 6,   /* place-heads.txt: "River" */
  V_DEMONYM = 1 << 7,     /* demonyms.txt: "British" */
  V_VERB = 1 << 8,        /* person-verbs.txt: "said" */
  V_FUNC = 1 << 9,        /* function-words.txt: "the" */
  V_NOTNAME = 1 << 10,    /* not-names.txt: "CEO", "Photo" */
  V_DATE = 1 << 11,       /* datetime.txt: "Wednesday" */
  V_LINK = 1 << 12,       /* links.txt: "RSS" (author lines only) */
  V_ABBR = 1 << 13,       /* a word of the lists ending in '.': "Gen." */
  V_WORK = 1 << 14,       /* work-words.txt: "Act", "Treaty", "Award" */
  V_ANYTITLE = V_TITLE | V_MALE | V_FEMALE
};

/* ---- tokens, mentions, groups ---- */

/* What lies between a token and the one before it. */
enum { GAP_SPACE, GAP_COMMA, GAP_OTHER };

typedef struct {
  size_t off, len;      /* bytes in the source, possessive 's left out */
  unsigned v;           /* V_ flags of the word as a whole */
  unsigned char cap;    /* starts with a capital ("Jones", "al-Abadi") */
  unsigned char caps;   /* two or more letters, all capitals ("ISIS") */
  unsigned char lower;  /* starts with a lower-case letter */
  unsigned char start;  /* opens a sentence, a quotation or a line */
  unsigned char poss;   /* followed by 's or a bare possessive apostrophe */
  unsigned char gap;    /* GAP_ before it */
} etok;

/* A block of the pass's scope and its tokens. */
typedef struct {
  size_t block;        /* index in a->blocks */
  size_t t0, t1;       /* its tokens: toks[t0..t1) */
  int headline;        /* Headline Case or capitals: known names only */
} eblock;

enum { K_PERSON, K_PLACE, K_ORG, K_NONE = -1 };

/* One candidate mention. */
typedef struct {
  size_t off, len;     /* its span (with " group" when said so) */
  size_t block;        /* index in a->blocks */
  const char *key;     /* the name as a key: words joined by one space */
  size_t klen;
  const char *alias;   /* the written form when it differs ("X group") */
  size_t alen;
  int ev[3];           /* evidence for K_PERSON, K_PLACE, K_ORG */
  char sex;            /* 'm', 'f' from a title, else 0 */
  unsigned char initial;  /* its first word opens a sentence */
  unsigned char incue;    /* after "in"/"near": passed along a list */
  size_t ntok;         /* words in the key */
  size_t t0, t1;       /* its tokens, while the pass runs */
  size_t coord;        /* the mention it is listed with ("A, B and C") */
  size_t group;        /* its group */
} emention;

/* A role or title read for a mention ("Maj. Gen.", "deputy commander"). */
typedef struct {
  size_t mention;
  size_t off, len;     /* its bytes in the source */
} erole;

typedef struct lede_entctx {
  lede_article *a;
  int all;
  lede_strmap vocab;   /* folded: list entries to V_ flags */
  lede_strmap lower;   /* folded: words seen starting lower case */
  lede_strmap mid;     /* exact: capitalised words seen inside sentences */
  lede_strmap names;   /* exact: keys to group indices */
  lede_strmap surnames;  /* exact: last words of names of 2+ words */
  lede_strmap authors; /* exact: author names */
  lede_arena scratch;  /* keys and phrases; freed with the context */
  etok *toks;
  size_t ntoks, captoks;
  eblock *blocks;
  size_t nblocks, capblocks;
  emention *ms;
  size_t nms, capms;
  erole *roles;
  size_t nroles, caproles;
} lede_entctx;

/* Room for need items of size bytes in *p (capacity *cap); 0 on success,
** -1 when out of memory. */
int lede_ent_grow(void **p, size_t *cap, size_t need, size_t size);

/* V_ flags of a word or phrase (ASCII case folded), 0 when unlisted. */
unsigned lede_ent_vocab(const lede_entctx *c, const char *s, size_t len);

/* Tokenise the scope's blocks and note which words occur in lower case
** and which capitalised inside sentences (mentions.c). */
lede_status lede_ent_tokens(lede_entctx *c);

/* Candidate mentions with their clues: first the blocks in sentence
** case, then known names in headline-case blocks (mentions.c). */
lede_status lede_ent_mentions(lede_entctx *c);

/* Whether s is an acronym: 2 to 6 capital letters A to Z ("ISIS"). */
int lede_ent_acronym(const char *s, size_t len);

/* Whether ms[i] of c names something already seen (used by headline
** blocks): its key is a group or a gazetteer entry. */
int lede_ent_known(const lede_entctx *c, const char *key, size_t klen);

#endif
