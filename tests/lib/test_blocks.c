/*
** test_blocks.c: core/lib/blocks.c, block by block. Synthetic rows per block
** kind, the tests/cases/NAME.expect files (tests/cases/README.md) and, when
** ../shared/corpus is there, span invariants over every corpus article.
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
#include <utf8proc.h>

#include "lede.h"
#include "shared.h"

#define MAXB 16       /* expected blocks in one synthetic row */
#define MAXITEMS 64   /* authors, images, boilerplate lines in one case */
#define MAXKINDS 256  /* blocks in one case's kinds line */
#define WHY 512       /* room for one failure message */

/* ---- text helpers, independent of the library under test ---- */

/* Whitespace as tests/cases/README.md normalises it, plus ZWSP and BOM,
** which the core also treats as space. */
static int wsp(int32_t cp) {
  if (cp == ' ' || (cp >= '\t' && cp <= '\r')) return 1;
  if (cp == 0x200B || cp == 0xFEFF || cp == 0x85) return 1;
  if (cp < 0x80) return 0;
  switch (utf8proc_category(cp)) {
  case UTF8PROC_CATEGORY_ZS: case UTF8PROC_CATEGORY_ZL:
  case UTF8PROC_CATEGORY_ZP: return 1;
  default: return 0;
  }
}

/* Decode one code point; an invalid byte reads as U+FFFD, one byte. */
static size_t next(const char *s, size_t len, int32_t *cp, int *bad) {
  utf8proc_int32_t c;
  utf8proc_ssize_t n = utf8proc_iterate((const utf8proc_uint8_t *)s,
                                        len > 4 ? 4 : (utf8proc_ssize_t)len,
                                        &c);
  *bad = n <= 0;
  if (n <= 0) { *cp = 0xFFFD; return 1; }
  *cp = c;
  return (size_t)n;
}

/* README normalisation: whitespace runs become one space, ends trimmed,
** invalid bytes become U+FFFD. Caller frees. */
static char *norm(const char *s, size_t len) {
  char *out = malloc(len * 3 + 1);
  size_t i = 0, o = 0;
  int pending = 0;
  assert_non_null(out);
  while (i < len) {
    int32_t cp;
    int bad;
    size_t n = next(s + i, len - i, &cp, &bad);
    if (wsp(cp)) {
      pending = o > 0;
    } else {
      if (pending) out[o++] = ' ';
      pending = 0;
      if (bad) { memcpy(out + o, "\xEF\xBF\xBD", 3); o += 3; }
      else { memcpy(out + o, s + i, n); o += n; }
    }
    i += n;
  }
  out[o] = '\0';
  return out;
}

static int startsws(const char *s, size_t len) {
  int32_t cp;
  int bad;
  if (len == 0) return 0;
  next(s, len, &cp, &bad);
  return !bad && wsp(cp);
}

/* Whether the last character of s is whitespace. */
static int endsws(const char *s, size_t len) {
  size_t k = len;
  int32_t cp;
  int bad;
  if (len == 0) return 0;
  while (k > 0 && len - k < 4) {
    k--;
    if (((unsigned char)s[k] & 0xC0) != 0x80) break;
  }
  if (next(s + k, len - k, &cp, &bad) != len - k) return 0;
  return !bad && wsp(cp);
}

