/*
 * replay — a main for the fuzz harnesses without libFuzzer, so crashers and
 * seed corpora can be replayed with any compiler, under valgrind or a
 * sanitizer, and in the test suite (tests/scripts/fuzz-replay.sh).
 *
 * usage: replay_NAME FILE|DIR...   (a DIR's regular files, in name order)
 * Each file's bytes go to LLVMFuzzerTestOneInput once.  A contract
 * violation aborts, as under libFuzzer; otherwise prints a count, exit 0.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static unsigned long replayed;

static void
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *data = NULL;
	size_t len = 0, cap = 0, n;

	if (!f) {
		perror(path);
		exit(2);
	}
	for (;;) {
		if (cap - len < 65536) {
			cap = cap ? 2 * cap : 65536;
			data = realloc(data, cap);
			if (!data) {
				perror("replay");
				exit(2);
			}
		}
		n = fread(data + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		perror(path);
		exit(2);
	}
	fclose(f);
	fprintf(stderr, "replay: %s (%zu bytes)\n", path, len);
	LLVMFuzzerTestOneInput((const uint8_t *)data, len);
	free(data);
	replayed++;
}

static int
by_name(const struct dirent **a, const struct dirent **b)
{
	return strcmp((*a)->d_name, (*b)->d_name);
}

int
main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		struct stat st;
		struct dirent **names;
		int n, j;

		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			return 2;
		}
		if (!S_ISDIR(st.st_mode)) {
			replay_file(argv[i]);
			continue;
		}
		n = scandir(argv[i], &names, NULL, by_name);
		if (n < 0) {
			perror(argv[i]);
			return 2;
		}
		for (j = 0; j < n; j++) {
			char path[4096];
			struct stat fst;

			snprintf(path, sizeof path, "%s/%s", argv[i], names[j]->d_name);
			if (stat(path, &fst) == 0 && S_ISREG(fst.st_mode))
				replay_file(path);
			free(names[j]);
		}
		free(names);
	}
	printf("replay: %lu inputs, contract held\n", replayed);
	return 0;
}
