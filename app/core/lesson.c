/* Lesson parser and validator. libyaml's document API gives every node its
 * start mark, so each message points at the line and column a trainer must
 * change. The walk follows the format's fixed shape (lesson, steps, answers,
 * texts), never the document's own nesting, so aliases and deep documents
 * cannot make it recurse without bound. */
#include "lesson.h"
#include "step.h"
#include "log.h"
#include "util.h"

#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#define MAX_STEPS 40
#define MAX_DEPTH 8
#define MAX_FILES 2000

struct lesson_parse {
	const char *path;
	const char *data; /* the file's bytes, for placing messages */
	size_t len;
	char *dir;
	yaml_document_t doc;
	struct lesson_diag *d;
	struct lesson *l;
	int errors;
};

/* Messages quote values from the file, which may hold line breaks and
 * escape codes: those are shown as \n or \xNN, so a message stays one line
 * and a terminal shows it as text; a long one is cut between characters. */
static void emit(struct lesson_diag *d, const char *path, int line, int col, bool is_error, const char *raw)
{
	char msg[512];
	size_t o = 0;
	for (const unsigned char *c = (const unsigned char *)raw; *c && o + 5 < sizeof msg; c++) {
		if (*c == '\n')
			o += (size_t)snprintf(msg + o, sizeof msg - o, "\\n");
		else if ((*c < 0x20 && *c != '\t') || *c == 0x7f)
			o += (size_t)snprintf(msg + o, sizeof msg - o, "\\x%02x", *c);
		else
			msg[o++] = (char)*c;
	}
	msg[o] = 0;
	if (o + 5 >= sizeof msg) {
		size_t last = util_utf8_last_len(msg, o);
		uint32_t cp;
		if ((size_t)util_utf8_decode(msg + o - last, last, &cp) != last || cp == 0xFFFD)
			msg[o - last] = 0; /* the last character was cut in half */
	}
	if (is_error)
		d->errors++;
	else
		d->warnings++;
	if (d->report)
		d->report(d->ud, path, line, col, is_error, msg);
}

/* Length of a line break at s (YAML 1.1 counts \r\n, \r, \n, NEL, LS
 * and PS), or 0. */
static size_t line_break_at(const char *s, size_t n)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 2 && u[0] == '\r' && u[1] == '\n')
		return 2;
	if (n >= 1 && (u[0] == '\r' || u[0] == '\n'))
		return 1;
	if (n >= 2 && u[0] == 0xC2 && u[1] == 0x85)
		return 2;
	if (n >= 3 && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xA8 || u[2] == 0xA9))
		return 3;
	return 0;
}

/* Keeps a reported place on the text: libyaml and a reader can disagree on
 * which characters end a line, and a message must never point past the
 * end of its line or of the file. */
static void clamp_place(const char *data, size_t len, int *line, int *col)
{
	if (!data || *line <= 0)
		return;
	size_t i = 0;
	int ln = 1;
	while (ln < *line && i < len) {
		size_t br = line_break_at(data + i, len - i);
		if (br) {
			ln++;
			i += br;
		} else {
			i++;
		}
	}
	if (ln < *line) /* past the last line: its end */
		*line = ln;
	int chars = 0;
	while (i < len && !line_break_at(data + i, len - i)) {
		if (((unsigned char)data[i] & 0xC0) != 0x80)
			chars++;
		i++;
	}
	if (*col > chars + 1)
		*col = chars + 1;
	if (*col < 1)
		*col = 1;
}

void step_report(struct lesson_parse *p, const yaml_node_t *n, bool is_error, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	if (is_error)
		p->errors++;
	int line = n ? (int)n->start_mark.line + 1 : 0;
	int col = n ? (int)n->start_mark.column + 1 : 0;
	clamp_place(p->data, p->len, &line, &col);
	emit(p->d, p->path, line, col, is_error, msg);
}

yaml_node_t *step_node(struct lesson_parse *p, int idx)
{
	return yaml_document_get_node(&p->doc, idx);
}

const char *step_scalar(const yaml_node_t *n)
{
	return n && n->type == YAML_SCALAR_NODE ? (const char *)n->data.scalar.value : NULL;
}

static const char *kind_name(const yaml_node_t *n)
{
	switch (n->type) {
	case YAML_SCALAR_NODE: return "a single value";
	case YAML_SEQUENCE_NODE: return "a list";
	case YAML_MAPPING_NODE: return "a set of keys";
	default: return "nothing";
	}
}

bool step_expect_kind(struct lesson_parse *p, const yaml_node_t *n, yaml_node_type_t t, const char *what)
{
	if (n->type == t)
		return true;
	static const char *want[] = {"", "a single value", "a list", "a set of keys"};
	step_report(p, n, true, "%s must be %s, not %s", what, want[t], kind_name(n));
	return false;
}