/* 1-based line of byte off: one more than the line breaks before it. */
static size_t lineat(const char *s, size_t off) {
  size_t i, line = 1;
  for (i = 0; i < off; i++)
    if (s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n')) line++;
  return line;
}

static const char *const bullets[] = {
  "\xe2\x80\xa2", "\xc2\xb7", "\xe2\x96\xaa", "\xe2\x96\xba", "\xe2\x96\xa0",
  "\xe2\x97\xa6", "\xe2\x80\xa3", "*", "-", "+", NULL
};

/* Whether a is "BULLET " followed by b. */
static int bulleted(const char *a, const char *b) {
  const char *const *p;
  for (p = bullets; *p != NULL; p++) {
    size_t n = strlen(*p);
    if (strncmp(a, *p, n) == 0 && a[n] == ' ' && strcmp(a + n + 1, b) == 0)
      return 1;
  }
  return 0;
}

static const char *kname(lede_block_kind k) {
  const char *s = lede_block_kind_name(k);
  return s ? s : "?";
}

/*
** Span invariants of one block in src: inside the source, non-empty, no
** whitespace at either end, line matching the span's first byte, and text
** equal to the raw bytes squeezed (an image's caption and credit are in
** them; a promo bullet's text drops the bullet). Fills why on failure.
*/
static int spanok(const char *src, size_t srclen, const lede_block *b,
                  char *why, size_t whylen) {
  const char *raw = src + b->span.off;
  char *sq;
  int ok = 1;
  if (b->span.off > srclen || b->span.len > srclen - b->span.off) {
    snprintf(why, whylen, "span [%zu, +%zu) outside the source (%zu bytes)",
             b->span.off, b->span.len, srclen);
    return 0;
  }
  if (b->span.len == 0 || b->text == NULL || b->text_len == 0) {
    snprintf(why, whylen, "empty %s: span [%zu, +%zu) \"%.*s\", text \"%s\"",
             b->span.len == 0 ? "span" : "text", b->span.off, b->span.len,
             (int)b->span.len, raw, b->text ? b->text : "(null)");
    return 0;
  }
  if (strlen(b->text) != b->text_len) {
    snprintf(why, whylen, "text_len %zu but strlen %zu", b->text_len,
             strlen(b->text));
    return 0;
  }
  if (startsws(raw, b->span.len) || endsws(raw, b->span.len)) {
    snprintf(why, whylen, "span [%zu, +%zu) not trimmed: \"%.*s\"",
             b->span.off, b->span.len, (int)b->span.len, raw);
    return 0;
  }
  if (b->line != lineat(src, b->span.off)) {
    snprintf(why, whylen, "line %zu, but byte %zu is on line %zu", b->line,
             b->span.off, lineat(src, b->span.off));
    return 0;
  }
  sq = norm(raw, b->span.len);
  if (b->kind == LEDE_BLOCK_IMAGE) {
    ok = strstr(sq, b->text) != NULL &&
         (b->credit == NULL || strstr(sq, b->credit) != NULL);
    if (!ok)
      snprintf(why, whylen, "caption \"%s\" / credit \"%s\" not in \"%s\"",
               b->text, b->credit ? b->credit : "(none)", sq);
  } else if (strcmp(sq, b->text) != 0 &&
             !(b->kind == LEDE_BLOCK_BOILERPLATE && bulleted(sq, b->text))) {
    ok = 0;
    snprintf(why, whylen, "text \"%s\" is not the raw bytes squeezed \"%s\"",
             b->text, sq);
  }
  free(sq);
  return ok;
}

/* Blocks in order, not overlapping, lines increasing; each spanok. */
static int blocksok(const lede_article *a, const char *tag) {
  size_t len, n, i, end = 0, line = 0;
  const char *src = lede_article_source(a, &len);
  const lede_block *b = lede_article_blocks(a, &n);
  char why[WHY];
  int ok = 1;
  for (i = 0; i < n; i++) {
    if (!spanok(src, len, &b[i], why, sizeof why)) {
      print_message("%s: block %zu (%s): %s\n", tag, i, kname(b[i].kind), why);
      ok = 0;
      continue;
    }
    if (b[i].span.off < end || b[i].line <= line) {
      print_message("%s: block %zu (%s) at byte %zu line %zu overlaps or "
                    "precedes the block before (ends at byte %zu, line %zu)\n",
                    tag, i, kname(b[i].kind), b[i].span.off, b[i].line, end,
                    line);
      ok = 0;
    }
    end = b[i].span.off + b[i].span.len;
    line = b[i].line;
  }
  return ok;
}

/* ---- synthetic rows ---- */

/* One expected block: its raw bytes pin the span (searched for after the
** block before), so a row states the span without counting bytes. */
typedef struct {
  lede_block_kind kind;
  const char *raw;     /* exact bytes of the span; NULL ends the list */
  const char *text;    /* expected text; NULL: raw squeezed */
  const char *credit;  /* expected image credit; NULL: none */
  size_t line;         /* expected 1-based line */
} xblock;

typedef struct {
  const char *name;
  const char *input;
  xblock b[MAXB];
} row;

/* Check one row; prints every mismatch and returns how many there were. */
static int runrow(size_t r, const row *w) {
  lede_article *a = NULL;
  lede_error err = {0};
  size_t n = 0, want = 0, i, from = 0;
  const lede_block *b;
  int fails = 0;
  lede_status st = lede_parse(w->input, strlen(w->input), NULL, &a, &err);
  if (st != LEDE_OK) {
    print_message("row %zu: %s: parse failed: %s\n", r, w->name, err.message);
    return 1;
  }
  b = lede_article_blocks(a, &n);
  while (want < MAXB && w->b[want].raw != NULL) want++;
  if (n != want) {
    print_message("row %zu: %s: %zu blocks, want %zu:", r, w->name, n, want);
    for (i = 0; i < n; i++)
      print_message(" [%s \"%s\"]", kname(b[i].kind), b[i].text);
    print_message("\n");
    fails++;
  }
  for (i = 0; i < n && i < want; i++) {
    const xblock *x = &w->b[i];
    const char *at = strstr(w->input + from, x->raw);
    size_t off = at ? (size_t)(at - w->input) : (size_t)-1;
    char *sq = norm(x->raw, strlen(x->raw));
    const char *text = x->text ? x->text : sq;
    if (b[i].kind != x->kind)
      print_message("row %zu: %s: block %zu: kind %s, want %s\n", r, w->name,
                    i, kname(b[i].kind), kname(x->kind)), fails++;
    if (b[i].span.off != off || b[i].span.len != strlen(x->raw))
      print_message("row %zu: %s: block %zu: span [%zu, +%zu) \"%.*s\", want "
                    "[%zu, +%zu) \"%s\"\n", r, w->name, i, b[i].span.off,
                    b[i].span.len, (int)b[i].span.len,
                    w->input + b[i].span.off, off, strlen(x->raw), x->raw),
        fails++;
    if (strcmp(b[i].text, text) != 0)
      print_message("row %zu: %s: block %zu: text \"%s\", want \"%s\"\n", r,
                    w->name, i, b[i].text, text), fails++;
    if ((b[i].credit == NULL) != (x->credit == NULL) ||
        (x->credit != NULL && strcmp(b[i].credit, x->credit) != 0))
      print_message("row %zu: %s: block %zu: credit \"%s\", want \"%s\"\n", r,
                    w->name, i, b[i].credit ? b[i].credit : "(none)",
                    x->credit ? x->credit : "(none)"), fails++;
    if (b[i].line != x->line)
      print_message("row %zu: %s: block %zu: line %zu, want %zu\n", r,
                    w->name, i, b[i].line, x->line), fails++;
    free(sq);
    if (at != NULL) from = off + strlen(x->raw);
  }
  if (!blocksok(a, w->name)) fails++;
  lede_article_free(a);
  return fails;
}

static void runrows(const row *rows, size_t n) {
  size_t r;
  int fails = 0;
  for (r = 0; r < n; r++) fails += runrow(r, &rows[r]);
  assert_int_equal(fails, 0);
}

#define ROWS(t) runrows(t, sizeof t / sizeof t[0])
#define T LEDE_BLOCK_TITLE
#define S LEDE_BLOCK_SUBTITLE
#define I LEDE_BLOCK_IMAGE
#define P LEDE_BLOCK_PARAGRAPH
#define BY LEDE_BLOCK_BYLINE
#define BIO LEDE_BLOCK_BIO
#define BP LEDE_BLOCK_BOILERPLATE

/* Body sentences the rows share. */
#define BODY1 "Residents of Gull Point voted 412 to 97 on Monday night to " \
  "keep paying a full-time keeper at the lighthouse."
#define BODY2 "The keeper, who has climbed the tower every evening since " \
  "1991, said he was grateful."
#define BODY3 "County officials had argued that an automated light would " \
  "save money."

static const row headline_rows[] = {
  {"title then body", "Harbor Town Votes to Keep Its Last Lighthouse Keeper\n\n"
   BODY1 "\n\n" BODY2 "\n",
   {{T, "Harbor Town Votes to Keep Its Last Lighthouse Keeper", NULL, NULL, 1},
    {P, BODY1, NULL, NULL, 3}, {P, BODY2, NULL, NULL, 5}}},
  /* Many scraped texts start straight with the body. */
  {"long first sentence is no title",
   "Residents of Gull Point voted 412 to 97 on Monday night to keep paying "
   "the town's last lighthouse keeper, ending a debate that had divided the "
   "harbor for two years.\n\n" BODY2 "\n",
   {{P, "Residents of Gull Point voted 412 to 97 on Monday night to keep "
        "paying the town's last lighthouse keeper, ending a debate that had "
        "divided the harbor for two years.", NULL, NULL, 1},
    {P, BODY2, NULL, NULL, 3}}},
  {"short first sentence is no title",
   "Crews walked off the job on Monday.\n\n" BODY2 "\n",
   {{P, "Crews walked off the job on Monday.", NULL, NULL, 1},
    {P, BODY2, NULL, NULL, 3}}},
  {"question headline", "Will the Ferry Still Run This Winter?\n\n" BODY1 "\n",
   {{T, "Will the Ferry Still Run This Winter?", NULL, NULL, 1},
    {P, BODY1, NULL, NULL, 3}}},
  {"title after a time stamp",
   "Updated 3:45 p.m. ET, Tue March 4, 2025\n\n"
   "Harbor Town Votes to Keep Its Keeper\n\n" BODY1 "\n",
   {{BP, "Updated 3:45 p.m. ET, Tue March 4, 2025", NULL, NULL, 1},
    {T, "Harbor Town Votes to Keep Its Keeper", NULL, NULL, 3},
    {P, BODY1, NULL, NULL, 5}}},
  {"dateline stays in the first paragraph",
   "LISBON (Reuters) \xe2\x80\x94 Crews on the river ferries walked off the "
   "job on Friday, the union said.\n\n" BODY2 "\n",
   {{P, "LISBON (Reuters) \xe2\x80\x94 Crews on the river ferries walked off "
        "the job on Friday, the union said.", NULL, NULL, 1},
    {P, BODY2, NULL, NULL, 3}}},
  {"place (CNN) dateline", "Arroyo Seco, Arizona (CNN) For nearly a decade, "
   "the main road through this town went dark at sunset.\n\n" BODY2 "\n",
   {{P, "Arroyo Seco, Arizona (CNN) For nearly a decade, the main road "
        "through this town went dark at sunset.", NULL, NULL, 1},
    {P, BODY2, NULL, NULL, 3}}},
  {"title then dateline", "Ferry Crews Strike Over Night Pay\n\n"
   "LISBON (Reuters) \xe2\x80\x94 Crews on the river ferries walked off the "
   "job on Friday, the union said.\n",
   {{T, "Ferry Crews Strike Over Night Pay", NULL, NULL, 1},
    {P, "LISBON (Reuters) \xe2\x80\x94 Crews on the river ferries walked off "
        "the job on Friday, the union said.", NULL, NULL, 3}}},
};

static void test_headline(void **state) {
  (void)state;
  ROWS(headline_rows);
}

#define DEKTITLE "Startup Turns Retired Car Ferry Into a Floating Data Centre"
#define FERRY "A retired car ferry that once carried holiday traffic now " \
  "houses 1,400 servers cooled by seawater."

static const row dek_rows[] = {
  {"dek without a full stop", DEKTITLE "\n\n"
   "Seawater cooling could cut the energy bill by half, founders say\n\n"
   FERRY "\n",
   {{T, DEKTITLE, NULL, NULL, 1},
    {S, "Seawater cooling could cut the energy bill by half, founders say",
     NULL, NULL, 3},
    {P, FERRY, NULL, NULL, 5}}},
  {"dek with a full stop before a byline", DEKTITLE "\n\n"
   "Seawater cooling could cut the energy bill by half, the founders say.\n\n"
   "By Ada Moss\n\n" FERRY "\n",
   {{T, DEKTITLE, NULL, NULL, 1},
    {S, "Seawater cooling could cut the energy bill by half, the founders "
        "say.", NULL, NULL, 3},
    {BY, "By Ada Moss", NULL, NULL, 5},
    {P, FERRY, NULL, NULL, 7}}},
  {"dek with colon", DEKTITLE "\n\n"
   "Founders: Seawater cooling could cut the energy bill by half\n\n"
   FERRY "\n",
   {{T, DEKTITLE, NULL, NULL, 1},
    {S, "Founders: Seawater cooling could cut the energy bill by half", NULL,
     NULL, 3},
    {P, FERRY, NULL, NULL, 5}}},
};

static void test_subtitle(void **state) {
  (void)state;
  ROWS(dek_rows);
}

#define CAP "Engineers test water drawn from the flooded quarry north of " \
  "Millbrook in June"

static const row image_rows[] = {
  /* The seed's shape: the caption, then the caption again with its credit. */
  {"caption repeated with / credit", "Millbrook Turns to Flooded Quarries\n\n"
   CAP "\n\n" CAP " / Getty Images\n\n" BODY1 "\n",
   {{T, "Millbrook Turns to Flooded Quarries", NULL, NULL, 1},
    {I, CAP "\n\n" CAP " / Getty Images", CAP, "Getty Images", 3},
    {P, BODY1, NULL, NULL, 7}}},
  {"caption / Agency on one line", CAP " / Reuters\n\n" BODY1 "\n",
   {{I, CAP " / Reuters", CAP, "Reuters", 1}, {P, BODY1, NULL, NULL, 3}}},
  {"caption (Photo: AP)", BODY2 "\n\n"
   "A volunteer labels jars of runner bean seeds in the basement "
   "(Photo: AP)\n\n" BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "A volunteer labels jars of runner bean seeds in the basement "
        "(Photo: AP)",
     "A volunteer labels jars of runner bean seeds in the basement", "AP", 3},
    {P, BODY1, NULL, NULL, 5}}},
  {"caption (Photo/X)", "The converted ferry moored in the old harbor of "
   "Tallinn (Photo/Kenji Sato)\n\n" BODY1 "\n",
   {{I, "The converted ferry moored in the old harbor of Tallinn "
        "(Photo/Kenji Sato)",
     "The converted ferry moored in the old harbor of Tallinn", "Kenji Sato",
     1},
    {P, BODY1, NULL, NULL, 3}}},
  {"caption (AP Photo/X)", "Crews stand on the pier at dawn (AP Photo/Jane "
   "Doe)\n\n" BODY1 "\n",
   {{I, "Crews stand on the pier at dawn (AP Photo/Jane Doe)",
     "Crews stand on the pier at dawn", "AP Photo/Jane Doe", 1},
    {P, BODY1, NULL, NULL, 3}}},
  {"Photograph: X/Y on the line after the caption", BODY2 "\n\n"
   "Volunteers sort seed packets at the library on Saturday.\n"
   "Photograph: Ana Lopes/Example Agency\n\n" BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "Volunteers sort seed packets at the library on Saturday.\n"
        "Photograph: Ana Lopes/Example Agency",
     "Volunteers sort seed packets at the library on Saturday.",
     "Ana Lopes/Example Agency", 3},
    {P, BODY1, NULL, NULL, 6}}},
  {"Photograph: X/Y after a blank line", BODY2 "\n\n"
   "Volunteers sort seed packets at the library on Saturday.\n\n"
   "Photograph: Ana Lopes/Example Agency\n\n" BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "Volunteers sort seed packets at the library on Saturday.\n\n"
        "Photograph: Ana Lopes/Example Agency",
     "Volunteers sort seed packets at the library on Saturday.",
     "Ana Lopes/Example Agency", 3},
    {P, BODY1, NULL, NULL, 7}}},
  {"Photograph: inline after the caption", BODY2 "\n\n"
   "Flags at the rally on Sunday. Photograph: Ana Lopes/Example Agency\n\n"
   BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "Flags at the rally on Sunday. Photograph: Ana Lopes/Example Agency",
     "Flags at the rally on Sunday.", "Ana Lopes/Example Agency", 3},
    {P, BODY1, NULL, NULL, 5}}},
  {"Credit: X on the line after the caption", BODY2 "\n\n"
   "A technician checks a rack of servers on the former car deck.\n"
   "Credit: Northlight Images\n\n" BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "A technician checks a rack of servers on the former car deck.\n"
        "Credit: Northlight Images",
     "A technician checks a rack of servers on the former car deck.",
     "Northlight Images", 3},
    {P, BODY1, NULL, NULL, 6}}},
  {"Image source, X before the caption", BODY2 "\n\n"
   "Image source, Example News\n"
   "A child plants a sunflower seed in a paper pot.\n\n" BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "Image source, Example News\n"
        "A child plants a sunflower seed in a paper pot.",
     "A child plants a sunflower seed in a paper pot.", "Example News", 3},
    {P, BODY1, NULL, NULL, 6}}},
  {"Image source, X then Image caption, Y", BODY2 "\n\n"
   "Image source, Example News\n"
   "Image caption, A child plants a sunflower seed in a paper pot.\n\n"
   BODY1 "\n",
   {{P, BODY2, NULL, NULL, 1},
    {I, "Image source, Example News\n"
        "Image caption, A child plants a sunflower seed in a paper pot.",
     "A child plants a sunflower seed in a paper pot.", "Example News", 3},
    {P, BODY1, NULL, NULL, 6}}},
  /* Not credits: a bracket of ordinary words, a slash in a sentence. */
  {"(weather permitting) is no credit", BODY2 "\n\n"
   "The ferry runs twice a day between the islands (weather permitting).\n",
   {{P, BODY2, NULL, NULL, 1},
    {P, "The ferry runs twice a day between the islands (weather "
        "permitting).", NULL, NULL, 3}}},
  {"a slash in a sentence is no credit", BODY2 "\n\n"
   "Fares rose to 3 euros / 4 dollars a ride, the operator said.\n",
   {{P, BODY2, NULL, NULL, 1},
    {P, "Fares rose to 3 euros / 4 dollars a ride, the operator said.", NULL,
     NULL, 3}}},
};

