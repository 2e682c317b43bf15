/* dtoa.c: a double as the shortest of %.15g, %.16g and %.17g that reads back as it. The doubles
 * a run writes (scores, probabilities, from 1e-11 to 1e15) are worked out in exact 128-bit
 * integer arithmetic; the others from one conversion by printf, whose exact digits are
 * multi-precision arithmetic: with strtod to check them, about 6,000 instructions a number,
 * 8% of the keyword pipeline's. */
#include "dtoa.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A finite double's first 17 significant digits (correctly rounded) and decimal exponent. */
typedef struct dtoa_digits {
    char dig[17];
    int exp, negative;
} dtoa_digits;

static void dtoa_read(double d, dtoa_digits *x)
{
    char e[40];
    snprintf(e, sizeof e, "%.16e", d); /* "-1.2345678901234567e+89" */
    const char *p = e;
    x->negative = *p == '-';
    p += x->negative;
    x->dig[0] = p[0];
    memcpy(x->dig + 1, p + 2, 16);
    x->exp = atoi(p + 19);
}

/* X rounded to P (15 or 16) significant digits, into Y: 0, or -1 if the digits cut off are
 * exactly half a unit ("5", "50"). Only there can rounding X's digits differ from rounding the
 * double itself, whose digits past the 17th tip the balance: printf is asked instead. */
static int dtoa_round(const dtoa_digits *x, int p, dtoa_digits *y)
{
    int tail = p == 16 ? x->dig[16] - '0' : (x->dig[15] - '0') * 10 + (x->dig[16] - '0');
    int half = p == 16 ? 5 : 50;
    if (tail == half)
        return -1;
    *y = *x;
    memset(y->dig + p, '0', (size_t)(17 - p));
    if (tail > half) {
        int i = p - 1;
        while (i >= 0 && y->dig[i] == '9')
            y->dig[i--] = '0';
        if (i >= 0) {
            y->dig[i]++;
        } else { /* 9.99... up to 10.00...: one more digit before the point */
            y->dig[0] = '1';
            y->exp++;
        }
    }
    return 0;
}

/* X's first P digits as %.Pg writes them: scientific notation for exponents below -4 or from
 * P up, else positional; no trailing zeros after the point, and no point without digits after
 * it; an exponent of two digits at least. */
static void dtoa_format(const dtoa_digits *x, int p, char *out)
{
    char *o = out;
    if (x->negative)
        *o++ = '-';
    int n = p; /* significant digits shown */
    while (n > 1 && x->dig[n - 1] == '0')
        n--;
    int e = x->exp;
    if (e < -4 || e >= p) {
        *o++ = x->dig[0];
        if (n > 1) {
            *o++ = '.';
            memcpy(o, x->dig + 1, (size_t)(n - 1));
            o += n - 1;
        }
        sprintf(o, "e%c%02d", e < 0 ? '-' : '+', abs(e));
        return;
    }
    if (e >= 0) {
        memcpy(o, x->dig, (size_t)(e + 1));
        o += e + 1;
        if (n > e + 1) {
            *o++ = '.';
            memcpy(o, x->dig + e + 1, (size_t)(n - e - 1));
            o += n - e - 1;
        }
    } else {
        *o++ = '0';
        *o++ = '.';
        for (int i = 0; i < -e - 1; i++)
            *o++ = '0';
        memcpy(o, x->dig, (size_t)n);
        o += n;
    }
    *o = '\0';
}

#ifdef __SIZEOF_INT128__
__extension__ typedef unsigned __int128 dtoa_u128;

/* 5^0 to 5^27: 10^k is 5^k·2^k, and 5^27 < 2^63. */
static const uint64_t dtoa_pow5[] = {
    1u, 5u, 25u, 125u, 625u, 3125u, 15625u, 78125u, 390625u, 1953125u, 9765625u, 48828125u,
    244140625u, 1220703125u, 6103515625u, 30517578125u, 152587890625u, 762939453125u,
    3814697265625u, 19073486328125u, 95367431640625u, 476837158203125u, 2384185791015625u,
    11920928955078125u, 59604644775390625u, 298023223876953125u, 1490116119384765625u,
    7450580596923828125u};
enum { DTOA_MAX_K = sizeof dtoa_pow5 / sizeof *dtoa_pow5 - 1 };

/* A positive normal double, M·2^Q (2^52 <= M < 2^53); LOWER_CLOSER: M is 2^52 above the
 * smallest binade, so the double below is half as far as the one above. */
typedef struct dtoa_binary {
    uint64_t m;
    int q, lower_closer;
} dtoa_binary;

/* *V = M·2^Q·10^K rounded to an integer (ties to even, as printf rounds), and *READS_BACK:
 * whether V·10^-K reads back as the double, as strtod reads (to the nearest, ties to even).
 * -1 where 128 bits cannot hold the arithmetic, or V would need more than 63. */
