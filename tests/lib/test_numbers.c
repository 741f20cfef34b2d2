/*
** test_numbers.c: core/lib/numbers.c. One row per shape of number: each
** row's sentence is set in an invented article as its first body
** paragraph, and every number read from it is checked exactly (raw text,
** kind, value, min, max, approximate, unit, sentence). Then the seed article
** (../shared/seed.txt) and span invariants over ../shared/corpus, when
** ../shared is there. Run from the repository root (tests/run.sh does).
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lede.h"
#include "shared.h"

#define MAXN 4  /* numbers expected from one row */

#define HEAD "Harbour Council Weighs a New Plan for the Old Pier\n\n"
#define TAIL "\n\nMembers will meet again after the summer recess to vote.\n"

typedef struct {
  const char *text;    /* the raw bytes of its span */
  lede_number_kind kind;
  double value, min, max;
  int approximate;
  const char *unit;    /* NULL for none */
} want;

typedef struct {
  const char *name;
  const char *para;   /* the first body paragraph */
  size_t n;           /* numbers expected */
  want w[MAXN];
} numrow;

#define C LEDE_NUMBER_CARDINAL
#define O LEDE_NUMBER_ORDINAL
#define Y LEDE_NUMBER_YEAR
#define P LEDE_NUMBER_PERCENT
#define M LEDE_NUMBER_MONEY

