/* The tq_line test again, on textquality.c built without its SSE2 scan:
 * the portable path, which other machines run, must count the same. */
#define MM_NO_SSE2 1
#include "test_textquality.c"
