/* Step `sim`: the checks of its screens and parts (with line and column),
 * the judge of both tasks (go somewhere, with fields; find the suspicious
 * parts), and the phone on the lesson screen at two screen sizes, held to
 * the screen rules of UX.md at every turn: the fixture's e-mail and phone,
 * and a login with fields, the keyboard's two pages and a number pad. */
#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/ui.h"
#include "../../app/core/step_sim.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>

/* 8 lines of lesson, 3 of step: the first screen is on line 12. */
#define HEAD                                                                                                       \
	LRIG_HEAD("sim", "{nl: \"T\", en: \"T\"}", "{nl: \"S\", en: \"S\"}", "4.2", "2")                                \
	"  - type: sim\n    question: {nl: \"Doe het\", en: \"Do it\"}\n"                                             \
	"    feedback: {right: {nl: \"Ja\", en: \"Yes\"}, wrong: {nl: \"Nee\", en: \"No\"}}\n    screens:\n"

static struct lesson *parse(const char *screens, struct lrig_seen *seen)
{
	char buf[8192];
	snprintf(buf, sizeof buf, HEAD "%s", screens);
	return lrig_parse("t.yaml", buf, seen);
}

static struct step_response taps(int n, const int *v, const char *text)
{
	struct step_response r = {.n = n};
	for (int i = 0; i < n; i++)
		r.v[i] = v[i];
	snprintf(r.text, sizeof r.text, "%s", text ? text : "");
	return r;
}

/* A login: two fields with answers, a code, and a way round. */
static const char login[] =
	"      - id: home\n"                                    /* 12 */
	"        app: phone\n"
	"        parts:\n"
	"          - {kind: app-icon, label: {nl: \"Web\", en: \"Web\"}, icon: browser, go: login}\n" /* part 0 */
	"          - {kind: app-icon, label: {nl: \"Foto\", en: \"Photo\"}}\n"                          /* 1 */
	"      - id: login\n"
	"        app: login\n"
	"        parts:\n"
	"          - {kind: address, text: {nl: \"zuidstad.nl\", en: \"zuidstad.nl\"}}\n"               /* 2 */
	"          - {kind: field, label: {nl: \"Naam\", en: \"Name\"}, answer: {nl: \"Samira\", en: \"Samira\"}}\n" /* 3 */
	"          - {kind: field, label: {nl: \"Wachtwoord\", en: \"Password\"}, answer: {nl: \"fiets-één\", en: \"bike-one\"}}\n"
	"          - {kind: field, label: {nl: \"Stad\", en: \"Town\"}, text: {nl: \"Zuidstad\", en: \"Zuidstad\"}}\n" /* 5 */
	"          - {kind: button, label: {nl: \"Inloggen\", en: \"Log in\"}, go: code}\n"              /* 6 */
	"          - {kind: link, text: {nl: \"Hulp\", en: \"Help\"}, go: home}\n"                        /* 7 */
	"      - id: code\n"
	"        app: login\n"
	"        parts:\n"
	"          - {kind: code-entry, label: {nl: \"Code\", en: \"Code\"}, answer: \"4821\"}\n"        /* 8 */
	"          - {kind: button, label: {nl: \"Verder\", en: \"Next\"}, correct: true}\n"             /* 9 */
	"          - {kind: button, label: {nl: \"Stop\", en: \"Stop\"}}\n";                              /* 10 */

