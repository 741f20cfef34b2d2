/*
** quotes.c: direct quotations in the body paragraphs and who said them.
** Quote marks are told from apostrophes by what stands on either side;
** the attribution ("he said", "said Jones", "according to Jones") is read
** around each quotation; entities.c turns the cue into a person.
*/
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "lexicon.h"
#include "utf8.h"

#define MAXDEPTH 4         /* “a ‘b “c” b’ a”, and one more: deeper is noise */
#define SCARE_MAXWORDS 3   /* the "caliphate", "fake news": a term, not speech */
#define ATTR_MAXWORDS 16   /* "…," the town nearest the crash site, said Soelistyo */
#define CUE_MAXWORDS 6     /* Iraqi Prime Minister Haider al-Abadi */
#define SKIP_MAXWORDS 3    /* Jones also said on Monday */
#define APPOS_MAXWORDS 16  /* Tri Wobowo, who co-piloted the C130 that first saw
                              debris of the plane on Tuesday, told */
#define SAID_MAXWORDS 5    /* a sentence of its own: "Jones said later." */
#define ROLE_MAXWORDS 2    /* said Pentagon spokesman Jeff Davis */
#define INTRO_MAXWORDS 4   /* "Merkel told the media" ending a paragraph */

enum { DOUBLE = 1, SINGLE = 2 };           /* kinds of quote mark */
enum { NOMARK, OPEN, CLOSE, TOGGLE };      /* what a mark does */

/* An open quotation on the nesting stack. */
typedef struct {
  int kind;     /* DOUBLE or SINGLE */
  size_t open;  /* byte of its opening mark */
  size_t from;  /* first byte after the mark */
} level;

/* A quotation of the paragraph being read, before its attribution. */
typedef struct {
  size_t open;   /* byte of the opening mark */
  size_t from;   /* the quoted bytes, marks excluded, untrimmed */
  size_t to;
  size_t end;    /* just after the closing mark, or the paragraph's end */
  int unclosed;  /* no closing mark before the paragraph's end */
} found;

/* Who said a quotation, as written. */
typedef struct {
  int has;          /* a speech verb was found */
  lede_span verb;   /* "said" */
  lede_span cue;    /* "Jones", "he"; len 0 for "a spokesman" */
  size_t speaker;   /* person entity of the cue, or LEDE_NONE */
} attrib;

/* A word or a punctuation mark, [from, to) of the source. */
typedef struct {
  size_t from, to;
  int word;  /* has a letter or digit */
} tok;

typedef struct {
  lede_article *a;
  const char *s;    /* a->source */
  size_t lo, hi;    /* the paragraph being read */
  found *f;         /* its quotations (malloc'd, reused) */
  size_t nf, capf;
  size_t cap;       /* room in a->quotes */
  attrib carry;     /* a quotation left open at the last paragraph's end */
  attrib colon;     /* the last paragraph ended "Jones said:" */
  attrib prev;      /* who was quoted last in the last paragraph, if anyone */
} ctx;

static const attrib noattr = {0, {0, 0}, {0, 0}, LEDE_NONE};

/* ---- characters ---- */

static size_t cpat(const ctx *c, size_t i, int32_t *cp) {
  return lede_utf8_next(c->s + i, c->hi - i, cp, NULL);
}

/* The code point that ends just before i (i > lo). */
static size_t cpbefore(const ctx *c, size_t i, size_t lo, int32_t *cp) {
  size_t b = i - 1;
  while (b > lo && i - b < 4 && ((unsigned char)c->s[b] & 0xC0) == 0x80) b--;
  if (lede_utf8_next(c->s + b, i - b, cp, NULL) != i - b) {
    *cp = (unsigned char)c->s[i - 1];
    return 1;
  }
  return i - b;
}

/* Kind and lean of a quote mark: curl 1 for “ ‘ „ «, -1 for ” ’ », 0 for
** the straight ones. */
static int markkind(int32_t cp, int *curl) {
  *curl = 0;
  switch (cp) {
  case '"': return DOUBLE;
  case '\'': return SINGLE;
  case 0x201C: case 0x201E: case 0xAB: *curl = 1; return DOUBLE;
  case 0x201D: case 0xBB: *curl = -1; return DOUBLE;
  case 0x2018: *curl = 1; return SINGLE;
  case 0x2019: *curl = -1; return SINGLE;
  default: return 0;
  }
}

/* Punctuation that ends a word (the full stop stays with its word, so
** "Gen." and "U.S." can be told from a sentence's end). */
static int stops(int32_t cp) {
  int curl;
  if (cp < 0x80) return strchr(",;:!?()[]{}\"", (int)cp) != NULL && cp != 0;
  return cp == 0x2014 || cp == 0x2013 || cp == 0x2026 ||
         (markkind(cp, &curl) != 0 && cp != 0x2019);
}

static int isapos(int32_t cp) {
  return cp == '\'' || cp == 0x2019;
}

/* What may stand before an opening mark: a space, a bracket, a dash,
** another mark. */
static int leftopen(int32_t cp) {
  int curl;
  return lede_utf8_isspace(cp) || strchr("([{/-", (int)(cp < 0x80 ? cp : 1)) ||
         cp == 0x2014 || cp == 0x2013 || markkind(cp, &curl) != 0;
}

/* What may stand after a closing mark. */
static int rightclose(int32_t cp) {
  int curl;
  return lede_utf8_isspace(cp) ||
         strchr(",.;:!?)]}/-", (int)(cp < 0x80 ? cp : 1)) ||
         cp == 0x2014 || cp == 0x2013 || cp == 0x2026 ||
         markkind(cp, &curl) != 0;
}

/* ---- words ---- */

