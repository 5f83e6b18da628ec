/* Step `markwords`: the words between brackets, the limits, words and
 * marked parts per language, the judge (which reads the language from the
 * response), and the view: the screen rules at three sizes, framing and
 * unframing, the sentences lit at rung 2, the parts framed at rung 3, and
 * the answered screen. */
#include "../../app/core/step_markwords.h"
#include "../../app/core/lesson.h"
#include "../../app/ui/player.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>

/* From step_markwords.c. */

/* ---- parsing ---- */

#define HEAD LRIG_HEAD("markwords-test", "{nl: \"Zoek\", en: \"Find\"}", "{nl: \"Kort\", en: \"Short\"}", "4.2", "5")

static const char good[] = HEAD
	"  - type: markwords\n"                                                                           /* 9 */
	"    question: {nl: \"Tik op de verdachte delen.\", en: \"Tap the suspicious parts.\"}\n"           /* 10 */
	"    passage:\n"                                                                                  /* 11 */
	"      nl: \"[Beste klant], je pas werkt niet. Dat spijt ons. Tik [binnen 24 uur] op de link.\"\n"  /* 12 */
	"      en: \"[Dear customer], your card does not work. We are sorry. Tap the link [within 24 hours].\"\n"
	"    hint: {nl: \"Kijk naar de aanhef.\", en: \"Look at the greeting.\"}\n"                          /* 14 */
	"    feedback:\n"
	"      right: {nl: \"Goed.\", en: \"Good.\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n"
	"  - type: markwords\n"                                                                           /* 18 */
	"    question: {nl: \"Tik.\", en: \"Tap.\"}\n"
	"    passage:\n"
	"      nl: Zie kl[ant] en [a][b] hier\n"                                                            /* 21: plain */
	"      en: \"See [x] and [a][b] here\"\n"
	"    feedback:\n"
	"      right: {nl: \"Goed.\", en: \"Good.\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n";

static struct lesson *parse(const char *text, struct lrig_seen *seen)
{
	struct lesson *l = lrig_parse("t.yaml", text, seen);
	CHECK((l != NULL) == (seen->errors == 0));
	return l;
}

static bool judge(const struct lesson_step *st, int n, const int *v)
{
	struct step_response r = {.n = n};
	memcpy(r.v, v, sizeof(int) * (size_t)n);
	return lesson_step_judge(st, &r);
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
	CHECK(st->type == LESSON_STEP_MARKWORDS && step_markwords_parts(st) == 2);
	/* nl: Beste klant, je pas werkt niet. Dat spijt ons. Tik binnen 24 uur op de link. */
	CHECK(step_markwords_words(st, 0) == 16 && step_markwords_words(st, 1) == 16);
	CHECK_STR(step_markwords_word(st, 0, 1), "klant,"); /* the sign stays with its word */
	CHECK(step_markwords_marks(st, 0, 0) == 1 && step_markwords_marks(st, 0, 1) == 1);
	CHECK(step_markwords_marks(st, 0, 2) == 0);
	CHECK(step_markwords_marks(st, 0, 10) == 2 && step_markwords_marks(st, 0, 12) == 2);
	CHECK_STR(step_markwords_word(st, 1, 15), "hours.");
	CHECK(step_markwords_marks(st, 1, 15) == 2);

	/* The judge: a word of every part, nothing outside. */
	CHECK(judge(st, 3, (int[]){0, 1, 11}));
	CHECK(judge(st, 3, (int[]){0, 0, 10}));
	CHECK(judge(st, 6, (int[]){0, 0, 1, 10, 11, 12}));
	CHECK(!judge(st, 2, (int[]){0, 0}));             /* a part missed */
	CHECK(!judge(st, 4, (int[]){0, 0, 11, 2}));      /* a word outside */
	CHECK(!judge(st, 1, (int[]){0}));                /* nothing framed */
	CHECK(!judge(st, 3, (int[]){0, 0, 16}));         /* no such word */
	CHECK(!judge(st, 3, (int[]){0, -1, 11}));
	/* The words are those of the language the learner saw. */
	CHECK(judge(st, 3, (int[]){1, 0, 13}));          /* Dear ... within */
	CHECK(!judge(st, 3, (int[]){0, 0, 13}));         /* nl word 13 is "op" */
	CHECK(!judge(st, 3, (int[]){1, 1, 11}));         /* en word 11 is "the" */
	CHECK(!judge(st, 3, (int[]){7, 0, 11}));         /* no such language */
	CHECK(!judge(st, 3, (int[]){-1, 0, 11}));

	/* A bracket inside a word marks the word; a word may touch two parts. */
	const struct lesson_step *st2 = &l->steps[1];
	CHECK(step_markwords_words(st2, 0) == 5);
	CHECK(step_markwords_marks(st2, 0, 1) == 1 && step_markwords_marks(st2, 0, 3) == 6);
	CHECK(judge(st2, 3, (int[]){0, 1, 3}));
	CHECK(!judge(st2, 2, (int[]){0, 3}));
	CHECK(judge(st2, 4, (int[]){1, 1, 3, 3}));
	lesson_destroy(l);
}

/* good with one text replaced; the first error must be at line:col. */
static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	lrig_expect_error(good, parse, from, to, line, col, words);
}

