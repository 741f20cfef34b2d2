/*
** test_names.c: core/lib/names.c. Name prefixes, author lines, and the
** authors list read off bylines, link lines, bios and wire sign-offs.
*/
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "lib/article.h"

typedef struct {
  const char *s;
  size_t prefix;  /* expected lede_name_prefix */
  int is;         /* expected lede_name_is */
} namerow;

static const namerow name_rows[] = {
  {"Natalie Johnson", 15, 1},
  {"Natalie Johnson is a staff writer", 15, 0},
  {"NATALIE JOHNSON", 15, 1},
  {"J. R. Ortiz", 11, 1},
  {"Ana de la Cruz", 14, 1},
  {"Luis Ortega-R\xc3\xad" "os", 17, 1},
  {"Jane O'Neil-Smith", 17, 1},
  {"Jane Doe, CNN", 8, 0},
  {"Jane Doe; Editing by", 8, 0},
  {"Maria del Carmen Ruiz Lopez Garcia", 27, 0},  /* five words at most */
  {"Natalie", 0, 0},
  {"natalie johnson", 0, 0},
  {"The Example Post", 0, 0},
  {"Example Post", 0, 0},
  {"Tomas Wendt Email Tomas", 11, 0},
  {"de la Cruz", 0, 0},
  /* A trailing particle is not part of the name (names.c says so). */
  {"Jane Doe de", 8, 0},
  {"", 0, 0},
};

