/* fingerprint.h: 128-bit content hashes (XXH3) of documents, stages and whole pipelines, the
 * keys of the state folder's caches. */
#ifndef QUARRY_FINGERPRINT_H
#define QUARRY_FINGERPRINT_H
#include "instance.h"
#include <stdint.h>

typedef struct fingerprint {
    uint64_t hi, lo;
} fingerprint;

#define FINGERPRINT_HEX_LEN 32

/* DATA's hash, salted with SALT: a document's key under one stage's fingerprint. */
fingerprint fingerprint_bytes(const fingerprint *salt, const void *data, size_t len);
/* What a stage computes from its input: its section name, plugin, version, the ABI, quarry's
 * own version, every parameter as resolved, the bytes of its shared object, what it said in open
 * that its output depends on (quarry_fingerprint_add, _file), and the contents of every parameter
 * naming a regular file (a stop list or a lexicon edited in place changes the fingerprint as its
 * path would not). It reads those files anew each time: after a run, a model the run saved is
 * among them. */
fingerprint fingerprint_instance(const instance *inst);
/* A hash of many pieces of data in turn (a document stream). */
typedef struct fingerprint_stream fingerprint_stream;
fingerprint_stream *fingerprint_stream_new(void);
void fingerprint_stream_add(fingerprint_stream *fs, const void *data, size_t len);
/* The hash so far; FS stays usable. */
fingerprint fingerprint_stream_value(const fingerprint_stream *fs);
void fingerprint_stream_free(fingerprint_stream *fs);

/* Folds B into A (order matters). */
void fingerprint_mix(fingerprint *a, const fingerprint *b);
/* OUT: 32 lower-case hex digits and a NUL. */
void fingerprint_hex(const fingerprint *f, char out[FINGERPRINT_HEX_LEN + 1]);
/* Reads 32 hex digits; 0, or -1 if S is not that. */
int fingerprint_parse(const char *s, fingerprint *f);
int fingerprint_equal(const fingerprint *a, const fingerprint *b);
#endif
