/* The markup tests again, on markup.c built without its SSE2 scans: the
 * portable path, which other machines run, must give the same lines. */
#define MM_NO_SSE2 1
#include "markup.c"
#include "test_markup.c"
