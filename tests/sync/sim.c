/* test-sync-sim: a seeded simulation of terminals and sticks (issue 5).
 *
 * Each seed makes 2 to 8 terminals (stores in temporary folders, all in
 * this one process, each with its own clock offset so the clock can never
 * decide anything) and 1 to 3 sticks (folders with a LEERPLEK folder), one
 * organisation key. Each step picks at random: a terminal adds a learner,
 * answers, completes a lesson, renames a learner it knows or changes their
 * picture, code or route, erases one; or a stick is carried to a terminal
 * and synced. Faults at random: a yank (a bundle on a stick truncated or
 * garbled at a random byte, or a temporary file left behind) and a kill
 * during a sync (sync_run in a fork()ed child that is killed with SIGKILL
 * at a random SQLite instruction or at a random point between phases; the
 * parent reopens the store and runs PRAGMA quick_check).
 *
 * At the end the sticks go round without faults until a whole round moves
 * nothing, and then:
 *   - the canonical dumps (sync_dump) of all terminals are byte-identical;
 *   - every answer and completion that was acknowledged on any terminal is
 *     on every terminal, unless its learner was erased;
 *   - nothing is duplicated: the counts equal the acknowledged ones minus
 *     the erased learners' ones, and every learner is there once;
 *   - every learner's profile is the version with the highest (counter,
 *     device) of all edits made anywhere;
 *   - an erased learner has no name, code or events anywhere;
 *   - no file in any terminal's data folder or on any stick holds an erased
 *     learner's name or code (a plain byte search; names are unique random
 *     strings).
 *
 * usage: test-sync-sim [--seed N] [--seeds COUNT] [--first N] [-v]
 *   --seed N      one seed, with a trace of its steps (to replay a failure)
 *   --seeds COUNT seeds FIRST .. FIRST+COUNT-1 (default 500; 10,000 is the
 *                 long mode, bench/sync-long.sh)
 * env: LEERPLEK_SYNC_SEEDS sets COUNT; under valgrind (LEERPLEK_UNDER_VALGRIND)
 *      the default is 12. LEERPLEK_SYNC_TMP: where the folders go (/dev/shm).
 *
 * Everything but the kills is a function of the seed; the kills are too:
 * the child kills itself after K SQLite virtual-machine steps (counted by
 * sqlite3_progress_handler), which is the same on every replay. */
#include "../../app/core/log.h"
#include "../../app/core/secret.h"
#include "common.h"

#include <signal.h>
#include <sodium.h>
#include <stdarg.h>
#include <sys/random.h>
#include <sys/wait.h>
#include <time.h>

/* Under AddressSanitizer: a small quarantine. With the default 256 MiB the
 * freed memory it holds makes every fork() and every killed child several
 * times slower (page tables to copy and tear down), and the kills are what
 * this program does most. The test setup's ASAN_OPTIONS still win. */
#if defined(__SANITIZE_ADDRESS__)
#define SIM_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SIM_ASAN 1
#endif
#endif
#ifdef SIM_ASAN
const char *__asan_default_options(void);
const char *__asan_default_options(void)
{
	return "quarantine_size_mb=8";
}
#endif

/* Replays are exact: every random number the program draws (ids from
 * util_random_id, which calls getrandom(); nonces and bundle names from
 * libsodium) comes from a generator the seed starts. Different ids shape
 * SQLite's B-trees differently, which would move a kill to another
 * instruction. */
static struct rng entropy;

static void entropy_fill(void *buf, size_t len)
{
	uint8_t *p = buf;
	for (size_t i = 0; i < len; i += 8) {
		uint64_t x = rng_next(&entropy);
		memcpy(p + i, &x, len - i < 8 ? len - i : 8);
	}
}

ssize_t getrandom(void *buf, size_t len, unsigned int flags)
{
	(void)flags;
	entropy_fill(buf, len);
	return (ssize_t)len;
}

static const char *entropy_name(void)
{
	return "test-sync-sim";
}

static uint32_t entropy_random(void)
{
	return (uint32_t)rng_next(&entropy);
}

static struct randombytes_implementation seeded = {
	.implementation_name = entropy_name,
	.random = entropy_random,
	.buf = entropy_fill,
};

enum { MAX_TERMS = 8, MAX_STICKS = 3, CODE_MAX = 100, SHOWN_FAILURES = 12 };

struct learner {
	char id[LP_ID_LEN + 1];
	char (*names)[16]; /* every name it ever had */
	int n_names;
	char (*codes)[CODE_MAX]; /* every code it ever had */
	int n_codes;
	bool erased;
	/* the edit with the highest (counter, device) so far: the winner */
	int64_t counter;
	char dev[LP_ID_LEN + 1];
	char name[STORE_NAME_MAX + 1], code[STORE_CODE_HASH_MAX];
	int avatar, route;
};

