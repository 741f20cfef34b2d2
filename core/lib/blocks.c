/*
** blocks.c: segment the lines into blocks and say what each block is.
** Rules rest on general features of news pages (position, length, end
** punctuation, repetition, author names, promo vocabulary, bullets); names
** of people and outlets are read in names.c, word lists live in data/.
*/
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "utf8.h"

/* Limits, each with the shape it tells apart. */
#define HEADLINE_MAXWORDS 30  /* longer first lines are body text */
#define HEADLINE_MAXBYTES 300
#define DEK_MAXWORDS 60       /* a standfirst is a sentence or two */
#define CREDIT_MAXWORDS 8     /* "/ Getty Images", "(AP Photo/Jane Doe)" */
#define CAPTION_MAXWORDS 70   /* a caption is shorter than a long paragraph */
#define STAMP_MAXWORDS 14     /* "Updated 3:45 p.m. ET, Tue March 4, 2025" */
#define HIGHLIGHT_MAXWORDS 40 /* one "Story highlights" line */
#define BIO_WINDOW 4          /* a bio is among the last blocks of text */
#define TAIL_MAXWORDS 40      /* after the bio, short lines are furniture */
#define WRAP_MAXBYTES 100     /* hard-wrapped files keep lines this short */
#define TEASER_MAXWORDS 8     /* "Trump arrives in Davos…" */
#define HEADCASE_SHARE 0.75   /* of longer words capitalised in Headline Case */
#define TOP_WINDOW 4          /* a byline stands among the first blocks */

/* A block being classified: one line, or several when merged. */
typedef struct {
  size_t l0, l1;         /* first line and one past the last */
  size_t off, end;       /* raw bytes [off, end) */
  const char *text;      /* squeezed text, in the arena or (shared) the
                            source itself: not NUL-terminated then */
  size_t tlen;           /* bytes in text */
  size_t words;          /* words in text */
  const char *credit;    /* image credit, or NULL */
  lede_block_kind kind;  /* what it is, once set */
  unsigned set : 1;      /* kind is decided */
  unsigned dead : 1;     /* merged into its neighbour */
  unsigned bullet : 1;   /* starts with a bullet character */
  unsigned terminal : 1; /* ends like a sentence */
  unsigned shared : 1;   /* text points into a borrowed source */
} cand;

typedef struct {
  lede_article *a;
  cand *c;   /* candidates in source order */
  size_t n;  /* number of candidates */
} ctx;

static void setkind(cand *c, lede_block_kind k) {
  c->kind = k;
  c->set = 1;
}

/* ---- segmentation ---- */

/* Hard-wrapped text (every line short, paragraphs between blank lines)
** joins its lines; scraped text has one paragraph a line. */
static int wrapped(const lede_line *l, size_t n) {
  size_t i, inner = 0, nonblank = 0, groups = 0;
  for (i = 0; i < n; i++) {
    if (l[i].len == 0) continue;
    if (l[i].len > WRAP_MAXBYTES) return 0;
    nonblank++;
    if (i + 1 < n && l[i + 1].len > 0) inner++;
    else groups++;
  }
  /* Several groups of lines between blank lines, most of them joined:
  ** a file with no blank line at all has one paragraph a line. */
  return groups >= 2 && nonblank >= 4 && inner * 2 >= nonblank;
}

static int bulletat(const char *s, size_t len) {
  static const char bullets[][4] = {  /* UTF-8, then ASCII and a space */
    "\xe2\x80\xa2", "\xc2\xb7", "\xe2\x96\xaa", "\xe2\x96\xba", "\xe2\x96\xa0",
    "\xe2\x97\xa6", "\xe2\x80\xa3", "* ", "- ", "+ "
  };
  size_t i;
  unsigned char c = len > 1 ? (unsigned char)s[0] : 0;
  if (c != 0xE2 && c != 0xC2 && c != '*' && c != '-' && c != '+') return 0;
  for (i = 0; i < sizeof bullets / sizeof bullets[0]; i++) {
    size_t n = bullets[i][2] == '\0' ? 2 : 3;
    if (len > n && memcmp(s, bullets[i], n) == 0) return 1;
  }
  return 0;
}

