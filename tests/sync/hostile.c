/* test-sync-hostile: a stick is hostile until checked (issue 5, "Bad
 * input"). Each case puts one bad thing on a stick beside a good bundle and
 * syncs a fresh terminal: the bad thing is reported through the reject
 * callback with its reason, nothing of it is used, it is left alone (or
 * renamed to .rejected when it is a damaged bundle of this organisation),
 * and the sync still takes in the good bundle. A stick whose LEERPLEK (or
 * LEERPLEK/sync) is a symlink is not synced at all, and nothing is written
 * through the link. */
#include "../../app/core/log.h"
#include "../../app/core/secret.h"
#include "../unit/test.h"
#include "common.h"

#include <signal.h>
#include <sys/sysmacros.h>
#include <time.h>

static uint8_t key[SYNC_KEY_BYTES], other_key[SYNC_KEY_BYTES];
static char root[256];
static char good_bundle[800];  /* a's bundle: learners with Good names */
static char outside_bundle[800]; /* o's bundle, same key, kept off the stick */
static char foreign_bundle[800]; /* another organisation's */
static char big_bundle[800];   /* a valid bundle of about 200 KB */
static char *dump_a;
static int n_case;

struct seen {
	char name[300];
	enum sync_reject why;
};
static struct seen seen[64];
static int n_seen;

static void on_reject(void *ud, const char *name, enum sync_reject why)
{
	(void)ud;
	if (n_seen < 64) {
		snprintf(seen[n_seen].name, sizeof seen[n_seen].name, "%s", name);
		seen[n_seen++].why = why;
	}
}

static int reported(const char *name, enum sync_reject why)
{
	int n = 0;
	for (int i = 0; i < n_seen; i++)
		n += !strcmp(seen[i].name, name) && seen[i].why == why;
	return n;
}

static int reported_as(enum sync_reject why)
{
	int n = 0;
	for (int i = 0; i < n_seen; i++)
		n += seen[i].why == why;
	return n;
}

static struct store *term(const char *name)
{
	char dir[400], err[600];
	snprintf(dir, sizeof dir, "%s/%s", root, name);
	struct store *s = store_open(dir, err, sizeof err);
	if (!s)
		fprintf(stderr, "%s: %s\n", name, err);
	return s;
}

/* A terminal with learners named PREFIX..., synced to a stick of its own
 * with key k; the bundle's path in out. */
static char *make_bundle(const char *name, const char *prefix, int attempts, const uint8_t *k, char *out, size_t len)
{
	struct store *s = term(name);
	CHECK(s != NULL);
	if (!s)
		return NULL;
	for (int i = 0; i < 3; i++) {
		char n[32], id[LP_ID_LEN + 1], at[LP_ID_LEN + 1];
		snprintf(n, sizeof n, "%s%c", prefix, 'a' + i);
		CHECK(store_learner_add(s, n, i, id));
		for (int j = 0; j < attempts; j++) {
			struct store_attempt x = {.learner_id = id, .lesson_id = "payslip", .lesson_version = 1, .step = j % 7,
			                          .correct = j % 2, .answer = "0,1,2,3,4,5,6,7,8,9"};
			CHECK(store_attempt_add(s, &x, at));
		}
	}
	char stick[400];
	snprintf(stick, sizeof stick, "%s/%s-stick", root, name);
	CHECK(test_stick(stick));
	struct sync_summary sum;
	CHECK(sync_run(s, stick, k, NULL, &sum) && sum.bundles_written == 1);
	int n = 0;
	char **v = test_bundles(stick, &n);
	CHECK(n == 1);
	if (n == 1)
		snprintf(out, len, "%s/LEERPLEK/sync/%s", stick, v[0]);
	test_free_names(v, n);
	char *d = sync_dump(s);
	store_destroy(s);
	return d;
}

/* A stick for one case: LEERPLEK/sync with a copy of a's good bundle. */
static void case_stick(const char *tag, char *stick, size_t len, char *sync, size_t slen)
{
	snprintf(stick, len, "%s/case-%s", root, tag);
	CHECK(test_stick(stick));
	snprintf(sync, slen, "%s/LEERPLEK/sync", stick);
	mkdir(sync, 0755);
	char to[900];
	snprintf(to, sizeof to, "%s/good.lpb", sync);
	CHECK(test_copy(good_bundle, to));
}

/* Syncs a fresh terminal with the stick; true when it took in a's bundle
 * and nothing else. */
