/* progress.h: a progress line on the terminal, redrawn a few times a second by a thread of its
 * own from what a callback says, and only when a person is watching (log_progress_wanted). */
#ifndef QUARRY_PROGRESS_H
#define QUARRY_PROGRESS_H
#include "quarry.h"

typedef struct progress progress;

/* Appends the current state to LINE; called from the progress thread. */
typedef void (*progress_describe)(void *arg, quarry_buf *line);

/* Starts redrawing every INTERVAL_MS; NULL (and nothing shown) when nobody is watching. */
progress *progress_start(int interval_ms, progress_describe describe, void *arg);
/* Stops the thread and clears the line; P may be NULL. */
void progress_stop(progress *p);
#endif
