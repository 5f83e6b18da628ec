/* Step `sim`: the checks of its screens and parts (with line and column),
 * the judge of both tasks (go somewhere, with fields; find the suspicious
 * parts), and the phone on the lesson screen at two screen sizes, held to
 * the screen rules of UX.md at every turn: the fixture's e-mail and phone,
 * a login with fields, the keyboard's two pages and a number pad, and the
 * work apps (a chat, a video call, a payslip, a roster), also at their
 * limits and right to left. */
#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/ui.h"
#include "../../app/core/step_sim.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
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

/* The work apps: a chat with a field and Send, a call, a payslip and a
 * roster, each with what it may hold. */
static const char work[] =
	"      - id: chat\n"                                                                                   /* 12 */
	"        app: chat\n"
	"        parts:\n"
	"          - {kind: heading, text: {nl: \"Team Groen\", en: \"Team Green\"}}\n"                         /* part 0 */
	"          - {kind: chat-message, label: {nl: \"Kees\", en: \"Kees\"}, text: {nl: \"Wie?\", en: \"Who?\"}, go: call}\n"
	"          - {kind: chat-message, label: {nl: \"Ans\", en: \"Ans\"}, text: {nl: \"Ik.\", en: \"Me.\"}}\n" /* 2 */
	"          - {kind: field, label: {nl: \"Bericht\", en: \"Message\"}, answer: {nl: \"Ik kan niet\", en: \"I cannot\"}}\n"
	"          - {kind: button, label: {nl: \"Verstuur\", en: \"Send\"}, go: slip}\n"                       /* 4 */
	"      - id: call\n"
	"        app: videocall\n"
	"        parts:\n"
	"          - {kind: person, label: {nl: \"Kees\", en: \"Kees\"}}\n"                                     /* 5 */
	"          - {kind: text, text: {nl: \"Je microfoon staat aan.\", en: \"Your microphone is on.\"}}\n"
	"          - {kind: control, label: {nl: \"Microfoon\", en: \"Microphone\"}, icon: mic-off, go: roster}\n" /* 7 */
	"          - {kind: control, label: {nl: \"Ophangen\", en: \"Hang up\"}, icon: hangup}\n"               /* 8 */
	"      - id: slip\n"
	"        app: payslip\n"
	"        parts:\n"
	"          - {kind: heading, text: {nl: \"Maart\", en: \"March\"}}\n"                                   /* 9 */
	"          - {kind: line, label: {nl: \"Bruto\", en: \"Gross\"}, value: {nl: \"€ 900,00\", en: \"€ 900.00\"}}\n"
	"          - {kind: total, label: {nl: \"Netto\", en: \"Net\"}, value: {nl: \"€ 855,00\", en: \"€ 855.00\"}, correct: true}\n"
	"          - {kind: button, label: {nl: \"Bewaren\", en: \"Save\"}}\n"                                  /* 12 */
	"      - id: roster\n"
	"        app: roster\n"
	"        parts:\n"
	"          - {kind: heading, text: {nl: \"Week 12\", en: \"Week 12\"}}\n"                               /* 13 */
	"          - {kind: shift, label: {nl: \"Maandag\", en: \"Monday\"}, text: {nl: \"7:00 - 15:00\", en: \"7:00 - 15:00\"}, correct: true}\n"
	"          - {kind: shift, label: {nl: \"Dinsdag\", en: \"Tuesday\"}, text: {nl: \"Vrij\", en: \"Day off\"}}\n" /* 15 */
	"          - {kind: text, text: {nl: \"Ruilen via je leidinggevende.\", en: \"Swap via your manager.\"}}\n";

