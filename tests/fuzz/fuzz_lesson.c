/* Fuzz target for the lesson parser (app/core/lesson.c).
 *
 * Besides the sanitizers' checks (memory errors, leaks, undefined
 * behaviour), every input is held to the parser's promises:
 *  - it returns a lesson if and only if it reported no error, and every
 *    report went through the callback and was counted;
 *  - every report names the file, has a message, and its line and column
 *    lie inside the input (1-based, both 0 only for whole-file problems);
 *  - a message is one line of valid UTF-8 without control characters, as
 *    `leerplek check` prints one line per problem (set the environment
 *    variable FUZZ_LESSON_LAX_MESSAGES=1 to skip this while it is known
 *    to fail, to look for other bugs);
 *  - a returned lesson obeys lessons/FORMAT.md: a valid id, Dutch among
 *    its languages, every text present in every language, non-empty,
 *    valid UTF-8, trimmed and within its length limit, 1 to 40 steps,
 *    2 to 6 answers with exactly one right (at least one with multiple),
 *    known competences and roles, minutes 1 to 30.
 * A broken promise aborts, so libFuzzer (and the replay test) report it.
 * With FUZZ_LESSON_EXPECT_VALID=1 every input must also be a valid lesson,
 * so that the checks of a returned lesson are known to run on the corpus.
 *
 * Built as a libFuzzer binary with clang (fuzz_lesson) and, with any
 * compiler, linked into replay.c, which runs the corpus as a test. */
#include "core/lesson.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FUZZ_PATH "fuzz.yaml"

static void fail(const char *what, const char *detail)
{
	fprintf(stderr, "fuzz_lesson: broken promise: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
	abort();
}

#define REQUIRE(cond, detail)                   \
	do {                                    \
		if (!(cond))                    \
			fail(#cond, (detail));  \
	} while (0)

/* Length of the UTF-8 sequence at s (at most n bytes), 0 if invalid. */
static size_t utf8_seq(const unsigned char *s, size_t n)
{
	size_t len;
	uint32_t cp;
	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		len = 2;
		cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		len = 3;
		cp = s[0] & 0x0f;
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		len = 4;
		cp = s[0] & 0x07;
	} else {
		return 0;
	}
	if (len > n)
		return 0;
	for (size_t i = 1; i < len; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3f);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
	    (cp >= 0xd800 && cp <= 0xdfff))
		return 0;
	return len;
}

/* Code points in s, or (size_t)-1 if s is not valid UTF-8. */
static size_t utf8_chars(const char *s)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t n = strlen(s), count = 0;
	for (size_t i = 0; i < n; count++) {
		size_t len = utf8_seq(u + i, n - i);
		if (!len)
			return (size_t)-1;
		i += len;
	}
	return count;
}

/* The input as libyaml counts it: line breaks are \r\n, \r, \n, NEL,
 * LS and PS; columns count characters. */
struct input {
	const uint8_t *data;
	size_t size;
	bool utf16; /* libyaml decodes UTF-16 after a BOM; positions then differ */
};

static size_t line_break(const uint8_t *s, size_t n)
{
	if (s[0] == '\r')
		return n > 1 && s[1] == '\n' ? 2 : 1;
	if (s[0] == '\n')
		return 1;
	if (n > 1 && s[0] == 0xc2 && s[1] == 0x85)
		return 2;
	if (n > 2 && s[0] == 0xe2 && s[1] == 0x80 && (s[2] == 0xa8 || s[2] == 0xa9))
		return 3;
	return 0;
}

/* Characters in line number `line` (1-based), or -1 if there is no such line.
 * libyaml ends the stream with a line break of its own when the last line
 * has none, so the end of such an input is at the start of one more line,
 * which counts here as a line of no characters. */