static const numrow rows[] = {
  /* cardinals */
  {"separators", "The ferry carried 2,500 passengers across the bay.",
   1, {{"2,500", C, 2500, 2500, 2500, 0, "passengers"}}},
  {"adjectives before the noun",
   "The depot hired 2,500 seasonal dock workers last spring.",
   1, {{"2,500", C, 2500, 2500, 2500, 0, "workers"}}},
  {"capitalised modifier", "About 40 Kestrel volunteers cleaned the beach.",
   1, {{"40", C, 40, 40, 40, 1, "volunteers"}}},
  {"dotted modifier", "Some 300 U.S. sailors docked at the pier on Friday.",
   1, {{"300", C, 300, 300, 300, 1, "sailors"}}},
  {"irregular plural", "Nearly 90 people queued for the ferry.",
   1, {{"90", C, 90, 90, 90, 1, "people"}}},
  {"no counted noun", "The pier holds 1,200 in summer, the council said.",
   1, {{"1,200", C, 1200, 1200, 1200, 0, NULL}}},
  {"decimal", "The tide rose 3.5 metres above the old mark.",
   1, {{"3.5", C, 3.5, 3.5, 3.5, 0, "metres"}}},
  {"magnitude word", "The harbour moves 1.2 million tonnes a year.",
   1, {{"1.2 million", C, 1200000, 1200000, 1200000, 0, "tonnes"}}},
  {"rate per month", "The ferry took on 2,000 a month in the busy season.",
   1, {{"2,000", C, 2000, 2000, 2000, 0, "month"}}},
  {"rate with per", "Traffic grew by roughly 400 per day after the works.",
   1, {{"400", C, 400, 400, 400, 1, "day"}}},
  {"hyphenated unit", "The council approved a 10-year lease on the pier.",
   1, {{"10", C, 10, 10, 10, 0, "year"}}},
  /* ranges */
  {"range with to", "Between 5,000 to 10,000 birds nest on the cliffs.",
   1, {{"5,000 to 10,000", C, 5000, 5000, 10000, 0, "birds"}}},
  {"between and", "The works will take between 5 and 10 weeks to finish.",
   1, {{"5 and 10", C, 5, 5, 10, 0, "weeks"}}},
  {"hyphen range", "Each of the 5-10 boats paid a mooring fee.",
   1, {{"5-10", C, 5, 5, 10, 0, "boats"}}},
  {"en dash range", "The ferry seats 40\xE2\x80\x93" "60 riders a trip.",
   1, {{"40\xE2\x80\x93" "60", C, 40, 40, 60, 0, "riders"}}},
  {"shared magnitude", "Repairs will cost 5 to 10 million dollars in all.",
   1, {{"5 to 10 million dollars", M, 5e6, 5e6, 1e7, 0, "USD"}}},
  {"shared percent", "Fares could rise 3 to 5 percent next year.",
   1, {{"3 to 5 percent", P, 3, 3, 5, 0, NULL}}},
  {"falling is two numbers",
   "Moorings fell from 300 to 250 boats over the winter.",
   2, {{"300", C, 300, 300, 300, 0, NULL},
       {"250", C, 250, 250, 250, 0, "boats"}}},
  {"score is no range", "The harbour side won the regatta final 3-2 on Sunday.",
   0, {{0}}},
  /* years */
  {"year", "The pier was built in 1896 and rebuilt after the storm.",
   1, {{"1896", Y, 1896, 1896, 1896, 0, NULL}}},
  {"year before a noun with the", "The 2016 storms broke the old pier.",
   1, {{"2016", Y, 2016, 2016, 2016, 0, NULL}}},
  {"year-like count", "The fair drew 2000 visitors on Saturday.",
   1, {{"2000", C, 2000, 2000, 2000, 0, "visitors"}}},
  {"decade", "Trade peaked in the 1990s before the ferries came.",
   1, {{"1990s", Y, 1990, 1990, 1999, 1, NULL}}},
  {"season", "The 2016-17 season was the pier's worst in years.",
   1, {{"2016-17", Y, 2016, 2016, 2017, 0, NULL}}},
  {"year range", "The pier was closed from 2010 to 2014 for repairs.",
   1, {{"2010 to 2014", Y, 2010, 2010, 2014, 0, NULL}}},
  {"date: day skipped, year kept", "The vote is set for March 4, 2025.",
   1, {{"2025", Y, 2025, 2025, 2025, 0, NULL}}},
  /* ordinals */
  {"No. N", "Jones, the No. 2 official, spoke first at the hearing.",
   1, {{"No. 2", O, 2, 2, 2, 0, NULL}}},
  {"No. without a number", "No. That was the only answer from the board.",
   0, {{0}}},
  {"ordinal word", "It was the second storm to hit the pier this month.",
   1, {{"second", O, 2, 2, 2, 0, NULL}}},
  {"ordinal digits", "The pier turned 3rd on the list of local sights.",
   1, {{"3rd", O, 3, 3, 3, 0, NULL}}},
  {"compound ordinal", "It marks the twenty-first year of the festival.",
   1, {{"twenty-first", O, 21, 21, 21, 0, NULL}}},
  {"second as an adverb", "He second-guessed the plan at every meeting.",
   0, {{0}}},
  {"ordinal in a name", "They cited the First Amendment at the hearing.",
   0, {{0}}},
  {"fraction", "Only a third of the boats came back before dark.",
   0, {{0}}},
  /* percentages */
  {"percent sign", "Turnout reached 40% at the harbour ward.",
   1, {{"40%", P, 40, 40, 40, 0, NULL}}},
  {"percent word", "Turnout reached 40 percent at the harbour ward.",
   1, {{"40 percent", P, 40, 40, 40, 0, NULL}}},
  {"per cent", "Rents went up 7.5 per cent over the year.",
   1, {{"7.5 per cent", P, 7.5, 7.5, 7.5, 0, NULL}}},
  {"percentage points", "Support fell 3 percentage points in a week.",
   1, {{"3 percentage points", P, 3, 3, 3, 0, "percentage points"}}},
  /* money */
  {"dollars with magnitude", "The port board set aside $3.2 million for it.",
   1, {{"$3.2 million", M, 3.2e6, 3.2e6, 3.2e6, 0, "USD"}}},
  {"pounds with suffix", "The pier will need \xC2\xA3" "5bn over a decade.",
   1, {{"\xC2\xA3" "5bn", M, 5e9, 5e9, 5e9, 0, "GBP"}}},
  {"euros", "A day ticket costs \xE2\x82\xAC" "20 at the gate.",
   1, {{"\xE2\x82\xAC" "20", M, 20, 20, 20, 0, "EUR"}}},
  {"currency word after", "The town borrowed 5 million dollars for the pier.",
   1, {{"5 million dollars", M, 5e6, 5e6, 5e6, 0, "USD"}}},
  {"prefixed dollar", "Investors put in US$40 million last year.",
   1, {{"US$40 million", M, 4e7, 4e7, 4e7, 0, "USD"}}},
  {"code before", "The bond raised USD 300 million in a day.",
   1, {{"USD 300 million", M, 3e8, 3e8, 3e8, 0, "USD"}}},
  {"money range", "Bids came in between $5 million and $8 million.",
   1, {{"$5 million and $8 million", M, 5e6, 5e6, 8e6, 0, "USD"}}},
  /* spelled out and vague */
  {"spelled", "Two ferries and twenty-five yachts sheltered there.",
   2, {{"Two", C, 2, 2, 2, 0, "ferries"},
       {"twenty-five", C, 25, 25, 25, 0, "yachts"}}},
  {"spelled hundreds", "The club has three hundred and fifty members now.",
   1, {{"three hundred and fifty", C, 350, 350, 350, 0, "members"}}},
  {"a dozen", "A dozen gulls followed the trawler into port.",
   1, {{"A dozen", C, 12, 12, 12, 0, "gulls"}}},
  {"half a dozen", "Half a dozen boats left before the storm.",
   1, {{"Half a dozen", C, 6, 6, 6, 0, "boats"}}},
  {"several thousand", "Several thousand residents signed the petition.",
   1, {{"Several thousand", C, 3000, 3000, 9000, 1, "residents"}}},
  {"a few hundred", "A few hundred fans waited at the quay.",
   1, {{"A few hundred", C, 200, 200, 500, 1, "fans"}}},
  {"hundreds of", "Hundreds of boats crowded the harbour.",
   1, {{"Hundreds", C, 200, 200, 999, 1, "boats"}}},
  {"tens of thousands of", "Tens of thousands of visitors came in August.",
   1, {{"Tens of thousands", C, 20000, 20000, 99999, 1, "visitors"}}},
  {"millions of dollars", "The repairs cost millions of dollars in the end.",
   1, {{"millions of dollars", M, 2e6, 2e6, 9999999, 1, "USD"}}},
  {"bare several", "Several boats sank at their moorings.", 0, {{0}}},
  {"approximators", "More than 300 boats and nearly 40 yachts were insured.",
   2, {{"300", C, 300, 300, 300, 1, "boats"},
       {"40", C, 40, 40, 40, 1, "yachts"}}},
  /* "one" */
  {"one counted", "Only one ferry ran on Sunday.",
   1, {{"one", C, 1, 1, 1, 0, "ferry"}}},
  {"one of the", "One of the harbour cranes fell over.", 0, {{0}}},
  {"no one", "No one was hurt when the crane fell.", 0, {{0}}},
  {"the one", "The harbour master was the one who called it.", 0, {{0}}},
  /* not numbers */
  {"time", "The ferry leaves at 10:30 and again at 6 p.m. daily.", 0, {{0}}},
  {"time suffix", "The ferry leaves at 7am and returns at noon.", 0, {{0}}},
  {"day of month", "The pier reopens on Jan. 5 after repairs.", 0, {{0}}},
  {"day first", "The pier reopens on 5 January after repairs.", 0, {{0}}},
  {"day range", "The fair runs Jan. 15-19 on the quay.", 0, {{0}}},
  {"phone", "Call the harbour office on 555-0142 for a berth.", 0, {{0}}},
  {"spaced phone", "Call the office on +1 888 391 5441 for a berth.",
   0, {{0}}},
  {"url", "Details are at www.example.org/pier/2016/05 online.", 0, {{0}}},
  {"age in commas", "Mara Lind, 45, runs the harbour cafe.", 0, {{0}}},
  {"age compound", "A 45-year-old sailor was rescued.", 0, {{0}}},
  {"label", "Boats moored along Route 66 and near Gate 12 were fine.",
   0, {{0}}},
  {"code name", "The G7 ministers and an F-35 flew over the port.", 0, {{0}}},
  {"model number", "An Airbus A320-200 was parked by the quay.", 0, {{0}}},
  {"street number", "The office moved to 3845 Toolson Lane last week.",
   0, {{0}}},
  {"list marker", "1. Keep the pier open all year.", 0, {{0}}},
  {"inline markers", "Two asks: 1) more lights 2) a wider gate.",
   1, {{"Two", C, 2, 2, 2, 0, "asks"}}},
  {"version", "The booking app 2.3.1 crashed again on Monday.", 0, {{0}}},
};

