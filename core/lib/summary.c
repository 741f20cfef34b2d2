/*
** summary.c: extractive summaries. Each body sentence becomes a tf-idf bag
** of stemmed content words; a sparse similarity graph gives it a
** centrality (LexRank), blended with a position prior; a greedy pick with
** a redundancy penalty (MMR) then ranks every sentence. Splitting and
** stemming are sentences.c's and words.c's work.
*/
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "gazetteer.h"
#include "summary.h"

/*
** Limits that keep the graph sparse, so the cost grows with the length
** and not its square: a 10 MB article is some 80,000 sentences, and the
** full graph would be 3 billion pairs.
*/
#define WINDOW 4            /* neighbours compared on each side: adjacent
                               sentences carry one thread of the story */
#define RARE_DF 32          /* a term in more sentences than this links no
                               pair by itself ("said", the subject's name
                               in a long piece): it would link everything */
#define MAX_CANDIDATES 48   /* sentences reached through rare terms, the
                               rarest terms first */
#define MAX_TERMS 128       /* distinct terms kept per sentence: more is a
                               run-on list or table, not a sentence */
#define MAX_STEPS 50        /* power-iteration steps, at most */
#define EPSILON 1e-9        /* ... fewer when the scores move less (L1) */
#define DAMPING 0.85        /* LexRank's, as in PageRank */

/*
** The blend, tuned on the 100 stories of ../shared/corpus-summ (make
** eval) with a coarse grid, not to the third decimal: the scores form a
** plateau around these values. News puts the point first, so the
** position prior carries half the weight and centrality decides among
** the early sentences. Tried and left out for no gain there: a penalty
** for questions and for sentences opening with a quote, a centroid
** score, PACSUM's directed centrality.
*/
#define POSITION_WEIGHT 0.5  /* share of the position prior in relevance */
#define POSITION_SCALE 3.0   /* the prior halves by this sentence index */
#define REDUNDANCY 0.6       /* weight of the similarity to chosen ones */
#define SHORT_WORDS 8        /* fewer words than this scale relevance down:
                                "Not yet." says little on its own */
#define LONG_WORDS 40        /* more words than this scale it down too: a
                                run-on or a list crowds out two sentences */

/* One entry of a sentence's bag. */
typedef struct {
  size_t term;    /* term id */
  double weight;  /* tf-idf weight; the bag has unit length */
} bag_entry;

/* One similarity between two sentences. */
typedef struct {
  size_t from, to;
  double sim;     /* cosine of the two bags, in (0, 1] */
} edge;

/* Scratch state of one ranking; everything is malloc'd and freed by
** ctx_free. */
typedef struct {
  size_t n;              /* sentences */
  size_t nterms;         /* distinct stems */
  size_t *bstart;        /* n + 1: sentence i's bag is bag[bstart[i]..) */
  bag_entry *bag;        /* term ids ascending within a sentence */
  size_t *df;            /* nterms: sentences holding each term */
  size_t *pstart;        /* nterms + 1: postings of each term */
  size_t *post;          /* sentence ids, ascending per term */
  edge *edges;           /* directed similarities found */
  size_t nedges, capedges;
  size_t *gstart;        /* n + 1: the graph, both directions, deduped */
  edge *graph;
  double *rel;           /* n: relevance of each sentence */
  size_t *nwords;        /* n: words per sentence */
  lede_summary_stats st;
} ctx;

static void ctx_free(ctx *c) {
  free(c->bstart); free(c->bag); free(c->df); free(c->pstart);
  free(c->post); free(c->edges); free(c->gstart); free(c->graph);
  free(c->rel); free(c->nwords);
}

/* A word that carries content: not a stopword, not a lone letter. */
static int content(const lede_word *w) {
  size_t len = strlen(w->norm);
  if (w->stem == NULL || w->stem[0] == '\0') return 0;
  if (len < 2 && !(w->norm[0] >= '0' && w->norm[0] <= '9')) return 0;
  return !lede_gaz_stopword(w->norm, len);
}

static size_t hash(const char *s) {
  size_t h = 2166136261u;  /* FNV-1a */
  for (; *s; s++) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}