/* The token at or after i, before hi; 0 when there is none. A word runs
** to a space or a stop; an apostrophe stays inside it only before a
** letter ("don't", but "Jones'" ends at the s). */
static int next(const ctx *c, size_t i, size_t hi, tok *t) {
  int32_t cp;
  size_t w;
  int alnum = 0;
  while (i < hi && (w = cpat(c, i, &cp), lede_utf8_isspace(cp))) i += w;
  if (i >= hi) return 0;
  t->from = i;
  if (stops(cp) || isapos(cp)) {
    t->to = i + w;
    t->word = 0;
    return 1;
  }
  while (i < hi) {
    w = cpat(c, i, &cp);
    if (lede_utf8_isspace(cp) || stops(cp)) break;
    if (isapos(cp)) {
      int32_t nx = 0;
      if (i + w >= hi) break;
      cpat(c, i + w, &nx);
      if (!lede_utf8_isalpha(nx)) break;
    }
    alnum |= lede_utf8_isalpha(cp) || lede_utf8_isdigit(cp);
    i += w;
  }
  t->to = i;
  t->word = alnum;
  return 1;
}

/* The token that ends at or before i, after lo; 0 when there is none.
** The same tokens as next() gives, read from the other end. */
static int prev(const ctx *c, size_t i, size_t lo, tok *t) {
  int32_t cp, after = 0, before;
  size_t w;
  int alnum = 0;
  while (i > lo && (w = cpbefore(c, i, lo, &cp), lede_utf8_isspace(cp)))
    i -= w;
  if (i <= lo) return 0;
  t->to = i;
  if (stops(cp) || isapos(cp)) {
    t->from = i - w;
    t->word = 0;
    return 1;
  }
  while (i > lo) {
    w = cpbefore(c, i, lo, &cp);
    if (lede_utf8_isspace(cp) || stops(cp)) break;
    if (isapos(cp)) {  /* inside a word only between letters: "don't" */
      if (i == t->to || !lede_utf8_isalpha(after) || i - w <= lo) break;
      cpbefore(c, i - w, lo, &before);
      if (!lede_utf8_isalpha(before)) break;
    }
    alnum |= lede_utf8_isalpha(cp) || lede_utf8_isdigit(cp);
    after = cp;
    i -= w;
  }
  t->from = i;
  t->word = alnum;
  return 1;
}

static int is(const ctx *c, const tok *t, const char *const *list) {
  return lede_lex_is(list, c->s + t->from, t->to - t->from);
}

static int ischar(const ctx *c, const tok *t, char ch) {
  return t->to - t->from == 1 && c->s[t->from] == ch;
}

static int32_t first(const ctx *c, const tok *t) {
  int32_t cp;
  lede_utf8_next(c->s + t->from, t->to - t->from, &cp, NULL);
  return cp;
}

static int upper(const ctx *c, const tok *t) {
  return lede_utf8_isupper(first(c, t));
}

/* Shortened forms that end in a full stop without ending the sentence
** ("Maj. Gen. Rupert Jones", "No. 2"). */
static const char *const abbrevs[] = {
  "mr.", "mrs.", "ms.", "dr.", "gen.", "maj.", "lt.", "col.", "capt.",
  "sgt.", "cpl.", "adm.", "cmdr.", "brig.", "sen.", "sens.", "rep.", "reps.",
  "gov.", "pres.", "prof.", "rev.", "st.", "jr.", "sr.", "no.", "inc.",
  "corp.", "co.", "ltd.", "vs.", "ft.", "gens.", "supt.", "det.", "insp.",
  "jan.", "feb.", "mar.", "apr.", "aug.", "sep.", "sept.", "oct.", "nov.",
  "dec.", "mt.", "gov't.", NULL
};

/* A word ending in a full stop that does not end its sentence: an
** initial ("J."), a dotted form ("U.S."), a title. */
static int abbrev(const ctx *c, const tok *t) {
  size_t n = t->to - t->from;
  const char *s = c->s + t->from;
  if (n < 2 || s[n - 1] != '.') return 0;
  if (n == 2 || memchr(s, '.', n - 1) != NULL) return 1;
  /* A party and state after a name: "Chris Murphy, D-Conn., said". */
  if (n > 3 && s[1] == '-' && strchr("DRI", s[0]) != NULL) return 1;
  return is(c, t, abbrevs);
}

/* Whether t ends a sentence: "it." (not "Gen."), "!", "?", a lone ".". */
static int ends(const ctx *c, const tok *t) {
  char last = c->s[t->to - 1];
  if (!t->word) return ischar(c, t, '.') || ischar(c, t, '!') ||
                       ischar(c, t, '?');
  return last == '.' && !abbrev(c, t);
}

/* ---- vocabulary of attribution ---- */

static const char *const pronouns[] = {"he", "she", "they", NULL};

/* Capitalised words that start sentences, not names ("But Jones said"). */
static const char *const notcue[] = {
  "the", "a", "an", "but", "and", "or", "so", "yet", "in", "on", "at", "for",
  "as", "when", "while", "then", "also", "meanwhile", "still", "if", "after",
  "before", "later", "earlier", "this", "that", "these", "those", "it",
  "its", "their", "his", "her", "our", "we", "i", "you", "my", "your",
  "now", "today", "yesterday", "tonight", "asked", "speaking", "there",
  "here", "what", "why", "how", "however", "instead", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "sunday", "last", "next",
  "one", "some", "many", "both", "all", "such", "other", NULL
};

/* Nouns that open a sentence capitalised and speak as a group, not a
** name ("Officials said", "Police say"). */
static const char *const groups[] = {
  "officials", "police", "residents", "analysts", "experts", "witnesses",
  "authorities", "critics", "observers", "sources", "investigators",
  "prosecutors", "researchers", "scientists", "doctors", "officers",
  "searchers", "supporters", "opponents", "protesters", "lawmakers",
  "people", "others", "neighbors", "neighbours", "friends", "relatives",
  "students", "teachers", "parents", "workers", "employees", "leaders",
  "reports", "documents", "studies", "polls", "economists", "activists",
  "organizers", "officers", "spokesman", "spokeswoman", "spokesperson",
  "family", "police", "troops", "rescuers", "survivors", "fans", "users",
  NULL
};

/* Words between a speaker and the verb ("Jones also said on Monday"). */
static const char *const between[] = {
  "also", "later", "then", "previously", "once", "further", "again",
  "recently", "earlier", "has", "had", "have", "would", "will", "reportedly",
  "simply", "flatly", "publicly", "privately", "repeatedly", "often",
  "on", "last", "week", "night", "monday", "tuesday", "wednesday",
  "thursday", "friday", "saturday", "sunday", "today", "yesterday",
  "tonight", "quickly", "told", NULL
};

