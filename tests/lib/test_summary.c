/*
** test_summary.c: core/lib/summary.c. The ranking runs on invented
** sentences whose words the test makes itself (content words only, stem =
** the word less a plural s), so it needs neither the splitter nor the
** stopword list; the choice under options runs on fixed rankings.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "lib/summary.h"

/* An invented text made into the arrays the summariser takes. */
typedef struct {
  size_t n;
  lede_word *ws;
  size_t nw;
  char *store;  /* norms and stems */
} story;

/* Each sentence is words separated by single spaces. */
static story make(const char *const *sent, size_t n) {
  story s = {0};
  size_t bytes = 0, words = 0;
  for (size_t i = 0; i < n; i++) {
    bytes += 2 * (strlen(sent[i]) + 1);
    for (const char *p = sent[i]; *p; p++) words += *p == ' ';
    words++;
  }
  s.ws = calloc(words + 1, sizeof *s.ws);
  s.store = malloc(bytes + 1);
  assert_non_null(s.ws);
  assert_non_null(s.store);
  char *out = s.store;
  size_t off = 0;
  for (size_t i = 0; i < n; i++) {
    const char *p = sent[i];
    while (*p) {
      size_t len = strcspn(p, " ");
      lede_word *w = &s.ws[s.nw++];
      w->span = (lede_span){off + (size_t)(p - sent[i]), len};
      w->sentence = i;
      memcpy(out, p, len);
      out[len] = '\0';
      w->norm = out;
      out += len + 1;
      if (len > 3 && p[len - 1] == 's') len--;
      memcpy(out, p, len);
      out[len] = '\0';
      w->stem = out;
      out += len + 1;
      p += strcspn(p, " ");
      if (*p == ' ') p++;
    }
    off += strlen(sent[i]) + 1;
  }
  s.n = n;
  return s;
}

static void unmake(story *s) {
  free(s->ws);
  free(s->store);
}

static size_t *rank_of(const story *s, lede_summary_stats *stats) {
  size_t *rank = malloc((s->n + 1) * sizeof *rank);
  assert_non_null(rank);
  assert_int_equal(lede_summary_rank(s->n, s->ws, s->nw, rank, stats),
                   LEDE_OK);
  return rank;
}

static size_t *words_of(const story *s) {
  size_t *nw = calloc(s->n + 1, sizeof *nw);
  assert_non_null(nw);
  for (size_t k = 0; k < s->nw; k++) nw[s->ws[k].sentence]++;
  return nw;
}

#define COUNT(a) (sizeof (a) / sizeof (a)[0])

/* A town story: the lead states the point, later sentences come back to
** its terms, one is an aside. The lead first, then the two sentences
** that share most with the rest; the two-word aside last. */
static const char *const harbor[] = {
  "harbor council votes retain lighthouse keeper payroll",        /* 0 */
  "keeper tended lighthouse decades storms",                      /* 1 */
  "residents packed council hall monday night",                   /* 2 */
  "numerous residents praised keeper lighthouse tourists harbor",  /* 3 */
  "weather mild",                                                 /* 4 */
  "council budget vote june covers keeper salary lighthouse",     /* 5 */
  "bakery launched branch downtown",                              /* 6 */
};

static void test_rank(void **state) {
  (void)state;
  story s = make(harbor, COUNT(harbor));
  lede_summary_stats st;
  size_t *rank = rank_of(&s, &st);
  static const size_t want[] = {0, 3, 5, 2, 1, 6, 4};
  for (size_t i = 0; i < s.n; i++) {
    if (rank[i] != want[i]) print_message("rank[%zu] = %zu, want %zu\n", i, rank[i], want[i]);
    assert_int_equal(rank[i], want[i]);
  }
  /* Each way, every pair within 4 sentences or sharing a term: all 42
  ** ordered pairs but 0-6 and 1-6, which are 5 or 6 apart and share
  ** nothing. */
  assert_int_equal(st.pairs, 38);
  free(rank);
  unmake(&s);
}

/* Same input, same answer; and the ranking is a permutation. */
static void test_deterministic(void **state) {
  (void)state;
  story s = make(harbor, COUNT(harbor));
  size_t *r1 = rank_of(&s, NULL), *r2 = rank_of(&s, NULL);
  unsigned seen = 0;
  assert_memory_equal(r1, r2, s.n * sizeof *r1);
  for (size_t i = 0; i < s.n; i++) seen |= 1u << r1[i];
  assert_int_equal(seen, (1u << s.n) - 1);
  free(r1);
  free(r2);
  unmake(&s);
}

/* A sentence repeated: the copy would be chosen second on relevance
** alone, but it says nothing new, so it comes last, after the aside. */
static const char *const repeated[] = {
  "flood closed river bridge thursday morning",         /* 0 */
  "flood closed river bridge thursday morning",         /* 1 */
  "engineers inspect bridge river piers friday",        /* 2 */
  "commuters detour valley road bridge",                /* 3 */
  "mayor promised repairs bridge river spring",         /* 4 */
  "choir concert postponed",                            /* 5 */
};

