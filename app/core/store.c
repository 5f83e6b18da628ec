/* SQLite store. Schema changes are numbered migrations, each applied with
 * its PRAGMA user_version bump inside one transaction, so a pulled plug
 * leaves either the old or the new schema. WAL with synchronous=FULL makes
 * every COMMIT durable once sqlite3_step returns. The -wal file is never
 * touched by hand. */
#include "store.h"
#include "log.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

struct store {
	sqlite3 *db;
	bool damaged; /* a failure said the file is not a sound database */
	enum store_problem problem; /* of the last failure */
	char device[LP_ID_LEN + 1];
	char err[512];
	int64_t seq; /* highest per-device counter used so far */
	int64_t clock_offset_ms;
	store_commit_fn on_commit;
	void *on_commit_ud;
};

static const char *const migrations[] = {
	/* 1: the first schema */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE learners("
	"  id TEXT PRIMARY KEY, name TEXT NOT NULL, avatar INTEGER NOT NULL,"
	"  created_ms INTEGER NOT NULL,"
	"  ver_counter INTEGER NOT NULL, ver_device TEXT NOT NULL,"
	"  erased INTEGER NOT NULL DEFAULT 0);"
	"CREATE TABLE attempts("
	"  id TEXT PRIMARY KEY, learner_id TEXT NOT NULL, lesson_id TEXT NOT NULL,"
	"  lesson_version INTEGER NOT NULL, step INTEGER NOT NULL,"
	"  correct INTEGER NOT NULL, answer TEXT NOT NULL, at_ms INTEGER NOT NULL,"
	"  device TEXT NOT NULL, seq INTEGER NOT NULL);"
	"CREATE INDEX attempts_learner ON attempts(learner_id, lesson_id, at_ms);"
	"CREATE TABLE completions("
	"  id TEXT PRIMARY KEY, learner_id TEXT NOT NULL, lesson_id TEXT NOT NULL,"
	"  lesson_version INTEGER NOT NULL, at_ms INTEGER NOT NULL,"
	"  device TEXT NOT NULL, seq INTEGER NOT NULL);"
	"CREATE INDEX completions_learner ON completions(learner_id, lesson_id);"
	/* Local, mutable: where each learner is in each lesson on this terminal. */
	"CREATE TABLE progress("
	"  learner_id TEXT NOT NULL, lesson_id TEXT NOT NULL, step INTEGER NOT NULL,"
	"  started_ms INTEGER NOT NULL, updated_ms INTEGER NOT NULL,"
	"  PRIMARY KEY(learner_id, lesson_id));",
	/* 2: the hint ladder and the time an answer took */
	"ALTER TABLE attempts ADD COLUMN hints INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE attempts ADD COLUMN ms INTEGER NOT NULL DEFAULT 0;",
	/* 3: answers given in a mixed review (mastery) */
	"ALTER TABLE attempts ADD COLUMN review INTEGER NOT NULL DEFAULT 0;",
	/* 4: picture codes (an Argon2id string, '' for none; it travels with
	 * the learner) and wrong tries since the last right one (local to this
	 * terminal); the supervisor PIN's checked guesses, for throttling. */
	"ALTER TABLE learners ADD COLUMN code_hash TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE learners ADD COLUMN code_fails INTEGER NOT NULL DEFAULT 0;"
	"CREATE TABLE pin_checks(at_ms INTEGER NOT NULL);",
	/* 5: the route a learner follows (1 worker, 2 supervisor, 4 manager,
	 * as the lessons' roles); it travels with the learner */
	"ALTER TABLE learners ADD COLUMN route INTEGER NOT NULL DEFAULT 1;",
	/* 6: sync. What this terminal holds of each other device (the highest
	 * counter), and indexes to find records by their origin. */
	"CREATE TABLE sync_vector(device TEXT PRIMARY KEY, max INTEGER NOT NULL);"
	"CREATE INDEX attempts_origin ON attempts(device, seq);"
	"CREATE INDEX completions_origin ON completions(device, seq);"
	"CREATE INDEX learners_origin ON learners(ver_device, ver_counter);",
};
#define N_MIGRATIONS ((int)(sizeof migrations / sizeof migrations[0]))

static bool fail(struct store *s, const char *what)
{
	int code = sqlite3_extended_errcode(s->db);
	const char *why = sqlite3_errmsg(s->db);
	s->problem = (code & 0xff) == SQLITE_FULL ? STORE_PROBLEM_FULL
	           : (code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_PERM ? STORE_PROBLEM_READONLY
	           : (code & 0xff) == SQLITE_CORRUPT || (code & 0xff) == SQLITE_NOTADB ? STORE_PROBLEM_DAMAGED
	           : STORE_PROBLEM_OTHER;
	switch (code & 0xff) {
	case SQLITE_FULL:
		snprintf(s->err, sizeof s->err, "%s: the disk is full; nothing was lost, but new work cannot be saved until space is freed", what);
		break;
	case SQLITE_READONLY:
		snprintf(s->err, sizeof s->err, "%s: the data folder is read-only; nothing was lost, but new work cannot be saved", what);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		snprintf(s->err, sizeof s->err, "%s: the database is damaged (%s)", what, why);
		s->damaged = true;
		break;
	default:
		snprintf(s->err, sizeof s->err, "%s: %s", what, why);
	}
	LOG(ERROR, "%s", s->err);
	return false;
}

static bool exec(struct store *s, const char *sql, const char *what)
{
	char *msg = NULL;
	if (sqlite3_exec(s->db, sql, NULL, NULL, &msg) != SQLITE_OK) {
		sqlite3_free(msg);
		return fail(s, what);
	}
	return true;
}

static sqlite3_stmt *prep(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) {
		fail(s, "prepare");
		return NULL;
	}
	return st;
}

static void committed(struct store *s, const char *kind, const char *id)
{
	if (s->on_commit)
		s->on_commit(s->on_commit_ud, kind, id);
}

static int64_t now_ms(const struct store *s)
{
	return util_wall_ms() + s->clock_offset_ms;
}

/* Runs all migrations above the stored user_version, each in a transaction
 * together with its version bump. */
static bool migrate(struct store *s)
{
	for (;;) {
		int v = store_schema_version(s);
		if (v < 0)
			return fail(s, "read schema version");
		if (v > N_MIGRATIONS) {
			snprintf(s->err, sizeof s->err,
			         "the database was made by a newer Leerplek (schema %d, this one knows %d); update Leerplek",
			         v, N_MIGRATIONS);
			return false;
		}
		if (v == N_MIGRATIONS)
			return true;
		if (!exec(s, "BEGIN IMMEDIATE", "start migration"))
			return false;
		char bump[64];
		snprintf(bump, sizeof bump, "PRAGMA user_version=%d", v + 1);
		if (!exec(s, migrations[v], "migrate") || !exec(s, bump, "migrate")) {
			exec(s, "ROLLBACK", "rollback");
			return false;
		}
		if (!exec(s, "COMMIT", "finish migration"))
			return false;
	}
}

static bool load_device(struct store *s)
{
	sqlite3_stmt *st = prep(s, "SELECT value FROM meta WHERE key='device'");
	if (!st)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(s->device, sizeof s->device, "%s", (const char *)sqlite3_column_text(st, 0));
		sqlite3_finalize(st);
	} else {
		sqlite3_finalize(st);
		if (!util_random_id(s->device)) {
			snprintf(s->err, sizeof s->err, "no random numbers available for the device id");
			return false;
		}
		st = prep(s, "INSERT INTO meta(key, value) VALUES('device', ?)");
		if (!st)
			return false;
		sqlite3_bind_text(st, 1, s->device, -1, SQLITE_STATIC);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE)
			return fail(s, "save device id");
	}
	st = prep(s, "SELECT max(m) FROM (SELECT max(seq) m FROM attempts WHERE device=?1"
	             " UNION ALL SELECT max(seq) FROM completions WHERE device=?1"
	             " UNION ALL SELECT max(ver_counter) FROM learners WHERE ver_device=?1"
	             /* the floor kept when own records were erased or superseded */
	             " UNION ALL SELECT CAST(value AS INTEGER) FROM meta WHERE key='seq')");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, s->device, -1, SQLITE_STATIC);
	s->seq = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
	sqlite3_finalize(st);
	return true;
}