/* Lower-case words a name may hold ("Ana de la Cruz", "bin Salman"). */
static const char *const particles[] = {
  "de", "da", "del", "della", "di", "du", "van", "von", "der", "den", "la",
  "le", "al", "el", "bin", "ibn", NULL
};

/* Words that end an attribution: what follows is another clause. */
static const char *const clauses[] = {
  "but", "that", "which", "because", "when", "while", "if", "so", "though",
  "although", NULL
};

/* Words after a name that keep it a name ("said Jones in a statement"),
** where another lower-case word makes it an adjective ("Pentagon
** reporters"). */
static const char *const preps[] = {
  "in", "on", "at", "of", "for", "to", "during", "after", "before", "from",
  "with", "about", "who", "when", "while", "and", "but", "as", "that",
  "this", "last", "earlier", "later", "recently", NULL
};

/* Verbs whose object is the listener, never the speaker ("told Jones"). */
static const char *const listener[] = {
  "told", "tell", "tells", "telling", NULL
};

/* A capitalised word of a name: letters, dots, apostrophes and hyphens,
** or "al-Abadi" (a lower-case particle joined by a hyphen). */
static int capword(const ctx *c, const tok *t) {
  size_t i = t->from;
  int32_t cp;
  const char *dash;
  if (!t->word || is(c, t, notcue)) return 0;
  if (!upper(c, t)) {
    dash = memchr(c->s + t->from, '-', t->to - t->from);
    if (dash == NULL || (size_t)(dash - c->s) + 1 >= t->to) return 0;
    lede_utf8_next(dash + 1, t->to - (size_t)(dash + 1 - c->s), &cp, NULL);
    if (!lede_utf8_isupper(cp)) return 0;
  }
  while (i < t->to) {
    i += lede_utf8_next(c->s + i, t->to - i, &cp, NULL);
    if (!lede_utf8_isalpha(cp) && cp != '.' && cp != '-' && !isapos(cp))
      return 0;
  }
  return 1;
}

/* Length of the speech verb at i ("said", "according to"), or 0. */
static size_t verbat(const ctx *c, const tok *t, size_t hi) {
  if (!t->word) return 0;
  return lede_lex_prefix(lede_lex_speech_verbs, c->s + t->from, hi - t->from);
}

/* The span of token t, a trailing full stop left out unless it belongs
** to the word ("Jones." gives Jones, "Jr." stays). */
static lede_span word(const ctx *c, const tok *t) {
  lede_span sp = {t->from, t->to - t->from};
  if (c->s[t->to - 1] == '.' && !abbrev(c, t)) sp.len--;
  return sp;
}

static lede_span join(lede_span a, lede_span b) {
  lede_span sp = {a.off, b.off + b.len - a.off};
  return sp;
}

/* ---- the cue: who, as written ---- */

/* A name that ends with token t, read backwards: "Maj. Gen. Rupert Jones".
** Stops at a comma, a sentence's end, a word that is not a name's. */
/* "the institute", "the company": "the" and an organisation word
** (data/org-words.txt) stand for the organisation named before;
** entities.c resolves them. t is the word "the", n the word after it. */
static lede_span thecue(const ctx *c, const tok *t, const tok *n) {
  lede_span none = {0, 0}, sp;
  size_t len = n->to - n->from;
  if (len > 1 && c->s[n->to - 1] == '.') len--;  /* "said the company." */
  if (!n->word || upper(c, n) ||
      !lede_lex_is((const char *const[]){"the", NULL}, c->s + t->from,
                   t->to - t->from) ||
      !lede_lex_is(lede_lex_org_words, c->s + n->from, len))
    return none;
  sp = join(word(c, t), word(c, n));
  sp.len = n->from + len - sp.off;
  return sp;
}

static lede_span backname(const ctx *c, tok t, size_t lo) {
  lede_span sp = {0, 0};
  size_t n = 0;
  tok p;
  if (!capword(c, &t)) return sp;
  sp = word(c, &t);
  for (;;) {
    n++;
    if (n >= CUE_MAXWORDS || !prev(c, t.from, lo, &p)) break;
    if (p.word && is(c, &p, particles)) {
      tok q;
      if (!prev(c, p.from, lo, &q) || !capword(c, &q) || ends(c, &q)) break;
      t = p;
      continue;
    }
    if (!capword(c, &p) || ends(c, &p)) break;
    t = p;
    sp = join(word(c, &t), sp);
  }
  return n == 1 && is(c, &t, groups) ? (lede_span){0, 0} : sp;
}

/* A name read forwards from token t, up to hi; *after is the token that
** follows it (word 0 and from hi when none). */
static lede_span forename(const ctx *c, tok t, size_t hi, tok *after) {
  lede_span sp = {0, 0};
  size_t n = 0;
  after->from = after->to = hi;
  after->word = 0;
  for (;;) {
    if (n >= CUE_MAXWORDS || !(capword(c, &t) || (n > 0 && t.word &&
                                                  is(c, &t, particles)))) {
      *after = t;
      break;
    }
    if (capword(c, &t)) sp = n == 0 ? word(c, &t) : join(sp, word(c, &t));
    n++;
    if (ends(c, &t) || !next(c, t.to, hi, &t)) break;  /* nothing after */
  }
  return n == 1 && lede_lex_is(groups, c->s + sp.off, sp.len)
             ? (lede_span){0, 0} : sp;
}

/* A lower-case adverb or "and" between a speaker and the verb ("he
** eventually and solemnly announced"). */
static int adverb(const ctx *c, const tok *t) {
  size_t n = t->to - t->from;
  const char *s = c->s + t->from;
  if (upper(c, t)) return 0;
  return (n > 4 && s[n - 2] == 'l' && s[n - 1] == 'y') ||
         (n == 3 && memcmp(s, "and", 3) == 0);
}

