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
extern const char *const lede_lex_speech_verbs[];  /* data/speech-verbs.txt */
/* "KEY: TAG ARGS" lists of numbers.c (data/README.md). */
extern const char *const lede_lex_number_words[];   /* data/number-words.txt */
extern const char *const lede_lex_number_approx[];  /* data/number-approx.txt */
/* data/number-context.txt */
extern const char *const lede_lex_number_context[];
extern const char *const lede_lex_currencies[];     /* data/currencies.txt */
/* Sentence ends (sentences.c): data/abbreviations.txt, abbrev-titles.txt,
** abbrev-numeric.txt and sentence-starters.txt; entries match exactly. */
extern const char *const lede_lex_abbreviations[];
extern const char *const lede_lex_abbrev_titles[];
extern const char *const lede_lex_abbrev_numeric[];
extern const char *const lede_lex_sentence_starters[];
/* The entity pass's vocabulary (entities.c, mentions.c). */
extern const char *const lede_lex_titles[];        /* data/titles.txt */
extern const char *const lede_lex_titles_male[];   /* data/titles-male.txt */
extern const char *const lede_lex_titles_female[]; /* data/titles-female.txt */
extern const char *const lede_lex_roles[];         /* data/roles.txt */
extern const char *const lede_lex_org_words[];     /* data/org-words.txt */
extern const char *const lede_lex_work_words[];    /* data/work-words.txt */
extern const char *const lede_lex_place_words[];   /* data/place-words.txt */
extern const char *const lede_lex_place_heads[];   /* data/place-heads.txt */
extern const char *const lede_lex_demonyms[];      /* data/demonyms.txt */
extern const char *const lede_lex_person_verbs[];  /* data/person-verbs.txt */
extern const char *const lede_lex_function_words[];/* data/function-words.txt */
extern const char *const lede_lex_not_names[];     /* data/not-names.txt */

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