/* Term ids for the content words (LEDE_NONE for the others), by an open
** addressing table over the stems; sets c->nterms. */
static lede_status intern(ctx *c, const lede_word *ws, size_t nw, size_t *ids) {
  size_t cap = 16, *slot;
  const char **key;
  while (cap < 2 * nw) cap *= 2;
  slot = calloc(cap, sizeof *slot);   /* id + 1; 0 is empty */
  key = malloc((nw + 1) * sizeof *key);
  if (slot == NULL || key == NULL) {
    free(slot); free(key);
    return LEDE_ENOMEM;
  }
  for (size_t k = 0; k < nw; k++) {
    size_t h;
    ids[k] = LEDE_NONE;
    if (ws[k].sentence >= c->n || !content(&ws[k])) continue;
    for (h = hash(ws[k].stem) & (cap - 1); slot[h]; h = (h + 1) & (cap - 1))
      if (strcmp(key[slot[h] - 1], ws[k].stem) == 0) break;
    if (!slot[h]) {
      key[c->nterms] = ws[k].stem;
      slot[h] = ++c->nterms;
    }
    ids[k] = slot[h] - 1;
  }
  free(slot); free(key);
  return LEDE_OK;
}

static int cmp_size(const void *x, const void *y) {
  size_t a = *(const size_t *)x, b = *(const size_t *)y;
  return (a > b) - (a < b);
}

/* Sentence s's raw ids [from, to) sorted, then folded into bag entries
** whose weight is the term frequency for now; returns how many. */
static size_t fold(size_t *raw, size_t from, size_t to, bag_entry *out) {
  size_t m = 0;
  qsort(raw + from, to - from, sizeof *raw, cmp_size);
  for (size_t k = from; k < to; k++) {
    if (m > 0 && out[m - 1].term == raw[k]) { out[m - 1].weight += 1; continue; }
    if (m == MAX_TERMS) continue;
    out[m].term = raw[k];
    out[m++].weight = 1;
  }
  return m;
}

/* Bags of term ids and word counts per sentence (words come in sentence
** order, but only the sentence field is trusted). */
static lede_status bags(ctx *c, const lede_word *ws, size_t nw, const size_t *ids) {
  size_t *fill = calloc(c->n + 1, sizeof *fill), *raw = malloc((nw + 1) * sizeof *raw);
  lede_status st = LEDE_ENOMEM;
  c->bstart = calloc(c->n + 1, sizeof *c->bstart);
  c->bag = malloc((nw + 1) * sizeof *c->bag);
  if (fill == NULL || raw == NULL || c->bstart == NULL || c->bag == NULL) goto fail;
  for (size_t k = 0; k < nw; k++) {
    if (ws[k].sentence >= c->n) continue;
    c->nwords[ws[k].sentence]++;
    if (ids[k] != LEDE_NONE) c->bstart[ws[k].sentence + 1]++;
  }
  for (size_t i = 0; i < c->n; i++) c->bstart[i + 1] += c->bstart[i];
  for (size_t k = 0; k < nw; k++)
    if (ws[k].sentence < c->n && ids[k] != LEDE_NONE)
      raw[c->bstart[ws[k].sentence] + fill[ws[k].sentence]++] = ids[k];
  /* Fold each sentence in place: its bag never outgrows its raw ids. */
  size_t m = 0;
  for (size_t i = 0; i < c->n; i++) {
    size_t from = c->bstart[i], to = c->bstart[i + 1];
    c->bstart[i] = m;
    m += fold(raw, from, to, c->bag + m);
  }
  c->bstart[c->n] = m;
  st = LEDE_OK;
fail:
  free(fill); free(raw);
  return st;
}

/* Document frequencies, postings and the tf-idf weights of the bags. */
static lede_status weigh(ctx *c) {
  size_t *fill;
  c->df = calloc(c->nterms + 1, sizeof *c->df);
  c->pstart = calloc(c->nterms + 1, sizeof *c->pstart);
  c->post = malloc((c->bstart[c->n] + 1) * sizeof *c->post);
  fill = calloc(c->nterms + 1, sizeof *fill);
  if (c->df == NULL || c->pstart == NULL || c->post == NULL || fill == NULL) {
    free(fill);
    return LEDE_ENOMEM;
  }
  for (size_t k = 0; k < c->bstart[c->n]; k++) c->df[c->bag[k].term]++;
  for (size_t t = 0; t < c->nterms; t++) c->pstart[t + 1] = c->pstart[t] + c->df[t];
  for (size_t i = 0; i < c->n; i++) {
    double norm = 0;
    for (size_t k = c->bstart[i]; k < c->bstart[i + 1]; k++) {
      size_t t = c->bag[k].term;
      double w = (1 + log(c->bag[k].weight)) * log((c->n + 1.0) / c->df[t]);
      c->bag[k].weight = w;
      norm += w * w;
      c->post[c->pstart[t] + fill[t]++] = i;
    }
    norm = sqrt(norm);
    for (size_t k = c->bstart[i]; k < c->bstart[i + 1]; k++)
      c->bag[k].weight = norm > 0 ? c->bag[k].weight / norm : 0;
  }
  free(fill);
  return LEDE_OK;
}

