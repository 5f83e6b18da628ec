/* test-sync-props: the merge's algebra (issue 5, "Property tests").
 *
 * For each seed: a base terminal makes learners and answers and puts them
 * on a stick; terminals A, B, C and T take them in and then work apart
 * (answers, completions, edits of the same learners, erasures, new
 * learners); A, B and C each write everything they hold to a stick of
 * their own. Then, merging into copies of T (which has concurrent edits of
 * its own) and into empty terminals:
 *   - commutative: A then B gives the same dump as B then A (every pair),
 *     and all six orders of A, B and C give one dump;
 *   - associative: (A with B) then C equals A then (B with C), where "A
 *     with B" is a third terminal's bundle of both;
 *   - idempotent: syncing again reads nothing and receives nothing; every
 *     old bundle copied back onto the stick under a new name receives
 *     nothing, also when the terminal is made to read them all again (its
 *     vector emptied); and a fresh terminal that reads all the old bundles
 *     besides the new ones ends the same as one that read the new ones;
 *   - a replayed old bundle after an erasure does not bring the learner
 *     back: no name, no events, nothing received, the name in no file, and
 *     the replayed copy (which holds the name) leaves the stick.
 *
 * usage: test-sync-props [--seeds N] [--first N]     (default 12 seeds) */
#include "../../app/core/log.h"
#include "../../app/core/secret.h"
#include "../unit/test.h"
#include "common.h"

static uint8_t key[SYNC_KEY_BYTES];
static char root[256];
static struct rng R;
static int n_terms;
static uint64_t cur_seed;

static void on_reject(void *ud, const char *name, enum sync_reject why)
{
	(void)ud;
	fprintf(stderr, "unexpected: rejected %s: %s\n", name, sync_reject_text(why));
	CHECK(!"a file was rejected");
}

static const struct sync_options opts = {.reject = on_reject};

static void term_dir(const char *name, char *out, size_t len)
{
	snprintf(out, len, "%s/%s", root, name);
}

static struct store *term(const char *name)
{
	char dir[400], err[600];
	term_dir(name, dir, sizeof dir);
	struct store *s = store_open(dir, err, sizeof err);
	if (!s)
		fprintf(stderr, "%s: %s\n", name, err);
	CHECK(s != NULL);
	if (s)
		store_set_clock_offset(s, ((int64_t)rng_below(&R, 2000) - 1000) * 60000);
	return s;
}

/* A new terminal with a closed terminal's data (the same device, so it is
 * only ever synced with sticks of its own). */
static struct store *clone_term(const char *from, const char *to)
{
	char a[400], b[400], fa[450], fb[450];
	term_dir(from, a, sizeof a);
	term_dir(to, b, sizeof b);
	mkdir(b, 0755);
	static const char *const files[] = {"leerplek.db", "leerplek.db-wal"};
	for (int i = 0; i < 2; i++) {
		snprintf(fa, sizeof fa, "%s/%s", a, files[i]);
		snprintf(fb, sizeof fb, "%s/%s", b, files[i]);
		if (access(fa, F_OK) == 0)
			CHECK(test_copy(fa, fb));
	}
	return term(to);
}

static void stick_path(const char *name, char *out, size_t len)
{
	snprintf(out, len, "%s/%s", root, name);
}

static void new_stick(const char *name)
{
	char p[400];
	stick_path(name, p, sizeof p);
	CHECK(test_stick(p));
	char sync[450];
	snprintf(sync, sizeof sync, "%s/LEERPLEK/sync", p);
	mkdir(sync, 0755);
}

/* Copies the bundles of stick from onto stick to (made when missing);
 * prefix, when not NULL, renames each copy (a replay under a new name). */