struct event {
	char id[LP_ID_LEN + 1];
	int learner;
	bool completion;
};

struct term {
	char dir[300];
	struct store *s;
	int64_t clock;
};

struct stats {
	long steps, syncs, kills, kills_landed, yanks, rejects[8], rounds, max_rounds, learners, erased, events;
	long compactions, stops, opened;
};

struct world {
	uint64_t seed;
	struct rng r;
	bool verbose;
	char root[256];
	int nt, nk;
	struct term t[MAX_TERMS];
	char stick[MAX_STICKS][300];
	uint8_t key[SYNC_KEY_BYTES];
	struct sync_options opt;
	struct learner *L;
	int nl, capl;
	struct event *E;
	int ne, cape;
	int failures;
	struct stats *st;
	int cur_stick;  /* the stick being synced, for on_reject */
	char **damaged; /* "STICK/NAME" of each bundle reported damaged */
	int n_damaged;
};

static void fail(struct world *w, const char *fmt, ...)
{
	if (w->failures++ < SHOWN_FAILURES) {
		va_list ap;
		va_start(ap, fmt);
		fprintf(stderr, "seed %llu: ", (unsigned long long)w->seed);
		vfprintf(stderr, fmt, ap);
		fputc('\n', stderr);
		va_end(ap);
	}
}

static void trace(struct world *w, const char *fmt, ...)
{
	if (!w->verbose)
		return;
	va_list ap;
	va_start(ap, fmt);
	vprintf(fmt, ap);
	putchar('\n');
	va_end(ap);
}

static void on_reject(void *ud, const char *name, enum sync_reject why)
{
	struct world *w = ud;
	w->st->rejects[why]++;
	trace(w, "    rejected %s: %s", name, sync_reject_text(why));
	if (why != SYNC_REJECT_DAMAGED)
		return;
	/* a damaged bundle is renamed to .rejected: never reported twice */
	char key[400];
	snprintf(key, sizeof key, "%d/%s", w->cur_stick, name);
	for (int i = 0; i < w->n_damaged; i++)
		if (!strcmp(w->damaged[i], key)) {
			fail(w, "stick %d: %s reported damaged again: it was not moved aside", w->cur_stick, name);
			return;
		}
	w->damaged = realloc(w->damaged, (size_t)(w->n_damaged + 1) * sizeof *w->damaged);
	w->damaged[w->n_damaged++] = strdup(key);
}

/* ---- the oracle ---- */

static int find_learner(struct world *w, const char *id)
{
	for (int i = 0; i < w->nl; i++)
		if (!strcmp(w->L[i].id, id))
			return i;
	return -1;
}

static void note_name(struct learner *l, const char *name)
{
	l->names = realloc(l->names, (size_t)(l->n_names + 1) * sizeof *l->names);
	snprintf(l->names[l->n_names++], 16, "%s", name);
}

static void note_code(struct learner *l, const char *code)
{
	l->codes = realloc(l->codes, (size_t)(l->n_codes + 1) * sizeof *l->codes);
	snprintf(l->codes[l->n_codes++], CODE_MAX, "%s", code);
}

/* After an edit on terminal ti: the learner's row there is a version; keep
 * it when it beats the best so far (highest counter, then device). */
static void note_version(struct world *w, int ti, int li)
{
	struct learner *l = &w->L[li];
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(w->t[ti].s),
	                       "SELECT name, avatar, code_hash, route, ver_counter, ver_device FROM learners WHERE id = ?",
	                       -1, &st, NULL) != SQLITE_OK) {
		fail(w, "read a learner back");
		return;
	}
	sqlite3_bind_text(st, 1, l->id, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		int64_t counter = sqlite3_column_int64(st, 4);
		const char *dev = (const char *)sqlite3_column_text(st, 5);
		if (counter > l->counter || (counter == l->counter && strcmp(dev, l->dev) > 0)) {
			l->counter = counter;
			snprintf(l->dev, sizeof l->dev, "%s", dev);
			snprintf(l->name, sizeof l->name, "%s", (const char *)sqlite3_column_text(st, 0));
			l->avatar = sqlite3_column_int(st, 1);
			snprintf(l->code, sizeof l->code, "%s", (const char *)sqlite3_column_text(st, 2));
			l->route = sqlite3_column_int(st, 3);
		}
	} else {
		fail(w, "learner %s not found right after an edit", l->id);
	}
	sqlite3_finalize(st);
}

static void note_event(struct world *w, const char *id, int li, bool completion)
{
	if (w->ne == w->cape) {
		w->cape = w->cape ? w->cape * 2 : 256;
		w->E = realloc(w->E, (size_t)w->cape * sizeof *w->E);
	}
	struct event *e = &w->E[w->ne++];
	snprintf(e->id, sizeof e->id, "%s", id);
	e->learner = li;
	e->completion = completion;
}