static bool sync_case(const char *tag, const char *stick, const struct sync_options *o, bool *ran,
                      struct sync_summary *sum)
{
	char name[64];
	snprintf(name, sizeof name, "t-%s", tag);
	struct store *s = term(name);
	CHECK(s != NULL);
	if (!s)
		return false;
	struct sync_options opt = o ? *o : (struct sync_options){0};
	opt.reject = on_reject;
	n_seen = 0;
	n_case++;
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	alarm(30); /* a FIFO that blocked would hang here: SIGALRM ends the test */
	*ran = sync_run(s, stick, key, &opt, sum);
	alarm(0);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double ms = (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6;
	printf("%-18s %s, read %d, rejected %d, %.1f ms%s%s\n", tag, *ran ? "ran" : "did not run", sum->bundles_read,
	       sum->rejected, ms, sum->message[0] ? ": " : "", sum->message);
	for (int i = 0; i < n_seen; i++)
		printf("    %s: %s\n", seen[i].name, sync_reject_text(seen[i].why));
	char *d = sync_dump(s);
	bool good = d && !strcmp(d, dump_a);
	free(d);
	store_destroy(s);
	return good;
}

/* A progress callback that takes its time, so the time cap runs out. */
static bool dawdle(void *ud, const struct sync_progress *p)
{
	(void)ud;
	if (p->phase == SYNC_LOOKING)
		nanosleep(&(struct timespec){0, 20 * 1000000}, NULL);
	return true;
}

static bool holds(const char *path, const char *what)
{
	size_t n = 0;
	uint8_t *p = test_read_all(path, &n);
	bool h = p && test_contains(p, n, what);
	free(p);
	return h;
}

int main(void)
{
	log_set_level(LOG_LEVEL_ERROR);
	CHECK(secret_init());
	randombytes_buf(key, sizeof key);
	randombytes_buf(other_key, sizeof other_key);
	if (!test_mkdtemp(root, sizeof root, "hostile"))
		return 1;
	dump_a = make_bundle("a", "Good", 2, key, good_bundle, sizeof good_bundle);
	char *d;
	d = make_bundle("o", "Outsider", 2, key, outside_bundle, sizeof outside_bundle);
	free(d);
	d = make_bundle("f", "Foreign", 2, other_key, foreign_bundle, sizeof foreign_bundle);
	free(d);
	d = make_bundle("big", "Biggish", 700, key, big_bundle, sizeof big_bundle);
	free(d);
	if (!dump_a)
		return test_done();
	char stick[400], sync[450], p[600], q[900];
	struct sync_summary sum;
	bool ran;

	/* a symlink to a valid bundle outside the stick, and to /etc/passwd */
	case_stick("symlink", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/outside.lpb", sync);
	CHECK(symlink(outside_bundle, p) == 0);
	snprintf(p, sizeof p, "%s/passwd.lpb", sync);
	CHECK(symlink("/etc/passwd", p) == 0);
	snprintf(p, sizeof p, "%s/passwd", sync);
	CHECK(symlink("/etc/passwd", p) == 0);
	CHECK(sync_case("symlink", stick, NULL, &ran, &sum) && ran);
	CHECK(reported("outside.lpb", SYNC_REJECT_NOT_REGULAR) == 1);
	CHECK(reported("passwd.lpb", SYNC_REJECT_NOT_REGULAR) == 1);
	CHECK(reported("passwd", SYNC_REJECT_NOT_REGULAR) == 1);
	snprintf(p, sizeof p, "%s/outside.lpb", sync);
	struct stat st;
	CHECK(lstat(p, &st) == 0 && S_ISLNK(st.st_mode)); /* left alone */

	/* LEERPLEK itself a symlink (to a folder with a valid bundle), and
	 * LEERPLEK/sync a symlink: no sync, nothing written through them */
	snprintf(stick, sizeof stick, "%s/case-lplink", root);
	char elsewhere[450];
	snprintf(elsewhere, sizeof elsewhere, "%s/elsewhere", root);
	CHECK(test_stick(elsewhere));
	snprintf(p, sizeof p, "%s/LEERPLEK/sync", elsewhere);
	mkdir(p, 0755);
	snprintf(q, sizeof q, "%s/LEERPLEK/sync/o.lpb", elsewhere);
	CHECK(test_copy(outside_bundle, q));
	mkdir(stick, 0755);
	snprintf(p, sizeof p, "%s/LEERPLEK", stick);
	snprintf(q, sizeof q, "%s/LEERPLEK", elsewhere);
	CHECK(symlink(q, p) == 0);
	CHECK(!sync_case("leerplek-symlink", stick, NULL, &ran, &sum) && !ran && sum.message[0]);
	CHECK(strstr(sum.message, "LEERPLEK") != NULL);
	int n_there = 0;
	char **v = test_bundles(elsewhere, &n_there);
	test_free_names(v, n_there);
	CHECK(n_there == 1); /* nothing written there */
	snprintf(stick, sizeof stick, "%s/case-synclink", root);
	CHECK(test_stick(stick));
	snprintf(p, sizeof p, "%s/LEERPLEK/sync", stick);
	snprintf(q, sizeof q, "%s/LEERPLEK/sync", elsewhere);
	CHECK(symlink(q, p) == 0);
	CHECK(!sync_case("sync-symlink", stick, NULL, &ran, &sum) && !ran && sum.message[0]);
	v = test_bundles(elsewhere, &n_there);
	test_free_names(v, n_there);
	CHECK(n_there == 1);

	/* a FIFO (must not block), a folder and a device named like bundles */
	case_stick("fifo", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/pipe.lpb", sync);
	CHECK(mkfifo(p, 0644) == 0);
	snprintf(p, sizeof p, "%s/folder.lpb", sync);
	CHECK(mkdir(p, 0755) == 0);
	if (snprintf(q, sizeof q, "%s/inside.lpb", p) < (int)sizeof q)
		CHECK(test_copy(outside_bundle, q)); /* never looked into */
	snprintf(p, sizeof p, "%s/null.lpb", sync);
	bool dev = mknod(p, S_IFCHR | 0666, makedev(1, 3)) == 0;
	CHECK(sync_case("fifo-folder-dev", stick, NULL, &ran, &sum) && ran);
	CHECK(reported("pipe.lpb", SYNC_REJECT_NOT_REGULAR) == 1);
	CHECK(reported("folder.lpb", SYNC_REJECT_NOT_REGULAR) == 1);
	if (dev)
		CHECK(reported("null.lpb", SYNC_REJECT_NOT_REGULAR) == 1);
	else
		printf("    (no device file: mknod is not allowed here)\n");

	/* a 300 MiB sparse file: over the default cap of 256 MiB, and over a
	 * small one; a valid bundle over a small cap is not read either */
	case_stick("huge", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/huge.lpb", sync);
	int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && pwrite(fd, "LPB1", 4, 0) == 4 && ftruncate(fd, 300LL << 20) == 0);
	if (fd >= 0)
		close(fd);
	CHECK(sync_case("huge-default", stick, NULL, &ran, &sum) && ran);
	CHECK(reported("huge.lpb", SYNC_REJECT_TOO_BIG) == 1);
	struct stat bst;
	CHECK(stat(big_bundle, &bst) == 0 && bst.st_size > 100000);
	case_stick("huge-small", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/huge.lpb", sync);
	fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	CHECK(fd >= 0 && ftruncate(fd, 300LL << 20) == 0);
	if (fd >= 0)
		close(fd);
	snprintf(p, sizeof p, "%s/big.lpb", sync);
	CHECK(test_copy(big_bundle, p));
	struct sync_options small = {.max_bytes = 64 << 10};
	CHECK(sync_case("huge-capped", stick, &small, &ran, &sum) && ran);
	CHECK(reported("huge.lpb", SYNC_REJECT_TOO_BIG) == 1);
	CHECK(reported("big.lpb", SYNC_REJECT_TOO_BIG) == 1);

	/* more files than max_files */
	case_stick("many", stick, sizeof stick, sync, sizeof sync);
	for (int i = 0; i < 12; i++) {
		snprintf(p, sizeof p, "%s/junk-%02d.lpb", sync, i);
		CHECK(test_write_all(p, "not a bundle at all", 19));
	}
	struct sync_options few = {.max_files = 5};
	bool got_good = sync_case("too-many", stick, &few, &ran, &sum);
	CHECK(ran);
	CHECK(reported_as(SYNC_REJECT_TOO_MANY) == 13 - 5);
	CHECK(n_seen == 12 || n_seen == 13);
	/* a's bundle is taken in when it is among the first five, else reported */
	CHECK(got_good == (reported("good.lpb", SYNC_REJECT_TOO_MANY) == 0));

	/* another organisation's bundle: left alone, not used */
	case_stick("foreign", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/other.lpb", sync);
	CHECK(test_copy(foreign_bundle, p));
	CHECK(sync_case("foreign", stick, NULL, &ran, &sum) && ran);
	CHECK(reported("other.lpb", SYNC_REJECT_FOREIGN) == 1);
	CHECK(access(p, F_OK) == 0);

	/* a garbled bundle (body, then header): renamed .rejected, not used */
	static const char *const where[] = {"body", "header"};
	for (int w = 0; w < 2; w++) {
		char tag[32];
		snprintf(tag, sizeof tag, "garbled-%s", where[w]);
		case_stick(tag, stick, sizeof stick, sync, sizeof sync);
		snprintf(p, sizeof p, "%s/garbled.lpb", sync);
		CHECK(test_copy(outside_bundle, p));
		struct stat gs;
		CHECK(stat(p, &gs) == 0);
		off_t at = w == 0 ? gs.st_size - 20 : 30; /* in the tag; in the header */
		fd = open(p, O_RDWR);
		uint8_t c = 0;
		CHECK(fd >= 0 && pread(fd, &c, 1, at) == 1);
		c ^= 0x40;
		CHECK(fd >= 0 && pwrite(fd, &c, 1, at) == 1);
		if (fd >= 0)
			close(fd);
		CHECK(sync_case(tag, stick, NULL, &ran, &sum) && ran);
		CHECK(reported("garbled.lpb", SYNC_REJECT_DAMAGED) == 1);
		snprintf(q, sizeof q, "%s/garbled.lpb.rejected", sync);
		CHECK(access(p, F_OK) != 0 && access(q, F_OK) == 0);
	}

	/* a truncated bundle, and one with a byte too many */
	case_stick("truncated", stick, sizeof stick, sync, sizeof sync);
	size_t olen = 0;
	uint8_t *o = test_read_all(outside_bundle, &olen);
	CHECK(o && olen > 200);
	snprintf(p, sizeof p, "%s/cut.lpb", sync);
	CHECK(o && test_write_all(p, o, olen / 2));
	snprintf(q, sizeof q, "%s/long.lpb", sync);
	if (o) {
		uint8_t *o2 = malloc(olen + 1);
		memcpy(o2, o, olen);
		o2[olen] = 0;
		CHECK(test_write_all(q, o2, olen + 1));
		free(o2);
	}
	free(o);
	CHECK(sync_case("truncated", stick, NULL, &ran, &sum) && ran);
	CHECK(reported("cut.lpb", SYNC_REJECT_TRUNCATED) == 1);
	CHECK(reported("long.lpb", SYNC_REJECT_DAMAGED) == 1);

	/* names that are not bundles' */
	case_stick("names", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/line\nbreak.lpb", sync);
	CHECK(test_write_all(p, "LPB1", 4));
	snprintf(p, sizeof p, "%s/notes.txt", sync);
	CHECK(test_copy(outside_bundle, p)); /* a bundle under another name */
	CHECK(sync_case("names", stick, NULL, &ran, &sum) && ran);
	CHECK(reported("line\nbreak.lpb", SYNC_REJECT_TRUNCATED) == 1);
	CHECK(reported("notes.txt", SYNC_REJECT_FOREIGN) == 1);

	/* the time cap: a sync that runs out of time reports what it did not
	 * read and stops; the next sync finishes */
	case_stick("time", stick, sizeof stick, sync, sizeof sync);
	snprintf(p, sizeof p, "%s/big.lpb", sync);
	CHECK(test_copy(big_bundle, p));
	struct store *slow = term("slow");
	CHECK(slow != NULL);
	if (slow) {
		struct sync_options capped = {.reject = on_reject, .progress = dawdle, .max_ms = 5};
		n_seen = 0;
		CHECK(sync_run(slow, stick, key, &capped, &sum));
		CHECK(reported_as(SYNC_REJECT_TIME) == 1 && sum.bundles_read == 0 && !sum.complete && sum.message[0]);
		printf("%-18s read %d, rejected %d: %s\n", "time-cap", sum.bundles_read, sum.rejected, sum.message);
		for (int i = 0; i < n_seen; i++)
			printf("    %s: %s\n", seen[i].name, sync_reject_text(seen[i].why));
		n_seen = 0;
		CHECK(sync_run(slow, stick, key, &(struct sync_options){.reject = on_reject}, &sum));
		CHECK(n_seen == 0 && sum.bundles_read == 2 && sum.complete);
		store_destroy(slow);
		n_case++;
	}

	/* none of the bad files' learners reached any terminal */
	DIR *dd = opendir(root);
	if (dd) {
		for (struct dirent *e; (e = readdir(dd));) {
			if (strncmp(e->d_name, "t-", 2) != 0)
				continue;
			snprintf(p, sizeof p, "%s/%s/leerplek.db", root, e->d_name);
			CHECK(!holds(p, "Outsider") && !holds(p, "Foreign") && !holds(p, "Biggish"));
		}
		closedir(dd);
	}

	free(dump_a);
	printf("%d hostile sticks\n", n_case);
	if (!test_failed)
		test_rmtree(root);
	else
		fprintf(stderr, "folders kept in %s\n", root);
	return test_done();
}