/* Step back over a bracketed aside that t closes: "Michael Doherty
** (R-Warren) said". t becomes the token before the "("; 0 if none. */
static int unbracket(const ctx *c, tok *t, size_t lo) {
  size_t n = 0;
  if (!ischar(c, t, ')')) return 1;
  while (prev(c, t->from, lo, t) && !ischar(c, t, '('))
    if (++n > CUE_MAXWORDS) return 0;
  return ischar(c, t, '(') && prev(c, t->from, lo, t);
}

/* The segment between two commas before a verb: a name ("Trump's lawyer,
** Rudy Giuliani, said") or an apposition to skip ("Jones, the No. 2
** coalition commander, said"). t is the comma right before the verb. A
** participle takes the subject of the clause before it instead ("Trump
** talked about trade, saying"). */
static lede_span appositive(const ctx *c, tok t, size_t lo, int participle) {
  lede_span none = {0, 0}, seg;
  tok p, last = t, after;
  size_t n = 0;
  int names = 1, comma = 0;
  while (prev(c, t.from, lo, &p)) {
    if (ischar(c, &p, ',')) {
      comma = 1;
      break;
    }
    if (!p.word || ends(c, &p) || ++n > APPOS_MAXWORDS) break;
    if (!capword(c, &p) && !is(c, &p, particles)) names = 0;
    t = p;
  }
  if (n == 0) return none;
  if (participle) {
    if (is(c, &t, pronouns)) return word(c, &t);
    return forename(c, t, last.from, &after);
  }
  if (!comma) return none;
  seg.off = t.from;
  seg.len = last.from - t.from;
  while (seg.len > 0 && c->s[seg.off + seg.len - 1] == ' ') seg.len--;
  if (!prev(c, p.from, lo, &last)) return none;
  /* The segment names the speaker unless a name stands before it: "Chris
  ** Murphy, D-Conn., said", "Jones, 45, said". */
  if (names && n <= CUE_MAXWORDS && capword(c, &t) && !capword(c, &last))
    return seg;
  t = last;
  if (!unbracket(c, &t, lo)) return none;
  if (t.word && is(c, &t, pronouns)) return word(c, &t);
  if (t.word && !upper(c, &t)) {  /* "the company said", not "a
                                    spokesman for the ministry said" */
    tok the, before;
    if (prev(c, t.from, lo, &the) &&
        (!prev(c, the.from, lo, &before) || !before.word)) {
      lede_span sp = thecue(c, &the, &t);
      if (sp.len > 0) return sp;
    }
  }
  return backname(c, t, lo);
}

/* Whether the verb at t is a participle ("saying", "adding"), whose
** speaker is the subject of the clause before it. */
static int participle(const ctx *c, size_t off, size_t len) {
  return len > 3 && memcmp(c->s + off + len - 3, "ing", 3) == 0;
}

/* The cue before a verb that starts at v, no further back than lo:
** "he", "Jones", "Maj. Gen. Rupert Jones", "Jones, the commander,". */
static lede_span backcue(const ctx *c, size_t v, size_t vlen, size_t lo) {
  lede_span none = {0, 0};
  tok t;
  size_t skipped = 0;
  int ing = participle(c, v, vlen);
  for (;;) {
    if (!prev(c, v, lo, &t)) return none;
    if (ing || !t.word || !(is(c, &t, between) || adverb(c, &t)) ||
        ++skipped > SKIP_MAXWORDS)
      break;
    v = t.from;
  }
  if (!unbracket(c, &t, lo)) return none;
  if (ischar(c, &t, ',')) return appositive(c, t, lo, ing);
  if (ing) {  /* "He began his campaign by saying" */
    t.from = t.to = v;
    return appositive(c, t, lo, 1);
  }
  if (t.word && is(c, &t, pronouns)) return word(c, &t);
  if (t.word && !upper(c, &t)) {  /* "the company said", not "a
                                    spokesman for the ministry said" */
    tok the, before;
    if (prev(c, t.from, lo, &the) &&
        (!prev(c, the.from, lo, &before) || !before.word)) {
      lede_span sp = thecue(c, &the, &t);
      if (sp.len > 0) return sp;
    }
  }
  return backname(c, t, lo);
}

/* Whether the word after a name makes it an adjective ("Pentagon
** reporters", "Western energy CEO"). */
static int adjective(const ctx *c, const tok *after) {
  return after->word && !upper(c, after) && !is(c, after, preps);
}

/* The cue after a verb that ends at e, before hi: "said Jones", "according
** to Maj. Gen. Rupert Jones", "said Pentagon spokesman Jeff Davis". */
static lede_span forecue(const ctx *c, size_t e, size_t hi) {
  lede_span none = {0, 0}, sp;
  tok t, after;
  size_t k;
  if (!next(c, e, hi, &t) || !t.word) return none;
  if (is(c, &t, pronouns)) return word(c, &t);
  if (lede_lex_is((const char *const[]){"the", NULL}, c->s + t.from,
                  t.to - t.from)) {
    tok the = t;
    if (!next(c, t.to, hi, &t)) return none;
    sp = thecue(c, &the, &t);
    if (sp.len > 0 && (!next(c, t.to, hi, &after) || !after.word)) return sp;
  }
  sp = forename(c, t, hi, &after);
  if (sp.len > 0 && !adjective(c, &after)) return sp;
  /* A role between: "Pentagon spokesman Jeff Davis", "spokesman Jeff Davis". */
  t = sp.len > 0 ? after : t;
  for (k = 0; k < ROLE_MAXWORDS; k++) {
    if (!t.word || upper(c, &t) || is(c, &t, preps) || ends(c, &t)) break;
    if (!next(c, t.to, hi, &t)) return none;
    sp = forename(c, t, hi, &after);
    if (sp.len > 0) return adjective(c, &after) ? none : sp;
  }
  return none;
}

/* ---- attribution ---- */

/* How to look for the cue of a verb. */
enum { BACK, FORTH, ONLY_FORTH, ONLY_BACK };

static int according(const ctx *c, size_t off, size_t len) {
  return lede_lex_is((const char *const[]){"according to", NULL}, c->s + off,
                     len);
}

