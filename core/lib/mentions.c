/*
** mentions.c: candidate names in the raw bytes of the blocks, and the
** clues around each (a title before it, "in" before it, "said" after it).
** Grouping, kinds and merging are left to entities.c.
*/
#include <string.h>

#include "entities.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "utf8.h"

#define TITLE_MAXWORDS 4     /* "White House Press Secretary" */
#define ROLE_MAXWORDS 3      /* "chief executive officer" */
#define APPOSITION_MAXWORDS 6  /* "Jones, the No. 2 coalition commander" */
#define HEADLINE_MAXWORDS 6  /* longest known name tried in a headline */
#define HEADLINE_MAXTOKENS 24 /* a body paragraph longer is prose */
#define POSS_MAXBYTES 4      /* "'s", "’s" (3-byte apostrophe) */
#define POSS_LOOKAHEAD 3     /* "Moody's Investors Service": words to the
                                organisation word after a possessive */
#define ACRONYM_MAXLETTERS 6 /* "ISIS", "NATO"; longer capitals are shouting */

/* Evidence weights: a title or author line settles a person; a list word
** inside the name settles its kind; context words only lean. */
#define EV_TITLE 8
#define EV_HEAD 6
#define EV_GROUP 5
#define EV_ROLE 5
#define EV_QUOTED 3  /* a two- to four-word name opening an attribution */
#define EV_PLACECUE 5
#define EV_APPOSITION 3
#define EV_AGE 3
#define EV_VERB 2
#define EV_PREP 3
#define EV_THE 2
#define EV_WHO 2

/* Lower-case particles inside a person's name ("Ana de la Cruz"), and the
** Arabic article joined by a hyphen ("al-Abadi"). */
static const char *const particles[] = {
  "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la",
  "le", "bin", "ibn", "ben", "y", "al", "el", "dos", "das", NULL
};
static const char *const hyphened[] = {
  "al", "el", "ad", "ar", "as", "ash", "at", "az", "ud", "ul", "bin", NULL
};

/* Abbreviations that keep their period inside a name ("Martin Luther King
** Jr.", "St. Louis") beside the titles' own ("Gen."). */
static const char *const nameabbr[] = {
  "Jr.", "Sr.", "St.", "Mt.", "Ft.", "No.", NULL
};

/* Prepositions before a place ("in Raqqa", "near Mosul"). */
static const char *const placepreps[] = {
  "in", "near", "outside", "across", "throughout", "into", "inside", NULL
};

/* Verbs whose object is a listener, person or outlet ("told Reuters"). */
static const char *const listeners[] = {
  "told", "tells", "asked", "asks", NULL
};

/* Adverbs between a name and its verb ("Jones also said"). */
static const char *const adverbs[] = {
  "also", "later", "then", "previously", "once", "has", "had", "have", NULL
};

static const char *src(const lede_entctx *c, const etok *t) {
  return c->a->source + t->off;
}

/* Whether the token is w (lower case ASCII), ignoring case. */
static int is(const lede_entctx *c, const etok *t, const char *w) {
  size_t i;
  const char *s = src(c, t);
  for (i = 0; i < t->len; i++)
    if (w[i] == '\0' || (s[i] | 0x20) != w[i]) return 0;
  return w[t->len] == '\0';
}

static int isany(const lede_entctx *c, const etok *t, const char *const *l) {
  for (; *l != NULL; l++)
    if (is(c, t, *l)) return 1;
  return 0;
}

static size_t decode(const char *s, size_t n, size_t i, int32_t *cp) {
  if ((unsigned char)s[i] < 0x80) {  /* most of the text: no call */
    *cp = (unsigned char)s[i];
    return 1;
  }
  return lede_utf8_next(s + i, n - i, cp, NULL);
}

static int wordcp(int32_t cp);

/* Letters and digits, ASCII without a call. */
static int asciiword(int32_t cp) {
  return (cp >= '0' && cp <= '9') || ((cp | 0x20) >= 'a' && (cp | 0x20) <= 'z');
}

static int wordcp(int32_t cp) {
  if (cp < 0x80) return asciiword(cp);
  return lede_utf8_isalpha(cp) || lede_utf8_isdigit(cp);
}

/* End of the word starting at i: letters and digits with inner joiners
** ("U.S.-led", "al-Abadi", "weren't", "AT&T"). */
static size_t wordend(const char *s, size_t n, size_t i) {
  int32_t cp;
  for (;;) {
    size_t j, w;
    while (i < n && wordcp((decode(s, n, i, &cp), cp)))
      i += decode(s, n, i, &cp);
    if (i >= n) return i;
    j = i + (s[i] == '.' && i + 1 < n && s[i + 1] == '-');
    w = decode(s, n, j, &cp);
    if ((cp == '-' || cp == '.' || cp == '\'' || cp == 0x2019 || cp == '&') &&
        j + w < n && wordcp((decode(s, n, j + w, &cp), cp))) {
      i = j + w;
      continue;
    }
    return i;
  }
}

/* Bytes of a trailing possessive at the end of s[0..n): "'s", "’s". */
static size_t possessive(const char *s, size_t n) {
  if (n > 2 && (s[n - 1] == 's' || s[n - 1] == 'S') && s[n - 2] == '\'')
    return 2;
  if (n > 4 && (s[n - 1] == 's' || s[n - 1] == 'S') &&
      memcmp(s + n - 4, "\xe2\x80\x99", 3) == 0)
    return 4;
  return 0;
}

/* Whether w (the word, n bytes, then '.') keeps its period. */
static int keepsdot(const lede_entctx *c, const char *w, size_t n) {
  int32_t cp;
  if (memchr(w, '.', n) != NULL) return 1;              /* "U.S." */
  if (decode(w, n, 0, &cp) == n && lede_utf8_isupper(cp)) return 1;  /* "J." */
  if (lede_ent_vocab(c, w, n + 1) & V_ABBR) return 1;   /* "Gen." */
  return lede_lex_is(nameabbr, w, n + 1);
}

