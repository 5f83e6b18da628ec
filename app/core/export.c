/* The supervisor's exports; see export.h for what is written where.
 *
 * What is read: the learners through store_learner_list (it never returns
 * an erased learner and carries no code), and their answers, completions
 * and progress rows with SQL on store_db, as sync.c does, one learner at a
 * time, so memory grows with one learner's history and not the terminal's.
 * No query here names learners.code_hash or the settings "pin", "org_key"
 * or "org_code": the organisation in the statements is a one-way
 * derivation of the key (crypto_kdf), which reveals nothing about it.
 *
 * xAPI. A Learning Record Store treats a statement id sent again with a
 * different statement as a conflict and may refuse the whole batch, so a
 * statement holds only what was fixed when its event happened: the event's
 * id (the statement id is a version 5 UUID of it), learner id, lesson id
 * and version, step, answer, time. What may change later (a learner's name,
 * a lesson's title and competences) is left out or put in the activity's
 * definition, which the xAPI spec (Data 2.3.1) keeps outside the
 * statement's immutability. "passed" and "mastered" are derived from the
 * answers with mastery.h, dated and identified by the answer that made
 * the lesson practised or mastered.
 *
 * Every text that reaches a file goes through buf_text, which escapes it
 * for its place (JSON, HTML, CSV) and turns bytes that are not UTF-8 into
 * U+FFFD, so each file is valid UTF-8 whatever a record holds. */
#include "export.h"
#include "log.h"
#include "mastery.h"
#include "util.h"

#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define FLUSH_AT (64 * 1024)
#define ID_MAX 64 /* lesson and event ids we keep; ours are at most 48 */
#define N_AREAS 5

/* ---- a growing buffer ---- */

struct buf {
	char *p;
	size_t n, cap;
	bool oom;
};

static void buf_add(struct buf *b, const char *s, size_t n)
{
	if (b->oom)
		return;
	if (b->n + n + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 256;
		while (cap < b->n + n + 1)
			cap *= 2;
		char *p = realloc(b->p, cap);
		if (!p) {
			b->oom = true;
			return;
		}
		b->p = p;
		b->cap = cap;
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = 0;
}

static void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void buf_printf(struct buf *b, const char *fmt, ...)
{
	char small[512];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->oom = true;
		return;
	}
	if ((size_t)n < sizeof small) {
		buf_add(b, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		b->oom = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	buf_add(b, big, (size_t)n);
	free(big);
}

enum esc { ESC_JSON, ESC_HTML, ESC_CSV };

static void buf_text(struct buf *b, const char *s, enum esc how)
{
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = util_utf8_decode(s + i, len - i, &cp);
		const char *rep = NULL;
		char tmp[16];
		if (cp == 0xFFFD && n == 1) {
			rep = "\xEF\xBF\xBD";
		} else if (how == ESC_JSON) {
			if (cp == '"')
				rep = "\\\"";
			else if (cp == '\\')
				rep = "\\\\";
			else if (cp == '\n')
				rep = "\\n";
			else if (cp == '\r')
				rep = "\\r";
			else if (cp == '\t')
				rep = "\\t";
			else if (cp < 0x20 || cp == 0x7f || cp == 0x2028 || cp == 0x2029) {
				snprintf(tmp, sizeof tmp, "\\u%04x", (unsigned)cp);
				rep = tmp;
			}
		} else if (how == ESC_HTML) {
			if (cp == '&')
				rep = "&amp;";
			else if (cp == '<')
				rep = "&lt;";
			else if (cp == '>')
				rep = "&gt;";
			else if (cp == '"')
				rep = "&quot;";
			else if (cp == '\'')
				rep = "&#39;";
			else if ((cp < 0x20 && cp != '\n' && cp != '\t') || cp == 0x7f)
				rep = " ";
		} else {
			if (cp == '"')
				rep = "\"\"";
			else if ((cp < 0x20 && cp != '\n' && cp != '\r' && cp != '\t') || cp == 0x7f)
				rep = " ";
		}
		if (rep)
			buf_puts(b, rep);
		else
			buf_add(b, s + i, (size_t)n);
		i += (size_t)n;
	}
}

/* ---- CSV cells ---- */

/* Whether a spreadsheet would take the cell for a formula: it starts
 * (after spaces) with = + - @, a tab, CR or LF, or a full-width = + - @,
 * which some spreadsheets fold to the ASCII ones. */
static bool csv_formula_start(const char *s)
{
	while (*s == ' ')
		s++;
	if (!*s)
		return false;
	uint32_t cp;
	util_utf8_decode(s, strlen(s), &cp);
	return cp == '=' || cp == '+' || cp == '-' || cp == '@' || cp == '\t' || cp == '\r' || cp == '\n' ||
	       cp == 0xFF1D || cp == 0xFF0B || cp == 0xFF0D || cp == 0xFF20;
}

static void csv_text(struct buf *b, const char *s)
{
	bool guard = csv_formula_start(s);
	bool quote = strpbrk(s, ";\"\r\n") != NULL;
	if (quote)
		buf_puts(b, "\"");
	if (guard)
		buf_puts(b, "'");
	buf_text(b, s, ESC_CSV);
	if (quote)
		buf_puts(b, "\"");
}

char *export_csv_cell(const char *text)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	csv_text(&b, text ? text : "");
	if (b.oom) {
		free(b.p);
		return NULL;
	}
	return b.p;
}

/* ---- UUID version 5: SHA-1 (RFC 3174), which libsodium does not have ---- */

struct sha1 {
	uint32_t h[5];
	uint8_t block[64];
	size_t used;
	uint64_t len;
};

static uint32_t rol32(uint32_t x, int n)
{
	return x << n | x >> (32 - n);
}

static void sha1_block(uint32_t h[5], const uint8_t *p)
{
	uint32_t w[80];
	for (int i = 0; i < 16; i++)
		w[i] = (uint32_t)p[4 * i] << 24 | (uint32_t)p[4 * i + 1] << 16 | (uint32_t)p[4 * i + 2] << 8 | p[4 * i + 3];
	for (int i = 16; i < 80; i++)
		w[i] = rol32(w[i - 3] ^ w[i - 8] ^ w[i - 14] ^ w[i - 16], 1);
	uint32_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4];
	for (int i = 0; i < 80; i++) {
		uint32_t f, k;
		if (i < 20) {
			f = (b & c) | (~b & d);
			k = 0x5A827999;
		} else if (i < 40) {
			f = b ^ c ^ d;
			k = 0x6ED9EBA1;
		} else if (i < 60) {
			f = (b & c) | (b & d) | (c & d);
			k = 0x8F1BBCDC;
		} else {
			f = b ^ c ^ d;
			k = 0xCA62C1D6;
		}
		uint32_t t = rol32(a, 5) + f + e + k + w[i];
		e = d;
		d = c;
		c = rol32(b, 30);
		b = a;
		a = t;
	}
	h[0] += a;
	h[1] += b;
	h[2] += c;
	h[3] += d;
	h[4] += e;
}

static void sha1_init(struct sha1 *c)
{
	static const uint32_t h0[5] = {0x67452301, 0xEFCDAB89, 0x98BADCFE, 0x10325476, 0xC3D2E1F0};
	memset(c, 0, sizeof *c);
	memcpy(c->h, h0, sizeof h0);
}

static void sha1_update(struct sha1 *c, const void *data, size_t n)
{
	const uint8_t *p = data;
	c->len += n;
	while (n) {
		size_t take = 64 - c->used < n ? 64 - c->used : n;
		memcpy(c->block + c->used, p, take);
		c->used += take;
		p += take;
		n -= take;
		if (c->used == 64) {
			sha1_block(c->h, c->block);
			c->used = 0;
		}
	}
}

static void sha1_final(struct sha1 *c, uint8_t out[20])
{
	uint64_t bits = c->len * 8;
	uint8_t pad = 0x80;
	sha1_update(c, &pad, 1);
	pad = 0;
	while (c->used != 56)
		sha1_update(c, &pad, 1);
	uint8_t len[8];
	for (int i = 0; i < 8; i++)
		len[i] = (uint8_t)(bits >> (56 - 8 * i));
	sha1_update(c, len, 8);
	for (int i = 0; i < 20; i++)
		out[i] = (uint8_t)(c->h[i / 4] >> (24 - 8 * (i % 4)));
}

void export_uuid5(const char *name, char out[37])
{
	static const uint8_t ns[16] = {0x2b, 0xd8, 0xa2, 0xf9, 0x2c, 0xbf, 0x50, 0x5c,
	                               0x80, 0x8d, 0xdc, 0xab, 0x61, 0x8b, 0x52, 0x54};
	struct sha1 c;
	uint8_t d[20];
	sha1_init(&c);
	sha1_update(&c, ns, sizeof ns);
	sha1_update(&c, name, strlen(name));
	sha1_final(&c, d);
	d[6] = (uint8_t)((d[6] & 0x0f) | 0x50);
	d[8] = (uint8_t)((d[8] & 0x3f) | 0x80);
	static const char hex[] = "0123456789abcdef";
	int o = 0;
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[d[i] >> 4];
		out[o++] = hex[d[i] & 15];
	}
	out[o] = 0;
}

/* ---- names for folders ---- */

