/* openfile.c: opening a file the user named for reading (see openfile.h). */
#include "openfile.h"

#include <errno.h>
#include <sys/stat.h>

FILE *openfile_read(const char *path)
{
    FILE *f = fopen(path, "rb");
    struct stat sb;
    if (f && fstat(fileno(f), &sb) == 0 && S_ISDIR(sb.st_mode)) {
        fclose(f);
        errno = EISDIR;
        return NULL;
    }
    return f;
}