struct store *store_open(const char *dir, char *err, size_t errlen)
{
	return store_open_checked(dir, err, errlen, NULL);
}

/* A page-level check of the whole file: cheap for a terminal's data (a
 * few megabytes), and it finds damage before a learner's answer does. */
static bool sound(struct store *s)
{
	sqlite3_stmt *st = prep(s, "PRAGMA quick_check(1)");
	if (!st)
		return false;
	int rc = sqlite3_step(st);
	bool ok = rc == SQLITE_ROW && !strcmp((const char *)sqlite3_column_text(st, 0), "ok");
	if (rc == SQLITE_ROW && !ok) {
		snprintf(s->err, sizeof s->err, "the database is damaged: %s", (const char *)sqlite3_column_text(st, 0));
		s->damaged = true;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return fail(s, "check the database");
	return ok;
}

struct store *store_open_checked(const char *dir, char *err, size_t errlen, bool *damaged)
{
	if (damaged)
		*damaged = false;
	if (!util_mkdir_p(dir, err, errlen))
		return NULL;
	struct store *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	char *path = util_path_join(dir, "leerplek.db");
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc != SQLITE_OK) {
		snprintf(err, errlen, "cannot open the database %s: %s", path,
		         s->db ? sqlite3_errmsg(s->db) : "out of memory");
		goto fail;
	}
	sqlite3_busy_timeout(s->db, 2000);
	sqlite3_extended_result_codes(s->db, 1);
	if (!exec(s, "PRAGMA journal_mode=WAL", "set journal mode") ||
	    !exec(s, "PRAGMA synchronous=FULL", "set synchronous") ||
	    !exec(s, "PRAGMA foreign_keys=ON", "set foreign keys") ||
	    /* an erased learner's name is overwritten, not just unlinked */
	    !exec(s, "PRAGMA secure_delete=ON", "set secure delete") || (damaged && !sound(s)) || !migrate(s) ||
	    !load_device(s)) {
		if (access(dir, W_OK) != 0 && (errno == EROFS || errno == EACCES || errno == EPERM))
			snprintf(err, errlen, "cannot use the database %s: the data folder is read-only (%s)", path,
			         strerror(errno));
		else
			snprintf(err, errlen, "cannot use the database %s: %s", path, s->err);
		if (damaged)
			*damaged = s->damaged;
		goto fail;
	}
	free(path);
	return s;
fail:
	free(path);
	store_destroy(s);
	return NULL;
}

