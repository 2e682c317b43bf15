/* surfaces.h: counts of the surface forms each stem was written as. */
#ifndef QUARRY_SURFACES_H
#define QUARRY_SURFACES_H
#include <quarry.h>
#include <stdint.h>

typedef struct surfaces surfaces;

surfaces *surfaces_new(void);
void surfaces_free(surfaces *s);
/* The id of the pair (STEM, SURFACE), added with a count of 0 if new. */
uint32_t surfaces_pair(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len);
/* Counts pair PAIR COUNT more times. */
void surfaces_count(surfaces *s, uint32_t pair, uint64_t count);
/* The stem of pair PAIR. */
const char *surfaces_stem(const surfaces *s, uint32_t pair, size_t *len);
/* Adds every count of FROM to INTO. */
void surfaces_merge(surfaces *into, const surfaces *from);
/* Emits one table row per stem, in byte order of the stems, into ROW's table "stems": the stem,
 * its most frequent surface form (ties: the smaller in byte order), that form's count, the
 * stem's total and how many forms it had. Same counts, same rows, on any thread count. */
void surfaces_each_best(const surfaces *s, quarry_ctx *ctx, quarry_record *row);
#endif
