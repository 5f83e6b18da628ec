/* The lesson parser: a valid lesson in, the right structs out; broken
 * lessons give their problem at the right line and column. */
#include "../../app/core/lesson.h"
#include "lesson_rig.h"
#include "test.h"

#include <stdbool.h>

static const char good[] =
	"id: sample\n"
	"version: 2\n"
	"title: {nl: \"Voorbeeld\", en: \"Sample\"}\n"
	"summary: {nl: \"Kort\", en: \"Short\"}\n"
	"competences: [\"4.2\", 1.1]\n"
	"roles: [worker, manager]\n"
	"minutes: 5\n"
	"steps:\n"
	"  - type: explain\n"
	"    text:\n"
	"      nl: >\n"
	"        Hallo daar.\n"
	"      en: Hello there.\n"
	"  - type: choice\n"
	"    question: {nl: \"Welke?\", en: \"Which?\"}\n"
	"    multiple: true\n"
	"    answers:\n"
	"      - text: {nl: \"een\", en: \"one\"}\n"
	"        correct: true\n"
	"      - text: {nl: \"twee\", en: \"two\"}\n"
	"      - text: {nl: \"drie\", en: \"three\"}\n"
	"        correct: yes\n"
	"    feedback:\n"
	"      right: {nl: \"Ja\", en: \"Yes\"}\n"
	"      wrong: {nl: \"Nee\", en: \"No\"}\n";

static void test_good(void)
{
	struct lrig_seen seen = {0};
	struct lesson *l = lrig_parse("good.yaml", good, &seen);
	CHECK(l != NULL);
	CHECK(seen.errors == 0);
	if (!l)
		return;
	CHECK_STR(l->id, "sample");
	CHECK(l->version == 2 && l->minutes == 5);
	CHECK(l->n_langs == 2);
	CHECK(l->n_competences == 2);
	CHECK(l->roles == (LESSON_ROLE_WORKER | LESSON_ROLE_MANAGER));
	CHECK(l->n_steps == 2);
	CHECK(l->steps[0].type == LESSON_STEP_EXPLAIN);
	CHECK_STR(lesson_str(l, &l->steps[0].text, "nl"), "Hallo daar."); /* folded, no trailing newline */
	CHECK_STR(lesson_str(l, &l->steps[0].text, "en"), "Hello there.");
	CHECK_STR(lesson_str(l, &l->steps[0].text, "tr"), "Hallo daar."); /* falls back to Dutch */
	CHECK(l->steps[1].type == LESSON_STEP_CHOICE && l->steps[1].multiple);
	CHECK(l->steps[1].n_answers == 3);
	CHECK(l->steps[1].answers[0].correct && !l->steps[1].answers[1].correct && l->steps[1].answers[2].correct);
	CHECK(l->steps[1].line == 14);
	lesson_destroy(l);
}

/* The sample changed; every error it gives is among those seen. */
static struct lesson *parse_bad(const char *text, struct lrig_seen *seen)
{
	struct lesson *l = lrig_parse("bad.yaml", text, seen);
	CHECK(seen->errors == seen->n);
	return l;
}

/* good with the first from replaced by to; its first error must be at
 * line:col and hold words. */
static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	lrig_expect_error(good, parse_bad, from, to, line, col, words);
}

static void test_errors(void)
{
	expect_error("minutes: 5", "minutes: lots", 7, 10, "whole number");
	expect_error("minutes: 5", "minute: 5", 7, 1, "unknown key 'minute'");
	expect_error("\"4.2\"", "\"6.1\"", 5, 15, "not a DigComp 2.2 competence");
	expect_error("manager]", "boss]", 6, 17, "not a role");
	expect_error("en: \"Which?\"", "fr: \"Quoi?\"", 15, 30, "no such language");
	expect_error("type: explain", "type: dance", 9, 11, "unknown step type");
	expect_error("        correct: true\n      - text: {nl: \"twee\", en: \"two\"}\n      - text: {nl: \"drie\", en: \"three\"}\n        correct: yes\n",
	             "      - text: {nl: \"twee\", en: \"two\"}\n", 18, 7, "no right answer");
	expect_error("    multiple: true\n", "", 17, 7, "has 2 right answers");
	expect_error("version: 2", "\tversion: 2", 2, 1, "not valid YAML");
	expect_error("en: Hello there.", "en: \"\"", 13, 11, "is empty");
	expect_error("title: {nl: \"Voorbeeld\", en: \"Sample\"}", "title: {en: \"Sample\"}", 3, 8, "Dutch");
	expect_error("      en: Hello there.\n", "", 11, 7, "no 'en' version");
	expect_error("id: sample", "id: Not An Id", 1, 5, "lower-case");
}

static void test_limits_and_edges(void)
{
	char big[2048];
	memset(big, 'a', LESSON_MAX_EXPLAIN + 1);
	big[LESSON_MAX_EXPLAIN + 1] = 0;
	expect_error("Hello there.", big, 13, 11, "too long");
	/* Characters, not bytes: 300 two-byte letters fit. */
	char wide[2048] = "";
	for (int i = 0; i < LESSON_MAX_EXPLAIN; i++)
		strcat(wide, "\xc3\xa9");
	char buf[4096];
	if (lrig_replace(buf, sizeof buf, good, "Hello there.", wide)) {
		struct lesson_diag wd = {0};
		struct lesson *l = lesson_parse("wide.yaml", buf, strlen(buf), &wd);
		CHECK(l != NULL && wd.errors == 0);
		lesson_destroy(l);
	}
	struct lesson_diag d = {0};
	CHECK(lesson_parse("empty.yaml", "", 0, &d) == NULL && d.errors == 1);
	d.errors = 0;
	CHECK(lesson_parse("list.yaml", "- a\n- b\n", 8, &d) == NULL && d.errors >= 1);
	d.errors = 0;
	/* A self-referencing alias must not loop. */
	const char *alias = "steps: &s [*s]\n";
	CHECK(lesson_parse("alias.yaml", alias, strlen(alias), &d) == NULL);
	CHECK(lesson_competence_valid("1.3") && !lesson_competence_valid("1.4"));
	CHECK(lesson_competence_valid("2.6") && !lesson_competence_valid("2.7"));
	CHECK(lesson_competence_valid("5.4") && !lesson_competence_valid("0.1") && !lesson_competence_valid("4.10"));
}

int main(void)
{
	test_good();
	test_errors();
	test_limits_and_edges();
	return test_done();
}
