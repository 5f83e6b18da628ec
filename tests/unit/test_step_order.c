/* Step `order`: the parser's checks (line, column and words of each
 * problem), the judge, and the view: its shuffle is never the right order,
 * tap-then-tap and dragging move items, the response is the order on
 * screen, and the places keep the screen rules with the answer shown. */
#include "../../app/core/lesson.h"
#include "../../app/ui/player.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <stdbool.h>

/* The example of lessons/FORMAT.md, with a hint. */
static const char good[] =
	"id: order-test\n"
	"version: 1\n"
	"title: {nl: \"Volgorde\", en: \"Order\"}\n"
	"summary: {nl: \"Kort\", en: \"Short\"}\n"
	"competences: [\"2.1\"]\n"
	"roles: [worker]\n"
	"minutes: 3\n"
	"steps:\n"
	"  - type: order\n"
	"    question:\n"
	"      nl: \"Hoe stuur je een e-mail? Zet de stappen in de goede volgorde.\"\n"
	"      en: \"How do you send an e-mail? Put the steps in the right order.\"\n"
	"    hint: {nl: \"Wat doe je eerst?\", en: \"What do you do first?\"}\n"
	"    items:\n"
	"      - text: { nl: \"Open de mail-app.\", en: \"Open the mail app.\" }\n"
	"      - text: { nl: \"Tik op Nieuw bericht.\", en: \"Tap New message.\" }\n"
	"      - text: { nl: \"Typ het adres en je tekst.\", en: \"Type the address and your text.\" }\n"
	"      - text: { nl: \"Tik op Verstuur.\", en: \"Tap Send.\" }\n"
	"    feedback:\n"
	"      right: {nl: \"Goed!\", en: \"Well done!\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n";

static struct lesson *parse(const char *text, struct lrig_seen *seen)
{
	struct lesson *l = lrig_parse("order.yaml", text, seen);
	CHECK(seen->errors == seen->n || seen->n == LRIG_MAX);
	return l;
}

/* good with the first `from` replaced by `to`; its first error must be at
 * line:col and hold words. */
static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	lrig_expect_error(good, parse, from, to, line, col, words);
}

static void test_parse(void)
{
	struct lrig_seen s = {0};
	struct lesson *l = parse(good, &s);
	CHECK(l != NULL && s.n == 0 && s.warnings == 0);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	CHECK(st->type == LESSON_STEP_ORDER);
	CHECK(lesson_step_is_question(st));
	CHECK(st->n_answers == 4);
	CHECK_STR(lesson_str(l, &st->answers[0].text, "nl"), "Open de mail-app.");
	CHECK_STR(lesson_str(l, &st->answers[3].text, "en"), "Tap Send.");
	CHECK_STR(lesson_str(l, &st->hint, "en"), "What do you do first?");
	lesson_destroy(l);
}

static void test_errors(void)
{
	/* two items */
	expect_error("      - text: { nl: \"Typ het adres en je tekst.\", en: \"Type the address and your text.\" }\n"
	             "      - text: { nl: \"Tik op Verstuur.\", en: \"Tap Send.\" }\n",
	             "", 15, 7, "give 3 to 6, not 2");
	/* eight items */
	char eight[2048] = "";
	for (int i = 0; i < 4; i++)
		snprintf(eight + strlen(eight), sizeof eight - strlen(eight),
		         "      - text: { nl: \"Extra %d\", en: \"More %d\" }\n", i, i);
	expect_error("    feedback:\n", strcat(eight, "    feedback:\n"), 15, 7, "give 3 to 6, not 8");
	expect_error("    items:\n", "    stappen:\n", 14, 5, "unknown key 'stappen'");
	expect_error("      - text: { nl: \"Tik op Verstuur.\", en: \"Tap Send.\" }",
	             "      - tekst: { nl: \"Tik op Verstuur.\", en: \"Tap Send.\" }", 18, 9, "unknown key 'tekst'");
	expect_error("      - text: { nl: \"Tik op Verstuur.\", en: \"Tap Send.\" }", "      - Tik op Verstuur.", 18, 9,
	             "must be a set of keys");
	expect_error("\"Tik op Verstuur.\", en", "\"Open de mail-app.\", en", 18, 21, "same 'nl' text as item 1");
	expect_error("en: \"Tap Send.\"", "en: \"Tap New message.\"", 18, 45, "same 'en' text as item 2");
	expect_error("nl: \"Tik op Verstuur.\"",
	             "nl: \"Tik op Verstuur als je het adres en je hele tekst nog een keer goed hebt gelezen.\"", 18, 21,
	             "at most 60");
	expect_error("    feedback:\n      right: {nl: \"Goed!\", en: \"Well done!\"}\n      wrong: {nl: \"Nog niet.\", en: "
	             "\"Not yet.\"}\n",
	             "", 9, 5, "no 'feedback'");
}