/* ---- actions ---- */

static const char *const lessons[] = {"tap-hold-drag", "payslip", "work-chat", "video-call", "gdpr-duties"};

/* A learner terminal ti knows (not erased there), as an oracle index; -1
 * when it knows none. */
static int pick_known(struct world *w, int ti)
{
	struct store_learner *v = NULL;
	int n = store_learner_list(w->t[ti].s, &v);
	int li = -1;
	if (n < 0)
		fail(w, "list learners on terminal %d: %s", ti, store_error(w->t[ti].s));
	else if (n > 0) {
		li = find_learner(w, v[rng_below(&w->r, n)].id);
		if (li < 0)
			fail(w, "terminal %d lists a learner nobody added", ti);
	}
	free(v);
	return li;
}

static void random_code(struct world *w, char out[CODE_MAX])
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	char salt[23], hash[44];
	for (int i = 0; i < 22; i++)
		salt[i] = b64[rng_below(&w->r, 64)];
	for (int i = 0; i < 43; i++)
		hash[i] = b64[rng_below(&w->r, 64)];
	salt[22] = hash[43] = 0;
	snprintf(out, CODE_MAX, "$argon2id$v=19$m=8192,t=2,p=1$%s$%s", salt, hash);
}

static void act_add(struct world *w, int ti)
{
	if (w->nl == w->capl) {
		w->capl = w->capl ? w->capl * 2 : 32;
		w->L = realloc(w->L, (size_t)w->capl * sizeof *w->L);
	}
	struct learner *l = &w->L[w->nl];
	memset(l, 0, sizeof *l);
	char name[16], code[CODE_MAX] = "";
	rng_name(&w->r, name);
	if (rng_chance(&w->r, 30))
		random_code(w, code);
	int avatar = rng_below(&w->r, STORE_AVATARS);
	if (!store_learner_add_code(w->t[ti].s, name, avatar, code, l->id)) {
		fail(w, "add a learner on terminal %d: %s", ti, store_error(w->t[ti].s));
		free(l->names);
		return;
	}
	note_name(l, name);
	if (code[0])
		note_code(l, code);
	w->nl++;
	w->st->learners++;
	note_version(w, ti, w->nl - 1);
	trace(w, "  t%d adds %s (%s)", ti, name, l->id);
}

static void act_answer(struct world *w, int ti)
{
	int li = pick_known(w, ti);
	if (li < 0)
		return;
	struct store_attempt a = {.learner_id = w->L[li].id,
	                          .lesson_id = lessons[rng_below(&w->r, 5)],
	                          .lesson_version = 1 + rng_below(&w->r, 2),
	                          .step = rng_below(&w->r, 8),
	                          .correct = rng_chance(&w->r, 60),
	                          .answer = rng_chance(&w->r, 50) ? "1" : "0,2",
	                          .hints = rng_below(&w->r, 3),
	                          .ms = rng_below(&w->r, 20000),
	                          .review = rng_chance(&w->r, 10)};
	char id[LP_ID_LEN + 1];
	if (!store_attempt_add(w->t[ti].s, &a, id)) {
		fail(w, "answer on terminal %d: %s", ti, store_error(w->t[ti].s));
		return;
	}
	note_event(w, id, li, false);
	trace(w, "  t%d answer %s by %s", ti, id, w->L[li].names[w->L[li].n_names - 1]);
}

static void act_complete(struct world *w, int ti)
{
	int li = pick_known(w, ti);
	if (li < 0)
		return;
	struct store *s = w->t[ti].s;
	if (!store_progress_set(s, w->L[li].id, lessons[rng_below(&w->r, 5)], 1, 0, true)) {
		fail(w, "complete on terminal %d: %s", ti, store_error(s));
		return;
	}
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), "SELECT id FROM completions WHERE device = ? ORDER BY seq DESC LIMIT 1", -1,
	                       &st, NULL) == SQLITE_OK) {
		sqlite3_bind_text(st, 1, store_device_id(s), -1, SQLITE_STATIC);
		if (sqlite3_step(st) == SQLITE_ROW) {
			note_event(w, (const char *)sqlite3_column_text(st, 0), li, true);
			trace(w, "  t%d completion %s", ti, (const char *)sqlite3_column_text(st, 0));
		} else {
			fail(w, "a completion acknowledged on terminal %d is not there", ti);
		}
		sqlite3_finalize(st);
	}
}