static lede_status addcand(ctx *x, size_t l0, size_t l1) {
  const lede_line *L = x->a->lines;
  cand *c = &x->c[x->n++];
  memset(c, 0, sizeof *c);
  c->l0 = l0;
  c->l1 = l1;
  c->off = L[l0].off;
  c->end = L[l1 - 1].off + L[l1 - 1].len;
  return LEDE_OK;
}

static lede_status segment(ctx *x) {
  const lede_line *L = x->a->lines;
  size_t n = x->a->nlines, i = 0;
  int wrap = wrapped(L, n);
  x->c = lede_arena_alloc(&x->a->arena, (n + 1) * sizeof *x->c);
  if (x->c == NULL) return LEDE_ENOMEM;
  while (i < n) {
    size_t j = i + 1;
    if (L[i].len == 0) { i++; continue; }
    while (wrap && j < n && L[j].len > 0 &&
           !bulletat(x->a->source + L[j].off, L[j].len))
      j++;
    addcand(x, i, j);
    i = j;
  }
  return LEDE_OK;
}

/* ---- features ---- */

static size_t countwords(const char *s, size_t len) {
  size_t i, w = 0;
  int in = 0;
  for (i = 0; i < len; i++) {
    int sp = s[i] == ' ';
    if (!sp && !in) w++;
    in = !sp;
  }
  return w;
}

/* Ends like a sentence: . ! ? or one of them before closing quotes or
** brackets ('."', '.”', '?)'). A headline may end in ? or !, so the
** caller also looks at the last character alone. */
static int terminal(const char *s, size_t len) {
  while (len > 0) {
    unsigned char c = (unsigned char)s[len - 1];
    if (c == '"' || c == '\'' || c == ')' || c == ']') { len--; continue; }
    if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&
        (unsigned char)s[len - 2] == 0x80 &&
        ((unsigned char)s[len - 1] == 0x9D || (unsigned char)s[len - 1] == 0x99)) {
      len -= 3;
      continue;
    }
    return c == '.' || c == '!' || c == '?';
  }
  return 0;
}

/* The last character before closing quotes and brackets. */
static unsigned char endmark(const char *s, size_t len) {
  while (len > 0 && strchr("\"')]", s[len - 1]) != NULL) len--;
  if (len >= 3 && (unsigned char)s[len - 3] == 0xE2 &&  /* ” and ’ */
      (unsigned char)s[len - 2] == 0x80 &&
      ((unsigned char)s[len - 1] == 0x9D || (unsigned char)s[len - 1] == 0x99))
    return endmark(s, len - 3);
  return len > 0 ? (unsigned char)s[len - 1] : 0;
}

/* Whether lede_text_clean would give s back unchanged: no whitespace but
** single spaces between other characters, no invalid UTF-8. Most lines
** of scraped text are so. */
static int cleanasis(const char *s, size_t len) {
  size_t i = 0;
  if (len > 0 && (s[0] == ' ' || s[len - 1] == ' ')) return 0;
  while (i < len) {
    unsigned char c = (unsigned char)s[i];
    int32_t cp;
    int bad = 0;
    if (c < 0x80) {  /* s[i + 1] exists after a space: s ends otherwise */
      if ((c == ' ' && s[i + 1] == ' ') || (c >= '\t' && c <= '\r'))
        return 0;
      i++;
      continue;
    }
    i += lede_utf8_next(s + i, len - i, &cp, &bad);
    if (bad || lede_utf8_isspace(cp)) return 0;
  }
  return 1;
}

static lede_status features(ctx *x) {
  size_t i;
  for (i = 0; i < x->n; i++) {
    cand *c = &x->c[i];
    const char *raw = x->a->source + c->off;
    size_t len = c->end - c->off;
    if (x->a->borrowed && cleanasis(raw, len)) {
      c->text = raw;  /* as it stands: no copy (emit copies a non-paragraph) */
      c->tlen = len;
      c->shared = 1;
    } else {
      c->text = lede_utf8_squeeze(&x->a->arena, raw, len, &c->tlen);
    }
    if (c->text == NULL) return LEDE_ENOMEM;
    c->words = countwords(c->text, c->tlen);
    c->bullet = bulletat(c->text, c->tlen);
    c->terminal = terminal(c->text, c->tlen);
  }
  return LEDE_OK;
}

static int startsci(const char *s, size_t len, const char *p) {
  return lede_lex_prefix((const char *const[]){p, NULL}, s, len) > 0;
}

/* ---- furniture: promo lines, time stamps, bare links ---- */

