/* dtoa.c: a double as the shortest of %.15g, %.16g and %.17g that reads back as it, from one
 * conversion to digits: printf's exact digits are multi-precision arithmetic, and asking for
 * them three times a number made 8% of the keyword pipeline's instructions. */
#include "dtoa.h"

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

void dtoa_shortest(double d, char text[DTOA_SIZE])
{
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
