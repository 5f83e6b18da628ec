/* Step `blanks`: the words between brackets (with the exact place of each
 * problem), the limits, the judge (places with the same word may swap),
 * and the view: the screen rules at three sizes, tap-then-tap both ways,
 * emptying a place, the hint ladder and the answered screen. */
#include "../../app/core/step_blanks.h"
#include "../../app/core/step.h"
#include "../../app/core/lesson.h"
#include "../../app/ui/player.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>

/* From step_blanks.c and step_keyboard.c. */

/* ---- parsing ---- */

#define HEAD LRIG_HEAD("blanks-test", "{nl: \"Vul in\", en: \"Fill in\"}", "{nl: \"Kort\", en: \"Short\"}", "4.2", "5")

static const char good[] = HEAD
	"  - type: blanks\n"                                                        /* 9 */
	"    question: {nl: \"Vul de zin aan.\", en: \"Complete the sentence.\"}\n" /* 10 */
	"    sentence:\n"                                                           /* 11 */
	"      nl: \"Een sterk [wachtwoord] is lang. Geef het aan [niemand].\"\n"   /* 12 */
	"      en: \"A strong [password] is long. Give it to [nobody].\"\n"         /* 13 */
	"    others:\n"                                                             /* 14 */
	"      - text: {nl: \"iedereen\", en: \"everybody\"}\n"                     /* 15 */
	"      - text: {nl: \"naam\", en: \"name\"}\n"                              /* 16 */
	"    feedback:\n"
	"      right: {nl: \"Goed.\", en: \"Good.\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n"
	"  - type: blanks\n"                                                        /* 20 */
	"    question: {nl: \"Vul aan.\", en: \"Fill in.\"}\n"
	"    sentence:\n"
	"      nl: Neem [de] bus of [de] trein.\n"                                  /* 23: plain */
	"      en: \"[The] bus or [the] train are fine.\"\n"
	"    feedback:\n"
	"      right: {nl: \"Goed.\", en: \"Good.\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n";

static struct lesson *parse(const char *text, struct lrig_seen *seen)
{
	struct lesson *l = lrig_parse("t.yaml", text, seen);
	CHECK((l != NULL) == (seen->errors == 0));
	return l;
}

static void test_good(void)
{
	struct lrig_seen seen = {0};
	struct lesson *l = parse(good, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l) {
		lrig_print(&seen);
		return;
	}
	const struct lesson_step *st = &l->steps[0];
	CHECK(st->type == LESSON_STEP_BLANKS);
	CHECK(step_blanks_gaps(st) == 2 && step_blanks_others(st) == 2);
	CHECK_STR(lesson_str(l, step_blanks_piece(st, 0), "nl"), "Een sterk ");
	CHECK_STR(lesson_str(l, step_blanks_piece(st, 1), "nl"), " is lang. Geef het aan ");
	CHECK_STR(lesson_str(l, step_blanks_piece(st, 2), "nl"), ".");
	CHECK_STR(lesson_str(l, step_blanks_word(st, 0), "en"), "password");
	CHECK_STR(lesson_str(l, step_blanks_word(st, 1), "nl"), "niemand");
	CHECK_STR(lesson_str(l, step_blanks_word(st, 2), "nl"), "iedereen");
	CHECK_STR(lesson_str(l, step_blanks_word(st, 3), "en"), "name");
	/* A sentence may start with a gap (and a plain YAML text may hold
	 * brackets after its first character). */
	const struct lesson_step *st2 = &l->steps[1];
	CHECK(step_blanks_gaps(st2) == 2 && step_blanks_others(st2) == 0);
	CHECK_STR(lesson_str(l, step_blanks_piece(st2, 0), "en"), "");
	CHECK_STR(lesson_str(l, step_blanks_piece(st2, 0), "nl"), "Neem ");
	CHECK_STR(lesson_str(l, step_blanks_word(st2, 1), "nl"), "de");

	/* The judge. */
	struct step_response r = {.n = 2, .v = {0, 1}};
	CHECK(lesson_step_judge(st, &r));
	r = (struct step_response){.n = 2, .v = {1, 0}};
	CHECK(!lesson_step_judge(st, &r)); /* different words may not swap */
	r = (struct step_response){.n = 2, .v = {0, 2}};
	CHECK(!lesson_step_judge(st, &r)); /* a wrong word */
	r = (struct step_response){.n = 2, .v = {2, 3}};
	CHECK(!lesson_step_judge(st, &r));
	r = (struct step_response){.n = 1, .v = {0}};
	CHECK(!lesson_step_judge(st, &r)); /* a place left empty */
	r = (struct step_response){.n = 2, .v = {0, -1}};
	CHECK(!lesson_step_judge(st, &r));
	r = (struct step_response){.n = 2, .v = {0, 9}};
	CHECK(!lesson_step_judge(st, &r)); /* out of range */
	r = (struct step_response){.n = 3, .v = {0, 1, 2}};
	CHECK(!lesson_step_judge(st, &r));
	/* "De"/"de" and "The"/"the": the same word, capitals ignored, in every
	 * language, so the two places may swap; one word twice may not. */
	r = (struct step_response){.n = 2, .v = {1, 0}};
	CHECK(lesson_step_judge(st2, &r));
	r = (struct step_response){.n = 2, .v = {0, 0}};
	CHECK(!lesson_step_judge(st2, &r));
	lesson_destroy(l);

	CHECK(step_same_text("Wachtwoord", "wachtWOORD"));
	CHECK(step_same_text("ÉÉN", "één"));
	CHECK(!step_same_text("een", "één"));
	CHECK(step_same_text("  fiets ", "Fiets"));
	CHECK(!step_same_text("fiets", "fietsen"));
}