static int copy_bundles(const char *from, const char *to, const char *prefix)
{
	char a[400], b[400];
	stick_path(from, a, sizeof a);
	stick_path(to, b, sizeof b);
	new_stick(to);
	int n = 0;
	char **v = test_bundles(a, &n);
	for (int i = 0; i < n; i++) {
		char fa[800], fb[800];
		snprintf(fa, sizeof fa, "%s/LEERPLEK/sync/%s", a, v[i]);
		snprintf(fb, sizeof fb, "%s/LEERPLEK/sync/%s%s%s", b, prefix ? prefix : "", prefix ? "-" : "", v[i]);
		CHECK(test_copy(fa, fb));
	}
	test_free_names(v, n);
	return n;
}

static bool do_sync(struct store *s, const char *stick, struct sync_summary *sum)
{
	char p[400];
	stick_path(stick, p, sizeof p);
	struct sync_summary local;
	if (!sum)
		sum = &local;
	bool ok = sync_run(s, p, key, &opts, sum);
	if (!ok)
		fprintf(stderr, "sync with %s: %s\n", stick, sum->message);
	CHECK(ok);
	return ok;
}

static bool same(const char *what, const char *a, const char *b)
{
	if (a && b && !strcmp(a, b))
		return true;
	int line = 1;
	const char *la = a ? a : "", *lb = b ? b : "", *pa = la, *pb = lb;
	while (*pa && *pa == *pb) {
		if (*pa == '\n') {
			line++;
			la = pa + 1;
			lb = pb + 1;
		}
		pa++, pb++;
	}
	const char *ea = strchr(la, '\n'), *eb = strchr(lb, '\n');
	fprintf(stderr, "seed %llu: %s: dumps differ at line %d:\n  %.*s\n  %.*s\n", (unsigned long long)cur_seed, what, line,
	        (int)(ea ? ea - la : (ptrdiff_t)strlen(la)), la, (int)(eb ? eb - lb : (ptrdiff_t)strlen(lb)), lb);
	return false;
}

/* ---- random work on one terminal ---- */

static int known(struct store *s, char id[LP_ID_LEN + 1])
{
	struct store_learner *v = NULL;
	int n = store_learner_list(s, &v);
	if (n > 0)
		snprintf(id, LP_ID_LEN + 1, "%s", v[rng_below(&R, n)].id);
	free(v);
	return n;
}

static void activity(struct store *s, int steps, int erase_percent)
{
	static const char *const lessons[] = {"tap-hold-drag", "payslip", "work-chat"};
	for (int i = 0; i < steps; i++) {
		char id[LP_ID_LEN + 1], name[16], out[LP_ID_LEN + 1];
		int a = rng_below(&R, 100);
		if (a < 15 || known(s, id) <= 0) {
			rng_name(&R, name);
			CHECK(store_learner_add(s, name, rng_below(&R, STORE_AVATARS), out));
		} else if (a < 55) {
			struct store_attempt at = {.learner_id = id, .lesson_id = lessons[rng_below(&R, 3)],
			                           .lesson_version = 1, .step = rng_below(&R, 6),
			                           .correct = rng_chance(&R, 50), .answer = "2"};
			CHECK(store_attempt_add(s, &at, out));
		} else if (a < 65) {
			CHECK(store_progress_set(s, id, lessons[rng_below(&R, 3)], 1, 0, true));
		} else if (a < 75) {
			rng_name(&R, name);
			CHECK(store_learner_rename(s, id, name));
		} else if (a < 82) {
			CHECK(store_learner_set_avatar(s, id, rng_below(&R, STORE_AVATARS)));
		} else if (a < 88) {
			char code[40];
			snprintf(code, sizeof code, "$argon2id$fake$%016llx", (unsigned long long)rng_next(&R));
			CHECK(store_learner_set_code(s, id, rng_chance(&R, 30) ? "" : code));
		} else if (a < 95) {
			static const int routes[] = {STORE_ROUTE_WORKER, STORE_ROUTE_SUPERVISOR, STORE_ROUTE_MANAGER};
			CHECK(store_learner_set_route(s, id, routes[rng_below(&R, 3)]));
		} else if (a - 95 < erase_percent) {
			CHECK(store_learner_erase(s, id));
		}
	}
}