/* The first paragraph block's index among blocks, or n if none. */
static size_t firstpara(const lede_block *b, size_t n) {
  size_t i;
  for (i = 0; i < n && b[i].kind != LEDE_BLOCK_PARAGRAPH; i++) {}
  return i;
}

static int same(double a, double b) {
  double d = a - b;
  return d < 1e-9 * (b < 0 ? -b : b) + 1e-9 && -d < 1e-9 * (b < 0 ? -b : b) +
         1e-9;
}

static const char *kname(lede_number_kind k) {
  const char *s = lede_number_kind_name(k);
  return s ? s : "?";
}

/* Compare one number with what the row wants; prints and returns 0 when
** they differ. */
static int check(const char *name, size_t k, const char *src,
                 const lede_number *g, const want *w) {
  const char *ut = g->unit ? g->unit : "(none)";
  const char *uw = w->unit ? w->unit : "(none)";
  if (g->span.len == strlen(w->text) &&
      memcmp(src + g->span.off, w->text, g->span.len) == 0 &&
      g->kind == w->kind && same(g->value, w->value) &&
      same(g->min, w->min) && same(g->max, w->max) &&
      !g->approximate == !w->approximate && strcmp(ut, uw) == 0)
    return 1;
  print_message("row %s, number %zu:\n  got  \"%.*s\" %s %g [%g, %g]%s "
                "unit %s\n  want \"%s\" %s %g [%g, %g]%s unit %s\n",
                name, k + 1, (int)g->span.len, src + g->span.off,
                kname(g->kind), g->value, g->min, g->max,
                g->approximate ? " approximate" : "", ut, w->text,
                kname(w->kind), w->value, w->min, w->max,
                w->approximate ? " approximate" : "", uw);
  return 0;
}