static void test_image(void **state) {
  (void)state;
  ROWS(image_rows);
}

static const row byline_rows[] = {
  {"By A and B, Outlet", "Harbor Town Votes to Keep Its Keeper\n\n"
   "By Hannah Becker and Luis Ortega, The Example Post\n\n" BODY1 "\n",
   {{T, "Harbor Town Votes to Keep Its Keeper", NULL, NULL, 1},
    {BY, "By Hannah Becker and Luis Ortega, The Example Post", NULL, NULL, 3},
    {P, BODY1, NULL, NULL, 5}}},
  {"By NAME in capitals", "Harbor Town Votes to Keep Its Keeper\n\n"
   "By JANE DOE\n\n" BODY1 "\n",
   {{T, "Harbor Town Votes to Keep Its Keeper", NULL, NULL, 1},
    {BY, "By JANE DOE", NULL, NULL, 3}, {P, BODY1, NULL, NULL, 5}}},
  {"Posted by X on DATE first", "Posted by Marisol Keane on 12 Mar 2017\n\n"
   BODY1 "\n\n" BODY2 "\n",
   {{BY, "Posted by Marisol Keane on 12 Mar 2017", NULL, NULL, 1},
    {P, BODY1, NULL, NULL, 3}, {P, BODY2, NULL, NULL, 5}}},
  {"-- Name after the body", BODY1 "\n\n" BODY2 "\n\n-- Priya Raman\n",
   {{P, BODY1, NULL, NULL, 1}, {P, BODY2, NULL, NULL, 3},
    {BY, "-- Priya Raman", NULL, NULL, 5}}},
  {"name line, link line, bio", BODY1 "\n\nTomas Wendt\n\n"
   "Tomas Wendt   Email Tomas | Full Bio | RSS\n"
   "Tomas Wendt is a city hall reporter at the Lakeshore Dispatch.\n",
   {{P, BODY1, NULL, NULL, 1}, {BY, "Tomas Wendt", NULL, NULL, 3},
    {BY, "Tomas Wendt   Email Tomas | Full Bio | RSS", NULL, NULL, 5},
    {BIO, "Tomas Wendt is a city hall reporter at the Lakeshore Dispatch.",
     NULL, NULL, 6}}},
  {"link line with NBSP", BODY1 "\n\n"
   "Tomas Wendt\xc2\xa0\xc2\xa0 Email Tomas | Full Bio | RSS\n",
   {{P, BODY1, NULL, NULL, 1},
    {BY, "Tomas Wendt\xc2\xa0\xc2\xa0 Email Tomas | Full Bio | RSS", NULL, NULL,
     3}}},
  {"By the end of ... is a sentence", BODY1 "\n\n"
   "By the end of the day, the crews had gone home.\n",
   {{P, BODY1, NULL, NULL, 1},
    {P, "By the end of the day, the crews had gone home.", NULL, NULL, 3}}},
};