static void test_go(void)
{
	struct lrig_seen seen = {0};
	struct lesson *l = parse(login, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	const struct sim *s = st->data;
	CHECK(s && !s->find && !st->multiple && s->n_screens == 3 && s->n_parts == 11 && s->n_fields == 4);
	CHECK(s->parts[0].go == 1 && s->parts[6].go == 2 && s->parts[9].correct && s->parts[8].has_answer);
	CHECK_STR(s->parts[8].code, "4821");
	CHECK_STR(s->parts[0].icon, "browser");
	CHECK(s->screens[0].best == 0 && s->screens[1].best == 6 && s->screens[2].best == 9);
	struct step_response r;
	r = taps(3, (int[]){0, 6, 9}, "samira\nFIETS-ÉÉN\n4821"); /* capitals do not count */
	CHECK(lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 6, 9}, "  Samira \nbike-one\n4821"); /* nor spaces around; any language */
	CHECK(lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 6, 9}, "Samira\nfiets-een\n4821"); /* accents do */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 6, 9}, "Samira\nfiets-één\n4812"); /* a wrong code */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 6, 9}, "Samira\nfiets-één"); /* no code */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 6, 9}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = taps(5, (int[]){0, 7, 0, 6, 9}, "Samira\nfiets-één\n4821"); /* round by the help link */
	CHECK(lesson_step_judge(st, &r));
	r = taps(2, (int[]){0, 6}, "Samira\nfiets-één\n4821"); /* not there yet */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 6, 10}, "Samira\nfiets-één\n4821"); /* a button that leads nowhere */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(2, (int[]){0, 9}, "Samira\nfiets-één\n4821"); /* not on that screen */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){0, 3, 6}, "Samira\nfiets-één\n4821"); /* a field is no way on */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(4, (int[]){0, 6, 9, 9}, "Samira\nfiets-één\n4821"); /* on past the end */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(1, (int[]){1}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = taps(1, (int[]){99}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	lesson_destroy(l);
}

static const char mail[] =
	"      - id: inbox\n"
	"        app: messages\n"
	"        parts:\n"
	"          - {kind: message-row, label: {nl: \"Bank\", en: \"Bank\"}, text: {nl: \"Lees dit\", en: \"Read this\"}, go: mail}\n"
	"      - id: mail\n"
	"        app: email\n"
	"        parts:\n"
	"          - {kind: sender, text: {nl: \"b@x.xyz\", en: \"b@x.xyz\"}, suspicious: true}\n" /* 1 */
	"          - {kind: subject, text: {nl: \"Hoi\", en: \"Hi\"}}\n"
	"          - {kind: body, text: {nl: \"Log in.\", en: \"Log in.\"}}\n"
	"          - {kind: link, text: {nl: \"x.xyz\", en: \"x.xyz\"}, suspicious: true}\n"     /* 4 */
	"          - {kind: button, label: {nl: \"Antwoord\", en: \"Reply\"}}\n";

static void test_find(void)
{
	struct lrig_seen seen = {0};
	struct lesson *l = parse(mail, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	const struct sim *s = st->data;
	CHECK(s && s->find && st->multiple); /* the player shows Check */
	struct step_response r;
	r = taps(2, (int[]){4, 1}, NULL);
	CHECK(lesson_step_judge(st, &r));
	r = taps(1, (int[]){1}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){1, 4, 2}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = taps(0, NULL, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = taps(2, (int[]){1, 40}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	lesson_destroy(l);
}

static void test_errors(void)
{
	struct lrig_seen s;
	/* kinds, keys and values of parts */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: a\n"                                                                /* 13 */
	            "        app: email\n"
	            "        parts:\n"
	            "          - {kind: sender, text: {nl: \"x\", en: \"x\"}, label: {nl: \"y\", en: \"y\"}}\n" /* 16 */
	            "          - {kind: field, label: {nl: \"y\", en: \"y\"}}\n"                  /* 17 */
	            "          - {kind: knop, label: {nl: \"y\", en: \"y\"}}\n"                   /* 18 */
	            "          - {kind: link, go: a, correct: true}\n"                            /* 19 */
	            "          - {kind: sender, text: {nl: \"x\", en: \"x\"}}\n"                  /* 20 */
	            "      - id: b\n"
	            "        app: login\n"
	            "        parts:\n"
	            "          - {kind: text, text: {nl: \"x\", en: \"x\"}}\n"
	            "          - {kind: address, text: {nl: \"x\", en: \"x\"}}\n"                 /* 25 */
	            "          - {kind: field, label: {nl: \"y\", en: \"y\"}, text: {nl: \"x\", en: \"x\"}, answer: {nl: \"x\", en: \"x\"}}\n"
	            "          - {kind: code-entry, label: {nl: \"y\", en: \"y\"}, answer: \"12a4\"}\n" /* 27 */
	            "          - {kind: app-icon, label: {nl: \"y\", en: \"y\"}, icon: fax}\n",     /* 28 */
	            &s) == NULL);
	CHECK(lrig_has(&s, 16, 54, "unknown key 'label' in a sender part"));
	CHECK(lrig_has(&s, 17, 20, "'field' part does not belong on an email screen"));
	CHECK(lrig_has(&s, 18, 20, "unknown kind of part 'knop'"));
	CHECK(lrig_has(&s, 19, 13, "this link part has no 'text'"));
	CHECK(lrig_has(&s, 19, 42, "not both"));
	CHECK(lrig_has(&s, 20, 13, "at most one sender"));
	CHECK(lrig_has(&s, 25, 13, "the address is the first part"));
	CHECK(lrig_has(&s, 26, 88, "a 'text' (already filled in) or an 'answer'"));
	CHECK(lrig_has(&s, 27, 67, "4 to 8 digits"));
	CHECK(lrig_has(&s, 28, 20, "'app-icon' part does not belong on a login screen"));
	CHECK(lrig_has(&s, 28, 63, "icon must be one of"));
	CHECK(s.n == 11);

	/* a screen no part leads to, and two tasks in one sim */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: a\n"
	            "        app: message\n"
	            "        parts:\n"
	            "          - {kind: button, label: {nl: \"y\", en: \"y\"}, correct: true}\n"
	            "          - {kind: body, text: {nl: \"x\", en: \"x\"}, suspicious: true}\n" /* 17 */
	            "      - id: b\n"                                                             /* 18 */
	            "        app: message\n"
	            "        parts:\n"
	            "          - {kind: body, text: {nl: \"x\", en: \"x\"}}\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 18, 9, "screen 'b' cannot be reached"));
	CHECK(lrig_has(&s, 17, 64, "'correct: true' and parts with 'suspicious: true'"));
	CHECK(s.n == 2);

	/* screens: ids, apps, go to nowhere, too many parts */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: a\n"                                                  /* 12 */
	            "        app: tv\n"                                               /* 13 */
	            "        parts: []\n"
	            "      - id: a\n"                                                  /* 15 */
	            "        app: message\n"
	            "        parts:\n"
	            "          - {kind: link, text: {nl: \"x\", en: \"x\"}, go: nergens}\n" /* 18 */
	            "      - id: C\n"                                                  /* 19 */
	            "        app: messages\n"
	            "        parts: [1, 2, 3, 4, 5, 6, 7, 8, 9]\n",                     /* 21 */
	            &s) == NULL);
	CHECK(lrig_has(&s, 14, 14, "app must be phone, messages"));
	CHECK(lrig_has(&s, 16, 13, "the id 'a' is used by two screens"));
	CHECK(lrig_has(&s, 19, 56, "go: 'nergens' is not a screen of this sim (its screens: a, a)"));
	CHECK(lrig_has(&s, 20, 13, "a screen id must be"));
	CHECK(lrig_has(&s, 22, 16, "give 1 to 8, not 9"));

	/* no task */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: a\n"
	            "        app: message\n"
	            "        parts:\n"
	            "          - {kind: body, text: {nl: \"x\", en: \"x\"}}\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 13, 7, "no part has 'correct: true'") && s.n == 1);

	/* find the suspicious parts: one screen, no go there, one plain part,
	 * no answers to type */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: a\n"
	            "        app: message\n"
	            "        parts:\n"                                                                      /* 14 */
	            "          - {kind: body, text: {nl: \"x\", en: \"x\"}, suspicious: true}\n"            /* 15 */
	            "          - {kind: link, text: {nl: \"x\", en: \"x\"}, go: b, suspicious: true}\n"     /* 16 */
	            "      - id: b\n"
	            "        app: login\n"
	            "        parts:\n"
	            "          - {kind: text, text: {nl: \"x\", en: \"x\"}, suspicious: true}\n"            /* 20 */
	            "          - {kind: field, label: {nl: \"y\", en: \"y\"}, answer: {nl: \"x\", en: \"x\"}}\n", /* 21 */
	            &s) == NULL);
	CHECK(lrig_has(&s, 17, 56, "cannot lead on"));
	CHECK(lrig_has(&s, 21, 64, "all suspicious parts are on one screen"));
	CHECK(lrig_has(&s, 22, 62, "nothing needs typing"));
	CHECK(lrig_has(&s, 16, 11, "every part of this screen is suspicious"));
	CHECK(s.n == 4);
}

