/* record_scan.h: finds the byte spans of a packed record's fields without decoding them. */
#ifndef QUARRY_RECORD_SCAN_H
#define QUARRY_RECORD_SCAN_H
#include <stddef.h>
#include <stdint.h>

/* Each reads one msgpack item at DATA[*OFF] (LEN bytes in all), advances *OFF past it and
 * returns 0, or returns -1 when the bytes there are not such an item or are cut short. */

/* Any object, nested ones included, checked for length but not decoded. */
int record_scan_skip(const char *data, size_t len, size_t *off);
/* A map header: its number of entries in *COUNT. */
int record_scan_map(const char *data, size_t len, size_t *off, uint32_t *count);
/* An array header: its number of items in *COUNT. */
int record_scan_array(const char *data, size_t len, size_t *off, uint32_t *count);
/* A string (or binary): *S points into DATA. */
int record_scan_str(const char *data, size_t len, size_t *off, const char **s, uint32_t *slen);
#endif
