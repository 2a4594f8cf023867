/*
 * cpu — what the processor can do (cpu.h).
 */
#include "cpu.h"

int cpu_avx2, cpu_avx2_popcnt, cpu_avx2_bmi;

#if defined(__GNUC__) && (defined(__x86_64__) || defined(__i386__))
/* Before main: __builtin_cpu_init first, as a constructor must. */
__attribute__((constructor)) static void
cpu_probe(void)
{
	__builtin_cpu_init();
	cpu_avx2 = __builtin_cpu_supports("avx2") != 0;
	cpu_avx2_popcnt = cpu_avx2 && __builtin_cpu_supports("popcnt");
	cpu_avx2_bmi = cpu_avx2_popcnt && __builtin_cpu_supports("bmi") &&
	    __builtin_cpu_supports("bmi2");
}
#endif