void store_destroy(struct store *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s);
}

void store_on_commit(struct store *s, store_commit_fn fn, void *ud)
{
	s->on_commit = fn;
	s->on_commit_ud = ud;
}

const char *store_error(const struct store *s)
{
	return s->err;
}

enum store_problem store_problem(const struct store *s)
{
	return s->problem;
}

const char *store_device_id(const struct store *s)
{
	return s->device;
}

int64_t store_now_ms(const struct store *s)
{
	return now_ms(s);
}

void store_set_clock_offset(struct store *s, int64_t offset_ms)
{
	s->clock_offset_ms = offset_ms;
}

int store_schema_version(const struct store *s)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(s->db, "PRAGMA user_version", -1, &st, NULL) != SQLITE_OK)
		return -1;
	int v = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int(st, 0) : -1;
	sqlite3_finalize(st);
	return v;
}

/* A name is letters, marks, digits, spaces and a few signs, in any script:
 * no control characters, no format characters that hide or join (zero-width
 * joiner, variation selectors, direction marks), no private use, and none of
 * the arrows, symbols, emoji and pictographs the fonts cannot show. */
static bool name_char_ok(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 0x20 && cp != 0x7F && !strchr("<>{}[]|\\^`~\"#$%&*+=@_;:/?!", (int)cp);
	return !(cp < 0xA0 || (cp >= 0x2000 && cp <= 0x200F) || (cp >= 0x2028 && cp <= 0x202F) ||
	         (cp >= 0x2060 && cp <= 0x206F) || (cp >= 0x2190 && cp <= 0x2BFF) || (cp >= 0xE000 && cp <= 0xF8FF) ||
	         (cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF || (cp >= 0x1F000 && cp <= 0x1FAFF) || cp >= 0xE0000);
}

enum store_name_problem store_name_check(const char *name)
{
	size_t n = strlen(name), chars = 0;
	if (!n)
		return STORE_NAME_EMPTY;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = util_utf8_decode(name + i, n - i, &cp);
		if (len <= 0 || cp == 0xFFFD)
			return STORE_NAME_BAD_CHAR;
		if (!name_char_ok(cp))
			return STORE_NAME_BAD_CHAR;
		i += (size_t)len;
		chars++;
	}
	if (chars > STORE_NAME_CHARS || n > STORE_NAME_MAX)
		return STORE_NAME_TOO_LONG;
	if (name[0] == ' ' || name[n - 1] == ' ')
		return STORE_NAME_SPACES;
	return STORE_NAME_OK;
}

