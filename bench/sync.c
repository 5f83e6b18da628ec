/* bench-sync: sync by stick at the size issue 5 asks about.
 *
 * Terminal A gets 200 learners who each did 100 lessons with 10 answers a
 * lesson (200,000 answers) and completed each lesson (20,000 completions).
 * Then, timed:
 *   1. A's first full sync to an empty stick (time, bytes written), RUNS
 *      times, each to a new empty stick;
 *   2. a new, empty terminal B reading that stick, RUNS times (new B each);
 *   3. 100 new answers on A and a sync (time, bytes written: they must grow
 *      with the new answers, not with the history), RUNS times; and B
 *      reading each of them;
 *   4. a sync with nothing new.
 * Peak memory (ru_maxrss) is printed after each part.
 *
 * The folders go under DIR (default: $TMPDIR or /tmp), on whatever file
 * system that is (printed): /tmp on a disk, so fsync costs what it costs;
 * a USB stick is slower again. The page cache is warm: the stick's bundle
 * was just written.
 *
 * Figures only: it never judges a time. It exits non-zero only when a
 * sync fails.
 *
 * usage: bench-sync [--runs N] [--dir DIR] [--keep] */
#include "../app/core/log.h"
#include "../app/core/secret.h"
#include "../app/core/store.h"
#include "../app/core/sync.h"

#include <dirent.h>
#include <errno.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

enum { LEARNERS = 200, LESSONS = 100, ANSWERS = 10, NEW_ANSWERS = 100, MAX_RUNS = 50 };

static char base[512];

static double now_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static double maxrss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)ru.ru_maxrss / 1024.0;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

static void report(const char *what, double *v, int n, const char *unit)
{
	double s[MAX_RUNS];
	memcpy(s, v, (size_t)n * sizeof *v);
	qsort(s, (size_t)n, sizeof *s, cmp_double);
	double med = n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
	printf("  %-44s %10.1f %s  (min %.1f, max %.1f, %d runs)\n", what, med, unit, s[0], s[n - 1], n);
}

static struct store *term(const char *name)
{
	char dir[700], err[800];
	snprintf(dir, sizeof dir, "%s/%s", base, name);
	struct store *s = store_open(dir, err, sizeof err);
	if (!s) {
		fprintf(stderr, "bench-sync: %s: %s\n", name, err);
		exit(1);
	}
	return s;
}

static void stick(const char *name, char *out, size_t len)
{
	snprintf(out, len, "%s/%s", base, name);
	mkdir(out, 0755);
	char lp[800];
	snprintf(lp, sizeof lp, "%s/LEERPLEK", out);
	mkdir(lp, 0755);
}

static void sync_or_die(struct store *s, const char *stick_dir, const uint8_t *key, struct sync_summary *sum)
{
	if (!sync_run(s, stick_dir, key, NULL, sum) || sum->rejected) {
		fprintf(stderr, "bench-sync: sync failed: %s (%d rejected)\n", sum->message, sum->rejected);
		exit(1);
	}
}

static void exec_or_die(struct store *s, const char *sql)
{
	char *err = NULL;
	if (sqlite3_exec(store_db(s), sql, NULL, NULL, &err) != SQLITE_OK) {
		fprintf(stderr, "bench-sync: %s: %s\n", sql, err ? err : "?");
		exit(1);
	}
}

static int64_t dir_bytes(const char *dir)
{
	DIR *d = opendir(dir);
	int64_t n = 0;
	if (!d)
		return 0;
	for (struct dirent *e; (e = readdir(d));) {
		char p[1200];
		struct stat st;
		snprintf(p, sizeof p, "%s/%s", dir, e->d_name);
		if (stat(p, &st) == 0 && S_ISREG(st.st_mode))
			n += st.st_size;
	}
	closedir(d);
	return n;
}

static void machine(void)
{
	char model[256] = "?", line[512];
	FILE *f = fopen("/proc/cpuinfo", "r");
	while (f && fgets(line, sizeof line, f))
		if (!strncmp(line, "model name", 10)) {
			char *c = strchr(line, ':');
			if (c) {
				snprintf(model, sizeof model, "%s", c + 2);
				model[strcspn(model, "\n")] = 0;
			}
			break;
		}
	if (f)
		fclose(f);
	struct utsname un;
	uname(&un);
	struct statfs sf;
	const char *fs = "?";
	if (statfs(base, &sf) == 0)
		fs = sf.f_type == 0x01021994 ? "tmpfs" : sf.f_type == 0xEF53 ? "ext2/3/4" : sf.f_type == 0x9123683E ? "btrfs"
		   : sf.f_type == 0x58465342 ? "xfs" : sf.f_type == 0x4d44 ? "vfat" : sf.f_type == 0x65735546 ? "fuse" : "other";
	printf("machine:  %s, %ld cores online, %s %s %s\n", model, sysconf(_SC_NPROCESSORS_ONLN), un.sysname, un.release,
	       un.machine);
	printf("folders:  %s (%s), SQLite %s, libsodium %s\n", base, fs, sqlite3_libversion(), sodium_version_string());
}

