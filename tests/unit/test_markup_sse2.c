/* The markup tests again, on markup.c built with SSE2 but without AVX2:
 * the scan of a machine without AVX2 must give the same lines. */
#define MM_NO_AVX2 1
#include "markup.c"
#include "test_markup.c"