/* ---- the lesson screen ---- */

/* The rules of test_ui.c, and the 3 mm between tappable things. */
static const struct rig_rules rules = {.gap_mm = 3, .lines = true, .border = RIG_BORDER_KEYS};

/* Taps label, scrolling the phone down first while it is out of sight. */
static bool tap_scrolled(struct rig *r, const char *label)
{
	for (int i = 0; i < 12 && !rig_find(ui_app_frame(r->app), label, true); i++)
		if (!rig_find(ui_app_frame(r->app), "Scroll down", true))
			break;
		else
			rig_tap(r, "Scroll down");
	return rig_tap(r, label);
}

static bool framed_as(struct rig *r, const char *label, struct ui_color c)
{
	const struct ui_elem *e = rig_find(ui_app_frame(r->app), label, false);
	return e && e->border_w > 0 && e->border.r == c.r && e->border.g == c.g && e->border.b == c.b;
}

static const struct ui_color right = {0x23, 0x62, 0x3A, 255}, primary = {0x17, 0x49, 0x4F, 255};

static struct ui_app *start(struct rig *r, struct store *s, const struct lesson_set *set, const char *title)
{
	r->rules = rules;
	rig_create(r, s, set);
	rig_onboard(r);
	rig_tap(r, title);
	return r->app;
}

