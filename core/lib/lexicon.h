/*
** lexicon.h: the word lists in data/, compiled in (internal).
** scripts/tools/embed-data.sh turns each list into a NULL-terminated array.
*/
#ifndef LEDE_LEXICON_H
#define LEDE_LEXICON_H

#include <stddef.h>

extern const char *const lede_lex_promo[];         /* data/promo.txt */
extern const char *const lede_lex_links[];         /* data/links.txt */
extern const char *const lede_lex_outlet_words[];  /* data/outlet-words.txt */
extern const char *const lede_lex_bio_roles[];     /* data/bio-roles.txt */
extern const char *const lede_lex_credit_words[];  /* data/credit-words.txt */
extern const char *const lede_lex_datetime[];      /* data/datetime.txt */
/* Sentence ends (sentences.c): data/abbreviations.txt, abbrev-titles.txt,
** abbrev-numeric.txt and sentence-starters.txt; entries match exactly. */
extern const char *const lede_lex_abbreviations[];
extern const char *const lede_lex_abbrev_titles[];
extern const char *const lede_lex_abbrev_numeric[];
extern const char *const lede_lex_sentence_starters[];

/* Whether s (len bytes) equals an entry of list, ignoring ASCII case. */
int lede_lex_is(const char *const *list, const char *s, size_t len);

/* Length of the longest entry of list that s starts with, ending at a word
** boundary of s; 0 when none does. */
size_t lede_lex_prefix(const char *const *list, const char *s, size_t len);

/* Whether some entry of list occurs in s as whole words. */
int lede_lex_contains(const char *const *list, const char *s, size_t len);

/* Whether a line of `words` words is page furniture by data/promo.txt. */
int lede_lex_promo_line(const char *s, size_t len, size_t words);

#endif