/* A short line made only of date and time words, numbers and punctuation,
** with at least one digit. */
static int timestamp(const char *s, size_t len, size_t words) {
  size_t i = 0;
  int digit = 0;
  if (words > STAMP_MAXWORDS) return 0;
  while (i < len) {
    size_t b = i;
    int alpha = 0, num = 0;
    while (i < len && s[i] != ' ' && s[i] != ',' && s[i] != '|' &&
           s[i] != '/') {
      unsigned char c = (unsigned char)s[i];
      if (c >= '0' && c <= '9') num = 1;
      else if (c != ':' && c != '.' && c != '-') alpha = 1;
      i++;
    }
    if (alpha && !num) {
      size_t e = i;
      while (e > b && (s[e - 1] == '.' || s[e - 1] == ':')) e--;
      if (!lede_lex_is(lede_lex_datetime, s + b, e - b)) return 0;
    } else if (alpha && num) {
      /* "20th", "3:45pm": digits then a date word */
      size_t k = b;
      while (k < i && ((s[k] >= '0' && s[k] <= '9') || s[k] == ':')) k++;
      if (!lede_lex_is(lede_lex_datetime, s + k, i - k)) return 0;
    }
    digit |= num;
    while (i < len && (s[i] == ' ' || s[i] == ',' || s[i] == '|' ||
                       s[i] == '/'))
      i++;
  }
  return digit;
}

static int bareurl(const char *s, size_t len, size_t words) {
  return words == 1 && (startsci(s, len, "http://") ||
                        startsci(s, len, "https://") ||
                        startsci(s, len, "www."));
}

/* "13.8k SHARES", "1,204 Shares Facebook Twitter": a counter, then a
** share word. */
static int counter(const char *s, size_t len) {
  size_t i = 0;
  while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.' ||
                     s[i] == ',' || s[i] == 'k' || s[i] == 'K' || s[i] == 'M'))
    i++;
  if (i == 0 || i >= len || s[i] != ' ' || !(s[0] >= '0' && s[0] <= '9'))
    return 0;
  i++;
  return startsci(s + i, len - i, "shares") || startsci(s + i, len - i, "share") ||
         startsci(s + i, len - i, "views") || startsci(s + i, len - i, "comments");
}

/* "Site.com / Videos / Home / Title": three or more parts between
** slashes or chevrons is a navigation trail. */
static int breadcrumb(const char *s, size_t len) {
  size_t i, seps = 0;
  if (memchr(s, '/', len) == NULL && memchr(s, '>', len) == NULL) return 0;
  for (i = 1; i + 2 < len; i++)
    if (s[i - 1] == ' ' && s[i + 1] == ' ' && (s[i] == '/' || s[i] == '>'))
      seps++;
  return seps >= 2;
}

static void furniture(ctx *x) {
  size_t i;
  for (i = 0; i < x->n; i++) {
    cand *c = &x->c[i];
    const char *s = c->text;
    size_t len = c->tlen;
    if (c->bullet) {  /* judge a bullet line by its words */
      size_t k = 1;
      while (k < len && s[k - 1] != ' ') k++;
      s += k;
      len -= k;
    }
    if (lede_name_byline(c->text, c->tlen, c->words))
      setkind(c, LEDE_BLOCK_BYLINE);
    else if (lede_lex_promo_line(s, len, c->words) ||
             timestamp(s, len, c->words) || bareurl(s, len, c->words) ||
             counter(s, len) || breadcrumb(s, len))
      setkind(c, LEDE_BLOCK_BOILERPLATE);
  }
}

/* ---- images ---- */

/* Labels that open a credit, longest first where one starts another. */
static const char *const creditlabels[] = {
  "photograph by ", "photograph: ", "photographs: ", "photo credit: ",
  "photo by ", "photo: ", "photos: ", "photo/", "picture: ",
  "pictures: ", "image credit: ", "image source, ", "image source: ",
  "image: ", "images: ", "credit: ", "credits: ", "courtesy of ",
  "courtesy: ", NULL
};

static size_t creditlabel(const char *s, size_t len) {
  const char *const *l;
  int c = len > 0 ? s[0] | 0x20 : 0;
  if (c != 'p' && c != 'i' && c != 'c') return 0;  /* every label's first */
  for (l = creditlabels; *l != NULL; l++) {
    size_t n = lede_lex_prefix((const char *const[]){*l, NULL}, s, len);
    if (n > 0 && len > n) return n;
  }
  return 0;
}