static lede_status add_edge(ctx *c, size_t from, size_t to, double sim) {
  if (c->nedges == c->capedges) {
    size_t cap = c->capedges ? 2 * c->capedges : 256;
    edge *e = realloc(c->edges, cap * sizeof *e);
    if (e == NULL) return LEDE_ENOMEM;
    c->edges = e;
    c->capedges = cap;
  }
  c->edges[c->nedges++] = (edge){from, to, sim};
  return LEDE_OK;
}

/* A rare term of a sentence, for visiting the rarest first. */
typedef struct {
  size_t df, term;
} rare_term;

static int cmp_rare(const void *x, const void *y) {
  const rare_term *a = x, *b = y;
  if (a->df != b->df) return (a->df > b->df) - (a->df < b->df);
  return (a->term > b->term) - (a->term < b->term);
}

/* The sentences compared with i: its window, then those sharing its rare
** terms, rarest first, up to MAX_CANDIDATES. mark[j] == i + 1 means
** j is taken. Returns how many were written to out. */
static size_t candidates(ctx *c, size_t i, size_t *mark, rare_term *rt, size_t *out) {
  size_t m = 0, r = 0, lo = i > WINDOW ? i - WINDOW : 0;
  mark[i] = i + 1;
  for (size_t j = lo; j <= i + WINDOW && j < c->n; j++)
    if (mark[j] != i + 1) { mark[j] = i + 1; out[m++] = j; }
  for (size_t k = c->bstart[i]; k < c->bstart[i + 1]; k++) {
    size_t t = c->bag[k].term;
    if (c->df[t] >= 2 && c->df[t] <= RARE_DF) rt[r++] = (rare_term){c->df[t], t};
  }
  qsort(rt, r, sizeof *rt, cmp_rare);
  size_t cap = m + MAX_CANDIDATES;
  for (size_t k = 0; k < r && m < cap; k++)
    for (size_t p = c->pstart[rt[k].term]; p < c->pstart[rt[k].term + 1] && m < cap; p++) {
      size_t j = c->post[p];
      if (mark[j] != i + 1) { mark[j] = i + 1; out[m++] = j; }
    }
  return m;
}

/* Cosine similarities of each sentence with its candidates: the bag of i
** is scattered into `dense`, so each candidate costs its own length. */
static lede_status similarities(ctx *c) {
  size_t *mark = calloc(c->n + 1, sizeof *mark);
  size_t *cand = malloc((2 * WINDOW + MAX_CANDIDATES + 1) * sizeof *cand);
  rare_term *rt = malloc((MAX_TERMS + 1) * sizeof *rt);
  double *dense = calloc(c->nterms + 1, sizeof *dense);
  lede_status st = LEDE_ENOMEM;
  if (mark == NULL || cand == NULL || rt == NULL || dense == NULL) goto fail;
  for (size_t i = 0; i < c->n; i++) {
    size_t m = candidates(c, i, mark, rt, cand);
    for (size_t k = c->bstart[i]; k < c->bstart[i + 1]; k++)
      dense[c->bag[k].term] = c->bag[k].weight;
    for (size_t q = 0; q < m; q++) {
      size_t j = cand[q];
      double dot = 0;
      for (size_t k = c->bstart[j]; k < c->bstart[j + 1]; k++)
        dot += dense[c->bag[k].term] * c->bag[k].weight;
      c->st.pairs++;
      if (dot > 1e-12 && add_edge(c, i, j, dot > 1 ? 1 : dot) != LEDE_OK) goto fail;
    }
    for (size_t k = c->bstart[i]; k < c->bstart[i + 1]; k++) dense[c->bag[k].term] = 0;
  }
  st = LEDE_OK;
fail:
  free(mark); free(cand); free(rt); free(dense);
  return st;
}

static int cmp_edge(const void *x, const void *y) {
  const edge *a = x, *b = y;
  return (a->to > b->to) - (a->to < b->to);
}