/* The attribution of the speech verb at token v (vlen bytes, maybe two
** words), its cue looked for between lo and hi. BACK: "Jones said", then
** "said Jones"; FORTH the other way round. */
static attrib withverb(const ctx *c, tok v, size_t vlen, size_t lo,
                       size_t hi, int how) {
  attrib at = noattr;
  at.has = 1;
  at.verb.off = v.from;
  at.verb.len = vlen;
  if (according(c, v.from, vlen)) how = ONLY_FORTH;  /* "according to X" */
  if (how == FORTH || how == ONLY_FORTH)
    at.cue = forecue(c, v.from + vlen, hi);
  if (at.cue.len == 0 && how != ONLY_FORTH) at.cue = backcue(c, v.from, vlen, lo);
  if (at.cue.len == 0 && how == BACK && !is(c, &v, listener))
    at.cue = forecue(c, v.from + vlen, hi);
  return at;
}

/* The first byte of the sentence that holds byte p, no further back than
** lo: just after a sentence's end that a capital or a mark follows. */
static size_t sentstart(const ctx *c, size_t p, size_t lo) {
  tok t, after;
  int have = next(c, p, c->hi, &after);  /* the quote mark itself, often */
  size_t i = p;
  while (prev(c, i, lo, &t)) {
    if (have && ends(c, &t)) {
      int curl;
      int32_t cp = first(c, &after);
      if (lede_utf8_isupper(cp) || lede_utf8_isdigit(cp) ||
          markkind(cp, &curl) != 0)
        return after.from;
    }
    after = t;
    have = 1;
    i = t.from;
  }
  return lo;
}

/* What stands between the start of a quotation's sentence and its mark. */
typedef struct {
  size_t words;   /* words before the mark */
  int intro;      /* ':' or ',' when that is the last thing before the mark */
  int verblast;   /* the last word before the mark is a speech verb */
  attrib at;      /* the last speech verb there and its cue */
  size_t start;   /* where the sentence starts (lo at the latest) */
} lead;

static lead before(const ctx *c, size_t open, size_t lo) {
  lead ld = {0, 0, 0, {0, {0, 0}, {0, 0}, LEDE_NONE}, 0};
  size_t ss = sentstart(c, open, lo), i = ss, vlen, verblen = 0;
  ld.start = ss;
  tok t, verb = {0, 0, 0};
  while (next(c, i, open, &t)) {
    ld.intro = ischar(c, &t, ':') || ischar(c, &t, ',') ? c->s[t.from] : 0;
    ld.verblast = 0;
    if (t.word) {
      ld.words++;
      if ((vlen = verbat(c, &t, open)) > 0) {
        verb = t;
        verblen = vlen;
        ld.verblast = 1;
        t.to = t.from + vlen;
      }
    }
    i = t.to;
  }
  if (verblen > 0) {
    /* "said Jones: “…" is inverted; in "Jones said Christie “sold…" the
    ** name after the verb is not the speaker. */
    ld.at = withverb(c, verb, verblen, ss, open, ONLY_BACK);
    if (ld.at.cue.len == 0) {
      lede_span fc = forecue(c, verb.from + verblen, open);
      if (fc.len > 0 && (!next(c, fc.off + fc.len, open, &t) ||
                         ((ischar(c, &t, ',') || ischar(c, &t, ':')) &&
                          !next(c, t.to, open, &t))))
        ld.at.cue = fc;
    }
  }
  return ld;
}

static int isdash(int32_t cp) {
  return cp == 0x2014 || cp == 0x2013;
}

/* The attribution after a closing mark at e, before hi. `ended` says the
** quotation closed its sentence ("…won." Jones said later): then only a
** name or pronoun opening the next sentence, then the verb, will do. */
/* Whether the name at sp is a possessive ("Jones's", "Jones’"), inside
** the span or just after it. */
static int possessive(const ctx *c, lede_span sp) {
  size_t e = sp.off + sp.len;
  const char *s = c->s;
  if (sp.len >= 2 && s[e - 2] == '\'' && s[e - 1] == 's') return 1;
  if (sp.len >= 4 && memcmp(s + e - 4, "\xe2\x80\x99s", 4) == 0) return 1;
  if (e < c->hi && s[e] == '\'') return 1;
  return e + 2 < c->hi && memcmp(s + e, "\xe2\x80\x99", 3) == 0;
}

static attrib afterq(const ctx *c, size_t e, size_t hi, int ended) {
  tok t, start;
  size_t words = 0, vlen;
  attrib at;
  if (!next(c, e, hi, &t)) return noattr;
  if (ischar(c, &t, ',') || ischar(c, &t, '.') || ischar(c, &t, '-') ||
      (!t.word && isdash(first(c, &t)))) {
    ended |= ischar(c, &t, '.');
    if (!next(c, t.to, hi, &t)) return noattr;
  }
  start = t;
  for (;;) {
    if (ischar(c, &t, '&') && next(c, t.to, hi, &t)) continue;  /* "Jazz &
                                                    Heritage Foundation" */
    if (!t.word || ++words > ATTR_MAXWORDS) return noattr;
    if ((vlen = verbat(c, &t, hi)) > 0) break;
    if (is(c, &t, clauses) || ends(c, &t)) return noattr;
    if (!next(c, t.to, hi, &t)) return noattr;
    if (ischar(c, &t, ',') && !next(c, t.to, hi, &t)) return noattr;
  }
  if (words == 1)  /* "…," said Jones */
    return ended ? noattr : withverb(c, t, vlen, start.from, hi, FORTH);
  at = withverb(c, t, vlen, start.from, hi, BACK);
  /* "…," Wray Grimaldi of the University of Otago in Dunedin, New
  ** Zealand, said: the name opening the clause is its subject, not the
  ** last name before the verb. A possessive ("Jones's lawyer") is not. */
  if (capword(c, &start) && (at.cue.len == 0 || at.cue.off != start.from)) {
    tok after;
    lede_span sp = forename(c, start, hi, &after);
    if (sp.len > 0 && !possessive(c, sp) &&
        (ischar(c, &after, ',') || is(c, &after, preps)) &&
        lede_entities_resolve(c->a, sp, start.from) != LEDE_NONE)
      at.cue = sp;
  }
  if (ended && (at.cue.len == 0 || at.cue.off != start.from)) return noattr;
  return at;
}

