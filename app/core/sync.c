/* Sync by USB stick: see sync.h for the model.
 *
 * A bundle file, LEERPLEK/sync/WRITER-COUNTER-RANDOM.lpb:
 *
 *   "LPB1"                      magic
 *   u32 header length H         (little endian, like every number here)
 *   header (H bytes):
 *     u8  format (1)
 *     16  organisation id       (a hash of the key: a foreign stick is told
 *                                apart without trying to decrypt it)
 *     u32 tombstones the writer knew (see compaction below)
 *     u32 n, then n ranges:     32 hex device id, u64 lo, u64 hi: the
 *                                bundle holds that device's records with
 *                                lo < counter <= hi, all of them that its
 *                                writer had
 *     u64 body length B
 *     24  nonce
 *   32  header MAC              (BLAKE2b keyed with a subkey)
 *   B   body                    XChaCha20-Poly1305 of the records, with
 *                                everything before it as associated data
 *
 * so a partial file (shorter than 4+4+H+32+B), an altered header (MAC), an
 * altered body (AEAD) and a foreign file (organisation id) are all told
 * apart before anything in the file is used. Records are length-prefixed
 * fields (see put_* and get_*).
 *
 * Every bundle's ranges start where the stick's coverage of that device
 * ended, so the stick's bundles chain; a terminal advances its own vector
 * only over a chain without gaps, so what it holds of each device is always
 * a prefix (everything up to its counter), which is what makes "read only
 * what is new, write only what the stick lacks" safe. Imports are
 * idempotent and each bundle is taken in one transaction.
 *
 * Compaction: when the stick holds many bundles, or holds bundles written
 * before an erasure this terminal knows of (they may carry the erased
 * learner's name), the terminal writes one bundle with everything it holds
 * and then deletes every bundle it has fully taken in. */
#include "sync.h"
#include "log.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAGIC "LPB1"
#define FORMAT 1
#define ID_BYTES 16
#define DEV_HEX 32
#define MAC_BYTES 32
#define NONCE_BYTES crypto_aead_xchacha20poly1305_ietf_NPUBBYTES
#define TAG_BYTES crypto_aead_xchacha20poly1305_ietf_ABYTES
#define MAX_RANGES 4096
#define MAX_HEADER (64 + MAX_RANGES * (DEV_HEX + 16))

enum { REC_LEARNER = 1, REC_ATTEMPT = 2, REC_COMPLETION = 3 };

/* ---- keys ---- */

struct keys {
	uint8_t org_id[ID_BYTES];
	uint8_t mac[32];
	uint8_t aead[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
};

static void derive(const uint8_t key[SYNC_KEY_BYTES], struct keys *k)
{
	crypto_kdf_derive_from_key(k->mac, sizeof k->mac, 1, "LPsync01", key);
	crypto_kdf_derive_from_key(k->aead, sizeof k->aead, 2, "LPsync01", key);
	uint8_t id[32];
	crypto_kdf_derive_from_key(id, sizeof id, 3, "LPsync01", key);
	memcpy(k->org_id, id, ID_BYTES);
}

/* ---- the vector: per device, the highest counter held ---- */

struct vec_item {
	char dev[DEV_HEX + 1];
	int64_t max;
};

struct vec {
	struct vec_item *v;
	int n, cap;
};

static int64_t vec_get(const struct vec *v, const char *dev)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].dev, dev))
			return v->v[i].max;
	return 0;
}

static void vec_raise(struct vec *v, const char *dev, int64_t max)
{
	for (int i = 0; i < v->n; i++)
		if (!strcmp(v->v[i].dev, dev)) {
			if (max > v->v[i].max)
				v->v[i].max = max;
			return;
		}
	if (v->n == v->cap) {
		v->cap = v->cap ? v->cap * 2 : 16;
		v->v = realloc(v->v, (size_t)v->cap * sizeof *v->v);
	}
	snprintf(v->v[v->n].dev, sizeof v->v[v->n].dev, "%s", dev);
	v->v[v->n++].max = max;
}

static bool load_vector(struct store *s, struct vec *v)
{
	sqlite3_stmt *st;
	v->n = 0;
	if (sqlite3_prepare_v2(store_db(s), "SELECT device, max FROM sync_vector", -1, &st, NULL) != SQLITE_OK)
		return store_fail(s, "read what this terminal holds");
	while (sqlite3_step(st) == SQLITE_ROW)
		vec_raise(v, (const char *)sqlite3_column_text(st, 0), sqlite3_column_int64(st, 1));
	sqlite3_finalize(st);
	vec_raise(v, store_device_id(s), store_seq(s));
	return true;
}

/* ---- writing and reading records ---- */

struct buf {
	uint8_t *p;
	size_t n, cap;
	bool oom;
};

static void put(struct buf *b, const void *data, size_t n)
{
	if (n == 0) /* write_bundle puts (NULL, 0): memcpy must not see NULL */
		return;
	if (b->n + n > b->cap) {
		size_t cap = (b->n + n) * 2 + 256;
		uint8_t *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, data, n);
	b->n += n;
}

static void put_u32(struct buf *b, uint32_t v)
{
	uint8_t x[4] = {(uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24)};
	put(b, x, 4);
}

static void put_i64(struct buf *b, int64_t v)
{
	uint64_t u = (uint64_t)v;
	uint8_t x[8];
	for (int i = 0; i < 8; i++)
		x[i] = (uint8_t)(u >> (8 * i));
	put(b, x, 8);
}