static void rmtree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (d) {
			for (struct dirent *e; (e = readdir(d));) {
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				char sub[1200];
				snprintf(sub, sizeof sub, "%s/%s", path, e->d_name);
				rmtree(sub);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

int main(int argc, char **argv)
{
	int runs = 5;
	bool keep = false;
	const char *dir = getenv("TMPDIR");
	if (!dir || !*dir)
		dir = "/tmp";
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--runs") && i + 1 < argc)
			runs = atoi(argv[++i]);
		else if (!strcmp(argv[i], "--dir") && i + 1 < argc)
			dir = argv[++i];
		else if (!strcmp(argv[i], "--keep"))
			keep = true;
		else {
			fprintf(stderr, "usage: %s [--runs N] [--dir DIR] [--keep]\n", argv[0]);
			return 2;
		}
	}
	if (runs < 1)
		runs = 1;
	if (runs > MAX_RUNS)
		runs = MAX_RUNS;
	log_set_level(LOG_LEVEL_ERROR);
	if (!secret_init())
		return 1;
	snprintf(base, sizeof base, "%s/lp-bench-sync-XXXXXX", dir);
	if (!mkdtemp(base)) {
		fprintf(stderr, "bench-sync: cannot make a folder in %s: %s\n", dir, strerror(errno));
		return 1;
	}
	machine();
	uint8_t key[SYNC_KEY_BYTES];
	char code[SYNC_CODE_MAX];
	if (!sync_org_code_new(code) || !sync_org_key(code, key))
		return 1;

	/* terminal A's history, written in one transaction without fsync (the
	 * history is not what is measured) */
	double t0 = now_ms();
	struct store *a = term("a");
	exec_or_die(a, "PRAGMA synchronous=OFF");
	exec_or_die(a, "BEGIN");
	static const char *const answers[] = {"0", "1", "2", "0,2", "1,3", "3,0,2,1", "Ik heb vandaag geen dienst"};
	char id[LP_ID_LEN + 1], out[LP_ID_LEN + 1], lesson[64];
	for (int l = 0; l < LEARNERS; l++) {
		char name[32];
		snprintf(name, sizeof name, "Leerling %03d", l);
		if (!store_learner_add(a, name, l % STORE_AVATARS, id))
			return 1;
		for (int k = 0; k < LESSONS; k++) {
			snprintf(lesson, sizeof lesson, "%02d-lesson-number-%d", k, k);
			for (int j = 0; j < ANSWERS; j++) {
				struct store_attempt x = {.learner_id = id, .lesson_id = lesson, .lesson_version = 2, .step = j,
				                          .correct = (j + l + k) % 3 != 0, .answer = answers[(j + k) % 7],
				                          .hints = j % 3, .ms = 1000 + 37 * j, .review = k % 9 == 0};
				if (!store_attempt_add(a, &x, out)) {
					fprintf(stderr, "bench-sync: %s\n", store_error(a));
					return 1;
				}
			}
		}
	}
	exec_or_die(a, "COMMIT");
	char (*ids)[LP_ID_LEN + 1] = malloc(LEARNERS * sizeof *ids);
	struct store_learner *list = NULL;
	int n = store_learner_list(a, &list);
	for (int i = 0; i < n && i < LEARNERS; i++)
		snprintf(ids[i], sizeof ids[i], "%s", list[i].id);
	free(list);
	for (int l = 0; l < n; l++)
		for (int k = 0; k < LESSONS; k++) {
			snprintf(lesson, sizeof lesson, "%02d-lesson-number-%d", k, k);
			if (!store_progress_set(a, ids[l], lesson, 2, 0, true))
				return 1;
		}
	exec_or_die(a, "PRAGMA synchronous=FULL");
	if (!sync_org_save(a, key)) /* as a terminal that joined keeps it (and --keep can be looked at) */
		return 1;
	sqlite3_wal_checkpoint_v2(store_db(a), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	char adb[800];
	snprintf(adb, sizeof adb, "%s/a/leerplek.db", base);
	struct stat st;
	stat(adb, &st);
	printf("terminal A: %d learners, %d answers, %d completions, database %.1f MB (made in %.1f s)\n\n", n,
	       n * LESSONS * ANSWERS, n * LESSONS, (double)st.st_size / 1e6, (now_ms() - t0) / 1e3);

	/* 1. the first full sync, each time to a new empty stick */
	double ms1[MAX_RUNS], bytes1[MAX_RUNS], ms2[MAX_RUNS], ms3[MAX_RUNS], bytes3[MAX_RUNS], ms4[MAX_RUNS],
		ms5[MAX_RUNS];
	struct sync_summary sum;
	char s0[800];
	for (int r = 0; r < runs; r++) {
		char name[32];
		snprintf(name, sizeof name, "stick%d", r);
		stick(name, s0, sizeof s0);
		double t = now_ms();
		sync_or_die(a, s0, key, &sum);
		ms1[r] = now_ms() - t;
		bytes1[r] = (double)sum.bytes_written;
		if (r == 0)
			printf("first sync: %d records sent in %d bundle of %.2f MB\n", sum.records_sent, sum.bundles_written,
			       (double)sum.bytes_written / 1e6);
	}
	printf("1. A's first sync to an empty stick (peak memory now %.0f MB)\n", maxrss_mb());
	report("time", ms1, runs, "ms");
	report("bytes written", bytes1, runs, "B ");

	/* 2. an empty terminal B reads it (each run a new B; the stick of the
	 * last run, which keeps B's small bundle of its own) */
	struct store *b = NULL;
	for (int r = 0; r < runs; r++) {
		char name[32];
		snprintf(name, sizeof name, "b%d", r);
		struct store *t = term(name);
		char sk[800];
		snprintf(name, sizeof name, "stick%d", r);
		stick(name, sk, sizeof sk);
		double t1 = now_ms();
		sync_or_die(t, sk, key, &sum);
		ms2[r] = now_ms() - t1;
		if (r == 0)
			printf("\nB's first sync: %d records received, %d bundle(s) written (%lld bytes)\n", sum.records_received,
			       sum.bundles_written, (long long)sum.bytes_written);
		if (r == runs - 1)
			b = t;
		else
			store_destroy(t);
	}
	printf("2. an empty terminal B reads it (peak memory now %.0f MB)\n", maxrss_mb());
	report("time", ms2, runs, "ms");

	/* 3. 100 new answers on A, and a sync; B reads them */
	char sk[800];
	snprintf(sk, sizeof sk, "%s/stick%d", base, runs - 1);
	sync_or_die(a, sk, key, &sum); /* A takes in B's bundle (nothing but B's counter) */
	printf("\n");
	for (int r = 0; r < runs; r++) {
		for (int j = 0; j < NEW_ANSWERS; j++) {
			struct store_attempt x = {.learner_id = ids[(r * 7 + j) % n], .lesson_id = "07-lesson-number-7",
			                          .lesson_version = 2, .step = j % 10, .correct = j % 2, .answer = "1,3",
			                          .hints = 1, .ms = 2500};
			if (!store_attempt_add(a, &x, out))
				return 1;
		}
		double t = now_ms();
		sync_or_die(a, sk, key, &sum);
		ms3[r] = now_ms() - t;
		bytes3[r] = (double)sum.bytes_written;
		if (r == 0)
			printf("sync after %d new answers: %d records sent, %d read, %d written (%lld bytes), %d removed\n",
			       NEW_ANSWERS, sum.records_sent, sum.bundles_read, sum.bundles_written,
			       (long long)sum.bytes_written, sum.bundles_removed);
		t = now_ms();
		sync_or_die(b, sk, key, &sum);
		ms4[r] = now_ms() - t;
		if (r == 0)
			printf("B then: %d records received, %d bundle(s) read\n", sum.records_received, sum.bundles_read);
	}
	printf("3. %d new answers on A, then a sync (peak memory now %.0f MB)\n", NEW_ANSWERS, maxrss_mb());
	report("time", ms3, runs, "ms");
	report("bytes written", bytes3, runs, "B ");
	report("B reads them: time", ms4, runs, "ms");

	/* 4. nothing new */
	for (int r = 0; r < runs; r++) {
		double t = now_ms();
		sync_or_die(a, sk, key, &sum);
		ms5[r] = now_ms() - t;
		if (sum.bundles_written || sum.records_received)
			printf("(run %d wrote %d, received %d)\n", r, sum.bundles_written, sum.records_received);
	}
	printf("4. a sync with nothing new\n");
	report("time", ms5, runs, "ms");
	printf("\nthe stick now: %.2f MB in LEERPLEK/sync\n", (double)dir_bytes(strcat(sk, "/LEERPLEK/sync")) / 1e6);

	store_destroy(a);
	store_destroy(b);
	free(ids);
	if (keep)
		printf("kept %s\n", base);
	else
		rmtree(base);
	return 0;
}