/* A capital first letter, or a joined Arabic article before one. */
static int capital(const char *w, size_t n) {
  int32_t cp;
  const char *h = memchr(w, '-', n);
  decode(w, n, 0, &cp);
  if (lede_utf8_isupper(cp)) return 1;
  if (h == NULL || (size_t)(h - w) + 1 >= n) return 0;
  decode(w, n, (size_t)(h - w) + 1, &cp);
  return lede_utf8_isupper(cp) && lede_lex_is(hyphened, w, (size_t)(h - w));
}

static void shape(etok *t, const char *w) {
  size_t i = 0, letters = 0, small = 0;
  int32_t cp;
  t->cap = (unsigned char)capital(w, t->len);
  decode(w, t->len, 0, &cp);
  t->lower = (unsigned char)lede_utf8_islower(cp);
  while (i < t->len) {
    i += decode(w, t->len, i, &cp);
    letters += lede_utf8_isalpha(cp) != 0;
    small += lede_utf8_islower(cp) != 0;
  }
  t->caps = letters >= 2 && small == 0;
}

/* What separates a token from the one before it, and whether it opens a
** sentence: after . ! ? : or a bullet, after an opening quote, or on a
** new line outside the body. */
static void gapof(etok *t, const char *s, size_t from, size_t to, int para) {
  size_t i;
  int comma = 0, other = 0, stop = 0;
  for (i = from; i < to; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (ch == ',') comma++;
    else if (ch == '\n') stop |= !para;
    else if (ch != ' ' && ch != '\t' && ch != '\r') other = 1;
    if (ch == '.' || ch == '!' || ch == '?' || ch == ':') stop = 1;
    if (ch == 0xE2 && i + 2 < to && s[i + 1] == '\x80' && s[i + 2] == '\xa2')
      stop = 1;  /* • */
  }
  if (to > from) {
    unsigned char q = (unsigned char)s[to - 1];
    if (q == '"' || q == '(' || (to - from >= 3 && q >= 0x98 && q <= 0x9c &&
                                 s[to - 2] == '\x80'))
      stop = 1;  /* " ‘ “ ( just before the word */
  }
  t->gap = other || comma > 1 ? GAP_OTHER : comma ? GAP_COMMA : GAP_SPACE;
  t->start = (unsigned char)stop;
}

/* Past "@STN_Airport", "#Stansted" or "http://...": handles, tags and
** links are not prose. i is at a byte that is not a letter or digit. */
static size_t skiphandle(const char *s, size_t n, size_t i) {
  size_t j = i + 1;
  if (s[i] == '@' || s[i] == '#') {
    while (j < n && (s[j] == '_' || (unsigned char)s[j] >= 0x80 ||
                     ((s[j] | 0x20) >= 'a' && (s[j] | 0x20) <= 'z') ||
                     (s[j] >= '0' && s[j] <= '9')))
      j++;
    return j;
  }
  if (s[i] == ':' && i + 2 < n && s[i + 1] == '/' && s[i + 2] == '/') {
    while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t') j++;
    return j;
  }
  return i + 1;
}