static void act_edit(struct world *w, int ti, int what)
{
	int li = pick_known(w, ti);
	if (li < 0)
		return;
	struct store *s = w->t[ti].s;
	struct learner *l = &w->L[li];
	bool ok;
	if (what == 0) {
		char name[16];
		rng_name(&w->r, name);
		note_name(l, name); /* before: a failed rename may still have left it somewhere */
		ok = store_learner_rename(s, l->id, name);
		trace(w, "  t%d renames %s to %s", ti, l->id, name);
	} else if (what == 1) {
		ok = store_learner_set_avatar(s, l->id, rng_below(&w->r, STORE_AVATARS));
		trace(w, "  t%d new picture for %s", ti, l->id);
	} else if (what == 2) {
		char code[CODE_MAX] = "";
		if (rng_chance(&w->r, 75))
			random_code(w, code);
		if (code[0])
			note_code(l, code);
		ok = store_learner_set_code(s, l->id, code);
		trace(w, "  t%d new code for %s", ti, l->id);
	} else {
		static const int routes[] = {STORE_ROUTE_WORKER, STORE_ROUTE_SUPERVISOR, STORE_ROUTE_MANAGER};
		ok = store_learner_set_route(s, l->id, routes[rng_below(&w->r, 3)]);
		trace(w, "  t%d new route for %s", ti, l->id);
	}
	if (!ok)
		fail(w, "edit %d of a learner on terminal %d: %s", what, ti, store_error(s));
	else
		note_version(w, ti, li);
}

static void act_erase(struct world *w, int ti)
{
	int li = pick_known(w, ti);
	if (li < 0)
		return;
	if (!store_learner_erase(w->t[ti].s, w->L[li].id)) {
		fail(w, "erase on terminal %d: %s", ti, store_error(w->t[ti].s));
		return;
	}
	if (!w->L[li].erased)
		w->st->erased++;
	w->L[li].erased = true;
	trace(w, "  t%d erases %s (%s)", ti, w->L[li].id, w->L[li].names[0]);
}

static bool act_sync(struct world *w, int ti, int ki, struct sync_summary *sum)
{
	w->st->syncs++;
	w->cur_stick = ki;
	if (!sync_run(w->t[ti].s, w->stick[ki], w->key, &w->opt, sum)) {
		fail(w, "sync of terminal %d with stick %d failed: %s", ti, ki, sum->message);
		return false;
	}
	if (sum->bundles_removed)
		w->st->compactions++;
	trace(w, "  t%d syncs with stick %d: read %d, wrote %d (%lld bytes), removed %d, received %d, sent %d%s", ti, ki,
	      sum->bundles_read, sum->bundles_written, (long long)sum->bytes_written, sum->bundles_removed,
	      sum->records_received, sum->records_sent, sum->complete ? "" : ", not complete");
	return true;
}

/* ---- faults ---- */

static void yank(struct world *w, int ki)
{
	int n = 0;
	char **v = test_bundles(w->stick[ki], &n);
	int kind = rng_below(&w->r, 3);
	w->st->yanks++;
	char path[700];
	if (kind == 2 || n == 0) {
		/* a temporary file a pulled stick left: a random part of a bundle,
		 * or nothing at all */
		char tmp[700];
		snprintf(tmp, sizeof tmp, "%s/LEERPLEK/sync", w->stick[ki]);
		mkdir(tmp, 0755); /* a stick that never synced has none yet */
		snprintf(tmp, sizeof tmp, "%s/LEERPLEK/sync/.tmp-%08x", w->stick[ki], (unsigned)rng_next(&w->r));
		size_t len = 0;
		uint8_t *p = NULL;
		if (n) {
			snprintf(path, sizeof path, "%s/LEERPLEK/sync/%s", w->stick[ki], v[rng_below(&w->r, n)]);
			p = test_read_all(path, &len);
			if (len)
				len = (size_t)rng_below(&w->r, (int)len);
		}
		if (!test_write_all(tmp, p ? p : (uint8_t *)"", len))
			fail(w, "leave a temporary file on stick %d", ki);
		free(p);
		trace(w, "  yank: stick %d left %s (%zu bytes)", ki, tmp, len);
	} else {
		snprintf(path, sizeof path, "%s/LEERPLEK/sync/%s", w->stick[ki], v[rng_below(&w->r, n)]);
		struct stat st;
		if (stat(path, &st) != 0 || st.st_size <= 0) {
			test_free_names(v, n);
			return;
		}
		off_t at = (off_t)(rng_next(&w->r) % (uint64_t)st.st_size);
		if (kind == 0) {
			if (truncate(path, at) != 0)
				fail(w, "truncate %s", path);
			trace(w, "  yank: stick %d %s truncated at %lld of %lld", ki, path, (long long)at,
			      (long long)st.st_size);
		} else {
			int fd = open(path, O_RDWR);
			uint8_t c = 0;
			if (fd < 0 || pread(fd, &c, 1, at) != 1) {
				fail(w, "garble %s", path);
			} else {
				c ^= (uint8_t)(1 + rng_below(&w->r, 255));
				if (pwrite(fd, &c, 1, at) != 1)
					fail(w, "garble %s", path);
			}
			if (fd >= 0)
				close(fd);
			trace(w, "  yank: stick %d %s garbled at %lld of %lld", ki, path, (long long)at, (long long)st.st_size);
		}
	}
	test_free_names(v, n);
}

