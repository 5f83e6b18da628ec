/* Step `match`: the parser's checks (line, column and words of each
 * problem), the judge, and the view: the right column never starts beside
 * its own left items, tap-then-tap joins either way round, a tap on a
 * joined item undoes its pair, dragging joins, the response lists the
 * joins, and the cards keep the screen rules with the answer shown. */
#include "../../app/core/lesson.h"
#include "../../app/ui/player.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <stdbool.h>

/* The example of lessons/FORMAT.md. */
static const char good[] =
	"id: match-test\n"
	"version: 1\n"
	"title: {nl: \"Paren\", en: \"Pairs\"}\n"
	"summary: {nl: \"Kort\", en: \"Short\"}\n"
	"competences: [\"2.1\"]\n"
	"roles: [worker]\n"
	"minutes: 3\n"
	"steps:\n"
	"  - type: match\n"
	"    question:\n"
	"      nl: \"Wat hoort bij elkaar? Tik links op een woord en dan rechts op de uitleg.\"\n"
	"      en: \"What belongs together? Tap a word on the left, then its meaning on the right.\"\n"
	"    pairs:\n"
	"      - left: { nl: \"Wachtwoord\", en: \"Password\" }\n"
	"        right: { nl: \"Een geheim woord om in te loggen\", en: \"A secret word to log in\" }\n"
	"      - left: { nl: \"Afzender\", en: \"Sender\" }\n"
	"        right: { nl: \"Wie het bericht stuurt\", en: \"Who sends the message\" }\n"
	"      - left: { nl: \"Link\", en: \"Link\" }\n"
	"        right: { nl: \"Tekst waarop je tikt om een website te openen\", en: \"Text you tap to open a website\" }\n"
	"    feedback:\n"
	"      right: {nl: \"Goed!\", en: \"Well done!\"}\n"
	"      wrong: {nl: \"Nog niet.\", en: \"Not yet.\"}\n";

static struct lesson *parse(const char *text, struct lrig_seen *seen)
{
	struct lesson *l = lrig_parse("match.yaml", text, seen);
	CHECK(seen->errors == seen->n || seen->n == LRIG_MAX);
	return l;
}

static void expect_error(const char *from, const char *to, int line, int col, const char *words)
{
	lrig_expect_error(good, parse, from, to, line, col, words);
}

/* good with n pairs "Woord i" / "Uitleg i" instead of its own. */
static struct lesson *with_pairs(int n)
{
	char buf[8192], pairs[4096] = "";
	for (int i = 0; i < n; i++)
		snprintf(pairs + strlen(pairs), sizeof pairs - strlen(pairs),
		         "      - left: { nl: \"Woord %d\", en: \"Word %d\" }\n"
		         "        right: { nl: \"Uitleg %d\", en: \"Meaning %d\" }\n",
		         i, i, i, i);
	const char *from = strstr(good, "    pairs:\n") + strlen("    pairs:\n");
	const char *to = strstr(good, "    feedback:\n");
	snprintf(buf, sizeof buf, "%.*s%s%s", (int)(from - good), good, pairs, to);
	struct lrig_seen s = {0};
	return parse(buf, &s);
}

static void test_parse(void)
{
	struct lrig_seen s = {0};
	struct lesson *l = parse(good, &s);
	CHECK(l != NULL && s.n == 0 && s.warnings == 0);
	if (!l)
		return;
	const struct lesson_step *st = &l->steps[0];
	const struct lesson_text *right = st->data;
	CHECK(st->type == LESSON_STEP_MATCH);
	CHECK(lesson_step_is_question(st));
	CHECK(st->n_answers == 3 && right != NULL);
	CHECK_STR(lesson_str(l, &st->answers[1].text, "nl"), "Afzender");
	CHECK_STR(lesson_str(l, &right[1], "en"), "Who sends the message");
	CHECK_STR(lesson_str(l, &right[2], "nl"), "Tekst waarop je tikt om een website te openen");
	lesson_destroy(l);
	for (int n = 2; n <= 5; n++) {
		l = with_pairs(n);
		CHECK(l != NULL && l->steps[0].n_answers == n);
		lesson_destroy(l);
	}
}

