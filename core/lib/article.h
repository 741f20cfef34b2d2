/*
** article.h: the article struct and the passes that fill it (internal).
*/
#ifndef LEDE_ARTICLE_H
#define LEDE_ARTICLE_H

#include "lede.h"
#include "arena.h"
#include "source.h"

struct lede_article {
  lede_arena arena;        /* owns everything below */
  const char *source;      /* the input: `own`, or the caller's buffer when
                              lede_options.borrow was set */
  char *own;               /* the article's copy of the input, NUL-terminated
                              (build.c writes it); NULL when borrowed */
  int borrowed;            /* source is the caller's: paragraph texts may
                              point into it */
  size_t len;              /* bytes in source */
  size_t bom;              /* length of a leading BOM, 0 or 3 */
  lede_line *lines;        /* line index */
  size_t nlines;
  lede_block *blocks;      /* in source order */
  size_t nblocks;
  lede_author *authors;    /* in byline order */
  size_t nauthors;
  int has_warning;         /* warning below is set */
  size_t warning_off;      /* byte the warning names */
  char warning[LEDE_ERROR_MAX];
  /* Query caches: filled on the first call, then handed out as is. */
  int have_sentences, have_words, have_quotes, have_numbers, have_keywords;
  int have_entities[2];            /* [0] body, [1] with furniture */
  lede_sentence *sentences;
  size_t nsentences;
  lede_word *words;
  size_t nwords;
  lede_entity *entities[2];
  size_t nentities[2];
  struct lede_entity_index *entity_index;  /* for lede_entities_resolve */
  lede_quote *quotes;
  size_t nquotes;
  lede_number *numbers;
  size_t nnumbers;
  lede_keyword *keywords;
  size_t nkeywords;
};

/* Segment and classify the article's lines into blocks (blocks.c). */
lede_status lede_blocks_parse(lede_article *a);

/* Read authors off byline and bio blocks (names.c). */
lede_status lede_authors_collect(lede_article *a);

/* Bytes of a person's name at the start of s (2 to 5 capitalised words,
** initials and particles allowed), ending at a word boundary; 0 if none. */
size_t lede_name_prefix(const char *s, size_t len);

/* Whether all of s is a person's name. */
int lede_name_is(const char *s, size_t len);

/* Whether s reads as an author line ("By A and B", "Posted by A on ...",
** "-- A", "A  Email A | Full Bio | RSS"). */
int lede_name_byline(const char *s, size_t len, size_t words);

/* The person entity a speaker cue names (entities.c): a full name, a
** surname or another alias of a person of lede_article_entities(a, 0); for
** a pronoun ("he", "she", "they") the most recent person of a compatible
** sex mentioned before byte `before`. LEDE_NONE when none fits. */
size_t lede_entities_resolve(lede_article *a, lede_span cue, size_t before);

#endif
