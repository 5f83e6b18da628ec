/* The helpers the lesson-parsing tests share (lesson_rig.h). Each check
 * goes through test_record(), which the test program's test.h defines, so
 * the counts stay in the test's translation unit; a failure names this
 * file and line, and the message says which change or place it was for. */
#include "lesson_rig.h"

#include <stdio.h>
#include <string.h>

#define LRIG_CHECK(cond) test_record((cond), __FILE__, __LINE__, #cond)

void lrig_record(void *ud, const char *path, int line, int col, bool is_error, const char *msg)
{
	struct lrig_seen *s = ud;
	(void)path;
	if (!is_error && !s->all) {
		s->warnings++;
		return;
	}
	if (s->n == LRIG_MAX)
		return;
	s->line[s->n] = line;
	s->col[s->n] = col;
	s->error[s->n] = is_error;
	snprintf(s->msg[s->n], sizeof s->msg[0], "%s", msg);
	s->n++;
}

struct lesson *lrig_parse(const char *path, const char *text, struct lrig_seen *seen)
{
	struct lesson_diag d = {.report = lrig_record, .ud = seen};
	struct lesson *l = lesson_parse(path, text, strlen(text), &d);
	seen->errors = d.errors;
	return l;
}

bool lrig_replace(char *buf, size_t len, const char *base, const char *from, const char *to)
{
	const char *at = strstr(base, from);
	if (!at)
		fprintf(stderr, "test bug: '%s' not in the sample\n", from);
	if (!LRIG_CHECK(at != NULL))
		return false;
	int n = snprintf(buf, len, "%.*s%s%s", (int)(at - base), base, to, at + strlen(from));
	return LRIG_CHECK(n >= 0 && (size_t)n < len);
}

void lrig_expect_error(const char *base, lrig_parse_fn *parse, const char *from, const char *to, int line, int col,
                       const char *words)
{
	char buf[8192];
	if (!lrig_replace(buf, sizeof buf, base, from, to))
		return;
	struct lrig_seen s = {0};
	struct lesson *l = parse(buf, &s);
	LRIG_CHECK(l == NULL);
	lesson_destroy(l);
	if (!LRIG_CHECK(s.n >= 1))
		return;
	if (s.line[0] != line || s.col[0] != col || !strstr(s.msg[0], words))
		fprintf(stderr, "  for '%s' -> '%s': got %d:%d %s\n", from, to, s.line[0], s.col[0], s.msg[0]);
	LRIG_CHECK(s.line[0] == line);
	LRIG_CHECK(s.col[0] == col);
	LRIG_CHECK(strstr(s.msg[0], words) != NULL);
}

void lrig_print(const struct lrig_seen *s)
{
	for (int i = 0; i < s->n; i++)
		fprintf(stderr, "    %d:%d %s\n", s->line[i], s->col[i], s->msg[i]);
}

bool lrig_has(const struct lrig_seen *s, int line, int col, const char *words)
{
	for (int i = 0; i < s->n; i++)
		if (s->line[i] == line && s->col[i] == col && strstr(s->msg[i], words))
			return true;
	fprintf(stderr, "  no problem at %d:%d with '%s'; got:\n", line, col, words);
	lrig_print(s);
	return false;
}
