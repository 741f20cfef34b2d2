/*
** test_entities.c: core/lib/entities.c and mentions.c. Invented rows per
** rule (kinds, names, aliases, roles, mention spans), speaker look-ups
** with lede_entities_resolve, the seed article when ../shared is there,
** and span invariants over the corpus. Run from the repository root.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib/article.h"
#include "lib/gazetteer.h"
#include "shared.h"

#define MAXE 8  /* expected entities in one row */

typedef struct {
  const char *text;       /* the article */
  int all;                /* read the furniture too */
  /* "kind name | alias, alias | role, role | mention, mention", in order;
  ** an empty part is not checked, "-" means none. */
  const char *want[MAXE];
} row;

static const row rows[] = {
  /* A title goes to roles; a surname alone joins the full name. */
  {"Col. Maren Voss told reporters on Tuesday that the unit would stay. "
   "Voss said the decision was final.\n",
   0, {"person Maren Voss | Voss | Col. | Maren Voss, Voss"}},
  /* Place cues: "the town of X", "into X", "X county". */
  {"Floodwater reached the town of Brellin on Monday, and crews moved "
   "north into Dunmore county overnight.\n",
   0, {"place Brellin | - | - | Brellin", "place Dunmore | - | - | Dunmore"}},
  /* Organisation words; an acronym of the initials joins the name. */
  {"The Northern Grain Cooperative Association said prices fell. The NGCA "
   "expects a rebound in the spring.\n",
   0, {"organization Northern Grain Cooperative Association | NGCA | - | "
       "Northern Grain Cooperative Association, NGCA"}},
  /* "X group" is X; an acronym that begins with X's initials joins it. */
  {"Fighters of the Crimson Banner group attacked a depot. The Crimson "
   "Banner said the CBRA would fight on.\n",
   0, {"organization Crimson Banner | Crimson Banner group, CBRA | - | "
       "Crimson Banner group, Crimson Banner, CBRA"}},
  /* A demonym is trimmed off; titles and role words are roles. */
  {"The French Foreign Minister Ada Kosk met spokesman Piet Lamb in "
   "Ostrava on Friday.\n",
   0, {"person Ada Kosk | - | Foreign Minister | Ada Kosk",
       "person Piet Lamb | - | spokesman | Piet Lamb",
       "place Ostrava | - | - | Ostrava"}},
  /* An apposition with a role word. */
  {"Officials met Bram Oduya, the deputy commander of the brigade, and "
   "Oduya said little.\n",
   0, {"person Bram Oduya | Oduya | deputy commander | Bram Oduya, Oduya"}},
  /* Not entities: dates, sentence openers, demonyms alone. */
  {"In March, the board met. British officials said Monday that nothing "
   "changed. However, the Canadians disagreed.\n",
   0, {NULL}},
  /* "U.S.-led coalition" names one organisation; the possessive is left
  ** out of the mention. */
  {"Troops of the U.S.-led coalition reached the valley. Talbot's aides "
   "waited for Mr. Hale Talbot in the square.\n",
   0, {"organization U.S.-led coalition | - | - | U.S.-led coalition",
       "person Hale Talbot | Talbot | Mr. | Talbot, Hale Talbot"}},
  /* Labels in capitals are no names: a speaker's initials, a ticker. */
  {"Lede text.\n\nKL: Where were you on the night of the storm?\n\n"
   "Shares of Vantor Corp. (NYSE: VNTR) rose on the news that day.\n",
   0, {"organization Vantor Corp. | - | - | Vantor Corp.",
       "organization NYSE | - | - | NYSE"}},
  /* A headline names only what the body names; all=1 reads it. */
  {"Voss Warns of a Long Delay\n\nCol. Maren Voss told reporters the unit "
   "would stay put for the winter, and Voss said the decision was final "
   "and would not be reviewed.\n",
   1, {"person Maren Voss | Voss | Col. | Voss, Maren Voss, Voss"}},
  {"Voss Warns of a Long Delay\n\nCol. Maren Voss told reporters the unit "
   "would stay put for the winter, and Voss said the decision was final "
   "and would not be reviewed.\n",
   0, {"person Maren Voss | Voss | Col. | Maren Voss, Voss"}},
};