/* Visits the pairs of a mapping, rejecting keys that are not in allowed
 * and keys given twice; returns the value node of each wanted key. */
bool step_map_keys(struct lesson_parse *p, yaml_node_t *map, const char *what, const char *const *allowed,
                     yaml_node_t **values)
{
	if (!step_expect_kind(p, map, YAML_MAPPING_NODE, what))
		return false;
	int n_allowed = 0;
	while (allowed[n_allowed])
		n_allowed++;
	for (int i = 0; i < n_allowed; i++)
		values[i] = NULL;
	for (yaml_node_pair_t *pair = map->data.mapping.pairs.start; pair < map->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = step_node(p, pair->key), *v = step_node(p, pair->value);
		const char *key = step_scalar(k);
		if (!key) {
			step_report(p, k, true, "a key in %s must be a plain word", what);
			continue;
		}
		int found = -1;
		for (int i = 0; i < n_allowed; i++)
			if (strcmp(key, allowed[i]) == 0)
				found = i;
		if (found < 0) {
			char list[256] = "";
			for (int i = 0; i < n_allowed; i++)
				snprintf(list + strlen(list), sizeof list - strlen(list), "%s%s", i ? ", " : "", allowed[i]);
			step_report(p, k, true, "unknown key '%s' in %s (allowed: %s)", key, what, list);
			continue;
		}
		if (values[found]) {
			step_report(p, k, true, "'%s' is given twice in %s", key, what);
			continue;
		}
		values[found] = v;
	}
	return true;
}

void step_missing(struct lesson_parse *p, yaml_node_t *map, const char *key, const char *what)
{
	step_report(p, map, true, "%s has no '%s'", what, key);
}

bool step_get_int(struct lesson_parse *p, yaml_node_t *n, const char *what, int lo, int hi, int *out)
{
	const char *s = step_scalar(n);
	if (!s) {
		step_report(p, n, true, "%s must be a whole number, not %s", what, kind_name(n));
		return false;
	}
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (!(*s >= '0' && *s <= '9') || *end || errno || v < lo || v > hi) {
		step_report(p, n, true, "%s must be a whole number from %d to %d, not '%s'", what, lo, hi, s);
		return false;
	}
	*out = (int)v;
	return true;
}

bool step_get_bool(struct lesson_parse *p, yaml_node_t *n, const char *what, bool *out)
{
	const char *s = step_scalar(n);
	if (s && (!strcmp(s, "true") || !strcmp(s, "yes"))) {
		*out = true;
		return true;
	}
	if (s && (!strcmp(s, "false") || !strcmp(s, "no"))) {
		*out = false;
		return true;
	}
	step_report(p, n, true, "%s must be true or false", what);
	return false;
}

static bool valid_lang(const char *s)
{
	size_t n = strlen(s);
	if (n < 2 || n > 3)
		return false;
	for (size_t i = 0; i < n; i++)
		if (s[i] < 'a' || s[i] > 'z')
			return false;
	return true;
}

/* The title decides the lesson's languages; every other text must match. */
static bool read_langs(struct lesson_parse *p, yaml_node_t *title)
{
	if (!step_expect_kind(p, title, YAML_MAPPING_NODE, "title"))
		return false;
	bool has_nl = false;
	for (yaml_node_pair_t *pair = title->data.mapping.pairs.start; pair < title->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = step_node(p, pair->key);
		const char *lang = step_scalar(k);
		if (!lang || !valid_lang(lang)) {
			step_report(p, k, true, "'%s' is not a language code (use two letters, like nl or en)", lang ? lang : "?");
			continue;
		}
		if (p->l->n_langs == LESSON_MAX_LANGS) {
			step_report(p, k, true, "at most %d languages in one lesson", LESSON_MAX_LANGS);
			break;
		}
		snprintf(p->l->langs[p->l->n_langs++], sizeof p->l->langs[0], "%s", lang);
		if (!strcmp(lang, "nl"))
			has_nl = true;
	}
	if (!has_nl)
		step_report(p, title, true, "the title needs a Dutch text (nl); every lesson has one");
	return has_nl;
}

