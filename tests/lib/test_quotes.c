/*
** test_quotes.c: core/lib/quotes.c. One row per quotation shape, written
** with markers for the exact spans; the seed article when ../shared is
** there; hostile runs of unclosed marks; span invariants over the corpus.
** Run from the repository root (tests/run.sh does).
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
#include "lib/article.h"
#include "shared.h"

#define MAXQ 4      /* quotations in one row */
#define MAXMARK 8   /* marked spans of one kind in one row */
#define WHY 512

/* Every row is one or more paragraphs after this one, so the blocks pass
** reads them as body paragraphs. */
#define OPENING "The council met on Monday night in the old school hall " \
                "to vote on the budget for the coming year.\n\n"

/* ---- rows ---- */

/* A row's text marks the expected spans: [[quoted words]], <<verb>>,
** {{cue}}; the markers are removed before parsing. Each quotation names
** its verb and cue by their order among the marked ones, -1 for none. */
typedef struct {
  int partial;
  int verb;
  int cue;
} want;

typedef struct {
  const char *name;
  const char *text;
  size_t n;         /* quotations expected */
  want q[MAXQ];
} row;

static const row rows[] = {
  {"said after, pronoun", "\"[[We won,]]\" {{he}} <<said>>.", 1,
   {{0, 0, 0}}},
  {"said after, inverted", "\"[[We won,]]\" <<said>> {{Jones}}.", 1,
   {{0, 0, 0}}},
  {"full name with titles",
   "\"[[We won,]]\" {{Maj. Gen. Rupert Jones}} <<told>> Pentagon reporters.",
   1, {{0, 0, 0}}},
  {"told takes no listener as cue",
   "\"[[We won,]]\" {{he}} <<told>> Pentagon reporters.", 1, {{0, 0, 0}}},
  {"resumes after the attribution",
   "\"[[They are losing on all fronts,]]\" {{he}} <<said>>. \"[[They are "
   "losing money. People don't believe in it.]]\"", 2,
   {{0, 0, 0}, {0, 0, 0}}},
  {"resumes inside one sentence",
   "\"[[I need to tell you,]]\" the {{Caller}} <<said>>, \"[[and you will "
   "have to leave.]]\"", 2, {{0, 0, 0}, {0, 0, 0}}},
  {"colon before",
   "{{Jones}} <<said>>: \"[[We won. It was hard.]]\"", 1, {{0, 0, 0}}},
  {"partial inside a sentence",
   "{{Jones}}, the No. 2 coalition commander, <<said>> advances have "
   "\"[[slowed to a trickle]]\" this year.", 1, {{1, 0, 0}}},
  {"partial ending the sentence",
   "Echoing remarks by Prime Minister Haider al-Abadi, {{Jones}} <<said>> "
   "the fighters must \"[[surrender or die.]]\"", 1, {{1, 0, 0}}},
  {"according to",
   "\"[[The war is over,]]\" <<according to>> {{Jones}}.", 1, {{0, 0, 0}}},
  {"appositive after the quotation",
   "\"[[We won,]]\" {{Jones}}, the deputy commander, <<said>>.", 1,
   {{0, 0, 0}}},
  {"name between commas",
   "\"[[We won,]]\" Trump's lawyer, {{Rudy Giuliani}}, <<said>>.", 1,
   {{0, 0, 0}}},
  {"role before the name",
   "\"[[We won,]]\" <<said>> Pentagon spokesman {{Jeff Davis}}.", 1,
   {{0, 0, 0}}},
  {"description gives no cue",
   "\"[[We won,]]\" a spokesman for the ministry <<said>>.", 1,
   {{0, 0, -1}}},
  {"the organisation word stands for the organisation, after the verb",
   "\"[[We won,]]\" <<noted>> {{the institute}}.", 1, {{0, 0, 0}}},
  {"the organisation word stands for the organisation, before the verb",
   "\"[[We won,]]\" {{the company}} <<said>>.", 1, {{0, 0, 0}}},
  {"question",
   "\"[[Why now?]]\" {{Jones}} <<asked>>.", 1, {{0, 0, 0}}},
  {"attribution in the next sentence",
   "\"[[We won the vote.]]\" {{Jones}} <<said>> so after the count.", 1,
   {{0, 0, 0}}},
  {"participle takes the clause's subject",
   "{{Jones}} talked about trade, <<saying>>, \"[[It is fair to all.]]\"",
   1, {{0, 0, 0}}},
  {"adding keeps the speaker",
   "\"[[We won,]]\" {{he}} <<said>>, <<adding>>: \"[[It was hard.]]\"", 2,
   {{0, 0, 0}, {0, 1, 0}}},
  {"curly, nested single closed straight",
   "\xe2\x80\x9c[[Nobody said, \xe2\x80\x98Hey, I buy it.' Far from "
   "it.]]\xe2\x80\x9d {{she}} <<said>>.", 1, {{0, 0, 0}}},
  {"curly opened, straight closed",
   "\xe2\x80\x9c[[We won,]]\" {{he}} <<said>>.", 1, {{0, 0, 0}}},
  {"single marks outermost",
   "'[[We won the vote,]]' {{he}} <<said>>.", 1, {{0, 0, 0}}},
  {"curly single marks outermost",
   "\xe2\x80\x98[[We won the vote,]]\xe2\x80\x99 {{he}} <<said>>.", 1,
   {{0, 0, 0}}},
  {"apostrophes are not quotations",
   "The '90s rock 'n' roll of Jones' band didn't last, and its "
   "\xe2\x80\x99" "80s fans\xe2\x80\x99 records sold.", 0, {{0}}},
  {"scare quote", "The group set up a \"caliphate\" in 2014.", 0, {{0}}},
  {"title of a work",
   "He read \"The Art of the Deal\" twice on the flight.", 0, {{0}}},
  {"short term with a speech verb stays",
   "{{Jones}} <<said>> the plan was \"[[dead]]\" by then.", 1,
   {{1, 0, 0}}},
  {"unclosed mark inside a paragraph",
   "He said \"we won and left the hall early.", 0, {{0}}},
  {"whole sentence with no attribution",
   "\"[[Absolutely not.]]\"", 1, {{0, -1, -1}}},
  {"paragraph continued with the mark left off",
   "{{Jones}} <<said>>: \"[[We will fight on.]]\n\n\"[[We will win.]]\"", 2,
   {{0, 0, 0}, {0, 0, 0}}},
  {"a paragraph that is only a quotation goes on quoting the last speaker",
   "\"[[We won,]]\" {{he}} <<said>>.\n\n\"[[It was hard.]]\"", 2,
   {{0, 0, 0}, {0, 0, 0}}},
  {"a paragraph with more than the quotation is no continuation",
   "\"[[We won,]]\" {{he}} <<said>>.\n\nThe vote was close. "
   "\"[[It was hard.]]\"", 2, {{0, 0, 0}, {0, -1, -1}}},
  {"no carrying over a paragraph without a quoted speaker",
   "\"[[We won,]]\" {{he}} <<said>>.\n\nThe vote was close.\n\n"
   "\"[[It was hard.]]\"", 2, {{0, 0, 0}, {0, -1, -1}}},
  {"the sentence's subject speaks when no verb names anyone",
   "{{Ana Ruiz}} runs the board. {{Ruiz}} declined to \"[[name a date for the vote]]\" "
   "on Monday.", 1, {{1, -1, 1}}},
  {"a subject that is no known person is no speaker",
   "Harbor rules forbid \"[[any late crossing at all]]\" in winter.", 1,
   {{1, -1, -1}}},
  {"paragraph ending with a comma introduces the next",
   "{{Ruiz}} also <<said>>,\n\n\"[[We will win.]]\"", 1, {{0, 0, 0}}},
  {"paragraph ending with a speech verb and no colon",
   "{{Ruiz}} <<told>> the media\n\n\"[[We will win.]]\"", 1, {{0, 0, 0}}},
  {"the name opening the attribution is its subject",
   "{{Ana Ruiz}} runs the board.\n\n\"[[We won,]]\" {{Ana Ruiz}} of the board in "
   "Alder Bend, Maine, <<said>>.", 1, {{0, 0, 1}}},
  {"a quotation resumed after the attribution keeps its subject",
   "{{Ana Ruiz}} runs the board.\n\n\"[[We won,]]\" {{Ana Ruiz}} of the board in "
   "Alder Bend, Maine, <<said>> to reporters. \"[[It was close.]]\"", 2,
   {{0, 0, 1}, {0, 0, 1}}},
  {"a long aside after the name: the name opening the clause",
   "\"[[We won,]]\" {{Tomas Brik}}, president of the Alder Bend Harbor Board's "
   "board of directors, <<said>> in a statement.", 1, {{0, 0, 0}}},
  {"an ampersand inside the attribution",
   "\"[[We won,]]\" {{Tomas Brik}}, head of the Harbor & Ferry Board, <<said>>.",
   1, {{0, 0, 0}}},
  {"paragraph ending with a colon",
   "{{Jones}} <<said>>:\n\n\"[[We will win.]]\"", 1, {{0, 0, 0}}},
  {"party and state after the name",
   "\"[[Education is not mayonnaise,]]\" {{Sen. Chris Murphy}}, D-Conn., "
   "<<said>> later.", 1, {{0, 0, 0}}},
  {"a long apposition before the verb",
   "{{Tri Wobowo}}, who flew the plane that first saw the wreck on "
   "Tuesday, <<told>> a newspaper: \"[[There are seven people.]]\"", 1,
   {{0, 0, 0}}},
  {"first opening mark missing",
   "I pray for them all,\" {{she}} <<said>>. \"[[It gives me hope.]]\"", 1,
   {{0, 0, 0}}},
  {"closing mark missing at the paragraph's end",
   "\"[[We won,]]\" <<said>> {{Budi Sutiono}}. \"[[He thinks it is over.]]",
   2, {{0, 0, 0}, {0, 0, 0}}},
  {"short term needs a speaker",
   "Searchers have reported seeing something that \"seemed\" like a plane.",
   0, {{0}}},
  {"bracketed aside before the verb",
   "{{Michael Doherty}} (R-Warren) <<said>> Christie \"[[sold himself to "
   "the people]]\" in 2009.", 1, {{1, 0, 0}}},
  {"inverted before the mark",
   "<<Said>> {{Jones}}: \"[[We won.]]\"", 1, {{0, 0, 0}}},
  {"participle with no comma",
   "{{He}} began his campaign by <<saying>>, \"[[We must work for "
   "peace.]]\"", 1, {{0, 0, 0}}},
  {"adverbs between the speaker and the verb",
   "Later {{he}} eventually and solemnly <<announced>> his \"[[separation "
   "from the old allies]]\" in Beijing.", 1, {{1, 0, 0}}},
  {"spaces inside the marks are trimmed",
   "\xe2\x80\x9c [[We won,]] \xe2\x80\x9d {{he}} <<said>>.", 1,
   {{0, 0, 0}}},
};