/* A credit's own text: short and starting with a capital. Without a label
** before it, also a credit word ("Getty Images"), a name ("Jane Doe"),
** "X/Agency" or capitals, so "... / 30 miles" is no credit. */
static int credittext(const char *s, size_t len, int labelled) {
  int32_t cp;
  size_t i;
  int upper = 1;
  if (len == 0) return 0;
  lede_utf8_next(s, len, &cp, NULL);
  if (!lede_utf8_isupper(cp) || countwords(s, len) > CREDIT_MAXWORDS) return 0;
  if (labelled) return 1;
  for (i = 0; i < len; i++)
    if (s[i] >= 'a' && s[i] <= 'z') upper = 0;
  return upper || memchr(s, '/', len) != NULL || lede_name_is(s, len) ||
         lede_lex_contains(lede_lex_credit_words, s, len);
}

/* A label may open a credit at the start of a line or after a sentence:
** "Flags at the rally. Photograph: X/Agency". */
static int labelstart(const char *s, size_t i) {
  if (i == 0) return 1;
  if (i < 2 || s[i - 1] != ' ') return 0;
  switch (s[i - 2]) {
  case '.': case '!': case '?': case ')': case '"': return 1;
  default: return 0;
  }
}

/* Where a caption's credit starts in s, or len when it has none; *cb and
** *ce get the credit's own text. Forms: "... / Getty Images",
** "... (Photo: AP)", "... Photograph: X/Agency", a whole-line label. */
static size_t splitcredit(const char *s, size_t len, size_t *cb, size_t *ce) {
  size_t i, k = creditlabel(s, len);
  if (k > 0 && credittext(s + k, len - k, 1)) {  /* "Photo Credit: X / Y" */
    *cb = k;
    *ce = len;
    return 0;
  }
  if (len > 2 && s[len - 1] == ')') {  /* "(Photo: AP)", "(AP Photo/X)" */
    for (i = len - 1; i > 0 && s[i] != '('; i--) {}
    if (s[i] == '(' && (i == 0 || s[i - 1] == ' ')) {
      size_t b = i + 1, e = len - 1;  /* "( REUTERS/X )" has spaces */
      while (b < e && s[b] == ' ') b++;
      while (e > b && s[e - 1] == ' ') e--;
      k = creditlabel(s + b, e - b);
      if (k > 0 ? credittext(s + b + k, e - b - k, 1)
                : (credittext(s + b, e - b, 0) &&
                   lede_lex_contains(lede_lex_credit_words, s + b, e - b))) {
        *cb = b + k;
        *ce = e;
        return i;
      }
    }
  }
  /* "... / Getty Images"; most paragraphs have no slash nor bar at all */
  if (memchr(s, '/', len) == NULL && memchr(s, '|', len) == NULL) i = 0;
  else i = len;
  while (i-- > 2) {
    if ((s[i] == '/' || s[i] == '|') && s[i - 1] == ' ' && i + 2 < len &&
        s[i + 1] == ' ' &&
        credittext(s + i + 2, len - i - 2, 0)) {
      *cb = i + 2;
      *ce = len;
      return i - 1;
    }
  }
  for (i = 0; i < len; i++) {  /* "Photograph: X/Agency" */
    if (!labelstart(s, i)) continue;
    k = creditlabel(s + i, len - i);
    if (k > 0 && credittext(s + i + k, len - i - k, 1)) {
      *cb = i + k;
      *ce = len;
      while (i > 0 && s[i - 1] == ' ') i--;
      return i;
    }
  }
  /* A whole line "Andres Kudacki/AP Photo": photographer and agency, a
  ** credit word among them, as a credit with no caption. */
  if (memchr(s, '/', len) != NULL && credittext(s, len, 0) &&
      lede_lex_contains(lede_lex_credit_words, s, len)) {
    *cb = 0;
    *ce = len;
    return 0;
  }
  return len;
}

static int headline(const cand *c);

