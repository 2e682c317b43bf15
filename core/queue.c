/* queue.c: bounded blocking queues of blocks; a full queue slows its producer (back-pressure). */
#include "queue.h"
#include "mem.h"

#include <pthread.h>
#include <stdlib.h>

struct queue {
    pthread_mutex_t lock;
    pthread_cond_t not_empty, not_full;
    block **ring;
    size_t capacity, head, count;
    int closed, aborted;
};

queue *queue_new(size_t capacity)
{
    queue *q = mem_calloc(1, sizeof *q);
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
    q->capacity = capacity ? capacity : 1;
    q->ring = mem_calloc(q->capacity, sizeof *q->ring);
    return q;
}

void queue_free(queue *q)
{
    if (!q)
        return;
    for (size_t i = 0; i < q->count; i++)
        block_unref(q->ring[(q->head + i) % q->capacity]);
    pthread_mutex_destroy(&q->lock);
    pthread_cond_destroy(&q->not_empty);
    pthread_cond_destroy(&q->not_full);
    free(q->ring);
    free(q);
}

int queue_push(queue *q, block *b)
{
    pthread_mutex_lock(&q->lock);
    while (q->count == q->capacity && !q->aborted)
        pthread_cond_wait(&q->not_full, &q->lock);
    if (q->aborted) {
        pthread_mutex_unlock(&q->lock);
        block_unref(b);
        return -1;
    }
    q->ring[(q->head + q->count) % q->capacity] = b;
    q->count++;
    pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
    return 0;
}

block *queue_pop(queue *q)
{
    pthread_mutex_lock(&q->lock);
    while (q->count == 0 && !q->closed && !q->aborted)
        pthread_cond_wait(&q->not_empty, &q->lock);
    block *b = NULL;
    if (!q->aborted && q->count > 0) {
        b = q->ring[q->head];
        q->head = (q->head + 1) % q->capacity;
        q->count--;
        pthread_cond_signal(&q->not_full);
    }
    pthread_mutex_unlock(&q->lock);
    return b;
}

void queue_close(queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->closed = 1;
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

void queue_abort(queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->aborted = 1;
    pthread_cond_broadcast(&q->not_empty);
    pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->lock);
}