/* A row's text without markers, and the marked spans. */
typedef struct {
  char *text;
  size_t len;
  lede_span q[MAXMARK], verb[MAXMARK], cue[MAXMARK];
  size_t nq, nverb, ncue;
} marked;

static void unmark(const char *s, marked *m) {
  size_t o = 0, i = 0;
  size_t qo = 0, vo = 0, co = 0;
  memset(m, 0, sizeof *m);
  m->text = malloc(strlen(OPENING) + strlen(s) + 1);
  assert_non_null(m->text);
  memcpy(m->text, OPENING, strlen(OPENING));
  o = strlen(OPENING);
  while (s[i] != '\0') {
    if (strncmp(s + i, "[[", 2) == 0) qo = o;
    else if (strncmp(s + i, "<<", 2) == 0) vo = o;
    else if (strncmp(s + i, "{{", 2) == 0) co = o;
    else if (strncmp(s + i, "]]", 2) == 0)
      m->q[m->nq++] = (lede_span){qo, o - qo};
    else if (strncmp(s + i, ">>", 2) == 0)
      m->verb[m->nverb++] = (lede_span){vo, o - vo};
    else if (strncmp(s + i, "}}", 2) == 0)
      m->cue[m->ncue++] = (lede_span){co, o - co};
    else {
      m->text[o++] = s[i++];
      continue;
    }
    i += 2;
  }
  m->text[o] = '\0';
  m->len = o;
}