static void test_byline(void **state) {
  (void)state;
  ROWS(byline_rows);
}

static const row bio_rows[] = {
  {"one-sentence bio at the end", BODY1 "\n\n" BODY2 "\n\n"
   "Lena Ortiz is a senior reporter for the Eastfield Courier.\n",
   {{P, BODY1, NULL, NULL, 1}, {P, BODY2, NULL, NULL, 3},
    {BIO, "Lena Ortiz is a senior reporter for the Eastfield Courier.", NULL,
     NULL, 5}}},
  {"bio then sign-up line", BODY1 "\n\n"
   "Lena Ortiz is a senior reporter for the Eastfield Courier.\n\n"
   "Sign up for our morning newsletter\n",
   {{P, BODY1, NULL, NULL, 1},
    {BIO, "Lena Ortiz is a senior reporter for the Eastfield Courier.", NULL,
     NULL, 3},
    {BP, "Sign up for our morning newsletter", NULL, NULL, 5}}},
  /* A person described in the body is not the author. */
  {"a quoted source early in the body", "Maria Lopez is a teacher at the "
   "village school and has taught there for 20 years.\n\n" BODY1 "\n\n"
   BODY2 "\n\n" BODY3 "\n\n" BODY1 " Again.\n\n" BODY2 " Again.\n",
   {{P, "Maria Lopez is a teacher at the village school and has taught there "
        "for 20 years.", NULL, NULL, 1},
    {P, BODY1, NULL, NULL, 3}, {P, BODY2, NULL, NULL, 5},
    {P, BODY3, NULL, NULL, 7}, {P, BODY1 " Again.", NULL, NULL, 9},
    {P, BODY2 " Again.", NULL, NULL, 11}}},
};

