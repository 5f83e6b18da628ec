/* The terminal's own data: one SQLite database in the data directory.
 * Learning data are immutable events with random 128-bit ids (so a later
 * sync is a union); the learner record is mutable and carries a per-device
 * counter for the same reason. Every function that writes commits before
 * it returns: when it returns true, the data survive a pulled plug. */
#ifndef LP_STORE_H
#define LP_STORE_H

#include "mastery.h"
#include "util.h"

#include <stdbool.h>
#include <stdint.h>

#define STORE_NAME_CHARS 30 /* characters of a learner's first name */
#define STORE_NAME_MAX 120  /* its bytes (4 a character at most) */
#define STORE_CODE_HASH_MAX 128
#define STORE_AVATARS 12 /* the pictures a learner can have (assets/avatars) */

struct store;

struct store_learner {
	char id[LP_ID_LEN + 1];
	char name[STORE_NAME_MAX + 1];
	int avatar;
	int lessons_done;
	bool has_code;  /* signs in with a picture code */
	int code_fails; /* wrong codes since the last right one, on this terminal */
	int route;      /* STORE_ROUTE_*: whose lessons the home screen shows */
};

/* Routes, the same bits as the lessons' roles (LESSON_ROLE_*). */
enum { STORE_ROUTE_WORKER = 1, STORE_ROUTE_SUPERVISOR = 2, STORE_ROUTE_MANAGER = 4 };

struct store_attempt {
	const char *learner_id;
	const char *lesson_id;
	int lesson_version;
	int step;
	bool correct;
	const char *answer; /* what was chosen (item indexes) or typed */
	int hints;          /* rung of the hint ladder reached before answering */
	int64_t ms;         /* time from the step shown to the answer */
	bool review;        /* given in a mixed review */
};

/* Where a learner is in a lesson: the step to continue at, and whether the
 * lesson was ever completed. */
struct store_progress {
	int step;
	bool started;
	bool completed;
};

/* Called after every durable commit (script mode prints "saved KIND ID"). */
typedef void (*store_commit_fn)(void *ud, const char *kind, const char *id);

/* Opens (creating if needed) DIR/leerplek.db. On failure returns NULL and a
 * message a person can act on in err. */
struct store *store_open(const char *dir, char *err, size_t errlen);
/* The same, checking every page of the file first; *damaged tells whether
 * a failure was because the file is not a sound database (then it can be
 * put aside, see below, and a new one started). */
struct store *store_open_checked(const char *dir, char *err, size_t errlen, bool *damaged);
/* Moves DIR/leerplek.db (with its -wal and -shm) aside as
 * DIR/leerplek-damaged-YYYYMMDD-HHMMSS.db; nothing is deleted. */
bool store_put_aside(const char *dir, int64_t now_ms, char *moved_to, size_t len);
void store_destroy(struct store *s);
void store_on_commit(struct store *s, store_commit_fn fn, void *ud);

/* What kind of failure the last one was, so the screen can say it in the
 * learner's language. */
enum store_problem {
	STORE_PROBLEM_OTHER,
	STORE_PROBLEM_FULL,
	STORE_PROBLEM_READONLY,
	STORE_PROBLEM_DAMAGED,
	STORE_PROBLEM_INPUT, /* the data given were refused (a name, an id) */
};
enum store_problem store_problem(const struct store *s);

/* The last error, in words; valid until the next call. */
const char *store_error(const struct store *s);
const char *store_device_id(const struct store *s);
int store_schema_version(const struct store *s);

/* Whether a first name can be saved: 1 to 30 characters of any script,
 * no emoji, symbols or control characters, no space at either end. */
enum store_name_problem { STORE_NAME_OK, STORE_NAME_EMPTY, STORE_NAME_TOO_LONG, STORE_NAME_SPACES, STORE_NAME_BAD_CHAR };
enum store_name_problem store_name_check(const char *name);
/* In English, for the command line. */
const char *store_name_problem_text(enum store_name_problem p);

bool store_learner_add(struct store *s, const char *name, int avatar, char id_out[LP_ID_LEN + 1]);
/* The same with a picture code (an Argon2id string from secret.h; "" for
 * none). */