const char *store_name_problem_text(enum store_name_problem p)
{
	switch (p) {
	case STORE_NAME_OK: return "the name is fine";
	case STORE_NAME_EMPTY: return "a name cannot be empty";
	case STORE_NAME_TOO_LONG: return "a name can have at most 30 characters";
	case STORE_NAME_SPACES: return "a name cannot begin or end with a space";
	case STORE_NAME_BAD_CHAR: break;
	}
	return "a name can hold letters, digits, spaces, hyphens, apostrophes and full stops, but no emoji, "
	       "symbols, tabs or line breaks";
}

static bool name_ok(struct store *s, const char *name)
{
	enum store_name_problem p = store_name_check(name);
	if (p == STORE_NAME_OK)
		return true;
	snprintf(s->err, sizeof s->err, "%s", store_name_problem_text(p));
	s->problem = STORE_PROBLEM_INPUT;
	return false;
}

bool store_learner_add(struct store *s, const char *name, int avatar, char id_out[LP_ID_LEN + 1])
{
	return store_learner_add_code(s, name, avatar, "", id_out);
}

bool store_learner_add_code(struct store *s, const char *name, int avatar, const char *code_hash,
                            char id_out[LP_ID_LEN + 1])
{
	if (!name_ok(s, name))
		return false;
	if (!util_random_id(id_out)) {
		snprintf(s->err, sizeof s->err, "no random numbers available");
		return false;
	}
	sqlite3_stmt *st = prep(s, "INSERT INTO learners(id, name, avatar, created_ms, ver_counter, ver_device, code_hash)"
	                           " VALUES(?, ?, ?, ?, ?, ?, ?)");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id_out, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, avatar);
	sqlite3_bind_int64(st, 4, now_ms(s));
	sqlite3_bind_int64(st, 5, s->seq + 1);
	sqlite3_bind_text(st, 6, s->device, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 7, code_hash ? code_hash : "", -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(s, "save the new learner");
	s->seq++;
	committed(s, "learner", id_out);
	return true;
}

/* One change to a learner's profile, with a new version (counter) so a sync
 * picks the same winner everywhere. */
static bool learner_change(struct store *s, const char *id, const char *sql, const char *text, int num,
                           const char *what)
{
	sqlite3_stmt *st = prep(s, sql);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, s->seq + 1);
	sqlite3_bind_text(st, 3, s->device, -1, SQLITE_STATIC);
	if (text)
		sqlite3_bind_text(st, 4, text, -1, SQLITE_STATIC);
	else
		sqlite3_bind_int(st, 4, num);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(s, what);
	if (sqlite3_changes(s->db) != 1) {
		snprintf(s->err, sizeof s->err, "no learner with id %s", id);
		s->problem = STORE_PROBLEM_INPUT;
		return false;
	}
	s->seq++;
	committed(s, "learner", id);
	return true;
}

bool store_learner_rename(struct store *s, const char *id, const char *name)
{
	return name_ok(s, name) &&
	       learner_change(s, id, "UPDATE learners SET ver_counter = ?2, ver_device = ?3, name = ?4"
	                             " WHERE id = ?1 AND erased = 0", name, 0, "rename the learner");
}

bool store_learner_set_avatar(struct store *s, const char *id, int avatar)
{
	return learner_change(s, id, "UPDATE learners SET ver_counter = ?2, ver_device = ?3, avatar = ?4"
	                             " WHERE id = ?1 AND erased = 0", NULL, avatar, "change the picture");
}

bool store_learner_set_route(struct store *s, const char *id, int route)
{
	if (route != STORE_ROUTE_WORKER && route != STORE_ROUTE_SUPERVISOR && route != STORE_ROUTE_MANAGER) {
		snprintf(s->err, sizeof s->err, "a route is worker, supervisor or manager");
		s->problem = STORE_PROBLEM_INPUT;
		return false;
	}
	return learner_change(s, id, "UPDATE learners SET ver_counter = ?2, ver_device = ?3, route = ?4"
	                             " WHERE id = ?1 AND erased = 0", NULL, route, "change the route");
}

