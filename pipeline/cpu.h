/*
 * cpu — what the processor can do, asked once before main.
 *
 * The vector paths (AVX2 scans of lines, words and fields) test these
 * flags; they are set by a constructor, so no caller asks the CPU lazily
 * on a hot path, and threads read them without a race.
 */
#ifndef MM_CPU_H
#define MM_CPU_H

extern int cpu_avx2;		/* AVX2 */
extern int cpu_avx2_popcnt;	/* AVX2 and POPCNT */
extern int cpu_avx2_bmi;	/* AVX2, BMI, BMI2 and POPCNT */

#endif
