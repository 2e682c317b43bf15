/* record.h: the core's side of records: loading from and packing to msgpack. */
#ifndef QUARRY_RECORD_H
#define QUARRY_RECORD_H
#include "quarry.h"
#include <msgpack.h>

/* quarry_value is a msgpack_object seen through an opaque name. */
struct quarry_value {
    msgpack_object o;
};

/* Replaces REC's fields with the entries of MAP (zero copy: strings keep pointing into the
 * buffer MAP was unpacked from, which must outlive the use of REC). Returns -1 if MAP is not
 * a map with string keys. */
int record_load(quarry_record *rec, const msgpack_object *map);
/* Loads the next record packed in DATA (LEN bytes) at *OFF and advances *OFF past it. Zero
 * copy and lazy: fields point into DATA, which must outlive the use of REC, and are decoded
 * when a stage first reads them. Returns 1, 0 at the end of DATA, or -1 if the bytes at *OFF
 * are not a record. */
int record_next(quarry_record *rec, const char *data, size_t len, size_t *off);
/* As record_pack, and appends to INDEX (uint32_t values) where its fields went in the buffer
 * PK writes to (record_packer_init): the field count, then for each field the offsets and
 * lengths of its name and value, then where the record ends, all from the buffer's start. */
void record_pack_indexed(const quarry_record *rec, msgpack_packer *pk, quarry_buf *index);
/* record_next with the spans record_pack_indexed wrote (INDEX, NINDEX values, read from *AT):
 * nothing is scanned. Returns 1, 0 at the end of DATA, or -1 if the index runs short. */
int record_next_indexed(quarry_record *rec, const char *data, size_t len, size_t *off,
                        const uint32_t *index, size_t nindex, size_t *at);
/* Appends REC to PK as one msgpack map. */
void record_pack(const quarry_record *rec, msgpack_packer *pk);
/* A msgpack_packer writing into a quarry_buf: the only kind the functions here accept. */
void record_packer_init(msgpack_packer *pk, quarry_buf *out);

/* Packs REC as a reject: a map with "_stage" and "_reason" first, then REC's fields. */
void record_pack_tagged(const quarry_record *rec, msgpack_packer *pk, const char *stage,
                        const char *reason);
/* The string field NAME of REC as it stands, read without decoding or allocating anything (so
 * from a signal handler, as crash.c does); NULL if there is none. */
const char *record_peek_string(const quarry_record *rec, const char *name, uint32_t *len);
/* Arena memory that lives as long as REC's current contents. */
void *record_alloc(quarry_record *rec, size_t size);
/* Sets field NAME to O, which must live in REC's arena (record_alloc) or longer. */
void record_set_object(quarry_record *rec, const char *name, const msgpack_object *o);
/* record_set_object for a NAME that REC does not have yet (a parsed JSON object's keys, which are
 * unique): no search of the fields before it, which made a record of many fields quadratic. */
void record_add_object(quarry_record *rec, const char *name, const msgpack_object *o);
#endif
