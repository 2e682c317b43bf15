/* kept.h: the folder of kept streams (--keep-intermediate): the name of a stage's stream, and
 * the streams that an earlier run with other stages left there. */
#ifndef QUARRY_KEPT_H
#define QUARRY_KEPT_H
#include "buf.h"

#include <stddef.h>

/* The file name of the stream that the stage at INDEX (from 0), labelled LABEL, emits: "NN-LABEL.qz"
 * into OUT (emptied first). */
void kept_name(quarry_buf *out, size_t index, const char *label);

/* Removes from DIR the kept streams (named as kept_name names them) that are none of the N file
 * names THIS_RUN, and appends the names of those it removed to REMOVED, ", " between them.
 * Returns how many it removed. Call it once this run's streams are in place, holding the
 * folder's lock. */
size_t kept_sweep_stale(const char *dir, char *const *this_run, size_t n, quarry_buf *removed);
#endif