static void walk_fixture(struct store *s, int w, int h)
{
	struct lesson_diag d = {0};
	struct lesson_set set;
	const char *paths[] = {"../ui/fixtures/steps/sim"};
	lesson_set_load(&set, paths, 1, &d);
	CHECK(set.n == 1 && d.errors == 0);
	struct rig r;
	rig_init(&r, w, h);
	start(&r, s, &set, "Safe with your phone");
	/* the fake e-mail: frame, unframe, the ladder, right */
	CHECK(rig_visible(&r, "From: Zuidstad Bank <help@zuidstad-bank.xyz>"));
	rig_check_screen(&r, "e-mail");
	CHECK(rig_find(ui_app_frame(r.app), "Check", true) == NULL);
	rig_tap(&r, "New message from your bank");
	CHECK(framed_as(&r, "New message from your bank", primary));
	rig_check_screen(&r, "e-mail, one framed");
	rig_tap(&r, "New message from your bank");
	CHECK(!framed_as(&r, "New message from your bank", primary));
	rig_tap(&r, "Hello Samira");
	rig_tap(&r, "Check");
	CHECK(rig_visible(&r, "Not quite."));
	rig_check_screen(&r, "e-mail, wrong");
	rig_tap(&r, "Try again");
	CHECK(!framed_as(&r, "Hello Samira", primary)); /* begun afresh */
	rig_tap(&r, "Tip");
	rig_check_screen(&r, "e-mail, rung 2");
	rig_tap(&r, "Tip");
	CHECK(framed_as(&r, "help@zuidstad-bank.xyz", right));
	CHECK(framed_as(&r, "www.zuidstad-bank.xyz/login", right));
	rig_check_screen(&r, "e-mail, rung 3");
	tap_scrolled(&r, "www.zuidstad-bank.xyz/login");
	for (int i = 0; i < 3 && rig_find(ui_app_frame(r.app), "Scroll up", true); i++)
		rig_tap(&r, "Scroll up");
	rig_tap(&r, "help@zuidstad-bank.xyz");
	rig_tap(&r, "Check");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "e-mail, right");
	rig_tap(&r, "Next");
	/* the phone: home, messages, a message, Back, the right button */
	CHECK(rig_visible(&r, "Work sends you a text"));
	CHECK(rig_find(ui_app_frame(r.app), "Back to the previous screen", true) == NULL);
	rig_check_screen(&r, "home screen");
	rig_tap(&r, "Camera");
	CHECK(rig_visible(&r, "Not quite."));
	rig_tap(&r, "Try again");
	rig_tap(&r, "Messages");
	CHECK(rig_visible(&r, "Are you coming for dinner on Sunday?"));
	rig_check_screen(&r, "messages");
	rig_tap(&r, "Zuidstad Bakery");
	CHECK(rig_visible(&r, "your shift on Monday starts at 7"));
	rig_check_screen(&r, "message");
	rig_tap(&r, "Back to the previous screen");
	CHECK(rig_visible(&r, "Are you coming for dinner on Sunday?"));
	rig_tap(&r, "Back to the previous screen");
	CHECK(rig_visible(&r, "Settings"));
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	CHECK(framed_as(&r, "Messages", right));
	rig_check_screen(&r, "home, rung 3");
	rig_tap(&r, "Messages");
	CHECK(framed_as(&r, "Zuidstad Bakery: Your roster", right));
	rig_tap(&r, "Zuidstad Bakery");
	CHECK(framed_as(&r, "Confirm", right) && !framed_as(&r, "Call", right));
	rig_check_screen(&r, "message, rung 3");
	rig_tap(&r, "Confirm");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "phone, right");
	ui_app_destroy(r.app);
	lesson_set_finish(&set);
}