/* good with one text replaced; the first error must be at line:col. */
static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	lrig_expect_error(good, parse, from, to, line, col, words);
}

static void test_errors(void)
{
	/* Line 12 is `      nl: "Een sterk [wachtwoord] ...`: the quote is at
	 * column 11, so the text's first character is at column 12. */
	expect_error("[wachtwoord] is lang", "[wachtwoord is lang", 12, 22, "no ']' before the next '['");
	expect_error("[wachtwoord] is lang", "wachtwoord] is lang", 12, 32, "closes nothing");
	expect_error("[wachtwoord] is lang", "[ wachtwoord] is lang", 12, 23, "no space just inside");
	expect_error("[wachtwoord] is lang", "[wachtwoord ] is lang", 12, 33, "no space just inside");
	expect_error("[wachtwoord] is lang", "[] wachtwoord is lang", 12, 22, "empty brackets");
	expect_error("[wachtwoord] is lang", "[wacht [woord]] is lang", 12, 22, "brackets cannot hold brackets");
	expect_error("[wachtwoord] is lang", "[wachtwoordwachtwoordwachtwoord1] is lang", 12, 22, "at most 30");
	expect_error("[wachtwoord] is lang. Geef het aan [niemand]", "[a] [b] [c] [d] [e]", 12, 38,
	             "more than 4");
	expect_error("[wachtwoord] is lang. Geef het aan [niemand]", "wachtwoord is lang", 12, 11, "has no gaps");
	expect_error("A strong [password] is long.", "A strong password is long.", 13, 11,
	             "same number");
	/* An escape in the text: the place inside it is not known, so the
	 * message points at the text. */
	expect_error("[wachtwoord] is lang", "\\t[wachtwoord is lang", 12, 11, "no ']'");
	/* A plain (unquoted) text: no quote to step over. */
	expect_error("Neem [de] bus", "Neem [ de] bus", 23, 17, "no space just inside");
	/* Others: not a missing word of the same language, capitals ignored. */
	expect_error("{nl: \"naam\", en: \"name\"}", "{nl: \"naam\", en: \"Password\"}", 16, 32,
	             "also a missing word of the 'en' sentence");
	expect_error("{nl: \"naam\", en: \"name\"}", "{nl: \"naam\", en: \"name\", }\n        correct: true", 17, 9,
	             "unknown key 'correct'");
	expect_error("others:\n", "others:\n      - text: {nl: \"a\", en: \"a\"}\n      - text: {nl: \"b\", en: \"b\"}\n"
	                          "      - text: {nl: \"c\", en: \"c\"}\n",
	             15, 7, "give 0 to 4");
	expect_error("\"iedereen\"", "\"iedereeniedereeniedereeniedereen\"", 15, 20, "too long");
	expect_error("    sentence:\n      nl: \"Een sterk [wachtwoord] is lang. Geef het aan [niemand].\"\n"
	             "      en: \"A strong [password] is long. Give it to [nobody].\"\n",
	             "", 9, 5, "no 'sentence'");
	/* Limits count the text without the brackets: 160 characters fit. */
	char ok[400], bad[400];
	memset(ok, 'x', 156);
	snprintf(ok + 156, sizeof ok - 156, " [abc]");
	struct lrig_seen s = {0};
	char buf[4096];
	const char *from = "Een sterk [wachtwoord] is lang. Geef het aan [niemand].";
	const char *at = strstr(good, from);
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - good), good, ok, at + strlen(from));
	/* The English text has two gaps, this one; the count differs. */
	struct lesson *l = parse(buf, &s);
	CHECK(l == NULL && s.n == 1 && strstr(s.msg[0], "same number"));
	lesson_destroy(l);
	memset(bad, 'x', 157);
	snprintf(bad + 157, sizeof bad - 157, " [abc]");
	expect_error(from, bad, 12, 11, "161 characters without the brackets");
}