static void test_work_apps(void)
{
	struct lrig_seen seen = {0};
	struct lesson *l = parse(work, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	const struct sim *s = st->data;
	CHECK(s && !s->find && s->n_screens == 4 && s->n_parts == 17 && s->n_fields == 1);
	CHECK(s->screens[0].app == SIM_CHAT && s->screens[1].app == SIM_VIDEOCALL && s->screens[2].app == SIM_PAYSLIP &&
	      s->screens[3].app == SIM_ROSTER);
	CHECK(s->parts[1].kind == SIM_CHAT_MESSAGE && s->parts[5].kind == SIM_PERSON && s->parts[7].kind == SIM_CONTROL &&
	      s->parts[9].kind == SIM_HEADING && s->parts[10].kind == SIM_LINE && s->parts[11].kind == SIM_TOTAL &&
	      s->parts[14].kind == SIM_SHIFT);
	CHECK_STR(s->parts[7].icon, "mic-off");
	CHECK_STR(s->parts[8].icon, "hangup");
	CHECK_STR(s->parts[10].value.s[0], "€ 900,00");
	CHECK_STR(s->parts[11].value.s[1], "€ 855.00");
	CHECK_STR(s->parts[14].label.s[1], "Monday");
	CHECK(s->parts[1].go == 1 && s->parts[4].go == 2 && s->parts[7].go == 3 && s->parts[11].correct);
	/* the kinds that take a tap to go on */
	CHECK(step_sim_tappable(SIM_CHAT_MESSAGE) && step_sim_tappable(SIM_CONTROL) && step_sim_tappable(SIM_LINE) &&
	      step_sim_tappable(SIM_TOTAL) && step_sim_tappable(SIM_SHIFT));
	CHECK(!step_sim_tappable(SIM_PERSON) && !step_sim_tappable(SIM_HEADING) && !step_sim_tappable(SIM_TEXT));
	/* the shortest way: Send, then the net pay (a message, the microphone
	 * and a shift is longer) */
	CHECK(s->screens[0].best == 4 && s->screens[1].best == 7 && s->screens[2].best == 11 && s->screens[3].best == 14);
	struct step_response r;
	r = taps(2, (int[]){4, 11}, "ik kan NIET "); /* Send with the answer, then the net pay */
	CHECK(lesson_step_judge(st, &r));
	r = taps(2, (int[]){4, 11}, "Ik kan wel"); /* Send without the answer */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){1, 7, 14}, NULL); /* a message, the microphone, Monday */
	CHECK(lesson_step_judge(st, &r));
	r = taps(1, (int[]){2}, NULL); /* a message that leads nowhere */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(2, (int[]){1, 8}, NULL); /* a call button that leads nowhere */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(2, (int[]){1, 5}, NULL); /* a person is no way on */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(2, (int[]){4, 10}, "Ik kan niet"); /* a payslip line without go or correct */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){1, 7, 15}, NULL); /* the other shift */
	CHECK(!lesson_step_judge(st, &r));
	r = taps(2, (int[]){4, 12}, "Ik kan niet"); /* a button that leads nowhere */
	CHECK(!lesson_step_judge(st, &r));
	lesson_destroy(l);

	/* find the suspicious parts on a payslip: the lines and the total frame */
	seen = (struct lrig_seen){0};
	l = parse("      - id: slip\n"
	          "        app: payslip\n"
	          "        parts:\n"
	          "          - {kind: heading, text: {nl: \"Maart\", en: \"March\"}}\n"
	          "          - {kind: line, label: {nl: \"Uren\", en: \"Hours\"}, value: {nl: \"60\", en: \"60\"}, suspicious: true}\n"
	          "          - {kind: line, label: {nl: \"Bruto\", en: \"Gross\"}, value: {nl: \"€ 900\", en: \"€ 900\"}}\n"
	          "          - {kind: total, label: {nl: \"Netto\", en: \"Net\"}, value: {nl: \"€ 9\", en: \"€ 9\"}, suspicious: true}\n",
	          &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l)
		return;
	st = &l->steps[0];
	s = st->data;
	CHECK(s->find && st->multiple);
	r = taps(2, (int[]){3, 1}, NULL);
	CHECK(lesson_step_judge(st, &r));
	r = taps(1, (int[]){1}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = taps(3, (int[]){1, 2, 3}, NULL);
	CHECK(!lesson_step_judge(st, &r));
	lesson_destroy(l);

	/* 12 parts on a call (and a chat, a payslip, a roster); 13 are too many */
	char buf[8192] = "      - id: a\n        app: videocall\n        parts:\n";
	for (int i = 0; i < 11; i++)
		strcat(buf, "          - {kind: person, label: {nl: \"P\", en: \"P\"}}\n");
	strcat(buf, "          - {kind: control, label: {nl: \"Mic\", en: \"Mic\"}, icon: mic, correct: true}\n");
	seen = (struct lrig_seen){0};
	l = parse(buf, &seen);
	CHECK(l != NULL && seen.n == 0);
	lesson_destroy(l);
	snprintf(buf, sizeof buf, "      - id: a\n        app: chat\n        parts:\n"); /* 13 */
	for (int i = 0; i < 12; i++)
		strcat(buf, "          - {kind: chat-message, label: {nl: \"P\", en: \"P\"}, text: {nl: \"x\", en: \"x\"}}\n");
	strcat(buf, "          - {kind: button, label: {nl: \"OK\", en: \"OK\"}, correct: true}\n");
	seen = (struct lrig_seen){0};
	CHECK(parse(buf, &seen) == NULL);
	CHECK(lrig_has(&seen, 16, 11, "give 1 to 12, not 13") && seen.n == 1);
}

