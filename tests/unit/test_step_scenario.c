/* Step `scenario`: the checks of its nodes and paths (with line and column),
 * the judge of a path, the hint data (the best choice at each node), and
 * the conversation on the lesson screen at two screen sizes, held to the
 * screen rules of UX.md at every turn. */
#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/ui.h"
#include "../../app/core/step_scenario.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>
#include <stdbool.h>
#include <stdlib.h>

#define HEAD LRIG_HEAD("scen", "{nl: \"T\"}", "{nl: \"S\"}", "2.1", "2")
/* HEAD is 8 lines: the step starts on line 9. */
#define STEP "  - type: scenario\n    question: {nl: \"Wat zeg je?\"}\n    feedback: {right: {nl: \"Ja\"}, wrong: {nl: \"Nee\"}}\n    nodes:\n"
/* ... and its first node on line 13. */

static struct lesson *parse(const char *nodes, struct lrig_seen *seen)
{
	char buf[4096];
	snprintf(buf, sizeof buf, HEAD STEP "%s", nodes);
	return lrig_parse("t.yaml", buf, seen);
}

static const char good_nodes[] =
	"      - id: start\n"                       /* 13 */
	"        speaker: {nl: \"Kees\"}\n"
	"        says: {nl: \"Je bent te laat.\"}\n"
	"        choices:\n"
	"          - text: {nl: \"Sorry\"}\n"       /* 17 */
	"            go: why\n"
	"          - text: {nl: \"Nou en?\"}\n"
	"            go: bad\n"
	"            feedback: {nl: \"Kees kijkt boos.\"}\n"
	"          - text: {nl: \"Stil zijn\"}\n"
	"            go: start\n"                   /* a circle with a way out */
	"      - id: why\n"                         /* 24 */
	"        says: {nl: \"Waarom?\"}\n"
	"        choices:\n"
	"          - text: {nl: \"De bus\"}\n"
	"            go: good\n"
	"          - text: {nl: \"Weet niet\"}\n"
	"            go: meh\n"
	"      - id: good\n"
	"        says: {nl: \"Fijn.\"}\n"
	"        end: good\n"
	"      - id: bad\n"
	"        says: {nl: \"Jammer.\"}\n"
	"        end: bad\n"
	"      - id: meh\n"
	"        says: {nl: \"Hm.\"}\n"
	"        end: ok\n";

static struct step_response path(int n, const int *v)
{
	struct step_response r = {.n = n};
	for (int i = 0; i < n; i++)
		r.v[i] = v[i];
	return r;
}

static void test_good(void)
{
	struct lrig_seen seen = {0};
	struct lesson *l = parse(good_nodes, &seen);
	CHECK(l != NULL && seen.n == 0);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	const struct scenario *s = st->data;
	CHECK(st->type == LESSON_STEP_SCENARIO && s && s->n_nodes == 5);
	CHECK_STR(s->nodes[0].id, "start");
	CHECK_STR(s->nodes[0].speaker.s[0], "Kees");
	CHECK(s->nodes[1].speaker.s[0] == NULL);
	CHECK(s->nodes[0].n_choices == 3 && s->nodes[0].choices[1].go == 3);
	CHECK_STR(s->nodes[0].choices[1].feedback.s[0], "Kees kijkt boos.");
	CHECK(s->nodes[2].end == SCEN_GOOD && s->nodes[3].end == SCEN_BAD && s->nodes[4].end == SCEN_OK);
	/* hints: the shortest way to a good end, and which choices lead there */
	CHECK(s->nodes[0].best == 0 && s->nodes[1].best == 0);
	CHECK(s->nodes[0].choices[0].to_good && !s->nodes[0].choices[1].to_good && s->nodes[0].choices[2].to_good);
	CHECK(s->nodes[1].choices[0].to_good && !s->nodes[1].choices[1].to_good);
	CHECK(s->nodes[2].best == -1);

	struct step_response r;
	r = path(2, (int[]){0, 0});
	CHECK(lesson_step_judge(st, &r));
	r = path(4, (int[]){2, 2, 0, 0}); /* round the circle, then well */
	CHECK(lesson_step_judge(st, &r));
	r = path(1, (int[]){1}); /* bad end */
	CHECK(!lesson_step_judge(st, &r));
	r = path(2, (int[]){0, 1}); /* ok end: not right either */
	CHECK(!lesson_step_judge(st, &r));
	r = path(1, (int[]){0}); /* not at an end */
	CHECK(!lesson_step_judge(st, &r));
	r = path(0, NULL);
	CHECK(!lesson_step_judge(st, &r));
	r = path(3, (int[]){0, 0, 0}); /* on past the end */
	CHECK(!lesson_step_judge(st, &r));
	r = path(2, (int[]){0, 2}); /* no such choice */
	CHECK(!lesson_step_judge(st, &r));
	r = path(2, (int[]){-1, 0});
	CHECK(!lesson_step_judge(st, &r));
	lesson_destroy(l);
}

