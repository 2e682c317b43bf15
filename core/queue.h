/* queue.h: bounded blocking queues of blocks, the edges between stage threads. */
#ifndef QUARRY_QUEUE_H
#define QUARRY_QUEUE_H
#include "block.h"

typedef struct queue queue;

queue *queue_new(size_t capacity);
void queue_free(queue *q);  /* unreferences any blocks still queued */
/* Hands one reference of B to the queue, waiting while it is full.
 * Returns -1 (and drops the reference) if the queue was aborted. */
int queue_push(queue *q, block *b);
/* The next block (the caller owns a reference), or NULL once closed and drained, or aborted. */
block *queue_pop(queue *q);
void queue_close(queue *q);  /* no more pushes: consumers drain, then get NULL */
void queue_abort(queue *q);  /* wakes everyone; pushes and pops fail from now on */
#endif
