/* kept.h: the folder of kept streams (--keep-intermediate): the name of a stage's stream, and
 * the streams that an earlier run with other stages left there. */
#ifndef QUARRY_KEPT_H
#define QUARRY_KEPT_H
#include "buf.h"

#include <stddef.h>

/* The file name of the stream that the stage at INDEX (from 0), labelled LABEL, emits, into OUT
 * (emptied first): "NN-LABEL.qz". */
void kept_name(quarry_buf *out, size_t index, const char *label);

/* The kept streams in DIR (named as kept_name names them) that are none of the N file names
 * THIS_RUN: their names appended to STALE in order, ", " between them, and how many. */
size_t kept_stale(const char *dir, char *const *this_run, size_t n, quarry_buf *stale);
#endif
