/* encname.h: the name of a text encoding as a document declares it (<meta charset="...">, an XML
 * declaration's encoding="..."), and whether iconv knows it: for clean's pages and read's feeds. */
#ifndef QUARRY_ENCNAME_H
#define QUARRY_ENCNAME_H
#include <stddef.h>

/* The value of the attribute whose name ends at S (before END): '=' after optional spaces, then
 * an optional quote, then the name, lower-cased into NAME (CAP bytes). Its length, or 0. */
size_t encname_value(const char *s, const char *end, char *name, size_t cap);

/* Whether iconv converts from NAME to UTF-8, and, if BOTH_WAYS, back as well (libxml2 asks for
 * both). */
int encname_iconv_knows(const char *name, int both_ways);
#endif
