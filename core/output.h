/* output.h: how quarry replaces a file atomically (temporary name, fsync, rename, folder sync),
 * for the run's outputs (instance.h) and the state folder's files alike. */
#ifndef QUARRY_OUTPUT_H
#define QUARRY_OUTPUT_H
#include "quarry.h"
#include <stdio.h>

/* The file in the output folder that lists the run's rejected documents, with their reasons. */
#define OUTPUT_REJECTS "rejects.jsonl"

/* DIR/.NAME.tmp-PID: where NAME is written before it replaces DIR/NAME. state_sweep_temps
 * removes such files when their process is gone. */
void output_temp_path(quarry_buf *out, const char *dir, const char *name);
/* PATH from the root: as it is if it begins with '/', else after the current folder (or as it
 * is, if that is gone). Not resolved further: links stay as they are. */
void output_absolute_path(quarry_buf *out, const char *path);
/* Takes the lock of output folder DIR: flock on the folder itself, so that nothing is added to
 * it, and the kernel frees the lock however the run ends. Two runs writing one folder at once
 * would each rename their files into it, and leave one run's documents beside the other's
 * tables. 0 with *FD the descriptor to close when the run is over (-1 where the file system
 * takes no locks: the run goes on without, warned), -1 with ERR set if another run holds it
 * (named by its PID where /proc/locks tells it), or -2 with ERR set if the folder cannot be
 * opened (the outputs' renames into it could not be synced either). */
int output_lock_folder(const char *dir, int *fd, quarry_buf *err);
/* The same for the folder of kept streams (--keep-intermediate), unless it is the output folder
 * itself (OUT_FD, its lock, or -1): kept streams are replaced as the outputs are. */
int output_lock_keep_folder(const char *dir, int out_fd, int *fd, quarry_buf *err);
/* Makes folder PATH and any of its parents that are missing: 0, or -1 with ERR set ("cannot
 * create folder PATH: why"). A folder that is there is no error. */
int output_make_folders(const char *path, quarry_buf *err);
/* What output_make_folders would find, making nothing (quarry check --start): 0 if folder PATH
 * is there and can be written into, or could be made; else -1 with ERR set as
 * output_make_folders or the run's first output file would set it. */
int output_check_folder(const char *path, quarry_buf *err);
/* Flushes F, syncs it to disk and closes it: 0, or the errno of the first failure (F is closed
 * either way). */
int output_close_synced(FILE *f);
/* Renames TEMP over FINAL, then syncs the folder DIR so that the rename survives a power cut:
 * 0, or -1 with errno the failure's and ERR saying which step failed (unless ERR is NULL: a
 * caller that words its own message). */
int output_rename_synced(const char *temp, const char *final, const char *dir, quarry_buf *err);
#endif
