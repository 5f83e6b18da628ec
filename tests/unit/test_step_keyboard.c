/* Step `keyboard`: one-line answers (with the exact place of a tab or a
 * line break where it can be known), the limits, the comparison (capitals
 * and outer spaces ignored, accents and signs counted, in the language the
 * learner saw), and the view: the screen rules at three sizes on every
 * rung of the hint ladder, the keys, a physical keyboard, the answer shown
 * at rung 3, and the answered screen. */
#include "../../app/core/step_keyboard.h"
#include "../../app/core/step.h"
#include "../../app/core/lesson.h"
#include "../../app/ui/keyboard.h"
#include "../../app/ui/player.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>

/* From step_keyboard.c. */

/* ---- parsing ---- */

#define HEAD LRIG_HEAD("keyboard-test", "{nl: \"Typen\", en: \"Typing\"}", "{nl: \"Kort\", en: \"Short\"}", "3.1", "5")

/* Question and hint both take two lines: the tightest a keyboard step gets
 * that still fits at 1920x1080 on every rung. */
static const char good[] = HEAD
	"  - type: keyboard\n"                                                                            /* 9 */
	"    question:\n"
	"      nl: \"Je maakt een nieuwe map voor je foto's. Typ de naam van de map: privé-foto\"\n"
	"      en: \"You make a new folder for your photos. Type the name of the folder: private-photo\"\n"
	"    answer: {nl: \"privé-foto\", en: \"private-photo\"}\n"                                         /* 13 */
	"    accept:\n"                                                                                   /* 14 */
	"      - text: {nl: \"privé foto\", en: \"private photo\"}\n"                                       /* 15 */
	"    hint:\n"
	"      nl: \"Kijk goed naar de e aan het eind van privé. Daar staat een streepje op.\"\n"
	"      en: \"Look closely at the end of private. Between the two words is a dash.\"\n"
	"    feedback:\n"
	"      right: {nl: \"Goed.\", en: \"Good.\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n";

static struct lesson *parse(const char *text, struct lrig_seen *seen)
{
	struct lesson *l = lrig_parse("t.yaml", text, seen);
	CHECK((l != NULL) == (seen->errors == 0));
	return l;
}

static bool judge(const struct lesson_step *st, int lang, const char *typed)
{
	struct step_response r = {.n = lang >= -1 ? 1 : 0, .v = {lang}};
	snprintf(r.text, sizeof r.text, "%s", typed);
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
	CHECK(st->type == LESSON_STEP_KEYBOARD && step_keyboard_accepts(st) == 1);
	CHECK_STR(lesson_str(l, step_keyboard_answer(st), "en"), "private-photo");
	CHECK(judge(st, 0, "privé-foto"));
	CHECK(judge(st, 0, "PRIVÉ-FOTO"));     /* capitals, accented ones too */
	CHECK(judge(st, 0, "  Privé-foto  ")); /* spaces at both ends */
	CHECK(judge(st, 0, "privé foto"));     /* an accepted answer */
	CHECK(!judge(st, 0, "prive-foto"));    /* accents count */
	CHECK(!judge(st, 0, "privéfoto"));     /* so do signs */
	CHECK(!judge(st, 0, "privé  foto"));   /* and spaces inside */
	CHECK(!judge(st, 0, "privé-foto."));
	CHECK(!judge(st, 0, ""));
	CHECK(!judge(st, 0, "   "));
	CHECK(!judge(st, 0, "private-photo")); /* the English answer, to the Dutch question */
	CHECK(judge(st, 1, "Private-Photo"));
	CHECK(judge(st, -2, "private-photo")); /* no language given: any */
	CHECK(!judge(st, 9, "privé-foto"));
	lesson_destroy(l);

	CHECK(step_same_text("ÇA VA", "ça va"));
	CHECK(step_same_text("ŁÓDŹ", "łódź"));
	CHECK(step_same_text("İstanbul", "istanbul"));
	CHECK(step_same_text("ПРИВІТ ҐАНОК", "привіт ґанок"));
	CHECK(step_same_text("ΑΘΗΝΑ", "αθηνα"));
	CHECK(!step_same_text("ı", "i")); /* the dotless i is a letter of its own */
	CHECK(!step_same_text("é", "e"));
}

/* good with one text replaced; the first error must be at line:col. */
static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	lrig_expect_error(good, parse, from, to, line, col, words);
}