static void test_bio(void **state) {
  (void)state;
  ROWS(bio_rows);
}

#define BULLET "\xe2\x80\xa2 "

static const row boilerplate_rows[] = {
  {"Advertisement between paragraphs", BODY1 "\n\nAdvertisement\n\n" BODY2
   "\n",
   {{P, BODY1, NULL, NULL, 1}, {BP, "Advertisement", NULL, NULL, 3},
    {P, BODY2, NULL, NULL, 5}}},
  {"Related: line", BODY1 "\n\nRelated: Coastal towns weigh the cost of "
   "keeping their old beacons lit\n\n" BODY2 "\n",
   {{P, BODY1, NULL, NULL, 1},
    {BP, "Related: Coastal towns weigh the cost of keeping their old beacons "
         "lit", NULL, NULL, 3},
    {P, BODY2, NULL, NULL, 5}}},
  {"Read more line", BODY1 "\n\nRead more: How one island kept its winter "
   "ferry running\n\n" BODY2 "\n",
   {{P, BODY1, NULL, NULL, 1},
    {BP, "Read more: How one island kept its winter ferry running", NULL,
     NULL, 3},
    {P, BODY2, NULL, NULL, 5}}},
  {"Subscribe line", BODY1 "\n\n" BODY2 "\n\n"
   "Subscribe to our newsletter for FREE\n",
   {{P, BODY1, NULL, NULL, 1}, {P, BODY2, NULL, NULL, 3},
    {BP, "Subscribe to our newsletter for FREE", NULL, NULL, 5}}},
  {"copyright line", BODY1 "\n\n" BODY2 "\n\n"
   "\xc2\xa9 2025 The Example Post. All rights reserved.\n",
   {{P, BODY1, NULL, NULL, 1}, {P, BODY2, NULL, NULL, 3},
    {BP, "\xc2\xa9 2025 The Example Post. All rights reserved.", NULL, NULL,
     5}}},
  {"time stamps", "Harbor Town Votes to Keep Its Keeper\n\n"
   "Updated 3:45 p.m. ET, Tue March 4, 2025\n\n" BODY1 "\n\n"
   "Published 10:12 AM EDT Jun 5, 2024\n\n" BODY2 "\n",
   {{T, "Harbor Town Votes to Keep Its Keeper", NULL, NULL, 1},
    {BP, "Updated 3:45 p.m. ET, Tue March 4, 2025", NULL, NULL, 3},
    {P, BODY1, NULL, NULL, 5},
    {BP, "Published 10:12 AM EDT Jun 5, 2024", NULL, NULL, 7},
    {P, BODY2, NULL, NULL, 9}}},
  {"share buttons", BODY1 "\n\n" BODY2 "\n\nShare this:\n\nFacebook\n\n"
   "Twitter\n",
   {{P, BODY1, NULL, NULL, 1}, {P, BODY2, NULL, NULL, 3},
    {BP, "Share this:", NULL, NULL, 5}, {BP, "Facebook", NULL, NULL, 7},
    {BP, "Twitter", NULL, NULL, 9}}},
  {"bullets after a sign-up line", BODY1 "\n\n"
   "Get the local stories that matter to you, sent to your inbox.\n\n"
   "Register today!\n" BULLET "Start your day with a briefing\n"
   BULLET "Follow every council vote\n",
   {{P, BODY1, NULL, NULL, 1},
    {BP, "Get the local stories that matter to you, sent to your inbox.",
     NULL, NULL, 3},
    {BP, "Register today!", NULL, NULL, 5},
    {BP, BULLET "Start your day with a briefing",
     "Start your day with a briefing", NULL, 6},
    {BP, BULLET "Follow every council vote", "Follow every council vote",
     NULL, 7}}},
  /* Bullets under a body sentence are body text. */
  {"bullets in the body", BODY1 "\n\nThe plan has two parts:\n\n"
   BULLET "a new pumping station at the quarry.\n"
   BULLET "a pipeline to the treatment plant.\n\n" BODY2 "\n",
   {{P, BODY1, NULL, NULL, 1}, {P, "The plan has two parts:", NULL, NULL, 3},
    {P, BULLET "a new pumping station at the quarry.", NULL, NULL, 5},
    {P, BULLET "a pipeline to the treatment plant.", NULL, NULL, 6},
    {P, BODY2, NULL, NULL, 8}}},
};

static void test_boilerplate(void **state) {
  (void)state;
  ROWS(boilerplate_rows);
}

#define TITLE "Night Market Returns to Old Tram Depot"
#define W1 "The weekly night market at the old tram depot reopened on"
#define W2 "Friday for the first time since 2020, drawing a crowd that"
#define W3 "organizers put at more than four thousand people."