static void test_redundancy(void **state) {
  (void)state;
  story s = make(repeated, COUNT(repeated));
  size_t *rank = rank_of(&s, NULL), out[6];
  static const size_t want[] = {0, 2, 4, 3, 5, 1};
  for (size_t i = 0; i < s.n; i++) {
    if (rank[i] != want[i]) print_message("rank[%zu] = %zu, want %zu\n", i, rank[i], want[i]);
    assert_int_equal(rank[i], want[i]);
  }
  size_t *nw = words_of(&s);
  assert_int_equal(lede_summary_choose(rank, s.n, nw, NULL, out), 3);
  assert_int_equal(out[0], 0);
  assert_int_equal(out[1], 2);
  assert_int_equal(out[2], 4);
  free(nw);
  free(rank);
  unmake(&s);
}

/* ---- choosing under options, on a fixed ranking ---- */

typedef struct {
  const char *name;
  lede_summary_opts o;
  size_t n;          /* expected count */
  size_t out[6];     /* expected indices, article order */
} chooserow;

/* Ranking 4, 0, 5, 2, 1, 3 of six sentences of these word counts. */
static const size_t fixed_rank[] = {4, 0, 5, 2, 1, 3};
static const size_t fixed_words[] = {20, 12, 30, 8, 25, 10};

static const chooserow choose_rows[] = {
  {"defaults: three", {0, 0, 0}, 3, {0, 4, 5}},
  {"one sentence", {1, 0, 0}, 1, {4}},
  {"more than there are", {9, 0, 0}, 6, {0, 1, 2, 3, 4, 5}},
  {"budget of 45 words: 25 + 20, nothing else fits", {0, 45, 0}, 2, {0, 4}},
  {"budget of 60: 25 + 20 + 10, then 12 does not fit", {0, 60, 0}, 3, {0, 4, 5}},
  {"budget of 67: 25 + 20 + 10 + 12", {0, 67, 0}, 4, {0, 1, 4, 5}},
  {"budget below every sentence: nothing", {0, 7, 0}, 0, {0}},
  {"budget 9 takes the 8-word sentence", {0, 9, 0}, 1, {3}},
  {"ratio 0.5 of 6", {0, 0, 0.5}, 3, {0, 4, 5}},
  {"ratio 0.01 still one", {0, 0, 0.01}, 1, {4}},
  {"ratio 1", {0, 0, 1}, 6, {0, 1, 2, 3, 4, 5}},
  {"ratio 0.25 rounds 1.5 up to 2", {0, 0, 0.25}, 2, {0, 4}},
  {"sentences and ratio: the tighter, 2", {2, 0, 0.9}, 2, {0, 4}},
  {"sentences and words: the budget binds", {5, 50, 0}, 2, {0, 4}},
  {"sentences and words: the count binds", {2, 100, 0}, 2, {0, 4}},
};