static void test_errors(void)
{
	/* Line 12: `      nl: "[Beste klant], ...`; the text starts at column 12. */
	expect_error("[Beste klant], je", "[Beste klant, je", 12, 12, "no ']' before the next '['");
	expect_error("[Beste klant], je", "[Beste klant ], je", 12, 24, "no space just inside");
	expect_error("[Beste klant], je", "[Beste klant]], je", 12, 25, "closes nothing");
	expect_error("[Beste klant], je", "[] Beste klant, je", 12, 12, "empty brackets");
	expect_error("[binnen 24 uur] op", "binnen 24 uur op", 13, 11, "same number");
	expect_error("[Beste klant], je pas werkt niet. Dat spijt ons. Tik [binnen 24 uur] op de link.",
	             "[a] [b] [c] [d] [e] [f] [g] [h] [i]", 12, 44, "more than 8");
	expect_error("[Beste klant], je pas werkt niet. Dat spijt ons. Tik [binnen 24 uur] op de link.",
	             "Beste klant", 12, 11, "has no marked parts");
	expect_error("[Beste klant], je pas werkt niet. Dat spijt ons. Tik [binnen 24 uur] op de link.",
	             "[Beste klant] [alles]", 12, 11, "leave at least one word");
	/* Plain text: line 21 is `      nl: Zie kl[ant] en [a][b] hier`. */
	expect_error("Zie kl[ant] en", "Zie kl[ant en", 21, 17, "no ']' before the next '['");
	expect_error("    passage:\n      nl: Zie", "    text:\n      nl: Zie", 20, 5, "unknown key 'text'");
	/* 300 characters without the brackets fit, 301 do not. */
	char buf[4096], text[400];
	const char *from = "[Beste klant], je pas werkt niet. Dat spijt ons. Tik [binnen 24 uur] op de link.";
	const char *at = strstr(good, from);
	memset(text, 'x', 400);
	memcpy(text, "[a] [b] ", 8);
	text[8 + 300 - 4] = 0; /* a, b, two spaces and 296 x: 300 */
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(at - good), good, text, at + strlen(from));
	struct lrig_seen s = {0};
	struct lesson *l = parse(buf, &s);
	CHECK(l != NULL && s.n == 0);
	lesson_destroy(l);
	text[8 + 300 - 4] = 'x';
	text[8 + 301 - 4] = 0;
	expect_error(from, text, 12, 11, "301 characters without the brackets");
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
	for (int i = 0; i < step_markwords_words(&l->steps[0], 0); i++)
		CHECK(rig_find(&sc.dl, step_markwords_word(&l->steps[0], 0, i), true) != NULL);
	CHECK(!player_complete(&pl));
	rig_check_player(&sc, &pl, "fresh");
	rig_tap_view(&sc, &pl, "klant,");
	rig_tap_view(&sc, &pl, "link.");
	rig_tap_view(&sc, &pl, "je");
	rig_tap_view(&sc, &pl, "je"); /* a second tap takes the frame off */
	CHECK(pl.n_sel == 2 && player_complete(&pl));
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "klant,", true)->border_w > 0 && rig_find(&sc.dl, "je", true)->border_w == 0);
	rig_check_player(&sc, &pl, "framed");
	struct step_response r;
	CHECK(step_view_of(LESSON_STEP_MARKWORDS)->response(&pl, &r));
	CHECK(r.n == 3 && r.v[0] == 0 && r.v[1] == 1 && r.v[2] == 15);

	/* Rung 2: the sentences with a marked part are lit, the one without not. */
	pl.hints = 2;
	rig_lay_player(&sc, &pl);
	CHECK(ui_contrast(rig_find(&sc.dl, "Beste", true)->bg, C_NOTICE_BG) < 1.01);
	CHECK(ui_contrast(rig_find(&sc.dl, "Tik", true)->bg, C_NOTICE_BG) < 1.01);
	CHECK(ui_contrast(rig_find(&sc.dl, "Dat", true)->bg, C_SURFACE) < 1.01);
	rig_check_player(&sc, &pl, "rung 2");
	CHECK(rig_check_answer(&pl) && !pl.right);
	rig_check_player(&sc, &pl, "wrong");

	/* Rung 3: each part framed, as one frame per line. */
	player_begin(&pl, 0);
	pl.hints = 3;
	rig_lay_player(&sc, &pl);
	int frames = 0;
	for (int i = 0; i < sc.dl.n; i++)
		frames += sc.dl.v[i].role == UI_ROLE_PANEL && sc.dl.v[i].border_w > 0 &&
		          ui_contrast(sc.dl.v[i].border, C_RIGHT) < 1.01;
	CHECK(frames >= 2);
	rig_check_player(&sc, &pl, "rung 3");
	rig_tap_view(&sc, &pl, "Beste");
	rig_tap_view(&sc, &pl, "uur");
	CHECK(rig_check_answer(&pl) && pl.right);
	rig_check_player(&sc, &pl, "right");

	/* In English the words are the English ones. */
	player_begin(&pl, 0);
	pl.lang = "en";
	rig_tap_view(&sc, &pl, "customer,");
	rig_tap_view(&sc, &pl, "within");
	CHECK(step_view_of(LESSON_STEP_MARKWORDS)->response(&pl, &r) && r.v[0] == 1);
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
