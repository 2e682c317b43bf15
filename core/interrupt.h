/* interrupt.h: a run stopped by SIGINT, SIGTERM or SIGHUP removes its temporary files, leaves
 * the previous outputs whole, and then dies of the signal (exit status 128 + its number). */
#ifndef QUARRY_INTERRUPT_H
#define QUARRY_INTERRUPT_H
#include <stdio.h>

/* Starts watching for the three signals (those not ignored). Call before any other thread
 * starts: the signals are blocked in the caller, and so in every thread made after. -1 if the
 * watcher cannot start (the signals then keep their default action). */
int interrupt_watch(void);
/* A folder where this run's temporary files (output_temp_path) go, to remove on a signal.
 * Without interrupt_watch, only remembered. */
void interrupt_add_dir(const char *dir);
/* Creates the temporary file PATH (in a folder given to interrupt_add_dir) as fopen(PATH, MODE)
 * does; once a signal has stopped the run, it waits for the end instead, so that no temporary
 * file is made after the watcher removed them. */
FILE *interrupt_fopen(const char *path, const char *mode);
/* Around the renames that replace a run's outputs: a signal waits for the end. */
void interrupt_commit_begin(void);
void interrupt_commit_end(void);
#endif