bool step_get_text(struct lesson_parse *p, yaml_node_t *n, const char *what, size_t max, struct lesson_text *out)
{
	if (!n)
		return false;
	if (!step_expect_kind(p, n, YAML_MAPPING_NODE, what)) {
		if (n->type == YAML_SCALAR_NODE)
			step_report(p, n, false, "write %s per language, for example:  nl: ...  en: ...", what);
		return false;
	}
	bool ok = true;
	bool given[LESSON_MAX_LANGS] = {false}; /* present, even if wrong */
	for (yaml_node_pair_t *pair = n->data.mapping.pairs.start; pair < n->data.mapping.pairs.top; pair++) {
		yaml_node_t *k = step_node(p, pair->key), *v = step_node(p, pair->value);
		const char *lang = step_scalar(k);
		int idx = -1;
		for (int i = 0; lang && i < p->l->n_langs; i++)
			if (!strcmp(lang, p->l->langs[i]))
				idx = i;
		if (idx < 0) {
			step_report(p, k, true, "%s has a text in '%s', but the title has no such language", what, lang ? lang : "?");
			ok = false;
			continue;
		}
		if (given[idx]) {
			step_report(p, k, true, "%s has two texts in '%s'", what, lang);
			ok = false;
			continue;
		}
		given[idx] = true;
		const char *s = step_scalar(v);
		if (!s) {
			step_report(p, v, true, "the '%s' text of %s must be text, not %s", lang, what, kind_name(v));
			ok = false;
			continue;
		}
		size_t chars = util_utf8_count(s);
		size_t start = strspn(s, " \t\n");
		if (start == strlen(s)) {
			step_report(p, v, true, "the '%s' text of %s is empty", lang, what);
			ok = false;
			continue;
		}
		if (chars > max) {
			step_report(p, v, true, "the '%s' text of %s is too long to fit the screen: %zu characters, at most %zu",
			       lang, what, chars, max);
			ok = false;
		}
		/* Folded YAML leaves a trailing newline; the screen wants none. */
		size_t len = strlen(s);
		while (len > start && (s[len - 1] == '\n' || s[len - 1] == ' '))
			len--;
		out->s[idx] = util_strndup(s + start, len - start);
	}
	for (int i = 0; i < p->l->n_langs; i++)
		if (!given[i]) {
			step_report(p, n, true, "%s has no '%s' version (the title has one)", what, p->l->langs[i]);
			ok = false;
		}
	return ok;
}

void step_get_picture(struct lesson_parse *p, yaml_node_t *n, char **out)
{
	const char *s = step_scalar(n);
	if (!s || !*s) {
		step_report(p, n, true, "picture must be a file name");
		return;
	}
	if (strchr(s, '/') || strchr(s, '\\') || strstr(s, "..") || s[0] == '.') {
		step_report(p, n, true, "picture '%s' must be a file name beside the lesson, without folders", s);
		return;
	}
	if (!util_ends_with(s, ".svg") && !util_ends_with(s, ".png")) {
		step_report(p, n, true, "picture '%s' must be an .svg or .png file", s);
		return;
	}
	char *path = util_path_join(p->dir, s);
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode)) {
		step_report(p, n, true, "picture '%s' is missing: put it beside the lesson file", s);
		free(path);
		return;
	}
	*out = path;
}

/* Steps whose own part is tall (a keyboard, a sentence, a phone, a
 * conversation) leave less room for the question and the hint at 1080p:
 * beyond about two lines of each the step may not fit the screen. A
 * warning, since the exact fit depends on the words. */
#define TALL_STEP_QUESTION 110
#define TALL_STEP_HINT 120

static void tall_step_warning(struct lesson_parse *p, const struct step_kind *kind, yaml_node_t *question,
                              yaml_node_t *hint, const struct lesson_step *st)
{
	static const enum lesson_step_type tall[] = {LESSON_STEP_BLANKS, LESSON_STEP_MARKWORDS, LESSON_STEP_KEYBOARD,
	                                             LESSON_STEP_SIM, LESSON_STEP_SCENARIO};
	bool is_tall = false;
	for (size_t i = 0; i < sizeof tall / sizeof tall[0]; i++)
		is_tall |= kind->type == tall[i];
	if (!is_tall)
		return;
	for (int i = 0; i < p->l->n_langs; i++) {
		if (question && st->text.s[i] && util_utf8_count(st->text.s[i]) > TALL_STEP_QUESTION) {
			step_report(p, question, false,
			            "the '%s' question is long for a %s step (%zu characters); above %d it may not fit the "
			            "screen with the %s, so keep it short",
			            p->l->langs[i], kind->name, util_utf8_count(st->text.s[i]), TALL_STEP_QUESTION, kind->name);
			break;
		}
	}
	for (int i = 0; i < p->l->n_langs; i++) {
		if (hint && st->hint.s[i] && util_utf8_count(st->hint.s[i]) > TALL_STEP_HINT) {
			step_report(p, hint, false,
			            "the '%s' hint is long for a %s step (%zu characters); above %d it may not fit the "
			            "screen, so keep it short",
			            p->l->langs[i], kind->name, util_utf8_count(st->hint.s[i]), TALL_STEP_HINT);
			break;
		}
	}
}