static void test_choose(void **state) {
  (void)state;
  int fails = 0;
  for (size_t r = 0; r < COUNT(choose_rows); r++) {
    const chooserow *w = &choose_rows[r];
    size_t out[6] = {0}, n = lede_summary_choose(fixed_rank, 6, fixed_words, &w->o, out);
    if (n != w->n || memcmp(out, w->out, n * sizeof *out) != 0) {
      print_message("row %zu: %s: got %zu sentences\n", r, w->name, n);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

/* ---- cost ---- */

/* n sentences: each shares one rare term with the next, one with 19
** others spread through the text, and a term with all of them. */
static story chain(size_t n, char ***text) {
  char **t = calloc(n, sizeof *t);
  assert_non_null(t);
  for (size_t i = 0; i < n; i++) {
    t[i] = malloc(64);
    assert_non_null(t[i]);
    snprintf(t[i], 64, "common w%zu w%zu g%zu", i, i + 1, i % (n / 20));
  }
  *text = t;
  return make((const char *const *)t, n);
}

static void unchain(story *s, char **t) {
  for (size_t i = 0; i < s->n; i++) free(t[i]);
  free(t);
  unmake(s);
}

/* The work grows with the number of sentences, not its square: doubling
** the text doubles the pairs compared, and each sentence is compared with
** at most 8 neighbours and 48 sentences through rare terms. */
static void test_linear(void **state) {
  (void)state;
  char **t1, **t2;
  story s1 = chain(10000, &t1), s2 = chain(20000, &t2);
  lede_summary_stats a, b;
  size_t *r1 = rank_of(&s1, &a), *r2 = rank_of(&s2, &b);
  print_message("pairs %zu %zu, edges %zu %zu, steps %zu %zu\n",
                a.pairs, b.pairs, a.edges, b.edges, a.iterations, b.iterations);
  assert_true(b.pairs <= 56 * s2.n);
  assert_true(b.pairs <= 2 * a.pairs + 100);
  assert_true(b.edges <= 2 * b.pairs);
  assert_true(b.iterations <= 50);
  free(r1);
  free(r2);
  unchain(&s1, t1);
  unchain(&s2, t2);
}

/* Every sentence alike: no term is rare, so only the window is
** compared: 8 per sentence but at the ends, 8n - 20 pairs. */
static void test_alike(void **state) {
  (void)state;
  enum { N = 5000 };
  const char **t = malloc(N * sizeof *t);
  assert_non_null(t);
  for (size_t i = 0; i < N; i++) t[i] = "identical sentence repeated verbatim";
  story s = make(t, N);
  lede_summary_stats st;
  size_t *rank = rank_of(&s, &st);
  assert_int_equal(st.pairs, 8 * N - 20);
  assert_int_equal(rank[0], 0);
  free(rank);
  unmake(&s);
  free(t);
}

static void test_empty(void **state) {
  (void)state;
  size_t rank[1], out[1];
  lede_summary_stats st;
  assert_int_equal(lede_summary_rank(0, NULL, 0, rank, &st), LEDE_OK);
  assert_int_equal(st.pairs, 0);
  assert_int_equal(lede_summary_choose(rank, 0, NULL, NULL, out), 0);
}

/* ---- the public call ---- */

static void test_article(void **state) {
  (void)state;
  static const char text[] = "Quiet Day at the Harbor\n\nNothing happened.\n";
  lede_article *a = NULL;
  size_t out[8], n = 99;
  lede_summary_opts bad = {0, 0, 1.5}, nan = {0, 0, NAN}, ok = {2, 0, 0};
  assert_int_equal(lede_parse(text, sizeof text - 1, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_summary(NULL, NULL, out, &n), LEDE_EINVAL);
  assert_int_equal(n, 0);
  assert_int_equal(lede_article_summary(a, NULL, NULL, &n), LEDE_EINVAL);
  assert_int_equal(lede_article_summary(a, NULL, out, NULL), LEDE_EINVAL);
  n = 99;
  assert_int_equal(lede_article_summary(a, &bad, out, &n), LEDE_EINVAL);
  assert_int_equal(n, 0);
  assert_int_equal(lede_article_summary(a, &nan, out, &n), LEDE_EINVAL);
  assert_int_equal(lede_article_summary(a, &ok, out, &n), LEDE_OK);
  lede_article_free(a);
}

/* Through the splitter and stemmer: the lead, the keeper, the cost. */
static void test_parsed(void **state) {
  (void)state;
  static const char text[] =
    "Harbor Town Keeps Its Lighthouse Keeper\n\nBy Hannah Becker\n\n"
    "Residents of Gull Point voted on Monday night to keep paying the "
    "lighthouse keeper, ending a year of argument over the town budget. "
    "The vote was 412 to 96.\n\n"
    "The keeper, Amos Reed, has tended the lighthouse for 31 years. He said "
    "he was grateful. Fishermen who rely on the light packed the hall.\n\n"
    "Council members had proposed automating the lighthouse to save money. "
    "Automation would have cost the town less than the keeper's salary "
    "within five years.\n\n"
    "The bakery on Front Street will close early on Friday.\n";
  static const struct {
    lede_summary_opts o;
    size_t n, out[3];
  } rows[] = {
    {{0, 0, 0}, 3, {0, 2, 6}},
    {{1, 0, 0}, 1, {0}},
    {{0, 30, 0}, 2, {0, 1}},   /* 23 + 6 words; 11 more would overflow */
    {{0, 0, 0.25}, 2, {0, 2}}, /* 8 sentences */
  };
  lede_article *a = NULL;
  const lede_sentence *ss;
  size_t nss, out[8], n;
  assert_int_equal(lede_parse(text, sizeof text - 1, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_sentences(a, &ss, &nss), LEDE_OK);
  assert_int_equal(nss, 8);
  for (size_t r = 0; r < COUNT(rows); r++) {
    assert_int_equal(lede_article_summary(a, &rows[r].o, out, &n), LEDE_OK);
    if (n != rows[r].n || memcmp(out, rows[r].out, n * sizeof *out) != 0)
      print_message("row %zu: got %zu sentences\n", r, n);
    assert_int_equal(n, rows[r].n);
    assert_memory_equal(out, rows[r].out, n * sizeof *out);
  }
  lede_article_free(a);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rank),
    cmocka_unit_test(test_deterministic),
    cmocka_unit_test(test_redundancy),
    cmocka_unit_test(test_choose),
    cmocka_unit_test(test_linear),
    cmocka_unit_test(test_alike),
    cmocka_unit_test(test_empty),
    cmocka_unit_test(test_article),
    cmocka_unit_test(test_parsed),
  };
  return cmocka_run_group_tests_name("summary", tests, NULL, NULL);
}