static const row layout_rows[] = {
  {"CRLF", TITLE "\r\n\r\n" BODY1 "\r\n" BODY2 "\r\n",
   {{T, TITLE, NULL, NULL, 1}, {P, BODY1, NULL, NULL, 3},
    {P, BODY2, NULL, NULL, 4}}},
  {"CR only", TITLE "\r\r" BODY1 "\r" BODY2 "\r",
   {{T, TITLE, NULL, NULL, 1}, {P, BODY1, NULL, NULL, 3},
    {P, BODY2, NULL, NULL, 4}}},
  {"BOM", "\xEF\xBB\xBF" TITLE "\n\n" BODY1 "\n",
   {{T, TITLE, NULL, NULL, 1}, {P, BODY1, NULL, NULL, 3}}},
  {"BOM and CRLF, no final newline", "\xEF\xBB\xBF" TITLE "\r\nBy Oskar Lind"
   "\r\n" BODY1 "\r\n" BODY2,
   {{T, TITLE, NULL, NULL, 1}, {BY, "By Oskar Lind", NULL, NULL, 2},
    {P, BODY1, NULL, NULL, 3}, {P, BODY2, NULL, NULL, 4}}},
  {"no final newline", TITLE "\n\n" BODY1 "\n\n" BODY2,
   {{T, TITLE, NULL, NULL, 1}, {P, BODY1, NULL, NULL, 3},
    {P, BODY2, NULL, NULL, 5}}},
  {"NBSP and tabs", "\tNight Market\xc2\xa0Returns to Old\tTram Depot \t\n\n"
   "  " BODY1 "\xc2\xa0\n\n\xc2\xa0" BODY2 "\t\n",
   {{T, "Night Market\xc2\xa0Returns to Old\tTram Depot",
     "Night Market Returns to Old Tram Depot", NULL, 1},
    {P, BODY1, NULL, NULL, 3}, {P, BODY2, NULL, NULL, 5}}},
  {"runs of blank lines", TITLE "\n\n\n\n \t\xc2\xa0\n\n\n" BODY1
   "\n\n\n\n\n" BODY2 "\n\n\n",
   {{T, TITLE, NULL, NULL, 1}, {P, BODY1, NULL, NULL, 8},
    {P, BODY2, NULL, NULL, 13}}},
  {"leading blank lines", "\n\n  \n" TITLE "\n\n" BODY1 "\n",
   {{T, TITLE, NULL, NULL, 4}, {P, BODY1, NULL, NULL, 6}}},
  /* Lines of at most 100 bytes, paragraphs between blank lines. */
  {"hard-wrapped paragraphs", TITLE "\n\n" W1 "\n" W2 "\n" W3 "\n\n"
   W1 "\n" W2 "\n" W3 "\n\n" W1 "\n" W2 "\n" W3 "\n",
   {{T, TITLE, NULL, NULL, 1}, {P, W1 "\n" W2 "\n" W3, NULL, NULL, 3},
    {P, W1 "\n" W2 "\n" W3, NULL, NULL, 7},
    {P, W1 "\n" W2 "\n" W3, NULL, NULL, 11}}},
  {"hard-wrapped CRLF with a dateline", "LISBON (Reuters) \xe2\x80\x94 " W1
   "\r\n" W2 "\r\n" W3 "\r\n\r\n" W1 "\r\n" W2 "\r\n" W3 "\r\n",
   {{P, "LISBON (Reuters) \xe2\x80\x94 " W1 "\r\n" W2 "\r\n" W3, NULL, NULL,
     1},
    {P, W1 "\r\n" W2 "\r\n" W3, NULL, NULL, 5}}},
  /* One short sentence a line and no blank line anywhere is the
  ** no-blank-lines shape, not hard wrapping. */
  {"short lines, no blank lines", TITLE "\nBy Oskar Lind\n"
   "The market reopened on Friday.\nForty-two stalls lined the sheds.\n"
   "A brass band played until midnight.\nThe depot had been closed since "
   "2020.\nThe market will run every Friday.\n",
   {{T, TITLE, NULL, NULL, 1}, {BY, "By Oskar Lind", NULL, NULL, 2},
    {P, "The market reopened on Friday.", NULL, NULL, 3},
    {P, "Forty-two stalls lined the sheds.", NULL, NULL, 4},
    {P, "A brass band played until midnight.", NULL, NULL, 5},
    {P, "The depot had been closed since 2020.", NULL, NULL, 6},
    {P, "The market will run every Friday.", NULL, NULL, 7}}},
};

static void test_layout(void **state) {
  (void)state;
  ROWS(layout_rows);
}

/* Odd inputs whose kinds are open to judgement: only the invariants are
** checked (spans trimmed and in order, text non-empty and equal to the raw
** bytes squeezed, lines right). */
static const char *const odd_inputs[] = {
  /* A credit with no caption after a promo line (corpus 160.txt). */
  BODY1 "\n\nRELATED:\n\nImage Credit: Getty\n",
  "Photograph: Ana Lopes/Example Agency\n\n" BODY1 "\n",
  BULLET "one\n" BULLET "two\n" BULLET "three\n",
  "Advertisement\n\nAdvertisement\n\n" BODY1 "\n",
  "x\n",
  "\xEF\xBB\xBF\xc2\xa0x\xc2\xa0\r\n\r\n\xe2\x80\x8b\r\ny\n",
  "Image source, Example News\n",
  TITLE "\n\n" TITLE "\n\n" BODY1 "\n",
  "By Jane Doe\n",
  "(Photo: AP)\n\n" BODY1 "\n",
  " / Getty Images\n",
  "Caption / Getty Images\n\nCaption / Getty Images\n",
};

static void test_invariants(void **state) {
  size_t i;
  int fails = 0;
  (void)state;
  for (i = 0; i < sizeof odd_inputs / sizeof odd_inputs[0]; i++) {
    lede_article *a = NULL;
    char tag[64];
    snprintf(tag, sizeof tag, "row %zu", i);
    if (lede_parse(odd_inputs[i], strlen(odd_inputs[i]), NULL, &a, NULL) !=
        LEDE_OK) {
      print_message("%s: parse failed\n", tag);
      fails++;
      continue;
    }
    if (!blocksok(a, tag)) fails++;
    lede_article_free(a);
  }
  assert_int_equal(fails, 0);
}

/* ---- tests/cases/NAME.expect ---- */

typedef struct {
  char *name, *links, *bio;
} xauthor;

typedef struct {
  char *file, *title, *subtitle, *first, *last, *kinds;
  long paragraphs;
  xauthor authors[MAXITEMS];
  size_t nauthors;
  char *images[MAXITEMS];
  size_t nimages;
  char *boiler[MAXITEMS];
  size_t nboiler;
  char *buf;  /* the file's text; every field points into it */
} expect;

static char *trimmed(char *s) {
  char *e;
  while (*s == ' ' || *s == '\t' || *s == '\r') s++;
  e = s + strlen(s);
  while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) e--;
  *e = '\0';
  return s;
}