static lede_status makeimage(ctx *x, cand *c, size_t caplen, size_t cb,
                             size_t ce) {
  char *credit = lede_arena_strndup(&x->a->arena, c->text + cb, ce - cb);
  char *caption;
  if (credit == NULL) return LEDE_ENOMEM;
  while (caplen > 0 && c->text[caplen - 1] == ' ') caplen--;
  caption = lede_arena_strndup(&x->a->arena, c->text, caplen);
  if (caption == NULL) return LEDE_ENOMEM;
  c->text = caption;
  c->shared = 0;
  c->tlen = caplen;
  c->credit = credit;
  setkind(c, LEDE_BLOCK_IMAGE);
  return LEDE_OK;
}

/* Merge c into the block before it (p), keeping p's text. */
static void mergeinto(cand *p, cand *c) {
  p->end = c->end > p->end ? c->end : p->end;
  p->off = c->off < p->off ? c->off : p->off;
  p->l1 = c->l1 > p->l1 ? c->l1 : p->l1;
  p->l0 = c->l0 < p->l0 ? c->l0 : p->l0;
  c->dead = 1;
}

static cand *prevlive(ctx *x, size_t i) {
  while (i-- > 0)
    if (!x->c[i].dead) return &x->c[i];
  return NULL;
}

static cand *nextlive(ctx *x, size_t i) {
  for (i++; i < x->n; i++)
    if (!x->c[i].dead) return &x->c[i];
  return NULL;
}

/* A caption for a credit line beside it: short, not yet furniture. */
static int captionlike(const cand *c) {
  return c != NULL && !c->set && c->words > 0 &&
         c->words <= CAPTION_MAXWORDS;
}

static lede_status oneimage(ctx *x, size_t i) {
  cand *c = &x->c[i], *p = prevlive(x, i), *nx;
  size_t cb = 0, ce = 0, cap = splitcredit(c->text, c->tlen, &cb, &ce);
  if (cap == c->tlen || c->words > CAPTION_MAXWORDS + CREDIT_MAXWORDS)
    return LEDE_OK;
  if (cap > 0) {  /* caption and credit on one line */
    lede_status st = makeimage(x, c, cap, cb, ce);
    /* The same caption printed just before, without its credit. */
    if (st == LEDE_OK && p != NULL && !p->set && p->tlen == c->tlen &&
        memcmp(p->text, c->text, c->tlen) == 0) {
      mergeinto(c, p);
    }
    return st;
  }
  /* "Andres Kudacki/AP Photo" alone, with no label: too weak a sign to
  ** take the line before as its caption. */
  if (cb == 0 && ce == c->tlen && creditlabel(c->text, c->tlen) == 0)
    return makeimage(x, c, c->tlen, cb, ce);
  nx = nextlive(x, i);
  if (startsci(c->text, c->tlen, "image source") && captionlike(nx)) {
    /* "Image source, X" comes before its caption. */
    size_t k = startsci(nx->text, nx->tlen, "image caption, ") ? 15 : 0;
    char *credit = lede_arena_strndup(&x->a->arena, c->text + cb, ce - cb);
    if (credit == NULL) return LEDE_ENOMEM;
    c->text = nx->text + k;
    c->tlen = nx->tlen - k;
    c->shared = nx->shared;
    c->credit = credit;
    mergeinto(c, nx);
    setkind(c, LEDE_BLOCK_IMAGE);
    return LEDE_OK;
  }
  if (captionlike(p) && !(prevlive(x, (size_t)(p - x->c)) == NULL &&
                           headline(p))) {
    /* "Photograph: X/Agency" under its caption; but a credit under the
    ** opening headline belongs to a picture the scrape left out. */
    char *credit = lede_arena_strndup(&x->a->arena, c->text + cb, ce - cb);
    if (credit == NULL) return LEDE_ENOMEM;
    mergeinto(p, c);
    p->credit = credit;
    setkind(p, LEDE_BLOCK_IMAGE);
    return LEDE_OK;
  }
  /* A credit with no caption beside it: the line itself is the text. */
  return makeimage(x, c, c->tlen, cb, ce);
}

static lede_status images(ctx *x) {
  size_t i;
  for (i = 0; i < x->n; i++) {
    lede_status st;
    if (x->c[i].dead || x->c[i].set) continue;
    st = oneimage(x, i);
    if (st != LEDE_OK) return st;
  }
  return LEDE_OK;
}

/* ---- headline and standfirst ---- */