static void test_shapes(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
    const numrow *row = &rows[r];
    size_t len = strlen(HEAD) + strlen(row->para) + strlen(TAIL), n, nb, k;
    char *text = malloc(len + 1);
    lede_article *a = NULL;
    const lede_number *v;
    const lede_block *b;
    const char *src;
    int ok = 1;
    assert_non_null(text);
    snprintf(text, len + 1, "%s%s%s", HEAD, row->para, TAIL);
    assert_int_equal(lede_parse(text, len, NULL, &a, NULL), LEDE_OK);
    b = lede_article_blocks(a, &nb);
    src = lede_article_source(a, NULL);
    k = firstpara(b, nb);
    if (k == nb || strncmp(src + b[k].span.off, row->para,
                           strlen(row->para)) != 0) {
      print_message("row %s: the sentence is not the first paragraph\n",
                    row->name);
      ok = 0;
    } else {
      assert_int_equal(lede_article_numbers(a, &v, &n), LEDE_OK);
      if (n != row->n) {
        print_message("row %s: %zu numbers, want %zu\n", row->name, n,
                      row->n);
        for (k = 0; k < n; k++)
          print_message("  \"%.*s\" %s %g unit %s\n", (int)v[k].span.len,
                        src + v[k].span.off, kname(v[k].kind), v[k].value,
                        v[k].unit ? v[k].unit : "(none)");
        ok = 0;
      }
      for (k = 0; k < n && k < row->n; k++)
        if (!check(row->name, k, src, &v[k], &row->w[k])) ok = 0;
      /* Each row's paragraph is one sentence, the body's first. */
      for (k = 0; k < n; k++)
        if (v[k].paragraph != 0 || v[k].sentence != 0) {
          print_message("row %s: paragraph %zu sentence %zu, want 0 0\n",
                        row->name, v[k].paragraph, v[k].sentence);
          ok = 0;
        }
    }
    fails += !ok;
    lede_article_free(a);
    free(text);
  }
  assert_int_equal(fails, 0);
}