static void test_errors(void)
{
	struct lrig_seen s;
	/* a go to nowhere, at the go's value */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: start\n"
	            "        says: {nl: \"Hoi\"}\n"
	            "        choices:\n"
	            "          - text: {nl: \"A\"}\n"
	            "            go: nergens\n"
	            "      - id: end\n"
	            "        says: {nl: \"Dag\"}\n"
	            "        end: good\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 17, 17, "'nergens' is not a node") && s.n == 1);

	/* an unreachable node, and one from which no end can be reached */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: start\n"
	            "        says: {nl: \"Hoi\"}\n"
	            "        choices:\n"
	            "          - text: {nl: \"A\"}\n"
	            "            go: end\n"
	            "          - text: {nl: \"B\"}\n"
	            "            go: loop\n"
	            "      - id: end\n"
	            "        says: {nl: \"Dag\"}\n"
	            "        end: good\n"
	            "      - id: loop\n" /* 23 */
	            "        says: {nl: \"Rond\"}\n"
	            "        choices:\n"
	            "          - text: {nl: \"Nog eens\"}\n"
	            "            go: loop\n"
	            "      - id: alone\n" /* 28 */
	            "        says: {nl: \"Niemand\"}\n"
	            "        end: bad\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 23, 9, "from node 'loop' no end can be reached"));
	CHECK(lrig_has(&s, 28, 9, "node 'alone' cannot be reached"));
	CHECK(s.n == 2);

	/* no good end */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: start\n"
	            "        says: {nl: \"Hoi\"}\n"
	            "        choices:\n"
	            "          - text: {nl: \"A\"}\n"
	            "            go: end\n"
	            "      - id: end\n"
	            "        says: {nl: \"Dag\"}\n"
	            "        end: ok\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 13, 7, "no node has 'end: good'") && s.n == 1);

	/* ids: twice, and not an id; the first node ends; both choices and end;
	 * two choices alike; an end that is no end */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: start\n"
	            "        says: {nl: \"Hoi\"}\n"
	            "        end: good\n"                /* 15 */
	            "      - id: start\n"                /* 16 */
	            "        says: {nl: \"Hoi\"}\n"
	            "        end: great\n"               /* 18 */
	            "      - id: Twee\n"                 /* 19 */
	            "        says: {nl: \"Hoi\"}\n"
	            "        end: bad\n"
	            "        choices:\n"
	            "          - text: {nl: \"Ja\"}\n"
	            "            go: start\n"
	            "          - text: {nl: \"Ja\"}\n"   /* 25 */
	            "            go: start\n"
	            "      - id: vier\n"                 /* 27 */
	            "        says: {nl: \"Hoi\"}\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 15, 14, "the first node is where the conversation starts"));
	CHECK(lrig_has(&s, 16, 13, "the id 'start' is used by two nodes"));
	CHECK(lrig_has(&s, 18, 14, "end must be good, ok or bad"));
	CHECK(lrig_has(&s, 19, 13, "a node id must be"));
	CHECK(lrig_has(&s, 21, 14, "not both"));
	CHECK(lrig_has(&s, 25, 19, "same text in 'nl'"));
	CHECK(lrig_has(&s, 27, 9, "no 'choices' and no 'end'"));
	CHECK(s.n == 7);

	/* too few nodes, too many choices, a choice without go */
	s = (struct lrig_seen){0};
	CHECK(parse("      - id: start\n"
	            "        says: {nl: \"Hoi\"}\n"
	            "        choices:\n"
	            "          - {text: {nl: \"A\"}, go: start}\n"
	            "          - {text: {nl: \"B\"}, go: start}\n"
	            "          - {text: {nl: \"C\"}, go: start}\n"
	            "          - {text: {nl: \"D\"}, go: start}\n"
	            "          - {text: {nl: \"E\"}}\n",
	            &s) == NULL);
	CHECK(lrig_has(&s, 13, 7, "nodes: give 2 to 12, not 1"));
	CHECK(lrig_has(&s, 16, 11, "choices: give 1 to 3, not 5"));
}

