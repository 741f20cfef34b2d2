/*
** summary.h: the summariser on plain arrays of sentences and words, so it
** can be tested without an article (internal; lede_article_summary in
** lede.h is the public face).
*/
#ifndef LEDE_SUMMARY_H
#define LEDE_SUMMARY_H

#include "lede.h"

/* What one ranking cost, in units that do not depend on the machine:
** the linear-cost guard of the tests counts these. */
typedef struct {
  size_t pairs;       /* sentence pairs whose similarity was computed */
  size_t edges;       /* nonzero similarities kept in the graph */
  size_t iterations;  /* power-iteration steps of the centrality */
} lede_summary_stats;

/*
** Rank n sentences for a summary: rank[0..n) gets every index 0..n-1,
** best first, in the order the redundancy-aware greedy pick takes them,
** so the best k sentences are always rank[0..k). The sentences are known
** by their words: ws (nw words; one whose sentence field is n or more is
** ignored) gives each one's stems and length; sentence 0 is the first of
** the body. stats, when not NULL, is filled. Returns LEDE_OK or
** LEDE_ENOMEM (rank then holds nothing useful).
*/
lede_status lede_summary_rank(size_t n, const lede_word *ws, size_t nw,
                              size_t *rank, lede_summary_stats *stats);

/*
** Pick sentences from a ranking of n under the options (NULL means the
** defaults); nwords[i] is the word count of sentence i. Writes the chosen
** indices to out in article order and returns how many.
*/
size_t lede_summary_choose(const size_t *rank, size_t n, const size_t *nwords,
                           const lede_summary_opts *o, size_t *out);

#endif