/* The answer is cached: a second call hands out the same array. */
static void test_cached(void **state) {
  static const char text[] = HEAD "The pier has 12 lamps and 3 benches." TAIL;
  lede_article *a = NULL;
  const lede_number *v1, *v2;
  size_t n1, n2;
  (void)state;
  assert_int_equal(lede_parse(text, sizeof text - 1, NULL, &a, NULL),
                   LEDE_OK);
  assert_int_equal(lede_article_numbers(a, &v1, &n1), LEDE_OK);
  assert_int_equal(lede_article_numbers(a, &v2, &n2), LEDE_OK);
  assert_int_equal(n1, 2);
  assert_ptr_equal(v1, v2);
  assert_int_equal(n2, n1);
  lede_article_free(a);
}

/* Only paragraphs are read: the headline's and the tail's numbers are not. */
static void test_body_only(void **state) {
  static const char text[] =
    "Harbour Council Sets Aside $5 Million for 2 Piers\n\n"
    "The council met on Monday to talk about the piers.\n\n"
    "Members said 14 boats use the east pier every week.\n";
  lede_article *a = NULL;
  const lede_number *v;
  size_t n;
  const char *src;
  (void)state;
  assert_int_equal(lede_parse(text, sizeof text - 1, NULL, &a, NULL),
                   LEDE_OK);
  src = lede_article_source(a, NULL);
  assert_int_equal(lede_article_numbers(a, &v, &n), LEDE_OK);
  assert_int_equal(n, 1);
  assert_memory_equal(src + v[0].span.off, "14", 2);
  assert_int_equal(v[0].paragraph, 1);
  lede_article_free(a);
}

static void test_kind_names(void **state) {
  (void)state;
  assert_string_equal(lede_number_kind_name(LEDE_NUMBER_CARDINAL), "cardinal");
  assert_string_equal(lede_number_kind_name(LEDE_NUMBER_ORDINAL), "ordinal");
  assert_string_equal(lede_number_kind_name(LEDE_NUMBER_YEAR), "year");
  assert_string_equal(lede_number_kind_name(LEDE_NUMBER_PERCENT), "percent");
  assert_string_equal(lede_number_kind_name(LEDE_NUMBER_MONEY), "money");
  assert_null(lede_number_kind_name(LEDE_NUMBER_KIND_COUNT));
}

/* ---- files in ../shared ---- */

static int numbersok(lede_article *a, const char *path);

/* The seed article's numbers, in order. */
static const want seed[] = {
  {"No. 2", O, 2, 2, 2, 0, NULL},
  {"2,000", C, 2000, 2000, 2000, 1, "month"},
  {"2,500", C, 2500, 2500, 2500, 1, "fighters"},
  {"2,000", C, 2000, 2000, 2000, 0, NULL},
  {"5,000 to 10,000", C, 5000, 5000, 10000, 0, NULL},
  {"several thousand", C, 3000, 3000, 9000, 1, "fighters"},
};