static const char *const common_keys[] = {"type", "picture", NULL};
static const char *const question_keys[] = {"type", "picture", "question", "hint", "feedback", NULL};

static void parse_step(struct lesson_parse *p, yaml_node_t *n, struct lesson_step *st)
{
	st->line = (int)n->start_mark.line + 1;
	if (!step_expect_kind(p, n, YAML_MAPPING_NODE, "a step"))
		return;
	/* The type decides which keys belong, so it is read first. */
	yaml_node_t *type = NULL;
	for (yaml_node_pair_t *pair = n->data.mapping.pairs.start; pair < n->data.mapping.pairs.top; pair++)
		if (step_scalar(step_node(p, pair->key)) && !strcmp(step_scalar(step_node(p, pair->key)), "type"))
			type = step_node(p, pair->value);
	const char *t = step_scalar(type);
	if (!type) {
		step_report(p, n, true, "this step has no 'type' (explain, choice, truefalse, ...)");
		return;
	}
	const struct step_kind *kind = t ? step_kind_named(t) : NULL;
	if (!t || !kind) {
		char names[300] = "";
		for (int i = 0; i < LESSON_STEP_COUNT; i++)
			if (step_kind_of((enum lesson_step_type)i)->built)
				snprintf(names + strlen(names), sizeof names - strlen(names), "%s%s", names[0] ? ", " : "",
				         step_kind_of((enum lesson_step_type)i)->name);
		step_report(p, type, true, "unknown step type '%s'; use one of: %s", t ? t : "?", names);
		return;
	}
	if (!kind->built) {
		step_report(p, type, true, "step type '%s' is not built yet in this version of Leerplek", t);
		return;
	}
	st->type = kind->type;
	/* Common keys first, then the type's own, in one list for the check. */
	const char *const *common = kind->question ? question_keys : common_keys;
	const char *keys[32];
	int nc = 0, nk = 0;
	while (common[nc])
		keys[nc] = common[nc], nc++;
	while (kind->keys && kind->keys[nk] && nc + nk < 31)
		keys[nc + nk] = kind->keys[nk], nk++;
	keys[nc + nk] = NULL;
	yaml_node_t *v[32];
	char what[64];
	snprintf(what, sizeof what, "a%s %s step", strchr("aeiou", t[0]) ? "n" : "", t);
	if (!step_map_keys(p, n, what, keys, v))
		return;
	if (v[1])
		step_get_picture(p, v[1], &st->picture);
	if (kind->question) {
		if (v[2])
			step_get_text(p, v[2], "the question", LESSON_MAX_QUESTION, &st->text);
		else
			step_missing(p, n, "question", "this step");
		if (v[3])
			step_get_text(p, v[3], "the hint", LESSON_MAX_HINT, &st->hint);
		tall_step_warning(p, kind, v[2], v[3], st);
		if (v[4]) {
			static const char *const fk[] = {"right", "wrong", NULL};
			yaml_node_t *fv[2];
			if (step_map_keys(p, v[4], "feedback", fk, fv)) {
				if (fv[0])
					step_get_text(p, fv[0], "the feedback 'right'", LESSON_MAX_FEEDBACK, &st->right);
				else
					step_missing(p, v[4], "right", "feedback");
				if (fv[1])
					step_get_text(p, fv[1], "the feedback 'wrong'", LESSON_MAX_FEEDBACK, &st->wrong);
				else
					step_missing(p, v[4], "wrong", "feedback");
			}
		} else {
			step_missing(p, n, "feedback", "this step");
		}
	}
	if (kind->parse)
		kind->parse(p, n, v + nc, st);
}

bool lesson_step_is_question(const struct lesson_step *st)
{
	return step_kind_of(st->type)->question;
}

bool lesson_step_judge(const struct lesson_step *st, const struct step_response *r)
{
	const struct step_kind *k = step_kind_of(st->type);
	return k->judge && k->judge(st, r);
}

yaml_node_item_t *step_list(struct lesson_parse *p, yaml_node_t *list, const char *what, int lo, int hi, int *n)
{
	*n = 0;
	if (!step_expect_kind(p, list, YAML_SEQUENCE_NODE, what))
		return NULL;
	int count = (int)(list->data.sequence.items.top - list->data.sequence.items.start);
	if (count < lo || count > hi)
		step_report(p, list, true, "%s: give %d to %d, not %d", what, lo, hi, count);
	*n = count > hi ? hi : count;
	return list->data.sequence.items.start;
}

