/* The exports (export.h): a store with invented learners, answers (right,
 * wrong, after a tip, in a review on a later day), completions and an
 * erased learner is exported, and the three files are read back: the CSV
 * with an RFC 4180 reader (BOM, CRLF, ';', quoting, numbers, no formula
 * cell), every line of statements.jsonl with a strict JSON reader and the
 * xAPI fields it must have, the HTML for what a self-contained printable
 * page may not hold; statement ids must not change between exports; and
 * no byte of a code hash, the PIN's hash or the organisation's key or
 * code may be in any file. Then the code cards.
 * usage: test-export SOURCE_ROOT (for assets/) */
#define _XOPEN_SOURCE 700 /* nftw */
#include "../../app/core/export.h"
#include "../../app/core/guard.h"
#include "../../app/core/secret.h"
#include "../../app/core/store.h"
#include "../../app/core/sync.h"
#include "../../app/core/util.h"
#include "test.h"

#include <dirent.h>
#include <ftw.h>
#include <sodium.h>
#include <stdint.h>
#include <sys/stat.h>
#include <unistd.h>

static char *tmpdir(void)
{
	char tmpl[] = "/tmp/lp-export-XXXXXX";
	char *d = mkdtemp(tmpl);
	return d ? util_strdup(d) : NULL;
}

static int rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

static void rm_tree(const char *dir)
{
	if (dir && !getenv("LEERPLEK_KEEP_EXPORT"))
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

static char *slurp(const char *dir, const char *name, size_t *len)
{
	char err[300];
	char *path = util_path_join(dir, name);
	char *data = util_read_file(path, 64 * 1024 * 1024, len, err, sizeof err);
	if (!data)
		fprintf(stderr, "%s\n", err);
	free(path);
	return data;
}

static bool contains(const char *hay, size_t n, const void *needle, size_t m)
{
	for (size_t i = 0; m && i + m <= n; i++)
		if (!memcmp(hay + i, needle, m))
			return true;
	return false;
}

/* Whether hay holds needle, in any case of ASCII letters. */
static bool has_nocase(const char *hay, const char *needle)
{
	size_t m = strlen(needle);
	for (; *hay; hay++) {
		size_t k = 0;
		while (k < m && hay[k] && (hay[k] | 0x20) == (needle[k] | 0x20))
			k++;
		if (k == m)
			return true;
	}
	return false;
}

/* ---- a strict JSON reader (RFC 8259), enough to look inside ---- */

enum jt { J_NULL, J_BOOL, J_NUM, J_STR, J_ARR, J_OBJ };
struct jv {
	enum jt t;
	bool b;
	char *s; /* strings: decoded */
	int n;
	char **keys;
	struct jv **v;
};

static void jfree(struct jv *v)
{
	if (!v)
		return;
	free(v->s);
	for (int i = 0; i < v->n; i++) {
		if (v->keys)
			free(v->keys[i]);
		jfree(v->v[i]);
	}
	free(v->keys);
	free(v->v);
	free(v);
}

static void ws(const char **p)
{
	while (**p == ' ' || **p == '\t' || **p == '\n' || **p == '\r')
		(*p)++;
}

static void put_utf8(char **o, uint32_t cp)
{
	unsigned char *u = (unsigned char *)*o;
	if (cp < 0x80) {
		*u++ = (unsigned char)cp;
	} else if (cp < 0x800) {
		*u++ = (unsigned char)(0xC0 | cp >> 6);
		*u++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else if (cp < 0x10000) {
		*u++ = (unsigned char)(0xE0 | cp >> 12);
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*u++ = (unsigned char)(0x80 | (cp & 0x3F));
	} else {
		*u++ = (unsigned char)(0xF0 | cp >> 18);
		*u++ = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
		*u++ = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		*u++ = (unsigned char)(0x80 | (cp & 0x3F));
	}
	*o = (char *)u;
}

static int hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

static char *jstring(const char **p)
{
	if (**p != '"')
		return NULL;
	(*p)++;
	const char *q = *p;
	char *out = malloc(strlen(q) * 2 + 8), *o = out;
	while (*q != '"') {
		unsigned char c = (unsigned char)*q;
		if (c < 0x20) { /* also the end of the text */
			free(out);
			return NULL;
		}
		if (c == '\\') {
			q++;
			const char *simple = strchr("\"\\/bfnrt", *q);
			if (*q && simple) {
				static const char to[] = "\"\\/\b\f\n\r\t";
				*o++ = to[simple - "\"\\/bfnrt"];
				q++;
			} else if (*q == 'u') {
				int u = hex4(q + 1);
				if (u < 0) {
					free(out);
					return NULL;
				}
				q += 5;
				uint32_t cp = (uint32_t)u;
				if (cp >= 0xD800 && cp <= 0xDBFF) {
					int lo = q[0] == '\\' && q[1] == 'u' ? hex4(q + 2) : -1;
					if (lo < 0xDC00 || lo > 0xDFFF) {
						free(out);
						return NULL;
					}
					cp = 0x10000 + ((cp - 0xD800) << 10) + ((uint32_t)lo - 0xDC00);
					q += 6;
				} else if (cp >= 0xDC00 && cp <= 0xDFFF) {
					free(out);
					return NULL;
				}
				put_utf8(&o, cp);
			} else {
				free(out);
				return NULL;
			}
			continue;
		}
		uint32_t cp;
		int n = util_utf8_decode(q, strlen(q), &cp);
		if (cp == 0xFFFD && n == 1) { /* not UTF-8 */
			free(out);
			return NULL;
		}
		memcpy(o, q, (size_t)n);
		o += n;
		q += n;
	}
	*o = 0;
	*p = q + 1;
	return out;
}

static struct jv *jvalue(const char **p, int depth);

static bool jpush(struct jv *v, char *key, struct jv *x)
{
	char **nk = v->t == J_OBJ ? realloc(v->keys, (size_t)(v->n + 1) * sizeof *nk) : NULL;
	if (v->t == J_OBJ) {
		if (!nk)
			return false;
		v->keys = nk;
		v->keys[v->n] = key;
	}
	struct jv **nv = realloc(v->v, (size_t)(v->n + 1) * sizeof *nv);
	if (!nv)
		return false;
	v->v = nv;
	v->v[v->n++] = x;
	return true;
}

static struct jv *jvalue(const char **p, int depth)
{
	if (depth > 64)
		return NULL;
	ws(p);
	struct jv *v = calloc(1, sizeof *v);
	const char *q = *p;
	if (*q == '{' || *q == '[') {
		char close = *q == '{' ? '}' : ']';
		v->t = *q == '{' ? J_OBJ : J_ARR;
		(*p)++;
		ws(p);
		if (**p == close) {
			(*p)++;
			return v;
		}
		for (;;) {
			char *key = NULL;
			if (v->t == J_OBJ) {
				ws(p);
				key = jstring(p);
				ws(p);
				if (!key || **p != ':') {
					free(key);
					jfree(v);
					return NULL;
				}
				(*p)++;
			}
			struct jv *x = jvalue(p, depth + 1);
			if (!x || !jpush(v, key, x)) {
				free(key);
				jfree(x);
				jfree(v);
				return NULL;
			}
			ws(p);
			if (**p == ',') {
				(*p)++;
				continue;
			}
			if (**p == close) {
				(*p)++;
				return v;
			}
			jfree(v);
			return NULL;
		}
	}
	if (*q == '"') {
		v->t = J_STR;
		v->s = jstring(p);
		if (!v->s) {
			jfree(v);
			return NULL;
		}
		return v;
	}
	if (!strncmp(q, "true", 4) || !strncmp(q, "false", 5)) {
		v->t = J_BOOL;
		v->b = q[0] == 't';
		*p += v->b ? 4 : 5;
		return v;
	}
	if (!strncmp(q, "null", 4)) {
		*p += 4;
		return v;
	}
	/* -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)? */
	const char *s = q;
	if (*s == '-')
		s++;
	if (*s == '0')
		s++;
	else if (*s >= '1' && *s <= '9')
		while (*s >= '0' && *s <= '9')
			s++;
	else {
		jfree(v);
		return NULL;
	}
	if (*s == '.') {
		s++;
		if (!(*s >= '0' && *s <= '9')) {
			jfree(v);
			return NULL;
		}
		while (*s >= '0' && *s <= '9')
			s++;
	}
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9')) {
			jfree(v);
			return NULL;
		}
		while (*s >= '0' && *s <= '9')
			s++;
	}
	v->t = J_NUM;
	*p = s;
	return v;
}

