/*
** lede.h: the public API of liblede, the article core.
** Parses a news article (UTF-8 plain text) into typed blocks, each with its
** byte span in the original input. Pure C11; knows nothing about Lua.
*/
#ifndef LEDE_H
#define LEDE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LEDE_VERSION "0.1.0"

/* Status codes. LEDE_OK is 0; every other value is an error. */
typedef enum {
  LEDE_OK = 0,     /* success */
  LEDE_ENOMEM,     /* an allocation failed */
  LEDE_EEMPTY,     /* the input is empty or holds only whitespace */
  LEDE_EBINARY,    /* the input holds binary data (NUL or control bytes) */
  LEDE_ETOOBIG,    /* the input is larger than lede_options.max_input */
  LEDE_EINVAL,     /* a caller passed an invalid argument */
  LEDE_EENCODING   /* the input is UTF-16: convert it (lede_text_to_utf8) */
} lede_status;

/* Length of lede_error.message, NUL included: a message never allocates. */
#define LEDE_ERROR_MAX 160

/* Filled by a failing call when the caller passes one (NULL is allowed). */
typedef struct {
  lede_status code;              /* what went wrong */
  size_t offset;                 /* byte offset in the input it concerns, or 0 */
  char message[LEDE_ERROR_MAX];  /* lower case, no final period */
} lede_error;

/* A stretch of the original input: 0-based offset, length in bytes. */
typedef struct {
  size_t off;  /* first byte */
  size_t len;  /* number of bytes; 0 for an empty span */
} lede_span;

/* What a block of the article is. */
typedef enum {
  LEDE_BLOCK_TITLE,        /* the headline */
  LEDE_BLOCK_SUBTITLE,     /* the dek or standfirst under the headline */
  LEDE_BLOCK_IMAGE,        /* a photo caption, credit split off */
  LEDE_BLOCK_PARAGRAPH,    /* body text */
  LEDE_BLOCK_BYLINE,       /* an author line */
  LEDE_BLOCK_BIO,          /* the author's biography */
  LEDE_BLOCK_BOILERPLATE,  /* sign-ups, share prompts, related lists, copyright */
  LEDE_BLOCK_HEADING,      /* a heading inside the body (structured input) */
  LEDE_BLOCK_LIST_ITEM,    /* an item of a list in the body (structured input) */
  LEDE_BLOCK_KIND_COUNT    /* number of kinds, not a kind */
} lede_block_kind;

/* One block. Strings are NUL-terminated, UTF-8, owned by the article;
** but see lede_options.borrow for a paragraph's text. */
typedef struct {
  lede_block_kind kind;  /* what it is */
  const char *text;      /* whitespace-normalised text; for an image, the caption */
  size_t text_len;       /* bytes in text, NUL excluded */
  const char *credit;    /* image credit ("Getty Images"), or NULL */
  size_t line;           /* 1-based line of its first byte */
  lede_span span;        /* its raw bytes in the input */
} lede_block;

/* One author, as read from the byline and bio. */
typedef struct {
  const char *name;         /* as a reader would write it ("Natalie Johnson") */
  const char *bio;          /* the biography, or NULL */
  const char *const *links; /* link labels from the byline ("Email", "RSS") */
  size_t nlinks;            /* number of links */
} lede_author;

/* Options for lede_parse; zero-initialise, then set what you need. */
typedef struct {
  size_t max_input;  /* refuse inputs larger than this; 0 means no limit */
  int allow_empty;   /* nonzero: an empty or blank input is an article
                        with no blocks, not LEDE_EEMPTY */
  int borrow;        /* nonzero: lede_parse does not copy the input. The
                        caller keeps the buffer alive and unchanged until
                        lede_article_free; lede_article_source returns it;
                        and a paragraph whose clean text is its raw bytes
                        gets a text pointing into it, NOT NUL-terminated
                        (read text_len bytes). Saves the copy of the input
                        and of most paragraphs (the Lua binding sets it,
                        keeping its string alive). lede_article_build
                        ignores it */
} lede_options;

/* A parsed article: opaque, owned by the caller, freed by lede_article_free. */
typedef struct lede_article lede_article;