static long line_chars(const struct input *in, int line)
{
	size_t i = 0;
	for (int l = 1; l < line; l++) {
		for (;;) {
			if (i >= in->size)
				return l == line - 1 && i > 0 && !line_break(in->data + i - 1, 1) ? 0 : -1;
			size_t br = line_break(in->data + i, in->size - i);
			if (br) {
				i += br;
				break;
			}
			i++;
		}
	}
	long chars = 0;
	while (i < in->size && !line_break(in->data + i, in->size - i)) {
		size_t len = utf8_seq(in->data + i, in->size - i);
		i += len ? len : 1;
		chars++;
	}
	return chars;
}

struct reports {
	const struct input *in;
	bool lax_messages;
	int errors, warnings;
};

static bool one_clean_line(const char *msg)
{
	for (const unsigned char *u = (const unsigned char *)msg; *u; u++)
		if ((*u < 0x20 && *u != '\t') || *u == 0x7f)
			return false;
	return utf8_chars(msg) != (size_t)-1;
}

static void on_report(void *ud, const char *path, int line, int col, bool is_error, const char *msg)
{
	struct reports *r = ud;
	char where[64];
	snprintf(where, sizeof where, "%d:%d", line, col);
	if (is_error)
		r->errors++;
	else
		r->warnings++;
	REQUIRE(path && !strcmp(path, FUZZ_PATH), path);
	REQUIRE(msg && *msg, where);
	REQUIRE(r->lax_messages || one_clean_line(msg), msg);
	REQUIRE(line >= 0 && col >= 0, where);
	REQUIRE((line == 0) == (col == 0), where);
	if (line > 0 && !r->in->utf16) {
		long chars = line_chars(r->in, line);
		REQUIRE(chars >= 0, where);      /* the line exists */
		REQUIRE(col <= chars + 1, where); /* the column is on it, or just past its end */
	}
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

static void check_text(const struct lesson *l, const struct lesson_text *t, size_t max, const char *what)
{
	for (int i = 0; i < LESSON_MAX_LANGS; i++) {
		const char *s = t->s[i];
		if (i >= l->n_langs) {
			REQUIRE(s == NULL, what);
			continue;
		}
		REQUIRE(s != NULL, what);
		size_t n = strlen(s), chars = utf8_chars(s);
		REQUIRE(n > 0, what);
		REQUIRE(chars != (size_t)-1, what); /* valid UTF-8 */
		REQUIRE(chars <= max, what);
		REQUIRE(s[0] != ' ' && s[0] != '\t' && s[0] != '\n', what);
		REQUIRE(s[n - 1] != ' ' && s[n - 1] != '\n', what);
	}
	REQUIRE(lesson_str(l, t, "nl") != NULL, what);
	REQUIRE(lesson_str(l, t, "zz") == lesson_str(l, t, "nl"), what); /* falls back to Dutch */
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && !strcmp(s + a - b, suffix);
}

static void check_lesson(const struct lesson *l)
{
	REQUIRE(l->id && valid_id(l->id), l->id);
	REQUIRE(l->path && !strcmp(l->path, FUZZ_PATH), l->path);
	REQUIRE(l->version >= 1, l->id);
	REQUIRE(l->n_langs >= 1 && l->n_langs <= LESSON_MAX_LANGS, l->id);
	bool nl = false;
	for (int i = 0; i < l->n_langs; i++) {
		REQUIRE(memchr(l->langs[i], 0, sizeof l->langs[i]) != NULL, l->id);
		size_t n = strlen(l->langs[i]);
		REQUIRE(n >= 2 && n <= 3, l->langs[i]);
		for (int j = 0; j < i; j++)
			REQUIRE(strcmp(l->langs[i], l->langs[j]) != 0, l->langs[i]); /* no language twice */
		nl |= !strcmp(l->langs[i], "nl");
	}
	REQUIRE(nl, l->id);
	check_text(l, &l->title, LESSON_MAX_TITLE, "title");
	check_text(l, &l->summary, LESSON_MAX_SUMMARY, "summary");
	REQUIRE(l->n_competences >= 1 && l->n_competences <= 8, l->id);
	for (int i = 0; i < l->n_competences; i++)
		REQUIRE(lesson_competence_valid(l->competences[i]), l->competences[i]);
	REQUIRE(l->roles != 0, l->id);
	REQUIRE((l->roles & ~(unsigned)(LESSON_ROLE_WORKER | LESSON_ROLE_SUPERVISOR | LESSON_ROLE_MANAGER)) == 0, l->id);
	REQUIRE(l->minutes >= 1 && l->minutes <= 30, l->id);
	REQUIRE(l->n_steps >= 1 && l->n_steps <= 40 && l->steps, l->id);
	for (int i = 0; i < l->n_steps; i++) {
		const struct lesson_step *st = &l->steps[i];
		REQUIRE(st->line >= 1, "step line");
		REQUIRE(!st->picture || ends_with(st->picture, ".svg") || ends_with(st->picture, ".png"), st->picture);
		if (st->type == LESSON_STEP_EXPLAIN) {
			check_text(l, &st->text, LESSON_MAX_EXPLAIN, "explain text");
			REQUIRE(st->n_answers == 0, "explain with answers");
			continue;
		}
		REQUIRE(st->type > LESSON_STEP_EXPLAIN && st->type < LESSON_STEP_COUNT, "step type");
		REQUIRE(lesson_step_is_question(st), "every type but explain asks something");
		check_text(l, &st->text, LESSON_MAX_QUESTION, "question");
		check_text(l, &st->right, LESSON_MAX_FEEDBACK, "feedback right");
		check_text(l, &st->wrong, LESSON_MAX_FEEDBACK, "feedback wrong");
		if (st->type != LESSON_STEP_CHOICE)
			continue; /* the other types' own rules: their unit tests */
		REQUIRE(st->n_answers >= 2 && st->n_answers <= 6 && st->answers, "answers");
		int right = 0;
		for (int j = 0; j < st->n_answers; j++) {
			check_text(l, &st->answers[j].text, LESSON_MAX_ANSWER, "answer");
			right += st->answers[j].correct;
		}
		REQUIRE(st->multiple ? right >= 1 : right == 1, "right answers");
	}
	REQUIRE(lesson_competence_valid("5.4") && !lesson_competence_valid("6.1"), "competence table");
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct input in = {
		.data = data,
		.size = size,
		.utf16 = size >= 2 && ((data[0] == 0xff && data[1] == 0xfe) || (data[0] == 0xfe && data[1] == 0xff)),
	};
	static int lax = -1, expect_valid = -1;
	if (lax < 0) {
		const char *env = getenv("FUZZ_LESSON_LAX_MESSAGES");
		lax = env && *env && strcmp(env, "0") != 0;
		env = getenv("FUZZ_LESSON_EXPECT_VALID");
		expect_valid = env && *env && strcmp(env, "0") != 0;
	}
	struct reports r = {.in = &in, .lax_messages = lax};
	struct lesson_diag d = {.report = on_report, .ud = &r};
	struct lesson *l = lesson_parse(FUZZ_PATH, (const char *)data, size, &d);
	REQUIRE(d.errors == r.errors && d.warnings == r.warnings, "every report goes through the callback");
	REQUIRE((l != NULL) == (d.errors == 0), "a lesson is returned exactly when there is no error");
	if (l)
		check_lesson(l);
	else
		REQUIRE(!expect_valid, "FUZZ_LESSON_EXPECT_VALID: the input is a valid lesson");
	lesson_destroy(l);

	/* Without a callback the parser must count the same and not crash. */
	struct lesson_diag quiet = {0};
	l = lesson_parse(FUZZ_PATH, (const char *)data, size, &quiet);
	REQUIRE(quiet.errors == d.errors && quiet.warnings == d.warnings, "same counts without a callback");
	REQUIRE((l != NULL) == (quiet.errors == 0), "without a callback");
	lesson_destroy(l);
	return 0;
}