static void test_seed(void **state) {
  size_t len, n, k, nwant = sizeof seed / sizeof seed[0];
  char *text = shared_slurp(SHARED_SEED, &len);
  lede_article *a = NULL;
  const lede_number *v;
  const char *src;
  int ok = 1;
  (void)state;
  if (text == NULL) {
    shared_missing(SHARED_SEED);
    skip();
  }
  assert_int_equal(lede_parse(text, len, NULL, &a, NULL), LEDE_OK);
  src = lede_article_source(a, NULL);
  assert_int_equal(lede_article_numbers(a, &v, &n), LEDE_OK);
  if (n != nwant) {
    print_message("seed: %zu numbers, want %zu\n", n, nwant);
    ok = 0;
  }
  for (k = 0; k < n && k < nwant; k++)
    if (!check("seed", k, src, &v[k], &seed[k])) ok = 0;
  if (!numbersok(a, SHARED_SEED)) ok = 0;
  lede_article_free(a);
  free(text);
  assert_true(ok);
}

/* Invariants of one article's numbers; prints what is wrong. */
static int numbersok(lede_article *a, const char *path) {
  size_t nb, n, ns, k, p, *paras;
  const lede_block *b = lede_article_blocks(a, &nb);
  const lede_sentence *s;
  const lede_number *v;
  int ok = 1;
  assert_int_equal(lede_article_numbers(a, &v, &n), LEDE_OK);
  assert_int_equal(lede_article_sentences(a, &s, &ns), LEDE_OK);
  paras = malloc((nb + 1) * sizeof *paras);
  assert_non_null(paras);
  for (k = 0, p = 0; k < nb; k++)
    if (b[k].kind == LEDE_BLOCK_PARAGRAPH) paras[p++] = k;
  for (k = 0; k < n && ok; k++) {
    const lede_number *x = &v[k];
    const lede_block *in = x->paragraph < p ? &b[paras[x->paragraph]] : NULL;
    if (in == NULL || x->span.len == 0 || x->span.off < in->span.off ||
        x->span.off + x->span.len > in->span.off + in->span.len) {
      print_message("%s: number %zu [%zu, +%zu) outside its paragraph %zu\n",
                    path, k, x->span.off, x->span.len, x->paragraph);
      ok = 0;
    } else if (!(x->min <= x->value && x->value <= x->max) ||
               lede_number_kind_name(x->kind) == NULL ||
               (x->unit != NULL && x->unit[0] == '\0')) {
      print_message("%s: number %zu: %s %g [%g, %g] unit \"%s\"\n", path, k,
                    kname(x->kind), x->value, x->min, x->max,
                    x->unit ? x->unit : "(none)");
      ok = 0;
    } else if (k > 0 && x->span.off < v[k - 1].span.off + v[k - 1].span.len) {
      print_message("%s: number %zu overlaps the one before\n", path, k);
      ok = 0;
    } else if (ns == 0 ? x->sentence != LEDE_NONE :
               (x->sentence == LEDE_NONE ||
                (x->sentence >= ns ||
                 x->span.off < s[x->sentence].span.off ||
                 x->span.off + x->span.len >
                   s[x->sentence].span.off + s[x->sentence].span.len))) {
      print_message("%s: number %zu: sentence %zu does not hold it\n", path,
                    k, x->sentence);
      ok = 0;
    }
  }
  free(paras);
  return ok;
}

static void test_corpus(void **state) {
  char **files;
  size_t n, i, checked = 0, failed = 0;
  (void)state;
  n = shared_corpus(&files);
  for (i = 0; i < n; i++) {
    size_t len;
    char *text = shared_slurp(files[i], &len);
    lede_article *a = NULL;
    if (text == NULL) continue;
    checked++;
    if (lede_parse(text, len, NULL, &a, NULL) == LEDE_OK)
      failed += !numbersok(a, files[i]);
    lede_article_free(a);
    free(text);
  }
  shared_free(files, n);
  print_message("corpus: %zu files checked, %zu with problems\n", checked,
                failed);
  assert_true(checked > 0);
  assert_int_equal(failed, 0);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_shapes),
    cmocka_unit_test(test_cached),
    cmocka_unit_test(test_body_only),
    cmocka_unit_test(test_kind_names),
    cmocka_unit_test(test_seed),
    cmocka_unit_test(test_corpus),
  };
  return cmocka_run_group_tests_name("numbers", tests, NULL, NULL);
}