static int isnil(const char *v) {
  return v != NULL && strcmp(v, "-") == 0;
}

/* Read an .expect file into x; returns 0, or 1 with why filled. */
static int readexpect(const char *path, expect *x, char *why, size_t wl) {
  size_t len, lineno = 0;
  char *p, *line;
  memset(x, 0, sizeof *x);
  x->paragraphs = -1;
  x->buf = shared_slurp(path, &len);
  if (x->buf == NULL) return snprintf(why, wl, "cannot read %s", path), 1;
  for (p = x->buf; p != NULL; p = line) {
    char *key = p, *colon, *v;
    line = strchr(p, '\n');
    if (line != NULL) *line++ = '\0';
    lineno++;
    key = trimmed(key);
    if (*key == '\0' || *key == '#') continue;
    colon = strchr(key, ':');
    if (colon == NULL)
      return snprintf(why, wl, "line %zu: no key", lineno), 1;
    *colon = '\0';
    v = trimmed(colon + 1);
    if (strcmp(key, "file") == 0) x->file = v;
    else if (strcmp(key, "title") == 0) x->title = v;
    else if (strcmp(key, "subtitle") == 0) x->subtitle = v;
    else if (strcmp(key, "author") == 0 && !isnil(v) && x->nauthors < MAXITEMS)
      x->authors[x->nauthors++].name = v;
    else if (strcmp(key, "author") == 0) continue;
    else if ((strcmp(key, "links") == 0 || strcmp(key, "bio") == 0) &&
             x->nauthors > 0) {
      if (key[0] == 'l') x->authors[x->nauthors - 1].links = v;
      else x->authors[x->nauthors - 1].bio = v;
    } else if (strcmp(key, "image") == 0) {
      if (!isnil(v) && x->nimages < MAXITEMS) x->images[x->nimages++] = v;
    } else if (strcmp(key, "paragraphs") == 0) x->paragraphs = atol(v);
    else if (strcmp(key, "first") == 0) x->first = v;
    else if (strcmp(key, "last") == 0) x->last = v;
    else if (strcmp(key, "boilerplate") == 0) {
      if (!isnil(v) && x->nboiler < MAXITEMS) x->boiler[x->nboiler++] = v;
    } else if (strcmp(key, "kinds") == 0) x->kinds = v;
    else return snprintf(why, wl, "line %zu: unknown key \"%s\"", lineno,
                         key), 1;
  }
  if (!x->file || !x->title || !x->subtitle || x->paragraphs < 0 ||
      !x->first || !x->last || !x->kinds)
    return snprintf(why, wl, "a required field is missing"), 1;
  return 0;
}

typedef struct {
  const char *name;  /* case name, for messages */
  int fails;
} report;

static void bad(report *r, const char *fmt, ...) {
  char msg[WHY * 2];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  print_message("case %s: %s\n", r->name, msg);
  r->fails++;
}

/* Compare a nil-or-text field: want "-" means got NULL. */
static void field(report *r, const char *key, const char *got,
                  const char *want) {
  char *g, *w;
  if (isnil(want)) {
    if (got != NULL) bad(r, "%s: got \"%s\", want none", key, got);
    return;
  }
  if (got == NULL) {
    bad(r, "%s: got none, want \"%s\"", key, want);
    return;
  }
  g = norm(got, strlen(got));
  w = norm(want, strlen(want));
  if (strcmp(g, w) != 0) bad(r, "%s: got \"%s\", want \"%s\"", key, g, w);
  free(g);
  free(w);
}

/* got starts (end == 0) or ends (end == 1) with want, after normalising. */
static void affix(report *r, const char *key, const char *got,
                  const char *want, int end) {
  char *g = norm(got, strlen(got)), *w = norm(want, strlen(want));
  size_t gl = strlen(g), wl = strlen(w);
  if (wl > gl || memcmp(g + (end ? gl - wl : 0), w, wl) != 0)
    bad(r, "%s: \"%s\" does not %s \"%s\"", key, g,
        end ? "end with" : "start with", w);
  free(g);
  free(w);
}

static void checkauthors(report *r, const lede_article *a, const expect *x) {
  size_t n, i, k;
  const lede_author *au = lede_article_authors(a, &n);
  if (n != x->nauthors) {
    bad(r, "authors: got %zu, want %zu", n, x->nauthors);
    for (i = 0; i < n; i++) print_message("  author: %s\n", au[i].name);
  }
  for (i = 0; i < n && i < x->nauthors; i++) {
    const xauthor *w = &x->authors[i];
    char key[64];
    snprintf(key, sizeof key, "author %zu", i + 1);
    field(r, key, au[i].name, w->name);
    snprintf(key, sizeof key, "author %zu bio", i + 1);
    if (w->bio != NULL && !isnil(w->bio) && au[i].bio != NULL)
      affix(r, key, au[i].bio, w->bio, 0);
    else if (w->bio != NULL) field(r, key, au[i].bio, w->bio);
    if (w->links != NULL) {  /* "Email | Full Bio | RSS" */
      char got[WHY] = "";
      for (k = 0; k < au[i].nlinks; k++) {
        if (k > 0) strncat(got, " | ", sizeof got - strlen(got) - 1);
        strncat(got, au[i].links[k], sizeof got - strlen(got) - 1);
      }
      snprintf(key, sizeof key, "author %zu links", i + 1);
      field(r, key, au[i].nlinks ? got : NULL, w->links);
    }
  }
}

static void checkimages(report *r, const lede_block *b, size_t n,
                        const expect *x) {
  size_t i, k = 0;
  for (i = 0; i < n; i++) {
    const char *v, *sep = NULL, *s;
    char *cap, key[64];
    if (b[i].kind != LEDE_BLOCK_IMAGE) continue;
    if (k >= x->nimages) { k++; continue; }
    v = x->images[k];
    for (s = strstr(v, " | "); s != NULL; s = strstr(s + 1, " | ")) sep = s;
    cap = sep ? strndup(v, (size_t)(sep - v)) : strdup(v);
    assert_non_null(cap);
    snprintf(key, sizeof key, "image %zu caption", k + 1);
    field(r, key, b[i].text, cap);
    snprintf(key, sizeof key, "image %zu credit", k + 1);
    field(r, key, b[i].credit, sep ? sep + 3 : "-");
    free(cap);
    k++;
  }
  if (k != x->nimages) bad(r, "images: got %zu, want %zu", k, x->nimages);
}

