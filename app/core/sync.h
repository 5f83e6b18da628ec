/* Sync by USB stick (SPEC.md, "The USB stick"). The stick holds immutable
 * bundle files under LEERPLEK/sync/, each encrypted and authenticated with
 * the organisation key. Every record a terminal makes carries its origin:
 * the device that made it and that device's counter. Each terminal keeps,
 * per device, the highest counter it holds (its vector); each bundle's
 * header says which counter range of which device it holds. A sync reads
 * the bundles with something the terminal lacks and writes one bundle with
 * what the stick lacks. Attempts and completions merge as a union by id;
 * a learner's profile goes to the highest (counter, device); an erasure
 * beats everything and travels as a tombstone.
 *
 * Everything here is in app/core (no SDL): the kiosk runs sync_run() in a
 * thread of its own with its own store connection, `leerplek sync` calls
 * it directly, and tests/sync drives it for many simulated terminals. */
#ifndef LP_SYNC_H
#define LP_SYNC_H

#include "store.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SYNC_KEY_BYTES 32
#define SYNC_CODE_MAX 40 /* "ABCD-EFGH-JKMN-PQRS-TVWX-Y" and a NUL */

/* ---- the organisation key ---- */

/* A new random organisation code (100 bits in Crockford base 32, in groups
 * of four, with a check character against typos). */
bool sync_org_code_new(char code[SYNC_CODE_MAX]);
/* Reads a code as a person typed it (any case, spaces or dashes, O for 0,
 * I and L for 1) into its canonical form; false when it is not a code or
 * its check character is wrong. */
bool sync_org_code_parse(const char *typed, char code[SYNC_CODE_MAX]);
/* The key every terminal derives from the same code (Argon2id). */
bool sync_org_key(const char *code, uint8_t key[SYNC_KEY_BYTES]);
/* Saves / loads the terminal's organisation (key and its public id). */
bool sync_org_save(struct store *s, const uint8_t key[SYNC_KEY_BYTES]);
bool sync_org_load(struct store *s, uint8_t key[SYNC_KEY_BYTES]);

/* ---- one sync ---- */

enum sync_phase { SYNC_LOOKING, SYNC_READING, SYNC_WRITING, SYNC_TIDYING, SYNC_DONE };

struct sync_progress {
	enum sync_phase phase;
	int done, total; /* bundles read or written so far, of how many */
};

/* Called from sync_run as it goes (on its own thread when the kiosk runs
 * it); must be quick. Returning false asks the sync to stop at the next
 * safe point (nothing half-imported; the stick stays usable). */
typedef bool (*sync_progress_fn)(void *ud, const struct sync_progress *p);

/* Why a file on the stick was not used. */
enum sync_reject {
	SYNC_REJECT_NOT_REGULAR, /* a symlink, FIFO, device or folder */
	SYNC_REJECT_TOO_BIG,
	SYNC_REJECT_TOO_MANY,   /* over the cap on the number of files */
	SYNC_REJECT_TRUNCATED,  /* shorter than its header says (a pulled stick) */
	SYNC_REJECT_FOREIGN,    /* another organisation's, or not a bundle at all */
	SYNC_REJECT_DAMAGED,    /* fails authentication: altered or garbled */
	SYNC_REJECT_TIME,       /* the time cap ran out before it was read */
};

struct sync_summary {
	int bundles_read, bundles_written, bundles_removed, rejected;
	int records_received; /* new records taken in (answers, completions, profiles) */
	int records_sent;
	int learners_received, answers_received, erasures_received;
	int64_t bytes_written;
	bool complete;   /* everything the stick and the terminal hold is now on both */
	char message[300]; /* when not complete: what went wrong, for a supervisor */
};

/* Called once for every file that was not used, with its name inside
 * LEERPLEK/sync and the reason. */
typedef void (*sync_reject_fn)(void *ud, const char *name, enum sync_reject why);

struct sync_options {
	sync_progress_fn progress;
	sync_reject_fn reject;
	void *ud;
	int max_files;        /* default 10,000 */
	int64_t max_bytes;    /* one bundle; default 256 MiB */
	int64_t max_ms;       /* the whole sync; default 120 s */
	int compact_over;     /* compact when the stick holds more bundles; default 16 */
};

/* One full sync between the terminal's store and a stick whose root is
 * stick_dir (the folder that holds LEERPLEK). Needs the organisation key.
 * Returns false only when the sync could not run at all (no LEERPLEK
 * folder, the stick cannot be written, the store failed); the summary's
 * message says why. Files it rejects are reported and left alone, or moved
 * aside when they are damaged bundles of this organisation. */
bool sync_run(struct store *s, const char *stick_dir, const uint8_t key[SYNC_KEY_BYTES],
              const struct sync_options *opt, struct sync_summary *sum);

const char *sync_reject_text(enum sync_reject why);

/* A canonical text dump of what syncs (learners, attempts, completions),
 * sorted, for comparing terminals in tests; malloc'd. */
char *sync_dump(struct store *s);

#endif
