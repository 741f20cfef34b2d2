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
  LEDE_EINVAL      /* a caller passed an invalid argument */
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
  LEDE_BLOCK_KIND_COUNT    /* number of kinds, not a kind */
} lede_block_kind;

/* One block. Strings are NUL-terminated, UTF-8, owned by the article. */
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
} lede_options;

/* A parsed article: opaque, owned by the caller, freed by lede_article_free. */
typedef struct lede_article lede_article;

/*
** Parse `len` bytes of `text` (need not be NUL-terminated). The input is
** copied: the caller may free its buffer afterwards. `opts` may be NULL.
** On success returns LEDE_OK and stores a new article in *out, which the
** caller frees with lede_article_free. On failure returns the error code,
** leaves *out NULL and fills *err when err is not NULL: LEDE_EEMPTY,
** LEDE_EBINARY (err->offset is the first binary byte), LEDE_ETOOBIG,
** LEDE_ENOMEM, LEDE_EINVAL (text or out is NULL).
** Invalid UTF-8 is not an error: it reads as U+FFFD in block texts, spans
** still point at the original bytes, and lede_article_warning says where.
*/
lede_status lede_parse(const char *text, size_t len, const lede_options *opts,
                       lede_article **out, lede_error *err);

/* Release an article and everything reachable from it. NULL does nothing. */
void lede_article_free(lede_article *a);

/* The article's copy of the input (NUL-terminated; *len gets its length,
** BOM included; len may be NULL). Borrowed: valid until the article is
** freed. */
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

/* Name of a block kind ("title", "image"...), or NULL for a bad value. */
const char *lede_block_kind_name(lede_block_kind kind);

/* Short English description of a status ("empty article"). Never NULL. */
const char *lede_status_string(lede_status s);

#ifdef __cplusplus
}
#endif

#endif