/* ---- quote marks ---- */

/* Words that an apostrophe shortens at their start: "'n'", "'em". */
static const char *const elisions[] = {
  "n", "em", "til", "cause", "bout", "tis", "twas", "cept", "nuff", "round",
  NULL
};

/* Whether a single mark at i (w bytes) opening a word is an apostrophe:
** "'90s", "rock 'n' roll", "'em". */
static int elided(const ctx *c, size_t i, size_t w) {
  tok t;
  int32_t cp;
  cpat(c, i + w, &cp);
  if (lede_utf8_isdigit(cp)) return 1;
  if (!next(c, i + w, c->hi, &t) || t.from != i + w) return 0;
  return t.word && is(c, &t, elisions);
}

/* What the mark at i (w bytes, kind and curl from markkind) does, by what
** stands on either side: a mark after a space and before a word opens,
** one after a word and before a space closes; where both or neither hold,
** a curly mark leans its own way and a straight double toggles. */
static int role(const ctx *c, size_t i, size_t w, int kind, int curl) {
  int32_t l = ' ', r = ' ';
  int lo, rc;
  if (i > c->lo) cpbefore(c, i, c->lo, &l);
  if (i + w < c->hi) cpat(c, i + w, &r);
  lo = leftopen(l);
  rc = rightclose(r);
  if (lo && !rc)
    return kind == SINGLE && elided(c, i, w) ? NOMARK : OPEN;
  if (!lo && rc) return CLOSE;
  if (kind == SINGLE && !lo) return NOMARK;  /* "don't" */
  if (curl != 0) return curl > 0 ? OPEN : CLOSE;
  return kind == DOUBLE ? TOGGLE : NOMARK;
}

static lede_status addfound(ctx *c, const level *lv, size_t to, size_t end,
                            int unclosed) {
  found *f;
  if (c->nf == c->capf) {
    size_t cap = c->capf ? c->capf * 2 : 16;
    f = realloc(c->f, cap * sizeof *f);
    if (f == NULL) return LEDE_ENOMEM;
    c->f = f;
    c->capf = cap;
  }
  f = &c->f[c->nf++];
  f->open = lv->open;
  f->from = lv->from;
  f->to = to;
  f->end = end;
  f->unclosed = unclosed;
  return LEDE_OK;
}

/* Index + 1 of the innermost open quotation of this kind, 0 if none. */
static size_t openof(const level *st, size_t depth, int kind) {
  while (depth > 0 && st[depth - 1].kind != kind) depth--;
  return depth;
}

/* Match the paragraph's marks into outermost quotations. A mark of a kind
** already open closes it (and any quotation left open inside it, such as
** a nested quote closed with the wrong mark); an opening mark of a kind
** already open drops the old one, so unclosed marks cost nothing.
** `singles` lets a single mark open an outermost quotation; *lost says
** one stayed open at the end (an apostrophe after all). */
static lede_status scan(ctx *c, int singles, int *lost) {
  level st[MAXDEPTH];
  size_t depth = 0, i = c->lo, k;
  lede_status status;
  c->nf = 0;
  *lost = 0;
  while (i < c->hi) {
    unsigned char b = (unsigned char)c->s[i];
    int32_t cp;
    int kind, curl, r;
    size_t w;
    if (b != '"' && b != '\'' && b != 0xE2 && b != 0xC2) {
      i++;
      continue;
    }
    w = cpat(c, i, &cp);
    kind = markkind(cp, &curl);
    if (kind == 0) {
      i += w;
      continue;
    }
    r = role(c, i, w, kind, curl);
    if (r == TOGGLE) r = openof(st, depth, kind) ? CLOSE : OPEN;
    if (r == OPEN && (kind == DOUBLE || singles || depth > 0)) {
      if ((k = openof(st, depth, kind)) > 0) depth = k - 1;
      if (depth < MAXDEPTH) {
        st[depth].kind = kind;
        st[depth].open = i;
        st[depth++].from = i + w;
      }
    } else if (r == CLOSE && (k = openof(st, depth, kind)) > 0) {
      depth = k - 1;
      if (depth == 0 && (status = addfound(c, &st[0], i, i + w, 0)) != LEDE_OK)
        return status;
    }
    i += w;
  }
  if (depth > 0 && st[0].kind == SINGLE) *lost = 1;
  if (depth > 0 && st[0].kind == DOUBLE)
    return addfound(c, &st[0], c->hi, c->hi, 1);
  return LEDE_OK;
}

/* ---- the quotations of a paragraph ---- */

/* Trim spaces off both ends of [*from, *to). */
static void trim(const ctx *c, size_t *from, size_t *to) {
  int32_t cp;
  size_t w;
  while (*from < *to && (w = cpat(c, *from, &cp), lede_utf8_isspace(cp)))
    *from += w;
  while (*to > *from && (w = cpbefore(c, *to, *from, &cp),
                         lede_utf8_isspace(cp)))
    *to -= w;
}

static const char *const smallwords[] = {
  "of", "the", "and", "a", "an", "in", "on", "for", "to", "at", "by", "with",
  NULL
};

/* What the quoted words are like. */
typedef struct {
  size_t words;
  int inner_end;  /* a sentence ends inside ("…it. That was…") */
  int titled;     /* Every Word Capitalised, as a title is */
  int upper;      /* the first word is capitalised */
} shape;

static shape shapeof(const ctx *c, size_t from, size_t to) {
  shape sh = {0, 0, 1, 0};
  tok t;
  int pending = 0;  /* the last word ended a sentence */
  size_t i = from;
  while (next(c, i, to, &t)) {
    int curl;
    i = t.to;
    if (!t.word) {
      if (markkind(first(c, &t), &curl) != 0) continue;
      pending = ends(c, &t);
      continue;
    }
    if (pending && upper(c, &t)) sh.inner_end = 1;
    if (sh.words++ == 0) sh.upper = upper(c, &t);
    if (!upper(c, &t) && !is(c, &t, smallwords)) sh.titled = 0;
    pending = ends(c, &t);
  }
  if (sh.words == 0) sh.titled = 0;
  return sh;
}