static void test_errors(void)
{
	expect_error("      - left: { nl: \"Afzender\", en: \"Sender\" }\n"
	             "        right: { nl: \"Wie het bericht stuurt\", en: \"Who sends the message\" }\n"
	             "      - left: { nl: \"Link\", en: \"Link\" }\n",
	             "", 14, 7, "give 2 to 5, not 1");
	char six[4096] = "";
	for (int i = 0; i < 3; i++)
		snprintf(six + strlen(six), sizeof six - strlen(six),
		         "      - left: { nl: \"Extra %d\", en: \"More %d\" }\n        right: { nl: \"Nog %d\", en: \"And %d\" }\n",
		         i, i, i, i);
	expect_error("    feedback:\n", strcat(six, "    feedback:\n"), 14, 7, "give 2 to 5, not 6");
	expect_error("    pairs:\n", "    paren:\n", 13, 5, "unknown key 'paren'");
	expect_error("        right: { nl: \"Wie het bericht stuurt\", en: \"Who sends the message\" }\n", "", 16, 9,
	             "no 'right'");
	expect_error("      - left: { nl: \"Link\", en: \"Link\" }\n        right",
	             "      - links: { nl: \"Link\", en: \"Link\" }\n        right", 18, 9, "unknown key 'links'");
	expect_error("      - left: { nl: \"Link\", en: \"Link\" }\n        right",
	             "      - right", 18, 9, "no 'left'");
	expect_error("{ nl: \"Link\", en: \"Link\" }", "{ nl: \"Afzender\", en: \"Link\" }", 18, 21,
	             "same 'nl' text as the left item of pair 2");
	expect_error("en: \"Text you tap to open a website\"", "en: \"A secret word to log in\"", 19, 75,
	             "same 'en' text as the right item of pair 1");
	expect_error("nl: \"Link\"", "nl: \"Een link, een stukje tekst om op te tikken\"", 18, 21, "at most 40");
	expect_error("nl: \"Wie het bericht stuurt\"",
	             "nl: \"Wie het bericht stuurt: de naam of het adres bovenaan in de mail\"", 17, 22, "at most 60");
	expect_error("      - left: { nl: \"Link\", en: \"Link\" }\n"
	             "        right: { nl: \"Tekst waarop je tikt om een website te openen\", en: \"Text you tap to open a "
	             "website\" }\n",
	             "      - \"Link: tekst waarop je tikt\"\n", 18, 9, "must be a set of keys");
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
	CHECK(judge(st, 3, (int[]){0, 1, 2}));
	CHECK(!judge(st, 3, (int[]){1, 0, 2}));
	CHECK(!judge(st, 3, (int[]){0, 1, -1}));
	CHECK(!judge(st, 2, (int[]){0, 1}));
	CHECK(!judge(st, 4, (int[]){0, 1, 2, 3}));
	CHECK(!judge(st, 3, (int[]){0, 0, 0}));
	lesson_destroy(l);
}

/* ---- the view ---- */

#define RIGHT 10 /* tap argument of right item 0, as in view_match.c */

static const struct ui_elem *card(const struct rig_screen *sc, int arg)
{
	for (int i = 0; i < sc->dl.n; i++)
		if (sc->dl.v[i].tappable && sc->dl.v[i].action == PLAYER_A_VIEW && sc->dl.v[i].arg == arg)
			return &sc->dl.v[i];
	return NULL;
}

static int count_text(const struct rig_screen *sc, const char *t)
{
	int n = 0;
	for (int i = 0; i < sc->dl.n; i++)
		n += sc->dl.v[i].text && !strcmp(sc->dl.v[i].text, t);
	return n;
}

static bool joins_are(const struct player *pl, const int *want)
{
	struct step_response r;
	view_match.response(pl, &r);
	for (int i = 0; i < r.n; i++)
		if (r.v[i] != want[i])
			return false;
	return true;
}

static void event(struct player *pl, enum ui_event_type type, int x, int y)
{
	struct ui_event ev = {.type = type, .x = x, .y = y, .pointer = -1};
	view_match.input(pl, &ev);
}

