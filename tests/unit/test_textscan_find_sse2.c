/* test_textscan_find again, on textscan.h built with SSE2 but without
 * AVX2: the search of a machine without AVX2 must find the same. */
#define MM_NO_AVX2 1
#include "test_textscan_find.c"