bool store_learner_set_code(struct store *s, const char *id, const char *code_hash)
{
	return learner_change(s, id, "UPDATE learners SET ver_counter = ?2, ver_device = ?3, code_hash = ?4,"
	                             " code_fails = 0 WHERE id = ?1 AND erased = 0", code_hash, 0, "save the code");
}

bool store_learner_code_hash(struct store *s, const char *id, char *buf, size_t len)
{
	sqlite3_stmt *st = prep(s, "SELECT code_hash FROM learners WHERE id = ? AND erased = 0");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			snprintf(s->err, sizeof s->err, "no learner with id %s", id);
		else
			fail(s, "read the code");
		return false;
	}
	return true;
}

bool store_learner_set_fails(struct store *s, const char *id, int fails)
{
	sqlite3_stmt *st = prep(s, "UPDATE learners SET code_fails = ? WHERE id = ? AND erased = 0");
	if (!st)
		return false;
	sqlite3_bind_int(st, 1, fails);
	sqlite3_bind_text(st, 2, id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(s, "save a wrong code");
	committed(s, "tries", id);
	return true;
}

static const char learner_cols[] =
	"SELECT l.id, l.name, l.avatar,"
	" (SELECT count(DISTINCT c.lesson_id) FROM completions c WHERE c.learner_id = l.id),"
	" l.code_hash != '', l.code_fails, l.route"
	" FROM learners l WHERE l.erased = 0";

static void read_learner(sqlite3_stmt *st, struct store_learner *l)
{
	snprintf(l->id, sizeof l->id, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(l->name, sizeof l->name, "%s", (const char *)sqlite3_column_text(st, 1));
	l->avatar = sqlite3_column_int(st, 2);
	l->lessons_done = sqlite3_column_int(st, 3);
	l->has_code = sqlite3_column_int(st, 4) != 0;
	l->code_fails = sqlite3_column_int(st, 5);
	l->route = sqlite3_column_int(st, 6);
}

int store_learner_list(struct store *s, struct store_learner **out)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%s ORDER BY l.name COLLATE NOCASE, l.created_ms", learner_cols);
	sqlite3_stmt *st = prep(s, sql);
	*out = NULL;
	if (!st)
		return -1;
	int n = 0, cap = 0;
	struct store_learner *v = NULL;
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			struct store_learner *nv = realloc(v, (size_t)cap * sizeof *v);
			if (!nv) {
				free(v);
				sqlite3_finalize(st);
				snprintf(s->err, sizeof s->err, "out of memory");
				return -1;
			}
			v = nv;
		}
		read_learner(st, &v[n++]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		fail(s, "read learners");
		return -1;
	}
	*out = v;
	return n;
}

bool store_learner_get(struct store *s, const char *id, struct store_learner *out)
{
	char sql[512];
	snprintf(sql, sizeof sql, "%s AND l.id = ?", learner_cols);
	sqlite3_stmt *st = prep(s, sql);
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		read_learner(st, out);
	else
		snprintf(s->err, sizeof s->err, "no learner with id %s", id);
	sqlite3_finalize(st);
	return found;
}

bool store_learner_erase(struct store *s, const char *id)
{
	struct store_learner l;
	if (!store_learner_get(s, id, &l))
		return false;
	if (!exec(s, "BEGIN IMMEDIATE", "erase learner"))
		return false;
	static const char *const sqls[] = {
		"DELETE FROM attempts WHERE learner_id = ?1",
		"DELETE FROM completions WHERE learner_id = ?1",
		"DELETE FROM progress WHERE learner_id = ?1",
		/* The row stays as a tombstone without a name, so a later sync can
		 * carry the erasure to other terminals. */
		("UPDATE learners SET name = '', avatar = 0, erased = 1, code_hash = '', code_fails = 0,"
		 " ver_counter = ?2, ver_device = ?3 WHERE id = ?1"),
	};
	for (size_t i = 0; i < sizeof sqls / sizeof sqls[0]; i++) {
		sqlite3_stmt *st = prep(s, sqls[i]);
		if (!st)
			goto rollback;
		sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
		if (i == 3) {
			sqlite3_bind_int64(st, 2, s->seq + 1);
			sqlite3_bind_text(st, 3, s->device, -1, SQLITE_STATIC);
		}
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			fail(s, "erase learner");
			goto rollback;
		}
	}
	if (!store_seq_floor(s, s->seq + 1) || !exec(s, "COMMIT", "erase learner"))
		goto rollback;
	s->seq++;
	/* Old copies of the pages in the write-ahead log go too. */
	sqlite3_wal_checkpoint_v2(s->db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	committed(s, "erase", id);
	return true;
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return false;
}