/* ---- the view ---- */

static struct rig_screen sc;

static void test_view(int w, int h)
{
	sc.w = w, sc.h = h, sc.u = 4.0 * fmin(w / 1920.0, h / 1080.0);
	struct lrig_seen seen = {0};
	struct lesson *l = parse(good, &seen);
	if (!l)
		return;
	struct player pl = {.lesson = l, .lang = "nl"};
	player_begin(&pl, 0);
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "Een sterk", false) != NULL);
	CHECK(rig_find(&sc.dl, "Empty place 1", true) && rig_find(&sc.dl, "Empty place 2", true));
	CHECK(rig_find(&sc.dl, "naam", true) && rig_find(&sc.dl, "iedereen", true) &&
	      rig_find(&sc.dl, "wachtwoord", true) && rig_find(&sc.dl, "niemand", true));
	CHECK(!player_complete(&pl));
	rig_check_player(&sc, &pl, "fresh");
	/* A place, then a word. */
	rig_tap_view(&sc, &pl, "Empty place 1");
	CHECK(pl.pick == 0);
	rig_tap_view(&sc, &pl, "iedereen");
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "Place 1: iedereen", true) != NULL);
	/* only the place has it now */
	CHECK(rig_find(&sc.dl, "iedereen", true) == rig_find(&sc.dl, "Place 1: iedereen", true));
	/* A word, then a place. */
	rig_tap_view(&sc, &pl, "wachtwoord");
	rig_tap_view(&sc, &pl, "Empty place 2");
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "Place 2: wachtwoord", true) != NULL);
	CHECK(player_complete(&pl));
	rig_check_player(&sc, &pl, "filled");
	/* Tapping a filled place empties it. */
	rig_tap_view(&sc, &pl, "Place 2: wachtwoord");
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "Empty place 2", true) != NULL && !player_complete(&pl));
	rig_tap_view(&sc, &pl, "wachtwoord");
	rig_tap_view(&sc, &pl, "Empty place 2");
	CHECK(rig_check_answer(&pl) && !pl.right);
	rig_check_player(&sc, &pl, "wrong");
	CHECK(rig_find(&sc.dl, "naam", true) == NULL); /* the bank is gone */

	/* The ladder: rung 3 shows each missing word in its empty place. */
	player_begin(&pl, 0);
	pl.hints = 3;
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "wachtwoord", false) != NULL &&
	      rig_find(&sc.dl, "wachtwoord", false) != rig_find(&sc.dl, "wachtwoord", true));
	rig_check_player(&sc, &pl, "rung 3");
	rig_tap_view(&sc, &pl, "niemand");
	rig_tap_view(&sc, &pl, "Empty place 2");
	rig_tap_view(&sc, &pl, "Empty place 1");
	rig_tap_view(&sc, &pl, "wachtwoord");
	struct step_response r;
	CHECK(step_view_of(LESSON_STEP_BLANKS)->response(&pl, &r) && r.n == 2 && r.v[0] == 0 && r.v[1] == 1);
	CHECK(rig_check_answer(&pl) && pl.right);
	rig_check_player(&sc, &pl, "right");

	/* Two places with the same word: either "de" may go in either place. */
	player_begin(&pl, 1);
	rig_lay_player(&sc, &pl);
	rig_check_player(&sc, &pl, "same words");
	rig_tap_view(&sc, &pl, "Empty place 1");
	rig_tap_view(&sc, &pl, "de");
	rig_tap_view(&sc, &pl, "Empty place 2");
	rig_tap_view(&sc, &pl, "de");
	CHECK(rig_check_answer(&pl) && pl.right);
	/* In English the two differ only in capitals: right too. */
	player_begin(&pl, 1);
	pl.lang = "en";
	rig_tap_view(&sc, &pl, "Empty place 1");
	rig_tap_view(&sc, &pl, "the");
	rig_tap_view(&sc, &pl, "Empty place 2");
	rig_tap_view(&sc, &pl, "The");
	CHECK(step_view_of(LESSON_STEP_BLANKS)->response(&pl, &r) && r.v[0] == 0 && r.v[1] == 1);
	CHECK(rig_check_answer(&pl) && pl.right);
	lesson_destroy(l);
}

int main(void)
{
	arena_init(&sc.arena);
	test_good();
	test_errors();
	test_view(1920, 1080);
	test_view(1280, 800);
	test_view(1024, 768);
	arena_finish(&sc.arena);
	return test_done();
}