bool store_learner_add_code(struct store *s, const char *name, int avatar, const char *code_hash,
                            char id_out[LP_ID_LEN + 1]);
/* Profile changes; each gets a new version for sync. Setting a code (or ""
 * for none) also clears the wrong tries, which unlocks the profile. */
bool store_learner_rename(struct store *s, const char *id, const char *name);
bool store_learner_set_avatar(struct store *s, const char *id, int avatar);
bool store_learner_set_route(struct store *s, const char *id, int route);
bool store_learner_set_code(struct store *s, const char *id, const char *code_hash);
bool store_learner_code_hash(struct store *s, const char *id, char *buf, size_t len);
/* Wrong tries of the code on this terminal (0 unlocks); not synced. */
bool store_learner_set_fails(struct store *s, const char *id, int fails);
/* All learners (not erased), by name; *out is malloc'd. Returns count or -1. */
int store_learner_list(struct store *s, struct store_learner **out);
bool store_learner_get(struct store *s, const char *id, struct store_learner *out);
/* Removes the learner's name and all their events. */
bool store_learner_erase(struct store *s, const char *id);

bool store_attempt_add(struct store *s, const struct store_attempt *a, char id_out[LP_ID_LEN + 1]);
/* Saves the step a learner is at; completed marks the end of the lesson
 * and records a completion event. */
bool store_progress_set(struct store *s, const char *learner_id, const char *lesson_id,
                        int lesson_version, int step, bool completed);
bool store_progress_get(struct store *s, const char *learner_id, const char *lesson_id,
                        struct store_progress *out);
/* The lesson the learner worked in last and has not completed since, or
 * false when there is none. lesson_id must hold 64 bytes. */
bool store_last_open_lesson(struct store *s, const char *learner_id, char *lesson_id, size_t len);
/* Attempts of this learner in this lesson since the lesson was last started;
 * first-try correct answers go in *first_right. */
bool store_attempt_counts(struct store *s, const char *learner_id, const char *lesson_id,
                          int *attempts, int *first_right);

/* A learner's answers in one lesson, in the order given (for mastery);
 * *out is malloc'd. Returns the count or -1. */
int store_lesson_answers(struct store *s, const char *learner_id, const char *lesson_id, struct mastery_answer **out);

/* Settings of this terminal (e.g. "idle_seconds"): a whole number, or
 * fallback when not set. */
int store_setting_int(struct store *s, const char *key, int fallback);
bool store_setting_set_int(struct store *s, const char *key, int value);
/* Text settings ("org", "site", "lang", "pin"): false when not set. */
bool store_setting_text(struct store *s, const char *key, char *buf, size_t len);
bool store_setting_set_text(struct store *s, const char *key, const char *value);
int64_t store_setting_int64(struct store *s, const char *key, int64_t fallback);

/* The supervisor PIN's throttle (see guard.h): records one checked guess
 * at at_ms with the failure count and the last failure's time, in one
 * transaction; counts the guesses after since_ms (guesses dated after
 * now_ms, from a clock that went back, are moved to now_ms first) and
 * gives the oldest of them. */
bool store_pin_note(struct store *s, int64_t at_ms, int fails, int64_t last_fail_ms);
int store_pin_checks_since(struct store *s, int64_t since_ms, int64_t now_ms, int64_t *oldest);

/* For the sync engine (sync.c), which reads and merges records itself:
 * the connection, the device counter (store_seq_next takes the next one;
 * store_seq_seen raises it past a counter seen in another device's record,
 * so a later edit here wins over what it has seen), a floor for the counter
 * kept in the database (inside the caller's transaction) for when records
 * with high counters are erased or superseded, and a failure in words. */
typedef struct sqlite3 sqlite3;
sqlite3 *store_db(struct store *s);
int64_t store_seq(const struct store *s);
int64_t store_seq_next(struct store *s);
void store_seq_seen(struct store *s, int64_t counter);
bool store_seq_floor(struct store *s, int64_t counter);
bool store_fail(struct store *s, const char *what);

/* Clock seam: milliseconds added to the wall clock (script `clock +S`). */
void store_set_clock_offset(struct store *s, int64_t offset_ms);
/* The wall clock the store writes (with that offset). */
int64_t store_now_ms(const struct store *s);

#endif