bool store_attempt_add(struct store *s, const struct store_attempt *a, char id_out[LP_ID_LEN + 1])
{
	if (!util_random_id(id_out)) {
		snprintf(s->err, sizeof s->err, "no random numbers available");
		return false;
	}
	sqlite3_stmt *st = prep(s, "INSERT INTO attempts(id, learner_id, lesson_id, lesson_version, step,"
	                           " correct, answer, at_ms, device, seq, hints, ms, review) VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id_out, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->learner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, a->lesson_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, a->lesson_version);
	sqlite3_bind_int(st, 5, a->step);
	sqlite3_bind_int(st, 6, a->correct);
	sqlite3_bind_text(st, 7, a->answer ? a->answer : "", -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 8, now_ms(s));
	sqlite3_bind_text(st, 9, s->device, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, s->seq + 1);
	sqlite3_bind_int(st, 11, a->hints);
	sqlite3_bind_int64(st, 12, a->ms > 0 ? a->ms : 0);
	sqlite3_bind_int(st, 13, a->review);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(s, "save the answer");
	s->seq++;
	committed(s, "attempt", id_out);
	return true;
}

bool store_progress_set(struct store *s, const char *learner_id, const char *lesson_id,
                        int lesson_version, int step, bool completed)
{
	char cid[LP_ID_LEN + 1] = "";
	if (completed && !util_random_id(cid)) {
		snprintf(s->err, sizeof s->err, "no random numbers available");
		return false;
	}
	if (!exec(s, "BEGIN IMMEDIATE", "save progress"))
		return false;
	int64_t now = now_ms(s);
	/* A step of 0 restarts the lesson: started_ms marks where the attempts
	 * of this run begin. */
	sqlite3_stmt *st = prep(s, "INSERT INTO progress(learner_id, lesson_id, step, started_ms, updated_ms)"
	                           " VALUES(?1, ?2, ?3, ?4, ?4) ON CONFLICT(learner_id, lesson_id) DO UPDATE SET"
	                           " step = ?3, updated_ms = ?4,"
	                           " started_ms = CASE WHEN ?3 = 0 THEN ?4 ELSE started_ms END");
	if (!st)
		goto rollback;
	sqlite3_bind_text(st, 1, learner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lesson_id, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, completed ? -1 : step);
	sqlite3_bind_int64(st, 4, now);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fail(s, "save progress");
		goto rollback;
	}
	if (completed) {
		st = prep(s, "INSERT INTO completions(id, learner_id, lesson_id, lesson_version, at_ms, device, seq)"
		             " VALUES(?,?,?,?,?,?,?)");
		if (!st)
			goto rollback;
		sqlite3_bind_text(st, 1, cid, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, learner_id, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, lesson_id, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, lesson_version);
		sqlite3_bind_int64(st, 5, now);
		sqlite3_bind_text(st, 6, s->device, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 7, s->seq + 1);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE) {
			fail(s, "save completion");
			goto rollback;
		}
	}
	if (!exec(s, "COMMIT", "save progress"))
		goto rollback;
	if (completed) {
		s->seq++;
		committed(s, "completion", cid);
	} else {
		committed(s, "progress", lesson_id);
	}
	return true;
rollback:
	sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
	return false;
}

bool store_progress_get(struct store *s, const char *learner_id, const char *lesson_id,
                        struct store_progress *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = prep(s, "SELECT (SELECT step FROM progress WHERE learner_id=?1 AND lesson_id=?2),"
	                           " EXISTS(SELECT 1 FROM completions WHERE learner_id=?1 AND lesson_id=?2)");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, learner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lesson_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->started = sqlite3_column_type(st, 0) != SQLITE_NULL;
		out->step = out->started ? sqlite3_column_int(st, 0) : 0;
		out->completed = sqlite3_column_int(st, 1) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return fail(s, "read progress");
	return true;
}

