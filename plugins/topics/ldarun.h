/* ldarun.h: the LDA method of the topics stage: the vocabulary and documents gathered in the
 * observe pass, training once, each document's proportions, the topics table and the model
 * file. */
#ifndef QUARRY_LDARUN_H
#define QUARRY_LDARUN_H
#include <quarry.h>

typedef struct ldarun ldarun;

/* From the stage's parameters; NULL after quarry_fail (a bad model file, say). */
ldarun *ldarun_open(quarry_ctx *ctx);
void ldarun_close(ldarun *r);
/* Whether the run needs the observe pass (training; a loaded model does not). */
int ldarun_needs_corpus(const ldarun *r);
int ldarun_observe(ldarun *r, quarry_ctx *ctx, const quarry_record *rec);
/* Trains on the first call (once, whichever worker gets there), then adds REC's topic
 * proportions. */
int ldarun_process(ldarun *r, quarry_ctx *ctx, quarry_record *rec);
/* The topics table, the coherence figures and the saved model. */
int ldarun_finish(ldarun *r, quarry_ctx *ctx);
/* The name of the table of topics that finish emits. */
#define LDARUN_TABLE "lda"
#endif