/* The graph as rows per sentence, each edge in both directions, a pair
** found from both ends kept once. */
static lede_status symmetrise(ctx *c) {
  size_t *fill = calloc(c->n + 1, sizeof *fill);
  c->gstart = calloc(c->n + 1, sizeof *c->gstart);
  c->graph = malloc((2 * c->nedges + 1) * sizeof *c->graph);
  if (fill == NULL || c->gstart == NULL || c->graph == NULL) {
    free(fill);
    return LEDE_ENOMEM;
  }
  for (size_t e = 0; e < c->nedges; e++) {
    c->gstart[c->edges[e].from + 1]++;
    c->gstart[c->edges[e].to + 1]++;
  }
  for (size_t i = 0; i < c->n; i++) c->gstart[i + 1] += c->gstart[i];
  for (size_t e = 0; e < c->nedges; e++) {
    edge d = c->edges[e];
    c->graph[c->gstart[d.from] + fill[d.from]++] = d;
    c->graph[c->gstart[d.to] + fill[d.to]++] = (edge){d.to, d.from, d.sim};
  }
  size_t m = 0;
  for (size_t i = 0; i < c->n; i++) {
    size_t from = c->gstart[i], to = c->gstart[i + 1];
    qsort(c->graph + from, to - from, sizeof *c->graph, cmp_edge);
    c->gstart[i] = m;
    for (size_t k = from; k < to; k++)
      if (m == c->gstart[i] || c->graph[m - 1].to != c->graph[k].to)
        c->graph[m++] = c->graph[k];
  }
  c->gstart[c->n] = m;
  c->st.edges = m;
  free(fill);
  return LEDE_OK;
}

/* LexRank: the stationary scores of a damped random walk that follows
** similarity; a sentence without edges spreads its score evenly. Leaves
** the scores in c->rel. */
static lede_status centrality(ctx *c) {
  size_t n = c->n;
  double *p = malloc(n * sizeof *p), *next = malloc(n * sizeof *next);
  double *sum = calloc(n, sizeof *sum);
  if (p == NULL || next == NULL || sum == NULL) {
    free(p); free(next); free(sum);
    return LEDE_ENOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    p[i] = 1.0 / n;
    for (size_t k = c->gstart[i]; k < c->gstart[i + 1]; k++) sum[i] += c->graph[k].sim;
  }
  for (size_t step = 0; step < MAX_STEPS; step++) {
    double lone = 0, moved = 0;
    for (size_t i = 0; i < n; i++) if (sum[i] == 0) lone += p[i];
    for (size_t i = 0; i < n; i++) next[i] = (1 - DAMPING) / n + DAMPING * lone / n;
    for (size_t i = 0; i < n; i++)
      for (size_t k = c->gstart[i]; k < c->gstart[i + 1]; k++)
        next[c->graph[k].to] += DAMPING * p[i] * c->graph[k].sim / sum[i];
    for (size_t i = 0; i < n; i++) {
      moved += fabs(next[i] - p[i]);
      p[i] = next[i];
    }
    c->st.iterations++;
    if (moved < EPSILON) break;
  }
  memcpy(c->rel, p, n * sizeof *p);
  free(p); free(next); free(sum);
  return LEDE_OK;
}

/* Relevance: centrality scaled to [0, 1], blended with the position
** prior, scaled down for short sentences. */
static void relevance(ctx *c) {
  double top = 0;
  for (size_t i = 0; i < c->n; i++) if (c->rel[i] > top) top = c->rel[i];
  for (size_t i = 0; i < c->n; i++) {
    double central = top > 0 ? c->rel[i] / top : 0;
    double prior = 1 / (1 + i / POSITION_SCALE);
    double r = POSITION_WEIGHT * prior + (1 - POSITION_WEIGHT) * central;
    if (c->nwords[i] < SHORT_WORDS) r *= (double)c->nwords[i] / SHORT_WORDS;
    if (c->nwords[i] > LONG_WORDS) r *= (double)LONG_WORDS / c->nwords[i];
    c->rel[i] = r;
  }
}

/* A candidate in the pick's max-heap. */
typedef struct {
  double score;
  size_t i;
} slot;

/* Whether a ranks above b: higher score, then earlier sentence. */
static int above(slot a, slot b) {
  return a.score > b.score || (a.score == b.score && a.i < b.i);
}

static void heap_push(slot *h, size_t *n, slot s) {
  size_t k = (*n)++;
  while (k > 0 && above(s, h[(k - 1) / 2])) { h[k] = h[(k - 1) / 2]; k = (k - 1) / 2; }
  h[k] = s;
}

static slot heap_pop(slot *h, size_t *n) {
  slot top = h[0], last = h[--*n];
  size_t k = 0;
  for (;;) {
    size_t kid = 2 * k + 1;
    if (kid >= *n) break;
    if (kid + 1 < *n && above(h[kid + 1], h[kid])) kid++;
    if (!above(h[kid], last)) break;
    h[k] = h[kid];
    k = kid;
  }
  if (*n > 0) h[k] = last;
  return top;
}

