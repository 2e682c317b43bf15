/* record_scan.c: finds the byte spans of a packed record's fields without decoding them. */
#include "record_scan.h"

#include <msgpack/unpack_define.h>
#include <string.h>

/* msgpack-c can only decode a whole object into a tree; skipping one by its headers alone is
 * what lets a stage pass the fields it never reads on as bytes, undecoded and unpacked. */

static uint64_t scan_be(const unsigned char *p, size_t n)
{
    uint64_t v = 0;
    for (size_t i = 0; i < n; i++)
        v = v << 8 | p[i];
    return v;
}

/* The header of the object at DATA[*OFF]: advances *OFF past the header and its payload
 * bytes, and sets *ITEMS to the number of nested objects that follow. -1 if malformed or
 * truncated. */
static inline int scan_one(const unsigned char *data, size_t len, size_t *off, uint64_t *items_out)
{
    if (*off >= len)
        return -1;
    unsigned c = data[(*off)++];
    if ((c & 0xe0) == 0xa0) { /* fixstr, the commonest item in token lists */
        size_t body = c & 0x1f;
        if (body > len - *off)
            return -1;
        *off += body;
        *items_out = 0;
        return 0;
    }
    size_t head = 0;   /* bytes of a length or count after the type byte */
    uint64_t body = 0; /* payload bytes */
    uint64_t items = 0;
    if (c <= 0x7f || c >= 0xe0 || c == 0xc0 || c == 0xc2 || c == 0xc3)
        return 0; /* fixint, nil, bool */
    if ((c & 0xf0) == 0x80)
        items = 2 * (uint64_t)(c & 0x0f);
    else if ((c & 0xf0) == 0x90)
        items = c & 0x0f;
    else if ((c & 0xe0) == 0xa0)
        body = c & 0x1f;
    else {
        switch (c) {
        case 0xc4: case 0xd9: head = 1; break;             /* bin8, str8 */
        case 0xc5: case 0xda: head = 2; break;             /* bin16, str16 */
        case 0xc6: case 0xdb: head = 4; break;             /* bin32, str32 */
        case 0xc7: head = 1; body = 1; break;              /* ext8: length, then a type byte */
        case 0xc8: head = 2; body = 1; break;
        case 0xc9: head = 4; body = 1; break;
        case 0xcc: case 0xd0: body = 1; break;
        case 0xcd: case 0xd1: body = 2; break;
        case 0xca: case 0xce: case 0xd2: body = 4; break;
        case 0xcb: case 0xcf: case 0xd3: body = 8; break;
        case 0xd4: case 0xd5: case 0xd6: case 0xd7: case 0xd8: /* fixext 1..16, plus a type byte */
            body = 1 + (1u << (c - 0xd4));
            break;
        case 0xdc: case 0xde: head = 2; break;             /* array16, map16 */
        case 0xdd: case 0xdf: head = 4; break;             /* array32, map32 */
        default: return -1;                                /* 0xc1 is never used */
        }
        if (head) {
            if (len - *off < head)
                return -1;
            uint64_t n = scan_be(data + *off, head);
            *off += head;
            if (c == 0xdc || c == 0xdd)
                items = n;
            else if (c == 0xde || c == 0xdf)
                items = 2 * n;
            else
                body += n;
        }
    }
    if (body > len - *off)
        return -1;
    *off += (size_t)body;
    /* Every nested object takes at least one byte: more than are left means truncation. */
    if (items > len - *off)
        return -1;
    *items_out = items;
    return 0;
}

int record_scan_skip(const char *data, size_t len, size_t *off)
{
    /* msgpack-c decodes at most MSGPACK_EMBED_STACK_SIZE nested containers; deeper values are
     * refused here, where the caller can still report the record as unreadable. */
    uint64_t left[MSGPACK_EMBED_STACK_SIZE];
    size_t depth = 0;
    left[0] = 1;
    for (;;) {
        if (!left[depth]) {
            if (!depth)
                return 0;
            depth--;
            continue;
        }
        if (depth) { /* inside a list: step over a run of short strings and small ints at once */
            const unsigned char *p = (const unsigned char *)data;
            while (left[depth] && *off < len) {
                unsigned c = p[*off];
                if (c <= 0x7f) {
                    *off += 1;
                } else if ((c & 0xe0) == 0xa0 && (c & 0x1f) < len - *off) {
                    *off += 1 + (c & 0x1f);
                } else {
                    break;
                }
                left[depth]--;
            }
            if (!left[depth])
                continue;
        }
        left[depth]--;
        uint64_t items = 0;
        if (scan_one((const unsigned char *)data, len, off, &items) < 0)
            return -1;
        if (items) {
            if (depth + 1 == MSGPACK_EMBED_STACK_SIZE)
                return -1;
            left[++depth] = items;
        }
    }
}

