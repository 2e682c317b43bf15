/* facts.h: what a stage's output depends on besides its code and parameters, for its
 * fingerprint: the shared libraries it calls. */
#ifndef QUARRY_FACTS_H
#define QUARRY_FACTS_H
#include <quarry.h>

/* From open(): the bytes of the shared object that holds SYMBOL (a function of a library the
 * stage calls: utf8proc's tables, Snowball's stemmers) join the stage's fingerprint, so that a
 * state folder's kept outputs and caches stand only while that library is the same. */
void facts_library(quarry_ctx *ctx, const void *symbol);
#endif