/* ---- the properties ---- */

static char *dump_close(struct store *s)
{
	char *d = sync_dump(s);
	store_destroy(s);
	return d;
}

static void one_seed(uint64_t seed)
{
	R.x = seed * 0x9e3779b97f4a7c15ULL + 7;
	cur_seed = seed;
	char tag[32];
	snprintf(tag, sizeof tag, "props%llu", (unsigned long long)seed);
	if (!test_mkdtemp(root, sizeof root, tag)) {
		CHECK(!"a temporary folder");
		return;
	}
	int failed_before = test_failed;

	/* the shared start, then work apart */
	struct store *base = term("base");
	if (!base)
		return;
	activity(base, 25, 0);
	new_stick("s0");
	do_sync(base, "s0", NULL);
	static const char *const names[] = {"a", "b", "c", "t"};
	struct store *t[4];
	for (int i = 0; i < 4; i++) {
		t[i] = term(names[i]);
		if (!t[i])
			return;
		do_sync(t[i], "s0", NULL);
	}
	for (int i = 0; i < 4; i++)
		activity(t[i], 20 + rng_below(&R, 20), 3);
	static const char *const sticks[] = {"sa", "sb", "sc"};
	for (int i = 0; i < 3; i++) {
		new_stick(sticks[i]);
		do_sync(t[i], sticks[i], NULL);
	}
	for (int i = 0; i < 4; i++)
		store_destroy(t[i]);
	store_destroy(base);
	/* every bundle so far, for the replays */
	copy_bundles("s0", "archive", "s0");
	for (int i = 0; i < 3; i++)
		copy_bundles(sticks[i], "archive", sticks[i]);

	/* commutative: every pair, into a copy of T and into an empty terminal */
	for (int x = 0; x < 3; x++)
		for (int y = x + 1; y < 3; y++)
			for (int into_t = 0; into_t < 2; into_t++) {
				char *d[2];
				for (int order = 0; order < 2; order++) {
					char name[64], k1[96], k2[96];
					snprintf(name, sizeof name, "pair-%d%d-%d-%d", x, y, into_t, order);
					struct store *s = into_t ? clone_term("t", name) : term(name);
					if (!s)
						return;
					int first = order ? y : x, second = order ? x : y;
					snprintf(k1, sizeof k1, "%s-%s", name, sticks[first]);
					snprintf(k2, sizeof k2, "%s-%s", name, sticks[second]);
					copy_bundles(sticks[first], k1, NULL);
					copy_bundles(sticks[second], k2, NULL);
					do_sync(s, k1, NULL);
					do_sync(s, k2, NULL);
					d[order] = dump_close(s);
				}
				char what[80];
				snprintf(what, sizeof what, "%s then %s vs. %s then %s (into %s)", sticks[x], sticks[y], sticks[y],
				         sticks[x], into_t ? "T" : "an empty terminal");
				CHECK(same(what, d[0], d[1]));
				free(d[0]);
				free(d[1]);
			}

	/* all six orders of three */
	static const int perms[6][3] = {{0, 1, 2}, {0, 2, 1}, {1, 0, 2}, {1, 2, 0}, {2, 0, 1}, {2, 1, 0}};
	char *all = NULL;
	for (int p = 0; p < 6; p++) {
		char name[32];
		snprintf(name, sizeof name, "perm%d", p);
		struct store *s = clone_term("t", name);
		if (!s)
			return;
		for (int i = 0; i < 3; i++) {
			char k[64];
			snprintf(k, sizeof k, "%s-%s", name, sticks[perms[p][i]]);
			copy_bundles(sticks[perms[p][i]], k, NULL);
			do_sync(s, k, NULL);
		}
		char *d = dump_close(s);
		if (all) {
			char what[64];
			snprintf(what, sizeof what, "order %d%d%d vs. 012", perms[p][0], perms[p][1], perms[p][2]);
			CHECK(same(what, all, d));
			free(d);
		} else {
			all = d;
		}
	}

	/* associative: (A with B) then C equals A then (B with C) */
	struct store *m = term("m"), *n = term("n");
	if (!m || !n)
		return;
	copy_bundles("sa", "m-sa", NULL);
	copy_bundles("sb", "m-sb", NULL);
	copy_bundles("sb", "n-sb", NULL);
	copy_bundles("sc", "n-sc", NULL);
	do_sync(m, "m-sa", NULL);
	do_sync(m, "m-sb", NULL);
	do_sync(n, "n-sb", NULL);
	do_sync(n, "n-sc", NULL);
	new_stick("sab");
	new_stick("sbc");
	do_sync(m, "sab", NULL);
	do_sync(n, "sbc", NULL);
	store_destroy(m);
	store_destroy(n);
	struct store *t1 = clone_term("t", "t1"), *t2 = clone_term("t", "t2");
	if (!t1 || !t2)
		return;
	copy_bundles("sab", "t1-1", NULL);
	copy_bundles("sc", "t1-2", NULL);
	copy_bundles("sa", "t2-1", NULL);
	copy_bundles("sbc", "t2-2", NULL);
	do_sync(t1, "t1-1", NULL);
	do_sync(t1, "t1-2", NULL);
	do_sync(t2, "t2-1", NULL);
	do_sync(t2, "t2-2", NULL);
	char *d1 = sync_dump(t1), *d2 = sync_dump(t2);
	CHECK(same("(A with B) then C vs. A then (B with C)", d1, d2));
	CHECK(same("(A with B) then C vs. the six orders", d1, all));
	free(d2);
	store_destroy(t2);

	/* idempotent: again; old bundles back under new names; all re-read */
	struct sync_summary sum;
	do_sync(t1, "t1-2", &sum);
	CHECK(sum.bundles_read == 0 && sum.records_received == 0 && sum.bundles_written == 0);
	char *d = sync_dump(t1);
	CHECK(same("synced again", d1, d));
	free(d);
	int replays = copy_bundles("archive", "t1-2", "replay");
	CHECK(replays > 0);
	do_sync(t1, "t1-2", &sum);
	CHECK(sum.records_received == 0);
	d = sync_dump(t1);
	CHECK(same("old bundles copied back", d1, d));
	free(d);
	/* each old bundle alone on a stick, and t1 made to read it (its vector
	 * emptied, so it holds nothing of anyone as far as it knows) */
	char arch[400];
	stick_path("archive", arch, sizeof arch);
	int n_old = 0;
	char **old = test_bundles(arch, &n_old);
	for (int i = 0; i < n_old; i++) {
		char k[32], from[800], to[800];
		snprintf(k, sizeof k, "t1-r%d", i);
		new_stick(k);
		snprintf(from, sizeof from, "%s/LEERPLEK/sync/%s", arch, old[i]);
		snprintf(to, sizeof to, "%s/%s/LEERPLEK/sync/again-%s", root, k, old[i]);
		CHECK(test_copy(from, to));
		CHECK(sqlite3_exec(store_db(t1), "DELETE FROM sync_vector", NULL, NULL, NULL) == SQLITE_OK);
		do_sync(t1, k, &sum);
		/* (a bundle t1 itself wrote holds nothing it lacks: not read) */
		int want = strstr(old[i], store_device_id(t1)) ? 0 : 1;
		CHECK(sum.bundles_read == want && sum.records_received == 0);
		if (sum.bundles_read != want || sum.records_received)
			fprintf(stderr, "seed %llu: re-reading %s: read %d, received %d\n", (unsigned long long)seed, old[i],
			        sum.bundles_read, sum.records_received);
	}
	test_free_names(old, n_old);
	d = sync_dump(t1);
	CHECK(same("every old bundle read again", d1, d));
	free(d);
	store_destroy(t1);
	free(d1);

	/* a fresh terminal reading old and new bundles together ends as one
	 * that read only the new ones */
	struct store *g = term("g"), *h = term("h");
	if (!g || !h)
		return;
	copy_bundles("archive", "g-1", "old");
	copy_bundles("sa", "g-1", NULL);
	copy_bundles("sb", "g-1", NULL);
	copy_bundles("sc", "g-1", NULL);
	copy_bundles("sa", "h-1", NULL);
	copy_bundles("sb", "h-1", NULL);
	copy_bundles("sc", "h-1", NULL);
	do_sync(g, "g-1", NULL);
	do_sync(h, "h-1", NULL);
	char *dg = dump_close(g), *dh = dump_close(h);
	CHECK(same("old and new bundles vs. new ones", dg, dh));
	free(dg);
	free(dh);
	free(all);

	if (test_failed == failed_before)
		test_rmtree(root);
	else
		fprintf(stderr, "seed %llu failed; its folders are kept in %s\nreplay: test-sync-props --first %llu --seeds 1\n",
		        (unsigned long long)seed, root, (unsigned long long)seed);
	n_terms++;
}