bool store_last_open_lesson(struct store *s, const char *learner_id, char *lesson_id, size_t len)
{
	sqlite3_stmt *st = prep(s, "SELECT lesson_id FROM progress WHERE learner_id=? AND step >= 0"
	                           " ORDER BY updated_ms DESC LIMIT 1");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, learner_id, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		snprintf(lesson_id, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return found;
}

bool store_attempt_counts(struct store *s, const char *learner_id, const char *lesson_id,
                          int *attempts, int *first_right)
{
	/* A step's first attempt in this run decides "right the first time". */
	sqlite3_stmt *st = prep(s,
		"WITH run AS (SELECT a.* FROM attempts a WHERE a.learner_id=?1 AND a.lesson_id=?2"
		"  AND a.at_ms >= coalesce((SELECT started_ms FROM progress WHERE learner_id=?1 AND lesson_id=?2), 0)),"
		" firsts AS (SELECT step, correct, hints, min(seq) FROM run GROUP BY step)"
		" SELECT (SELECT count(*) FROM run), (SELECT count(*) FROM firsts WHERE correct AND hints = 0)");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, learner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lesson_id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*attempts = sqlite3_column_int(st, 0);
		*first_right = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return fail(s, "count answers");
	return true;
}

int store_lesson_answers(struct store *s, const char *learner_id, const char *lesson_id, struct mastery_answer **out)
{
	*out = NULL;
	sqlite3_stmt *st = prep(s, "SELECT at_ms, correct, hints, review FROM attempts"
	                           " WHERE learner_id = ? AND lesson_id = ? ORDER BY at_ms, seq");
	if (!st)
		return -1;
	sqlite3_bind_text(st, 1, learner_id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, lesson_id, -1, SQLITE_STATIC);
	int n = 0, cap = 0, rc;
	struct mastery_answer *v = NULL;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (n == cap) {
			cap = cap ? cap * 2 : 32;
			struct mastery_answer *nv = realloc(v, (size_t)cap * sizeof *v);
			if (!nv)
				break;
			v = nv;
		}
		v[n++] = (struct mastery_answer){.at_ms = sqlite3_column_int64(st, 0),
		                                 .correct = sqlite3_column_int(st, 1) != 0,
		                                 .hints = sqlite3_column_int(st, 2),
		                                 .review = sqlite3_column_int(st, 3) != 0};
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(v);
		fail(s, "read answers");
		return -1;
	}
	*out = v;
	return n;
}

int store_setting_int(struct store *s, const char *key, int fallback)
{
	sqlite3_stmt *st = prep(s, "SELECT value FROM meta WHERE key = ?");
	if (!st)
		return fallback;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	int v = fallback;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		char *end;
		long n = t ? strtol(t, &end, 10) : 0;
		if (t && *t && !*end && n > 0 && n < 1000000)
			v = (int)n;
	}
	sqlite3_finalize(st);
	return v;
}

bool store_setting_set_int(struct store *s, const char *key, int value)
{
	char v[16];
	snprintf(v, sizeof v, "%d", value);
	return store_setting_set_text(s, key, v);
}

bool store_setting_text(struct store *s, const char *key, char *buf, size_t len)
{
	sqlite3_stmt *st = prep(s, "SELECT value FROM meta WHERE key = ?");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	bool found = sqlite3_step(st) == SQLITE_ROW;
	if (found)
		snprintf(buf, len, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return found;
}

bool store_setting_set_text(struct store *s, const char *key, const char *value)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO meta(key, value) VALUES(?, ?)"
	                           " ON CONFLICT(key) DO UPDATE SET value = excluded.value");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return fail(s, "save a setting");
	committed(s, "setting", key);
	return true;
}

int64_t store_setting_int64(struct store *s, const char *key, int64_t fallback)
{
	char buf[32], *end;
	if (!store_setting_text(s, key, buf, sizeof buf) || !buf[0])
		return fallback;
	long long v = strtoll(buf, &end, 10);
	return *end ? fallback : (int64_t)v;
}

sqlite3 *store_db(struct store *s)
{
	return s->db;
}

int64_t store_seq(const struct store *s)
{
	return s->seq;
}

int64_t store_seq_next(struct store *s)
{
	return ++s->seq;
}

void store_seq_seen(struct store *s, int64_t counter)
{
	if (counter > s->seq)
		s->seq = counter;
}