static void checkbody(report *r, const lede_block *b, size_t n,
                      const expect *x) {
  size_t i, np = 0, nb = 0;
  const lede_block *first = NULL, *last = NULL;
  for (i = 0; i < n; i++) {
    if (b[i].kind == LEDE_BLOCK_PARAGRAPH) {
      if (first == NULL) first = &b[i];
      last = &b[i];
      np++;
    } else if (b[i].kind == LEDE_BLOCK_BOILERPLATE) {
      if (nb < x->nboiler) {
        char key[64];
        snprintf(key, sizeof key, "boilerplate %zu", nb + 1);
        field(r, key, b[i].text, x->boiler[nb]);
      }
      nb++;
    }
  }
  if ((long)np != x->paragraphs)
    bad(r, "paragraphs: got %zu, want %ld", np, x->paragraphs);
  if (nb != x->nboiler) bad(r, "boilerplate: got %zu, want %zu", nb,
                            x->nboiler);
  if (isnil(x->first) != (first == NULL))
    bad(r, "first: got %s, want %s", first ? first->text : "none", x->first);
  else if (first != NULL) {
    affix(r, "first", first->text, x->first, 0);
    affix(r, "last", last->text, x->last, 1);
  }
}

/* "title subtitle paragraph*9 byline" against the blocks' kinds. */
static void checkkinds(report *r, const lede_block *b, size_t n,
                       const expect *x) {
  char want[MAXKINDS * 16] = "", got[MAXKINDS * 16] = "";
  char *spec = strdup(x->kinds), *tok, *save = NULL;
  size_t i;
  assert_non_null(spec);
  for (tok = strtok_r(spec, " \t", &save); tok != NULL;
       tok = strtok_r(NULL, " \t", &save)) {
    char *star = strchr(tok, '*');
    long times = 1, t;
    if (star != NULL) { *star = '\0'; times = atol(star + 1); }
    for (t = 0; t < times; t++) {
      strncat(want, *want ? " " : "", sizeof want - strlen(want) - 1);
      strncat(want, tok, sizeof want - strlen(want) - 1);
    }
  }
  for (i = 0; i < n; i++) {
    strncat(got, i ? " " : "", sizeof got - strlen(got) - 1);
    strncat(got, kname(b[i].kind), sizeof got - strlen(got) - 1);
  }
  if (strcmp(got, want) != 0)
    bad(r, "kinds:\n  got  %s\n  want %s", got, want);
  free(spec);
}

static void test_case(void **state) {
  const char *path = *state;
  expect x;
  char why[WHY];
  report r = {path, 0};
  lede_article *a = NULL;
  lede_error err = {0};
  size_t len, n;
  char *text;
  const lede_block *b;
  if (readexpect(path, &x, why, sizeof why) != 0) {
    free(x.buf);
    fail_msg("case %s: %s", path, why);
  }
  text = shared_slurp(x.file, &len);
  if (text == NULL) {
    /* Only files outside the repository may be absent (the seed). */
    if (strncmp(x.file, "../", 3) != 0) {
      free(x.buf);
      fail_msg("case %s: fixture %s not found", path, x.file);
    }
    shared_missing(x.file);
    free(x.buf);
    skip();
  }
  if (lede_parse(text, len, NULL, &a, &err) != LEDE_OK) {
    bad(&r, "parse failed: %s", err.message);
  } else {
    b = lede_article_blocks(a, &n);
    field(&r, "title", lede_article_first(a, LEDE_BLOCK_TITLE) ?
          lede_article_first(a, LEDE_BLOCK_TITLE)->text : NULL, x.title);
    field(&r, "subtitle", lede_article_first(a, LEDE_BLOCK_SUBTITLE) ?
          lede_article_first(a, LEDE_BLOCK_SUBTITLE)->text : NULL,
          x.subtitle);
    checkauthors(&r, a, &x);
    checkimages(&r, b, n, &x);
    checkbody(&r, b, n, &x);
    checkkinds(&r, b, n, &x);
    if (!blocksok(a, path)) r.fails++;
  }
  lede_article_free(a);
  free(text);
  free(x.buf);
  if (r.fails > 0) fail_msg("case %s: %d field(s) differ", path, r.fails);
}

/* ---- the corpus ---- */

static void test_corpus(void **state) {
  size_t n, i, checked = 0, failed = 0;
  char **files;
  (void)state;
  n = shared_corpus(&files);
  for (i = 0; i < n; i++) {
    size_t len, nb, k, paras = 0;
    char *text = shared_slurp(files[i], &len);
    lede_article *a = NULL;
    lede_error err = {0};
    const lede_block *b;
    int ok = 1;
    if (text == NULL) {
      print_message("%s: cannot read\n", files[i]);
      failed++;
      continue;
    }
    checked++;
    if (lede_parse(text, len, NULL, &a, &err) != LEDE_OK) {
      print_message("%s: parse failed: %s\n", files[i], err.message);
      failed++;
      free(text);
      continue;
    }
    b = lede_article_blocks(a, &nb);
    for (k = 0; k < nb; k++) paras += b[k].kind == LEDE_BLOCK_PARAGRAPH;
    if (paras == 0) {
      print_message("%s: no paragraph among %zu blocks\n", files[i], nb);
      ok = 0;
    }
    if (!blocksok(a, files[i])) ok = 0;
    failed += !ok;
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
  static const struct CMUnitTest synthetic[] = {
    cmocka_unit_test(test_headline),
    cmocka_unit_test(test_subtitle),
    cmocka_unit_test(test_image),
    cmocka_unit_test(test_byline),
    cmocka_unit_test(test_bio),
    cmocka_unit_test(test_boilerplate),
    cmocka_unit_test(test_layout),
    cmocka_unit_test(test_invariants),
    cmocka_unit_test(test_corpus),
  };
  struct CMUnitTest *cases;
  char **paths;
  size_t i, n = shared_list("tests/cases", ".expect", &paths);
  int fails = cmocka_run_group_tests_name("blocks", synthetic, NULL, NULL);
  if (n == 0) {
    print_message("tests/cases: no .expect files (run from the repository "
                  "root)\n");
    return fails + 1;
  }
  /* One test per case file, named after it. */
  cases = calloc(n, sizeof *cases);
  assert_non_null(cases);
  for (i = 0; i < n; i++) {
    cases[i].name = paths[i];
    cases[i].test_func = test_case;
    cases[i].initial_state = paths[i];
  }
  fails += _cmocka_run_group_tests("cases", cases, n, NULL, NULL);
  free(cases);
  shared_free(paths, n);
  return fails;
}