/* The value of lang in a texts mapping, to point at; the mapping itself
 * when that language is not there. */
yaml_node_t *step_text_node(struct lesson_parse *p, yaml_node_t *texts, const char *lang)
{
	if (texts->type != YAML_MAPPING_NODE)
		return texts;
	for (yaml_node_pair_t *pair = texts->data.mapping.pairs.start; pair < texts->data.mapping.pairs.top; pair++) {
		const char *k = step_scalar(step_node(p, pair->key));
		if (k && !strcmp(k, lang))
			return step_node(p, pair->value);
	}
	return texts;
}

int step_n_langs(const struct lesson_parse *p)
{
	return p->l->n_langs;
}

const struct lesson *step_lesson(const struct lesson_parse *p)
{
	return p->l;
}

bool lesson_competence_valid(const char *id)
{
	static const int per_area[] = {3, 6, 4, 4, 4};
	if (strlen(id) != 3 || id[1] != '.' || id[0] < '1' || id[0] > '5')
		return false;
	int c = id[2] - '0';
	return c >= 1 && c <= per_area[id[0] - '1'];
}

static bool valid_id(const char *s)
{
	size_t n = strlen(s);
	if (n < 3 || n > 48)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= '0' && s[i] <= '9') || s[i] == '-'))
			return false;
	return true;
}

static void parse_root(struct lesson_parse *p, yaml_node_t *root)
{
	static const char *const keys[] = {"id", "version", "title", "summary", "competences",
	                                   "roles", "minutes", "steps", NULL};
	enum { K_ID, K_VERSION, K_TITLE, K_SUMMARY, K_COMP, K_ROLES, K_MINUTES, K_STEPS, K_N };
	yaml_node_t *v[K_N];
	struct lesson *l = p->l;
	if (!step_map_keys(p, root, "a lesson", keys, v))
		return;
	for (int i = 0; i < K_N; i++)
		if (!v[i])
			step_missing(p, root, keys[i], "this lesson");
	if (v[K_ID]) {
		const char *id = step_scalar(v[K_ID]);
		if (!id || !valid_id(id)) {
			step_report(p, v[K_ID], true, "id must be 3 to 48 lower-case letters, digits or '-', like tap-hold-drag");
		} else {
			l->id = util_strdup(id);
			l->id_line = (int)v[K_ID]->start_mark.line + 1;
			l->id_col = (int)v[K_ID]->start_mark.column + 1;
		}
	}
	if (v[K_VERSION])
		step_get_int(p, v[K_VERSION], "version", 1, 1000000, &l->version);
	if (v[K_MINUTES])
		step_get_int(p, v[K_MINUTES], "minutes", 1, 30, &l->minutes);
	if (!v[K_TITLE] || !read_langs(p, v[K_TITLE]))
		return; /* without languages no text can be checked */
	step_get_text(p, v[K_TITLE], "the title", LESSON_MAX_TITLE, &l->title);
	step_get_text(p, v[K_SUMMARY], "the summary", LESSON_MAX_SUMMARY, &l->summary);
	if (v[K_COMP] && step_expect_kind(p, v[K_COMP], YAML_SEQUENCE_NODE, "competences")) {
		yaml_node_t *list = v[K_COMP];
		for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
			yaml_node_t *c = step_node(p, *it);
			const char *s = step_scalar(c);
			if (!s || !lesson_competence_valid(s)) {
				step_report(p, c, true, "'%s' is not a DigComp 2.2 competence (1.1-1.3, 2.1-2.6, 3.1-3.4, 4.1-4.4, 5.1-5.4)",
				       s ? s : "?");
				continue;
			}
			bool twice = false;
			for (int i = 0; i < l->n_competences; i++)
				twice |= !strcmp(l->competences[i], s);
			if (twice)
				step_report(p, c, false, "competence %s is named twice", s);
			else if (l->n_competences == 8)
				step_report(p, c, true, "name at most 8 competences; a lesson has one goal");
			else
				snprintf(l->competences[l->n_competences++], sizeof l->competences[0], "%s", s);
		}
		if (l->n_competences == 0)
			step_report(p, list, true, "name at least one DigComp 2.2 competence, like \"4.2\"");
	}
	if (v[K_ROLES] && step_expect_kind(p, v[K_ROLES], YAML_SEQUENCE_NODE, "roles")) {
		yaml_node_t *list = v[K_ROLES];
		for (yaml_node_item_t *it = list->data.sequence.items.start; it < list->data.sequence.items.top; it++) {
			yaml_node_t *r = step_node(p, *it);
			const char *s = step_scalar(r);
			if (s && !strcmp(s, "worker"))
				l->roles |= LESSON_ROLE_WORKER;
			else if (s && !strcmp(s, "supervisor"))
				l->roles |= LESSON_ROLE_SUPERVISOR;
			else if (s && !strcmp(s, "manager"))
				l->roles |= LESSON_ROLE_MANAGER;
			else
				step_report(p, r, true, "'%s' is not a role; use worker, supervisor or manager", s ? s : "?");
		}
		if (!l->roles)
			step_report(p, list, true, "name at least one role: worker, supervisor or manager");
	}
	if (v[K_STEPS] && step_expect_kind(p, v[K_STEPS], YAML_SEQUENCE_NODE, "steps")) {
		yaml_node_t *list = v[K_STEPS];
		int n = (int)(list->data.sequence.items.top - list->data.sequence.items.start);
		if (n < 1 || n > MAX_STEPS) {
			step_report(p, list, true, "a lesson has 1 to %d steps, not %d", MAX_STEPS, n);
			if (n > MAX_STEPS)
				n = MAX_STEPS;
		}
		l->steps = calloc((size_t)(n ? n : 1), sizeof *l->steps);
		for (int i = 0; i < n; i++)
			parse_step(p, step_node(p, list->data.sequence.items.start[i]), &l->steps[l->n_steps++]);
	}
}