/*
** Parse `len` bytes of `text` (need not be NUL-terminated). The input is
** copied, so the caller may free its buffer afterwards, unless opts->borrow
** is set (see lede_options). `opts` may be NULL.
** On success returns LEDE_OK and stores a new article in *out, which the
** caller frees with lede_article_free. On failure returns the error code,
** leaves *out NULL and fills *err when err is not NULL: LEDE_EEMPTY,
** LEDE_EBINARY (err->offset is the first binary byte), LEDE_ETOOBIG,
** LEDE_EENCODING (a UTF-16 byte order mark: see lede_text_to_utf8),
** LEDE_ENOMEM, LEDE_EINVAL (text or out is NULL).
** Invalid UTF-8 is not an error: it reads as U+FFFD in block texts, spans
** still point at the original bytes, and lede_article_warning says where.
*/
lede_status lede_parse(const char *text, size_t len, const lede_options *opts,
                       lede_article **out, lede_error *err);

/* A block that a reader of structured input (YAML, JSON, Markdown) has
** already classified. */
typedef struct {
  lede_block_kind kind;  /* what it is */
  const char *text;      /* UTF-8; for an image, the caption */
  size_t text_len;       /* bytes in text */
  const char *credit;    /* an image's credit, NUL-terminated, or NULL */
} lede_block_input;

/*
** Build an article from classified blocks and authors instead of parsing
** text. The article's source is made from them: block texts in order,
** separated by blank lines, an image as "caption / credit", then, unless a
** block is a byline or bio, each author's "By NAME" line and bio (these
** are not blocks); every span points into that
** source, so queries and writers work as on a parsed article. Authors'
** strings are copied. Errors as lede_parse: LEDE_EEMPTY when no block has
** text, LEDE_EBINARY, LEDE_ETOOBIG, LEDE_EINVAL for a bad kind or NULL.
*/
lede_status lede_article_build(const lede_block_input *blocks, size_t n,
                               const lede_author *authors, size_t nauthors,
                               const lede_options *opts, lede_article **out,
                               lede_error *err);

/* Markdown (CommonMark, parsed by cmark) as classified blocks: paragraphs,
** headings, list items, code and HTML blocks as paragraphs, and an image
** alone in a paragraph as an image (alt text the caption, title the
** credit). A YAML front matter must be cut off first. On success *out is a
** new array of *n blocks (NULL and 0 for none) that the caller frees with
** lede_blocks_free; LEDE_ENOMEM or LEDE_EINVAL (md NULL) otherwise. */
lede_status lede_markdown_blocks(const char *md, size_t len,
                                 lede_block_input **out, size_t *n);

/* Free blocks from lede_markdown_blocks, texts and credits included. */
void lede_blocks_free(lede_block_input *blocks, size_t n);

/* Release an article and everything reachable from it. NULL does nothing. */
void lede_article_free(lede_article *a);

/* The article's copy of the input (NUL-terminated; *len gets its length,
** BOM included; len may be NULL). Borrowed: valid until the article is
** freed. With lede_options.borrow, the caller's buffer itself. */
const char *lede_article_source(const lede_article *a, size_t *len);

/* The blocks in source order; *n gets their number. Borrowed. */
const lede_block *lede_article_blocks(const lede_article *a, size_t *n);

/* The authors in byline order; *n gets their number. Borrowed. */
const lede_author *lede_article_authors(const lede_article *a, size_t *n);

/* The first block of a kind, or NULL when the article has none. Borrowed. */
const lede_block *lede_article_first(const lede_article *a,
                                     lede_block_kind kind);

/* A warning about the input (invalid UTF-8 at byte N), or NULL when there
** is none; *offset, when not NULL, gets the byte it names. Borrowed. */
const char *lede_article_warning(const lede_article *a, size_t *offset);

/* ------------------------------------------------------------------ */
/* Queries. Each is computed on its first call and cached on the article,
** so the article is not const here; one article must not be queried from
** two threads at once (different articles may). The arrays returned are
** borrowed: valid until the article is freed. On failure (LEDE_ENOMEM
** only) *out is NULL and *n is 0. Indices are 0-based; LEDE_NONE marks
** "no such item" (a quote with no speaker, a mention outside a paragraph). */

#define LEDE_NONE ((size_t)-1)

/* A sentence of the body (paragraph blocks only). */
typedef struct {
  lede_span span;    /* its bytes, outer whitespace trimmed */
  size_t block;      /* index of its block in lede_article_blocks */
  size_t paragraph;  /* index among the paragraph blocks */
} lede_sentence;

/* A word of the body. Tokens are letters and digits with inner joiners:
** "U.S.-led", "al-Abadi", "weren't", "2,500", "3.5" are one token each. */
typedef struct {
  lede_span span;    /* its bytes */
  const char *norm;  /* NFKC case-folded form ("weren't" with ' for ’) */
  const char *stem;  /* English Snowball stem of norm */
  size_t sentence;   /* index in lede_article_sentences */
} lede_word;