static int64_t kill_after_vm, vm_steps;
static int kill_at_phase, phases;

static int vm_killer(void *ud)
{
	(void)ud;
	if (++vm_steps == kill_after_vm)
		raise(SIGKILL);
	return 0;
}

static bool phase_killer(void *ud, const struct sync_progress *p)
{
	(void)ud;
	(void)p;
	if (++phases == kill_at_phase)
		raise(SIGKILL);
	return true;
}

#define VM_STEP 4 /* SQLite instructions between two progress_handler calls */

static void reopen(struct world *w, int ti)
{
	char err[700];
	struct term *t = &w->t[ti];
	t->s = store_open(t->dir, err, sizeof err);
	if (!t->s) {
		fail(w, "terminal %d does not open after a kill: %s", ti, err);
		return;
	}
	store_set_clock_offset(t->s, t->clock);
	if (!test_quick_check(t->s, err, sizeof err))
		fail(w, "terminal %d after a kill: quick_check says %s", ti, err);
}

/* A sync in a child process that is killed part-way; the parent goes on
 * with the store as the kill left it. */
static void kill_sync(struct world *w, int ti, int ki)
{
	struct term *t = &w->t[ti];
	/* a kill inside SQLite's work, or at a point between the phases */
	int64_t after = rng_chance(&w->r, 75) ? 1 + rng_below(&w->r, rng_chance(&w->r, 50) ? 40 : 400) : 0;
	int phase = after ? 0 : 1 + rng_below(&w->r, 7);
	w->st->kills++;
	store_destroy(t->s);
	t->s = NULL;
	fflush(stdout);
	fflush(stderr);
	pid_t pid = fork();
	if (pid < 0) {
		fail(w, "fork: %s", strerror(errno));
		reopen(w, ti);
		return;
	}
	if (pid == 0) {
		char err[700];
		struct store *s = store_open(t->dir, err, sizeof err);
		if (!s)
			_exit(3);
		store_set_clock_offset(s, t->clock);
		kill_after_vm = after;
		kill_at_phase = phase;
		vm_steps = 0;
		phases = 0;
		if (after)
			sqlite3_progress_handler(store_db(s), VM_STEP, vm_killer, NULL);
		struct sync_options o = w->opt;
		o.progress = phase_killer;
		o.reject = NULL;
		struct sync_summary sum;
		bool ok = sync_run(s, w->stick[ki], w->key, &o, &sum);
		sqlite3_progress_handler(store_db(s), 0, NULL, NULL);
		store_destroy(s);
		_exit(ok ? 0 : 4);
	}
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	bool landed = WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL;
	if (!landed && !(WIFEXITED(status) && WEXITSTATUS(status) == 0))
		fail(w, "the sync in the child failed (status %d)", status);
	w->st->kills_landed += landed;
	trace(w, "  t%d syncs with stick %d and is killed %s %lld: %s", ti, ki, after ? "after VM step" : "at phase",
	      (long long)(after ? after * VM_STEP : phase), landed ? "killed" : "finished first");
	reopen(w, ti);
}

/* A sync that is asked to stop part-way (the progress callback returns
 * false, as the kiosk's does when the stick is pulled). */
static int stop_after, stop_calls;

static bool stopper(void *ud, const struct sync_progress *p)
{
	(void)ud;
	(void)p;
	return ++stop_calls < stop_after;
}

static void stop_sync(struct world *w, int ti, int ki)
{
	struct sync_options o = w->opt;
	o.progress = stopper;
	stop_after = 1 + rng_below(&w->r, 6);
	stop_calls = 0;
	struct sync_summary sum;
	w->st->syncs++;
	w->st->stops++;
	w->cur_stick = ki;
	if (!sync_run(w->t[ti].s, w->stick[ki], w->key, &o, &sum))
		fail(w, "a stopped sync of terminal %d with stick %d failed: %s", ti, ki, sum.message);
	trace(w, "  t%d syncs with stick %d and is stopped at call %d: read %d, wrote %d, %s", ti, ki, stop_after,
	      sum.bundles_read, sum.bundles_written, sum.complete ? "complete" : sum.message);
}

/* ---- the end: convergence and the checks ---- */