/* The paragraph index of byte off: blank lines before it. */
static size_t paraof(const char *s, size_t off) {
  size_t n = 0, i;
  for (i = 0; i + 1 < off; i++)
    if (s[i] == '\n' && s[i + 1] == '\n') n++;
  return n;
}

static int samespan(lede_span a, lede_span b) {
  return a.off == b.off && a.len == b.len;
}

static void test_rows(void **state) {
  size_t r, fails = 0;
  (void)state;
  for (r = 0; r < sizeof rows / sizeof rows[0]; r++) {
    const row *w = &rows[r];
    marked m;
    lede_article *a = NULL;
    const lede_quote *q;
    size_t n, k;
    unmark(w->text, &m);
    assert_int_equal(lede_parse(m.text, m.len, NULL, &a, NULL), LEDE_OK);
    assert_int_equal(lede_article_quotes(a, &q, &n), LEDE_OK);
    if (n != w->n) {
      print_message("row \"%s\": %zu quotations, want %zu\n", w->name, n,
                    w->n);
      fails++;
    }
    for (k = 0; k < n && k < w->n; k++) {
      const want *e = &w->q[k];
      lede_span none = {0, 0};
      lede_span verb = e->verb < 0 ? none : m.verb[e->verb];
      lede_span cue = e->cue < 0 ? none : m.cue[e->cue];
      size_t who = cue.len ? lede_entities_resolve(a, cue, cue.off)
                           : LEDE_NONE;
      if (!samespan(q[k].span, m.q[k]) || q[k].partial != e->partial ||
          !samespan(q[k].verb, verb) || !samespan(q[k].cue, cue) ||
          q[k].speaker != who || q[k].paragraph != paraof(m.text, m.q[k].off)
          || q[k].block != q[k].paragraph) {
        print_message("row \"%s\" quote %zu: got \"%.*s\" partial %d verb "
                      "\"%.*s\" cue \"%.*s\" paragraph %zu\n", w->name, k,
                      (int)q[k].span.len, m.text + q[k].span.off,
                      q[k].partial, (int)q[k].verb.len,
                      m.text + q[k].verb.off, (int)q[k].cue.len,
                      m.text + q[k].cue.off, q[k].paragraph);
        fails++;
      }
    }
    lede_article_free(a);
    free(m.text);
  }
  assert_int_equal(fails, 0);
}