static void put_str(struct buf *b, const char *s)
{
	size_t n = s ? strlen(s) : 0;
	put_u32(b, (uint32_t)n);
	put(b, s ? s : "", n);
}

struct rd {
	const uint8_t *p;
	size_t n, at;
	bool bad;
};

static uint32_t get_u32(struct rd *r)
{
	if (r->at + 4 > r->n) {
		r->bad = true;
		return 0;
	}
	const uint8_t *x = r->p + r->at;
	r->at += 4;
	return (uint32_t)x[0] | (uint32_t)x[1] << 8 | (uint32_t)x[2] << 16 | (uint32_t)x[3] << 24;
}

static int64_t get_i64(struct rd *r)
{
	if (r->at + 8 > r->n) {
		r->bad = true;
		return 0;
	}
	uint64_t u = 0;
	for (int i = 0; i < 8; i++)
		u |= (uint64_t)r->p[r->at + (size_t)i] << (8 * i);
	r->at += 8;
	return (int64_t)u;
}

/* A string field, copied into out (NUL-terminated); false when too long. */
static void get_str(struct rd *r, char *out, size_t cap)
{
	uint32_t n = get_u32(r);
	if (r->bad || n >= cap || r->at + n > r->n || memchr(r->p + r->at, 0, n)) {
		r->bad = true;
		out[0] = 0;
		return;
	}
	memcpy(out, r->p + r->at, n);
	out[n] = 0;
	r->at += n;
}

static void get_bytes(struct rd *r, void *out, size_t n)
{
	if (r->at + n > r->n) {
		r->bad = true;
		memset(out, 0, n);
		return;
	}
	memcpy(out, r->p + r->at, n);
	r->at += n;
}

/* ---- export: the records with an origin the other side lacks ---- */

static bool export_records(struct store *s, const struct vec *since, const struct vec *mine, struct buf *b, int *count)
{
	static const char *const sqls[] = {
		"SELECT id, name, avatar, created_ms, code_hash, route, erased, ver_counter, ver_device FROM learners"
		" WHERE ver_device = ?1 AND ver_counter > ?2 AND ver_counter <= ?3 ORDER BY ver_counter",
		"SELECT id, learner_id, lesson_id, lesson_version, step, correct, answer, at_ms, device, seq, hints, ms, review"
		" FROM attempts WHERE device = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq",
		"SELECT id, learner_id, lesson_id, lesson_version, at_ms, device, seq FROM completions"
		" WHERE device = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq",
	};
	/* column kinds: s string, i number */
	static const char *const kinds[] = {"ssiisiiis", "sssiiisisiiii", "sssiisi"};
	for (int i = 0; i < mine->n; i++) {
		int64_t lo = vec_get(since, mine->v[i].dev), hi = mine->v[i].max;
		if (hi <= lo)
			continue;
		for (int k = 0; k < 3; k++) {
			sqlite3_stmt *st;
			if (sqlite3_prepare_v2(store_db(s), sqls[k], -1, &st, NULL) != SQLITE_OK)
				return store_fail(s, "read records to send");
			sqlite3_bind_text(st, 1, mine->v[i].dev, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, lo);
			sqlite3_bind_int64(st, 3, hi);
			int rc;
			while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
				uint8_t kind = (uint8_t)(k + 1);
				put(b, &kind, 1);
				for (int c = 0; kinds[k][c]; c++) {
					if (kinds[k][c] == 's')
						put_str(b, (const char *)sqlite3_column_text(st, c));
					else
						put_i64(b, sqlite3_column_int64(st, c));
				}
				(*count)++;
			}
			sqlite3_finalize(st);
			if (rc != SQLITE_DONE)
				return store_fail(s, "read records to send");
		}
	}
	return !b->oom;
}