/* The last visible character of [from, to), or 0. */
static int32_t lastcp(const ctx *c, size_t from, size_t to) {
  int32_t cp = 0;
  if (to > from) cpbefore(c, to, from, &cp);
  return cp;
}

/* The speaker of a cue. A pronoun names someone mentioned before the
** quotation, not inside it: in '"... help Trump," he said' he is not
** Trump. */
static attrib resolved(ctx *c, attrib at, size_t open) {
  size_t before = at.cue.off < open ? at.cue.off : open;
  if (at.cue.len > 0) at.speaker = lede_entities_resolve(c->a, at.cue, before);
  return at;
}

static lede_status push(ctx *c, const lede_quote *q) {
  lede_article *a = c->a;
  if (a->nquotes == c->cap) {
    size_t cap = c->cap ? c->cap * 2 : 16;
    lede_quote *p = lede_arena_alloc(&a->arena, cap * sizeof *p);
    if (p == NULL) return LEDE_ENOMEM;
    if (a->nquotes > 0) memcpy(p, a->quotes, a->nquotes * sizeof *p);
    a->quotes = p;
    c->cap = cap;
  }
  a->quotes[a->nquotes++] = *q;
  return LEDE_OK;
}

/* Whether a paragraph starts with an opening double mark: the news
** convention re-opens a quotation that runs on from the paragraph before. */
static int opens(const lede_article *a, const lede_block *b) {
  size_t i = b->span.off, end = i + b->span.len;
  int32_t cp;
  int curl;
  while (i < end) {
    i += lede_utf8_next(a->source + i, end - i, &cp, NULL);
    if (!lede_utf8_isspace(cp)) break;
  }
  return markkind(cp, &curl) == DOUBLE && curl >= 0;
}

/* A short attribution ending the sentence before byte p, after lo, that
** starts the sentence or follows a comma or a mark: “…survive,” she said.
** “If just one…” (the first quotation's opening mark missing). */
static attrib saidbefore(const ctx *c, size_t p, size_t lo) {
  tok t, end, verb = {0, 0, 0};
  size_t from, words = 0, vlen, verblen = 0;
  if (!prev(c, p, lo, &end) || !ends(c, &end)) return noattr;
  t = end;
  from = end.word ? end.from : end.to;
  while (prev(c, from, lo, &t) && t.word && !ends(c, &t)) {
    if (++words >= SAID_MAXWORDS) return noattr;
    from = t.from;
  }
  while (next(c, from, p, &t) && t.from < end.to) {
    if (t.word && (vlen = verbat(c, &t, p)) > 0) {
      verb = t;
      verblen = vlen;
    }
    from = t.to;
  }
  if (verblen == 0) return noattr;
  return withverb(c, verb, verblen, lo, p, BACK);
}

/* Attribute one quotation; 0 in *keep for a scare quote. */
static attrib attribute(ctx *c, size_t k, lede_quote *q, int cont,
                        int *keep) {
  const found *f = &c->f[k];
  size_t lo = k > 0 ? c->f[k - 1].end : c->lo;
  size_t hi = k + 1 < c->nf ? c->f[k + 1].open : c->hi;
  lead ld = before(c, f->open, lo);
  shape sh = shapeof(c, q->span.off, q->span.off + q->span.len);
  int32_t last = lastcp(c, q->span.off, q->span.off + q->span.len);
  int ended = last == '.';
  attrib after = f->unclosed ? noattr : afterq(c, f->end, hi, ended);
  attrib at;
  int term, runon = last == ',' || last == '?' || last == '!' || isdash(last) ||
              (f->end < c->hi && c->s[f->end] == ',');
  /* Jones said people weren't "walking…": a fragment; Jones said, "We…"
  ** and Jones said: "…" introduce whole sentences. */
  /* "X," the voice said, "and they…" resumes one sentence. */
  int resumed = k > 0 && ld.start == lo &&
                lastcp(c, c->f[k - 1].from, c->f[k - 1].to) == ',';
  q->partial = !f->unclosed && !resumed && ld.words > 0 && !sh.inner_end &&
               ld.intro != ':' && !(ld.intro == ',' && sh.upper) &&
               !(ld.verblast && sh.upper);
  if (!ld.at.has && !after.has) ld.at = saidbefore(c, ld.start, lo);
  if (runon && after.has) at = after;
  else if (ld.at.has) at = ld.at;
  else at = after;
  if (at.cue.len == 0 && after.cue.len > 0) at = after;
  if (at.cue.len == 0 && ld.at.cue.len > 0) at = ld.at;
  /* Terms and titles: the "caliphate", "Fake News Awards", a song called
  ** “Time In A Bottle,” are not speech unless a speech verb says so; a
  ** term as short as "seemed" needs a speaker too. */
  term = sh.words <= SCARE_MAXWORDS &&
         (q->partial || (last != '.' && last != '!' && last != '?' &&
                         last != ','));
  *keep = term ? at.cue.len > 0 : !sh.titled || at.has;
  /* A mark left open: kept when it opens a sentence ("…," said Budi
  ** Sutiono. "He thinks daddy is still at work.), else a stray mark. */
  if (f->unclosed && !cont && ld.words > 0) *keep = 0;
  return at;
}

/* The subject opening the quotation's sentence, when no attribution
** names anyone: "Hayden declined to "make a personal judgment"",
** "Cuban even said of Trump there was "no bigger ..."". Capitalised
** words (or he/she) from the sentence's start, then a lower-case word;
** the caller keeps it only when it names a known person. */
static lede_span subject(const ctx *c, size_t open) {
  lede_span none = {0, 0}, sp = {0, 0};
  size_t i = sentstart(c, open, c->lo), words = 0;
  tok t;
  if (i >= open) return none;
  if (next(c, i, open, &t) && is(c, &t, pronouns)) {
    if (!next(c, t.to, open, &t) || !t.word || upper(c, &t)) return none;
    next(c, i, open, &t);
    return word(c, &t);
  }
  while (next(c, i, open, &t) && capword(c, &t) && words < CUE_MAXWORDS) {
    sp = words++ ? join(sp, word(c, &t)) : word(c, &t);
    i = t.to;
  }
  if (words == 0 || !next(c, i, open, &t)) return none;
  if (ischar(c, &t, ',')) return sp;  /* "William Provost, who ..., told" */
  if (!t.word || upper(c, &t)) return none;
  return sp;
}