/* Share of longer words (4 bytes and up, so "of", "and", "the" do not
** count) that start with a capital: "Obama and Redistribution of Your
** Wealth" is headline case, "Fairness is the vehicle ..." is not. */
static double capshare(const cand *c) {
  size_t i = 0, caps = 0, words = 0;
  while (i < c->tlen) {
    size_t b = i;
    int32_t cp;
    while (i < c->tlen && c->text[i] != ' ') i++;
    if (i - b >= 4) {
      lede_utf8_next(c->text + b, i - b, &cp, NULL);
      caps += lede_utf8_isupper(cp) || lede_utf8_isdigit(cp);
      words++;
    }
    i++;
  }
  return words ? (double)caps / (double)words : 0.0;
}

/* The last word is an abbreviation, not a full stop: "... Govt.", "U.S." */
static int abbrevend(const char *s, size_t len) {
  size_t b = len;
  int32_t cp;
  while (b > 0 && s[b - 1] != ' ') b--;
  if (len - b > 5 && memchr(s + b, '.', len - b - 1) == NULL) return 0;
  lede_utf8_next(s + b, len - b, &cp, NULL);
  return lede_utf8_isupper(cp);
}

/* A headline is short, has no full stop at its end (a question or an
** exclamation may close it), and does not run on like a paragraph. */
/* Whether a sentence ends inside s and another starts: "... rise. Could
** there be a connection?" is body text, not a headline. */
static int runson(const char *s, size_t len) {
  size_t i;
  for (i = 1; i + 2 < len; i++) {
    int32_t cp;
    if ((s[i] != '.' && s[i] != '?' && s[i] != '!') || s[i + 1] != ' ')
      continue;
    if (s[i] == '.' && i >= 2 && (s[i - 2] == ' ' || s[i - 2] == '.'))
      continue;  /* an initial or abbreviation: "U.S. Army", "J. Doe" */
    lede_utf8_next(s + i + 2, len - i - 2, &cp, NULL);
    if (lede_utf8_isupper(cp)) return 1;
  }
  return 0;
}

static int headline(const cand *c) {
  unsigned char last;
  int headcase;
  if (c->set || c->bullet || c->words < 3 || c->words > HEADLINE_MAXWORDS ||
      c->tlen > HEADLINE_MAXBYTES)
    return 0;
  headcase = capshare(c) >= HEADCASE_SHARE;
  if (runson(c->text, c->tlen) && !headcase) return 0;
  last = (unsigned char)c->text[c->tlen - 1];
  if (last == ',' || last == ';' || last == ':') return 0;
  last = endmark(c->text, c->tlen);  /* "(Two Secrets!)" ends with ! */
  /* A trailing ellipsis closes a short teaser ("Trump arrives in
  ** Davos…") but also a sentence of body text that runs on. */
  if (!headcase && (last == '.' || last == 0xA6) &&
      (c->words > TEASER_MAXWORDS || memchr(c->text, ',', c->tlen) != NULL))
    return 0;
  return !c->terminal || last == '?' || last == '!' ||
         (headcase && abbrevend(c->text, c->tlen));
}

/* A standfirst: after the headline, short; either without a full stop or
** with the furniture (byline, image, stamp) still to come before the body. */
static int dek(const cand *c, const cand *next) {
  int32_t cp;
  if (c->set || c->bullet || c->words < 3 || c->words > DEK_MAXWORDS)
    return 0;
  /* "% of readers think ..." lost its number: a widget, not a dek. */
  lede_utf8_next(c->text, c->tlen, &cp, NULL);
  if (!lede_utf8_isalpha(cp) && !lede_utf8_isdigit(cp) && cp != '"' &&
      cp != 0x201C && cp != '\'' && cp != 0x2018)
    return 0;
  if (!c->terminal) return c->words <= DEK_MAXWORDS * 2 / 3;
  return next != NULL && next->set && (next->kind == LEDE_BLOCK_BYLINE ||
                                       next->kind == LEDE_BLOCK_IMAGE);
}

/* Some sites print the standfirst above the headline: of two short lines
** at the top, the one in headline case is the headline. */
static cand *headfirst(ctx *x, cand *t) {
  cand *n = nextlive(x, (size_t)(t - x->c)), *after;
  if (n == NULL || !headline(n) || n->words > t->words) return t;
  after = nextlive(x, (size_t)(n - x->c));
  if (after == NULL || capshare(t) > 0.5 || capshare(n) < HEADCASE_SHARE)
    return t;
  setkind(t, LEDE_BLOCK_SUBTITLE);
  return n;
}

