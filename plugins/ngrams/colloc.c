/* colloc.c: collocation scores (PMI, NPMI, Dunning's G^2, t-score) of an n-gram. */
#include "colloc.h"

#include <math.h>

/* One cell of G^2: O ln(O / E), 0 when nothing was observed. */
static double colloc_cell(double observed, double expected)
{
    return observed > 0 && expected > 0 ? observed * log(observed / expected) : 0;
}

colloc_scores colloc_score(uint64_t count, uint64_t windows, const uint64_t *word_counts, size_t n,
                           uint64_t tokens, uint64_t prefix_count, uint64_t prefix_windows)
{
    colloc_scores s = {0, 0, 0, 0};
    if (!count || !windows || !tokens || !n)
        return s;
    double p = (double)count / (double)windows;
    double independent = 1; /* prod P(w_i) */
    for (size_t i = 0; i < n; i++)
        independent *= (double)word_counts[i] / (double)tokens;
    s.pmi = independent > 0 ? log2(p / independent) : 0;
    /* PMI is at most -(n-1) log2 P(g), reached when the words occur only together: dividing by
     * that keeps NPMI within [-1, 1] for every n. */
    s.npmi = p < 1 ? s.pmi / (-log2(p) * (double)(n > 1 ? n - 1 : 1)) : 1;
    /* There are fewer n-gram positions than tokens (sentence ends), which can lift the ratio
     * a hair past its bounds. */
    s.npmi = s.npmi > 1 ? 1 : s.npmi < -1 ? -1 : s.npmi;
    double expected = (double)windows * independent;
    s.t = ((double)count - expected) / sqrt((double)count);
    /* G^2 over a 2x2 table: does the prefix (the first n-1 words) predict the last word? The
     * table is scaled to WINDOWS positions: the prefix's and the last word's shares of their
     * own populations are carried over. */
    double total = (double)windows;
    double a = (double)prefix_count / (double)prefix_windows * total; /* prefix, any next */
    double b = (double)word_counts[n - 1] / (double)tokens * total;  /* any, last word */
    double o11 = (double)count, o12 = a - o11, o21 = b - o11, o22 = total - o11 - o12 - o21;
    if (o12 < 0)
        o12 = 0;
    if (o21 < 0)
        o21 = 0;
    if (o22 < 0)
        o22 = 0;
    double r1 = o11 + o12, r2 = o21 + o22, c1 = o11 + o21, c2 = o12 + o22, all = r1 + r2;
    s.llr = 2 * (colloc_cell(o11, r1 * c1 / all) + colloc_cell(o12, r1 * c2 / all) +
                 colloc_cell(o21, r2 * c1 / all) + colloc_cell(o22, r2 * c2 / all));
    return s;
}
