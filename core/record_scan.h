/* record_scan.h: finds the byte spans of a packed record's fields without decoding them. */
#ifndef QUARRY_RECORD_SCAN_H
#define QUARRY_RECORD_SCAN_H
#include <stddef.h>
#include <stdint.h>

/* Each reads one msgpack item at DATA[*OFF] (LEN bytes in all), advances *OFF past it and
 * returns 0, or returns -1 when the bytes there are not such an item or are cut short. */

/* Any object, nested ones included, checked for length but not decoded. */
int record_scan_skip(const char *data, size_t len, size_t *off);
/* A map header: its number of entries in *COUNT; -1 if the bytes left could not hold them. */
int record_scan_map(const char *data, size_t len, size_t *off, uint32_t *count);
/* An array header: its number of items in *COUNT; -1 if the bytes left could not hold them. */
int record_scan_array(const char *data, size_t len, size_t *off, uint32_t *count);
/* A string (or binary): *S points into DATA. */
int record_scan_str(const char *data, size_t len, size_t *off, const char **s, uint32_t *slen);
/* The number or bool at DATA[*OFF], as quarry_value_int reads it (a bool is 0 or 1, a float is
 * truncated, an unsigned number past INT64_MAX is INT64_MAX), into *V, and *OFF past it; -1,
 * with *OFF unchanged, if the object there is of another type or truncated. */
int record_scan_int(const char *data, size_t len, size_t *off, int64_t *v);

/* D as a whole number, truncated: NaN is 0, and what is out of range the nearest bound (a
 * plain cast would be undefined there). */
static inline int64_t record_float_int(double d)
{
    if (d != d)
        return 0;
    if (d >= 9223372036854775808.0)
        return INT64_MAX;
    if (d <= -9223372036854775808.0)
        return INT64_MIN;
    return (int64_t)d;
}
#endif