/* ---- a replayed old bundle after an erasure ---- */

struct needle {
	const char *text;
	int found;
};

static void find_needle(void *ud, const char *path, const uint8_t *data, size_t len)
{
	struct needle *n = ud;
	if (test_contains(data, len, n->text)) {
		fprintf(stderr, "%s holds the erased learner's name\n", path);
		n->found++;
	}
}

static int bundles_holding(const char *stick, const char *text)
{
	char p[400];
	stick_path(stick, p, sizeof p);
	int n = 0, found = 0;
	char **v = test_bundles(p, &n);
	for (int i = 0; i < n; i++) {
		char f[800];
		snprintf(f, sizeof f, "%s/LEERPLEK/sync/%s", p, v[i]);
		uint8_t *plain = NULL;
		size_t len = 0;
		if (test_bundle_open(f, key, &plain, &len) && test_contains(plain, len, text))
			found++;
		free(plain);
	}
	test_free_names(v, n);
	return found;
}

static void erased_stays_erased(void)
{
	R.x = 4242;
	if (!test_mkdtemp(root, sizeof root, "props-erase")) {
		CHECK(!"a temporary folder");
		return;
	}
	int failed_before = test_failed;
	char name[16], id[LP_ID_LEN + 1], out[LP_ID_LEN + 1];
	rng_name(&R, name);
	struct store *a = term("a"), *e = term("e"), *g = term("g");
	if (!a || !e || !g)
		return;
	CHECK(store_learner_add(a, name, 3, id));
	for (int i = 0; i < 3; i++) {
		struct store_attempt at = {.learner_id = id, .lesson_id = "payslip", .lesson_version = 1, .step = i,
		                           .correct = true, .answer = "1"};
		CHECK(store_attempt_add(a, &at, out));
	}
	CHECK(store_progress_set(a, id, "payslip", 1, 0, true));
	new_stick("s");
	do_sync(a, "s", NULL);
	copy_bundles("s", "old", NULL); /* the bundle with the name */
	CHECK(bundles_holding("old", name) == 1);

	struct sync_summary sum;
	do_sync(e, "s", &sum);
	CHECK(sum.learners_received == 1 && sum.answers_received == 3);
	CHECK(store_learner_erase(e, id));
	do_sync(e, "s", &sum);
	/* the stick's bundle from before the erasure is compacted away */
	CHECK(sum.bundles_removed >= 1);
	CHECK(bundles_holding("s", name) == 0);

	/* the old bundle back under a new name: e does not need it */
	copy_bundles("old", "s", "replay1");
	do_sync(e, "s", &sum);
	CHECK(sum.records_received == 0);
	/* made to read it (its vector emptied): still erased, nothing received */
	CHECK(sqlite3_exec(store_db(e), "DELETE FROM sync_vector", NULL, NULL, NULL) == SQLITE_OK);
	copy_bundles("old", "s", "replay2");
	do_sync(e, "s", &sum);
	CHECK(sum.bundles_read >= 1 && sum.records_received == 0 && sum.learners_received == 0);
	struct store_learner l;
	CHECK(!store_learner_get(e, id, &l));
	CHECK(test_sql_int(e, "SELECT count(*) FROM attempts WHERE learner_id = ?", id) == 0);
	CHECK(test_sql_int(e, "SELECT count(*) FROM completions WHERE learner_id = ?", id) == 0);

	/* g takes in the erasure first, then (its vector emptied) the replay */
	do_sync(g, "s", &sum);
	CHECK(!store_learner_get(g, id, &l));
	CHECK(sqlite3_exec(store_db(g), "DELETE FROM sync_vector", NULL, NULL, NULL) == SQLITE_OK);
	copy_bundles("old", "s", "replay3");
	do_sync(g, "s", &sum);
	CHECK(sum.bundles_read >= 1 && sum.records_received == 0);
	CHECK(!store_learner_get(g, id, &l));
	CHECK(test_sql_int(g, "SELECT count(*) FROM attempts WHERE learner_id = ?", id) == 0);
	CHECK(test_sql_int(g, "SELECT count(*) FROM learners WHERE id = ? AND erased = 1 AND name = ''", id) == 1);
	/* and the replayed copy, which holds the name, left the stick */
	CHECK(bundles_holding("s", name) == 0);

	/* a, which made the learner, hears of the erasure */
	do_sync(a, "s", &sum);
	CHECK(sum.erasures_received == 1);
	CHECK(!store_learner_get(a, id, &l));
	char *da = sync_dump(a), *de = sync_dump(e), *dg = sync_dump(g);
	CHECK(same("a vs. e after the erasure", da, de));
	CHECK(same("g vs. e after the erasure", dg, de));
	CHECK(!strstr(da, name));
	free(da);
	free(de);
	free(dg);
	/* no file of a, e or g holds the name, open or closed */
	struct needle nd = {name, 0};
	char dir[400];
	static const char *const terms[] = {"a", "e", "g"};
	for (int i = 0; i < 3; i++) {
		term_dir(terms[i], dir, sizeof dir);
		test_walk(dir, find_needle, &nd);
	}
	CHECK(nd.found == 0);
	store_destroy(a);
	store_destroy(e);
	store_destroy(g);
	nd.found = 0;
	for (int i = 0; i < 3; i++) {
		term_dir(terms[i], dir, sizeof dir);
		test_walk(dir, find_needle, &nd);
	}
	CHECK(nd.found == 0);
	if (test_failed == failed_before)
		test_rmtree(root);
	else
		fprintf(stderr, "the erasure case failed; its folders are kept in %s\n", root);
}

int main(int argc, char **argv)
{
	uint64_t first = 1, count = 12;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seeds") && i + 1 < argc)
			count = strtoull(argv[++i], NULL, 10);
		else if (!strcmp(argv[i], "--first") && i + 1 < argc)
			first = strtoull(argv[++i], NULL, 10);
		else {
			fprintf(stderr, "usage: %s [--seeds N] [--first N]\n", argv[0]);
			return 2;
		}
	}
	if (getenv("LEERPLEK_UNDER_VALGRIND") && count > 3)
		count = 3;
	log_set_level(LOG_LEVEL_ERROR);
	CHECK(secret_init());
	for (int i = 0; i < SYNC_KEY_BYTES; i++)
		key[i] = (uint8_t)(i * 37 + 11);
	erased_stays_erased();
	for (uint64_t seed = first; seed < first + count; seed++)
		one_seed(seed);
	printf("%d seeds of random work merged in every order\n", n_terms);
	return test_done();
}