/* A container header at DATA[*OFF]: FIX is the fixed-size type's high nibble, C16 and C32 the
 * 16- and 32-bit types' bytes, ITEM_BYTES the fewest bytes an item takes (a map's key and
 * value: 2). A count that the bytes left cannot hold is refused here, before a reader sizes
 * anything by it: a damaged header could otherwise ask for gigabytes. */
static int scan_container(const char *data, size_t len, size_t *off, uint32_t *count, unsigned fix,
                          unsigned c16, unsigned c32, unsigned item_bytes)
{
    const unsigned char *p = (const unsigned char *)data;
    if (*off >= len)
        return -1;
    unsigned c = p[*off];
    size_t head = c == c16 ? 2 : c == c32 ? 4 : 0;
    if ((c & 0xf0) != fix && !head)
        return -1;
    if (len - *off - 1 < head)
        return -1;
    uint32_t n = head ? (uint32_t)scan_be(p + *off + 1, head) : (c & 0x0f);
    if ((uint64_t)n * item_bytes > len - *off - 1 - head)
        return -1;
    *count = n;
    *off += 1 + head;
    return 0;
}

int record_scan_map(const char *data, size_t len, size_t *off, uint32_t *count)
{
    return scan_container(data, len, off, count, 0x80, 0xde, 0xdf, 2);
}

int record_scan_array(const char *data, size_t len, size_t *off, uint32_t *count)
{
    return scan_container(data, len, off, count, 0x90, 0xdc, 0xdd, 1);
}

int record_scan_str(const char *data, size_t len, size_t *off, const char **s, uint32_t *slen)
{
    const unsigned char *p = (const unsigned char *)data;
    if (*off >= len)
        return -1;
    unsigned c = p[*off];
    size_t head;
    uint64_t n;
    if ((c & 0xe0) == 0xa0) { /* fixstr first: most strings are short words */
        head = 0;
        n = c & 0x1f;
    } else {
        head = c == 0xd9 || c == 0xc4 ? 1 : c == 0xda || c == 0xc5 ? 2 : c == 0xdb || c == 0xc6 ? 4 : 0;
        if (!head || len - *off - 1 < head)
            return -1;
        n = scan_be(p + *off + 1, head);
    }
    if (n > len - *off - 1 - head)
        return -1;
    *s = data + *off + 1 + head;
    *slen = (uint32_t)n;
    *off += 1 + head + (size_t)n;
    return 0;
}

int record_scan_int(const char *data, size_t len, size_t *off, int64_t *v)
{
    const unsigned char *p = (const unsigned char *)data;
    if (*off >= len)
        return -1;
    unsigned c = p[*off];
    if (c <= 0x7f || c >= 0xe0) { /* fixint: a token's index, most often */
        *v = c <= 0x7f ? (int64_t)c : (int64_t)(int8_t)c;
        *off += 1;
        return 0;
    }
    if (c == 0xc2 || c == 0xc3) {
        *v = c == 0xc3;
        *off += 1;
        return 0;
    }
    size_t n = c == 0xcc || c == 0xd0 ? 1 : c == 0xcd || c == 0xd1 ? 2 : c == 0xce || c == 0xd2 || c == 0xca ? 4
             : c == 0xcf || c == 0xd3 || c == 0xcb ? 8 : 0;
    if (!n || len - *off - 1 < n)
        return -1;
    uint64_t u = scan_be(p + *off + 1, n);
    if (c >= 0xcc && c <= 0xcf) { /* unsigned */
        *v = u > INT64_MAX ? INT64_MAX : (int64_t)u;
    } else if (c >= 0xd0 && c <= 0xd3) { /* signed: sign-extend from N bytes */
        unsigned shift = (unsigned)(64 - 8 * n);
        *v = (int64_t)(u << shift) >> shift;
    } else if (c == 0xca) {
        uint32_t bits = (uint32_t)u;
        float f;
        memcpy(&f, &bits, sizeof f);
        *v = record_float_int(f);
    } else {
        double d;
        memcpy(&d, &u, sizeof d);
        *v = record_float_int(d);
    }
    *off += 1 + n;
    return 0;
}