static void test_work_errors(void)
{
	/* kinds of another app, missing keys, limits, icons, keys of other kinds */
	struct lrig_seen s = {0};
	CHECK(parse("      - id: a\n"                                                                            /* 13 */
	            "        app: chat\n"
	            "        parts:\n"
	            "          - {kind: person, label: {nl: \"y\", en: \"y\"}}\n"                                /* 16 */
	            "          - {kind: chat-message, label: {nl: \"y\", en: \"y\"}}\n"                          /* 17 */
	            "          - {kind: chat-message, label: {nl: \"0123456789012345678901234567890\", en: \"y\"}, text: {nl: \"x\", en: \"x\"}, go: b}\n"
	            "          - {kind: heading, text: {nl: \"x\", en: \"x\"}, go: b}\n"                         /* 19 */
	            "      - id: b\n"
	            "        app: videocall\n"
	            "        parts:\n"
	            "          - {kind: control, label: {nl: \"Mic\", en: \"Mic\"}}\n"                          /* 23 */
	            "          - {kind: control, label: {nl: \"Mic\", en: \"Mic\"}, icon: phone, correct: true}\n"
	            "          - {kind: app-icon, label: {nl: \"y\", en: \"y\"}, icon: mic}\n"                  /* 25 */
	            "          - {kind: person, label: {nl: \"y\", en: \"y\"}, correct: true}\n"                /* 26 */
	            "          - {kind: control, label: {nl: \"Microfoon aan en uit.\", en: \"Microphone on or off\"}, icon: mic}\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 16, 20, "a 'person' part does not belong on a chat screen (there: button, field, chat-message, heading)"));
	CHECK(lrig_has(&s, 17, 13, "this chat-message part has no 'text'"));
	CHECK(lrig_has(&s, 18, 46, "31 characters, at most 30"));
	CHECK(lrig_has(&s, 19, 55, "unknown key 'go' in a heading part (allowed: kind, text, suspicious)"));
	CHECK(lrig_has(&s, 23, 13, "this control part has no 'icon'"));
	CHECK(lrig_has(&s, 24, 66, "icon must be one of mic, mic-off, camera, camera-off, hangup, chat, speaker, hand, not 'phone'"));
	CHECK(lrig_has(&s, 25, 20, "an 'app-icon' part does not belong on a videocall screen (there: text, person, control)"));
	CHECK(lrig_has(&s, 25, 63, "icon must be one of phone, messages, mail, camera, photos, browser, settings, bank, calendar, chat, not 'mic'"));
	CHECK(lrig_has(&s, 26, 55, "unknown key 'correct' in a person part (allowed: kind, label, suspicious)"));
	CHECK(lrig_has(&s, 27, 41, "21 characters, at most 20"));
	CHECK(s.n == 10);

	s = (struct lrig_seen){0};
	CHECK(parse("      - id: c\n"                                                                             /* 13 */
	            "        app: payslip\n"
	            "        parts:\n"
	            "          - {kind: line, label: {nl: \"Bruto\", en: \"Gross\"}, go: d}\n"                   /* 16 */
	            "          - {kind: total, label: {nl: \"Netto\", en: \"Net\"}, value: {nl: \"€ 1.234.567.890,00 xy\", en: \"x\"}}\n"
	            "          - {kind: shift, label: {nl: \"Ma\", en: \"Mo\"}, text: {nl: \"x\", en: \"x\"}}\n" /* 18 */
	            "      - id: d\n"
	            "        app: roster\n"
	            "        parts:\n"
	            "          - {kind: heading, text: {nl: \"0123456789012345678901234567890123456789012345678901234567890\", en: \"x\"}}\n"
	            "          - {kind: chat-message, label: {nl: \"y\", en: \"y\"}, text: {nl: \"x\", en: \"x\"}}\n" /* 23 */
	            "          - {kind: shift, label: {nl: \"Ma\", en: \"Mo\"}, value: {nl: \"x\", en: \"x\"}}\n",  /* 24 */
	            &s) == NULL);
	CHECK(lrig_has(&s, 16, 13, "this line part has no 'value'"));
	CHECK(lrig_has(&s, 17, 72, "21 characters, at most 20"));
	CHECK(lrig_has(&s, 18, 20, "a 'shift' part does not belong on a payslip screen (there: button, heading, line, total)"));
	CHECK(lrig_has(&s, 22, 40, "61 characters, at most 60"));
	CHECK(lrig_has(&s, 23, 20, "a 'chat-message' part does not belong on a roster screen (there: button, text, heading, shift)"));
	CHECK(lrig_has(&s, 24, 56, "unknown key 'value' in a shift part (allowed: kind, label, text, go, correct, suspicious)"));
	CHECK(lrig_has(&s, 24, 13, "this shift part has no 'text'"));
	CHECK(lrig_has(&s, 13, 7, "no part has 'correct: true'"));
	CHECK(s.n == 8);
}

/* ---- the lesson screen ---- */

/* The rules of test_ui.c, and the 3 mm between tappable things. */
static const struct rig_rules rules = {.gap_mm = 3, .lines = true, .border = RIG_BORDER_KEYS};

/* Scrolls the phone down while label is out of sight. */
static void scroll_to(struct rig *r, const char *label)
{
	for (int i = 0; i < 12 && !rig_find(ui_app_frame(r->app), label, true); i++)
		if (!rig_find(ui_app_frame(r->app), "Scroll down", true))
			break;
		else
			rig_tap(r, "Scroll down");
}

/* Taps label, scrolling the phone down first while it is out of sight. */
static bool tap_scrolled(struct rig *r, const char *label)
{
	scroll_to(r, label);
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

/* The fixture's work apps: a chat answered wrong (a message that leads
 * nowhere), then typed in and sent; a call with a wrong button and the
 * ladder; a payslip's wrong line framed, then the right one; a roster's
 * shift opened and a button that leads nowhere, then the swap. */
static void walk_work(struct store *s, int w, int h)
{
	struct lesson_diag d = {0};
	struct lesson_set set;
	const char *paths[] = {"../ui/fixtures/steps/sim-work"};
	lesson_set_load(&set, paths, 1, &d);
	CHECK(set.n == 1 && d.errors == 0);
	struct rig r;
	rig_init(&r, w, h);
	start(&r, s, &set, "Apps at work");
	/* the chat */
	CHECK(rig_visible(&r, "Team Green") && rig_visible(&r, "Who can do an extra shift on Saturday?"));
	rig_check_screen(&r, "chat");
	rig_tap(&r, "Fatma: I can in the morning.");
	CHECK(rig_visible(&r, "Not quite."));
	rig_check_screen(&r, "chat, wrong");
	rig_tap(&r, "Try again");
	rig_tap(&r, "Send"); /* nothing typed yet: wrong */
	CHECK(rig_visible(&r, "Not quite."));
	rig_tap(&r, "Try again");
	rig_tap(&r, "Tip");
	CHECK(framed_as(&r, "Send", right));
	CHECK(rig_visible(&r, "Type: I cannot"));
	rig_check_screen(&r, "chat, rung 3");
	rig_tap(&r, "Message: ");
	rig_type(&r, "I cannot");
	rig_check_screen(&r, "chat, keyboard");
	rig_tap(&r, "Done");
	CHECK(rig_visible(&r, "Message: I cannot"));
	tap_scrolled(&r, "Send");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "chat, right");
	rig_tap(&r, "Next");
	/* the call */
	CHECK(rig_visible(&r, "Your microphone is on."));
	CHECK(rig_find(ui_app_frame(r.app), "Kees", true) == NULL); /* a person is no way on */
	rig_check_screen(&r, "call");
	tap_scrolled(&r, "Camera");
	CHECK(rig_visible(&r, "Not quite."));
	rig_check_screen(&r, "call, wrong");
	rig_tap(&r, "Try again");
	rig_tap(&r, "Tip");
	rig_check_screen(&r, "call, rung 2");
	rig_tap(&r, "Tip");
	scroll_to(&r, "Hang up");
	CHECK(framed_as(&r, "Microphone", right) && !framed_as(&r, "Camera", right));
	rig_check_screen(&r, "call, rung 3");
	rig_tap(&r, "Microphone");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "call, right");
	rig_tap(&r, "Next");
	/* the payslip: find the line that is wrong */
	CHECK(rig_visible(&r, "Gross pay: € 900.00") && rig_visible(&r, "Net pay: € 855.00"));
	rig_check_screen(&r, "payslip");
	rig_tap(&r, "Gross pay");
	CHECK(framed_as(&r, "Gross pay: €", primary));
	rig_check_screen(&r, "payslip, one framed");
	tap_scrolled(&r, "Check");
	CHECK(rig_visible(&r, "Not quite."));
	rig_tap(&r, "Try again");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	CHECK(framed_as(&r, "Hours worked: 60", right));
	rig_check_screen(&r, "payslip, rung 3");
	rig_tap(&r, "Hours worked");
	rig_tap(&r, "Check");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "payslip, right");
	rig_tap(&r, "Next");
	/* the roster */
	CHECK(rig_visible(&r, "Week 12") && rig_visible(&r, "Monday 17 March: 7:00 - 15:00 Packing"));
	rig_check_screen(&r, "roster");
	tap_scrolled(&r, "Thursday 20 March");
	CHECK(rig_visible(&r, "8:00 - 16:00 Shop. Manager: Kees."));
	rig_check_screen(&r, "roster, a day");
	rig_tap(&r, "Share");
	CHECK(rig_visible(&r, "Not quite."));
	rig_tap(&r, "Try again");
	CHECK(rig_visible(&r, "Week 12")); /* back at the first screen */
	tap_scrolled(&r, "Thursday 20 March");
	rig_tap(&r, "Ask for a swap");
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "roster, right");
	ui_app_destroy(r.app);
	lesson_set_finish(&set);
}

