/* intern.h: a table giving each distinct byte string a dense id (0, 1, 2, ...), for stages
 * that count terms. */
#ifndef QUARRY_INTERN_H
#define QUARRY_INTERN_H
#include <stddef.h>
#include <stdint.h>

typedef struct intern intern;

intern *intern_new(void);
void intern_free(intern *t);
/* The id of KEY (LEN bytes), added with the next id if it is new; *ADDED (if not NULL) says
 * which. Aborts when memory runs out, as the core's setters do. */
uint32_t intern_add(intern *t, const void *key, size_t len, int *added);
/* The id of KEY, or -1 if absent. */
int64_t intern_find(const intern *t, const void *key, size_t len);
/* The bytes of id ID (followed by a NUL not counted in *LEN); valid while T lives. */
const char *intern_key(const intern *t, uint32_t id, size_t *len);
size_t intern_count(const intern *t);
/* The hash the table uses: a 64-bit mix of the bytes, word at a time. */
uint64_t intern_hash(const void *key, size_t len);
#endif
