/* harness.h: what `quarry test-stage` asks of the harness beyond quarry.h: the records a stage
 * has emitted and rejected so far, taken as they come, so that its output streams. */
#ifndef QUARRY_HARNESS_H
#define QUARRY_HARNESS_H
#include "quarry.h"

/* Called with each record taken: REASON is NULL for an emitted one, else why it was rejected. */
typedef void (*harness_take_fn)(void *arg, const quarry_record *rec, const char *reason);

/* Calls TAKE with each record H emitted since the last call, in order, then with each it
 * rejected, and lets them go: quarry_harness_output_count and quarry_harness_reject_count
 * start again from 0. */
void harness_take(quarry_harness *h, harness_take_fn take, void *arg);

/* The exit status for a failed quarry_harness_open of H: the one the stage's open chose
 * (quarry_fail), as a run exits with it; EX_USAGE for a parameter the stage does not take or
 * that has a bad value; else EX_CONFIG (78, it could not start). */
int harness_open_status(const quarry_harness *h);
#endif