/* What kind of thing an entity is. */
typedef enum {
  LEDE_ENTITY_PERSON,
  LEDE_ENTITY_PLACE,
  LEDE_ENTITY_ORGANIZATION,
  LEDE_ENTITY_KIND_COUNT  /* number of kinds, not a kind */
} lede_entity_kind;

/* One place in the text that names an entity. */
typedef struct {
  lede_span span;    /* the words that name it ("Jones", "ISIS") */
  size_t block;      /* its block */
  size_t paragraph;  /* its paragraph, or LEDE_NONE outside the body */
} lede_mention;

/* A person, place or organisation, its mentions merged. */
typedef struct {
  lede_entity_kind kind;
  const char *name;              /* canonical, fullest form ("Rupert Jones") */
  const char *const *aliases;    /* other forms seen ("Jones") */
  size_t naliases;
  const char *const *roles;      /* titles and roles ("Maj. Gen.") */
  size_t nroles;
  const lede_mention *mentions;  /* in source order */
  size_t nmentions;
} lede_entity;

/* A direct quotation. */
typedef struct {
  lede_span span;     /* the quoted words, quote marks excluded */
  lede_span verb;     /* the speech verb ("said"), len 0 when none */
  lede_span cue;      /* who, as written ("he", "Jones"), len 0 when none */
  size_t speaker;     /* index in lede_article_entities(a, 0, ...): the
                         person (or, for "noted the institute", the
                         organisation) the cue names, or LEDE_NONE */
  size_t block;       /* its block */
  size_t paragraph;   /* its paragraph */
  int partial;        /* a fragment inside a sentence, not a whole one */
} lede_quote;

/* What a number counts. */
typedef enum {
  LEDE_NUMBER_CARDINAL,  /* 2,500 fighters; two; several thousand */
  LEDE_NUMBER_ORDINAL,   /* No. 2; second; 3rd */
  LEDE_NUMBER_YEAR,      /* 2016 */
  LEDE_NUMBER_PERCENT,   /* 40%, 40 percent */
  LEDE_NUMBER_MONEY,     /* $3.2 million */
  LEDE_NUMBER_KIND_COUNT /* number of kinds, not a kind */
} lede_number_kind;

/* A number as a reader understands it. */
typedef struct {
  lede_span span;         /* its words ("5,000 to 10,000 fighters" minus unit) */
  lede_number_kind kind;
  double value;           /* the number; for a range, its low end */
  double min, max;        /* equal to value unless a range or approximate */
  int approximate;        /* "several thousand", "about 300" */
  const char *unit;       /* counted noun ("fighters"), currency ("USD"),
                             or NULL */
  size_t sentence;        /* index in lede_article_sentences */
  size_t paragraph;       /* its paragraph */
} lede_number;

/* A key term of the article and its weight (higher is more central). */
typedef struct {
  const char *term;  /* a word or phrase as it reads in the text */
  double score;
} lede_keyword;

lede_status lede_article_sentences(lede_article *a, const lede_sentence **out,
                                   size_t *n);
lede_status lede_article_words(lede_article *a, const lede_word **out,
                               size_t *n);
/* The body and the image captions (not their credits); `all` nonzero
** also reads the furniture (title, dek, credits, bylines, bios). The two
** answers are cached apart. */
lede_status lede_article_entities(lede_article *a, int all,
                                  const lede_entity **out, size_t *n);
lede_status lede_article_quotes(lede_article *a, const lede_quote **out,
                                size_t *n);
lede_status lede_article_numbers(lede_article *a, const lede_number **out,
                                 size_t *n);
/* Sorted by score, highest first. */
lede_status lede_article_keywords(lede_article *a, const lede_keyword **out,
                                  size_t *n);

/* Options for lede_article_summary; zero-initialise, then set what you
** need. Every limit set applies, so the tightest one wins. */
typedef struct {
  size_t sentences;  /* at most this many sentences; 0 means 3 when words
                        and ratio are 0 too, else no count limit */
  size_t words;      /* at most this many words in all (lede_article_words
                        tokens); a sentence that would overflow is passed
                        over for a shorter, lower-ranked one; 0: no budget */
  double ratio;      /* at most this fraction of the body's sentences,
                        rounded, at least 1; 0: none; must be in [0, 1] */
} lede_summary_opts;