static void test_name_prefix(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof name_rows / sizeof name_rows[0]; r++) {
    const namerow *w = &name_rows[r];
    size_t n = strlen(w->s);
    size_t got = lede_name_prefix(w->s, n);
    int is = lede_name_is(w->s, n) != 0;
    if (got != w->prefix || is != w->is) {
      print_message("row %zu: \"%s\": prefix %zu is %d, want %zu %d\n", r,
                    w->s, got, is, w->prefix, w->is);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

typedef struct {
  const char *s;
  int byline;  /* expected lede_name_byline */
} bylinerow;

static const bylinerow byline_rows[] = {
  {"By Jane Doe", 1},
  {"BY JANE DOE", 1},
  {"By: Jane Doe", 1},
  {"by Ada Moss, Tom Ecker and Rein Tamm, Tallinn", 1},
  {"By Hannah Becker and Luis Ortega, The Example Post", 1},
  {"Posted by Marisol Keane on 12 Mar 2017", 1},
  {"Written by Jane Doe", 1},
  {"-- Priya Raman", 1},
  {"\xe2\x80\x94 Priya Raman", 1},
  {"Tomas Wendt Email Tomas | Full Bio | RSS", 1},
  {"By the end of the day, the crews had gone home.", 0},
  {"By Monday", 0},
  {"Email | Full Bio | RSS", 0},
  {"Jane Doe", 0},
  {"By Jane Doe, who has covered the harbor for ten years and knows every "
   "keeper on the coast by name, and by now most of their dogs too", 0},
};

static void test_byline(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof byline_rows / sizeof byline_rows[0]; r++) {
    const bylinerow *w = &byline_rows[r];
    size_t n = strlen(w->s), words = 1, i;
    int got;
    for (i = 0; i < n; i++) words += w->s[i] == ' ';
    got = lede_name_byline(w->s, n, words) != 0;
    if (got != w->byline) {
      print_message("row %zu: \"%s\": byline %d, want %d\n", r, w->s, got,
                    w->byline);
      fails++;
    }
  }
  assert_int_equal(fails, 0);
}

/* ---- authors read from whole articles ---- */

#define MAXA 4
#define TITLE "Harbor Town Votes to Keep Its Last Lighthouse Keeper\n\n"
#define BODY "Residents of Gull Point voted 412 to 97 on Monday night to " \
  "keep paying a full-time keeper at the lighthouse.\n\nThe keeper said " \
  "he was grateful and would repaint the lantern room.\n"

typedef struct {
  const char *name;
  const char *bio;    /* expected bio, or NULL */
  const char *links;  /* labels joined by "|", "" for none */
} xauthor;

typedef struct {
  const char *name;
  const char *input;
  xauthor a[MAXA];  /* ends at a NULL name */
} authorrow;

static const authorrow author_rows[] = {
  {"no byline", TITLE BODY, {{NULL, NULL, ""}}},
  {"By A and B, Outlet", TITLE "By Hannah Becker and Luis Ortega, The "
   "Example Post\n\n" BODY,
   {{"Hannah Becker", NULL, ""}, {"Luis Ortega", NULL, ""}}},
  {"capitals", TITLE "By HANNAH BECKER and LUIS ORTEGA-R\xc3\x8d" "OS, The "
   "Example Post\n\n" BODY,
   {{"Hannah Becker", NULL, ""}, {"Luis Ortega-R\xc3\xad" "os", NULL, ""}}},
  {"By JANE DOE", TITLE "By JANE DOE\n\n" BODY, {{"Jane Doe", NULL, ""}}},
  {"By JANE O'NEIL-SMITH", TITLE "By JANE O'NEIL-SMITH\n\n" BODY,
   {{"Jane O'Neil-Smith", NULL, ""}}},
  {"mixed case and capitals", TITLE "By Jane Doe and JOHN SMITH\n\n" BODY,
   {{"Jane Doe", NULL, ""}, {"John Smith", NULL, ""}}},
  {"three, lower-case by, place", TITLE "by Ada Moss, Tom Ecker and Rein "
   "Tamm, Tallinn\n\n" BODY,
   {{"Ada Moss", NULL, ""}, {"Tom Ecker", NULL, ""}, {"Rein Tamm", NULL, ""}}},
  {"ampersand", TITLE "By Ada Moss & Tom Ecker\n\n" BODY,
   {{"Ada Moss", NULL, ""}, {"Tom Ecker", NULL, ""}}},
  {"By X, CNN", TITLE "By Mark Fields, CNN\n\n" BODY,
   {{"Mark Fields", NULL, ""}}},
  {"Posted by X on DATE", "Posted by Marisol Keane on 12 Mar 2017\n\n" BODY,
   {{"Marisol Keane", NULL, ""}}},
  {"-- Name", BODY "\n-- Priya Raman\n", {{"Priya Raman", NULL, ""}}},
  {"name line, link line, bio", TITLE BODY "\nTomas Wendt\n\n"
   "Tomas Wendt   Email Tomas | Full Bio | RSS\n"
   "Tomas Wendt is a city hall reporter at the Lakeshore Dispatch.\n",
   {{"Tomas Wendt",
     "Tomas Wendt is a city hall reporter at the Lakeshore Dispatch.",
     "Email|Full Bio|RSS"}}},
  {"link line with NBSP", TITLE BODY "\nTomas Wendt\xc2\xa0\xc2\xa0 Email "
   "Tomas | Full Bio | RSS\n",
   {{"Tomas Wendt", NULL, "Email|Full Bio|RSS"}}},
  {"bio alone", BODY "\nLena Ortiz is a senior reporter for the Eastfield "
   "Courier.\n",
   {{"Lena Ortiz", "Lena Ortiz is a senior reporter for the Eastfield "
     "Courier.", ""}}},
  /* A bio naming someone else adds that person (names.c), even when the
  ** first name starts with the byline author's surname. */
  {"bio of another person", TITLE "By Tom Lee\n\n" BODY "\nLeeann Park "
   "is a reporter for the Eastfield Courier.\n",
   {{"Tom Lee", NULL, ""}, {"Leeann Park", "Leeann Park is a reporter for "
     "the Eastfield Courier.", ""}}},
  {"bio of the byline author", TITLE "By Tom Lee\n\n" BODY "\nTom Lee "
   "is a reporter for the Eastfield Courier.\n",
   {{"Tom Lee", "Tom Lee is a reporter for the Eastfield Courier.", ""}}},
  {"wire sign-off", BODY "\nReporting by In\xc3\xaas Carvalho; Editing by "
   "Martin Hale\n",
   {{"In\xc3\xaas Carvalho", NULL, ""}}},
  {"sign-off with two reporters", BODY "\nReporting by Ana Silva and Rui "
   "Costa; Editing by Martin Hale\n",
   {{"Ana Silva", NULL, ""}, {"Rui Costa", NULL, ""}}},
  {"byline wins over sign-off", TITLE "By Jane Doe\n\n" BODY
   "\nReporting by Ana Silva; Editing by Martin Hale\n",
   {{"Jane Doe", NULL, ""}}},
  {"same author twice", TITLE "By Jane Doe\n\n" BODY "\n-- Jane Doe\n",
   {{"Jane Doe", NULL, ""}}},
};

static void joinlinks(const lede_author *au, char *buf, size_t n) {
  size_t k;
  buf[0] = '\0';
  for (k = 0; k < au->nlinks; k++) {
    if (k > 0) strncat(buf, "|", n - strlen(buf) - 1);
    strncat(buf, au->links[k], n - strlen(buf) - 1);
  }
}

static int authorsrow(size_t r, const authorrow *w) {
  lede_article *a = NULL;
  size_t n, want = 0, i;
  const lede_author *au;
  int fails = 0;
  if (lede_parse(w->input, strlen(w->input), NULL, &a, NULL) != LEDE_OK) {
    print_message("row %zu: %s: parse failed\n", r, w->name);
    return 1;
  }
  au = lede_article_authors(a, &n);
  while (want < MAXA && w->a[want].name != NULL) want++;
  if (n != want) {
    print_message("row %zu: %s: %zu authors, want %zu:", r, w->name, n, want);
    for (i = 0; i < n; i++) print_message(" \"%s\"", au[i].name);
    print_message("\n");
    fails++;
  }
  for (i = 0; i < n && i < want; i++) {
    const xauthor *x = &w->a[i];
    char links[256];
    joinlinks(&au[i], links, sizeof links);
    if (strcmp(au[i].name, x->name) != 0 ||
        (au[i].bio == NULL) != (x->bio == NULL) ||
        (x->bio != NULL && strcmp(au[i].bio, x->bio) != 0) ||
        strcmp(links, x->links) != 0 || au[i].links == NULL) {
      print_message("row %zu: %s: author %zu is \"%s\" bio \"%s\" links "
                    "\"%s\"; want \"%s\" \"%s\" \"%s\"\n", r, w->name, i,
                    au[i].name, au[i].bio ? au[i].bio : "(none)", links,
                    x->name, x->bio ? x->bio : "(none)", x->links);
      fails++;
    }
  }
  lede_article_free(a);
  return fails;
}

static void test_authors(void **state) {
  size_t r;
  int fails = 0;
  (void)state;
  for (r = 0; r < sizeof author_rows / sizeof author_rows[0]; r++)
    fails += authorsrow(r, &author_rows[r]);
  assert_int_equal(fails, 0);
}

int main(void) {
  static const struct CMUnitTest tests[] = {
    cmocka_unit_test(test_name_prefix),
    cmocka_unit_test(test_byline),
    cmocka_unit_test(test_authors),
  };
  return cmocka_run_group_tests_name("names", tests, NULL, NULL);
}
