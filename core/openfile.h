/* openfile.h: opening a file the user named for reading, where a folder is refused at once. */
#ifndef QUARRY_OPENFILE_H
#define QUARRY_OPENFILE_H
#include <stdio.h>

/* fopen(PATH, "rb"), but NULL with errno EISDIR for a folder: a folder opens, and fails only at
 * its first read, which would read as a file damaged part way ("read error") where the user
 * named the wrong thing. */
FILE *openfile_read(const char *path);
#endif