static void walk_login(struct store *s, const char *dir, int w, int h)
{
	struct lesson_diag d = {0};
	struct lesson_set set;
	const char *paths[] = {dir};
	lesson_set_load(&set, paths, 1, &d);
	CHECK(set.n == 1 && d.errors == 0);
	struct rig r;
	rig_init(&r, w, h);
	start(&r, s, &set, "Log in");
	rig_tap(&r, "Web");
	rig_check_screen(&r, "login");
	CHECK(rig_visible(&r, "Town: Zuidstad")); /* filled in already */
	rig_tap(&r, "Name: ");
	CHECK(rig_find(ui_app_frame(r.app), "Done", true) != NULL);
	rig_check_screen(&r, "keyboard");
	rig_tap(&r, "Capital");
	rig_tap(&r, "S"); /* the keys show capitals now */
	rig_tap(&r, "a");
	rig_type(&r, "mira");
	CHECK(rig_visible(&r, "Name: Samira"));
	rig_tap(&r, "Done");
	rig_tap(&r, "Password: ");
	rig_type(&r, "bike");
	rig_tap(&r, "-");
	rig_tap(&r, "Digits and signs");
	rig_check_screen(&r, "digits and signs");
	rig_tap(&r, "1");
	rig_tap(&r, "Erase");
	rig_tap(&r, "Letters");
	rig_type(&r, "one");
	rig_tap(&r, "Done");
	/* a wrong name makes "Log in" a wrong answer */
	rig_tap(&r, "Name: Samira");
	rig_tap(&r, "Erase");
	rig_tap(&r, "Done");
	tap_scrolled(&r, "Log in");
	CHECK(rig_visible(&r, "Not quite."));
	rig_tap(&r, "Try again");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Web");
	CHECK(rig_visible(&r, "Type: Samira"));
	rig_check_screen(&r, "login, rung 3");
	rig_tap(&r, "Name: ");
	CHECK(rig_visible(&r, "Type: Samira"));
	rig_check_screen(&r, "keyboard, rung 3");
	rig_type(&r, "samira");
	rig_tap(&r, "Done");
	tap_scrolled(&r, "Password: ");
	rig_type(&r, "bike-one");
	rig_check_screen(&r, "keyboard, typed");
	rig_tap(&r, "Done");
	tap_scrolled(&r, "Log in");
	rig_tap(&r, "Code: ");
	rig_check_screen(&r, "number pad");
	rig_tap(&r, "4");
	rig_tap(&r, "8");
	rig_tap(&r, "2");
	rig_tap(&r, "2");
	rig_tap(&r, "Erase");
	rig_type(&r, "1x9"); /* a code takes digits only, at most 8 */
	CHECK(rig_visible(&r, "Code: 48219"));
	rig_tap(&r, "Erase");
	rig_tap(&r, "Done");
	tap_scrolled(&r, "Next");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "login, right");
	ui_app_destroy(r.app);
	lesson_set_finish(&set);
}

static const char login_lesson[] =
	"id: login-sim\nversion: 1\ntitle: {nl: \"Inloggen\", en: \"Log in\"}\nsummary: {nl: \"S\", en: \"S\"}\n"
	"competences: [\"4.2\"]\nroles: [worker]\nminutes: 2\nsteps:\n"
	"  - type: sim\n    question: {nl: \"Log in als Samira.\", en: \"Log in as Samira.\"}\n"
	"    feedback: {right: {nl: \"Ja\", en: \"Yes\"}, wrong: {nl: \"Nee\", en: \"No\"}}\n    screens:\n";

int main(void)
{
	ui_i18n_init("/nonexistent");
	test_go();
	test_find();
	test_errors();
	char tmpl[] = "/tmp/lp-sim-XXXXXX", err[600];
	char *data = mkdtemp(tmpl);
	char *lessons = util_printf("%s/lessons", data), *file = util_printf("%s/lessons/lesson.yaml", data);
	mkdir(lessons, 0700);
	FILE *f = fopen(file, "w");
	fprintf(f, "%s%s", login_lesson, login);
	fclose(f);
	static const int sizes[][2] = {{1920, 1080}, {1280, 800}};
	for (int i = 0; i < 2; i++) {
		char *where = util_printf("%s/data%d", data, i);
		struct store *s = store_open(where, err, sizeof err);
		CHECK(s != NULL);
		if (s) {
			walk_fixture(s, sizes[i][0], sizes[i][1]);
			walk_login(s, lessons, sizes[i][0], sizes[i][1]);
			store_destroy(s);
		}
		free(where);
	}
	free(lessons);
	free(file);
	return test_done();
}