static bool judge(const struct lesson_step *st, int n, const int *v)
{
	struct step_response r = {.n = n};
	memcpy(r.v, v, sizeof(int) * (size_t)n);
	return lesson_step_judge(st, &r);
}

static void test_judge(void)
{
	struct lrig_seen s = {0};
	struct lesson *l = parse(good, &s);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	CHECK(judge(st, 4, (int[]){0, 1, 2, 3}));
	CHECK(!judge(st, 4, (int[]){1, 0, 2, 3}));
	CHECK(!judge(st, 4, (int[]){0, 1, 3, 2}));
	CHECK(!judge(st, 3, (int[]){0, 1, 2}));
	CHECK(!judge(st, 5, (int[]){0, 1, 2, 3, 4}));
	CHECK(!judge(st, 0, (int[]){0}));
	CHECK(!judge(st, 4, (int[]){0, 0, 0, 0}));
	lesson_destroy(l);
}

/* ---- the view ---- */

static const struct ui_elem *place(const struct rig_screen *sc, int k)
{
	for (int i = 0; i < sc->dl.n; i++)
		if (sc->dl.v[i].tappable && sc->dl.v[i].action == PLAYER_A_VIEW && sc->dl.v[i].arg == k)
			return &sc->dl.v[i];
	return NULL;
}

static bool has_text(const struct rig_screen *sc, const char *t)
{
	for (int i = 0; i < sc->dl.n; i++)
		if (sc->dl.v[i].text && !strcmp(sc->dl.v[i].text, t))
			return true;
	return false;
}

static void event(struct player *pl, enum ui_event_type type, int x, int y)
{
	struct ui_event ev = {.type = type, .x = x, .y = y, .pointer = -1};
	view_order.input(pl, &ev);
}

static void drag(struct rig_screen *sc, struct player *pl, int from, int to, struct ui_rect area)
{
	const struct ui_elem *a = place(sc, from), *b = place(sc, to);
	int x0 = a->rect.x + a->rect.w / 2, y0 = a->rect.y + a->rect.h / 2;
	int x1 = b->rect.x + b->rect.w / 2, y1 = b->rect.y + b->rect.h / 2;
	event(pl, UI_EV_POINTER_DOWN, x0, y0);
	for (int i = 1; i <= 4; i++) {
		event(pl, UI_EV_POINTER_MOVE, x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4);
		rig_lay_view(sc, &view_order, pl, area); /* the card follows the pointer */
	}
	event(pl, UI_EV_POINTER_UP, x1, y1);
}

static bool order_is(const struct player *pl, const int *want)
{
	struct step_response r;
	if (!view_order.response(pl, &r))
		return false;
	for (int i = 0; i < r.n; i++)
		if (r.v[i] != want[i])
			return false;
	return true;
}

