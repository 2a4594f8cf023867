/* The tsv tests again, on tsv.c built with SSE2 but without AVX2:
 * line_reader_split sixteen bytes a block must cut the same fields. */
#define MM_NO_AVX2 1
#include "tsv.c"
#include "test_tsv.c"
