/* surfaces.h: counts of the surface forms each stem was written as. */
#ifndef QUARRY_SURFACES_H
#define QUARRY_SURFACES_H
#include <quarry.h>
#include <stdint.h>

typedef struct surfaces surfaces;

surfaces *surfaces_new(void);
void surfaces_free(surfaces *s);
/* Counts SURFACE (LEN bytes) COUNT more times for STEM (SLEN bytes). */
void surfaces_add(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len,
                  uint64_t count);
/* Emits one table row per stem, in byte order of the stems, into ROW's table "stems": the stem,
 * its most frequent surface form (ties: the smaller in byte order), that form's count, the
 * stem's total and how many forms it had. Same counts, same rows, on any thread count. */
void surfaces_each_best(const surfaces *s, quarry_ctx *ctx, quarry_record *row);
#endif