/* Line (1-based) and column in characters of a byte offset. */
static void locate(const char *data, size_t len, size_t offset, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < offset && i < len;) {
		size_t br = line_break_at(data + i, len - i);
		if (br) {
			(*line)++;
			*col = 1;
			i += br;
			continue;
		}
		if (((unsigned char)data[i] & 0xC0) != 0x80)
			(*col)++;
		i++;
	}
}

/* Where a double quote opened on an earlier line than `line` is still open
 * at its start, returns true with that quote's place. Quoted texts may span
 * lines in YAML, so when the parser fails further on, a quote left open is
 * the likely cause; this is a reading of the text, not of YAML's grammar. */
static bool open_quote_before(const char *data, size_t len, int line, int *q_line, int *q_col)
{
	int ln = 1, col = 1;
	bool in_double = false, in_single = false, comment = false;
	for (size_t i = 0; i < len && ln < line; i++) {
		char c = data[i];
		if (c == '\n') {
			ln++;
			col = 1;
			comment = false;
			continue;
		}
		if (!comment) {
			if (in_double) {
				if (c == '\\')
					i++;
				else if (c == '"')
					in_double = false;
			} else if (in_single) {
				if (c == '\'')
					in_single = false;
			} else if (c == '"') {
				in_double = true;
				*q_line = ln;
				*q_col = col;
			} else if (c == '\'' && (i == 0 || data[i - 1] == ' ' || data[i - 1] == ':' || data[i - 1] == '[' ||
			                         data[i - 1] == '{' || data[i - 1] == ',')) {
				in_single = true;
			} else if (c == '#' && (i == 0 || data[i - 1] == ' ')) {
				comment = true;
			}
		}
		if (((unsigned char)c & 0xC0) != 0x80)
			col++;
	}
	return in_double && *q_line < line;
}

/* A YAML syntax error, placed where a trainer should look: for a token
 * that never ended (an unclosed quote) that is where it began; for bytes
 * that are not UTF-8, the byte itself; never past the end of the file. */
static void yaml_error(struct lesson_diag *d, const char *path, const yaml_parser_t *parser, const char *data,
                       size_t len)
{
	char msg[600];
	int line, col, q_line = 0, q_col = 0;
	const char *problem = parser->problem ? parser->problem : "syntax error";
	if (parser->error == YAML_READER_ERROR) {
		locate(data, len, parser->problem_offset, &line, &col);
		clamp_place(data, len, &line, &col);
		if (strstr(problem, "UTF") || strstr(problem, "octet"))
			snprintf(msg, sizeof msg, "this file is not UTF-8 text here: save it as UTF-8 (Unicode)");
		else
			snprintf(msg, sizeof msg, "the file holds a character that YAML does not allow here (%s)", problem);
		emit(d, path, line, col, true, msg);
		return;
	}
	yaml_mark_t at = parser->problem_mark;
	int seen_line = (int)at.line + 1;
	bool unclosed_quote = parser->context && strstr(parser->context, "quoted scalar");
	if (parser->context && (unclosed_quote || strstr(problem, "end of stream")))
		at = parser->context_mark; /* something opened there never ends */
	line = (int)at.line + 1;
	col = (int)at.column + 1;
	if (strstr(problem, "tab character") ||
	    (parser->problem_mark.index < len && data[parser->problem_mark.index] == '\t' &&
	     strstr(problem, "cannot start any token"))) {
		snprintf(msg, sizeof msg, "this is not valid YAML: a tab is used to indent; use spaces");
	} else if (!unclosed_quote && parser->error == YAML_PARSER_ERROR &&
	           open_quote_before(data, len, seen_line, &q_line, &q_col)) {
		line = q_line;
		col = q_col;
		snprintf(msg, sizeof msg,
		         "this is not valid YAML: the quote that opens here is not closed on its line (noticed at line %d)",
		         seen_line);
	} else if (unclosed_quote) {
		snprintf(msg, sizeof msg, "this is not valid YAML: the quote that opens here is never closed (noticed at line %d)",
		         seen_line);
	} else if (line != seen_line) {
		snprintf(msg, sizeof msg, "this is not valid YAML: %s, %s (noticed at line %d)", parser->context, problem,
		         seen_line);
	} else {
		snprintf(msg, sizeof msg, "this is not valid YAML: %s%s%s", problem, parser->context ? " " : "",
		         parser->context ? parser->context : "");
	}
	clamp_place(data, len, &line, &col);
	emit(d, path, line, col, true, msg);
}