/* Whether the paragraph holds nothing but quotation k: it opens the
** paragraph and only punctuation follows its closing mark. */
static int alone(const ctx *c, size_t k) {
  const found *f = &c->f[k];
  size_t i;
  if (f->open != c->lo || c->nf != 1) return 0;
  for (i = f->end; i < c->hi; i++) {
    unsigned char ch = (unsigned char)c->s[i];
    if (ch >= 0x80 || (ch >= '0' && ch <= '9') || ((ch | 0x20) >= 'a' && (ch | 0x20) <= 'z'))
      return 0;
  }
  return 1;
}

/* Whether the paragraph ends by introducing a quotation in the next:
** "Jones said:", "She also said,", or, where the scrape lost the colon,
** a speech verb among its last words ("Merkel told the media"). */
static int introduces(const ctx *c) {
  int32_t last = lastcp(c, c->lo, c->hi);
  tok t;
  size_t i = c->hi, words = 0;
  if (last == ':' || last == ',') return 1;
  if (!lede_utf8_isalpha(last)) return 0;
  while (words < INTRO_MAXWORDS && prev(c, i, c->lo, &t) && t.word) {
    if (verbat(c, &t, c->hi) > 0) return 1;
    words++;
    i = t.from;
  }
  return 0;
}

/* The quotations of paragraph block bi (the pi-th paragraph). */
static lede_status paragraph(ctx *c, size_t bi, size_t pi) {
  lede_article *a = c->a;
  const lede_block *b = &a->blocks[bi];
  attrib carry = c->carry, colon = c->colon, prev = c->prev, inpara = noattr;
  size_t k, nb;
  int lost, cont;
  lede_status st;
  c->lo = b->span.off;
  c->hi = b->span.off + b->span.len;
  c->carry = c->colon = c->prev = noattr;
  if ((st = scan(c, 1, &lost)) != LEDE_OK) return st;
  if (lost && (st = scan(c, 0, &lost)) != LEDE_OK) return st;
  for (nb = bi + 1; nb < a->nblocks; nb++)
    if (a->blocks[nb].kind == LEDE_BLOCK_PARAGRAPH) break;
  cont = nb < a->nblocks && opens(a, &a->blocks[nb]);
  for (k = 0; k < c->nf; k++) {
    const found *f = &c->f[k];
    lede_quote q;
    attrib at;
    int keep;
    size_t from = f->from, to = f->to;
    trim(c, &from, &to);
    if (from == to) continue;
    memset(&q, 0, sizeof q);
    q.span.off = from;
    q.span.len = to - from;
    q.block = bi;
    q.paragraph = pi;
    at = attribute(c, k, &q, cont, &keep);
    if (!keep) continue;
    at = resolved(c, at, f->open);
    if (!at.has && f->open == c->lo && k == 0) at = carry.has ? carry : colon;
    /* A paragraph that is only a quotation, right after a quoted speaker,
    ** goes on quoting them: news gives the attribution once. */
    if (!at.has && prev.cue.len > 0 && alone(c, k)) at = prev;
    if (!at.has && !q.partial) {
      at = inpara;
    } else if (at.has && at.cue.len == 0 && inpara.cue.len > 0 &&
               participle(c, at.verb.off, at.verb.len)) {
      at.cue = inpara.cue;  /* "…," he said, adding: "…" */
      at.speaker = inpara.speaker;
    }
    if (at.cue.len == 0 && (q.partial || !at.has)) {
      attrib sub = noattr;
      sub.cue = subject(c, f->open);
      sub = resolved(c, sub, f->open);
      if (sub.speaker != LEDE_NONE) {
        at.has = 1;
        at.cue = sub.cue;
        at.speaker = sub.speaker;
      }
    }
    /* "…," X said. "…": the second quotation read the same attribution
    ** from before it; the first read it better from after */
    if (at.has && inpara.has && at.verb.off == inpara.verb.off &&
        at.verb.len == inpara.verb.len)
      at = inpara;
    if (at.has) inpara = at;
    q.verb = at.verb;
    q.cue = at.cue;
    q.speaker = at.has ? at.speaker : LEDE_NONE;
    if ((st = push(c, &q)) != LEDE_OK) return st;
    if (f->unclosed) c->carry = at.has ? at : noattr;
    c->prev = at.cue.len > 0 ? at : noattr;
  }
  if (introduces(c)) {
    lead ld = before(c, c->hi, c->lo);
    /* "William Provost, who police believe ..., admitted it and told
    ** officers:" names its speaker first */
    if (ld.at.has && ld.at.cue.len == 0) ld.at.cue = subject(c, c->hi);
    if (ld.at.has) c->colon = resolved(c, ld.at, c->hi);
  }
  return LEDE_OK;
}

lede_status lede_article_quotes(lede_article *a, const lede_quote **out,
                                size_t *n) {
  ctx c;
  size_t i, pi = 0;
  lede_status st = LEDE_OK;
  if (a->have_quotes) goto done;
  memset(&c, 0, sizeof c);
  c.a = a;
  c.s = a->source;
  c.carry = c.colon = noattr;
  a->nquotes = 0;
  for (i = 0; i < a->nblocks && st == LEDE_OK; i++) {
    if (a->blocks[i].kind != LEDE_BLOCK_PARAGRAPH) continue;
    st = paragraph(&c, i, pi++);
  }
  free(c.f);
  if (st != LEDE_OK) {
    a->quotes = NULL;
    a->nquotes = 0;
    *out = NULL;
    *n = 0;
    return st;
  }
  a->have_quotes = 1;
done:
  *out = a->quotes;
  *n = a->nquotes;
  return LEDE_OK;
}