static int dtoa_scaled(const dtoa_binary *b, int k, uint64_t *v, int *reads_back)
{
    if (k < 0 || k > DTOA_MAX_K)
        return -1;
    dtoa_u128 n = (dtoa_u128)b->m * dtoa_pow5[k]; /* below 2^116 */
    int t = k + b->q;                               /* the double·10^K is N·2^T */
    /* In units of 2^-S (S = -T, or 0): X the exact value, A the integer V, GAP the distance to
     * the next double up. */
    dtoa_u128 x, a, gap;
    if (t >= 0) {
        if (t > 62 || n >> (63 - t))
            return -1;
        x = a = n << t;
        *v = (uint64_t)a;
        gap = (dtoa_u128)dtoa_pow5[k] << t;
    } else {
        int s = -t;
        if (s > 64)
            return -1;
        dtoa_u128 whole = n >> s, rest = n & (((dtoa_u128)1 << s) - 1), half = (dtoa_u128)1 << (s - 1);
        whole += rest > half || (rest == half && (whole & 1));
        if (whole >> 63)
            return -1;
        *v = (uint64_t)whole;
        x = n;
        a = whole << s;
        gap = dtoa_pow5[k];
    }
    /* Within half the gap on its side (a quarter of the upper gap below a power of two), or just
     * at it with M even, the decimal reads back as this double. */
    dtoa_u128 twice = a >= x ? 2 * (a - x) : (b->lower_closer ? 4 : 2) * (x - a);
    *reads_back = twice < gap || (twice == gap && !(b->m & 1));
    return 0;
}

/* V, a number of P digits (or 10^P, rounded up), with its first digit at decimal exponent E10,
 * as digits. */
static void dtoa_digits_of(uint64_t v, int p, int e10, int negative, dtoa_digits *x)
{
    x->negative = negative;
    x->exp = e10;
    memset(x->dig, '0', sizeof x->dig);
    uint64_t top = 1;
    for (int i = 1; i < p; i++)
        top *= 10;
    if (v >= top * 10) { /* 9.99... rounded up to 10.0...: one more digit before the point */
        v /= 10;
        x->exp++;
    }
    for (int i = p - 1; i >= 0; i--) {
        x->dig[i] = (char)('0' + v % 10);
        v /= 10;
    }
}

/* dtoa_shortest in integers, for a normal double from about 1e-11 to 1e15: 0, or -1 where it
 * cannot tell and printf must. */
static int dtoa_exact(double d, char text[DTOA_SIZE])
{
    uint64_t bits;
    memcpy(&bits, &d, sizeof bits);
    int biased = (int)(bits >> 52 & 0x7ff);
    if (biased == 0 || biased == 0x7ff)
        return -1; /* zero, subnormal, infinite, not a number */
    dtoa_binary b = {(bits & ((UINT64_C(1) << 52) - 1)) | UINT64_C(1) << 52, biased - 1075, 0};
    b.lower_closer = b.m == UINT64_C(1) << 52 && biased > 1;
    int negative = (int)(bits >> 63);
    /* The decimal exponent of the first digit: the binary one's times log10(2) (78913 / 2^18),
     * which may be one short, put right by the count of the 17 digits it gives. */
    int e2 = biased - 1023;
    int e10 = e2 >= 0 ? (e2 * 78913) >> 18 : -((-e2 * 78913 + (1 << 18) - 1) >> 18);
    uint64_t v;
    int back;
    for (int tries = 0;; tries++) {
        if (tries == 3 || dtoa_scaled(&b, 16 - e10, &v, &back) < 0)
            return -1;
        if (v >= UINT64_C(100000000000000000))
            e10++;
        else if (v < UINT64_C(10000000000000000))
            e10--;
        else
            break;
    }
    dtoa_digits x;
    for (int p = 15; p <= 16; p++) {
        uint64_t vp;
        if (dtoa_scaled(&b, p - 1 - e10, &vp, &back) < 0)
            return -1;
        if (back) {
            dtoa_digits_of(vp, p, e10, negative, &x);
            dtoa_format(&x, p, text);
            return 0;
        }
    }
    dtoa_digits_of(v, 17, e10, negative, &x); /* 17 digits always read back */
    dtoa_format(&x, 17, text);
    return 0;
}
#endif

void dtoa_shortest(double d, char text[DTOA_SIZE])
{
#ifdef __SIZEOF_INT128__
    if (dtoa_exact(d, text) == 0)
        return;
#endif
    dtoa_digits x, y;
    dtoa_read(d, &x);
    for (int p = 15; p <= 16; p++) {
        if (dtoa_round(&x, p, &y) < 0)
            snprintf(text, DTOA_SIZE, "%.*g", p, d);
        else
            dtoa_format(&y, p, text);
        if (strtod(text, NULL) == d)
            return;
    }
    dtoa_format(&x, 17, text); /* 17 digits always read back */
}