struct lesson *lesson_parse(const char *path, const char *data, size_t len, struct lesson_diag *d)
{
	struct lesson_parse p = {.path = path, .d = d, .data = data, .len = len};
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		step_report(&p, NULL, true, "out of memory");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)data, len);
	if (!yaml_parser_load(&parser, &p.doc)) {
		yaml_error(d, path, &parser, data, len);
		yaml_parser_delete(&parser);
		return NULL;
	}
	/* One lesson a file: a second document would be ignored silently. */
	yaml_event_t ev;
	if (!yaml_parser_parse(&parser, &ev)) {
		yaml_error(d, path, &parser, data, len);
		yaml_document_delete(&p.doc);
		yaml_parser_delete(&parser);
		return NULL;
	}
	bool second = ev.type == YAML_DOCUMENT_START_EVENT;
	int sl = (int)ev.start_mark.line + 1, sc = (int)ev.start_mark.column + 1;
	clamp_place(data, len, &sl, &sc);
	if (second)
		emit(d, path, sl, sc, true,
		     "a lesson file holds one lesson: remove the '---' and everything after it, or make it a file of its own");
	yaml_event_delete(&ev);
	if (second) {
		yaml_document_delete(&p.doc);
		yaml_parser_delete(&parser);
		return NULL;
	}
	yaml_parser_delete(&parser);
	p.l = calloc(1, sizeof *p.l);
	p.l->path = util_strdup(path);
	p.dir = util_dirname(path);
	yaml_node_t *root = yaml_document_get_root_node(&p.doc);
	if (!root)
		step_report(&p, NULL, true, "the file is empty; a lesson starts with 'id:'");
	else
		parse_root(&p, root);
	yaml_document_delete(&p.doc);
	free(p.dir);
	if (p.errors) {
		lesson_destroy(p.l);
		return NULL;
	}
	for (int i = 0; i < p.l->n_steps; i++)
		p.l->n_questions += lesson_step_is_question(&p.l->steps[i]);
	return p.l;
}

struct lesson *lesson_load(const char *path, struct lesson_diag *d)
{
	char err[300];
	size_t len;
	char *data = util_read_file(path, LESSON_FILE_MAX, &len, err, sizeof err);
	if (!data) {
		emit(d, path, 0, 0, true, err);
		return NULL;
	}
	if (memchr(data, 0, len)) {
		free(data);
		emit(d, path, 0, 0, true, "this is not a text file");
		return NULL;
	}
	struct lesson *l = lesson_parse(path, data, len, d);
	free(data);
	return l;
}

void step_text_free(struct lesson_text *t)
{
	for (int i = 0; i < LESSON_MAX_LANGS; i++)
		free(t->s[i]);
}

void lesson_strip(struct lesson *l)
{
	for (int i = 0; l->steps && i < l->n_steps; i++) {
		struct lesson_step *st = &l->steps[i];
		const struct step_kind *k = step_kind_of(st->type);
		if (st->data && k->destroy)
			k->destroy(st);
		step_text_free(&st->text);
		step_text_free(&st->hint);
		step_text_free(&st->right);
		step_text_free(&st->wrong);
		for (int j = 0; j < st->n_answers; j++)
			step_text_free(&st->answers[j].text);
		free(st->answers);
		free(st->picture);
	}
	free(l->steps);
	l->steps = NULL;
}

void lesson_destroy(struct lesson *l)
{
	if (!l)
		return;
	lesson_strip(l);
	step_text_free(&l->title);
	step_text_free(&l->summary);
	free(l->id);
	free(l->path);
	free(l);
}