static bool converge(struct world *w)
{
	for (int round = 1; round <= 12; round++) {
		bool moved = false;
		for (int ti = 0; ti < w->nt; ti++)
			for (int ki = 0; ki < w->nk; ki++) {
				struct sync_summary sum;
				if (!act_sync(w, ti, ki, &sum))
					return false;
				moved |= sum.bundles_read || sum.bundles_written || sum.records_received || sum.bundles_removed;
			}
		w->st->rounds += 1;
		if (round > w->st->max_rounds)
			w->st->max_rounds = round;
		if (!moved && round >= 2)
			return true;
	}
	fail(w, "the terminals did not settle in 12 rounds of syncs");
	return false;
}

struct search {
	struct world *w;
	const char **needles;
	int n;
};

static void search_file(void *ud, const char *path, const uint8_t *data, size_t len)
{
	struct search *s = ud;
	for (int i = 0; i < s->n; i++)
		if (test_contains(data, len, s->needles[i]))
			fail(s->w, "%s holds \"%s\", which belonged to an erased learner", path, s->needles[i]);
}

static void first_difference(struct world *w, const char *a, const char *b, int ti)
{
	int line = 1;
	const char *la = a, *lb = b;
	while (*a && *a == *b) {
		if (*a == '\n') {
			line++;
			la = a + 1;
			lb = b + 1;
		}
		a++, b++;
	}
	const char *ea = strchr(la, '\n'), *eb = strchr(lb, '\n');
	fail(w, "dumps differ (terminal 0 and %d) at line %d:\n  t0: %.*s\n  t%d: %.*s", ti, line,
	     (int)(ea ? ea - la : (ptrdiff_t)strlen(la)), la, ti, (int)(eb ? eb - lb : (ptrdiff_t)strlen(lb)), lb);
}

static void check(struct world *w)
{
	/* identical dumps */
	char *d0 = sync_dump(w->t[0].s);
	for (int ti = 1; ti < w->nt && d0; ti++) {
		char *d = sync_dump(w->t[ti].s);
		if (!d || strcmp(d0, d) != 0)
			first_difference(w, d0, d ? d : "", ti);
		free(d);
	}
	free(d0);

	/* every acknowledged event there once, unless erased; nothing more */
	int64_t want_att = 0, want_comp = 0;
	for (int i = 0; i < w->ne; i++)
		if (!w->L[w->E[i].learner].erased) {
			if (w->E[i].completion)
				want_comp++;
			else
				want_att++;
		}
	for (int ti = 0; ti < w->nt; ti++) {
		struct store *s = w->t[ti].s;
		for (int i = 0; i < w->ne; i++) {
			const struct event *e = &w->E[i];
			int64_t n = test_sql_int(s, e->completion ? "SELECT count(*) FROM completions WHERE id = ?"
			                                          : "SELECT count(*) FROM attempts WHERE id = ?", e->id);
			int64_t want = w->L[e->learner].erased ? 0 : 1;
			if (n != want)
				fail(w, "terminal %d holds %s %s %lld times, not %lld%s", ti,
				     e->completion ? "completion" : "answer", e->id, (long long)n, (long long)want,
				     want ? " (acknowledged: lost)" : " (its learner was erased)");
		}
		int64_t na = test_sql_int(s, "SELECT count(*) FROM attempts", NULL);
		int64_t nc = test_sql_int(s, "SELECT count(*) FROM completions", NULL);
		int64_t nl = test_sql_int(s, "SELECT count(*) FROM learners", NULL);
		if (na != want_att || nc != want_comp || nl != w->nl)
			fail(w, "terminal %d holds %lld answers, %lld completions, %lld learners; want %lld, %lld, %d", ti,
			     (long long)na, (long long)nc, (long long)nl, (long long)want_att, (long long)want_comp, w->nl);

		/* profiles: the winning edit; erased ones: nothing left */
		for (int li = 0; li < w->nl; li++) {
			const struct learner *l = &w->L[li];
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(store_db(s),
			                       "SELECT name, avatar, code_hash, route, erased,"
			                       " (SELECT count(*) FROM attempts WHERE learner_id = ?1)"
			                       " + (SELECT count(*) FROM completions WHERE learner_id = ?1)"
			                       " + (SELECT count(*) FROM progress WHERE learner_id = ?1)"
			                       " FROM learners WHERE id = ?1",
			                       -1, &st, NULL) != SQLITE_OK)
				continue;
			sqlite3_bind_text(st, 1, l->id, -1, SQLITE_STATIC);
			if (sqlite3_step(st) != SQLITE_ROW) {
				fail(w, "terminal %d does not know learner %s", ti, l->id);
			} else {
				const char *name = (const char *)sqlite3_column_text(st, 0);
				const char *code = (const char *)sqlite3_column_text(st, 2);
				int avatar = sqlite3_column_int(st, 1), route = sqlite3_column_int(st, 3);
				int erased = sqlite3_column_int(st, 4);
				int64_t events = sqlite3_column_int64(st, 5);
				if (l->erased && (!erased || name[0] || code[0] || avatar || events))
					fail(w, "terminal %d: erased learner %s has erased=%d name \"%s\" code \"%s\" and %lld events",
					     ti, l->id, erased, name, code, (long long)events);
				if (!l->erased &&
				    (erased || strcmp(name, l->name) || strcmp(code, l->code) || avatar != l->avatar ||
				     route != l->route))
					fail(w, "terminal %d: learner %s is \"%s\" %d %d erased=%d, but the last edit (%lld, %.8s) made"
					     " it \"%s\" %d %d", ti, l->id, name, avatar, route, erased, (long long)l->counter, l->dev,
					     l->name, l->avatar, l->route);
			}
			sqlite3_finalize(st);
		}
	}

	/* no erased name or code in any file */
	struct search srch = {w, NULL, 0};
	for (int li = 0; li < w->nl; li++)
		if (w->L[li].erased) {
			srch.needles = realloc(srch.needles, (size_t)(srch.n + w->L[li].n_names + w->L[li].n_codes) *
			                                        sizeof *srch.needles);
			for (int i = 0; i < w->L[li].n_names; i++)
				srch.needles[srch.n++] = w->L[li].names[i];
			for (int i = 0; i < w->L[li].n_codes; i++)
				srch.needles[srch.n++] = w->L[li].codes[i];
		}
	if (srch.n)
		test_walk(w->root, search_file, &srch);

	/* nor inside any bundle left on a stick, opened with the key: the
	 * bundles written before an erasure are compacted away */
	for (int k = 0; k < w->nk && srch.n; k++) {
		int n = 0;
		char **v = test_bundles(w->stick[k], &n);
		for (int i = 0; i < n; i++) {
			char path[700];
			snprintf(path, sizeof path, "%s/LEERPLEK/sync/%s", w->stick[k], v[i]);
			uint8_t *plain = NULL;
			size_t len = 0;
			if (test_bundle_open(path, w->key, &plain, &len)) {
				w->st->opened++;
				search_file(&srch, path, plain, len);
			}
			free(plain);
		}
		test_free_names(v, n);
	}
	free(srch.needles);
}

