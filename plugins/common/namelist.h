/* namelist.h: whether a name is in a NULL-ended list of names, in any case: the encodings a
 * stage knows by label, the languages it has no list for. */
#ifndef QUARRY_NAMELIST_H
#define QUARRY_NAMELIST_H
#include <stddef.h>
#include <strings.h>

/* Whether NAME is one of NAMES (NULL-ended), in any case. */
static inline int namelist_has(const char *const *names, const char *name)
{
    for (size_t i = 0; names[i]; i++)
        if (!strcasecmp(name, names[i]))
            return 1;
    return 0;
}
#endif