/*
** An extractive summary of the body: the most central sentences, with a
** prior for the first ones (news puts the point first) and a penalty for
** repeating what is already chosen. Deterministic; cost near-linear in
** the article's length. out must have room for as many indices as
** lede_article_sentences gives; *n gets how many were written: indices
** into lede_article_sentences, in article order. `o` may be NULL for the
** defaults. Returns LEDE_OK, LEDE_ENOMEM, or LEDE_EINVAL when a, out or n
** is NULL or o->ratio is outside [0, 1]; on failure *n is 0 (when n is
** not NULL). Nothing is cached: each call ranks afresh.
*/
lede_status lede_article_summary(lede_article *a, const lede_summary_opts *o,
                                 size_t *out, size_t *n);

/* Callback for the walks below: a nonzero return stops the walk. */
typedef int (*lede_span_fn)(void *ud, lede_span span);

/* Phrase search over the body. By default case and accents are ignored
** ("cafe" finds "Café") and whitespace runs match any whitespace; flags
** tighten it. Calls fn once per hit in source order with its span. */
#define LEDE_FIND_CASE        1  /* case must match */
#define LEDE_FIND_ACCENTS     2  /* accents must match */
#define LEDE_FIND_WHOLE_WORDS 4  /* hits start and end at word boundaries */
lede_status lede_article_find(lede_article *a, const char *query, size_t qlen,
                              int flags, lede_span_fn fn, void *ud);

/* Copy len bytes of s to out as clean text: whitespace runs become one
** space, the ends are trimmed, invalid UTF-8 becomes U+FFFD. out must have
** room for 3 * len bytes; it is not NUL-terminated. Returns the bytes
** written. The text fields of queried items are this of their span. */
size_t lede_text_clean(const char *s, size_t len, char *out);

/* Columns s takes in a terminal: wide (CJK) characters count 2,
** combining marks and controls 0, invalid bytes 1 (as U+FFFD). */
size_t lede_text_width(const char *s, size_t len);

/* Name of an entity or number kind ("person", "money"), or NULL. */
const char *lede_entity_kind_name(lede_entity_kind kind);
const char *lede_number_kind_name(lede_number_kind kind);

/* The splitters on any text (not an article). Each calls fn once per item,
** in order, with spans relative to s; a nonzero return from fn stops the
** walk early. Strings passed to fn are valid during the call only. */
typedef int (*lede_word_fn)(void *ud, const lede_word *w);
lede_status lede_text_sentences(const char *s, size_t len, lede_span_fn fn,
                                void *ud);
lede_status lede_text_words(const char *s, size_t len, lede_word_fn fn,
                            void *ud);

/* Name of a block kind ("title", "image"...), or NULL for a bad value. */
const char *lede_block_kind_name(lede_block_kind kind);

/* Encodings lede_text_encoding tells apart. */
typedef enum {
  LEDE_ENCODING_UTF8,     /* UTF-8, possibly with invalid bytes: no change */
  LEDE_ENCODING_UTF16LE,  /* starts with the byte order mark FF FE */
  LEDE_ENCODING_UTF16BE,  /* starts with the byte order mark FE FF */
  LEDE_ENCODING_CP1252    /* Windows-1252 (and so Latin-1) text: high bytes
                             that never form a UTF-8 sequence */
} lede_encoding;

/* Guess the encoding of len bytes of s. Only a byte order mark makes
** UTF-16; Windows-1252 needs bytes that are invalid as UTF-8, no valid
** multi-byte UTF-8 sequence anywhere, no byte undefined in Windows-1252
** (81 8D 8F 90 9D) nor FF, and more than a sequence cut at the end. */
lede_encoding lede_text_encoding(const char *s, size_t len);

/* Name of an encoding ("UTF-16LE", "Windows-1252"), or NULL. */
const char *lede_encoding_name(lede_encoding e);

/* Convert len bytes of s from `from` to UTF-8 (a UTF-16 byte order mark is
** dropped, an unpaired surrogate becomes U+FFFD). On success *out is a new
** NUL-terminated buffer the caller frees with free(), *outlen its length.
** Returns LEDE_OK, LEDE_ENOMEM or LEDE_EINVAL (NULL pointers, a bad
** `from`); from LEDE_ENCODING_UTF8 copies the bytes unchanged. */
lede_status lede_text_to_utf8(const char *s, size_t len, lede_encoding from,
                              char **out, size_t *outlen, lede_error *err);

/* Short English description of a status ("empty article"). Never NULL. */
const char *lede_status_string(lede_status s);

#ifdef __cplusplus
}
#endif

#endif