void export_safe_name(const char *text, char *out, size_t len)
{
	/* U+00C0..U+017F without their accents; '-' where there is no letter */
	static const char latin[] = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTsaaaaaaaceeeeiiiidnooooo-ouuuuyty"
	                            "AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiJjJjKkkLlLlLlL"
	                            "lLlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";
	_Static_assert(sizeof latin == 193, "U+00C0..U+017F");
	if (len == 0)
		return;
	size_t o = 0, max = len - 1 < 40 ? len - 1 : 40;
	bool sep = false;
	size_t n = text ? strlen(text) : 0;
	for (size_t i = 0; i < n && o < max;) {
		uint32_t cp;
		int k = util_utf8_decode(text + i, n - i, &cp);
		i += (size_t)k;
		char c = '-';
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9'))
			c = (char)cp;
		else if (cp >= 0xC0 && cp <= 0x17F)
			c = latin[cp - 0xC0];
		if (c == '-') {
			sep = o > 0;
			continue;
		}
		if (sep && o + 1 < max)
			out[o++] = '-';
		sep = false;
		out[o++] = c;
	}
	out[o] = 0;
	if (!o)
		snprintf(out, len, "%s", "leerplek");
}

/* ---- time ---- */

static void local_tm(int64_t ms, struct tm *tm)
{
	time_t t = (time_t)(ms >= 0 ? ms / 1000 : (ms - 999) / 1000);
	if (!localtime_r(&t, tm))
		memset(tm, 0, sizeof *tm);
}