/* ---- the lesson screen ---- */

/* The rules of test_ui.c, and the 3 mm between tappable things. */
static const struct rig_rules rules = {.gap_mm = 3, .lines = true, .border = RIG_BORDER_KEYS};

/* Is the element labelled `label` framed as the answer (rung 3)? */
static bool framed_right(struct rig *r, const char *label)
{
	const struct ui_elem *e = rig_find(ui_app_frame(r->app), label, true);
	struct ui_color right = {0x23, 0x62, 0x3A, 255};
	return e && e->border.r == right.r && e->border.g == right.g && e->border.b == right.b;
}

static void walk(const char *dir, int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	if (!rig_open_store(&r, "lp-scen"))
		return;
	rig_load(&r, dir, false);
	CHECK(r.set.n == 1);
	rig_create(&r, r.store, &r.set);
	rig_onboard(&r);
	rig_tap(&r, "Late for work");
	CHECK(rig_visible(&r, "Good morning. You are late."));
	CHECK(rig_visible(&r, "Kees, your manager"));
	rig_check_screen(&r, "fresh");
	/* a wrong way: one answer with its consequence, then a bad end */
	rig_tap(&r, "That does not matter, does it?");
	CHECK(rig_visible(&r, "Not quite."));
	CHECK(rig_visible(&r, "It does matter."));
	CHECK(rig_visible(&r, "Kees looks angry."));
	CHECK(rig_visible(&r, "You: That does not matter"));
	rig_check_screen(&r, "bad end");
	rig_tap(&r, "Try again");
	/* again from the start, one rung up; then the tips */
	CHECK(!rig_visible(&r, "It does matter."));
	CHECK(rig_visible(&r, "Read the question again"));
	rig_tap(&r, "Tip");
	CHECK(rig_visible(&r, "What does Kees want to know?"));
	rig_check_screen(&r, "rung 2");
	rig_tap(&r, "Tip");
	CHECK(framed_right(&r, "Sorry, the bus did not come. I should have called you."));
	CHECK(!framed_right(&r, "I say nothing and start working."));
	rig_check_screen(&r, "rung 3");
	rig_tap(&r, "Sorry, the bus did not come.");
	CHECK(framed_right(&r, "Tomorrow I take an earlier bus."));
	rig_check_screen(&r, "second node");
	rig_tap(&r, "Tomorrow I take an earlier bus.");
	CHECK(rig_visible(&r, "Well done!"));
	CHECK(rig_visible(&r, "Good plan."));
	rig_check_screen(&r, "good end");
	/* the good end, with the feedback panel: the last bubble stays above it */
	const struct ui_drawlist *dl = ui_app_frame(r.app);
	const struct ui_elem *last = rig_find(dl, "Good plan.", false), *panel = rig_find(dl, "Well done!", false);
	CHECK(last && panel && last->rect.y + last->rect.h <= panel->rect.y);
	rig_close(&r);
}