/* A whole line must be one JSON value. */
static struct jv *jparse(const char *line)
{
	const char *p = line;
	struct jv *v = jvalue(&p, 0);
	if (v) {
		ws(&p);
		if (*p) {
			jfree(v);
			v = NULL;
		}
	}
	return v;
}

/* Member by a path of keys, "a.b.c". */
static const struct jv *jget(const struct jv *v, const char *path)
{
	char key[64];
	while (v && *path) {
		size_t n = strcspn(path, ".");
		snprintf(key, sizeof key, "%.*s", (int)n, path);
		path += n + (path[n] == '.');
		const struct jv *next = NULL;
		for (int i = 0; v->t == J_OBJ && i < v->n && !next; i++)
			if (!strcmp(v->keys[i], key))
				next = v->v[i];
		v = next;
	}
	return v;
}

static const char *jstr(const struct jv *v, const char *path)
{
	const struct jv *x = jget(v, path);
	return x && x->t == J_STR ? x->s : NULL;
}

static bool starts(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

static bool is_hex(const char *s, size_t n)
{
	if (!s || strlen(s) != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	return true;
}

static bool is_uuid5(const char *s)
{
	if (!s || strlen(s) != 36)
		return false;
	for (int i = 0; i < 36; i++) {
		bool dash = i == 8 || i == 13 || i == 18 || i == 23;
		if (dash != (s[i] == '-'))
			return false;
		if (!dash && !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return false;
	}
	return s[14] == '5' && strchr("89ab", s[19]);
}

/* 2026-11-27T14:03:05.123+01:00 */
static bool is_timestamp(const char *s)
{
	static const char form[] = "dddd-dd-ddTdd:dd:dd.ddd+dd:dd";
	if (!s || strlen(s) != sizeof form - 1)
		return false;
	for (size_t i = 0; form[i]; i++) {
		if (form[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : form[i] == '+' ? !(s[i] == '+' || s[i] == '-')
		                                                                     : s[i] != form[i])
			return false;
	}
	return true;
}

static bool is_duration(const char *s)
{
	if (!starts(s, "PT"))
		return false;
	s += 2;
	if (!(*s >= '0' && *s <= '9'))
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	return s[0] == '.' && s[1] >= '0' && s[1] <= '9' && s[2] >= '0' && s[2] <= '9' && !strcmp(s + 3, "S");
}

/* ---- an RFC 4180 reader for ';' ---- */

struct csv {
	int rows, cols[64];
	char *cell[64][20]; /* unquoted */
	bool quoted[64][20];
	bool ok;
};

static void csv_free(struct csv *c)
{
	for (int r = 0; r < 64; r++)
		for (int k = 0; k < 20; k++)
			free(c->cell[r][k]);
}

static void csv_read(const char *p, size_t n, struct csv *c)
{
	memset(c, 0, sizeof *c);
	const char *end = p + n;
	c->ok = true;
	while (p < end && c->rows < 64) {
		int r = c->rows++, k = 0;
		for (;;) {
			char *cell = malloc((size_t)(end - p) + 1), *o = cell;
			bool q = p < end && *p == '"';
			if (q) {
				p++;
				for (;;) {
					if (p >= end) {
						c->ok = false;
						break;
					}
					if (*p == '"' && p + 1 < end && p[1] == '"') {
						*o++ = '"';
						p += 2;
					} else if (*p == '"') {
						p++;
						break;
					} else {
						*o++ = *p++;
					}
				}
			} else {
				while (p < end && *p != ';' && *p != '\r' && *p != '\n' && *p != '"')
					*o++ = *p++;
				if (p < end && *p == '"')
					c->ok = false; /* a quote inside an unquoted field */
			}
			*o = 0;
			if (k < 20) {
				c->cell[r][k] = cell;
				c->quoted[r][k] = q;
				k++;
			} else {
				free(cell);
			}
			if (p < end && *p == ';') {
				p++;
				continue;
			}
			if (p + 1 < end && p[0] == '\r' && p[1] == '\n') {
				p += 2;
				break;
			}
			c->ok = false; /* a bare LF or CR, or the file ends without CRLF */
			p = end;
			break;
		}
		c->cols[r] = k;
	}
}

static int col_of(const struct csv *c, const char *name)
{
	for (int k = 0; k < c->cols[0]; k++)
		if (!strcmp(c->cell[0][k], name))
			return k;
	return -1;
}

/* ---- the fixture ---- */

static const char *const lesson_files[][2] = {
	{"a-mail", "id: mail-real-or-fake\nversion: 2\ntitle:\n  nl: \"Mails; \\\"echt\\\" of nep?\"\n"
	           "  en: \"Mails; \\\"real\\\" or fake?\"\ncompetences: [\"4.1\", \"1.2\"]\nroles: [worker]\n"},
	{"b-formula", "id: formula-title\nversion: 1\ntitle:\n  nl: \"=HYPERLINK(\\\"http://x\\\",\\\"y\\\") <script>alert(1)</script>\"\n"
	              "  en: \"+1 -1 @A1\"\ncompetences: [\"4.2\"]\nroles: [worker]\n"},
	{"c-coach", "id: coaching-talk\nversion: 3\ntitle:\n  nl: \"Een coachgesprek\"\n  en: \"A coaching talk\"\n"
	            "competences: [\"2.1\"]\nroles: [supervisor]\n"},
};

static const char lesson_rest[] =
	"summary:\n  nl: \"Kort.\"\n  en: \"Short.\"\nminutes: 6\nsteps:\n"
	"  - type: explain\n    text:\n      nl: \"Uitleg.\"\n      en: \"Explanation.\"\n"
	"  - type: choice\n    question:\n      nl: \"Vraag?\"\n      en: \"Question?\"\n    answers:\n"
	"      - text: { nl: \"Ja\", en: \"Yes\" }\n        correct: true\n      - text: { nl: \"Nee\", en: \"No\" }\n"
	"    feedback:\n      right: { nl: \"Goed.\", en: \"Right.\" }\n      wrong: { nl: \"Fout.\", en: \"Wrong.\" }\n";

static bool write_lessons(const char *dir)
{
	for (size_t i = 0; i < sizeof lesson_files / sizeof lesson_files[0]; i++) {
		char *sub = util_path_join(dir, lesson_files[i][0]);
		mkdir(sub, 0700);
		char *path = util_path_join(sub, "lesson.yaml");
		FILE *f = fopen(path, "w");
		bool ok = f && fputs(lesson_files[i][1], f) >= 0 && fputs(lesson_rest, f) >= 0;
		if (f)
			ok = fclose(f) == 0 && ok;
		free(path);
		free(sub);
		if (!ok)
			return false;
	}
	return true;
}

static int n_attempts;

static void answer(struct store *s, const char *who, const char *lesson, int version, bool right, int hints,
                   bool review, const char *given)
{
	struct store_attempt a = {.learner_id = who, .lesson_id = lesson, .lesson_version = version, .step = 1,
	                          .correct = right, .answer = given, .hints = hints, .ms = 12345, .review = review};
	char id[LP_ID_LEN + 1];
	CHECK(store_attempt_add(s, &a, id));
	n_attempts++;
}

struct secrets {
	char code_hash[STORE_CODE_HASH_MAX + 1];
	char pin_hash[SECRET_STR_MAX + 1];
	char key_hex[SYNC_KEY_BYTES * 2 + 1];
	uint8_t key[SYNC_KEY_BYTES];
	char org_code[SYNC_CODE_MAX];
	char erased_id[LP_ID_LEN + 1];
};

static void no_secrets(const char *what, const char *data, size_t n, const struct secrets *x)
{
	bool clean = !contains(data, n, x->code_hash, strlen(x->code_hash)) &&
	             !contains(data, n, x->pin_hash, strlen(x->pin_hash)) && !contains(data, n, "$argon2", 7) &&
	             !contains(data, n, x->key_hex, strlen(x->key_hex)) && !contains(data, n, x->key, sizeof x->key) &&
	             !contains(data, n, x->org_code, strlen(x->org_code)) && !contains(data, n, "246810", 6) &&
	             !contains(data, n, "apple-key-hat", 13) && !contains(data, n, x->erased_id, strlen(x->erased_id)) &&
	             !contains(data, n, "Erik", 4);
	if (!clean)
		fprintf(stderr, "a secret or an erased learner in %s\n", what);
	CHECK(clean);
	/* and the code hash's salt and digest, each alone */
	const char *salt = strstr(x->code_hash, ",p=");
	salt = salt ? strchr(salt + 1, '$') : NULL;
	CHECK(!salt || !contains(data, n, salt + 1, 16));
}

static void check_pieces(void)
{
	char *c;
	CHECK_STR(c = export_csv_cell("=SUM(A1)"), "'=SUM(A1)");
	free(c);
	CHECK_STR(c = export_csv_cell("+1"), "'+1");
	free(c);
	CHECK_STR(c = export_csv_cell("-1"), "'-1");
	free(c);
	CHECK_STR(c = export_csv_cell("@A1"), "'@A1");
	free(c);
	CHECK_STR(c = export_csv_cell("\tx"), "'\tx");
	free(c);
	CHECK_STR(c = export_csv_cell("\rx"), "\"'\rx\"");
	free(c);
	CHECK_STR(c = export_csv_cell("  =1+1"), "'  =1+1");
	free(c);
	CHECK_STR(c = export_csv_cell("\xEF\xBC\x9D" "1"), "'\xEF\xBC\x9D" "1"); /* full-width = */
	free(c);
	CHECK_STR(c = export_csv_cell("=HYPERLINK(\"http://x\",\"y\")"), "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
	free(c);
	CHECK_STR(c = export_csv_cell("Zoë =SUM(A1)"), "Zoë =SUM(A1)");
	free(c);
	CHECK_STR(c = export_csv_cell("a;b"), "\"a;b\"");
	free(c);
	CHECK_STR(c = export_csv_cell("zeg \"hoi\""), "\"zeg \"\"hoi\"\"\"");
	free(c);
	CHECK_STR(c = export_csv_cell("twee\nregels"), "\"twee\nregels\"");
	free(c);
	CHECK_STR(c = export_csv_cell("bad \xff byte"), "bad \xEF\xBF\xBD byte");
	free(c);
	CHECK_STR(c = export_csv_cell(""), "");
	free(c);

	char u[37];
	export_uuid5("answered:0123456789abcdef0123456789abcdef", u);
	CHECK_STR(u, "2e9b642b-7065-5fb6-8ade-28ca077eeaa9"); /* Python's uuid.uuid5 */
	export_uuid5("", u);
	CHECK_STR(u, "c88705e4-af8d-59a0-99af-b95a2cf0a354");
	char longname[201];
	memset(longname, 'x', 200);
	longname[200] = 0;
	export_uuid5(longname, u);
	CHECK_STR(u, "9fda7e5a-c063-5afc-ab4e-dcb55da08259");

	char name[64];
	export_safe_name("Kantine Zoë", name, sizeof name);
	CHECK_STR(name, "Kantine-Zoe");
	export_safe_name("  ../De Linde: hal 2/ ", name, sizeof name);
	CHECK_STR(name, "De-Linde-hal-2");
	export_safe_name("كانتين", name, sizeof name);
	CHECK_STR(name, "leerplek");
	export_safe_name("Łódź Œuvre ß", name, sizeof name);
	CHECK_STR(name, "Lodz-Ouvre-s");
	export_safe_name("a-very-long-site-name-that-goes-on-and-on-and-on", name, sizeof name);
	CHECK(strlen(name) <= 40 && name[strlen(name) - 1] != '-');
}

static bool only_in_text(const char *html, const char *word)
{
	/* every occurrence is inside the escaped lesson title: &quot;http://x&quot; */
	for (const char *p = strstr(html, word); p; p = strstr(p + 1, word))
		if (p - html < 6 || strncmp(p - 6, "&quot;", 6) != 0)
			return false;
	return true;
}

static int count(const char *hay, const char *needle)
{
	int n = 0;
	for (const char *p = strstr(hay, needle); p; p = strstr(p + 1, needle))
		n++;
	return n;
}

static void check_export(void)
{
	char *dir = tmpdir(), err[600];
	char *data = util_path_join(dir, "data"), *lessons = util_path_join(dir, "lessons"),
	     *out = util_path_join(dir, "stick/LEERPLEK/export");
	mkdir(lessons, 0700);
	CHECK(write_lessons(lessons));
	char *stick = util_path_join(dir, "stick/LEERPLEK");
	CHECK(util_mkdir_p(stick, err, sizeof err)); /* export/ is made by the export */
	free(stick);
	struct lesson_set set = {0};
	struct lesson_diag diag = {0};
	const char *paths[] = {lessons};
	lesson_set_load_cards(&set, paths, 1, &diag);
	CHECK(set.n == 3 && set.n_skipped == 0);

	struct store *s = store_open(data, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	struct secrets x;
	memset(&x, 0, sizeof x);
	CHECK(store_setting_set_text(s, "org", "Groenbedrijf De Linde") && store_setting_set_text(s, "site", "Kantine Zoë"));
	CHECK(guard_pin_set(s, "246810"));
	CHECK(store_setting_text(s, "pin", x.pin_hash, sizeof x.pin_hash) && starts(x.pin_hash, "$argon2id$"));
	CHECK(sync_org_code_new(x.org_code) && sync_org_key(x.org_code, x.key) && sync_org_save(s, x.key) &&
	      store_setting_set_text(s, "org_code", x.org_code));
	sodium_bin2hex(x.key_hex, sizeof x.key_hex, x.key, sizeof x.key);

	char zoe[LP_ID_LEN + 1], samira[LP_ID_LEN + 1], anouk[LP_ID_LEN + 1], erik[LP_ID_LEN + 1];
	int code[3];
	char hash[STORE_CODE_HASH_MAX];
	CHECK(guard_code_parse("apple-key-hat", code) && guard_code_hash(code, hash));
	CHECK(store_learner_add_code(s, "Zoë", 1, hash, zoe));
	CHECK(store_learner_code_hash(s, zoe, x.code_hash, sizeof x.code_hash) && starts(x.code_hash, "$argon2id$"));
	CHECK(store_learner_add(s, "Samira", 2, samira) && store_learner_set_route(s, samira, STORE_ROUTE_SUPERVISOR));
	CHECK(store_learner_add(s, "Anouk", 3, anouk));
	CHECK(store_learner_add(s, "Erik", 4, erik));
	snprintf(x.erased_id, sizeof x.erased_id, "%s", erik);

	/* Zoë: wrong, right after a tip, then three right (practised), the
	 * lesson completed, and two days later right in a review (mastered);
	 * in the formula lesson one wrong answer (started). */
	CHECK(store_progress_set(s, zoe, "mail-real-or-fake", 2, 0, false));
	answer(s, zoe, "mail-real-or-fake", 2, false, 0, false, "1");
	answer(s, zoe, "mail-real-or-fake", 2, true, 1, false, "0");
	answer(s, zoe, "mail-real-or-fake", 2, true, 0, false, "0");
	answer(s, zoe, "mail-real-or-fake", 2, true, 0, false, "0");
	answer(s, zoe, "mail-real-or-fake", 2, true, 0, false, "0|=cmd \"x\"\n;y");
	CHECK(store_progress_set(s, zoe, "mail-real-or-fake", 2, 2, true));
	CHECK(store_progress_set(s, zoe, "formula-title", 1, 0, false));
	answer(s, zoe, "formula-title", 1, false, 0, false, "1");
	/* Samira (supervisor route): the coaching lesson completed, and one
	 * answer in a worker lesson (a row off her route). */
	answer(s, samira, "coaching-talk", 3, true, 0, false, "0");
	CHECK(store_progress_set(s, samira, "coaching-talk", 3, 2, true));
	answer(s, samira, "mail-real-or-fake", 2, false, 0, false, "1");
	/* Erik answers and is erased: nothing of his may be exported. */
	answer(s, erik, "mail-real-or-fake", 2, true, 0, false, "0");
	n_attempts--;
	CHECK(store_learner_erase(s, erik));
	store_set_clock_offset(s, 2 * 86400000LL);
	answer(s, zoe, "mail-real-or-fake", 2, true, 0, true, "0");

	int64_t now = store_now_ms(s);
	struct export_summary sum;
	bool ok = export_write(s, &set, out, now, &sum);
	CHECK(ok);
	if (!ok) {
		fprintf(stderr, "%s\n", sum.message);
		return;
	}
	CHECK(strstr(sum.folder, "/stick/LEERPLEK/export/Kantine-Zoe-") != NULL);
	CHECK(sum.learners == 3);
	CHECK(sum.rows == 6);
	CHECK(sum.statements == 17);
	CHECK(sum.certificates == 1);

	/* no temporary file left behind */
	DIR *d = opendir(sum.folder);
	int files = 0;
	for (struct dirent *e; d && (e = readdir(d));)
		if (e->d_name[0] != '.' || strncmp(e->d_name, ".tmp", 4) == 0)
			files++;
	if (d)
		closedir(d);
	CHECK(files == 3);

	size_t csv_len, jsonl_len, html_len;
	char *csv = slurp(sum.folder, "results.csv", &csv_len);
	char *jsonl = slurp(sum.folder, "statements.jsonl", &jsonl_len);
	char *html = slurp(sum.folder, "report.html", &html_len);
	CHECK(csv && jsonl && html);
	if (!csv || !jsonl || !html)
		return;

	/* ---- results.csv ---- */
	CHECK(!memcmp(csv, "\xEF\xBB\xBF", 3));
	for (size_t i = 0; i < csv_len; i++)
		if (csv[i] == '\n' && (i == 0 || csv[i - 1] != '\r')) {
			CHECK(!"a line ends without CR");
			break;
		}
	struct csv t;
	csv_read(csv + 3, csv_len - 3, &t);
	CHECK(t.ok);
	CHECK(t.rows == 7);
	for (int r = 0; r < t.rows; r++)
		CHECK(t.cols[r] == 16);
	int c_name = col_of(&t, "name"), c_lesson = col_of(&t, "lesson_id"), c_title = col_of(&t, "lesson_title"),
	    c_status = col_of(&t, "status"), c_att = col_of(&t, "attempts"), c_rft = col_of(&t, "right_first_time"),
	    c_sec = col_of(&t, "seconds"), c_on = col_of(&t, "on_route"), c_done = col_of(&t, "completed_on"),
	    c_dc = col_of(&t, "digcomp"), c_last = col_of(&t, "last_seen"), c_id = col_of(&t, "learner_id");
	CHECK(c_name >= 0 && c_lesson >= 0 && c_title >= 0 && c_status >= 0 && c_att >= 0 && c_rft >= 0 && c_sec >= 0 &&
	      c_on >= 0 && c_done >= 0 && c_dc >= 0 && c_last >= 0 && c_id >= 0);
	static const char *const numeric[] = {"on_route", "questions", "attempts", "right_first_time", "seconds", "minutes"};
	bool seen_zoe_mail = false, seen_formula = false, seen_samira_off = false;
	for (int r = 1; r < t.rows && c_id >= 0; r++) {
		for (size_t k = 0; k < sizeof numeric / sizeof numeric[0]; k++) {
			const char *v = t.cell[r][col_of(&t, numeric[k])];
			bool digits = v && *v && strspn(v, "0123456789") == strlen(v);
			CHECK(digits && !t.quoted[r][col_of(&t, numeric[k])]);
		}
		for (int k = 0; k < t.cols[r]; k++) {
			const char *v = t.cell[r][k];
			CHECK(!strchr("=+-@\t\r", v[0]) || !v[0]);
		}
		const char *name = t.cell[r][c_name], *lesson = t.cell[r][c_lesson];
		CHECK(is_hex(t.cell[r][c_id], LP_ID_LEN));
		if (!strcmp(name, "Zoë") && !strcmp(lesson, "mail-real-or-fake")) {
			seen_zoe_mail = true;
			CHECK_STR(t.cell[r][c_title], "Mails; \"echt\" of nep?");
			CHECK_STR(t.cell[r][c_status], "mastered");
			CHECK_STR(t.cell[r][c_att], "6");
			CHECK_STR(t.cell[r][c_rft], "0");
			CHECK_STR(t.cell[r][c_sec], "74");
			CHECK_STR(t.cell[r][c_dc], "DigComp 4.1, 1.2");
			CHECK(strlen(t.cell[r][c_done]) == 10 && t.cell[r][c_done][4] == '-');
			CHECK(strlen(t.cell[r][c_last]) == 10);
		}
		if (!strcmp(lesson, "formula-title") && !strcmp(name, "Zoë")) {
			seen_formula = true;
			CHECK_STR(t.cell[r][c_title], "'=HYPERLINK(\"http://x\",\"y\") <script>alert(1)</script>");
			CHECK_STR(t.cell[r][c_status], "started");
			CHECK_STR(t.cell[r][c_done], "");
		}
		if (!strcmp(name, "Samira") && !strcmp(lesson, "mail-real-or-fake")) {
			seen_samira_off = true;
			CHECK_STR(t.cell[r][c_on], "0");
		}
		if (!strcmp(name, "Samira") && !strcmp(lesson, "coaching-talk"))
			CHECK_STR(t.cell[r][c_rft], "1");
		if (!strcmp(name, "Anouk"))
			CHECK_STR(t.cell[r][c_status], "new");
	}
	CHECK(seen_zoe_mail && seen_formula && seen_samira_off);
	CHECK(strstr(csv, "\"Mails; \"\"echt\"\" of nep?\"") != NULL);
	csv_free(&t);

	/* ---- statements.jsonl ---- */
	int lines = 0, answered = 0, completed = 0, passed = 0, mastered = 0, attempted = 0;
	char ids[64][37];
	char *copy = util_strdup(jsonl);
	for (char *line = copy, *next; line && *line; line = next) {
		next = strchr(line, '\n');
		CHECK(next != NULL);
		if (!next)
			break;
		*next++ = 0;
		struct jv *v = jparse(line);
		CHECK(v && v->t == J_OBJ);
		if (!v) {
			fprintf(stderr, "not JSON: %s\n", line);
			continue;
		}
		const char *id = jstr(v, "id"), *verb = jstr(v, "verb.id");
		CHECK(is_uuid5(id));
		if (lines < 64 && id)
			snprintf(ids[lines], sizeof ids[0], "%s", id);
		for (int k = 0; k < lines && k < 64; k++)
			CHECK(strcmp(ids[k], id ? id : "") != 0);
		lines++;
		CHECK(starts(jstr(v, "actor.account.homePage"), "urn:leerplek:org:"));
		CHECK(is_hex(jstr(v, "actor.account.name"), LP_ID_LEN));
		CHECK(!jget(v, "actor.name") && !jget(v, "actor.mbox") && !jget(v, "actor.mbox_sha1sum"));
		CHECK_STR(jstr(v, "actor.objectType"), "Agent");
		CHECK(starts(verb, "http://adlnet.gov/expapi/verbs/"));
		CHECK(jstr(v, "verb.display.en-US") != NULL);
		CHECK_STR(jstr(v, "object.objectType"), "Activity");
		CHECK(starts(jstr(v, "object.id"), "urn:leerplek:lesson:"));
		CHECK(is_timestamp(jstr(v, "timestamp")));
		CHECK_STR(jstr(v, "version"), "1.0.3");
		CHECK_STR(jstr(v, "context.platform"), "Leerplek");
		const char *what = verb ? verb + strlen("http://adlnet.gov/expapi/verbs/") : "";
		if (!strcmp(what, "answered")) {
			answered++;
			const struct jv *ok_ = jget(v, "result.success");
			CHECK(ok_ && ok_->t == J_BOOL);
			CHECK(jstr(v, "result.response") != NULL);
			CHECK(is_duration(jstr(v, "result.duration")));
			CHECK_STR(jstr(v, "result.duration"), "PT12.34S");
			CHECK(strstr(jstr(v, "object.id") ? jstr(v, "object.id") : "", "/step/1") != NULL);
			CHECK_STR(jstr(v, "object.definition.type"), "http://adlnet.gov/expapi/activities/question");
			const struct jv *parent = jget(v, "context.contextActivities.parent");
			CHECK(parent && parent->t == J_ARR && parent->n == 1);
		} else if (!strcmp(what, "completed")) {
			completed++;
			const struct jv *done = jget(v, "result.completion");
			CHECK(done && done->t == J_BOOL && done->b);
		} else if (!strcmp(what, "passed")) {
			passed++;
		} else if (!strcmp(what, "mastered")) {
			mastered++;
		} else if (!strcmp(what, "attempted")) {
			attempted++;
		} else {
			CHECK(!"an unexpected verb");
		}
		if (strcmp(what, "answered") != 0) {
			CHECK_STR(jstr(v, "object.definition.type"), "http://adlnet.gov/expapi/activities/lesson");
			if (!strcmp(jstr(v, "object.id") ? jstr(v, "object.id") : "", "urn:leerplek:lesson:mail-real-or-fake")) {
				CHECK_STR(jstr(v, "object.definition.name.nl"), "Mails; \"echt\" of nep?");
				CHECK_STR(jstr(v, "object.definition.name.en"), "Mails; \"real\" or fake?");
			}
		}
		jfree(v);
	}
	free(copy);
	CHECK(lines == 17 && lines == sum.statements);
	CHECK(answered == n_attempts);
	CHECK(completed == 2 && passed == 1 && mastered == 1 && attempted == 4);
	CHECK(strstr(jsonl, "\"urn:leerplek:xapi:digcomp-2.2\":[\"4.1\",\"1.2\"]") != NULL);
	CHECK(strstr(jsonl, "\"response\":\"0|=cmd \\\"x\\\"\\n;y\"") != NULL);
	CHECK(!strstr(jsonl, "Zoë") && !strstr(jsonl, "Samira")); /* names stay out of the statements */

	/* ---- report.html ---- */
	CHECK(starts(html, "<!DOCTYPE html>"));
	CHECK(strstr(html, "@page{size:A4") != NULL);
	CHECK(!has_nocase(html, "<script") && !has_nocase(html, "src=") && !has_nocase(html, "href=") &&
	      !has_nocase(html, "@import") && !has_nocase(html, "url(") && !has_nocase(html, "<link") &&
	      !has_nocase(html, "<iframe") && !has_nocase(html, "<img"));
	CHECK(only_in_text(html, "http:") && only_in_text(html, "https:"));
	CHECK(strstr(html, "=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;) &lt;script&gt;alert(1)&lt;/script&gt;") != NULL);
	CHECK(strstr(html, "Mails; &quot;echt&quot; of nep?") != NULL);
	CHECK(count(html, "<section class=\"page cert\">") == 1);
	const char *cert = strstr(html, "<section class=\"page cert\">");
	CHECK(cert && strstr(cert, "Samira") && strstr(cert, "Communicatie en samenwerking") &&
	      strstr(cert, "Handtekening begeleider") && strstr(cert, "Een coachgesprek"));
	CHECK(strstr(html, "<h1>Zoë</h1>") && strstr(html, "<h1>Samira</h1>") && strstr(html, "<h1>Anouk</h1>"));
	CHECK(count(html, "<svg") >= 5);
	CHECK(strstr(html, "Groenbedrijf De Linde") != NULL);

	no_secrets("results.csv", csv, csv_len, &x);
	no_secrets("statements.jsonl", jsonl, jsonl_len, &x);
	no_secrets("report.html", html, html_len, &x);

	/* ---- the same data again: the same statements; a rename and a new
	 * answer change no earlier statement ---- */
	struct export_summary again;
	CHECK(export_write(s, &set, out, now, &again));
	CHECK(strcmp(again.folder, sum.folder) != 0 && util_ends_with(again.folder, "-2"));
	size_t len2;
	char *jsonl2 = slurp(again.folder, "statements.jsonl", &len2);
	CHECK(jsonl2 && len2 == jsonl_len && !memcmp(jsonl, jsonl2, jsonl_len));
	free(jsonl2);
	CHECK(store_learner_rename(s, zoe, "Zoe"));
	answer(s, anouk, "formula-title", 1, true, 0, false, "0");
	struct export_summary third;
	CHECK(export_write(s, &set, out, now + 60000, &third));
	char *jsonl3 = slurp(third.folder, "statements.jsonl", &len2);
	CHECK(third.statements == 19);
	int kept = 0;
	for (char *line = jsonl, *next; jsonl3 && line && *line; line = next) {
		next = strchr(line, '\n');
		if (!next)
			break;
		*next = 0;
		kept += strstr(jsonl3, line) != NULL;
		*next++ = '\n';
	}
	CHECK(kept == 17);
	free(jsonl3);

	/* ---- where it cannot write ---- */
	char *link = util_path_join(dir, "link");
	CHECK(symlink(out, link) == 0);
	struct export_summary bad;
	CHECK(!export_write(s, &set, link, now, &bad) && bad.message[0] && !bad.folder[0]);
	char *nowhere = util_path_join(dir, "no/such/folder");
	CHECK(!export_write(s, &set, nowhere, now, &bad) && strstr(bad.message, "no/such/folder"));
	free(link);
	free(nowhere);

	/* ---- no lessons at all: lessons named by id ---- */
	struct export_summary bare;
	CHECK(export_write(s, NULL, out, now + 120000, &bare) && bare.rows == 5);

	if (getenv("LEERPLEK_KEEP_EXPORT"))
		printf("export kept in %s\n", sum.folder);
	free(csv);
	free(jsonl);
	free(html);
	store_destroy(s);
	lesson_set_finish(&set);
	rm_tree(dir);
	free(data);
	free(lessons);
	free(out);
	free(dir);
}

static void check_cards(const char *source_root)
{
	char *dir = tmpdir(), err[300], path[4096];
	char *assets = util_path_join(source_root, "assets");
	struct export_card cards[] = {
		{.name = "Zoë <b>", .avatar = "cat", .pictures = {"apple", "key", "hat"}, .words = {"appel", "sleutel", "hoed"}},
		{.name = "Samira", .avatar = "../../etc/passwd", .pictures = {"pear", "no-such-picture", "star"}},
	};
	CHECK(export_code_cards(dir, assets, cards, 2, util_wall_ms(), path, sizeof path, err, sizeof err));
	const char *base = strrchr(path, '/');
	CHECK(base && starts(base, "/codes-") && util_ends_with(base, ".html") && strlen(base) == strlen("/codes-20261127-1403.html"));
	size_t n;
	char *html = base ? slurp(dir, base + 1, &n) : NULL;
	CHECK(html != NULL);
	if (html) {
		CHECK(count(html, "<section class=\"card\">") == 2);
		CHECK(strstr(html, "Zoë &lt;b&gt;") != NULL);
		CHECK(strstr(html, "sleutel") && strstr(html, ">pear<") && strstr(html, ">star<"));
		CHECK(!has_nocase(html, "<script") && !has_nocase(html, "href") && !strstr(html, "xmlns") &&
		      !strstr(html, "root:"));
		CHECK(count(html, "<svg") == 8);
		CHECK(strstr(html, "@media print{.warn{display:none}}") != NULL);
		/* the apple itself, inlined from assets/code/apple.svg */
		size_t an;
		char *code_dir = util_path_join(assets, "code");
		char *apple = slurp(code_dir, "apple.svg", &an);
		const char *path_el = apple ? strstr(apple, "<path") : NULL;
		CHECK(path_el && strstr(html, "<path d=\"M100 66") != NULL);
		free(apple);
		free(code_dir);
	}
	free(html);
	/* a second set in the same minute does not replace the first */
	char path2[4096];
	CHECK(export_code_cards(dir, assets, cards, 1, util_wall_ms(), path2, sizeof path2, err, sizeof err));
	CHECK(strcmp(path, path2) != 0);
	if (getenv("LEERPLEK_KEEP_EXPORT"))
		printf("code cards kept in %s\n", path);
	rm_tree(dir);
	free(assets);
	free(dir);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test-export SOURCE_ROOT\n");
		return 2;
	}
	CHECK(secret_init());
	check_pieces();
	check_export();
	check_cards(argv[1]);
	return test_done();
}