/* Fills out with words from base, again and again, to exactly n
 * characters (base is ASCII). */
static const char *fill(char *out, const char *base, int n)
{
	int k = 0;
	for (int i = 0; k < n; i++)
		out[k++] = base[i % (int)strlen(base)];
	if (out[n - 1] == ' ')
		out[n - 1] = '.';
	out[n] = 0;
	return out;
}

/* The work apps at their limits: every text as long as it may be and
 * the most parts a screen takes (a chat, a call with six people and six
 * buttons, a payslip and a roster), with and without a picture. */
static char *limits_lesson(void)
{
	char m200[201], h60[61], l40[41], d30[31], t60[61], t160[161], c20[21], p30[31];
	fill(m200, "Wie helpt vandaag met uitladen van de nieuwe planten in de kas? ", 200);
	fill(h60, "Groenbedrijf De Linde loonstrook september ", 60);
	fill(l40, "Reiskostenvergoeding woon-werkverkeer ", 40);
	fill(d30, "Zaterdag 27 september extra ", 30);
	fill(t60, "7:30 - 16:00 Kassa en vakken vullen in de winkel ", 60);
	fill(t160, "Je microfoon staat uit. Tik op de knop als je iets wilt zeggen. ", 160);
	fill(c20, "Luidspreker harder ", 20);
	fill(p30, "Oksana Kovalenko-Abdelrahmanov", 30);
	const char *v20 = "€ 1.234.567,89 bruto";
	size_t cap = 64 * 1024, o = 0;
	char *y = malloc(cap);
#define ADD(...) (o += (size_t)snprintf(y + o, cap - o, __VA_ARGS__))
#define T(s) "{nl: \"%s\", en: \"%s\"}"
	ADD("id: sim-limits\nversion: 1\ntitle: {nl: \"Grenzen\", en: \"Limits\"}\nsummary: {nl: \"S\", en: \"S\"}\n"
	    "competences: [\"2.1\"]\nroles: [worker]\nminutes: 8\nsteps:\n");
	for (int pic = 0; pic < 2; pic++) {
		const char *step = "  - type: sim\n    question: {nl: \"Doe het.\", en: \"Do it.\"}\n"
		                   "    feedback: {right: {nl: \"Ja\", en: \"Yes\"}, wrong: {nl: \"Nee\", en: \"No\"}}\n";
		const char *picture = pic ? "    picture: pic.svg\n" : "";
		ADD("%s%s    screens:\n      - id: a\n        app: chat\n        parts:\n", step, picture);
		ADD("          - {kind: heading, text: " T(s) "}\n", h60, h60);
		for (int i = 0; i < 9; i++)
			ADD("          - {kind: chat-message, label: " T(s) ", text: " T(s) "%s}\n", p30, p30, m200, m200,
			    i == 4 ? ", correct: true" : "");
		ADD("          - {kind: field, label: " T(s) "}\n", l40, l40);
		ADD("          - {kind: button, label: {nl: \"Versturen naar de groep\", en: \"Send to the group\"}}\n");
		ADD("%s%s    screens:\n      - id: a\n        app: videocall\n        parts:\n", step, picture);
		for (int i = 0; i < 5; i++)
			ADD("          - {kind: person, label: " T(s) "}\n", p30, p30);
		ADD("          - {kind: text, text: " T(s) "}\n", t160, t160);
		static const char *const icons[] = {"mic", "mic-off", "camera", "camera-off", "hand", "hangup"};
		for (int i = 0; i < 6; i++)
			ADD("          - {kind: control, label: " T(s) ", icon: %s%s}\n", c20, c20, icons[i],
			    i == 5 ? ", correct: true" : "");
		ADD("%s%s    screens:\n      - id: a\n        app: payslip\n        parts:\n", step, picture);
		ADD("          - {kind: heading, text: " T(s) "}\n", h60, h60);
		for (int i = 0; i < 9; i++)
			ADD("          - {kind: line, label: " T(s) ", value: " T(s) "%s}\n", l40, l40, v20, v20,
			    i == 7 ? ", suspicious: true" : "");
		ADD("          - {kind: total, label: " T(s) ", value: " T(s) "}\n", l40, l40, v20, v20);
		ADD("          - {kind: button, label: {nl: \"Bewaar de loonstrook als pdf\", en: \"Save the payslip as a PDF\"}}\n");
		ADD("%s%s    screens:\n      - id: a\n        app: roster\n        parts:\n", step, picture);
		ADD("          - {kind: heading, text: " T(s) "}\n", h60, h60);
		for (int i = 0; i < 9; i++)
			ADD("          - {kind: shift, label: " T(s) ", text: " T(s) "%s}\n", i % 2 ? d30 : "Ma", i % 2 ? d30 : "Mo",
			    t60, t60, i == 8 ? ", correct: true" : "");
		ADD("          - {kind: text, text: " T(s) "}\n", t160, t160);
		ADD("          - {kind: button, label: {nl: \"Ruil aanvragen\", en: \"Ask for a swap\"}, correct: true}\n");
	}
#undef T
#undef ADD
	return y;
}

