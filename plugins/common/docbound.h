/* docbound.h: the warning of a stage that pruned one document's rarest terms (max-doc-terms). */
#ifndef QUARRY_DOCBOUND_H
#define QUARRY_DOCBOUND_H
#include <quarry.h>
#include <stdint.h>

/* Warns that document REC (named by its id) went past max-doc-terms (MAX): PRUNED of its rare
 * WHAT ("n-grams", "phrases") were dropped, those seen at most FLOOR times by then. */
void docbound_warn(quarry_ctx *ctx, const quarry_record *rec, const char *what, uint64_t max,
                   uint64_t pruned, uint64_t floor);
#endif