/* ---- the seed article ---- */

/* Whether span sp of s starts with head and ends with tail. */
static int spans(const char *s, lede_span sp, const char *head,
                 const char *tail) {
  size_t h = strlen(head), t = strlen(tail);
  return sp.len >= h && sp.len >= t && memcmp(s + sp.off, head, h) == 0 &&
         memcmp(s + sp.off + sp.len - t, tail, t) == 0;
}

static int is(const char *s, lede_span sp, const char *text) {
  return sp.len == strlen(text) && memcmp(s + sp.off, text, sp.len) == 0;
}

static void test_seed(void **state) {
  static const struct {
    const char *head, *tail;
    int partial;
    const char *cue;
  } seed[] = {
    {"walking into a recruiting office, saying, \xe2\x80\x98Hey",
     "kicking and screaming, for ISIS.", 0, "Jones"},
    {"slowed to a trickle", "slowed to a trickle", 1, "Jones"},
    {"They are losing on all fronts,", "They are losing on all fronts,", 0,
     "he"},
    {"They are losing on the battlefield,", "come and fight for ISIS.", 0,
     "he"},
    {"surrender or die.", "surrender or die.", 1, "Jones"},
  };
  size_t len, n, k, np;
  char *text = shared_slurp(SHARED_SEED, &len);
  lede_article *a = NULL;
  const lede_quote *q;
  const lede_entity *people;
  (void)state;
  if (text == NULL) {
    shared_missing(SHARED_SEED);
    skip();
  }
  assert_int_equal(lede_parse(text, len, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_quotes(a, &q, &n), LEDE_OK);
  assert_int_equal(n, 5);
  assert_int_equal(lede_article_entities(a, 0, &people, &np), LEDE_OK);
  for (k = 0; k < n; k++) {
    if (!spans(text, q[k].span, seed[k].head, seed[k].tail))
      fail_msg("seed quote %zu: \"%.*s\"", k, (int)q[k].span.len,
               text + q[k].span.off);
    assert_int_equal(q[k].partial, seed[k].partial);
    assert_true(is(text, q[k].verb, "said"));
    if (!is(text, q[k].cue, seed[k].cue))
      fail_msg("seed quote %zu: cue \"%.*s\", want %s", k,
               (int)q[k].cue.len, text + q[k].cue.off, seed[k].cue);
    /* Until entities.c is in, every speaker is LEDE_NONE. */
    if (np > 0) {
      assert_true(q[k].speaker < np);
      assert_string_equal(people[q[k].speaker].name, "Rupert Jones");
    } else {
      assert_int_equal(q[k].speaker, LEDE_NONE);
    }
  }
  /* The nested quotation stays inside the first, closed by a straight
  ** apostrophe. */
  assert_non_null(strstr(text + q[0].span.off, "I'm all up for the fight.'"));
  lede_article_free(a);
  free(text);
}

/* ---- hostile input ---- */

/* 100,000 marks that never close (straight, curly, single) give no
** quotation, and one pass reads them; 100,000 quoted paragraphs give
** 100,000 quotations. */
static void test_unclosed(void **state) {
  static const char *const units[] = {
    "\"a ", "\xe2\x80\x9c" "a ", "'a ", "\xe2\x80\x98" "a ", "\"", "a\" ",
  };
  size_t count = 100000, u, i, n;
  (void)state;
  for (u = 0; u < sizeof units / sizeof units[0]; u++) {
    size_t k = strlen(units[u]);
    char *buf = malloc(strlen(OPENING) + count * k);
    lede_article *a = NULL;
    const lede_quote *q;
    assert_non_null(buf);
    memcpy(buf, OPENING, strlen(OPENING));
    for (i = 0; i < count; i++) memcpy(buf + strlen(OPENING) + i * k,
                                       units[u], k);
    assert_int_equal(lede_parse(buf, strlen(OPENING) + count * k, NULL, &a,
                                NULL), LEDE_OK);
    assert_int_equal(lede_article_quotes(a, &q, &n), LEDE_OK);
    if (n > 1) fail_msg("unit %zu: %zu quotations", u, n);
    lede_article_free(a);
    free(buf);
  }
}

static void test_many(void **state) {
  static const char line[] = "\"We will not stop,\" she said.\n\n";
  size_t count = 100000, k = sizeof line - 1, i, n;
  char *buf = malloc(count * k);
  lede_article *a = NULL;
  const lede_quote *q;
  (void)state;
  assert_non_null(buf);
  for (i = 0; i < count; i++) memcpy(buf + i * k, line, k);
  assert_int_equal(lede_parse(buf, count * k, NULL, &a, NULL), LEDE_OK);
  assert_int_equal(lede_article_quotes(a, &q, &n), LEDE_OK);
  assert_int_equal(n, count);
  assert_int_equal(q[count - 1].span.off, (count - 1) * k + 1);
  assert_int_equal(q[count - 1].span.len, 17);
  assert_int_equal(q[count - 1].cue.off, (count - 1) * k + 20);
  assert_int_equal(q[count - 1].paragraph, count - 1);
  lede_article_free(a);
  free(buf);
}

/* The cache: a second call hands out the same array. */
static void test_cached(void **state) {
  static const char text[] = OPENING "\"We won,\" he said.";
  lede_article *a = NULL;
  const lede_quote *q1, *q2;
  size_t n1, n2;
  (void)state;
  assert_int_equal(lede_parse(text, sizeof text - 1, NULL, &a, NULL),
                   LEDE_OK);
  assert_int_equal(lede_article_quotes(a, &q1, &n1), LEDE_OK);
  assert_int_equal(lede_article_quotes(a, &q2, &n2), LEDE_OK);
  assert_ptr_equal(q1, q2);
  assert_int_equal(n1, 1);
  assert_int_equal(n2, 1);
  lede_article_free(a);
}

/* ---- the corpus ---- */

/* Every quotation inside its paragraph block, in order, with no mark or
** space at its ends; its verb and cue end before its paragraph does (a
** continued quotation keeps the attribution of the paragraph before). */
static int quotesok(const char *path, lede_article *a) {
  const lede_block *b;
  const lede_quote *q;
  size_t nb, n, k, end = 0;
  const char *s = lede_article_source(a, NULL);
  int ok = 1;
  b = lede_article_blocks(a, &nb);
  if (lede_article_quotes(a, &q, &n) != LEDE_OK) return 0;
  for (k = 0; k < n; k++) {
    const lede_block *p = &b[q[k].block];
    size_t lo = p->span.off, hi = lo + p->span.len;
    unsigned char c0 = (unsigned char)s[q[k].span.off];
    unsigned char c1 = (unsigned char)s[q[k].span.off + q[k].span.len - 1];
    if (q[k].block >= nb || p->kind != LEDE_BLOCK_PARAGRAPH ||
        q[k].span.len == 0 || q[k].span.off < lo ||
        q[k].span.off + q[k].span.len > hi || q[k].span.off < end ||
        c0 == ' ' || c0 == '"' || c1 == ' ' ||
        q[k].verb.off + q[k].verb.len > hi ||
        q[k].cue.off + q[k].cue.len > hi ||
        (!q[k].cue.len && q[k].speaker != LEDE_NONE)) {
      print_message("%s: quote %zu at byte %zu breaks an invariant\n", path,
                    k, q[k].span.off);
      ok = 0;
    }
    end = q[k].span.off + q[k].span.len;
  }
  return ok;
}

static void test_corpus(void **state) {
  char **files;
  size_t nfiles, i, failed = 0, quotes = 0;
  (void)state;
  nfiles = shared_corpus(&files);
  for (i = 0; i < nfiles; i++) {
    size_t len, n;
    char *text = shared_slurp(files[i], &len);
    lede_article *a = NULL;
    const lede_quote *q;
    if (text == NULL || lede_parse(text, len, NULL, &a, NULL) != LEDE_OK) {
      free(text);
      continue;  /* test_blocks reports parse failures */
    }
    if (!quotesok(files[i], a)) failed++;
    if (lede_article_quotes(a, &q, &n) == LEDE_OK) quotes += n;
    lede_article_free(a);
    free(text);
  }
  shared_free(files, nfiles);
  print_message("corpus: %zu articles, %zu quotations\n", nfiles, quotes);
  assert_int_equal(failed, 0);
}

int main(void) {
  const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_rows),
    cmocka_unit_test(test_seed),
    cmocka_unit_test(test_unclosed),
    cmocka_unit_test(test_many),
    cmocka_unit_test(test_cached),
    cmocka_unit_test(test_corpus),
  };
  return cmocka_run_group_tests_name("quotes", tests, NULL, NULL);
}
