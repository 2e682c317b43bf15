/* surface.h: how a document's phrase is shown (surface.c). */
#ifndef QUARRY_SURFACE_H
#define QUARRY_SURFACE_H
#include "candidates.h"

/* The most frequent surface form of candidate ID in T without an English possessive ending,
 * into OUT: counted inside sentences, as a sentence's first word is capitalised whatever it
 * is; occurrences at a sentence's start, then the first seen, break ties. A form found only in
 * a headline in capitals is written as D's casings say the corpus writes its words. A last
 * word that the corpus writes capitalised with its "'s" nearly always keeps it, as part of a
 * name (D's possessives: "Moody's", "Standard and Poor's"). Needs a build with KW_BUILD_WORDS. */
void kw_doc_surface(kw_doc *d, const kw_tokens *t, uint32_t id, quarry_buf *out);

/* Counts into POSSESSIVES (stem -> uint32_t) the words of D, built from T with KW_BUILD_CASE,
 * written capitalised with an English possessive ending where their case is told ("Moody's
 * said"), for kw_doc_surface. Past MAX_WORDS words the rarest are pruned; returns how many. */
uint64_t kw_possessives_count(intern *possessives, const kw_doc *d, const kw_tokens *t, size_t max_words);
#endif