/* The step's picture (FORMAT.md: "drawn beside the conversation") with
 * the longest texts there are: beside the bubbles and choices, apart from
 * every one of them, at the reference screen, at 1280x800 and at 5 px/mm,
 * at the first node and after a choice; above the conversation in a
 * narrow area. */
static void test_picture(void)
{
	struct lesson_diag d = {0};
	struct lesson *l = lesson_load("../ui/fixtures/steps/limits/every-type/lesson.yaml", &d);
	CHECK(l != NULL);
	if (!l)
		return;
	int k = 0;
	while (k < l->n_steps && l->steps[k].type != LESSON_STEP_SCENARIO)
		k++;
	CHECK(k < l->n_steps && l->steps[k].picture);
	if (k == l->n_steps)
		return;
	const struct lesson_step *st = &l->steps[k];
	static const struct {
		int w, h;
		double u;
	} sizes[] = {{1920, 1080, 4.0}, {1280, 800, 1280 / 480.0}, {1920, 1080, 5.0}};
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++)
		for (int turn = 0; turn < 2; turn++) {
			struct rig_screen sc;
			rig_screen_init(&sc, sizes[z].w, sizes[z].h, sizes[z].u);
			struct player pl = {.lesson = l, .lang = "nl"};
			player_begin(&pl, k);
			if (turn)
				step_view_of(st->type)->tap(&pl, 0);
			const struct ui_drawlist *dl = rig_lay_player(&sc, &pl);
			rig_check_player(&sc, &pl, "scenario with a picture");
			const struct ui_elem *pic = NULL;
			for (int i = 0; i < dl->n; i++)
				if (dl->v[i].role == UI_ROLE_IMAGE && dl->v[i].image && !strcmp(dl->v[i].image, st->picture))
					pic = &dl->v[i];
			CHECK(pic != NULL);
			CHECK(!pic || pic->rect.w >= 70 * sizes[z].u);
			int beside = 0;
			for (int i = 0; pic && i < dl->n; i++) {
				const struct ui_elem *e = &dl->v[i];
				bool talk = (e->n_lines && e->rect.y > mm(&sc.b, MM_HEADER + 20)) ||
				            (e->tappable && e->action == PLAYER_A_VIEW && e->arg < PLAYER_ARG_OWN);
				if (!talk || e == pic)
					continue;
				CHECK(!rig_overlap(e->rect, pic->rect, 0));
				beside += e->rect.x + e->rect.w <= pic->rect.x && e->rect.y < pic->rect.y + pic->rect.h;
			}
			CHECK(beside > 0); /* level with the conversation */
			rig_screen_finish(&sc);
		}
	/* A narrow area: the picture above the first bubble. */
	struct rig_screen sc;
	rig_screen_init(&sc, 0, 0, 4.0);
	struct player pl = {.lesson = l, .lang = "nl"};
	player_begin(&pl, k);
	struct ui_rect area = {40, 200, 1000, 4000};
	rig_lay_view(&sc, step_view_of(st->type), &pl, area);
	rig_check_view(&sc, area, true);
	const struct ui_elem *pic = NULL;
	int top = 1 << 30;
	for (int i = 0; i < sc.dl.n; i++) {
		const struct ui_elem *e = &sc.dl.v[i];
		if (e->role == UI_ROLE_IMAGE && e->image && !strcmp(e->image, st->picture))
			pic = e;
		else if (e->n_lines && e->rect.y < top)
			top = e->rect.y;
	}
	CHECK(pic && pic->rect.y + pic->rect.h <= top);
	rig_screen_finish(&sc);
	lesson_destroy(l);
}

int main(void)
{
	ui_i18n_init("/nonexistent");
	test_good();
	test_errors();
	test_picture();
	walk("../ui/fixtures/steps/scenario", 1920, 1080);
	walk("../ui/fixtures/steps/scenario", 1280, 800);
	return test_done();
}