bool store_seq_floor(struct store *s, int64_t counter)
{
	sqlite3_stmt *st = prep(s, "INSERT INTO meta(key, value) VALUES('seq', ?)"
	                           " ON CONFLICT(key) DO UPDATE SET value = excluded.value"
	                           " WHERE CAST(meta.value AS INTEGER) < CAST(excluded.value AS INTEGER)");
	if (!st)
		return false;
	char v[24];
	snprintf(v, sizeof v, "%lld", (long long)counter);
	sqlite3_bind_text(st, 1, v, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || fail(s, "keep the counter");
}

bool store_fail(struct store *s, const char *what)
{
	return fail(s, what);
}

bool store_pin_note(struct store *s, int64_t at_ms, int fails, int64_t last_fail_ms)
{
	char f[24], l[24];
	snprintf(f, sizeof f, "%d", fails);
	snprintf(l, sizeof l, "%lld", (long long)last_fail_ms);
	if (!exec(s, "BEGIN IMMEDIATE", "count a PIN guess"))
		return false;
	sqlite3_stmt *st = prep(s, "INSERT INTO pin_checks(at_ms) VALUES(?)");
	bool ok = st != NULL;
	if (ok) {
		sqlite3_bind_int64(st, 1, at_ms);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, "count a PIN guess");
		sqlite3_finalize(st);
	}
	/* Only the last two hours matter for the hourly cap. */
	if (ok && (st = prep(s, "DELETE FROM pin_checks WHERE at_ms < ?"))) {
		sqlite3_bind_int64(st, 1, at_ms - 2 * 3600 * 1000LL);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, "count a PIN guess");
		sqlite3_finalize(st);
	}
	static const char upsert[] = "INSERT INTO meta(key, value) VALUES(?, ?)"
	                             " ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	for (int i = 0; ok && i < 2; i++) {
		if (!(st = prep(s, upsert))) {
			ok = false;
			break;
		}
		sqlite3_bind_text(st, 1, i ? "pin_last_fail_ms" : "pin_fails", -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, i ? l : f, -1, SQLITE_STATIC);
		ok = sqlite3_step(st) == SQLITE_DONE || fail(s, "count a PIN guess");
		sqlite3_finalize(st);
	}
	if (!ok || !exec(s, "COMMIT", "count a PIN guess")) {
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		return false;
	}
	committed(s, "pin", "check");
	return true;
}

int store_pin_checks_since(struct store *s, int64_t since_ms, int64_t now_ms_, int64_t *oldest)
{
	/* A clock that went back leaves guesses "in the future"; they count as
	 * made now, so they neither vanish nor block for a year. */
	sqlite3_stmt *st = prep(s, "UPDATE pin_checks SET at_ms = ? WHERE at_ms > ?");
	if (!st)
		return -1;
	sqlite3_bind_int64(st, 1, now_ms_);
	sqlite3_bind_int64(st, 2, now_ms_);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fail(s, "read PIN guesses");
		return -1;
	}
	if (!(st = prep(s, "SELECT count(*), min(at_ms) FROM pin_checks WHERE at_ms > ?")))
		return -1;
	sqlite3_bind_int64(st, 1, since_ms);
	int n = -1;
	if (sqlite3_step(st) == SQLITE_ROW) {
		n = sqlite3_column_int(st, 0);
		*oldest = sqlite3_column_int64(st, 1);
	} else {
		fail(s, "read PIN guesses");
	}
	sqlite3_finalize(st);
	return n;
}

bool store_put_aside(const char *dir, int64_t now_ms, char *moved_to, size_t len)
{
	time_t t = (time_t)(now_ms / 1000);
	struct tm tm;
	char stamp[32] = "unknown";
	if (localtime_r(&t, &tm))
		strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	/* The -wal and -shm files belong to their database: they move with it,
	 * under the same name, so the set can still be opened and examined. */
	static const char *const parts[] = {"", "-wal", "-shm"};
	bool ok = true;
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		char *from = util_printf("%s/leerplek.db%s", dir, parts[i]);
		char *to = util_printf("%s/leerplek-damaged-%s.db%s", dir, stamp, parts[i]);
		if (rename(from, to) != 0 && errno != ENOENT && i == 0)
			ok = false;
		if (i == 0)
			snprintf(moved_to, len, "%s", to);
		free(from);
		free(to);
	}
	return ok;
}