/* Every scroll position of every limits step, at rung 0, 2 and 3, and
 * with the first part framed where parts are framed, keeps the screen
 * rules; at rung 2 and 3 the part to tap or find can be reached. */
static void walk_limits(const char *path, int w, int h)
{
	struct lesson_diag d = {0};
	struct lesson *l = lesson_load(path, &d);
	CHECK(l != NULL && d.errors == 0 && d.warnings == 0);
	if (!l)
		return;
	struct rig_screen sc;
	rig_screen_init(&sc, w, h, 4.0 * fmin(w / 1920.0, h / 1080.0));
	for (int i = 0; i < l->n_steps; i++)
		for (int rung = 0; rung <= 3; rung += rung ? 1 : 2) {
			struct player pl = {.lesson = l, .lang = "en"};
			player_begin(&pl, i);
			pl.hints = rung;
			const struct sim *s = player_step(&pl)->data;
			bool chat = s->screens[0].app == SIM_CHAT;
			if (s->find && rung == 0)
				rig_tap_view(&sc, &pl, "Reiskostenvergoeding"); /* the first line framed */
			char where[80];
			bool seen_target = false;
			for (int k = 0; k < 48; k++) { /* MAX_ROWS in view_sim.c */
				snprintf(where, sizeof where, "limits step %d, rung %d, scrolled %d", i + 1, rung, k);
				rig_check_player(&sc, &pl, where);
				for (int e = 0; e < sc.dl.n; e++) {
					const struct ui_elem *el = &sc.dl.v[e];
					seen_target |= el->border_w > 0 && el->border.r == right.r && el->border.g == right.g &&
					               el->border.b == right.b && el->role == UI_ROLE_TILE;
				}
				if (!rig_find(&sc.dl, chat ? "Scroll up" : "Scroll down", true))
					break;
				rig_tap_view(&sc, &pl, chat ? "Scroll up" : "Scroll down");
			}
			if (rung == 3)
				CHECK(seen_target);
		}
	rig_screen_finish(&sc);
	lesson_destroy(l);
}