static void drag(struct rig_screen *sc, struct player *pl, int from, int to, struct ui_rect area)
{
	const struct ui_elem *a = card(sc, from), *b = card(sc, to);
	int x0 = a->rect.x + a->rect.w / 2, y0 = a->rect.y + a->rect.h / 2;
	int x1 = b->rect.x + b->rect.w / 2, y1 = b->rect.y + b->rect.h / 2;
	event(pl, UI_EV_POINTER_DOWN, x0, y0);
	for (int i = 1; i <= 4; i++) {
		event(pl, UI_EV_POINTER_MOVE, x0 + (x1 - x0) * i / 4, y0 + (y1 - y0) * i / 4);
		rig_lay_view(sc, &view_match, pl, area);
		rig_check_view(sc, area, true);
	}
	event(pl, UI_EV_POINTER_UP, x1, y1);
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
	CHECK(view_match.check_button);
	CHECK(!view_match.response(&pl, &r)); /* nothing joined: no Check yet */

	struct ui_rect area = {100, 300, 1200, 600};
	rig_lay_view(&sc, &view_match, &pl, area);
	rig_check_view(&sc, area, true);
	/* left items in the written order, right ones shuffled: none beside its own */
	for (int i = 0; i < 3; i++) {
		const struct ui_elem *left = card(&sc, i), *right = card(&sc, RIGHT + i);
		CHECK(left && right && right->rect.x > left->rect.x);
		if (left && right)
			CHECK(right->rect.y != left->rect.y);
		if (i)
			CHECK(left && card(&sc, i - 1) && left->rect.y > card(&sc, i - 1)->rect.y);
	}
	CHECK(count_text(&sc, "Tap one on the left, then its partner on the right.") == 1);

	/* left, then right */
	view_match.tap(&pl, 0);
	CHECK(pl.pick == 0);
	rig_lay_view(&sc, &view_match, &pl, area);
	CHECK(card(&sc, 0)->bg.r == C_SELECTED.r && card(&sc, 0)->border_w > card(&sc, 1)->border_w);
	CHECK(count_text(&sc, "Now tap its partner on the right.") == 1);
	view_match.tap(&pl, RIGHT + 1);
	CHECK(pl.pick == -1 && joins_are(&pl, (int[]){1, -1, -1}));
	rig_lay_view(&sc, &view_match, &pl, area);
	CHECK(count_text(&sc, "1") == 2); /* the pair's number on both */
	CHECK(strstr(card(&sc, 0)->label, "pair 1") && strstr(card(&sc, RIGHT + 1)->label, "pair 1"));
	CHECK(card(&sc, 0)->border.r == card(&sc, RIGHT + 1)->border.r &&
	      card(&sc, 0)->border.b == card(&sc, RIGHT + 1)->border.b);
	/* right, then left */
	view_match.tap(&pl, RIGHT + 0);
	CHECK(pl.pick == RIGHT + 0);
	rig_lay_view(&sc, &view_match, &pl, area);
	CHECK(count_text(&sc, "Now tap its partner on the left.") == 1);
	view_match.tap(&pl, 1);
	CHECK(joins_are(&pl, (int[]){1, 0, -1}));
	/* a lifted item is put down by tapping it again; another on its side takes its place */
	view_match.tap(&pl, 2);
	view_match.tap(&pl, 2);
	CHECK(pl.pick == -1);
	view_match.tap(&pl, RIGHT + 2);
	/* tapping a joined item on the same side as the lifted one undoes that pair */
	view_match.tap(&pl, RIGHT + 0);
	CHECK(pl.pick == -1 && joins_are(&pl, (int[]){1, -1, -1}));
	/* tapping a joined item undoes its pair */
	view_match.tap(&pl, RIGHT + 1);
	CHECK(pl.pick == -1 && joins_are(&pl, (int[]){-1, -1, -1}));
	/* joining a right item that is joined moves it */
	view_match.tap(&pl, 2);
	view_match.tap(&pl, RIGHT + 0);
	view_match.tap(&pl, 0);
	view_match.tap(&pl, RIGHT + 0);
	CHECK(joins_are(&pl, (int[]){0, -1, -1}));
	/* joining a joined left item to another right one moves it too */
	view_match.tap(&pl, RIGHT + 2);
	view_match.tap(&pl, 0);
	CHECK(joins_are(&pl, (int[]){2, -1, -1}));
	view_match.tap(&pl, 77); /* nothing there */
	view_match.tap(&pl, RIGHT + 7);
	CHECK(pl.pick == -1);

	/* dragging: left onto right, and right onto left */
	rig_lay_view(&sc, &view_match, &pl, area);
	drag(&sc, &pl, 1, RIGHT + 1, area);
	CHECK(joins_are(&pl, (int[]){2, 1, -1}));
	CHECK(!view_match.response(&pl, &r));
	rig_lay_view(&sc, &view_match, &pl, area);
	drag(&sc, &pl, RIGHT + 0, 2, area);
	CHECK(joins_are(&pl, (int[]){2, 1, 0}));
	CHECK(view_match.response(&pl, &r) && !lesson_step_judge(&l->steps[0], &r));
	rig_lay_view(&sc, &view_match, &pl, area);
	CHECK(count_text(&sc, "Done? Tap Check. Or tap a pair to undo it.") == 1);
	/* a drag onto the same side joins nothing */
	drag(&sc, &pl, 0, 1, area);
	CHECK(joins_are(&pl, (int[]){2, 1, 0}));

	/* Try again: nothing joined; at rung 3 every card shows its pair's number */
	player_begin(&pl, 0);
	pl.hints = 3;
	CHECK(joins_are(&pl, (int[]){-1, -1, -1}));
	rig_lay_view(&sc, &view_match, &pl, area);
	rig_check_view(&sc, area, true);
	CHECK(count_text(&sc, "1") == 2 && count_text(&sc, "2") == 2 && count_text(&sc, "3") == 2);
	view_match.tap(&pl, 0);
	view_match.tap(&pl, RIGHT + 0);
	view_match.tap(&pl, RIGHT + 1);
	view_match.tap(&pl, 1);
	view_match.tap(&pl, 2);
	view_match.tap(&pl, RIGHT + 2);
	CHECK(view_match.response(&pl, &r) && lesson_step_judge(&l->steps[0], &r));
	pl.answered = pl.right = true;
	rig_lay_view(&sc, &view_match, &pl, area);
	for (int i = 0; i < sc.dl.n; i++)
		CHECK(!sc.dl.v[i].tappable);
	arena_finish(&sc.arena);
	lesson_destroy(l);

	/* five pairs in a low area still fit, tightly */
	l = with_pairs(5);
	if (!l)
		return;
	arena_init(&sc.arena);
	pl = (struct player){.lesson = l, .lang = "nl"};
	player_begin(&pl, 0);
	pl.hints = 3;
	struct ui_rect low = {100, 300, 1200, 470};
	rig_lay_view(&sc, &view_match, &pl, low);
	rig_check_view(&sc, low, true);
	arena_finish(&sc.arena);
	lesson_destroy(l);
}