/*
** MMR: repeatedly take the sentence of best relevance minus REDUNDANCY
** times its greatest similarity to those taken. That similarity only
** grows, so a heap with lazy updates works: a popped entry whose score
** has fallen goes back in with its new score. O((n + edges) log n).
*/
static lede_status pick(ctx *c, size_t *rank) {
  size_t hn = 0, taken = 0;
  slot *h = malloc((c->n + 1) * sizeof *h);
  double *maxsim = calloc(c->n + 1, sizeof *maxsim);
  unsigned char *done = calloc(c->n + 1, 1);
  if (h == NULL || maxsim == NULL || done == NULL) {
    free(h); free(maxsim); free(done);
    return LEDE_ENOMEM;
  }
  for (size_t i = 0; i < c->n; i++) heap_push(h, &hn, (slot){c->rel[i], i});
  while (hn > 0) {
    slot s = heap_pop(h, &hn);
    double now = c->rel[s.i] - REDUNDANCY * maxsim[s.i];
    if (now < s.score) { heap_push(h, &hn, (slot){now, s.i}); continue; }
    rank[taken++] = s.i;
    done[s.i] = 1;
    for (size_t k = c->gstart[s.i]; k < c->gstart[s.i + 1]; k++) {
      size_t j = c->graph[k].to;
      if (!done[j] && c->graph[k].sim > maxsim[j]) maxsim[j] = c->graph[k].sim;
    }
  }
  free(h); free(maxsim); free(done);
  return LEDE_OK;
}

lede_status lede_summary_rank(size_t n, const lede_word *ws, size_t nw,
                              size_t *rank, lede_summary_stats *stats) {
  ctx c;
  size_t *ids = malloc((nw + 1) * sizeof *ids);
  lede_status st = LEDE_ENOMEM;
  memset(&c, 0, sizeof c);
  c.n = n;
  c.rel = calloc(n + 1, sizeof *c.rel);
  c.nwords = calloc(n + 1, sizeof *c.nwords);
  if (ids == NULL || c.rel == NULL || c.nwords == NULL) goto fail;
  if ((st = intern(&c, ws, nw, ids)) != LEDE_OK ||
      (st = bags(&c, ws, nw, ids)) != LEDE_OK ||
      (st = weigh(&c)) != LEDE_OK ||
      (st = similarities(&c)) != LEDE_OK ||
      (st = symmetrise(&c)) != LEDE_OK)
    goto fail;
  if (n > 0 && (st = centrality(&c)) != LEDE_OK) goto fail;
  relevance(&c);
  st = pick(&c, rank);
fail:
  if (stats) *stats = c.st;
  free(ids);
  ctx_free(&c);
  return st;
}

size_t lede_summary_choose(const size_t *rank, size_t n, const size_t *nwords,
                           const lede_summary_opts *o, size_t *out) {
  static const lede_summary_opts defaults = {0, 0, 0};
  size_t most, used = 0, k = 0;
  if (o == NULL) o = &defaults;
  most = o->sentences ? o->sentences : (o->words || o->ratio > 0 ? n : 3);
  if (o->ratio > 0) {
    size_t r = (size_t)floor(o->ratio * (double)n + 0.5);
    if (r < 1) r = 1;
    if (r < most) most = r;
  }
  for (size_t q = 0; q < n && k < most; q++) {
    size_t i = rank[q];
    if (o->words && used + nwords[i] > o->words) continue;
    used += nwords[i];
    out[k++] = i;
  }
  qsort(out, k, sizeof *out, cmp_size);
  return k;
}

lede_status lede_article_summary(lede_article *a, const lede_summary_opts *o,
                                 size_t *out, size_t *n) {
  const lede_sentence *ss;
  const lede_word *ws;
  size_t nss, nw, *rank = NULL, *nwords = NULL;
  lede_status st;
  if (n) *n = 0;
  if (a == NULL || out == NULL || n == NULL ||
      (o && !(o->ratio >= 0 && o->ratio <= 1)))
    return LEDE_EINVAL;
  if ((st = lede_article_sentences(a, &ss, &nss)) != LEDE_OK ||
      (st = lede_article_words(a, &ws, &nw)) != LEDE_OK)
    return st;
  rank = malloc((nss + 1) * sizeof *rank);
  nwords = calloc(nss + 1, sizeof *nwords);
  st = LEDE_ENOMEM;
  if (rank == NULL || nwords == NULL) goto fail;
  if ((st = lede_summary_rank(nss, ws, nw, rank, NULL)) != LEDE_OK)
    goto fail;
  for (size_t k = 0; k < nw; k++)
    if (ws[k].sentence < nss) nwords[ws[k].sentence]++;
  *n = lede_summary_choose(rank, nss, nwords, o, out);
fail:
  free(rank); free(nwords);
  return st;
}