static void top(ctx *x) {
  size_t i;
  cand *t = NULL, *d, *n, *first;
  for (i = 0; i < x->n; i++) {  /* skip leading promo and stamps */
    cand *c = &x->c[i];
    if (c->dead) continue;
    if (c->set && c->kind == LEDE_BLOCK_BOILERPLATE) continue;
    t = c;
    break;
  }
  if (t == NULL || !headline(t)) return;
  n = nextlive(x, (size_t)(t - x->c));
  if (n == NULL) return;
  first = t;
  t = headfirst(x, t);
  setkind(t, LEDE_BLOCK_TITLE);
  for (i = (size_t)(t - x->c) + 1; i < x->n; i++) {  /* title repeated */
    cand *c = &x->c[i];
    if (!c->dead && !c->set && c->tlen == t->tlen &&
        memcmp(c->text, t->text, t->tlen) == 0)
      setkind(c, LEDE_BLOCK_BOILERPLATE);
  }
  d = nextlive(x, (size_t)(t - x->c));
  if (t != first) return;  /* the standfirst came first */
  if (d != NULL && dek(d, nextlive(x, (size_t)(d - x->c))))
    setkind(d, LEDE_BLOCK_SUBTITLE);
}

/* "Story highlights" and the short lines under it, up to the byline. */
static void highlights(ctx *x) {
  size_t i, j;
  for (i = 0; i < x->n; i++) {
    cand *c = &x->c[i];
    if (c->dead || !startsci(c->text, c->tlen, "story highlights")) continue;
    for (j = i + 1; j < x->n; j++) {
      cand *h = &x->c[j];
      if (h->dead) continue;
      if ((h->set && h->kind != LEDE_BLOCK_BOILERPLATE) ||
          h->words > HIGHLIGHT_MAXWORDS || h->terminal)
        break;
      setkind(h, LEDE_BLOCK_BOILERPLATE);
    }
  }
}

/* ---- the end: name lines, bio, what follows ---- */

/* Verbs that follow an author's name in a bio or contact line. */
static const char *const bioverbs[] = {
  " is ", " was ", " has ", " writes ", " covers ", ", a ", NULL
};
static const char *const contactverbs[] = {
  " may be reached", " can be reached", " can be contacted", NULL
};

/* "Natalie Johnson is a staff writer at ...": a name (a dash or a
** "(@handle)" aside), then a role word in the first sentence; or "Jane
** Doe can be reached at ...". */
static int biolike(const cand *c) {
  const char *s = c->text;
  size_t len = c->tlen, n, e;
  if (c->words < 5) return 0;
  if (len > 4 && (s[0] == '-' || (unsigned char)s[0] == 0xE2)) {
    while (len > 0 && s[0] != ' ') { s++; len--; }
    while (len > 0 && s[0] == ' ') { s++; len--; }
  }
  n = lede_name_prefix(s, len);
  if (n == 0 || n + 1 >= len) return 0;
  if (n + 2 < len && s[n + 1] == '(') {  /* "Michael Rubin (@handle) is" */
    const char *close = memchr(s + n, ')', len - n);
    if (close != NULL) n = (size_t)(close - s) + 1;
  }
  if (lede_lex_prefix(contactverbs, s + n, len - n)) return 1;
  e = n + 1;
  while (e < len && s[e] != '.') e++;
  /* "James Campbell, a professor at ..., told ABC News that": a source
  ** introduced in the body, not the author's bio. */
  if (lede_lex_contains(lede_lex_speech_verbs, s + n, e - n)) return 0;
  return lede_lex_prefix(bioverbs, s + n, len - n) &&
         lede_lex_contains(lede_lex_bio_roles, s + n, e - n);
}

/* A line that is only a name, just before the author's links or bio. */
static void namelines(ctx *x) {
  size_t i;
  for (i = 0; i < x->n; i++) {
    cand *c = &x->c[i], *nx = nextlive(x, i);
    if (c->dead || c->set || nx == NULL || !lede_name_is(c->text, c->tlen))
      continue;
    if ((nx->set && nx->kind == LEDE_BLOCK_BYLINE) || biolike(nx) ||
        (nx->tlen > c->tlen && memcmp(nx->text, c->text, c->tlen) == 0 &&
         nx->text[c->tlen] == ' ' && !nx->terminal))
      setkind(c, LEDE_BLOCK_BYLINE);
  }
}