/* ---- checking one row ---- */

static int fails;

static void bad(size_t r, const char *fmt, ...) {
  va_list ap;
  char msg[512];
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  print_message("row %zu: %s\n", r, msg);
  fails++;
}

/* Part k (0-based) of a "a | b | c | d" spec, trimmed, into out. */
static void part(const char *spec, int k, char *out, size_t n) {
  const char *s = spec, *e;
  while (k-- > 0 && s != NULL) {
    s = strchr(s, '|');
    if (s != NULL) s++;
  }
  if (s == NULL) { out[0] = '\0'; return; }
  while (*s == ' ') s++;
  e = strchr(s, '|');
  if (e == NULL) e = s + strlen(s);
  while (e > s && e[-1] == ' ') e--;
  snprintf(out, n, "%.*s", (int)(e - s), s);
}

/* The strings joined by ", " ("-" when there are none). */
static void joined(const char *const *v, size_t n, char *out, size_t cap) {
  size_t i;
  out[0] = '\0';
  if (n == 0) snprintf(out, cap, "-");
  for (i = 0; i < n; i++) {
    strncat(out, i ? ", " : "", cap - strlen(out) - 1);
    strncat(out, v[i], cap - strlen(out) - 1);
  }
}

static void mentiontexts(const lede_article *a, const lede_entity *e,
                         char *out, size_t cap) {
  size_t i, len;
  const char *src = lede_article_source(a, &len);
  out[0] = '\0';
  for (i = 0; i < e->nmentions; i++) {
    char one[128];
    snprintf(one, sizeof one, "%s%.*s", i ? ", " : "",
             (int)e->mentions[i].span.len, src + e->mentions[i].span.off);
    strncat(out, one, cap - strlen(out) - 1);
  }
}

static void checkentity(size_t r, const lede_article *a, const lede_entity *e,
                        const char *spec) {
  char head[256], want[512], got[512];
  part(spec, 0, head, sizeof head);
  snprintf(got, sizeof got, "%s %s", lede_entity_kind_name(e->kind), e->name);
  if (strcmp(got, head) != 0) bad(r, "entity \"%s\", want \"%s\"", got, head);
  part(spec, 1, want, sizeof want);
  joined(e->aliases, e->naliases, got, sizeof got);
  if (want[0] && strcmp(got, want) != 0)
    bad(r, "%s: aliases \"%s\", want \"%s\"", e->name, got, want);
  part(spec, 2, want, sizeof want);
  joined(e->roles, e->nroles, got, sizeof got);
  if (want[0] && strcmp(got, want) != 0)
    bad(r, "%s: roles \"%s\", want \"%s\"", e->name, got, want);
  part(spec, 3, want, sizeof want);
  mentiontexts(a, e, got, sizeof got);
  if (want[0] && strcmp(got, want) != 0)
    bad(r, "%s: mentions \"%s\", want \"%s\"", e->name, got, want);
}

static void test_rows(void **state) {
  size_t r;
  (void)state;
  fails = 0;
  for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
    lede_article *a = NULL;
    const lede_entity *e;
    size_t n, k, want = 0;
    assert_int_equal(lede_parse(rows[r].text, strlen(rows[r].text), NULL, &a,
                                NULL), LEDE_OK);
    assert_int_equal(lede_article_entities(a, rows[r].all, &e, &n), LEDE_OK);
    while (want < MAXE && rows[r].want[want] != NULL) want++;
    if (n != want) {
      bad(r, "%zu entities, want %zu", n, want);
      for (k = 0; k < n; k++)
        print_message("  got %s %s\n", lede_entity_kind_name(e[k].kind),
                      e[k].name);
    }
    for (k = 0; k < n && k < want; k++) checkentity(r, a, &e[k], rows[r].want[k]);
    lede_article_free(a);
  }
  assert_int_equal(fails, 0);
}