static void test_errors(void)
{
	/* Line 13 is `    answer: {nl: "privé-foto", ...`: the text starts at
	 * column 19. A real tab in it is found where it is... */
	expect_error("\"privé-foto\"", "\"privé\tfoto\"", 13, 24, "one line");
	/* ...an escaped one, or a line break, at the start of the text. */
	expect_error("\"privé-foto\"", "\"privé\\tfoto\"", 13, 18, "one line");
	expect_error("\"privé foto\"", "\"privé\\nfoto\"", 15, 20, "one line");
	expect_error("    answer: {nl: \"privé-foto\", en: \"private-photo\"}\n",
	             "    answer:\n      nl: |\n        privé\n        foto\n      en: private-photo\n", 14, 11, "one line");
	expect_error("\"privé-foto\"", "\"privé-foto-privé-foto-privé-foto-privé-foto\"", 13, 18,
	             "43 characters, at most 40");
	expect_error("    answer: {nl: \"privé-foto\", en: \"private-photo\"}\n", "", 9, 5, "no 'answer'");
	expect_error("{nl: \"privé foto\", en: \"private photo\"}", "{nl: \"privé foto\"}", 15, 15, "no 'en' version");
	expect_error("      - text: {nl: \"privé foto\", en: \"private photo\"}\n",
	             "      - text: {nl: \"a\", en: \"a\"}\n      - text: {nl: \"b\", en: \"b\"}\n"
	             "      - text: {nl: \"c\", en: \"c\"}\n      - text: {nl: \"d\", en: \"d\"}\n"
	             "      - text: {nl: \"e\", en: \"e\"}\n      - text: {nl: \"f\", en: \"f\"}\n",
	             15, 7, "give 0 to 5");
	expect_error("      - text: {nl: \"privé foto\", en: \"private photo\"}\n", "      - answer: ja\n", 15, 9,
	             "unknown key 'answer' in an item of accept");
}

/* ---- the view ---- */

static struct rig_screen sc;

static void type(struct player *pl, const char *s)
{
	struct ui_event ev = {.type = UI_EV_TEXT};
	snprintf(ev.text, sizeof ev.text, "%s", s);
	step_view_of(LESSON_STEP_KEYBOARD)->input(pl, &ev);
}

static void key(struct player *pl, enum ui_key k)
{
	struct ui_event ev = {.type = UI_EV_KEY, .key = k};
	step_view_of(LESSON_STEP_KEYBOARD)->input(pl, &ev);
}

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
	CHECK(rig_find(&sc.dl, "Your answer", false) != NULL);
	CHECK(rig_find(&sc.dl, "q", true) && rig_find(&sc.dl, "Space", true) && rig_find(&sc.dl, "Erase", true) &&
	      rig_find(&sc.dl, "é", true));
	CHECK(!player_complete(&pl));
	for (int rung = 0; rung <= 3; rung++) {
		pl.hints = rung;
		char where[32];
		snprintf(where, sizeof where, "fresh, rung %d", rung);
		rig_check_player(&sc, &pl, where);
	}
	pl.hints = 0;
	rig_tap_view(&sc, &pl, "p");
	rig_tap_view(&sc, &pl, "r");
	type(&pl, "ivè");
	key(&pl, UI_KEY_BACKSPACE);
	type(&pl, "é");
	CHECK_STR(pl.typed, "privé");
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "privé", false) != NULL);
	rig_check_player(&sc, &pl, "typing");
	/* Return checks only what is there; a space alone is nothing. */
	key(&pl, UI_KEY_RETURN);
	CHECK(pl.submit);
	pl.submit = false;
	CHECK(rig_check_answer(&pl) && !pl.right);
	rig_check_player(&sc, &pl, "wrong");
	CHECK(rig_find(&sc.dl, "q", true) == NULL); /* the keyboard is gone */

	/* Rung 3: the answer stands above (or beside) the field. */
	player_begin(&pl, 0);
	pl.hints = 3;
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "Type this: privé-foto", false) != NULL);
	key(&pl, UI_KEY_RETURN);
	CHECK(!pl.submit);
	rig_tap_view(&sc, &pl, "Space");
	CHECK(pl.typed[0] == 0); /* never a space first */
	rig_tap_view(&sc, &pl, "Capital");
	type(&pl, "privé");
	rig_tap_view(&sc, &pl, "-");
	type(&pl, "foto");
	CHECK_STR(pl.typed, "Privé-foto");
	rig_check_player(&sc, &pl, "rung 3, typed");
	struct step_response r;
	CHECK(step_view_of(LESSON_STEP_KEYBOARD)->response(&pl, &r) && r.n == 1 && r.v[0] == 0);
	CHECK_STR(r.text, "Privé-foto");
	CHECK(rig_check_answer(&pl) && pl.right);
	rig_check_player(&sc, &pl, "right");

	/* A long text shows its end. */
	player_begin(&pl, 0);
	for (int i = 0; i < 12; i++)
		type(&pl, "abcdefghij");
	rig_lay_player(&sc, &pl);
	CHECK(rig_find(&sc.dl, "…", false) != NULL && rig_find(&sc.dl, "ghij", false) != NULL);
	rig_check_player(&sc, &pl, "long text");
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