static void fmt_date(int64_t ms, char *out, size_t n)
{
	struct tm tm;
	local_tm(ms, &tm);
	snprintf(out, n, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

/* ISO 8601 with milliseconds and the local offset of that moment. */
static void fmt_timestamp(int64_t ms, char *out, size_t n)
{
	struct tm tm;
	local_tm(ms, &tm);
	long off = tm.tm_gmtoff / 60;
	char sign = off < 0 ? '-' : '+';
	if (off < 0)
		off = -off;
	int frac = (int)(((ms % 1000) + 1000) % 1000);
	snprintf(out, n, "%04d-%02d-%02dT%02d:%02d:%02d.%03d%c%02ld:%02ld", tm.tm_year + 1900, tm.tm_mon + 1,
	         tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, frac, sign, off / 60, off % 60);
}

/* ISO 8601 duration to 0.01 s, as xAPI asks (Data 4.6). */
static void fmt_duration(int64_t ms, char *out, size_t n)
{
	if (ms < 0)
		ms = 0;
	long long cs = (long long)(ms / 10);
	snprintf(out, n, "PT%lld.%02lldS", cs / 100, cs % 100);
}

static const char *const months_nl[12] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                                          "juli",    "augustus", "september", "oktober", "november", "december"};
static const char *const months_en[12] = {"January", "February", "March",     "April",   "May",      "June",
                                          "July",    "August",   "September", "October", "November", "December"};

static void fmt_long_date(int64_t ms, bool en, char *out, size_t n)
{
	struct tm tm;
	local_tm(ms, &tm);
	int m = tm.tm_mon >= 0 && tm.tm_mon < 12 ? tm.tm_mon : 0;
	snprintf(out, n, "%d %s %d", tm.tm_mday, en ? months_en[m] : months_nl[m], tm.tm_year + 1900);
}

/* ---- words ---- */

static const char *const area_nl[N_AREAS] = {"Informatie- en datageletterdheid", "Communicatie en samenwerking",
                                             "Digitale content maken", "Veiligheid", "Problemen oplossen"};
static const char *const area_en[N_AREAS] = {"Information and data literacy", "Communication and collaboration",
                                             "Digital content creation", "Safety", "Problem solving"};
static const char *const status_nl[4] = {"nieuw", "begonnen", "geoefend", "beheerst"};

static const struct {
	int bit;
	const char *key, *nl, *nl_lower, *en;
} routes[3] = {
	{STORE_ROUTE_WORKER, "worker", "Werknemers", "werknemers", "Workers"},
	{STORE_ROUTE_SUPERVISOR, "supervisor", "Begeleiders", "begeleiders", "Supervisors"},
	{STORE_ROUTE_MANAGER, "manager", "Leidinggevenden", "leidinggevenden", "Managers"},
};

static int route_of(const struct store_learner *l)
{
	return l->route ? l->route : STORE_ROUTE_WORKER;
}

/* "worker", "worker+supervisor", ... (key), or the Dutch words. */
static void route_words(int route, int which, char *out, size_t n)
{
	size_t o = 0;
	out[0] = 0;
	for (int i = 0; i < 3; i++) {
		if (!(route & routes[i].bit))
			continue;
		const char *w = which == 0 ? routes[i].key : which == 1 ? routes[i].nl_lower : routes[i].en;
		o += (size_t)snprintf(out + o, o < n ? n - o : 0, "%s%s", o ? (which == 0 ? "+" : ", ") : "", w);
	}
}

/* ---- files written as a stick wants them ---- */

struct out {
	int dir, fd;
	char tmp[128], name[128];
	struct buf b;
	bool bad;
	int err;
};

static bool fsync_dir(int fd)
{
	/* Some FAT and FUSE file systems refuse fsync on a folder. */
	return fsync(fd) == 0 || errno == EINVAL || errno == EROFS;
}

static bool out_open(struct out *o, int dir, const char *name)
{
	memset(o, 0, sizeof *o);
	o->dir = dir;
	snprintf(o->name, sizeof o->name, "%s", name);
	snprintf(o->tmp, sizeof o->tmp, ".tmp-%s", name);
	unlinkat(dir, o->tmp, 0); /* left behind by a pulled stick */
	o->fd = openat(dir, o->tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (o->fd < 0) {
		o->bad = true;
		o->err = errno;
	}
	return !o->bad;
}

static void out_flush(struct out *o)
{
	if (o->b.oom && !o->bad) {
		o->bad = true;
		o->err = ENOMEM;
	}
	size_t off = 0;
	while (!o->bad && off < o->b.n) {
		ssize_t w = write(o->fd, o->b.p + off, o->b.n - off);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			o->bad = true;
			o->err = errno;
			break;
		}
		off += (size_t)w;
	}
	o->b.n = 0;
}

static void out_maybe_flush(struct out *o)
{
	if (o->b.n >= FLUSH_AT || o->b.oom)
		out_flush(o);
}

static void out_abort(struct out *o)
{
	if (o->fd >= 0)
		close(o->fd);
	o->fd = -1;
	unlinkat(o->dir, o->tmp, 0);
	free(o->b.p);
	o->b = (struct buf){0};
}

/* Flush, fsync, rename into place, fsync the folder. */
static bool out_finish(struct out *o)
{
	out_flush(o);
	if (!o->bad && fsync(o->fd) != 0) {
		o->bad = true;
		o->err = errno;
	}
	if (close(o->fd) != 0 && !o->bad) {
		o->bad = true;
		o->err = errno;
	}
	o->fd = -1;
	if (!o->bad && renameat(o->dir, o->tmp, o->dir, o->name) != 0) {
		o->bad = true;
		o->err = errno;
	}
	if (!o->bad && !fsync_dir(o->dir)) {
		o->bad = true;
		o->err = errno;
	}
	if (o->bad)
		unlinkat(o->dir, o->tmp, 0);
	free(o->b.p);
	o->b = (struct buf){0};
	return !o->bad;
}

static const char *why(int err)
{
	return err == ENOSPC ? "the stick or disk is full" : err == EROFS ? "it is read-only" : strerror(err);
}

/* ---- the model: per learner, a row per lesson ---- */

struct att {
	char id[ID_MAX + 1], lesson[ID_MAX + 1];
	int version, step, hints;
	bool correct, review;
	int64_t ms, at;
	char *answer;
};

struct done {
	char id[ID_MAX + 1], lesson[ID_MAX + 1];
	int version;
	int64_t at;
};

struct row {
	const struct lesson *lesson; /* NULL: not installed here (any more) */
	char lesson_id[ID_MAX + 1];
	bool on_route;
	enum mastery status;
	int attempts, right_first, completions;
	int64_t ms, first_ms, last_ms, completed_ms; /* -1: none */
};

struct who {
	struct store_learner l;
	struct row *rows;
	int n_rows;
	int64_t ms, last_ms;
	int route_lessons, completed, mastered;
};

struct ctx {
	struct store *s;
	sqlite3 *db;
	const struct lesson_set *set;
	char org[256], site[256];
	char home[128]; /* the statements' account homePage */
	int64_t now_ms;
	struct who *who;
	int n_who;
	struct out jsonl;
	int statements;
	char msg[600];
};

static const char *col(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	return t ? (const char *)t : "";
}

static bool db_fail(struct ctx *c, const char *what)
{
	snprintf(c->msg, sizeof c->msg, "%s: %s", what, sqlite3_errmsg(c->db));
	return false;
}

/* The organisation as an xAPI account's homePage: a one-way id of the
 * organisation key, the same on every terminal of the organisation; a
 * terminal without one names itself. */
static void account_home(struct ctx *c)
{
	uint8_t key[32];
	char hex[2 * 32 + 8];
	size_t len = 0;
	bool have = store_setting_text(c->s, "org_key", hex, sizeof hex) &&
	            sodium_hex2bin(key, sizeof key, hex, strlen(hex), NULL, &len, NULL) == 0 && len == sizeof key;
	sodium_memzero(hex, sizeof hex);
	if (have) {
		uint8_t id[16];
		crypto_kdf_derive_from_key(id, sizeof id, 1, "LPexport", key);
		char idhex[33];
		sodium_bin2hex(idhex, sizeof idhex, id, sizeof id);
		snprintf(c->home, sizeof c->home, "urn:leerplek:org:%s", idhex);
	} else {
		snprintf(c->home, sizeof c->home, "urn:leerplek:terminal:%s", store_device_id(c->s));
	}
	sodium_memzero(key, sizeof key);
}

/* ---- statements ---- */

enum verb { V_ATTEMPTED, V_ANSWERED, V_PASSED, V_MASTERED, V_COMPLETED };
static const char *const verb_en[] = {"attempted", "answered", "passed", "mastered", "completed"};
static const char *const verb_nl[] = {"probeerde", "beantwoordde", "haalde", "beheerste", "rondde af"};

struct stmt {
	int64_t at;
	int seq;
	char *json;
};

struct stmts {
	struct stmt *v;
	int n, cap;
	bool oom;
};

static void lesson_iri(struct buf *b, const char *id)
{
	buf_puts(b, "urn:leerplek:lesson:");
	for (const unsigned char *p = (const unsigned char *)id; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-' || *p == '.' || *p == '_')
			buf_add(b, (const char *)p, 1);
		else
			buf_printf(b, "%%%02X", *p);
	}
}

static void st_head(struct buf *b, const struct ctx *c, enum verb v, const char *event_id, const char *learner)
{
	char name[ID_MAX + 32], uuid[37];
	snprintf(name, sizeof name, "%s:%s", verb_en[v], event_id);
	export_uuid5(name, uuid);
	buf_printf(b, "{\"id\":\"%s\",\"actor\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"", uuid);
	buf_text(b, c->home, ESC_JSON);
	buf_puts(b, "\",\"name\":\"");
	buf_text(b, learner, ESC_JSON);
	buf_printf(b, "\"}},\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/%s\",\"display\":{\"en-US\":\"%s\",\"nl-NL\":\"%s\"}},",
	           verb_en[v], verb_en[v], verb_nl[v]);
}

/* The lesson's names in its languages (nl first), with a suffix. */
static void st_names(struct buf *b, const struct lesson *l, int step)
{
	buf_puts(b, ",\"name\":{");
	int k = 0;
	for (int i = 0; i < l->n_langs; i++) {
		if (!l->title.s[i] || !l->langs[i][0])
			continue;
		buf_puts(b, k++ ? ",\"" : "\"");
		buf_text(b, l->langs[i], ESC_JSON);
		buf_puts(b, "\":\"");
		buf_text(b, l->title.s[i], ESC_JSON);
		if (step >= 0)
			buf_printf(b, !strcmp(l->langs[i], "nl") ? ", stap %d" : ", step %d", step + 1);
		buf_puts(b, "\"");
	}
	buf_puts(b, "}");
}

static void st_lesson_object(struct buf *b, const char *lesson_id, const struct lesson *l)
{
	buf_puts(b, "\"object\":{\"objectType\":\"Activity\",\"id\":\"");
	lesson_iri(b, lesson_id);
	buf_puts(b, "\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/lesson\"");
	if (l) {
		st_names(b, l, -1);
		if (l->n_competences) {
			buf_puts(b, ",\"extensions\":{\"urn:leerplek:xapi:digcomp-2.2\":[");
			for (int i = 0; i < l->n_competences; i++) {
				buf_puts(b, i ? ",\"" : "\"");
				buf_text(b, l->competences[i], ESC_JSON);
				buf_puts(b, "\"");
			}
			buf_puts(b, "]}");
		}
	}
	buf_puts(b, "}},");
}

static void st_tail(struct buf *b, int version, const char *parent, int64_t at)
{
	char ts[64];
	fmt_timestamp(at, ts, sizeof ts);
	buf_printf(b, "\"context\":{\"platform\":\"Leerplek\",\"revision\":\"%d\"", version);
	if (parent) {
		buf_puts(b, ",\"contextActivities\":{\"parent\":[{\"objectType\":\"Activity\",\"id\":\"");
		lesson_iri(b, parent);
		buf_puts(b, "\"}]}");
	}
	buf_printf(b, "},\"timestamp\":\"%s\",\"version\":\"1.0.3\"}\n", ts);
}

static void stmts_add(struct stmts *v, struct buf *b, int64_t at)
{
	if (b->oom || v->oom) {
		free(b->p);
		v->oom = true;
		*b = (struct buf){0};
		return;
	}
	if (v->n == v->cap) {
		int cap = v->cap ? v->cap * 2 : 64;
		struct stmt *nv = realloc(v->v, (size_t)cap * sizeof *nv);
		if (!nv) {
			free(b->p);
			v->oom = true;
			*b = (struct buf){0};
			return;
		}
		v->v = nv;
		v->cap = cap;
	}
	v->v[v->n] = (struct stmt){.at = at, .seq = v->n, .json = b->p};
	v->n++;
	*b = (struct buf){0};
}

static void st_lesson_event(struct stmts *v, const struct ctx *c, enum verb verb, const char *event_id,
                            const char *learner, const char *lesson_id, const struct lesson *l, int version,
                            int64_t at)
{
	struct buf b = {0};
	st_head(&b, c, verb, event_id, learner);
	st_lesson_object(&b, lesson_id, l);
	if (verb == V_COMPLETED)
		buf_puts(&b, "\"result\":{\"completion\":true},");
	else if (verb == V_PASSED || verb == V_MASTERED)
		buf_puts(&b, "\"result\":{\"success\":true},");
	st_tail(&b, version, NULL, at);
	stmts_add(v, &b, at);
}

static void st_answered(struct stmts *v, const struct ctx *c, const char *learner, const struct att *a,
                        const struct lesson *l)
{
	struct buf b = {0};
	char dur[48];
	st_head(&b, c, V_ANSWERED, a->id, learner);
	buf_puts(&b, "\"object\":{\"objectType\":\"Activity\",\"id\":\"");
	lesson_iri(&b, a->lesson);
	buf_printf(&b, "/v%d/step/%d\",\"definition\":{\"type\":\"http://adlnet.gov/expapi/activities/question\"",
	           a->version, a->step);
	if (l)
		st_names(&b, l, a->step);
	fmt_duration(a->ms, dur, sizeof dur);
	buf_printf(&b, "}},\"result\":{\"success\":%s,\"response\":\"", a->correct ? "true" : "false");
	buf_text(&b, a->answer ? a->answer : "", ESC_JSON);
	buf_printf(&b, "\",\"duration\":\"%s\",\"extensions\":{\"urn:leerplek:xapi:hints\":%d,"
	               "\"urn:leerplek:xapi:review\":%s}},",
	           dur, a->hints, a->review ? "true" : "false");
	st_tail(&b, a->version, a->lesson, a->at);
	stmts_add(v, &b, a->at);
}

static int stmt_cmp(const void *x, const void *y)
{
	const struct stmt *a = x, *b = y;
	if (a->at != b->at)
		return a->at < b->at ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* The answer (index) at which the answers first reach at_least, or -1.
 * A lesson's state only grows as answers are added, so the first prefix
 * that reaches it is found by halving. */
static int first_reaching(const struct mastery_answer *a, int n, enum mastery at_least)
{
	if (n == 0 || mastery_state(a, n, true, mastery_local_day, NULL) < at_least)
		return -1;
	int lo = 1, hi = n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (mastery_state(a, mid, true, mastery_local_day, NULL) >= at_least)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo - 1;
}

/* ---- one learner: read, sum up, write the statements ---- */

struct group {
	char lesson[ID_MAX + 1];
	int a0, a1, d0, d1;
	bool progress;
};

static struct group *group_of(struct group **gs, int *n, int *cap, const char *lesson)
{
	for (int i = 0; i < *n; i++)
		if (!strcmp((*gs)[i].lesson, lesson))
			return &(*gs)[i];
	if (*n == *cap) {
		int nc = *cap ? *cap * 2 : 32;
		struct group *ng = realloc(*gs, (size_t)nc * sizeof *ng);
		if (!ng)
			return NULL;
		*gs = ng;
		*cap = nc;
	}
	struct group *g = &(*gs)[(*n)++];
	memset(g, 0, sizeof *g);
	snprintf(g->lesson, sizeof g->lesson, "%s", lesson);
	g->a0 = g->a1 = g->d0 = g->d1 = -1;
	return g;
}

static bool lesson_on_route(const struct lesson *l, int route)
{
	return l && (l->roles & (unsigned)route);
}

static void row_fill(struct row *r, const struct group *g, const struct att *as, const struct done *ds,
                     struct mastery_answer *ma)
{
	r->status = MASTERY_NEW;
	r->first_ms = r->last_ms = r->completed_ms = -1;
	if (!g)
		return;
	int n = g->a0 >= 0 ? g->a1 - g->a0 : 0;
	r->attempts = n;
	for (int i = 0; i < n; i++) {
		const struct att *a = &as[g->a0 + i];
		ma[i] = (struct mastery_answer){.at_ms = a->at, .correct = a->correct, .hints = a->hints, .review = a->review};
		r->ms += a->ms > 0 ? a->ms : 0;
		if (r->first_ms < 0 || a->at < r->first_ms)
			r->first_ms = a->at;
		if (a->at > r->last_ms)
			r->last_ms = a->at;
		/* right the first time: the step's first answer outside a review */
		if (a->review)
			continue;
		bool first = true;
		for (int k = 0; k < i && first; k++)
			first = !(as[g->a0 + k].step == a->step && !as[g->a0 + k].review);
		if (first && a->correct && a->hints == 0)
			r->right_first++;
	}
	if (g->d0 >= 0) {
		for (int i = g->d0; i < g->d1; i++) {
			r->completions++;
			if (r->completed_ms < 0 || ds[i].at < r->completed_ms)
				r->completed_ms = ds[i].at;
			if (r->first_ms < 0 || ds[i].at < r->first_ms)
				r->first_ms = ds[i].at;
			if (ds[i].at > r->last_ms)
				r->last_ms = ds[i].at;
		}
	}
	r->status = mastery_state(ma, n, g->progress || r->completions > 0, mastery_local_day, NULL);
}

static bool read_learner(struct ctx *c, const char *id, struct att **as, int *na, struct done **ds, int *nd,
                         struct group **gs, int *ng, int *gcap)
{
	sqlite3_stmt *st = NULL;
	int cap = 0, rc;
	*as = NULL;
	*ds = NULL;
	*na = *nd = 0;
	if (sqlite3_prepare_v2(c->db,
	                       "SELECT id, lesson_id, lesson_version, step, correct, answer, at_ms, hints, ms, review"
	                       " FROM attempts WHERE learner_id = ? ORDER BY lesson_id, at_ms, seq",
	                       -1, &st, NULL) != SQLITE_OK)
		return db_fail(c, "read answers");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*na == cap) {
			cap = cap ? cap * 2 : 64;
			struct att *nv = realloc(*as, (size_t)cap * sizeof *nv);
			if (!nv) {
				sqlite3_finalize(st);
				snprintf(c->msg, sizeof c->msg, "out of memory");
				return false;
			}
			*as = nv;
		}
		struct att *a = &(*as)[(*na)++];
		memset(a, 0, sizeof *a);
		snprintf(a->id, sizeof a->id, "%s", col(st, 0));
		snprintf(a->lesson, sizeof a->lesson, "%s", col(st, 1));
		a->version = sqlite3_column_int(st, 2);
		a->step = sqlite3_column_int(st, 3);
		a->correct = sqlite3_column_int(st, 4) != 0;
		a->answer = util_strdup(col(st, 5));
		a->at = sqlite3_column_int64(st, 6);
		a->hints = sqlite3_column_int(st, 7);
		a->ms = sqlite3_column_int64(st, 8);
		a->review = sqlite3_column_int(st, 9) != 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(c, "read answers");

	cap = 0;
	if (sqlite3_prepare_v2(c->db,
	                       "SELECT id, lesson_id, lesson_version, at_ms FROM completions WHERE learner_id = ?"
	                       " ORDER BY lesson_id, at_ms, seq",
	                       -1, &st, NULL) != SQLITE_OK)
		return db_fail(c, "read completions");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (*nd == cap) {
			cap = cap ? cap * 2 : 16;
			struct done *nv = realloc(*ds, (size_t)cap * sizeof *nv);
			if (!nv) {
				sqlite3_finalize(st);
				snprintf(c->msg, sizeof c->msg, "out of memory");
				return false;
			}
			*ds = nv;
		}
		struct done *d = &(*ds)[(*nd)++];
		snprintf(d->id, sizeof d->id, "%s", col(st, 0));
		snprintf(d->lesson, sizeof d->lesson, "%s", col(st, 1));
		d->version = sqlite3_column_int(st, 2);
		d->at = sqlite3_column_int64(st, 3);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(c, "read completions");

	/* Group by lesson: both lists are sorted by lesson id. */
	*ng = 0;
	for (int i = 0; i < *na; i++) {
		struct group *g = group_of(gs, ng, gcap, (*as)[i].lesson);
		if (!g)
			goto oom;
		if (g->a0 < 0)
			g->a0 = i;
		g->a1 = i + 1;
	}
	for (int i = 0; i < *nd; i++) {
		struct group *g = group_of(gs, ng, gcap, (*ds)[i].lesson);
		if (!g)
			goto oom;
		if (g->d0 < 0)
			g->d0 = i;
		g->d1 = i + 1;
	}
	if (sqlite3_prepare_v2(c->db, "SELECT lesson_id FROM progress WHERE learner_id = ?", -1, &st, NULL) != SQLITE_OK)
		return db_fail(c, "read progress");
	sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct group *g = group_of(gs, ng, gcap, col(st, 0));
		if (!g) {
			sqlite3_finalize(st);
			goto oom;
		}
		g->progress = true;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE)
		return db_fail(c, "read progress");
	return true;
oom:
	snprintf(c->msg, sizeof c->msg, "out of memory");
	return false;
}

static bool do_learner(struct ctx *c, struct who *w)
{
	struct att *as = NULL;
	struct done *ds = NULL;
	struct group *gs = NULL;
	struct mastery_answer *ma = NULL;
	struct stmts sv = {0};
	int na = 0, nd = 0, ng = 0, gcap = 0;
	bool ok = read_learner(c, w->l.id, &as, &na, &ds, &nd, &gs, &ng, &gcap);
	int route = route_of(&w->l);
	const struct lesson_set *set = c->set;
	if (ok) {
		w->rows = calloc((size_t)(set->n + ng + 1), sizeof *w->rows);
		ma = malloc((size_t)(na + 1) * sizeof *ma);
		if (!w->rows || !ma) {
			snprintf(c->msg, sizeof c->msg, "out of memory");
			ok = false;
		}
	}
	w->last_ms = -1;
	/* The rows: the route's lessons in the catalogue's order, then other
	 * installed lessons the learner worked in, then lessons no longer
	 * installed. */
	for (int pass = 0; ok && pass < 3; pass++) {
		int n = pass < 2 ? set->n : ng;
		for (int i = 0; i < n; i++) {
			const struct lesson *l = pass < 2 ? set->items[i] : lesson_set_find(set, gs[i].lesson);
			struct group *g = NULL;
			if (pass < 2) {
				for (int k = 0; k < ng && !g; k++)
					if (!strcmp(gs[k].lesson, l->id))
						g = &gs[k];
			} else {
				g = &gs[i];
			}
			bool on = lesson_on_route(l, route);
			if ((pass == 0 && !on) || (pass == 1 && (on || !g)) || (pass == 2 && l))
				continue;
			struct row *r = &w->rows[w->n_rows++];
			r->lesson = l;
			snprintf(r->lesson_id, sizeof r->lesson_id, "%s", l ? l->id : g->lesson);
			r->on_route = on;
			row_fill(r, g, as, ds, ma);
			w->ms += r->ms;
			if (r->last_ms > w->last_ms)
				w->last_ms = r->last_ms;
			if (on) {
				w->route_lessons++;
				w->completed += r->completions > 0;
				w->mastered += r->status == MASTERY_MASTERED;
			}
			if (!g)
				continue;
			/* statements of this lesson */
			int n_ans = g->a0 >= 0 ? g->a1 - g->a0 : 0;
			if (n_ans) {
				const struct att *first = &as[g->a0];
				st_lesson_event(&sv, c, V_ATTEMPTED, first->id, w->l.id, g->lesson, l, first->version, first->at);
			}
			for (int k = 0; k < n_ans; k++)
				st_answered(&sv, c, w->l.id, &as[g->a0 + k], l);
			int p = first_reaching(ma, n_ans, MASTERY_PRACTISED);
			if (p >= 0) {
				const struct att *t = &as[g->a0 + p];
				st_lesson_event(&sv, c, V_PASSED, t->id, w->l.id, g->lesson, l, t->version, t->at);
			}
			int m = first_reaching(ma, n_ans, MASTERY_MASTERED);
			if (m >= 0) {
				const struct att *t = &as[g->a0 + m];
				st_lesson_event(&sv, c, V_MASTERED, t->id, w->l.id, g->lesson, l, t->version, t->at);
			}
			for (int k = g->d0; g->d0 >= 0 && k < g->d1; k++)
				st_lesson_event(&sv, c, V_COMPLETED, ds[k].id, w->l.id, g->lesson, l, ds[k].version, ds[k].at);
		}
	}
	if (ok && sv.oom) {
		snprintf(c->msg, sizeof c->msg, "out of memory");
		ok = false;
	}
	if (ok) {
		if (sv.n)
			qsort(sv.v, (size_t)sv.n, sizeof *sv.v, stmt_cmp);
		for (int i = 0; i < sv.n; i++) {
			buf_puts(&c->jsonl.b, sv.v[i].json);
			out_maybe_flush(&c->jsonl);
		}
		c->statements += sv.n;
	}
	for (int i = 0; i < sv.n; i++)
		free(sv.v[i].json);
	free(sv.v);
	for (int i = 0; i < na; i++)
		free(as[i].answer);
	free(as);
	free(ds);
	free(gs);
	free(ma);
	return ok;
}

/* ---- results.csv ---- */

static void csv_int(struct buf *b, int64_t v)
{
	buf_printf(b, "%lld", (long long)v);
}

static void csv_date(struct buf *b, int64_t ms)
{
	if (ms < 0)
		return;
	char d[40];
	fmt_date(ms, d, sizeof d);
	buf_puts(b, d);
}

static void write_csv(struct ctx *c, struct out *o, int *rows)
{
	struct buf *b = &o->b;
	buf_puts(b, "\xEF\xBB\xBF");
	buf_puts(b, "learner_id;name;route;lesson_id;lesson_title;digcomp;on_route;status;questions;attempts;"
	            "right_first_time;seconds;minutes;first_seen;last_seen;completed_on\r\n");
	for (int i = 0; i < c->n_who; i++) {
		const struct who *w = &c->who[i];
		char route[64];
		route_words(route_of(&w->l), 0, route, sizeof route);
		for (int k = 0; k < w->n_rows; k++) {
			const struct row *r = &w->rows[k];
			const struct lesson *l = r->lesson;
			csv_text(b, w->l.id);
			buf_puts(b, ";");
			csv_text(b, w->l.name);
			buf_puts(b, ";");
			csv_text(b, route);
			buf_puts(b, ";");
			csv_text(b, r->lesson_id);
			buf_puts(b, ";");
			csv_text(b, l ? lesson_str(l, &l->title, "nl") : "");
			buf_puts(b, ";");
			/* "DigComp 4.1, 4.2": a bare 4.1 would become a number or a date. */
			char dc[64] = "";
			size_t n = 0;
			for (int j = 0; l && j < l->n_competences; j++)
				n += (size_t)snprintf(dc + n, n < sizeof dc ? sizeof dc - n : 0, "%s%s", j ? ", " : "DigComp ",
				                      l->competences[j]);
			csv_text(b, dc);
			buf_printf(b, ";%d;", r->on_route ? 1 : 0);
			csv_text(b, mastery_name(r->status));
			buf_puts(b, ";");
			if (l)
				csv_int(b, l->n_questions);
			buf_puts(b, ";");
			csv_int(b, r->attempts);
			buf_puts(b, ";");
			csv_int(b, r->right_first);
			buf_puts(b, ";");
			csv_int(b, (r->ms + 500) / 1000);
			buf_puts(b, ";");
			csv_int(b, (r->ms + 30000) / 60000);
			buf_puts(b, ";");
			csv_date(b, r->first_ms);
			buf_puts(b, ";");
			csv_date(b, r->last_ms);
			buf_puts(b, ";");
			csv_date(b, r->completed_ms);
			buf_puts(b, "\r\n");
			(*rows)++;
			out_maybe_flush(o);
		}
	}
}

/* ---- report.html ---- */

static void h(struct buf *b, const char *s)
{
	buf_text(b, s ? s : "", ESC_HTML);
}

static int area_of(const char *competence)
{
	int a = competence[0] - '1';
	return a >= 0 && a < N_AREAS && competence[1] == '.' ? a : -1;
}

static bool lesson_in_area(const struct lesson *l, int area)
{
	for (int i = 0; l && i < l->n_competences; i++)
		if (area_of(l->competences[i]) == area)
			return true;
	return false;
}

/* A module is the lessons of the learner's route whose first (main)
 * competence lies in one DigComp area; it is completed when every one of
 * them was completed, on the day the last of them first was. */
struct module {
	int n, done;
	int64_t date;
};

static void learner_modules(const struct who *w, struct module m[N_AREAS])
{
	memset(m, 0, sizeof(struct module) * N_AREAS);
	for (int k = 0; k < w->n_rows; k++) {
		const struct row *r = &w->rows[k];
		if (!r->on_route || !r->lesson || !r->lesson->n_competences)
			continue;
		int a = area_of(r->lesson->competences[0]);
		if (a < 0)
			continue;
		m[a].n++;
		if (r->completions > 0) {
			m[a].done++;
			if (r->completed_ms > m[a].date)
				m[a].date = r->completed_ms;
		}
	}
}

static const char css[] =
	"@page{size:A4;margin:16mm 15mm 18mm}"
	"*{box-sizing:border-box}"
	"html{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"body{margin:0;color:#1f2933;background:#fff;font:11pt/1.45 Andika,'Segoe UI','Noto Sans','DejaVu Sans',Arial,sans-serif}"
	".page{max-width:180mm;margin:0 auto;padding:0}"
	".page+.page{break-before:page;page-break-before:always}"
	"@media screen{body{background:#e9ecef}.page{background:#fff;margin:8mm auto;padding:14mm 15mm;"
	"max-width:210mm;min-height:297mm;box-shadow:0 1px 4px rgba(0,0,0,.18)}}"
	".top{display:flex;justify-content:space-between;gap:6mm;font-size:9pt;color:#52606d;"
	"border-bottom:1px solid #cbd2d9;padding-bottom:2mm;margin-bottom:6mm}"
	".brand{font-weight:700;color:#1d5c63;letter-spacing:.04em}"
	"h1{font-size:21pt;line-height:1.2;margin:0 0 2mm;color:#1d5c63;font-weight:700}"
	"h2{font-size:13.5pt;margin:7mm 0 3mm;color:#1d5c63;border-bottom:1px solid #cbd2d9;padding-bottom:1mm;"
	"break-after:avoid;page-break-after:avoid}"
	".en{color:#616e7c;font-weight:400;font-size:.82em}"
	"p{margin:0 0 2.5mm}"
	".lead{font-size:11.5pt}"
	".kpis{display:flex;gap:3mm;margin:5mm 0}"
	".kpi{flex:1;border:1px solid #cbd2d9;border-radius:2mm;padding:3mm}"
	".kpi b{display:block;font-size:18pt;color:#1d5c63;line-height:1.1}"
	".kpi span{font-size:9pt;color:#52606d}"
	"table{border-collapse:collapse;width:100%;font-size:9.5pt;margin:2mm 0 4mm}"
	"thead{display:table-header-group}"
	"tr{break-inside:avoid;page-break-inside:avoid}"
	"th,td{text-align:left;padding:1.3mm 1.8mm;border-bottom:1px solid #e4e7eb;vertical-align:top}"
	"th{font-weight:700;color:#3d405b;border-bottom:1.5px solid #9aa5b1;font-size:9pt}"
	"th .en{display:block;font-size:8pt}"
	".num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}"
	".nw{white-space:nowrap}"
	".off td{color:#52606d;font-style:italic}"
	".chip{display:inline-block;width:3mm;height:3mm;border-radius:50%;margin-right:1.5mm;"
	"vertical-align:-.2mm;border:.3mm solid #52606d}"
	".c0{background:#e4e7eb}.c1{background:#f2cc8f}.c2{background:#8fbcd4}.c3{background:#2f7d5b}"
	"svg.chart{width:100%;height:auto;display:block;margin:1mm 0 2mm}"
	"svg text{font-family:inherit;fill:#1f2933}"
	"svg .lb{font-size:12px;font-weight:700}svg .sb{font-size:10px;fill:#52606d}"
	"svg .tot{font-size:11px;fill:#52606d}"
	"svg .s0{fill:#e4e7eb}svg .s1{fill:#f2cc8f}svg .s2{fill:#8fbcd4}svg .s3{fill:#2f7d5b}"
	"svg .t3{fill:#fff}svg .bg{fill:#f5f7fa;stroke:#cbd2d9}"
	".legend{font-size:9pt;color:#3d405b;display:flex;flex-wrap:wrap;gap:2mm 5mm;margin:0 0 3mm}"
	".note{font-size:8.5pt;color:#52606d}"
	".cert{display:flex;flex-direction:column;justify-content:center;min-height:255mm}"
	".frame{border:1.2mm double #1d5c63;padding:16mm 14mm;text-align:center}"
	".cert .org{font-size:10pt;color:#52606d;letter-spacing:.05em}"
	".cert .kind{font-size:26pt;color:#1d5c63;letter-spacing:.12em;text-transform:uppercase;margin:8mm 0 1mm}"
	".cert .kind .en{display:block;letter-spacing:.05em;text-transform:none;font-size:11pt}"
	".cert .say{margin:7mm 0 1mm;font-size:12pt}"
	".cert .name{font-size:28pt;font-weight:700;color:#1f2933;margin:2mm 0 4mm}"
	".cert .module{font-size:19pt;font-weight:700;color:#1d5c63;margin:2mm 0 1mm}"
	".cert .sub{font-size:10pt;color:#52606d}"
	".cert .lessons{margin:7mm auto 0;font-size:9.5pt;color:#3d405b;max-width:130mm}"
	".cert ul{list-style:none;padding:0;margin:1mm 0 0}"
	".sign{display:flex;gap:14mm;margin-top:20mm;text-align:left;font-size:9.5pt;color:#3d405b}"
	".sign div{flex:1;border-top:.4mm solid #1f2933;padding-top:1.5mm}";

static void html_top(struct buf *b, const struct ctx *c, const char *when)
{
	buf_puts(b, "<header class=\"top\"><span class=\"brand\">Leerplek</span><span>");
	h(b, c->org);
	if (c->org[0] && c->site[0])
		buf_puts(b, " · ");
	h(b, c->site);
	buf_puts(b, " · ");
	h(b, when);
	buf_puts(b, "</span></header>\n");
}

static void status_cell(struct buf *b, enum mastery m)
{
	buf_printf(b, "<span class=\"chip c%d\"></span>%s <span class=\"en\" lang=\"en\">%s</span>", (int)m, status_nl[m],
	           mastery_name(m));
}

static void legend(struct buf *b)
{
	buf_puts(b, "<div class=\"legend\">");
	for (int k = 0; k < 4; k++) {
		buf_puts(b, "<span>");
		status_cell(b, (enum mastery)k);
		buf_puts(b, "</span>");
	}
	buf_puts(b, "</div>\n");
}

struct bar {
	char label[200], sub[200];
	int n[4];
};

/* Stacked bars of the four states, with the counts written in them (so
 * the chart reads on a grey printer too). */
static void svg_bars(struct buf *b, const char *aria, const struct bar *bars, int n)
{
	const int W = 640, LX = 250, BW = 345, RH = 40, BH = 22;
	buf_printf(b, "<svg class=\"chart\" viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"", W, n * RH + 6);
	h(b, aria);
	buf_puts(b, "\">");
	for (int i = 0; i < n; i++) {
		int y = 3 + i * RH, total = 0;
		for (int k = 0; k < 4; k++)
			total += bars[i].n[k];
		buf_printf(b, "<text class=\"lb\" x=\"0\" y=\"%d\">", y + 13);
		h(b, bars[i].label);
		buf_printf(b, "</text><text class=\"sb\" x=\"0\" y=\"%d\">", y + 27);
		h(b, bars[i].sub);
		buf_printf(b, "</text><rect class=\"bg\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\"/>", LX, y, BW, BH);
		int cum = 0;
		for (int k = 0; k < 4 && total; k++) {
			if (!bars[i].n[k])
				continue;
			double x0 = LX + (double)BW * cum / total;
			cum += bars[i].n[k];
			double x1 = LX + (double)BW * cum / total;
			buf_printf(b, "<rect class=\"s%d\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\"/>", k, x0, y, x1 - x0, BH);
			if (x1 - x0 >= 22)
				buf_printf(b, "<text class=\"t%d\" x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" font-size=\"11\">%d</text>", k,
				           (x0 + x1) / 2, y + 15, bars[i].n[k]);
		}
		buf_printf(b, "<text class=\"tot\" x=\"%d\" y=\"%d\">%d</text>", LX + BW + 8, y + 15, total);
	}
	buf_puts(b, "</svg>\n");
}

static void html_summary(struct buf *b, const struct ctx *c, const char *when)
{
	int completed = 0, mastered = 0;
	int64_t ms = 0;
	for (int i = 0; i < c->n_who; i++) {
		completed += c->who[i].completed;
		mastered += c->who[i].mastered;
		ms += c->who[i].ms;
	}
	char created[96];
	struct tm tm;
	local_tm(c->now_ms, &tm);
	fmt_long_date(c->now_ms, false, created, sizeof created);
	buf_puts(b, "<section class=\"page\">\n");
	html_top(b, c, when);
	buf_puts(b, "<h1>Voortgang <span class=\"en\" lang=\"en\">Progress report</span></h1>\n<p class=\"lead\">Gemaakt op ");
	h(b, created);
	buf_printf(b, " om %02d:%02d, met de gegevens van dit scherm. <span class=\"en\" lang=\"en\">Made from this terminal's data.</span></p>\n",
	           tm.tm_hour, tm.tm_min);
	buf_printf(b, "<div class=\"kpis\"><div class=\"kpi\"><b>%d</b><span>deelnemers · learners</span></div>"
	              "<div class=\"kpi\"><b>%d</b><span>lessen afgerond · lessons completed</span></div>"
	              "<div class=\"kpi\"><b>%d</b><span>lessen beheerst · lessons mastered</span></div>"
	              "<div class=\"kpi\"><b>%lld</b><span>minuten aan vragen · minutes on questions</span></div></div>\n",
	           c->n_who, completed, mastered, (long long)((ms + 30000) / 60000));
	if (!c->n_who) {
		buf_puts(b, "<p>Er zijn nog geen deelnemers op dit scherm. <span class=\"en\" lang=\"en\">No learners yet.</span></p></section>\n");
		return;
	}
	/* per route */
	struct bar bars[N_AREAS];
	int nb = 0;
	for (int r = 0; r < 3; r++) {
		struct bar *x = &bars[nb];
		memset(x, 0, sizeof *x);
		int learners = 0;
		for (int i = 0; i < c->n_who; i++) {
			const struct who *w = &c->who[i];
			if (!(route_of(&w->l) & routes[r].bit))
				continue;
			learners++;
			for (int k = 0; k < w->n_rows; k++)
				if (lesson_on_route(w->rows[k].lesson, routes[r].bit))
					x->n[w->rows[k].status]++;
		}
		if (!learners)
			continue;
		snprintf(x->label, sizeof x->label, "%s", routes[r].nl);
		snprintf(x->sub, sizeof x->sub, "%s · %d %s", routes[r].en, learners, learners == 1 ? "deelnemer" : "deelnemers");
		nb++;
	}
	buf_puts(b, "<h2>Per route <span class=\"en\" lang=\"en\">By route</span></h2>\n");
	buf_puts(b, "<p class=\"note\">Elke balk telt de lessen van de route, voor elke deelnemer op die route één keer. "
	            "<span class=\"en\" lang=\"en\">Each bar counts the route's lessons once for every learner on the route.</span></p>\n");
	svg_bars(b, "Voortgang per route", bars, nb);
	legend(b);
	/* per DigComp area */
	for (int a = 0; a < N_AREAS; a++) {
		struct bar *x = &bars[a];
		memset(x, 0, sizeof *x);
		int lessons = 0;
		for (int i = 0; i < c->set->n; i++)
			lessons += lesson_in_area(c->set->items[i], a);
		for (int i = 0; i < c->n_who; i++)
			for (int k = 0; k < c->who[i].n_rows; k++)
				if (c->who[i].rows[k].on_route && lesson_in_area(c->who[i].rows[k].lesson, a))
					x->n[c->who[i].rows[k].status]++;
		snprintf(x->label, sizeof x->label, "%d %s", a + 1, area_nl[a]);
		snprintf(x->sub, sizeof x->sub, "%s · %d %s", area_en[a], lessons, lessons == 1 ? "les" : "lessen");
	}
	buf_puts(b, "<h2>Per DigComp-gebied <span class=\"en\" lang=\"en\">By DigComp 2.2 area</span></h2>\n");
	buf_puts(b, "<p class=\"note\">Een les die bij twee gebieden hoort, telt bij allebei. "
	            "<span class=\"en\" lang=\"en\">A lesson in two areas counts in both.</span></p>\n");
	svg_bars(b, "Voortgang per DigComp-gebied", bars, N_AREAS);
	legend(b);
	buf_puts(b, "<p class=\"note\"><b>Nieuw</b>: nog niet begonnen. <b>Begonnen</b>: geopend of een vraag beantwoord. "
	            "<b>Geoefend</b>: 3 van de laatste 5 antwoorden goed zonder tip. <b>Beheerst</b>: daarna op een latere dag "
	            "goed in een herhaling. <b>Tijd</b>: van het tonen van een vraag tot het antwoord; lezen van uitleg telt niet mee.<br>"
	            "<span class=\"en\" lang=\"en\">New: not begun. Started: opened or answered. Practised: 3 of the last 5 answers right "
	            "without a tip. Mastered: right again in a review on a later day. Time: from a question shown to its "
	            "answer.</span></p>\n");
	buf_puts(b, "</section>\n");

	/* everyone at a glance */
	buf_puts(b, "<section class=\"page\">\n");
	html_top(b, c, when);
	buf_puts(b, "<h2>Alle deelnemers <span class=\"en\" lang=\"en\">All learners</span></h2>\n<table><thead><tr>"
	            "<th>Naam<span class=\"en\" lang=\"en\">Name</span></th><th>Route</th>"
	            "<th class=\"num\">Afgerond<span class=\"en\" lang=\"en\">Completed</span></th>"
	            "<th class=\"num\">Beheerst<span class=\"en\" lang=\"en\">Mastered</span></th>"
	            "<th class=\"num\">Tijd (min)<span class=\"en\" lang=\"en\">Time</span></th>"
	            "<th>Laatst gezien<span class=\"en\" lang=\"en\">Last seen</span></th></tr></thead><tbody>\n");
	for (int i = 0; i < c->n_who; i++) {
		const struct who *w = &c->who[i];
		char route[96], last[40] = "–";
		route_words(route_of(&w->l), 1, route, sizeof route);
		if (w->last_ms >= 0)
			fmt_date(w->last_ms, last, sizeof last);
		buf_puts(b, "<tr><td>");
		h(b, w->l.name);
		buf_puts(b, "</td><td>");
		h(b, route);
		buf_printf(b, "</td><td class=\"num\">%d / %d</td><td class=\"num\">%d</td><td class=\"num\">%lld</td>"
		              "<td class=\"nw\">%s</td></tr>\n",
		           w->completed, w->route_lessons, w->mastered, (long long)((w->ms + 30000) / 60000), last);
	}
	buf_puts(b, "</tbody></table>\n</section>\n");
}

static void html_certificate(struct buf *b, const struct ctx *c, const struct who *w, int area, const struct module *m)
{
	char nl[64], en[64], route[96];
	fmt_long_date(m->date, false, nl, sizeof nl);
	fmt_long_date(m->date, true, en, sizeof en);
	route_words(route_of(&w->l), 1, route, sizeof route);
	buf_puts(b, "<section class=\"page cert\"><div class=\"frame\">\n<p class=\"org\">");
	h(b, c->org);
	if (c->org[0] && c->site[0])
		buf_puts(b, " · ");
	h(b, c->site);
	buf_puts(b, "</p>\n<p class=\"kind\">Certificaat<span class=\"en\" lang=\"en\">Certificate</span></p>\n"
	            "<p class=\"say\">Hierbij verklaren wij dat</p>\n<p class=\"name\">");
	h(b, w->l.name);
	buf_puts(b, "</p>\n<p class=\"say\">de module</p>\n<p class=\"module\">");
	h(b, area_nl[area]);
	buf_printf(b, "</p>\n<p class=\"sub\">DigComp 2.2, gebied %d · route ", area + 1);
	h(b, route);
	buf_puts(b, "</p>\n<p class=\"say\">heeft afgerond op <b>");
	h(b, nl);
	buf_puts(b, "</b>.</p>\n<p class=\"en\" lang=\"en\">");
	h(b, w->l.name);
	buf_puts(b, " has completed the module ");
	h(b, area_en[area]);
	buf_printf(b, " (DigComp 2.2, area %d) on ", area + 1);
	h(b, en);
	buf_puts(b, ".</p>\n<div class=\"lessons\">Lessen in deze module <span class=\"en\" lang=\"en\">Lessons in this module</span><ul>");
	for (int k = 0; k < w->n_rows; k++) {
		const struct row *r = &w->rows[k];
		if (!r->on_route || !r->lesson || !r->lesson->n_competences || area_of(r->lesson->competences[0]) != area)
			continue;
		buf_puts(b, "<li>");
		h(b, lesson_str(r->lesson, &r->lesson->title, "nl"));
		buf_puts(b, "</li>");
	}
	buf_puts(b, "</ul></div>\n<div class=\"sign\"><div>Handtekening begeleider<br><span class=\"en\" lang=\"en\">Supervisor's "
	            "signature</span></div><div>Naam begeleider en datum<br><span class=\"en\" lang=\"en\">Supervisor's name and "
	            "date</span></div></div>\n</div></section>\n");
}

static void html_learner(struct buf *b, const struct ctx *c, const struct who *w, const char *when, int *certs)
{
	char route[96], route_en[96], last[64] = "–";
	route_words(route_of(&w->l), 1, route, sizeof route);
	route_words(route_of(&w->l), 2, route_en, sizeof route_en);
	if (w->last_ms >= 0)
		fmt_long_date(w->last_ms, false, last, sizeof last);
	buf_puts(b, "<section class=\"page\">\n");
	html_top(b, c, when);
	buf_puts(b, "<h1>");
	h(b, w->l.name);
	buf_puts(b, "</h1>\n<p>Route: ");
	h(b, route);
	buf_puts(b, " <span class=\"en\" lang=\"en\">(");
	h(b, route_en);
	buf_puts(b, ")</span> · laatst gezien <span class=\"en\" lang=\"en\">last seen</span> ");
	h(b, last);
	buf_printf(b, " · %d van %d lessen afgerond <span class=\"en\" lang=\"en\">lessons completed</span> · %lld min</p>\n", w->completed,
	           w->route_lessons, (long long)((w->ms + 30000) / 60000));
	struct bar one;
	memset(&one, 0, sizeof one);
	snprintf(one.label, sizeof one.label, "%s", "Lessen van de route");
	snprintf(one.sub, sizeof one.sub, "%s", "The route's lessons");
	for (int k = 0; k < w->n_rows; k++)
		if (w->rows[k].on_route)
			one.n[w->rows[k].status]++;
	svg_bars(b, "Voortgang", &one, 1);
	legend(b);
	buf_puts(b, "<table><thead><tr><th>Les<span class=\"en\" lang=\"en\">Lesson</span></th><th>DigComp</th>"
	            "<th>Status</th><th class=\"num\">Antwoorden<span class=\"en\" lang=\"en\">Answers</span></th>"
	            "<th class=\"num\">Tijd (min)<span class=\"en\" lang=\"en\">Time</span></th>"
	            "<th>Laatst gezien<span class=\"en\" lang=\"en\">Last seen</span></th>"
	            "<th>Afgerond op<span class=\"en\" lang=\"en\">Completed on</span></th></tr></thead><tbody>\n");
	for (int k = 0; k < w->n_rows; k++) {
		const struct row *r = &w->rows[k];
		const struct lesson *l = r->lesson;
		buf_puts(b, r->on_route ? "<tr><td>" : "<tr class=\"off\"><td>");
		h(b, l ? lesson_str(l, &l->title, "nl") : r->lesson_id);
		if (!r->on_route)
			buf_puts(b, " <span class=\"en\" lang=\"en\">(buiten de route · not on the route)</span>");
		buf_puts(b, "</td><td class=\"nw\">");
		for (int j = 0; l && j < l->n_competences; j++) {
			buf_puts(b, j ? ", " : "");
			h(b, l->competences[j]);
		}
		buf_printf(b, "</td><td class=\"nw\"><span class=\"chip c%d\"></span>%s", (int)r->status, status_nl[r->status]);
		char seen[40] = "", done[40] = "";
		if (r->last_ms >= 0)
			fmt_date(r->last_ms, seen, sizeof seen);
		if (r->completed_ms >= 0)
			fmt_date(r->completed_ms, done, sizeof done);
		buf_printf(b, "</td><td class=\"num\">%d</td><td class=\"num\">%lld</td><td class=\"nw\">%s</td><td class=\"nw\">%s</td></tr>\n",
		           r->attempts, (long long)((r->ms + 30000) / 60000), seen, done);
	}
	buf_puts(b, "</tbody></table>\n</section>\n");
	struct module m[N_AREAS];
	learner_modules(w, m);
	for (int a = 0; a < N_AREAS; a++) {
		if (m[a].n && m[a].done == m[a].n) {
			html_certificate(b, c, w, a, &m[a]);
			(*certs)++;
		}
	}
}

static void write_html(struct ctx *c, struct out *o, int *certs)
{
	struct buf *b = &o->b;
	char when[64];
	fmt_long_date(c->now_ms, false, when, sizeof when);
	buf_puts(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
	            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>Leerplek: voortgang · ");
	h(b, c->org);
	buf_puts(b, " · ");
	h(b, c->site);
	buf_puts(b, " · ");
	h(b, when);
	buf_printf(b, "</title>\n<style>%s</style>\n</head>\n<body>\n", css);
	html_summary(b, c, when);
	out_maybe_flush(o);
	for (int i = 0; i < c->n_who; i++) {
		html_learner(b, c, &c->who[i], when, certs);
		out_maybe_flush(o);
	}
	buf_puts(b, "</body>\n</html>\n");
}

/* ---- the folder ---- */

static int open_out_dir(const char *dir, char *msg, size_t len)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0 && errno == ENOENT) {
		if (mkdir(dir, 0755) != 0 && errno != EEXIST) {
			snprintf(msg, len, "cannot make the folder %s: %s", dir, why(errno));
			return -1;
		}
		char *parent = util_dirname(dir);
		int pfd = parent ? open(parent, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
		if (pfd >= 0) {
			fsync_dir(pfd);
			close(pfd);
		}
		free(parent);
		fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	}
	if (fd < 0)
		snprintf(msg, len, "cannot open the folder %s: %s%s", dir, why(errno),
		         errno == ELOOP || errno == ENOTDIR ? " (a symlink or not a folder)" : "");
	return fd;
}

bool export_write(struct store *s, const struct lesson_set *lessons, const char *out_dir, int64_t now_ms,
                  struct export_summary *sum)
{
	static const struct lesson_set none = {0};
	memset(sum, 0, sizeof *sum);
	struct ctx c = {.s = s, .db = store_db(s), .set = lessons ? lessons : &none, .now_ms = now_ms};
	struct out csv = {.fd = -1}, html = {.fd = -1};
	c.jsonl.fd = -1;
	int outfd = -1, dirfd = -1;
	char name[96] = "";
	bool ok = false, in_read = false;
	store_setting_text(s, "org", c.org, sizeof c.org);
	store_setting_text(s, "site", c.site, sizeof c.site);
	account_home(&c);

	outfd = open_out_dir(out_dir, sum->message, sizeof sum->message);
	if (outfd < 0)
		return false;
	char site[48];
	struct tm tm;
	export_safe_name(c.site, site, sizeof site);
	local_tm(now_ms, &tm);
	for (int k = 1; k < 100; k++) {
		snprintf(name, sizeof name, k == 1 ? "%s-%04d%02d%02d-%02d%02d" : "%s-%04d%02d%02d-%02d%02d-%d", site,
		         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, k);
		if (mkdirat(outfd, name, 0755) == 0)
			break;
		if (errno != EEXIST || k == 99) {
			snprintf(sum->message, sizeof sum->message, "cannot make the folder %s in %s: %s", name, out_dir,
			         why(errno));
			close(outfd);
			return false;
		}
	}
	fsync_dir(outfd);
	snprintf(sum->folder, sizeof sum->folder, "%s/%s", out_dir, name);
	dirfd = openat(outfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dirfd < 0) {
		snprintf(sum->message, sizeof sum->message, "cannot open %.400s: %s", sum->folder, why(errno));
		goto done;
	}
	if (!out_open(&c.jsonl, dirfd, "statements.jsonl") || !out_open(&csv, dirfd, "results.csv") ||
	    !out_open(&html, dirfd, "report.html")) {
		snprintf(sum->message, sizeof sum->message, "cannot write in %.400s: %s", sum->folder,
		         why(c.jsonl.bad ? c.jsonl.err : csv.bad ? csv.err : html.err));
		goto done;
	}

	/* One read transaction: the three files show the same moment even
	 * while the kiosk goes on saving answers. */
	in_read = sqlite3_exec(c.db, "BEGIN", NULL, NULL, NULL) == SQLITE_OK;
	struct store_learner *ls = NULL;
	int n = store_learner_list(s, &ls);
	if (n < 0) {
		snprintf(sum->message, sizeof sum->message, "the learners could not be read: %s", store_error(s));
		goto done;
	}
	c.who = calloc((size_t)n + 1, sizeof *c.who);
	if (!c.who) {
		free(ls);
		snprintf(sum->message, sizeof sum->message, "out of memory");
		goto done;
	}
	c.n_who = n;
	for (int i = 0; i < n; i++)
		c.who[i].l = ls[i];
	free(ls);
	bool read_ok = true;
	for (int i = 0; i < n && read_ok && !c.jsonl.bad; i++)
		read_ok = do_learner(&c, &c.who[i]);
	if (in_read)
		sqlite3_exec(c.db, "COMMIT", NULL, NULL, NULL);
	in_read = false;
	if (!read_ok) {
		snprintf(sum->message, sizeof sum->message, "%s", c.msg);
		goto done;
	}
	write_csv(&c, &csv, &sum->rows);
	write_html(&c, &html, &sum->certificates);
	bool fine = out_finish(&c.jsonl);
	fine = out_finish(&csv) && fine;
	fine = out_finish(&html) && fine;
	if (!fine) {
		int e = c.jsonl.bad ? c.jsonl.err : csv.bad ? csv.err : html.err;
		snprintf(sum->message, sizeof sum->message, "the export could not be written to %.400s: %s", sum->folder, why(e));
		unlinkat(dirfd, "statements.jsonl", 0);
		unlinkat(dirfd, "results.csv", 0);
		unlinkat(dirfd, "report.html", 0);
		goto done;
	}
	sum->learners = n;
	sum->statements = c.statements;
	ok = true;
done:
	if (in_read)
		sqlite3_exec(c.db, "COMMIT", NULL, NULL, NULL);
	if (!ok) {
		if (c.jsonl.fd >= 0 || c.jsonl.b.p)
			out_abort(&c.jsonl);
		if (csv.fd >= 0 || csv.b.p)
			out_abort(&csv);
		if (html.fd >= 0 || html.b.p)
			out_abort(&html);
		if (name[0] && unlinkat(outfd, name, AT_REMOVEDIR) == 0) {
			fsync_dir(outfd);
			sum->folder[0] = 0;
		}
	}
	for (int i = 0; i < c.n_who; i++)
		free(c.who[i].rows);
	free(c.who);
	if (dirfd >= 0)
		close(dirfd);
	close(outfd);
	if (!ok)
		LOG(ERROR, "export: %s", sum->message);
	return ok;
}

/* ---- code cards ---- */

static bool plain_name(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 40)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-' || s[i] == '_'))
			return false;
	return true;
}

static bool has_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	for (; *s; s++)
		if (!strncasecmp(s, w, n))
			return true;
	return false;
}

/* Appends assets_dir/kind/name.svg inline, without its XML prolog and
 * its xmlns (an inline svg in HTML needs none), or a plain box when the
 * file is missing or holds anything but a drawing. */
static void inline_svg(struct buf *b, const char *assets_dir, const char *kind, const char *name)
{
	char *data = NULL;
	if (plain_name(name)) {
		char err[256];
		char *path = util_printf("%s/%s/%s.svg", assets_dir, kind, name);
		data = path ? util_read_file(path, 256 * 1024, NULL, err, sizeof err) : NULL;
		free(path);
	}
	const char *p = data;
	if (p && !strncmp(p, "<?xml", 5)) {
		p = strstr(p, "?>");
		p = p ? p + 2 : NULL;
	}
	while (p && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	if (!p || strncmp(p, "<svg", 4) != 0 || has_word(p, "script") || has_word(p, "href") ||
	    has_word(p, "foreignobject") || has_word(p, "@import") || has_word(p, "url(")) {
		buf_puts(b, "<svg viewBox=\"0 0 200 200\"><rect x=\"4\" y=\"4\" width=\"192\" height=\"192\" rx=\"30\" "
		            "fill=\"#fff\" stroke=\"#52606d\" stroke-width=\"4\"/></svg>");
		free(data);
		return;
	}
	static const char ns[] = " xmlns=\"http://www.w3.org/2000/svg\"";
	const char *x = strstr(p, ns);
	if (x) {
		buf_add(b, p, (size_t)(x - p));
		buf_puts(b, x + strlen(ns));
	} else {
		buf_puts(b, p);
	}
	free(data);
}

static const char card_css[] =
	"@page{size:A4;margin:15mm}"
	"*{box-sizing:border-box}"
	"html{-webkit-print-color-adjust:exact;print-color-adjust:exact}"
	"body{margin:0;color:#1f2933;font:12pt/1.4 Andika,'Segoe UI','Noto Sans','DejaVu Sans',Arial,sans-serif}"
	".card{text-align:center;padding-top:8mm}"
	".card+.card{break-before:page;page-break-before:always}"
	".warn{border:2px solid #b5432f;background:#fbeae6;padding:4mm;margin:6mm auto;max-width:180mm}"
	"@media print{.warn{display:none}}"
	".avatar svg{width:52mm;height:52mm}"
	"h1{font-size:30pt;margin:3mm 0 8mm}"
	"h2{font-size:16pt;margin:0 0 5mm;color:#1d5c63}"
	".en{color:#616e7c;font-weight:400;font-size:.8em}"
	"ol{list-style:none;display:flex;justify-content:center;gap:8mm;padding:0;margin:0 0 10mm}"
	"li{width:50mm}"
	"li svg{width:46mm;height:46mm;display:block;margin:0 auto}"
	".n{display:block;font-size:20pt;font-weight:700;color:#1d5c63}"
	".w{display:block;font-size:13pt;margin-top:1mm}"
	".how{font-size:13pt;margin:0 auto 6mm;max-width:150mm}"
	".keep{font-size:11pt;color:#3d405b;border-top:1px solid #cbd2d9;padding-top:4mm;max-width:150mm;margin:0 auto}";

bool export_code_cards(const char *leerplek_dir, const char *assets_dir, const struct export_card *cards, int n,
                       int64_t now_ms, char *path, size_t path_len, char *err, size_t err_len)
{
	if (path && path_len)
		path[0] = 0;
	int dir = open(leerplek_dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dir < 0) {
		snprintf(err, err_len, "cannot open the folder %s: %s", leerplek_dir, why(errno));
		return false;
	}
	struct tm tm;
	local_tm(now_ms, &tm);
	char name[96] = "";
	for (int k = 1; k < 100; k++) {
		struct stat st;
		snprintf(name, sizeof name, k == 1 ? "codes-%04d%02d%02d-%02d%02d.html" : "codes-%04d%02d%02d-%02d%02d-%d.html",
		         tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, k);
		if (fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) != 0 && errno == ENOENT)
			break;
		if (k == 99) {
			snprintf(err, err_len, "too many code card files in %s", leerplek_dir);
			close(dir);
			return false;
		}
	}
	struct out o;
	if (!out_open(&o, dir, name)) {
		snprintf(err, err_len, "cannot write in %s: %s", leerplek_dir, why(o.err));
		close(dir);
		return false;
	}
	struct buf *b = &o.b;
	buf_printf(b, "<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n"
	              "<title>Leerplek: inlogkaarten</title>\n<style>%s</style>\n</head>\n<body>\n", card_css);
	buf_puts(b, "<p class=\"warn\"><b>Dit bestand bevat inlogcodes.</b> Print de kaarten en gooi dit bestand daarna weg, "
	            "ook uit de prullenbak. <span class=\"en\" lang=\"en\">This file holds sign-in codes: print the cards, then delete "
	            "it.</span></p>\n");
	for (int i = 0; i < n; i++) {
		const struct export_card *k = &cards[i];
		buf_puts(b, "<section class=\"card\">\n<div class=\"avatar\">");
		inline_svg(b, assets_dir, "avatars", k->avatar);
		buf_puts(b, "</div>\n<h1>");
		h(b, k->name);
		buf_puts(b, "</h1>\n<h2>Jouw code <span class=\"en\" lang=\"en\">Your code</span></h2>\n<ol>");
		for (int j = 0; j < 3; j++) {
			buf_printf(b, "<li><span class=\"n\">%d</span>", j + 1);
			inline_svg(b, assets_dir, "code", k->pictures[j]);
			buf_puts(b, "<span class=\"w\">");
			h(b, k->words[j] ? k->words[j] : k->pictures[j]);
			buf_puts(b, "</span></li>");
		}
		buf_puts(b, "</ol>\n<p class=\"how\">Tik op je eigen plaatje. Tik dan deze drie plaatjes aan, in deze volgorde.<br>"
		            "<span class=\"en\" lang=\"en\">Tap your own picture. Then tap these three pictures, in this order.</span></p>\n"
		            "<p class=\"keep\">Bewaar deze kaart op een veilige plek. Laat je code aan niemand zien. "
		            "<span class=\"en\" lang=\"en\">Keep this card safe. Show your code to nobody.</span></p>\n</section>\n");
		out_maybe_flush(&o);
	}
	buf_puts(b, "</body>\n</html>\n");
	bool ok = out_finish(&o);
	if (!ok)
		snprintf(err, err_len, "the code cards could not be written to %s: %s", leerplek_dir, why(o.err));
	else if (path)
		snprintf(path, path_len, "%s/%s", leerplek_dir, name);
	close(dir);
	return ok;
}