/* ---- one seed ---- */

static bool run_seed(uint64_t seed, bool verbose, struct stats *st)
{
	struct world w = {.seed = seed, .verbose = verbose, .st = st};
	w.r.x = seed * 0x2545f4914f6cdd1dULL + 1;
	entropy.x = ~seed * 0x9e3779b97f4a7c15ULL;
	if (!test_mkdtemp(w.root, sizeof w.root, "sim")) {
		fprintf(stderr, "seed %llu: cannot make a temporary folder\n", (unsigned long long)seed);
		return false;
	}
	w.nt = 2 + rng_below(&w.r, MAX_TERMS - 1);
	w.nk = 1 + rng_below(&w.r, MAX_STICKS);
	int steps = 40 + rng_below(&w.r, 160);
	for (int i = 0; i < SYNC_KEY_BYTES; i++)
		w.key[i] = (uint8_t)rng_next(&w.r);
	static const int compact[] = {2, 4, 16};
	w.opt = (struct sync_options){.reject = on_reject, .ud = &w, .compact_over = compact[rng_below(&w.r, 3)]};
	trace(&w, "seed %llu: %d terminals, %d sticks, %d steps, compact over %d (%s)", (unsigned long long)seed, w.nt,
	      w.nk, steps, w.opt.compact_over, w.root);
	for (int i = 0; i < w.nt && !w.failures; i++) {
		char err[700];
		snprintf(w.t[i].dir, sizeof w.t[i].dir, "%s/t%d", w.root, i);
		w.t[i].s = store_open(w.t[i].dir, err, sizeof err);
		if (!w.t[i].s) {
			fail(&w, "open terminal %d: %s", i, err);
			break;
		}
		/* clocks up to a year wrong either way: the clock must never decide */
		w.t[i].clock = ((int64_t)rng_below(&w.r, 2 * 366) - 366) * 86400000LL + rng_below(&w.r, 86400000);
		store_set_clock_offset(w.t[i].s, w.t[i].clock);
	}
	for (int k = 0; k < w.nk; k++) {
		snprintf(w.stick[k], sizeof w.stick[k], "%s/stick%d", w.root, k);
		if (!test_stick(w.stick[k]))
			fail(&w, "make stick %d", k);
	}

	/* weights of: add, answer, complete, rename, picture, code, route,
	 * erase, sync, kill during a sync, yank, stopped sync */
	static const int weight[] = {8, 25, 6, 4, 3, 3, 3, 3, 25, 5, 5, 2};
	int total = 0;
	for (size_t i = 0; i < sizeof weight / sizeof weight[0]; i++)
		total += weight[i];
	for (int step = 0; step < steps && !w.failures; step++) {
		int ti = rng_below(&w.r, w.nt), ki = rng_below(&w.r, w.nk);
		int pick = rng_below(&w.r, total), a = 0;
		while (pick >= weight[a])
			pick -= weight[a++];
		st->steps++;
		struct sync_summary sum;
		switch (a) {
		case 0: act_add(&w, ti); break;
		case 1: act_answer(&w, ti); break;
		case 2: act_complete(&w, ti); break;
		case 3: case 4: case 5: case 6: act_edit(&w, ti, a - 3); break;
		case 7: act_erase(&w, ti); break;
		case 8: act_sync(&w, ti, ki, &sum); break;
		case 9: kill_sync(&w, ti, ki); break;
		case 10: yank(&w, ki); break;
		default: stop_sync(&w, ti, ki); break;
		}
	}
	trace(&w, "seed %llu: the sticks go round", (unsigned long long)seed);
	if (!w.failures && converge(&w))
		check(&w);
	st->events += w.ne;

	for (int i = 0; i < w.nt; i++)
		store_destroy(w.t[i].s);
	for (int i = 0; i < w.nl; i++) {
		free(w.L[i].names);
		free(w.L[i].codes);
	}
	free(w.L);
	free(w.E);
	test_free_names(w.damaged, w.n_damaged);
	if (w.failures) {
		fprintf(stderr, "seed %llu FAILED (%d problems); its folders are kept in %s\n"
		                "replay: test-sync-sim --seed %llu\n",
		        (unsigned long long)seed, w.failures, w.root, (unsigned long long)seed);
		return false;
	}
	test_rmtree(w.root);
	return true;
}