const char *lesson_str(const struct lesson *l, const struct lesson_text *t, const char *lang)
{
	for (int i = 0; i < l->n_langs; i++)
		if (!strcmp(l->langs[i], lang) && t->s[i])
			return t->s[i];
	for (int i = 0; i < l->n_langs; i++)
		if (!strcmp(l->langs[i], "nl") && t->s[i])
			return t->s[i];
	return t->s[0] ? t->s[0] : "";
}

/* Collecting files */

struct files {
	char **v;
	int n, cap;
};

static void files_add(struct files *f, char *path)
{
	if (f->n == f->cap) {
		f->cap = f->cap ? f->cap * 2 : 32;
		f->v = realloc(f->v, (size_t)f->cap * sizeof *f->v);
	}
	f->v[f->n++] = path;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void collect(const char *path, int depth, struct files *f, struct lesson_diag *d)
{
	struct stat st;
	/* A path named on the command line may be a symlink; inside a tree,
	 * links are not followed (no loops, no leaving the tree). */
	if ((depth == 0 ? stat(path, &st) : lstat(path, &st)) != 0) {
		emit(d, path, 0, 0, true, strerror(errno));
		return;
	}
	if (S_ISREG(st.st_mode)) {
		if (f->n < MAX_FILES)
			files_add(f, util_strdup(path));
		return;
	}
	if (!S_ISDIR(st.st_mode) || depth > MAX_DEPTH)
		return; /* symlinks and devices inside a tree are not followed */
	DIR *dir = opendir(path);
	if (!dir)
		return;
	struct files sub = {0};
	for (struct dirent *e; (e = readdir(dir));) {
		if (e->d_name[0] == '.')
			continue;
		char *child = util_path_join(path, e->d_name);
		struct stat cs;
		if (lstat(child, &cs) == 0 &&
		    (S_ISDIR(cs.st_mode) || (S_ISREG(cs.st_mode) && (util_ends_with(e->d_name, ".yaml") ||
		                                                      util_ends_with(e->d_name, ".yml")))))
			files_add(&sub, child);
		else
			free(child);
	}
	closedir(dir);
	qsort(sub.v, (size_t)sub.n, sizeof *sub.v, cmp_str);
	for (int i = 0; i < sub.n; i++) {
		collect(sub.v[i], depth + 1, f, d);
		free(sub.v[i]);
	}
	free(sub.v);
}

static void set_load(struct lesson_set *set, const char *const *paths, int n_paths, struct lesson_diag *d,
                     bool cards_only)
{
	memset(set, 0, sizeof *set);
	struct files f = {0};
	for (int i = 0; i < n_paths; i++)
		collect(paths[i], 0, &f, d);
	set->items = calloc((size_t)(f.n ? f.n : 1), sizeof *set->items);
	set->skipped = calloc((size_t)(f.n ? f.n : 1), sizeof *set->skipped);
	set->n_files = f.n;
	for (int i = 0; i < f.n; i++) {
		struct lesson *l = lesson_load(f.v[i], d);
		const struct lesson *dup = l ? lesson_set_find(set, l->id) : NULL;
		if (dup) {
			char msg[600];
			snprintf(msg, sizeof msg, "the id '%s' is already used by %s; every lesson needs its own id", l->id, dup->path);
			emit(d, f.v[i], l->id_line, l->id_col, true, msg);
			lesson_destroy(l);
			l = NULL;
		}
		if (l) {
			if (cards_only)
				lesson_strip(l);
			set->items[set->n++] = l;
			free(f.v[i]);
		} else {
			set->skipped[set->n_skipped++] = f.v[i];
		}
	}
	free(f.v);
}

void lesson_set_load(struct lesson_set *set, const char *const *paths, int n_paths, struct lesson_diag *d)
{
	set_load(set, paths, n_paths, d, false);
}

void lesson_set_load_cards(struct lesson_set *set, const char *const *paths, int n_paths, struct lesson_diag *d)
{
	set_load(set, paths, n_paths, d, true);
}

void lesson_set_finish(struct lesson_set *set)
{
	for (int i = 0; i < set->n; i++)
		lesson_destroy(set->items[i]);
	for (int i = 0; i < set->n_skipped; i++)
		free(set->skipped[i]);
	free(set->items);
	free(set->skipped);
	memset(set, 0, sizeof *set);
}

const struct lesson *lesson_set_find(const struct lesson_set *set, const char *id)
{
	for (int i = 0; i < set->n; i++)
		if (!strcmp(set->items[i]->id, id))
			return set->items[i];
	return NULL;
}