/* Right to left: a payslip's amount, a chat's round picture and a
 * roster's day stand on the other side. */
static void test_rtl(void)
{
	struct lrig_seen seen = {0};
	char buf[4096];
	snprintf(buf, sizeof buf,
	         "id: sim-ar\nversion: 1\ntitle: {nl: \"Loon\", ar: \"الراتب\"}\nsummary: {nl: \"S\", ar: \"S\"}\n"
	         "competences: [\"1.3\"]\nroles: [worker]\nminutes: 2\nsteps:\n"
	         "  - type: sim\n    question: {nl: \"Doe het\", ar: \"افعل ذلك\"}\n"
	         "    feedback: {right: {nl: \"Ja\", ar: \"نعم\"}, wrong: {nl: \"Nee\", ar: \"لا\"}}\n    screens:\n"
	         "      - id: p\n        app: payslip\n        parts:\n"
	         "          - {kind: line, label: {nl: \"Bruto loon\", ar: \"الراتب الإجمالي\"}, value: {nl: \"€ 900\", ar: \"€ 900\"}, go: c}\n"
	         "      - id: c\n        app: chat\n        parts:\n"
	         "          - {kind: chat-message, label: {nl: \"Kees\", ar: \"كيس\"}, text: {nl: \"Wie?\", ar: \"من؟\"}, go: r}\n"
	         "      - id: r\n        app: roster\n        parts:\n"
	         "          - {kind: shift, label: {nl: \"Maandag\", ar: \"الاثنين\"}, text: {nl: \"Vrij\", ar: \"عطلة\"}, correct: true}\n");
	struct lesson *l = lrig_parse("t.yaml", buf, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l)
		return;
	struct rig_screen sc;
	rig_screen_init(&sc, 1280, 800, 4.0 * 1280 / 1920.0);
	for (int ar = 0; ar < 2; ar++) {
		struct player pl = {.lesson = l, .lang = ar ? "ar" : "nl"};
		player_begin(&pl, 0);
		rig_lay_player(&sc, &pl);
		const struct ui_elem *label = rig_find(&sc.dl, ar ? "الراتب الإجمالي" : "Bruto loon", false);
		const struct ui_elem *value = rig_find(&sc.dl, "€ 900", false);
		CHECK(label && value && label->role == UI_ROLE_TEXT && value->role == UI_ROLE_TEXT);
		if (label && value)
			CHECK(ar ? value->lines[0].x + value->lines[0].w < label->lines[0].x
			         : label->lines[0].x + label->lines[0].w < value->lines[0].x);
		rig_tap_view(&sc, &pl, ar ? "الراتب الإجمالي" : "Bruto loon");
		rig_lay_player(&sc, &pl);
		const struct ui_elem *who = rig_find(&sc.dl, ar ? "ك" : "K", false), *text = rig_find(&sc.dl, ar ? "من؟" : "Wie?", false);
		CHECK(who && text);
		if (who && text)
			CHECK(ar ? who->rect.x > text->rect.x + text->rect.w : who->rect.x + who->rect.w < text->rect.x);
		rig_check_player(&sc, &pl, ar ? "chat, right to left" : "chat");
		rig_tap_view(&sc, &pl, ar ? "كيس" : "Kees");
		rig_lay_player(&sc, &pl);
		const struct ui_elem *day = rig_find(&sc.dl, ar ? "الاثنين" : "Maandag", false);
		text = rig_find(&sc.dl, ar ? "عطلة" : "Vrij", false);
		CHECK(day && text);
		if (day && text)
			CHECK(ar ? day->lines[0].x > text->lines[0].x + text->lines[0].w
			         : day->lines[0].x + day->lines[0].w < text->lines[0].x);
		rig_check_player(&sc, &pl, ar ? "roster, right to left" : "roster");
	}
	rig_screen_finish(&sc);
	lesson_destroy(l);
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
	test_work_apps();
	test_work_errors();
	char tmpl[] = "/tmp/lp-sim-XXXXXX", err[600];
	char *data = mkdtemp(tmpl);
	char *lessons = util_printf("%s/lessons", data), *file = util_printf("%s/lessons/lesson.yaml", data);
	mkdir(lessons, 0700);
	FILE *f = fopen(file, "w");
	fprintf(f, "%s%s", login_lesson, login);
	fclose(f);
	/* the work apps at their limits, with the picture two of them show */
	char *limits = util_printf("%s/limits.yaml", data), *pic = util_printf("%s/pic.svg", data), *y = limits_lesson();
	f = fopen(limits, "w");
	fputs(y, f);
	fclose(f);
	free(y);
	f = fopen(pic, "w");
	fputs("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 300\"/>\n", f);
	fclose(f);
	test_rtl();
	static const int sizes[][2] = {{1920, 1080}, {1280, 800}};
	for (int i = 0; i < 2; i++) {
		/* each walk signs a new learner "K" in: a store of its own */
		for (int walk = 0; walk < 3; walk++) {
			char *where = util_printf("%s/data%d-%d", data, i, walk);
			struct store *s = store_open(where, err, sizeof err);
			CHECK(s != NULL);
			/* set up as the wizard would, learners without codes (as rig_open_store) */
			CHECK(s && store_setting_set_int(s, "setup_done", 1) && store_setting_set_int(s, "codes", 2));
			if (s && walk == 0)
				walk_fixture(s, sizes[i][0], sizes[i][1]);
			else if (s && walk == 1)
				walk_login(s, lessons, sizes[i][0], sizes[i][1]);
			else if (s)
				walk_work(s, sizes[i][0], sizes[i][1]);
			store_destroy(s);
			free(where);
		}
		walk_limits(limits, sizes[i][0], sizes[i][1]);
	}
	free(limits);
	free(pic);
	free(lessons);
	free(file);
	return test_done();
}