static double now_s(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
	uint64_t first = 1, count = 500;
	bool verbose = false;
	if (getenv("LEERPLEK_UNDER_VALGRIND"))
		count = 12;
	const char *env = getenv("LEERPLEK_SYNC_SEEDS");
	if (env && *env)
		count = strtoull(env, NULL, 10);
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--seed") && i + 1 < argc) {
			first = strtoull(argv[++i], NULL, 10);
			count = 1;
			verbose = true;
		} else if (!strcmp(argv[i], "--seeds") && i + 1 < argc) {
			count = strtoull(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "--first") && i + 1 < argc) {
			first = strtoull(argv[++i], NULL, 10);
		} else if (!strcmp(argv[i], "-v")) {
			verbose = true;
		} else if (!strcmp(argv[i], "-q")) {
			verbose = false;
		} else {
			fprintf(stderr, "usage: %s [--seed N] [--seeds COUNT] [--first N] [-v|-q]\n", argv[0]);
			return 2;
		}
	}
	if (randombytes_set_implementation(&seeded) != 0 || !secret_init()) {
		fprintf(stderr, "libsodium does not start\n");
		return 1;
	}
	log_set_level(LOG_LEVEL_ERROR); /* rejected files are counted (and traced), not logged */
	struct stats st = {0};
	double t0 = now_s();
	uint64_t failed = 0, shown = 0;
	for (uint64_t seed = first; seed < first + count; seed++) {
		if (!run_seed(seed, verbose, &st)) {
			failed++;
			if (shown++ > 20) {
				fprintf(stderr, "too many failing seeds; stopping\n");
				break;
			}
		}
	}
	double secs = now_s() - t0;
	printf("%llu seeds (%llu to %llu) in %.1f s: %ld steps, %ld syncs (%ld compacting), %ld kills (%ld landed), "
	       "%ld yanks, %ld stopped; %ld learners (%ld erased), %ld answers and completions acknowledged; rejected files: %ld not "
	       "regular, %ld truncated, %ld foreign, %ld damaged; settled in at most %ld rounds; %ld bundles opened and searched at the end\n",
	       (unsigned long long)count, (unsigned long long)first, (unsigned long long)(first + count - 1), secs,
	       st.steps, st.syncs, st.compactions, st.kills, st.kills_landed, st.yanks, st.stops, st.learners, st.erased, st.events,
	       st.rejects[SYNC_REJECT_NOT_REGULAR], st.rejects[SYNC_REJECT_TRUNCATED], st.rejects[SYNC_REJECT_FOREIGN],
	       st.rejects[SYNC_REJECT_DAMAGED], st.max_rounds, st.opened);
	printf("%llu seeds failed\n", (unsigned long long)failed);
	return failed ? 1 : 0;
}
