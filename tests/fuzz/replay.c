/* Replays fuzz corpora through a fuzz target without libFuzzer, so that the
 * corpus runs as an ordinary test under every test setup (ASan, valgrind).
 *
 *   replay PATH...   each PATH is a file or a folder of files (not recursive)
 *
 * Every input is copied into a buffer of exactly its size, so reading past
 * the end is caught as it would be under libFuzzer. Fails when a path
 * cannot be read or when the paths hold no input at all; a broken promise
 * in the target aborts. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define REPLAY_MAX_INPUT (1024 * 1024)

static int run_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		perror(path);
		return -1;
	}
	uint8_t *buf = malloc(REPLAY_MAX_INPUT);
	size_t n = buf ? fread(buf, 1, REPLAY_MAX_INPUT, f) : 0;
	int bad = !buf || ferror(f) || !feof(f);
	fclose(f);
	if (bad) {
		fprintf(stderr, "%s: cannot read (or larger than %d bytes)\n", path, REPLAY_MAX_INPUT);
		free(buf);
		return -1;
	}
	/* Exactly n bytes, so that an over-read is caught. */
	uint8_t *exact = malloc(n ? n : 1);
	if (!exact) {
		free(buf);
		return -1;
	}
	memcpy(exact, buf, n);
	free(buf);
	printf("%s (%zu bytes)\n", path, n);
	fflush(stdout);
	LLVMFuzzerTestOneInput(exact, n);
	free(exact);
	return 0;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Runs every regular file in dir, in name order; returns the count or -1. */
static int run_dir(const char *dir)
{
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		return -1;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **grown = realloc(names, cap * sizeof *names);
			if (!grown)
				break;
			names = grown;
		}
		size_t len = strlen(dir) + strlen(e->d_name) + 2;
		names[n] = malloc(len);
		if (!names[n])
			break;
		snprintf(names[n], len, "%s/%s", dir, e->d_name);
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, cmp_str);
	int count = 0;
	for (size_t i = 0; i < n; i++) {
		struct stat st;
		if (stat(names[i], &st) == 0 && S_ISREG(st.st_mode)) {
			if (run_file(names[i]) < 0)
				count = -1;
			else if (count >= 0)
				count++;
		}
		free(names[i]);
	}
	free(names);
	return count;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR_OR_FILE...\n", argv[0]);
		return 2;
	}
	int total = 0, failed = 0;
	for (int i = 1; i < argc; i++) {
		struct stat st;
		int n;
		if (stat(argv[i], &st) != 0) {
			perror(argv[i]);
			n = -1;
		} else if (S_ISDIR(st.st_mode)) {
			n = run_dir(argv[i]);
			if (n == 0) {
				fprintf(stderr, "%s: no inputs\n", argv[i]);
				n = -1;
			}
		} else {
			n = run_file(argv[i]) < 0 ? -1 : 1;
		}
		if (n < 0)
			failed = 1;
		else
			total += n;
	}
	printf("%d inputs replayed\n", total);
	return failed || total == 0 ? 1 : 0;
}