/* Near the top, before the body, a line that is a name ("Jay
** SYRMOPOULOS") or a name and an outlet ("Chris Hedges, Truthdig"). A bare
** name of up to three words may not open the article: a short Headline
** Case line there ("Harbor Ferry Adds Night Crossings") is the headline. */
static void topbyline(ctx *x) {
  size_t i, seen = 0;
  for (i = 0; i < x->n && seen < TOP_WINDOW; i++) {
    cand *c = &x->c[i];
    size_t n;
    if (c->dead || (c->set && c->kind == LEDE_BLOCK_BOILERPLATE)) continue;
    seen++;
    if (c->set || c->terminal || c->words > 8) continue;
    n = lede_name_prefix(c->text, c->tlen);
    if (n == 0) continue;
    if ((n == c->tlen && seen > 1 && c->words <= 3) ||
        (n < c->tlen && c->text[n] == ',' && c->words <= 5 &&
         countwords(c->text, n) + 2 >= c->words))
      setkind(c, LEDE_BLOCK_BYLINE);
  }
}

static void bio(ctx *x) {
  size_t i, seen = 0, at = x->n;
  for (i = x->n; i-- > 0 && seen < BIO_WINDOW;) {
    cand *c = &x->c[i];
    if (c->dead || c->bullet || c->set) continue;
    seen++;
    if (biolike(c)) at = i;
  }
  if (at == x->n) return;
  setkind(&x->c[at], LEDE_BLOCK_BIO);
  for (i = at + 1; i < x->n; i++) {  /* after the bio: page furniture */
    cand *c = &x->c[i];
    if (!c->dead && !c->set && c->words <= TAIL_MAXWORDS)
      setkind(c, LEDE_BLOCK_BOILERPLATE);
  }
}

/* Bullets right after furniture are promo bullets ("Register today!"). */
static void promobullets(ctx *x) {
  size_t i;
  int after = 0;  /* the last live block was boilerplate */
  for (i = 0; i < x->n; i++) {
    cand *c = &x->c[i];
    if (c->dead) continue;
    if (c->bullet && after && !c->set) setkind(c, LEDE_BLOCK_BOILERPLATE);
    after = c->set && c->kind == LEDE_BLOCK_BOILERPLATE;
  }
}

/* ---- output ---- */

/* A bullet is layout, not text: "• Grow your list" reads "Grow your list". */
static void dropbullet(cand *c) {
  size_t k = 1;
  while (k < c->tlen && c->text[k - 1] != ' ') k++;
  c->text += k;
  c->tlen -= k;
}

static size_t lineof(const lede_article *a, size_t l) {
  return a->lines[l].lineno;
}

static lede_status emit(ctx *x) {
  lede_article *a = x->a;
  size_t i, k = 0;
  a->blocks = lede_arena_alloc(&a->arena, (x->n + 1) * sizeof *a->blocks);
  if (a->blocks == NULL) return LEDE_ENOMEM;
  for (i = 0; i < x->n; i++) {
    cand *c = &x->c[i];
    lede_block *b = &a->blocks[k];
    if (c->dead) continue;
    if (!c->set) setkind(c, LEDE_BLOCK_PARAGRAPH);
    if (c->bullet && c->kind == LEDE_BLOCK_BOILERPLATE) dropbullet(c);
    if (c->shared && c->kind != LEDE_BLOCK_PARAGRAPH) {  /* NUL-terminated */
      c->text = lede_arena_strndup(&a->arena, c->text, c->tlen);
      if (c->text == NULL) return LEDE_ENOMEM;
    }
    b->kind = c->kind;
    b->text = c->text;
    b->text_len = c->tlen;
    b->credit = c->credit;
    b->line = lineof(a, c->l0);
    b->span.off = c->off;
    b->span.len = c->end - c->off;
    k++;
  }
  a->nblocks = k;
  return LEDE_OK;
}

lede_status lede_blocks_parse(lede_article *a) {
  ctx x = {a, NULL, 0};
  lede_status st = segment(&x);
  if (st == LEDE_OK) st = features(&x);
  if (st != LEDE_OK) return st;
  furniture(&x);
  st = images(&x);
  if (st != LEDE_OK) return st;
  highlights(&x);
  topbyline(&x);
  top(&x);
  namelines(&x);
  promobullets(&x);
  bio(&x);
  promobullets(&x);
  return emit(&x);
}