static int tombstones(struct store *s)
{
	sqlite3_stmt *st;
	int n = 0;
	if (sqlite3_prepare_v2(store_db(s), "SELECT count(*) FROM learners WHERE erased = 1", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* ---- import: one bundle's records, in one transaction ---- */

struct learner_rec {
	char id[LP_ID_LEN + 1], name[STORE_NAME_MAX + 1], code[STORE_CODE_HASH_MAX], dev[DEV_HEX + 1];
	int64_t avatar, created, route, erased, counter;
};

static bool exec(struct store *s, const char *sql)
{
	return sqlite3_exec(store_db(s), sql, NULL, NULL, NULL) == SQLITE_OK || store_fail(s, "take in a bundle");
}

static bool run(struct store *s, sqlite3_stmt *st)
{
	int rc = st ? sqlite3_step(st) : SQLITE_ERROR;
	sqlite3_finalize(st);
	return rc == SQLITE_DONE || store_fail(s, "take in a bundle");
}

static sqlite3_stmt *prep(struct store *s, const char *sql)
{
	sqlite3_stmt *st = NULL;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		store_fail(s, "take in a bundle");
	return st;
}

/* Statements a bundle's records use again and again, prepared once a
 * bundle (preparing them for every record was half of a big import). */
struct cache {
	sqlite3_stmt *erased, *insert[2];
};

static sqlite3_stmt *cached(struct store *s, sqlite3_stmt **slot, const char *sql)
{
	if (!*slot)
		return *slot = prep(s, sql);
	sqlite3_reset(*slot);
	sqlite3_clear_bindings(*slot);
	return *slot;
}

static void cache_finish(struct cache *c)
{
	sqlite3_finalize(c->erased);
	sqlite3_finalize(c->insert[0]);
	sqlite3_finalize(c->insert[1]);
	memset(c, 0, sizeof *c);
}

static bool is_erased(struct store *s, struct cache *c, const char *learner)
{
	sqlite3_stmt *st = cached(s, &c->erased, "SELECT 1 FROM learners WHERE id = ? AND erased = 1");
	bool e = false;
	if (st) {
		sqlite3_bind_text(st, 1, learner, -1, SQLITE_STATIC);
		e = sqlite3_step(st) == SQLITE_ROW;
		sqlite3_reset(st);
	}
	return e;
}

static bool erase_events(struct store *s, const char *learner)
{
	static const char *const sqls[] = {"DELETE FROM attempts WHERE learner_id = ?", "DELETE FROM completions WHERE learner_id = ?",
	                                   "DELETE FROM progress WHERE learner_id = ?"};
	for (int i = 0; i < 3; i++) {
		sqlite3_stmt *st = prep(s, sqls[i]);
		if (st)
			sqlite3_bind_text(st, 1, learner, -1, SQLITE_STATIC);
		if (!run(s, st))
			return false;
	}
	return true;
}

/* Which version of a learner wins: an erasure over everything, then the
 * highest counter, then the highest device id. Never the clock. */
static bool newer(int64_t erased_a, int64_t counter_a, const char *dev_a, int64_t erased_b, int64_t counter_b,
                  const char *dev_b)
{
	if (erased_a != erased_b)
		return erased_a > erased_b;
	if (counter_a != counter_b)
		return counter_a > counter_b;
	return strcmp(dev_a, dev_b) > 0;
}

static bool take_learner(struct store *s, const struct learner_rec *r, struct sync_summary *sum, bool *changed)
{
	sqlite3_stmt *st = prep(s, "SELECT erased, ver_counter, ver_device FROM learners WHERE id = ?");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	bool exists = rc == SQLITE_ROW;
	int64_t erased = exists ? sqlite3_column_int64(st, 0) : 0, counter = exists ? sqlite3_column_int64(st, 1) : 0;
	char dev[DEV_HEX + 1] = "";
	if (exists)
		snprintf(dev, sizeof dev, "%s", (const char *)sqlite3_column_text(st, 2));
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return store_fail(s, "take in a bundle");
	store_seq_seen(s, r->counter);
	if (exists && !newer(r->erased, r->counter, r->dev, erased, counter, dev))
		return true; /* what we have wins */
	bool erase = r->erased != 0;
	st = prep(s, "INSERT INTO learners(id, name, avatar, created_ms, code_hash, route, erased, ver_counter, ver_device)"
	             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
	             " ON CONFLICT(id) DO UPDATE SET name = ?2, avatar = ?3, code_hash = ?5, route = ?6, erased = ?7,"
	             " ver_counter = ?8, ver_device = ?9, code_fails = CASE WHEN ?7 THEN 0 ELSE code_fails END");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, r->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, erase ? "" : r->name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, erase ? 0 : r->avatar);
	sqlite3_bind_int64(st, 4, r->created);
	sqlite3_bind_text(st, 5, erase ? "" : r->code, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 6, r->route);
	sqlite3_bind_int64(st, 7, erase ? 1 : 0);
	sqlite3_bind_int64(st, 8, r->counter);
	sqlite3_bind_text(st, 9, r->dev, -1, SQLITE_STATIC);
	if (!run(s, st))
		return false;
	*changed = true;
	sum->records_received++;
	if (!exists && !erase)
		sum->learners_received++;
	if (erase && !erased) {
		sum->erasures_received++;
		return erase_events(s, r->id);
	}
	return true;
}

static bool take_event(struct store *s, struct cache *c, struct rd *r, bool attempt, struct sync_summary *sum,
                       bool *changed)
{
	char id[LP_ID_LEN + 1], learner[LP_ID_LEN + 1], lesson[128], answer[4096], dev[DEV_HEX + 1];
	int64_t version, step = 0, correct = 0, at, seq, hints = 0, ms = 0, review = 0;
	get_str(r, id, sizeof id);
	get_str(r, learner, sizeof learner);
	get_str(r, lesson, sizeof lesson);
	version = get_i64(r);
	if (attempt) {
		step = get_i64(r);
		correct = get_i64(r);
		get_str(r, answer, sizeof answer);
	}
	at = get_i64(r);
	get_str(r, dev, sizeof dev);
	seq = get_i64(r);
	if (attempt) {
		hints = get_i64(r);
		ms = get_i64(r);
		review = get_i64(r);
	}
	if (r->bad)
		return true; /* the caller sees r->bad */
	if (is_erased(s, c, learner))
		return true; /* an erased learner's events are never taken in again */
	sqlite3_stmt *st = cached(s, &c->insert[attempt], attempt ? "INSERT OR IGNORE INTO attempts(id, learner_id, lesson_id, lesson_version, step,"
	                                     " correct, answer, at_ms, device, seq, hints, ms, review)"
	                                     " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
	                                   : "INSERT OR IGNORE INTO completions(id, learner_id, lesson_id, lesson_version,"
	                                     " at_ms, device, seq) VALUES(?1, ?2, ?3, ?4, ?8, ?9, ?10)");
	if (!st)
		return false;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, learner, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, lesson, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, version);
	if (attempt) {
		sqlite3_bind_int64(st, 5, step);
		sqlite3_bind_int64(st, 6, correct);
		sqlite3_bind_text(st, 7, answer, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 11, hints);
		sqlite3_bind_int64(st, 12, ms);
		sqlite3_bind_int64(st, 13, review);
	}
	sqlite3_bind_int64(st, 8, at);
	sqlite3_bind_text(st, 9, dev, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 10, seq);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		return store_fail(s, "take in a bundle");
	if (sqlite3_changes(store_db(s)) > 0) {
		*changed = true;
		sum->records_received++;
		sum->answers_received += attempt;
	}
	return true;
}

/* ---- files on the stick ---- */

struct range {
	char dev[DEV_HEX + 1];
	int64_t lo, hi;
};

struct bundle {
	char name[256];
	int64_t size;
	struct range *ranges;
	int n_ranges;
	uint32_t tombs;
	bool imported, bad, covered_now;
};

struct ctx {
	struct store *s;
	const struct sync_options *opt;
	struct sync_summary *sum;
	struct keys k;
	int syncfd;
	int64_t start_ms;
	struct bundle *b;
	int n;
	char stale_tmp[64][256];
	char rejected[64][256]; /* *.rejected files, removed by a compaction */
	int n_rejected;
	int n_tmp;
};

static int64_t mono_ms(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

static void reject(struct ctx *c, const char *name, enum sync_reject why)
{
	c->sum->rejected++;
	if (c->opt->reject)
		c->opt->reject(c->opt->ud, name, why);
	LOG(DEBUG, "sync: %s: %s", name, sync_reject_text(why)); /* the caller tells the person */
}

static bool progress(struct ctx *c, enum sync_phase phase, int done, int total)
{
	struct sync_progress p = {phase, done, total};
	return !c->opt->progress || c->opt->progress(c->opt->ud, &p);
}

/* Reads a whole regular file inside the sync folder, never following a
 * symlink and never blocking on a FIFO; NULL with *why on failure. */
static uint8_t *read_file(struct ctx *c, const char *name, int64_t max, size_t *len, enum sync_reject *why)
{
	int fd = openat(c->syncfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	*why = SYNC_REJECT_NOT_REGULAR;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	if (st.st_size > max) {
		*why = SYNC_REJECT_TOO_BIG;
		close(fd);
		return NULL;
	}
	uint8_t *p = malloc((size_t)st.st_size + 1);
	size_t n = 0;
	while (p && n < (size_t)st.st_size) {
		ssize_t r = read(fd, p + n, (size_t)st.st_size - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	if (!p || n != (size_t)st.st_size) {
		free(p);
		*why = SYNC_REJECT_TRUNCATED; /* the stick went while reading */
		return NULL;
	}
	*len = n;
	return p;
}

/* Checks a bundle's frame and header: p holds avail bytes of a file of
 * file_len bytes (at least the header and its MAC, when the file has
 * them). Fills b's ranges. */
static bool parse_header(struct ctx *c, const uint8_t *p, size_t avail, uint64_t file_len, struct bundle *b,
                         enum sync_reject *why, size_t *body_at, uint64_t *body_len, const uint8_t **nonce)
{
	*why = SYNC_REJECT_FOREIGN;
	if (avail < 8)
		return false;
	if (memcmp(p, MAGIC, 4) != 0)
		return false;
	struct rd r = {p, avail, 4, false};
	uint32_t hlen = get_u32(&r);
	if (hlen < 1 + ID_BYTES + 8 || hlen > MAX_HEADER) /* not one of ours */
		return false;
	if (avail < 8 + (size_t)hlen + MAC_BYTES) {
		*why = SYNC_REJECT_TRUNCATED;
		return false;
	}
	struct rd h = {p + 8, hlen, 0, false};
	uint8_t format = 0, org[ID_BYTES];
	get_bytes(&h, &format, 1);
	get_bytes(&h, org, ID_BYTES);
	if (format != FORMAT || sodium_memcmp(org, c->k.org_id, ID_BYTES) != 0)
		return false; /* another organisation's (or a newer format) */
	uint8_t mac[MAC_BYTES];
	crypto_generichash(mac, sizeof mac, p, 8 + hlen, c->k.mac, sizeof c->k.mac);
	*why = SYNC_REJECT_DAMAGED;
	if (sodium_memcmp(mac, p + 8 + hlen, MAC_BYTES) != 0)
		return false;
	b->tombs = get_u32(&h);
	uint32_t n = get_u32(&h);
	if (h.bad || n > MAX_RANGES)
		return false;
	b->ranges = calloc(n ? n : 1, sizeof *b->ranges);
	b->n_ranges = (int)n;
	for (uint32_t i = 0; i < n; i++) {
		get_bytes(&h, b->ranges[i].dev, DEV_HEX);
		b->ranges[i].dev[DEV_HEX] = 0;
		b->ranges[i].lo = get_i64(&h);
		b->ranges[i].hi = get_i64(&h);
		if (b->ranges[i].lo < 0 || b->ranges[i].hi <= b->ranges[i].lo || strlen(b->ranges[i].dev) != DEV_HEX)
			h.bad = true;
	}
	*body_len = (uint64_t)get_i64(&h);
	*nonce = h.p + h.at;
	h.at += NONCE_BYTES;
	if (h.bad || h.at != hlen || *body_len < TAG_BYTES)
		return false;
	*body_at = 8 + hlen + MAC_BYTES;
	if (file_len != *body_at + *body_len) {
		*why = file_len < *body_at + *body_len ? SYNC_REJECT_TRUNCATED : SYNC_REJECT_DAMAGED;
		return false;
	}
	return true;
}

/* Moves a damaged bundle of this organisation aside, so that the next
 * terminal does not count it as held and writes its records again. */
static void move_aside(struct ctx *c, const char *name)
{
	char to[300];
	snprintf(to, sizeof to, "%s.rejected", name);
	renameat(c->syncfd, name, c->syncfd, to);
}

static void scan(struct ctx *c)
{
	int fd = dup(c->syncfd);
	DIR *d = fd >= 0 ? fdopendir(fd) : NULL;
	if (!d) {
		if (fd >= 0)
			close(fd);
		return;
	}
	int seen = 0, cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		const char *name = e->d_name;
		if (!strcmp(name, ".") || !strcmp(name, ".."))
			continue;
		if (!strncmp(name, ".tmp-", 5)) { /* left by a pulled stick: tidied below */
			if (c->n_tmp < 64)
				snprintf(c->stale_tmp[c->n_tmp++], 256, "%s", name);
			continue;
		}
		if (util_ends_with(name, ".rejected")) {
			if (c->n_rejected < 64)
				snprintf(c->rejected[c->n_rejected++], 256, "%s", name);
			continue;
		}
		if (++seen > c->opt->max_files) {
			reject(c, name, SYNC_REJECT_TOO_MANY);
			continue;
		}
		struct stat st;
		if (fstatat(c->syncfd, name, &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode)) {
			reject(c, name, SYNC_REJECT_NOT_REGULAR);
			continue;
		}
		if (!util_ends_with(name, ".lpb") || strlen(name) >= sizeof c->b[0].name) {
			reject(c, name, SYNC_REJECT_FOREIGN);
			continue;
		}
		if (st.st_size > c->opt->max_bytes) {
			reject(c, name, SYNC_REJECT_TOO_BIG);
			continue;
		}
		/* the header only: ranges to decide what to read */
		int f = openat(c->syncfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
		uint8_t head[8 + MAX_HEADER + MAC_BYTES];
		ssize_t got = f >= 0 ? pread(f, head, sizeof head, 0) : -1;
		struct stat fs;
		bool regular = f >= 0 && fstat(f, &fs) == 0 && S_ISREG(fs.st_mode);
		if (f >= 0)
			close(f);
		if (got < 0 || !regular) {
			reject(c, name, SYNC_REJECT_NOT_REGULAR);
			continue;
		}
		struct bundle b = {.size = st.st_size};
		snprintf(b.name, sizeof b.name, "%s", name);
		enum sync_reject why;
		size_t body_at;
		uint64_t body_len;
		const uint8_t *nonce;
		bool ok = parse_header(c, head, (size_t)got, (uint64_t)st.st_size, &b, &why, &body_at, &body_len, &nonce);
		/* (at most the 4 bytes of MAGIC: a 5 to 7 byte file read past it) */
		if (!ok && got < 8 && st.st_size < 8 && !memcmp(head, MAGIC, got < 4 ? (size_t)got : 4))
			why = SYNC_REJECT_TRUNCATED;
		if (!ok) {
			free(b.ranges);
			reject(c, name, why);
			/* ours but altered (its header fails the MAC) or cut short:
			 * aside, as import() does, or it is reported again at every
			 * sync; its records are written again from what terminals hold */
			if (why == SYNC_REJECT_DAMAGED || why == SYNC_REJECT_TRUNCATED)
				move_aside(c, name);
			continue;
		}
		if (c->n == cap) {
			cap = cap ? cap * 2 : 32;
			c->b = realloc(c->b, (size_t)cap * sizeof *c->b);
		}
		c->b[c->n++] = b;
	}
	closedir(d);
}

/* How far the stick's bundles chain for each device (no gaps), counting
 * only bundles not found bad. */
static void coverage(const struct ctx *c, struct vec *cov)
{
	cov->n = 0;
	bool grew = true;
	while (grew) {
		grew = false;
		for (int i = 0; i < c->n; i++) {
			if (c->b[i].bad)
				continue;
			for (int r = 0; r < c->b[i].n_ranges; r++) {
				const struct range *g = &c->b[i].ranges[r];
				int64_t have = vec_get(cov, g->dev);
				if (g->lo <= have && g->hi > have) {
					vec_raise(cov, g->dev, g->hi);
					grew = true;
				}
			}
		}
	}
}

static bool save_vector(struct store *s, const struct vec *v)
{
	for (int i = 0; i < v->n; i++) {
		if (!strcmp(v->v[i].dev, store_device_id(s)))
			continue;
		sqlite3_stmt *st = prep(s, "INSERT INTO sync_vector(device, max) VALUES(?, ?)"
		                           " ON CONFLICT(device) DO UPDATE SET max = max(max, excluded.max)");
		if (st) {
			sqlite3_bind_text(st, 1, v->v[i].dev, -1, SQLITE_STATIC);
			sqlite3_bind_int64(st, 2, v->v[i].max);
		}
		if (!run(s, st))
			return false;
	}
	return true;
}

/* Decrypts and takes in one bundle; advances the vector over the ranges
 * that continue it. False when the store failed (the sync stops). */
static bool import(struct ctx *c, struct bundle *b, struct vec *mine, bool *progressed)
{
	size_t len = 0;
	enum sync_reject why;
	uint8_t *p = read_file(c, b->name, c->opt->max_bytes, &len, &why);
	if (!p) {
		b->bad = true;
		reject(c, b->name, why);
		return true;
	}
	struct bundle h = {0};
	size_t body_at;
	uint64_t body_len;
	const uint8_t *nonce;
	if (!parse_header(c, p, len, len, &h, &why, &body_at, &body_len, &nonce)) {
		free(h.ranges);
		free(p);
		b->bad = true;
		reject(c, b->name, why);
		if (why == SYNC_REJECT_DAMAGED)
			move_aside(c, b->name);
		return true;
	}
	free(h.ranges);
	unsigned long long plain_len = 0;
	uint8_t *plain = malloc(body_len);
	if (!plain || crypto_aead_xchacha20poly1305_ietf_decrypt(plain, &plain_len, NULL, p + body_at, body_len, p,
	                                                          body_at, nonce, c->k.aead) != 0) {
		free(plain);
		free(p);
		b->bad = true;
		reject(c, b->name, SYNC_REJECT_DAMAGED);
		move_aside(c, b->name);
		return true;
	}
	free(p);
	struct store *s = c->s;
	if (!exec(s, "BEGIN IMMEDIATE")) {
		free(plain);
		return false;
	}
	struct rd r = {plain, plain_len, 0, false};
	struct cache cache = {0};
	bool ok = true, changed = false;
	while (ok && !r.bad && r.at < r.n) {
		uint8_t kind = plain[r.at++];
		if (kind == REC_LEARNER) {
			struct learner_rec l;
			get_str(&r, l.id, sizeof l.id);
			get_str(&r, l.name, sizeof l.name);
			l.avatar = get_i64(&r);
			l.created = get_i64(&r);
			get_str(&r, l.code, sizeof l.code);
			l.route = get_i64(&r);
			l.erased = get_i64(&r);
			l.counter = get_i64(&r);
			get_str(&r, l.dev, sizeof l.dev);
			if (!r.bad)
				ok = take_learner(s, &l, c->sum, &changed);
		} else if (kind == REC_ATTEMPT || kind == REC_COMPLETION) {
			ok = take_event(s, &cache, &r, kind == REC_ATTEMPT, c->sum, &changed);
		} else {
			r.bad = true;
		}
	}
	cache_finish(&cache);
	sodium_memzero(plain, plain_len);
	free(plain);
	if (ok && r.bad) {
		/* authentic but not readable: a bug or a newer writer; nothing of it is kept */
		sqlite3_exec(store_db(s), "ROLLBACK", NULL, NULL, NULL);
		b->bad = true;
		reject(c, b->name, SYNC_REJECT_DAMAGED);
		return true;
	}
	for (int i = 0; ok && i < b->n_ranges; i++) {
		const struct range *g = &b->ranges[i];
		int64_t have = vec_get(mine, g->dev);
		if (g->lo <= have && g->hi > have && strcmp(g->dev, store_device_id(s)) != 0) {
			vec_raise(mine, g->dev, g->hi);
			*progressed = true;
		}
	}
	ok = ok && save_vector(s, mine) && store_seq_floor(s, store_seq(s)) && exec(s, "COMMIT");
	if (!ok) {
		sqlite3_exec(store_db(s), "ROLLBACK", NULL, NULL, NULL);
		return false;
	}
	vec_raise(mine, store_device_id(s), store_seq(s));
	b->imported = true;
	c->sum->bundles_read++;
	(void)changed;
	return true;
}

static bool sync_fsync_dir(int fd)
{
	return fsync(fd) == 0 || errno == EINVAL || errno == EROFS;
}

/* Writes one bundle with the records in (since, mine]; *name gets its name.
 * Temporary file, fsync, rename, fsync the folder. */
static bool write_bundle(struct ctx *c, const struct vec *since, const struct vec *mine, char *name, size_t name_len)
{
	struct store *s = c->s;
	struct buf body = {0};
	int count = 0;
	if (!export_records(s, since, mine, &body, &count)) {
		free(body.p);
		snprintf(c->sum->message, sizeof c->sum->message, "the terminal's records could not be read: %s",
		         store_error(s));
		return false;
	}
	struct buf f = {0}, h = {0};
	uint8_t format = FORMAT, nonce[NONCE_BYTES];
	randombytes_buf(nonce, sizeof nonce);
	put(&h, &format, 1);
	put(&h, c->k.org_id, ID_BYTES);
	put_u32(&h, (uint32_t)tombstones(s));
	uint32_t n = 0;
	for (int i = 0; i < mine->n; i++)
		n += mine->v[i].max > vec_get(since, mine->v[i].dev);
	put_u32(&h, n);
	for (int i = 0; i < mine->n; i++) {
		int64_t lo = vec_get(since, mine->v[i].dev);
		if (mine->v[i].max <= lo)
			continue;
		put(&h, mine->v[i].dev, DEV_HEX);
		put_i64(&h, lo);
		put_i64(&h, mine->v[i].max);
	}
	put_i64(&h, (int64_t)(body.n + TAG_BYTES));
	put(&h, nonce, sizeof nonce);
	put(&f, MAGIC, 4);
	put_u32(&f, (uint32_t)h.n);
	put(&f, h.p, h.n);
	uint8_t mac[MAC_BYTES];
	crypto_generichash(mac, sizeof mac, f.p, f.n, c->k.mac, sizeof c->k.mac);
	put(&f, mac, sizeof mac);
	size_t ad = f.n;
	if (f.n + body.n + TAG_BYTES > f.cap) {
		uint8_t *p = realloc(f.p, f.n + body.n + TAG_BYTES);
		if (!p)
			f.oom = true;
		else
			f.p = p, f.cap = f.n + body.n + TAG_BYTES;
	}
	bool ok = !f.oom && !h.oom && !body.oom;
	unsigned long long clen = 0;
	if (ok)
		crypto_aead_xchacha20poly1305_ietf_encrypt(f.p + ad, &clen, body.p, body.n, f.p, ad, NULL, nonce, c->k.aead);
	f.n = ad + (size_t)clen;
	if (body.p)
		sodium_memzero(body.p, body.n);
	free(body.p);
	free(h.p);
	char rnd[9], tmp[64];
	uint8_t rb[4];
	randombytes_buf(rb, sizeof rb);
	snprintf(rnd, sizeof rnd, "%02x%02x%02x%02x", rb[0], rb[1], rb[2], rb[3]);
	snprintf(name, name_len, "%s-%lld-%s.lpb", store_device_id(s), (long long)store_seq(s), rnd);
	snprintf(tmp, sizeof tmp, ".tmp-%s", rnd);
	int fd = ok ? openat(c->syncfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644) : -1;
	size_t done = 0;
	while (fd >= 0 && done < f.n) {
		ssize_t w = write(fd, f.p + done, f.n - done);
		if (w <= 0)
			break;
		done += (size_t)w;
	}
	ok = ok && fd >= 0 && done == f.n && fsync(fd) == 0;
	if (fd >= 0)
		close(fd);
	ok = ok && renameat(c->syncfd, tmp, c->syncfd, name) == 0 && sync_fsync_dir(c->syncfd);
	if (!ok) {
		int e = errno;
		unlinkat(c->syncfd, tmp, 0);
		snprintf(c->sum->message, sizeof c->sum->message,
		         "the stick could not be written (%s); nothing is lost: sync again with a stick that has room",
		         strerror(e));
	} else {
		c->sum->bundles_written++;
		c->sum->records_sent += count;
		c->sum->bytes_written += (int64_t)f.n;
	}
	free(f.p);
	return ok;
}

bool sync_run(struct store *s, const char *stick_dir, const uint8_t key[SYNC_KEY_BYTES],
              const struct sync_options *options, struct sync_summary *sum)
{
	struct sync_options opt = options ? *options : (struct sync_options){0};
	if (opt.max_files <= 0)
		opt.max_files = 10000;
	if (opt.max_bytes <= 0)
		opt.max_bytes = 256LL << 20;
	if (opt.max_ms <= 0)
		opt.max_ms = 120000;
	if (opt.compact_over <= 0)
		opt.compact_over = 16;
	memset(sum, 0, sizeof *sum);
	struct ctx c = {.s = s, .opt = &opt, .sum = sum, .syncfd = -1, .start_ms = mono_ms()};
	derive(key, &c.k);
	progress(&c, SYNC_LOOKING, 0, 0);

	/* LEERPLEK must be a real folder on the stick; sync/ inside it is made
	 * when missing. Never a symlink, never outside. */
	int root = open(stick_dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	int lp = root >= 0 ? openat(root, "LEERPLEK", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
	if (lp >= 0 && mkdirat(lp, "sync", 0755) != 0 && errno != EEXIST) {
		snprintf(sum->message, sizeof sum->message, "the stick cannot be written (%s)", strerror(errno));
		close(lp);
		close(root);
		return false;
	}
	c.syncfd = lp >= 0 ? openat(lp, "sync", O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) : -1;
	if (lp >= 0)
		close(lp);
	if (root >= 0)
		close(root);
	if (c.syncfd < 0) {
		snprintf(sum->message, sizeof sum->message,
		         lp < 0 ? "the stick has no LEERPLEK folder (or it is not a real folder)"
		                : "LEERPLEK/sync on the stick is not a real folder");
		return false;
	}

	struct vec mine = {0}, cov = {0};
	bool ok = load_vector(s, &mine);
	scan(&c);

	/* Read what the terminal lacks, in as many passes as the chains need. */
	int total = 0;
	for (int i = 0; i < c.n; i++)
		for (int r = 0; r < c.b[i].n_ranges; r++)
			if (c.b[i].ranges[r].hi > vec_get(&mine, c.b[i].ranges[r].dev)) {
				total++;
				break;
			}
	bool again = true, stopped = false;
	int done = 0;
	while (ok && again && !stopped) {
		again = false;
		for (int i = 0; ok && i < c.n && !stopped; i++) {
			struct bundle *b = &c.b[i];
			if (b->bad)
				continue;
			bool wanted = false, reachable = false;
			for (int r = 0; r < b->n_ranges; r++) {
				int64_t have = vec_get(&mine, b->ranges[r].dev);
				wanted |= b->ranges[r].hi > have;
				reachable |= b->ranges[r].hi > have && b->ranges[r].lo <= have;
			}
			if (!wanted || !reachable)
				continue;
			if (mono_ms() - c.start_ms > opt.max_ms) {
				reject(&c, b->name, SYNC_REJECT_TIME);
				stopped = true;
				break;
			}
			bool progressed = false;
			ok = import(&c, b, &mine, &progressed);
			again |= progressed;
			if (!progress(&c, SYNC_READING, ++done, total))
				stopped = true;
		}
	}
	if (!ok)
		snprintf(sum->message, sizeof sum->message, "the terminal could not save what it read: %s", store_error(s));

	/* Write what the stick lacks (everything, when compacting). */
	coverage(&c, &cov);
	int good = 0;
	bool stale = false;
	int tombs = ok ? tombstones(s) : 0;
	for (int i = 0; i < c.n; i++)
		if (!c.b[i].bad) {
			good++;
			stale |= c.b[i].tombs < (uint32_t)tombs;
		}
	bool compact = ok && !stopped && (good > opt.compact_over || stale);
	bool lacks = false;
	for (int i = 0; i < mine.n; i++)
		lacks |= mine.v[i].max > vec_get(&cov, mine.v[i].dev);
	char written[256] = "";
	if (ok && !stopped && (lacks || compact)) {
		progress(&c, SYNC_WRITING, 0, 1);
		struct vec none = {0};
		ok = write_bundle(&c, compact ? &none : &cov, &mine, written, sizeof written);
		free(none.v);
		progress(&c, SYNC_WRITING, 1, 1);
	}

	/* Tidy: temporary files a pulled stick left behind, and after a
	 * compaction every bundle this terminal has wholly taken in. */
	if (ok && !stopped) {
		progress(&c, SYNC_TIDYING, 0, 0);
		for (int i = 0; i < c.n_tmp; i++)
			unlinkat(c.syncfd, c.stale_tmp[i], 0);
		if (compact && written[0]) {
			for (int i = 0; i < c.n; i++) {
				bool covered = !c.b[i].bad;
				for (int r = 0; covered && r < c.b[i].n_ranges; r++)
					covered = c.b[i].ranges[r].hi <= vec_get(&mine, c.b[i].ranges[r].dev);
				if (covered && strcmp(c.b[i].name, written) != 0 && unlinkat(c.syncfd, c.b[i].name, 0) == 0)
					sum->bundles_removed++;
			}
			/* unusable copies go too: they may hold an erased learner */
			for (int i = 0; i < c.n_rejected; i++)
				unlinkat(c.syncfd, c.rejected[i], 0);
			sync_fsync_dir(c.syncfd);
		}
	}
	/* An erasure taken in: old copies of its pages leave the write-ahead
	 * log and the database file too (best effort: another connection may be
	 * reading). Every time, not only when this sync took one in: a sync
	 * killed between its commit and this point (power lost) leaves the
	 * erased name in the file, and the next sync has no erasure to take in
	 * (tests/sync/sim.c, seed 112). */
	sqlite3_wal_checkpoint_v2(store_db(s), NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
	sum->complete = ok && !stopped && sum->rejected == 0;
	if (stopped && !sum->message[0])
		snprintf(sum->message, sizeof sum->message, "the sync was stopped before it was done; nothing is lost, "
		                                            "and the next sync finishes it");
	progress(&c, SYNC_DONE, 0, 0);
	for (int i = 0; i < c.n; i++)
		free(c.b[i].ranges);
	free(c.b);
	free(mine.v);
	free(cov.v);
	close(c.syncfd);
	return ok;
}

const char *sync_reject_text(enum sync_reject why)
{
	switch (why) {
	case SYNC_REJECT_NOT_REGULAR: return "not a regular file (a link, device, pipe or folder): left alone";
	case SYNC_REJECT_TOO_BIG: return "too big to be a bundle: left alone";
	case SYNC_REJECT_TOO_MANY: return "over the limit on the number of files: not read";
	case SYNC_REJECT_TRUNCATED: return "shorter than it says (written when the stick was pulled?): not used";
	case SYNC_REJECT_FOREIGN: return "not a bundle of this organisation: left alone";
	case SYNC_REJECT_DAMAGED: return "altered or damaged (fails its check): not used, renamed to .rejected";
	case SYNC_REJECT_TIME: return "not read: the sync ran out of time; the next sync reads it";
	}
	return "?";
}

static void dump_query(struct store *s, const char *sql, struct buf *b)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return;
	while (sqlite3_step(st) == SQLITE_ROW) {
		int n = sqlite3_column_count(st);
		for (int i = 0; i < n; i++) {
			const char *t = (const char *)sqlite3_column_text(st, i);
			put(b, i ? "\t" : "", i ? 1 : 0);
			put(b, t ? t : "", t ? strlen(t) : 0);
		}
		put(b, "\n", 1);
	}
	sqlite3_finalize(st);
}

char *sync_dump(struct store *s)
{
	struct buf b = {0};
	put(&b, "learners\n", 9);
	dump_query(s, "SELECT id, name, avatar, created_ms, code_hash, route, erased, ver_counter, ver_device"
	              " FROM learners ORDER BY id", &b);
	put(&b, "attempts\n", 9);
	dump_query(s, "SELECT id, learner_id, lesson_id, lesson_version, step, correct, answer, at_ms, device, seq,"
	              " hints, ms, review FROM attempts ORDER BY id", &b);
	put(&b, "completions\n", 12);
	dump_query(s, "SELECT id, learner_id, lesson_id, lesson_version, at_ms, device, seq FROM completions ORDER BY id",
	           &b);
	put(&b, "", 1);
	return (char *)b.p;
}
