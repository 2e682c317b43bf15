/* walk.h: the folders the read stage reads: their files in sorted order, below the folder given,
 * each folder once however many links lead to it, and none that the run writes into. */
#ifndef QUARRY_READ_WALK_H
#define QUARRY_READ_WALK_H
#include <quarry.h>
#include <stdint.h>
#include <sys/stat.h>

#include "intern.h"

typedef struct read_state read_state;

/* The folders read so far, by device and inode. A link to a folder above it would make a walk
 * read the same documents again and again, under ever longer names; a second link to one
 * folder, twice. */
typedef struct walk_seen {
    intern *folders;    /* (device, inode) of each folder read -> the index of its name */
    char **names;       /* as the warning of a second visit names it */
    size_t run_folders; /* the first ones: folders this run writes, never read */
} walk_seen;

/* The name under which folder SB was first read, or NULL if it was not (it is then recorded as
 * NAME); its index in *ID. */
const char *walk_folder_seen(walk_seen *seen, const struct stat *sb, const char *name, uint32_t *id);
void walk_seen_free(walk_seen *seen);
/* Reads folder DIR (REL: its path below the folder given, DEPTH folders down) recursively, in
 * sorted order, each file with read_file. */
int walk_folder(quarry_ctx *ctx, read_state *st, const char *dir, const char *rel, int depth);
#endif
