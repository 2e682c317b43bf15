/* surfaces.h: the stem-to-surface table: each stem's most frequent surface form. */
#ifndef QUARRY_SURFACES_H
#define QUARRY_SURFACES_H
#include <quarry.h>
#include <stdint.h>

typedef struct surfaces surfaces;

/* A table with room for EXPECTED triples (it grows past them if needed). */
surfaces *surfaces_new(size_t expected);
void surfaces_free(surfaces *s);
/* Counts SURFACE (LEN bytes) COUNT more times for STEM (SLEN bytes). The bytes are not copied:
 * they must stay valid until surfaces_each_best has run. The same pair may come many times. */
void surfaces_add(surfaces *s, const char *stem, size_t slen, const char *surface, size_t len,
                  uint64_t count);
/* Emits one table row per stem, in byte order of the stems, into ROW's table "stems": the stem,
 * its most frequent surface form (ties: the smaller in byte order), that form's count, the
 * stem's total and how many forms it had. The rows depend on the counts only, not on the order
 * they came in, so they are the same on any thread count. */
void surfaces_each_best(surfaces *s, quarry_ctx *ctx, quarry_record *row);
/* The name of the table of those rows, and their columns (besides '_table'), in order. */
#define SURFACES_TABLE "stems"
#define SURFACES_COLUMNS 5
extern const char *const surfaces_columns[SURFACES_COLUMNS];
#endif
