/*
** text.h: the text passes shared between sentences.c, words.c, find.c and
** keywords.c (internal). Other passes (quotes, numbers) may walk sentences
** and words through these too.
*/
#ifndef LEDE_TEXT_H
#define LEDE_TEXT_H

#include <stdint.h>

#include "article.h"

/* Walk the sentences of s (len bytes): calls fn once per sentence with its
** span (trimmed, never empty) shifted by `base`. A blank line always ends a
** sentence. Allocates nothing; returns the nonzero value fn returned to
** stop the walk, or 0. */
int lede_sentences_walk(const char *s, size_t len, size_t base,
                        lede_span_fn fn, void *ud);

/* Whether cp continues a word: a letter, a digit or a combining mark. */
int lede_words_char(int32_t cp);

/* Whether s (len bytes, folded as lede_word.norm) is a stopword; keywords
** take it as a parameter so tests can run without the gazetteer. */
typedef int (*lede_stop_fn)(const char *s, size_t len);

/* The keywords of a, scored as keywords.c explains, highest first; strings
** and the array live in a's arena. LEDE_ENOMEM on failure. */
lede_status lede_keywords_rank(lede_article *a, lede_stop_fn stop,
                               lede_keyword **out, size_t *n);

#endif
