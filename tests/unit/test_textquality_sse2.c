/* The tq_line test again, on textquality.c built with SSE2 but without
 * AVX2: the sixteen-byte scan, which machines without AVX2 run, must
 * count the same. */
#define MM_NO_AVX2 1
#include "test_textquality.c"