static void test_view(void)
{
	struct lrig_seen s = {0};
	struct lesson *l = parse(good, &s);
	if (!l)
		return;
	struct rig_screen sc;
	rig_screen_init(&sc, 0, 0, 4.0);
	struct player pl = {.lesson = l, .lang = "nl"};
	player_begin(&pl, 0);
	struct step_response r;
	CHECK(view_order.check_button);
	CHECK(view_order.response(&pl, &r) && r.n == 4);
	CHECK(!lesson_step_judge(&l->steps[0], &r)); /* never starts right */
	CHECK(order_is(&pl, (int[]){2, 0, 3, 1}));

	struct ui_rect area = {100, 300, 1200, 600};
	rig_lay_view(&sc, &view_order, &pl, area);
	rig_check_view(&sc, area, false);
	CHECK(place(&sc, 3) != NULL && place(&sc, 4) == NULL);
	CHECK(strstr(place(&sc, 1)->label, "Open de mail-app.") != NULL);
	CHECK(has_text(&sc, "Tap an item. Then tap the place where it goes."));

	/* tap-then-tap: item 0 (at place 2) to place 1 */
	view_order.tap(&pl, 1);
	CHECK(pl.pick == 0);
	rig_lay_view(&sc, &view_order, &pl, area);
	CHECK(has_text(&sc, "Now tap the place where it goes."));
	CHECK(place(&sc, 1)->bg.r == C_SELECTED.r && place(&sc, 1)->border_w > place(&sc, 0)->border_w);
	view_order.tap(&pl, 0);
	CHECK(pl.pick == -1 && order_is(&pl, (int[]){0, 2, 3, 1}));
	/* lifting and putting down again changes nothing */
	view_order.tap(&pl, 2);
	view_order.tap(&pl, 2);
	CHECK(pl.pick == -1 && order_is(&pl, (int[]){0, 2, 3, 1}));
	/* downwards: the items in between move up */
	view_order.tap(&pl, 1);
	view_order.tap(&pl, 3);
	CHECK(order_is(&pl, (int[]){0, 3, 1, 2}));
	view_order.tap(&pl, 99); /* nothing there */
	CHECK(pl.pick == -1);

	/* dragging item 1 (place 3) onto place 2, and item 3 to the end */
	rig_lay_view(&sc, &view_order, &pl, area);
	drag(&sc, &pl, 2, 1, area);
	CHECK(order_is(&pl, (int[]){0, 1, 3, 2}));
	rig_lay_view(&sc, &view_order, &pl, area);
	drag(&sc, &pl, 2, 3, area);
	CHECK(order_is(&pl, (int[]){0, 1, 2, 3}));
	CHECK(view_order.response(&pl, &r) && lesson_step_judge(&l->steps[0], &r));
	/* a press that hardly moves is no drag */
	rig_lay_view(&sc, &view_order, &pl, area);
	const struct ui_elem *e = place(&sc, 0);
	event(&pl, UI_EV_POINTER_DOWN, e->rect.x + 50, e->rect.y + 40);
	event(&pl, UI_EV_POINTER_MOVE, e->rect.x + 55, e->rect.y + 44);
	event(&pl, UI_EV_POINTER_UP, e->rect.x + 55, e->rect.y + 44);
	CHECK(order_is(&pl, (int[]){0, 1, 2, 3}));

	/* Try again: the same shuffle; at rung 3 each item shows its place */
	player_begin(&pl, 0);
	pl.hints = 3;
	CHECK(order_is(&pl, (int[]){2, 0, 3, 1}));
	rig_lay_view(&sc, &view_order, &pl, area);
	rig_check_view(&sc, area, false);
	int tags = 0;
	for (int i = 0; i < sc.dl.n; i++)
		if (sc.dl.v[i].text && sc.dl.v[i].bg.r == C_RIGHT_BG.r && sc.dl.v[i].bg.g == C_RIGHT_BG.g)
			tags += !strcmp(sc.dl.v[i].text, "1") + !strcmp(sc.dl.v[i].text, "2") + !strcmp(sc.dl.v[i].text, "3") +
			        !strcmp(sc.dl.v[i].text, "4");
	CHECK(tags == 4);

	/* a low area: two columns, still inside it */
	struct ui_rect low = {100, 300, 1200, 320};
	rig_lay_view(&sc, &view_order, &pl, low);
	rig_check_view(&sc, low, false);
	CHECK(place(&sc, 2)->rect.x > place(&sc, 0)->rect.x);

	/* answered: nothing to tap */
	pl.answered = pl.right = true;
	rig_lay_view(&sc, &view_order, &pl, area);
	for (int i = 0; i < sc.dl.n; i++)
		CHECK(!sc.dl.v[i].tappable);
	arena_finish(&sc.arena);
	lesson_destroy(l);
}

/* Every item count: a permutation, and no item in its right place. */
static void test_shuffles(void)
{
	for (int n = 3; n <= 6; n++) {
		char buf[8192];
		char items[2048] = "";
		for (int i = 0; i < n; i++)
			snprintf(items + strlen(items), sizeof items - strlen(items),
			         "      - text: { nl: \"Stap %d\", en: \"Step %d\" }\n", i, i);
		const char *from = strstr(good, "    items:\n") + strlen("    items:\n");
		const char *to = strstr(good, "    feedback:\n");
		snprintf(buf, sizeof buf, "%.*s%s%s", (int)(from - good), good, items, to);
		struct lrig_seen s = {0};
		struct lesson *l = parse(buf, &s);
		CHECK(l != NULL);
		if (!l)
			continue;
		struct player pl = {.lesson = l, .lang = "nl"};
		player_begin(&pl, 0);
		struct step_response r;
		CHECK(view_order.response(&pl, &r) && r.n == n);
		bool seen_item[6] = {false};
		for (int k = 0; k < r.n; k++) {
			CHECK(r.v[k] >= 0 && r.v[k] < n && !seen_item[r.v[k]]);
			if (r.v[k] >= 0 && r.v[k] < n)
				seen_item[r.v[k]] = true;
			CHECK(r.v[k] != k);
		}
		CHECK(!lesson_step_judge(&l->steps[0], &r));
		lesson_destroy(l);
	}
}

int main(void)
{
	test_parse();
	test_errors();
	test_judge();
	test_view();
	test_shuffles();
	return test_done();
}