/* Bytes of an image block's span that hold its caption once: a photo
** shows the story's people and places, but its credit ("Getty Images")
** and a caption printed twice are furniture. Counts the caption's
** non-space bytes off the raw span, so spacing differences do not
** matter. */
static size_t captionbytes(const lede_block *b, const char *s) {
  size_t want = 0, got = 0, i;
  if (b->credit != NULL && strcmp(b->credit, b->text) == 0)
    return 0;  /* a credit line alone: "Richard Vogel/AP" */
  for (i = 0; i < b->text_len; i++) want += b->text[i] != ' ';
  for (i = 0; i < b->span.len && got < want; i++)
    got += !(s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'));
  return i;
}

static lede_status tokenise(lede_entctx *c, size_t bi) {
  const lede_block *b = &c->a->blocks[bi];
  const char *s = c->a->source + b->span.off;
  size_t n = b->span.len, i = 0, prev = 0;
  eblock *eb;
  int para = b->kind == LEDE_BLOCK_PARAGRAPH;
  if (lede_ent_grow((void **)&c->blocks, &c->capblocks, c->nblocks + 1,
                    sizeof *c->blocks) != 0)
    return LEDE_ENOMEM;
  if (b->kind == LEDE_BLOCK_IMAGE && !c->all) n = captionbytes(b, s);
  eb = &c->blocks[c->nblocks++];
  eb->block = bi;
  eb->t0 = c->ntoks;
  eb->headline = 0;
  while (i < n) {
    int32_t cp;
    size_t e, p;
    decode(s, n, i, &cp);
    etok *t;
    if (!wordcp(cp)) {
      i = skiphandle(s, n, i);
      continue;
    }
    if (lede_ent_grow((void **)&c->toks, &c->captoks, c->ntoks + 1,
                      sizeof *c->toks) != 0)
      return LEDE_ENOMEM;
    t = &c->toks[c->ntoks++];
    memset(t, 0, sizeof *t);
    e = wordend(s, n, i);
    t->off = b->span.off + i;
    p = capital(s + i, e - i) ? possessive(s + i, e - i) : 0;
    t->len = e - i - p;
    shape(t, s + i);
    t->poss = p > 0 || (t->cap && e < n && s[e - 1] == 's' && s[e] == '\'' &&
                        (e + 1 >= n || !wordcp((decode(s, n, e + 1, &cp), cp))));
    if (!p && e < n && s[e] == '.' && keepsdot(c, s + i, e - i)) {
      t->len++;
      e++;
    }
    t->v = lede_ent_vocab(c, s + i, t->len);
    if (e + 2 < n && s[e] == ':' && s[e + 1] == '/' && s[e + 2] == '/')
      t->v |= V_NOTNAME;  /* "http" of a link */
    if (e < n && s[e] == '.' && e + 1 < n && wordcp((decode(s, n, e + 1, &cp), cp)))
      t->v |= V_NOTNAME;  /* "pic.twitter.com", "example.com" */
    gapof(t, s, prev, i, para);
    if (c->ntoks - 1 == eb->t0) t->start = 1;
    prev = e;
    i = e;
  }
  eb->t1 = c->ntoks;
  return LEDE_OK;
}

/* A word that ends in a lower-case compound part ("U.S.-led",
** "Iraqi-born") is an adjective, not a name. */
static int compound(const lede_entctx *c, const etok *t) {
  const char *s = src(c, t);
  size_t i = t->len;
  int32_t cp;
  while (i > 0 && s[i - 1] != '-') i--;
  if (i == 0 || i >= t->len) return 0;
  decode(s, t->len, i, &cp);
  return lede_utf8_islower(cp);
}

static int byline(const lede_entctx *c, const eblock *b) {
  lede_block_kind k = c->a->blocks[b->block].kind;
  return k == LEDE_BLOCK_BYLINE || k == LEDE_BLOCK_BIO;
}

static int digits(const lede_entctx *c, const etok *t) {
  size_t k;
  for (k = 0; k < t->len; k++)
    if (src(c, t)[k] >= '0' && src(c, t)[k] <= '9') return 1;
  return 0;
}

/* A word that can stand in a name. */
static int nameish(const lede_entctx *c, const eblock *b, const etok *t) {
  if (!t->cap) return 0;
  if ((t->v & V_FUNC) && !t->caps) return 0;
  if (t->v & (V_NOTNAME | V_DATE)) return 0;
  if ((t->v & V_LINK) && byline(c, b)) return 0;
  if (digits(c, t)) return 0;  /* "QZ8501", "G20" are codes */
  return !compound(c, t);
}

/* Dates end a name unless the word is a given name after a name word:
** "Pentagon Wednesday" stops, "Theresa May" goes on. */
static int datename(const lede_entctx *c, const etok *t) {
  return t->cap && (t->v & V_DATE) && !(t->v & V_FUNC) &&
         lede_gaz_given_name(src(c, t), t->len);
}

/* Headline Case or capitals: inside sentences, capitalised words outnumber
** lower-case ones other than function words four to one (a sentence rich
** in place names still has its verbs and nouns in lower case). Such a
** block only names what was found elsewhere. */
static int headline(const lede_entctx *c, const eblock *b) {
  size_t k, up = 0, low = 0, caps = 0, words = 0;
  const lede_block *bl = &c->a->blocks[b->block];
  if (bl->kind == LEDE_BLOCK_PARAGRAPH &&
      (b->t1 - b->t0 > HEADLINE_MAXTOKENS ||
       (bl->text_len > 0 && bl->text[bl->text_len - 1] == '.')))
    return 0;  /* a long paragraph of names is a list ("reporting by A,
                  B and C in D"), a sentence full of names a sentence */
  for (k = b->t0; k < b->t1; k++) {
    const etok *t = &c->toks[k];
    if (t->v & V_FUNC) continue;
    words++;
    caps += t->caps;
    if (t->cap && !t->start) up++;
    else if (t->lower) low++;
  }
  return (up >= 3 && low * 4 <= up) || (words >= 4 && caps * 10 >= words * 7);
}

/* Which sentence openers also occur in lower case ("Police" and
** "police"), and which words are capitalised inside sentences. Only the
** openers are kept in c->lower (value 1 once seen in lower case), so the
** table stays small on a long article. */
static lede_status notewords(lede_entctx *c) {
  size_t k, i;
  for (k = 0; k < c->nblocks; k++)
    for (i = c->blocks[k].t0; i < c->blocks[k].t1; i++) {
      const etok *t = &c->toks[i];
      lede_strmap *m = !t->cap ? NULL : t->start ? &c->lower
                     : c->blocks[k].headline ? NULL : &c->mid;
      if (m != NULL && lede_strmap_put(m, src(c, t), t->len, 0, NULL) == NULL)
        return LEDE_ENOMEM;
    }
  for (i = 0; i < c->ntoks; i++) {
    size_t *v = c->toks[i].lower ? lede_strmap_get(&c->lower, src(c, &c->toks[i]),
                                                   c->toks[i].len) : NULL;
    if (v != NULL) *v = 1;
  }
  return LEDE_OK;
}

/* The body and the image captions; with `all` every block but
** boilerplate. */
static int inscope(const lede_entctx *c, lede_block_kind k) {
  if (k == LEDE_BLOCK_PARAGRAPH || k == LEDE_BLOCK_IMAGE) return 1;
  return c->all && k != LEDE_BLOCK_BOILERPLATE;
}

lede_status lede_ent_tokens(lede_entctx *c) {
  size_t i;
  lede_status st;
  for (i = 0; i < c->a->nblocks; i++) {
    if (!inscope(c, c->a->blocks[i].kind)) continue;
    st = tokenise(c, i);
    if (st != LEDE_OK) return st;
    c->blocks[c->nblocks - 1].headline = headline(c, &c->blocks[c->nblocks - 1]);
  }
  return notewords(c);
}

int lede_ent_acronym(const char *s, size_t len) {
  size_t k;
  if (len < 2 || len > ACRONYM_MAXLETTERS) return 0;
  for (k = 0; k < len; k++)
    if (s[k] < 'A' || s[k] > 'Z') return 0;
  return 1;
}

static int acronym(const lede_entctx *c, const etok *t) {
  return !(t->v & V_NOTNAME) && lede_ent_acronym(src(c, t), t->len);
}

/* ---- phrases of several tokens ---- */

/* toks[i..e) joined by single spaces, in the scratch arena; NULL when out
** of memory. */
static char *join(lede_entctx *c, size_t i, size_t e, size_t *len) {
  size_t n = 0, k;
  char *p, *q;
  for (k = i; k < e; k++) n += c->toks[k].len + 1 + POSS_MAXBYTES;
  p = q = lede_arena_alloc(&c->scratch, n);
  if (p == NULL) return NULL;
  for (k = i; k < e; k++) {
    const char *x;
    size_t m = 0;
    if (k > i) *q++ = ' ';
    memcpy(q, src(c, &c->toks[k]), c->toks[k].len);
    q += c->toks[k].len;
    if (k + 1 == e || !c->toks[k].poss) continue;
    /* a possessive inside a name stays: "Sheriff's Department" */
    x = src(c, &c->toks[k]) + c->toks[k].len;
    while (m < POSS_MAXBYTES && x[m] != ' ' && x[m] != '\n' && x[m] != '\0') m++;
    memcpy(q, x, m);
    q += m;
  }
  *q = '\0';
  *len = (size_t)(q - p);
  return p;
}

/* V_ flags of toks[i..e) read as one phrase; 0 if the words are not
** separated by plain spaces. Uses a stack buffer: phrases are short. */
static unsigned phrase(const lede_entctx *c, size_t i, size_t e) {
  char buf[128];
  size_t n = 0, k;
  for (k = i; k < e; k++) {
    const etok *t = &c->toks[k];
    if (k > i && (t->gap != GAP_SPACE || c->toks[k - 1].poss)) return 0;
    if (n + t->len + 1 > sizeof buf) return 0;
    if (k > i) buf[n++] = ' ';
    memcpy(buf + n, src(c, t), t->len);
    n += t->len;
  }
  return lede_ent_vocab(c, buf, n);
}

/* ---- runs of capitalised words ---- */

static int connector(const lede_entctx *c, const etok *t, unsigned seen) {
  if (!t->lower) return 0;
  if (isany(c, t, particles)) return 1;
  /* "University of Texas", "Secretary of State", "Council on ..." */
  return ((seen & (V_ORG | V_PLACEHEAD | V_ANYTITLE)) &&
          (is(c, t, "of") || is(c, t, "for") || is(c, t, "on"))) ||
         ((seen & V_ORG) && is(c, t, "at"));  /* "University at Buffalo" */
}

/* Whether an organisation word closes the capitalised words from k on
** ("Investors Service"): a possessive before them is part of the name. */
static int orgahead(const lede_entctx *c, const eblock *b, size_t k) {
  size_t e;
  for (e = k; e < b->t1 && e < k + POSS_LOOKAHEAD; e++) {
    const etok *t = &c->toks[e];
    if (!t->cap || t->gap != GAP_SPACE) return 0;
    if (t->v & V_ORG) return 1;
    if (t->poss) return 0;
  }
  return 0;
}

/* Last token of the run of name words starting at i. */
static size_t extend(const lede_entctx *c, const eblock *b, size_t i) {
  unsigned seen = c->toks[i].v;
  size_t j = i;
  /* A possessive ends a name unless an organisation word follows it:
  ** "Riverside County Sheriff's Department", "Moody's Investors Service". */
  while (j + 1 < b->t1 && (!c->toks[j].poss || orgahead(c, b, j + 1))) {
    const etok *n = &c->toks[j + 1];
    size_t skip = 0;
    if (n->gap != GAP_SPACE) break;
    /* "New Orleans Jazz and Heritage Foundation": "and" inside a name
    ** that an organisation word closes; "Fox News and Drudge Report" are
    ** two, the first closed already */
    if (n->lower && is(c, n, "and") && !(c->toks[j].v & V_ORG) &&
        j + 2 < b->t1 &&
        c->toks[j + 2].gap == GAP_SPACE && orgahead(c, b, j + 2)) {
      j += 2;
      seen |= c->toks[j].v;
      continue;
    }
    /* "of" joins right after the word that asks for it ("University of
    ** Texas", "Secretary of State"), not after a name that followed a
    ** title ("President Vladimir Putin of Russia") */
    if (connector(c, n, c->toks[j].v)) {
      skip = 1;
      if (j + 2 < b->t1 && is(c, &c->toks[j + 2], "the")) skip = 2;
      if (j + skip + 1 >= b->t1 || c->toks[j + skip + 1].gap != GAP_SPACE ||
          !nameish(c, b, &c->toks[j + skip + 1]))
        break;
      n = &c->toks[j + skip + 1];
    } else if (!nameish(c, b, n) && !datename(c, n)) {
      break;
    }
    seen |= n->v;
    j += skip + 1;
  }
  return j;
}

/* A capitalised word opening a sentence that is a common word: it occurs
** in lower case elsewhere ("Police said"), or its ending says so
** ("Citing", "Reportedly"). */
static int opener(const lede_entctx *c, const etok *t) {
  const char *s = src(c, t);
  size_t n = t->len;
  if (t->caps || (t->v & (V_ANYTITLE | V_DEMONYM))) return 0;
  if (lede_gaz_place(s, n) || lede_gaz_organization(s, n) ||
      lede_gaz_given_name(s, n) || lede_strmap_get(&c->mid, s, n) != NULL)
    return 0;
  if (lede_strmap_get(&c->lower, s, n) != NULL &&
      *lede_strmap_get(&c->lower, s, n) == 1)
    return 1;
  if (n < 5) return 0;
  return memcmp(s + n - 3, "ing", 3) == 0 || memcmp(s + n - 2, "ly", 2) == 0 ||
         memcmp(s + n - 2, "ed", 2) == 0;
}

static int anyflag(const lede_entctx *c, size_t i, size_t e, unsigned v) {
  for (; i < e; i++)
    if (c->toks[i].v & v) return 1;
  return 0;
}

static int alldemonyms(const lede_entctx *c, size_t i, size_t e) {
  for (; i < e; i++)
    if (!(c->toks[i].v & V_DEMONYM)) return 0;
  return 1;
}

/* Tokens of the longest title at k followed, inside the run, by a name
** that is no organisation or place ("Justice Department" is no title). */
static size_t titleat(const lede_entctx *c, size_t k, size_t e) {
  size_t n;
  for (n = TITLE_MAXWORDS; n > 0; n--) {
    if (k + n >= e || !c->toks[k + n].cap) continue;  /* "Secretary of" */
    /* A role word used as a title ("Investigator Robert Cornett") only
    ** before a given name: "Chairman Mao" is read by the title list. */
    if (!(phrase(c, k, k + n) & V_ANYTITLE) &&
        !((phrase(c, k, k + n) & V_ROLE) &&
          lede_gaz_given_name(src(c, &c->toks[k + n]), c->toks[k + n].len)))
      continue;
    if (c->toks[k + n - 1].poss) continue;
    if (n == 1 && k + 2 == e &&
        lede_gaz_given_name(src(c, &c->toks[k]), c->toks[k].len))
      return 0;  /* "Dean Yates" is a name, "Dean" no title */
    if (anyflag(c, k + n, e, V_ORG | V_PLACEHEAD)) return 0;
    return n;
  }
  return 0;
}

typedef struct {
  size_t t0, t1;   /* the title's tokens */
} etitle;

static lede_status addrole(lede_entctx *c, size_t m, size_t off, size_t end) {
  erole *r;
  if (lede_ent_grow((void **)&c->roles, &c->caproles, c->nroles + 1,
                    sizeof *c->roles) != 0)
    return LEDE_ENOMEM;
  r = &c->roles[c->nroles++];
  r->mention = m;
  r->off = off;
  r->len = end - off;
  return LEDE_OK;
}

static size_t tokend(const etok *t) {
  return t->off + t->len;
}

/* ---- clues around a mention ---- */

/* A lower-case role just before the name ("spokesman John Kirby",
** "chief executive, Tim Cook"); returns its first token or (size_t)-1. */
/* A lower-case noun of a doer that no list holds: "saxophonist",
** "educator", "guitarist", "historian" (-ist, -or, -ian, six letters or
** more, no function word). Before a name it is the name's role. */
static int agentnoun(const lede_entctx *c, const etok *t) {
  static const char *const ends[] = {"ist", "or", "ian", NULL};
  const char *s = src(c, t);
  size_t k;
  if (!t->lower || t->len < 6 || (t->v & (V_FUNC | V_DATE))) return 0;
  for (k = 0; ends[k]; k++) {
    size_t n = strlen(ends[k]);
    if (memcmp(s + t->len - n, ends[k], n) == 0) return 1;
  }
  return 0;
}

static size_t rolebefore(const lede_entctx *c, const eblock *b, size_t i) {
  size_t n;
  if (i == b->t0 || c->toks[i].gap == GAP_OTHER) return LEDE_NONE;
  for (n = ROLE_MAXWORDS; n > 0; n--) {
    size_t k;
    if (i < b->t0 + n) continue;
    for (k = i - n; k < i; k++)
      if (!c->toks[k].lower) break;
    if (k < i) continue;
    if (phrase(c, i - n, i) & (V_ROLE | V_TITLE)) return i - n;
  }
  if (agentnoun(c, &c->toks[i - 1]) && c->toks[i].gap == GAP_SPACE)
    return i - 1;
  return LEDE_NONE;
}

/* "Jones, the No. 2 coalition commander": the role phrase after the
** comma ends on a role word; returns its last token or LEDE_NONE. */
static size_t apposition(const lede_entctx *c, const eblock *b, size_t e,
                         size_t *first) {
  size_t k = e, last = LEDE_NONE;
  if (k >= b->t1 || c->toks[k].gap != GAP_COMMA) return LEDE_NONE;
  if (is(c, &c->toks[k], "the") || is(c, &c->toks[k], "a") ||
      is(c, &c->toks[k], "an"))
    k++;
  else if (!(c->toks[k].lower && (c->toks[k].v & V_ROLE)))
    return LEDE_NONE;  /* "X, she was ..." is no apposition */
  *first = k;
  for (; k < b->t1 && k < e + APPOSITION_MAXWORDS; k++) {
    if (k > *first && c->toks[k].gap != GAP_SPACE) break;
    if (c->toks[k].lower && (c->toks[k].v & V_ROLE)) last = k;
    if (c->toks[k].poss) break;
  }
  return last;
}

static int verbafter(const lede_entctx *c, const eblock *b, size_t e) {
  const etok *t = e < b->t1 ? &c->toks[e] : NULL;
  if (t == NULL || t->gap != GAP_SPACE || !t->lower) return 0;
  if (t->v & V_VERB) return 1;
  if (isany(c, t, adverbs) ||
      (t->len > 4 && memcmp(src(c, t) + t->len - 2, "ly", 2) == 0))
    return e + 1 < b->t1 && c->toks[e + 1].gap == GAP_SPACE &&
           (c->toks[e + 1].v & V_VERB);
  return 0;
}

/* Whether a lower-case word after "the X" makes X a modifier ("the Obama
** administration"): then "the" says nothing of X. */
static int modified(const lede_entctx *c, const eblock *b, size_t e) {
  const etok *t = e < b->t1 ? &c->toks[e] : NULL;
  if (t == NULL || t->gap != GAP_SPACE || !t->lower) return 0;
  return !(t->v & (V_FUNC | V_VERB)) && !is(c, t, "group");
}

/* Whether toks[i] opens an attribution: a closing quotation mark with
** a comma (or ? !) before it, then a space: '"We won," Jones said'. */
static int afterquote(const lede_entctx *c, const eblock *b, size_t i) {
  const char *s = c->a->source;
  size_t k = c->toks[i].off, lo = c->a->blocks[b->block].span.off;
  if (k < lo + 3 || s[k - 1] != ' ') return 0;
  k--;
  if (s[k - 1] == '"') k -= 1;
  else if (k >= lo + 4 && memcmp(s + k - 3, "\xe2\x80\x9d", 3) == 0) k -= 3;
  else return 0;
  return s[k - 1] == ',' || s[k - 1] == '?' || s[k - 1] == '!';
}

static lede_status before(lede_entctx *c, const eblock *b, size_t i, size_t e,
                          emention *m) {
  const etok *p = i > b->t0 ? &c->toks[i - 1] : NULL;
  size_t r;
  if (p != NULL && c->toks[i].gap == GAP_SPACE && !p->caps) {
    if (isany(c, p, placepreps)) {
      m->ev[K_PLACE] += EV_PREP;
      m->incue = 1;
    } else if (is(c, p, "the") && !modified(c, b, e)) {
      /* "the People" alone is too weak: one word needs more */
      m->ev[K_ORG] += e - i > 1 ? EV_THE : EV_THE / 2;
      if (i - 1 > b->t0 && is(c, p - 1, "at")) m->ev[K_ORG] += EV_THE;
    } else if (is(c, p, "of") && i - 1 > b->t0 && (p - 1)->lower &&
               ((p - 1)->v & V_PLACECUE)) {
      m->ev[K_PLACE] += EV_PLACECUE;  /* "the town of Heet" */
    } else if ((p->v & V_VERB) && !isany(c, p, listeners) &&
               !modified(c, b, e)) {
      m->ev[K_PERSON] += EV_VERB;     /* "said Jones", not "told Pentagon
                                         reporters" */
    }
  }
  if (afterquote(c, b, i) && e - i >= 2 && e - i <= 4 &&
      !modified(c, b, e))
    m->ev[K_PERSON] += EV_QUOTED;  /* '"...," Wray Grimaldi of ...' */
  r = rolebefore(c, b, i);
  if (r != LEDE_NONE) {
    m->ev[K_PERSON] += EV_ROLE;
    return addrole(c, (size_t)(m - c->ms), c->toks[r].off,
                   tokend(&c->toks[i - 1]));
  }
  return LEDE_OK;
}

static lede_status after(lede_entctx *c, const eblock *b, size_t e,
                         emention *m) {
  const etok *n = e < b->t1 ? &c->toks[e] : NULL;
  size_t first = 0, last;
  if (n == NULL) return LEDE_OK;
  if (n->gap == GAP_SPACE && n->lower && (n->v & V_PLACECUE))
    m->ev[K_PLACE] += EV_PLACECUE;       /* "Anbar province" */
  if (verbafter(c, b, e)) m->ev[K_PERSON] += EV_VERB;
  if (n->gap != GAP_COMMA) return LEDE_OK;
  if (is(c, n, "who")) m->ev[K_PERSON] += EV_WHO;
  if (lede_utf8_isdigit((unsigned char)src(c, n)[0]) && e + 1 < b->t1 &&
      c->toks[e + 1].gap == GAP_COMMA && n->len <= 3)
    m->ev[K_PERSON] += EV_AGE;           /* "Jones, 45, said" */
  last = apposition(c, b, e, &first);
  if (last == LEDE_NONE) return LEDE_OK;
  m->ev[K_PERSON] += EV_APPOSITION;
  return addrole(c, (size_t)(m - c->ms), c->toks[first].off,
                 tokend(&c->toks[last]));
}

/* Evidence carried by the words of the name itself. */
static void inside(const lede_entctx *c, size_t i, size_t e, emention *m) {
  size_t k;
  if (e - i < 2) return;  /* "Airport" alone names nothing */
  for (k = i; k < e; k++) {
    const etok *t = &c->toks[k];
    if (!t->cap) continue;
    if (t->v & V_ORG) m->ev[K_ORG] += EV_HEAD;
    else if (t->v & V_PLACEHEAD) m->ev[K_PLACE] += EV_HEAD;
  }
}

/* "A, B and C": the mention this one is listed after, if any. */
static size_t listed(const lede_entctx *c, size_t i) {
  const emention *p;
  const etok *t = &c->toks[i];
  if (c->nms == 0) return LEDE_NONE;
  p = &c->ms[c->nms - 1];
  if (p->block != c->ms[c->nms].block || p->t1 > i) return LEDE_NONE;
  if (p->t1 == i) return t->gap == GAP_COMMA ? c->nms - 1 : LEDE_NONE;
  if (p->t1 + 1 == i && t->gap == GAP_SPACE &&
      (is(c, &c->toks[p->t1], "and") || is(c, &c->toks[p->t1], "or")))
    return c->nms - 1;
  return LEDE_NONE;
}

/* A list passes "in" on ("in Iraq and Syria"), unless it lists people
** ("in Paris and Mark Hosenball"); so does a place before a possessive
** ("in Iraq's Tal Afar"), more strongly. */
static void passcue(lede_entctx *c, emention *m) {
  size_t p = m->coord;
  const emention *q = c->nms > 0 ? &c->ms[c->nms - 1] : NULL;
  const etok *t = &c->toks[m->t0];
  if (q != NULL && q->block == m->block && q->t1 == m->t0 &&
      c->toks[q->t1 - 1].poss && q->incue) {
    m->ev[K_PLACE] += EV_PLACECUE;
    m->incue = 1;
  } else if (p != LEDE_NONE && c->ms[p].incue && m->ev[K_PERSON] == 0 &&
             !(m->ntok > 1 && lede_gaz_given_name(src(c, t), t->len))) {
    m->ev[K_PLACE] += EV_PREP;
    m->incue = 1;
  }
}

static lede_status newmention(lede_entctx *c, const eblock *b, size_t i,
                              size_t e, emention **out) {
  emention *m;
  size_t *g;
  int added;
  if (lede_ent_grow((void **)&c->ms, &c->capms, c->nms + 1, sizeof *c->ms) != 0)
    return LEDE_ENOMEM;
  m = &c->ms[c->nms];
  memset(m, 0, sizeof *m);
  m->block = b->block;
  m->t0 = i;
  m->t1 = e;
  m->off = c->toks[i].off;
  m->len = tokend(&c->toks[e - 1]) - m->off;
  m->ntok = e - i;
  m->key = join(c, i, e, &m->klen);
  if (m->key == NULL) return LEDE_ENOMEM;
  g = lede_strmap_put(&c->names, m->key, m->klen, c->names.n, &added);
  if (g == NULL) return LEDE_ENOMEM;
  if (e - i > 1 && lede_strmap_put(&c->surnames, src(c, &c->toks[e - 1]),
                                   c->toks[e - 1].len, 0, NULL) == NULL)
    return LEDE_ENOMEM;
  m->group = *g;
  m->coord = listed(c, i);
  m->initial = c->toks[i].start;
  *out = m;
  return LEDE_OK;
}

/* "Islamic State group": the mention takes the word, the key does not. */
static void groupword(lede_entctx *c, const eblock *b, emention *m) {
  const etok *n = m->t1 < b->t1 ? &c->toks[m->t1] : NULL;
  if (n == NULL || n->gap != GAP_SPACE || c->toks[m->t1 - 1].poss ||
      !is(c, n, "group"))
    return;
  m->len = tokend(n) - m->off;
  m->alias = c->a->source + m->off;
  m->alen = m->len;
  m->t1++;
  m->ev[K_ORG] += EV_GROUP;
}

static lede_status emit(lede_entctx *c, const eblock *b, size_t i, size_t e,
                        const etitle *titles, size_t ntitles) {
  emention *m;
  size_t k, idx = c->nms;
  lede_status st = newmention(c, b, i, e, &m);
  if (st != LEDE_OK) return st;
  inside(c, i, e, m);
  st = before(c, b, ntitles > 0 ? titles[0].t0 : i, e, m);
  if (st == LEDE_OK) groupword(c, b, m);
  if (st == LEDE_OK) st = after(c, b, m->t1, m);
  for (k = 0; k < ntitles && st == LEDE_OK; k++) {
    const etok *t0 = &c->toks[titles[k].t0];
    unsigned v = phrase(c, titles[k].t0, titles[k].t1);
    m->ev[K_PERSON] += EV_TITLE;
    if (v & (V_MALE | V_FEMALE)) m->sex = v & V_MALE ? 'm' : 'f';
    st = addrole(c, idx, t0->off, tokend(&c->toks[titles[k].t1 - 1]));
  }
  if (st != LEDE_OK) return st;
  passcue(c, m);
  c->nms++;
  return LEDE_OK;
}

/* "John Hawkins John Hawkins": a name printed twice in a row. */
static int twice(const lede_entctx *c, size_t i, size_t e) {
  size_t h = (e - i) / 2, k;
  for (k = i; k < i + h; k++)
    if (c->toks[k].len != c->toks[k + h].len ||
        memcmp(src(c, &c->toks[k]), src(c, &c->toks[k + h]), c->toks[k].len))
      return 0;
  return 1;
}

/* One run of name words toks[i..e): drop a common sentence opener, split
** off titles into roles and the words before them, trim demonyms. */
static lede_status take(lede_entctx *c, const eblock *b, size_t i, size_t e) {
  etitle titles[TITLE_MAXWORDS];
  size_t nt = 0, k, n = 0;
  lede_status st;
  if (c->toks[i].start && opener(c, &c->toks[i])) i++;
  if (i >= e) return LEDE_OK;
  if (e - i >= 4 && (e - i) % 2 == 0 && twice(c, i, e)) {
    lede_status st2 = take(c, b, i, i + (e - i) / 2);
    return st2 != LEDE_OK ? st2 : take(c, b, i + (e - i) / 2, e);
  }
  for (k = i; k < e && (n = titleat(c, k, e)) == 0; k++) {}
  if (k < e) {
    if (k > i && !alldemonyms(c, i, k)) {
      st = emit(c, b, i, k, NULL, 0);
      if (st != LEDE_OK) return st;
    }
    while (n > 0 && nt < TITLE_MAXWORDS) {
      titles[nt].t0 = k;
      titles[nt++].t1 = k + n;
      k += n;
      n = titleat(c, k, e);
    }
    if (e - k >= 4 && (e - k) % 2 == 0 && twice(c, k, e)) {
      st = emit(c, b, k, k + (e - k) / 2, titles, nt);
      return st != LEDE_OK ? st : take(c, b, k + (e - k) / 2, e);
    }
    return emit(c, b, k, e, titles, nt);
  }
  while (i + 2 < e + 1 && (c->toks[i].v & V_DEMONYM) &&
         !anyflag(c, i + 1, e, V_ORG | V_PLACEHEAD) &&
         lede_gaz_given_name(src(c, &c->toks[i + 1]), c->toks[i + 1].len))
    i++;
  if (alldemonyms(c, i, e)) return LEDE_OK;
  return emit(c, b, i, e, NULL, 0);
}

/* "U.S.-led coalition", "Saudi-backed forces": the compound and the
** organisation word after it name one organisation. */
static int ledby(const lede_entctx *c, const eblock *b, size_t i) {
  const etok *t = &c->toks[i], *n;
  const char *s = src(c, t);
  if (!t->cap || i + 1 >= b->t1) return 0;
  n = &c->toks[i + 1];
  if (n->gap != GAP_SPACE || !n->lower || !(n->v & V_ORG)) return 0;
  return (t->len > 4 && memcmp(s + t->len - 4, "-led", 4) == 0) ||
         (t->len > 7 && memcmp(s + t->len - 7, "-backed", 7) == 0);
}

static lede_status knownin(lede_entctx *c, const eblock *b, size_t i,
                           size_t e, int shout);

/* End of a run of two or more words in capitals ("KUALA LUMPUR", "CLUES
** WHEN THINGS GO WRONG") starting at i, or i when there is none. */
static size_t shouted(const lede_entctx *c, const eblock *b, size_t i) {
  size_t j = i;
  if (!c->toks[i].caps) return i;
  while (j + 1 < b->t1 && c->toks[j + 1].caps &&
         c->toks[j + 1].gap == GAP_SPACE)
    j++;
  return j > i ? j + 1 : i;
}

/* Capitals that are labels, not names: a speaker's initials opening an
** interview line ("SR: ..."), a ticker after its exchange ("NYSE:
** RIGP"). */
static int label(const lede_entctx *c, const eblock *b, size_t i) {
  const etok *t = &c->toks[i];
  const char *s = c->a->source;
  size_t end = tokend(t);
  if (!t->caps) return 0;
  if (i == b->t0 && end < c->a->len && s[end] == ':') return 1;
  return i > b->t0 && c->toks[i - 1].caps && tokend(&c->toks[i - 1]) < t->off &&
         s[tokend(&c->toks[i - 1])] == ':';
}

static lede_status sentencecase(lede_entctx *c, const eblock *b) {
  size_t i = b->t0;
  lede_status st = LEDE_OK;
  while (i < b->t1 && st == LEDE_OK) {
    emention *m;
    size_t e = shouted(c, b, i);
    if (label(c, b, i)) {
      i++;
    } else if (e > i) {
      st = knownin(c, b, i, e, 1);
      i = e;
    } else if (ledby(c, b, i)) {
      st = newmention(c, b, i, i + 2, &m);
      if (st == LEDE_OK) {
        m->ev[K_ORG] += EV_HEAD;
        c->nms++;
      }
      i += 2;
    } else if (nameish(c, b, &c->toks[i])) {
      size_t j = extend(c, b, i);
      st = take(c, b, i, j + 1);
      i = j + 1;
    } else {
      i++;
    }
  }
  return st;
}

/* ---- headline-case blocks: only names known from elsewhere ---- */

int lede_ent_known(const lede_entctx *c, const char *key, size_t klen) {
  return lede_strmap_get(&c->names, key, klen) != NULL ||
         lede_strmap_get(&c->surnames, key, klen) != NULL ||
         lede_gaz_place(key, klen) != LEDE_GAZ_NONE ||
         lede_gaz_organization(key, klen);
}


/* Whether toks[i] stands in a run of words in capitals. */
static int loud(const lede_entctx *c, const eblock *b, size_t i) {
  const etok *t = &c->toks[i];
  return (i > b->t0 && t->gap == GAP_SPACE && c->toks[i - 1].caps) ||
         (i + 1 < b->t1 && c->toks[i + 1].gap == GAP_SPACE &&
          c->toks[i + 1].caps);
}

/* Tokens of the longest known name at i, 0 if none. */
static size_t knownat(lede_entctx *c, const eblock *b, size_t i, size_t e,
                      int shout) {
  size_t n, k;
  for (n = HEADLINE_MAXWORDS; n > 0; n--) {
    char *key;
    size_t klen;
    if (i + n > e) continue;
    for (k = i + 1; k < i + n; k++)
      if (c->toks[k].gap != GAP_SPACE || c->toks[k - 1].poss) break;
    if (k < i + n) continue;
    key = join(c, i, i + n, &klen);
    if (key == NULL) return 0;
    if (lede_ent_known(c, key, klen) ||
        (n == 1 && !shout && acronym(c, &c->toks[i]) && !loud(c, b, i)))
      return n;
  }
  return 0;
}

/* Known names among toks[i..e); acronyms too unless the words are all
** in capitals. */
static lede_status knownin(lede_entctx *c, const eblock *b, size_t i,
                           size_t e, int shout) {
  while (i < e) {
    size_t n = nameish(c, b, &c->toks[i]) ? knownat(c, b, i, e, shout) : 0;
    emention *m;
    lede_status st;
    if (n == 0) { i++; continue; }
    st = newmention(c, b, i, i + n, &m);
    if (st != LEDE_OK) return st;
    c->nms++;
    i += n;
  }
  return LEDE_OK;
}

static lede_status headlinecase(lede_entctx *c, const eblock *b) {
  return knownin(c, b, b->t0, b->t1, 0);
}

lede_status lede_ent_mentions(lede_entctx *c) {
  size_t k;
  lede_status st = LEDE_OK;
  for (k = 0; k < c->nblocks && st == LEDE_OK; k++)
    if (!c->blocks[k].headline) st = sentencecase(c, &c->blocks[k]);
  for (k = 0; k < c->nblocks && st == LEDE_OK; k++)
    if (c->blocks[k].headline) st = headlinecase(c, &c->blocks[k]);
  return st;
}