/* Every pair count: a permutation in which no right item starts beside
 * its own left item. */
static void test_shuffles(void)
{
	struct rig_screen sc;
	rig_screen_init(&sc, 0, 0, 4.0);
	for (int n = 2; n <= 5; n++) {
		struct lesson *l = with_pairs(n);
		CHECK(l != NULL);
		if (!l)
			continue;
		struct player pl = {.lesson = l, .lang = "nl"};
		player_begin(&pl, 0);
		rig_lay_view(&sc, &view_match, &pl, (struct ui_rect){0, 0, 1200, 800});
		bool row_used[5] = {false};
		for (int i = 0; i < n; i++) {
			const struct ui_elem *left = card(&sc, i), *right = card(&sc, RIGHT + i);
			CHECK(left && right);
			if (!left || !right)
				continue;
			CHECK(left->rect.y != right->rect.y);
			for (int k = 0; k < n; k++)
				if (card(&sc, k)->rect.y == right->rect.y) {
					CHECK(!row_used[k]);
					row_used[k] = true;
				}
		}
		for (int k = 0; k < n; k++)
			CHECK(row_used[k]);
		lesson_destroy(l);
	}
	arena_finish(&sc.arena);
}

static void test_colours(void)
{
	/* The pair colours as the view draws them: white numbers on them at
	 * 7:1, and as card edges 3:1 against the page. */
	struct lrig_seen s = {0};
	struct lesson *l = with_pairs(5);
	(void)s;
	if (!l)
		return;
	struct rig_screen sc;
	rig_screen_init(&sc, 0, 0, 4.0);
	struct player pl = {.lesson = l, .lang = "nl"};
	player_begin(&pl, 0);
	for (int i = 0; i < 5; i++) {
		view_match.tap(&pl, i);
		view_match.tap(&pl, RIGHT + (i + 1) % 5);
	}
	rig_lay_view(&sc, &view_match, &pl, (struct ui_rect){0, 0, 1200, 900});
	rig_check_view(&sc, (struct ui_rect){0, 0, 1200, 900}, true);
	int numbers = 0;
	for (int i = 0; i < sc.dl.n; i++) {
		const struct ui_elem *e = &sc.dl.v[i];
		if (e->text && strlen(e->text) == 1 && e->fg.r == 255) {
			numbers++;
			CHECK(ui_contrast(e->fg, e->bg) >= 7.0);
		}
	}
	CHECK(numbers == 10);
	arena_finish(&sc.arena);
	lesson_destroy(l);
}

int main(void)
{
	test_parse();
	test_errors();
	test_judge();
	test_view();
	test_shuffles();
	test_colours();
	return test_done();
}
