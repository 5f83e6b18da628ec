/* The store: learners, attempts, progress, erasure, reopening, and the
 * messages it gives when it cannot work. */
#include "../../app/core/store.h"
#include "../../app/core/util.h"
#include "test.h"

#include <sqlite3.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/lp-store-XXXXXX";
	char *d = mkdtemp(tmpl);
	return d ? util_strdup(d) : NULL;
}

static int commits;
static char last_kind[32];

static void on_commit(void *ud, const char *kind, const char *id)
{
	(void)ud;
	(void)id;
	commits++;
	snprintf(last_kind, sizeof last_kind, "%s", kind);
}

static void test_learners_and_progress(void)
{
	char *dir = tmpdir(), err[600];
	struct store *s = store_open(dir, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	store_on_commit(s, on_commit, NULL);
	CHECK(store_schema_version(s) == 6);
	char device[LP_ID_LEN + 1];
	snprintf(device, sizeof device, "%s", store_device_id(s));
	CHECK(strlen(device) == LP_ID_LEN);

	char kees[LP_ID_LEN + 1], ans[LP_ID_LEN + 1], bad[LP_ID_LEN + 1];
	CHECK(store_learner_add(s, "Kees", 3, kees));
	CHECK(commits == 1 && !strcmp(last_kind, "learner"));
	CHECK(store_learner_add(s, "anna", 1, ans));
	CHECK(!store_learner_add(s, "", 1, bad));
	CHECK(!store_learner_add(s, "tab\there", 1, bad));
	CHECK(strstr(store_error(s), "tabs") != NULL);
	CHECK(!store_learner_add(s, "a name that is far too long to fit on a tile", 1, bad));
	CHECK(strcmp(kees, ans) != 0);

	struct store_learner *list;
	int n = store_learner_list(s, &list);
	CHECK(n == 2);
	if (n == 2) {
		CHECK_STR(list[0].name, "anna"); /* sorted without regard to case */
		CHECK_STR(list[1].name, "Kees");
		CHECK(list[1].avatar == 3);
		CHECK(list[1].lessons_done == 0);
	}
	free(list);

	struct store_progress p;
	CHECK(store_progress_get(s, kees, "tap-hold-drag", &p));
	CHECK(!p.started && !p.completed && p.step == 0);
	char open[64];
	CHECK(!store_last_open_lesson(s, kees, open, sizeof open));

	CHECK(store_progress_set(s, kees, "tap-hold-drag", 1, 0, false));
	struct store_attempt at = {.learner_id = kees, .lesson_id = "tap-hold-drag", .lesson_version = 1,
	                           .step = 2, .correct = false, .answer = "1"};
	char id1[LP_ID_LEN + 1], id2[LP_ID_LEN + 1];
	CHECK(store_attempt_add(s, &at, id1));
	CHECK(!strcmp(last_kind, "attempt"));
	at.correct = true;
	at.answer = "0";
	CHECK(store_attempt_add(s, &at, id2));
	CHECK(strcmp(id1, id2) != 0);
	at.step = 4;
	CHECK(store_attempt_add(s, &at, id2));
	CHECK(store_progress_set(s, kees, "tap-hold-drag", 1, 5, false));
	int attempts = -1, first_right = -1;
	CHECK(store_attempt_counts(s, kees, "tap-hold-drag", &attempts, &first_right));
	CHECK(attempts == 3);
	CHECK(first_right == 1); /* step 2 was wrong the first time, step 4 right */

	CHECK(store_last_open_lesson(s, kees, open, sizeof open));
	CHECK_STR(open, "tap-hold-drag");
	CHECK(store_progress_get(s, kees, "tap-hold-drag", &p));
	CHECK(p.started && p.step == 5 && !p.completed);

	CHECK(store_progress_set(s, kees, "tap-hold-drag", 1, 12, true));
	CHECK(!strcmp(last_kind, "completion"));
	CHECK(store_progress_get(s, kees, "tap-hold-drag", &p));
	CHECK(p.completed);
	CHECK(!store_last_open_lesson(s, kees, open, sizeof open));
	struct store_learner l;
	CHECK(store_learner_get(s, kees, &l) && l.lessons_done == 1);
	store_destroy(s);

	/* Reopen: same device, same data. */
	s = store_open(dir, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	CHECK_STR(store_device_id(s), device);
	CHECK(store_learner_get(s, kees, &l) && l.lessons_done == 1 && !strcmp(l.name, "Kees"));

	/* Erasure removes the name and every event. */
	CHECK(store_learner_erase(s, kees));
	CHECK(!store_learner_get(s, kees, &l));
	n = store_learner_list(s, &list);
	CHECK(n == 1);
	free(list);
	CHECK(store_attempt_counts(s, kees, "tap-hold-drag", &attempts, &first_right) && attempts == 0);
	CHECK(!store_learner_erase(s, kees));
	store_destroy(s);

	char *db = util_path_join(dir, "leerplek.db");
	sqlite3 *raw;
	CHECK(sqlite3_open(db, &raw) == SQLITE_OK);
	sqlite3_stmt *st;
	sqlite3_prepare_v2(raw, "SELECT count(*) FROM learners WHERE name = 'Kees'", -1, &st, NULL);
	CHECK(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_int(st, 0) == 0);
	sqlite3_finalize(st);
	sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &st, NULL);
	CHECK(sqlite3_step(st) == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "wal"));
	sqlite3_finalize(st);
	/* A database from a newer program is refused, not damaged. */
	sqlite3_exec(raw, "PRAGMA user_version=99", NULL, NULL, NULL);
	sqlite3_close(raw);
	s = store_open(dir, err, sizeof err);
	CHECK(s == NULL);
	CHECK(strstr(err, "newer Leerplek") != NULL);
	free(db);
	free(dir);
}

static void test_unusable_dir(void)
{
	char *dir = tmpdir(), err[600];
	char *file = util_path_join(dir, "not-a-folder");
	FILE *f = fopen(file, "w");
	fputs("x", f);
	fclose(f);
	char *inside = util_path_join(file, "data");
	struct store *s = store_open(inside, err, sizeof err);
	CHECK(s == NULL);
	CHECK(strstr(err, "cannot create folder") != NULL);
	/* Not a database at all: a clear message, and the file is left as it was. */
	char *db = util_path_join(dir, "leerplek.db");
	const char *junk = "this is not a database, it is a shopping list\n";
	f = fopen(db, "w");
	fputs(junk, f);
	fclose(f);
	s = store_open(dir, err, sizeof err);
	CHECK(s == NULL);
	CHECK(strstr(err, "cannot use the database") != NULL);
	struct stat st;
	CHECK(stat(db, &st) == 0 && (size_t)st.st_size == strlen(junk));
	free(db);
	free(inside);
	free(file);
	free(dir);
}

int main(void)
{
	test_learners_and_progress();
	test_unusable_dir();
	return test_done();
}
