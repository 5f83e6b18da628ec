/* What the lesson-parsing tests share: a collector for the problems
 * lesson_parse() reports, a parse of a YAML string into it, the header of
 * a minimal lesson, and the checks that a problem stands at an exact
 * line:column with given words. The checks count in the test's own tally
 * through test_record() (test.h), as ui_rig's do. */
#ifndef LP_LESSON_RIG_H
#define LP_LESSON_RIG_H

#include "../../app/core/lesson.h"

#include <stdbool.h>
#include <stddef.h>

/* Provided by test.h in the test's translation unit. */
bool test_record(bool ok, const char *file, int line, const char *expr);

#define LRIG_MAX 16

struct lrig_seen {
	bool all;     /* keep warnings too (error[] tells them apart); else only count them */
	int n;        /* problems kept, at most LRIG_MAX */
	int warnings; /* warnings counted, not kept (when !all) */
	int errors;   /* the diag's error count after the last lrig_parse */
	int line[LRIG_MAX], col[LRIG_MAX];
	bool error[LRIG_MAX];
	char msg[LRIG_MAX][400];
};

/* A lesson_diag report callback; ud is a struct lrig_seen. */
void lrig_record(void *ud, const char *path, int line, int col, bool is_error, const char *msg);

/* Parses text as the file path into seen, which is not cleared first (a
 * test may gather several parses). */
struct lesson *lrig_parse(const char *path, const char *text, struct lrig_seen *seen);

/* The 8 lines before the steps, the last "steps:"; title and summary are
 * YAML flow maps, competence and minutes plain text. */
#define LRIG_HEAD(id, title, summary, competence, minutes)                                          \
	"id: " id "\nversion: 1\ntitle: " title "\nsummary: " summary "\ncompetences: [\"" competence \
	"\"]\nroles: [worker]\nminutes: " minutes "\nsteps:\n"

/* base with its first from replaced by to, in buf; a failed check (and
 * false) when from is not in base. */
bool lrig_replace(char *buf, size_t len, const char *base, const char *from, const char *to);

/* Parses base with its first from replaced by to through parse (the
 * test's own, which may check more); the lesson must be refused and its
 * first problem be at line:col and hold words. */
typedef struct lesson *lrig_parse_fn(const char *text, struct lrig_seen *seen);
void lrig_expect_error(const char *base, lrig_parse_fn *parse, const char *from, const char *to, int line, int col,
                       const char *words);

/* Whether some kept problem is at line:col and holds words; when none is,
 * says what there was. */
bool lrig_has(const struct lrig_seen *s, int line, int col, const char *words);

/* The kept problems on stderr, one "line:col message" a line. */
void lrig_print(const struct lrig_seen *s);

#endif