/* Mentions carry their block and paragraph; the two answers are cached
** apart and a second call gives the same array. */
static void test_fields(void **state) {
  static const char text[] =
      "Voss Warns of a Long Delay\n\nA first paragraph without names.\n\n"
      "Col. Maren Voss told reporters the unit would stay put for the "
      "winter months.\n";
  lede_article *a = NULL;
  const lede_entity *e, *again, *withall;
  size_t n, n2, n3;
  (void)state;
  assert_int_equal(lede_parse(text, strlen(text), NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_entities(a, 0, &e, &n), LEDE_OK);
  assert_int_equal(n, 1);
  assert_int_equal(e[0].nmentions, 1);
  assert_int_equal(e[0].mentions[0].span.off, strstr(text, "Maren") - text);
  assert_int_equal(e[0].mentions[0].span.len, 10);
  assert_int_equal(e[0].mentions[0].block, 2);
  assert_int_equal(e[0].mentions[0].paragraph, 1);
  assert_int_equal(lede_article_entities(a, 0, &again, &n2), LEDE_OK);
  assert_ptr_equal(again, e);
  assert_int_equal(n2, n);
  assert_int_equal(lede_article_entities(a, 1, &withall, &n3), LEDE_OK);
  assert_int_equal(n3, 1);
  assert_int_equal(withall[0].nmentions, 2);
  assert_int_equal(withall[0].mentions[0].block, 0);
  assert_int_equal(withall[0].mentions[0].paragraph, LEDE_NONE);
  assert_string_equal(lede_entity_kind_name(LEDE_ENTITY_ORGANIZATION),
                      "organization");
  assert_null(lede_entity_kind_name(LEDE_ENTITY_KIND_COUNT));
  lede_article_free(a);
}

/* ---- lede_entities_resolve ---- */

typedef struct {
  const char *cue;     /* the cue as written */
  const char *before;  /* the cue is looked up before this text's offset */
  size_t want;         /* entity index, or LEDE_NONE */
} resolverow;

static const char resolvetext[] =
    "Ms. Lena Marsh arrived first. Mr. Tomas Brik followed an hour later. "
    "Marsh said she was tired, and he agreed.\n";

static const resolverow resolverows[] = {
  {"Marsh", "Marsh said", 0},
  {"Lena Marsh", "Marsh said", 0},
  {"Mr. Tomas Brik", "he agreed", 1},
  {"Brik's", "he agreed", 1},
  {"she", "she was", 0},      /* Marsh is the last before it */
  {"he", "he agreed", 1},     /* Mr. Brik: the last man */
  {"he", "Mr. Tomas", LEDE_NONE},  /* only Ms. Marsh before */
  {"they", "he agreed", LEDE_NONE},  /* a group more often than not */
  {"Nobody", "he agreed", LEDE_NONE},
  {"she", "Ms. Lena", LEDE_NONE}, /* nobody before */
  {"it", "he agreed", LEDE_NONE},
};

static void test_resolve(void **state) {
  lede_article *a = NULL;
  size_t r, len;
  const char *src;
  (void)state;
  fails = 0;
  assert_int_equal(lede_parse(resolvetext, strlen(resolvetext), NULL, &a,
                              NULL), LEDE_OK);
  src = lede_article_source(a, &len);
  for (r = 0; r < sizeof resolverows / sizeof resolverows[0]; r++) {
    const resolverow *w = &resolverows[r];
    const char *at = strstr(src, w->cue);
    lede_span cue;
    size_t got;
    char *copy = NULL;
    lede_article *b = NULL;
    const char *bsrc;
    if (at == NULL) {
      /* A cue not in the text: parse it appended so the span is real. */
      size_t n = strlen(resolvetext) + strlen(w->cue) + 2;
      copy = malloc(n);
      assert_non_null(copy);
      snprintf(copy, n, "%s\n%s", resolvetext, w->cue);
      assert_int_equal(lede_parse(copy, strlen(copy), NULL, &b, NULL), LEDE_OK);
      bsrc = lede_article_source(b, &len);
      cue.off = (size_t)(strrchr(bsrc, '\n') - bsrc) + 1;
    } else {
      cue.off = (size_t)(at - src);
    }
    cue.len = strlen(w->cue);
    got = lede_entities_resolve(b ? b : a, cue,
                                (size_t)(strstr(src, w->before) - src));
    if (got != w->want)
      bad(r, "resolve \"%s\" before \"%s\": %zu, want %zu", w->cue, w->before,
          got, w->want);
    lede_article_free(b);
    free(copy);
  }
  lede_article_free(a);
  assert_int_equal(fails, 0);
}

/* ---- the seed and the corpus ---- */

typedef struct {
  const char *kind, *name;
  int gazetteer;  /* needs the gazetteer (data/ branch) to be found */
} seedrow;

static const seedrow seed_body[] = {
  {"person", "Rupert Jones", 0},
  {"person", "Haider al-Abadi", 0},
  {"place", "Iraq", 0},
  {"place", "Syria", 0},
  {"place", "Raqqa", 0},
  {"place", "Tal Afar", 0},
  {"place", "Middle Euphrates River Valley", 0},
  {"place", "West Mosul", 1},
  {"place", "France", 1},
  {"place", "Britain", 1},
  {"place", "Belgium", 1},
  {"organization", "Islamic State", 0},
  {"organization", "U.S.-led coalition", 0},
  {"organization", "Pentagon", 1},
};

static const seedrow seed_all[] = {
  {"place", "Heet", 0},
  {"place", "Anbar", 0},
  {"person", "Natalie Johnson", 0},
  {"organization", "Washington Free Beacon", 0},
  {"organization", "Daily Signal", 0},
  {"organization", "Newsweek", 1},
  {"organization", "Fox News", 0},
  {"organization", "Drudge Report", 0},
  {"organization", "James Madison University", 0},
  {"organization", "Getty Images", 0},
};

static const lede_entity *byname(const lede_entity *e, size_t n,
                                 const char *name) {
  size_t i;
  for (i = 0; i < n; i++)
    if (strcmp(e[i].name, name) == 0) return &e[i];
  return NULL;
}

static int has(const char *const *v, size_t n, const char *s) {
  size_t i;
  for (i = 0; i < n; i++)
    if (strcmp(v[i], s) == 0) return 1;
  return 0;
}

static void seedrows(const lede_entity *e, size_t n, const seedrow *rs,
                     size_t nr, int gaz, size_t *skipped) {
  size_t r;
  for (r = 0; r < nr; r++) {
    const lede_entity *x = byname(e, n, rs[r].name);
    if (rs[r].gazetteer && !gaz) { (*skipped)++; continue; }
    if (x == NULL) bad(r, "seed: no %s \"%s\"", rs[r].kind, rs[r].name);
    else if (strcmp(lede_entity_kind_name(x->kind), rs[r].kind) != 0)
      bad(r, "seed: \"%s\" is a %s, want %s", rs[r].name,
          lede_entity_kind_name(x->kind), rs[r].kind);
  }
}

static void test_seed(void **state) {
  size_t len, n, skipped = 0;
  char *text = shared_slurp(SHARED_SEED, &len);
  lede_article *a = NULL;
  const lede_entity *e, *x;
  int gaz = lede_gaz_place("Iraq", 4) != LEDE_GAZ_NONE;
  (void)state;
  fails = 0;
  if (text == NULL) {
    shared_missing(SHARED_SEED);
    skip();
  }
  assert_int_equal(lede_parse(text, len, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_entities(a, 0, &e, &n), LEDE_OK);
  seedrows(e, n, seed_body, sizeof seed_body / sizeof seed_body[0], gaz,
           &skipped);
  x = byname(e, n, "Rupert Jones");
  if (x && (!has(x->aliases, x->naliases, "Jones") ||
            !has(x->roles, x->nroles, "Maj. Gen.")))
    bad(0, "seed: Rupert Jones lacks the alias Jones or the role Maj. Gen.");
  x = byname(e, n, "Haider al-Abadi");
  if (x && !has(x->roles, x->nroles, "Prime Minister"))
    bad(0, "seed: Haider al-Abadi lacks the role Prime Minister");
  x = byname(e, n, "Islamic State");
  if (x && !has(x->aliases, x->naliases, "ISIS"))
    bad(0, "seed: Islamic State lacks the alias ISIS");
  if (byname(e, n, "British") || byname(e, n, "Iraqi") ||
      byname(e, n, "Wednesday") || byname(e, n, "The"))
    bad(0, "seed: a demonym, day or opener reported");
  assert_int_equal(lede_article_entities(a, 1, &e, &n), LEDE_OK);
  seedrows(e, n, seed_all, sizeof seed_all / sizeof seed_all[0], gaz,
           &skipped);
  x = byname(e, n, "Islamic State");
  if (x && !has(x->aliases, x->naliases, "Islamic State group"))
    bad(0, "seed: Islamic State lacks the alias Islamic State group");
  if (skipped > 0)
    print_message("seed: %zu names skipped: the gazetteer is a stub\n",
                  skipped);
  lede_article_free(a);
  free(text);
  assert_int_equal(fails, 0);
}

/* Every mention inside its block, in source order, naming capitalised
** bytes; with and without the furniture. */
static int spansok(const char *path, const lede_article *a, int all,
                   const lede_entity *e, size_t n) {
  size_t i, k, nb;
  const lede_block *b = lede_article_blocks(a, &nb);
  const char *src = lede_article_source(a, NULL);
  for (i = 0; i < n; i++) {
    size_t last = 0;
    for (k = 0; k < e[i].nmentions; k++) {
      const lede_mention *m = &e[i].mentions[k];
      const lede_block *bl = m->block < nb ? &b[m->block] : NULL;
      if (bl == NULL || m->span.len == 0 || m->span.off < bl->span.off ||
          m->span.off + m->span.len > bl->span.off + bl->span.len ||
          m->span.off < last ||
          (!all && bl->kind != LEDE_BLOCK_PARAGRAPH &&
           bl->kind != LEDE_BLOCK_IMAGE) ||
          (src[m->span.off] >= 'a' && src[m->span.off] <= 'z' &&
           src[m->span.off + 2] != '-')) {
        print_message("%s: %s mention %zu of \"%s\" out of place\n", path,
                      all ? "all" : "body", k, e[i].name);
        return 0;
      }
      last = m->span.off;
    }
  }
  return 1;
}

static void test_corpus(void **state) {
  char **files;
  size_t nfiles, i, checked = 0, bad_files = 0;
  (void)state;
  nfiles = shared_corpus(&files);
  for (i = 0; i < nfiles; i++) {
    size_t len, n;
    char *text = shared_slurp(files[i], &len);
    lede_article *a = NULL;
    const lede_entity *e;
    int all, ok = 1;
    if (text == NULL || lede_parse(text, len, NULL, &a, NULL) != LEDE_OK) {
      free(text);
      continue;
    }
    for (all = 0; all < 2; all++) {
      assert_int_equal(lede_article_entities(a, all, &e, &n), LEDE_OK);
      ok &= spansok(files[i], a, all, e, n);
    }
    checked++;
    bad_files += !ok;
    lede_article_free(a);
    free(text);
  }
  shared_free(files, nfiles);
  print_message("corpus: %zu files checked, %zu with bad spans\n", checked,
                bad_files);
  assert_true(checked > 0);
  assert_int_equal(bad_files, 0);
}

/* A big article of many names: the pass must not go quadratic. Its
** answer is checked, its time is not (no timing in unit tests). */
static void test_large(void **state) {
  static const char para[] =
      "Col. Maren Voss met Ada Kosk in Ostrava, and Voss said the Northern "
      "Grain Cooperative Association would help.\n\n";
  size_t reps = 20000, i, n, plen = strlen(para);
  char *text = malloc(plen * reps + 1);
  lede_article *a = NULL;
  const lede_entity *e;
  (void)state;
  assert_non_null(text);
  for (i = 0; i < reps; i++) memcpy(text + i * plen, para, plen);
  text[plen * reps] = '\0';
  assert_int_equal(lede_parse(text, plen * reps, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_entities(a, 0, &e, &n), LEDE_OK);
  assert_non_null(byname(e, n, "Maren Voss"));
  assert_int_equal(byname(e, n, "Maren Voss")->nmentions, 2 * reps);
  lede_article_free(a);
  free(text);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rows),
    cmocka_unit_test(test_fields),
    cmocka_unit_test(test_resolve),
    cmocka_unit_test(test_seed),
    cmocka_unit_test(test_corpus),
    cmocka_unit_test(test_large),
  };
  return cmocka_run_group_tests_name("entities", tests, NULL, NULL);
}
