/* dtoa.h: a double as the shortest decimal text that reads back as it, as printf writes it. */
#ifndef QUARRY_DTOA_H
#define QUARRY_DTOA_H

#define DTOA_SIZE 32 /* room for any finite double's text, with its NUL */

/* Writes finite D into TEXT as the shortest of %.15g, %.16g and %.17g that strtod reads back
 * as D, byte for byte as printf would write it. */
void dtoa_shortest(double d, char text[DTOA_SIZE]);
#endif
