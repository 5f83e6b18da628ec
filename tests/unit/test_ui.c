/* The ui layer without a display: line breaking and the pointer model with
 * a fake font, then every screen of the learner's path laid out at two
 * screen sizes and checked against the rules of UX.md: sizes of tappable
 * things, text size, contrast, nothing off screen or overlapping, every
 * tappable thing labelled. */
#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/ui.h"
#include "test.h"

#include <dirent.h>
#include <math.h>
#include <stdbool.h>

/* Every code point is half the text size wide. */
static int fake_width(void *ud, const char *s, size_t n, int px, bool bold)
{
	(void)ud;
	(void)bold;
	int count = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			count++;
	return count * px / 2;
}

static const struct ui_text_metrics fake = {.width = fake_width};

static void test_wrap(void)
{
	struct arena a;
	arena_init(&a);
	struct ui_line *lines;
	bool rtl;
	/* 20 px wide letters, 200 px: 10 letters a line. */
	int n = ui_text_wrap(&fake, &a, "aaaa bbbb cccc dddd", 40, false, 200, &lines, &rtl);
	CHECK(n == 2);
	CHECK(!rtl);
	CHECK(lines[0].off == 0 && lines[0].len == 9); /* "aaaa bbbb", trailing space dropped */
	CHECK(lines[1].off == 10 && lines[1].len == 9);
	CHECK(lines[0].w == 180 && lines[1].y == 60 && lines[1].h == 60);
	n = ui_text_wrap(&fake, &a, "een\ntwee", 40, false, 1000, &lines, &rtl);
	CHECK(n == 2 && lines[0].len == 3 && lines[1].off == 4);
	/* A word longer than the line is cut, never lost. */
	n = ui_text_wrap(&fake, &a, "abcdefghijklmnopqrstuvwxyz", 40, false, 200, &lines, &rtl);
	CHECK(n == 3);
	int total = 0;
	for (int i = 0; i < n; i++) {
		total += lines[i].len;
		CHECK(lines[i].w <= 200);
	}
	CHECK(total == 26);
	n = ui_text_wrap(&fake, &a, "", 40, false, 200, &lines, &rtl);
	CHECK(n == 1 && lines[0].len == 0);
	n = ui_text_wrap(&fake, &a, "مرحبا بك في ليربليك", 40, false, 2000, &lines, &rtl);
	CHECK(n == 1 && rtl);
	n = ui_text_wrap(&fake, &a, "12 مرحبا", 40, false, 2000, &lines, &rtl);
	CHECK(rtl); /* the first strong character decides */
	/* Hyphenated compounds may break after the hyphen (UAX #14). */
	n = ui_text_wrap(&fake, &a, "wachtwoord-manager", 40, false, 240, &lines, &rtl);
	CHECK(n == 2 && lines[0].len == 11);
	arena_finish(&a);
}

static void test_pointer(void)
{
	struct ui_pointer p;
	struct ui_gesture g[2];
	ui_pointer_init(&p, 20);
	struct ui_event down = {.type = UI_EV_POINTER_DOWN, .time_ms = 1000, .x = 100, .y = 100, .pointer = -1};
	struct ui_event up = {.type = UI_EV_POINTER_UP, .time_ms = 1100, .x = 110, .y = 95, .pointer = -1};
	CHECK(ui_pointer_feed(&p, &down, g) == 1 && g[0].type == UI_GESTURE_PRESS);
	CHECK(ui_pointer_deadline(&p) == 1000 + UI_LONG_PRESS_MS);
	CHECK(ui_pointer_feed(&p, &up, g) == 1 && g[0].type == UI_GESTURE_TAP); /* moved 10 px: still a tap */
	CHECK(ui_pointer_deadline(&p) == -1);

	/* Long press fires on the tick, then the release follows. */
	ui_pointer_feed(&p, &down, g);
	CHECK(ui_pointer_tick(&p, 1000 + UI_LONG_PRESS_MS - 1, g) == 0);
	CHECK(ui_pointer_tick(&p, 1000 + UI_LONG_PRESS_MS, g) == 1 && g[0].type == UI_GESTURE_LONG_PRESS);
	CHECK(ui_pointer_tick(&p, 5000, g) == 0); /* only once */
	up.time_ms = 3000;
	CHECK(ui_pointer_feed(&p, &up, g) == 1 && g[0].type == UI_GESTURE_RELEASE);

	/* A finger that stays down past the time without a tick: long press. */
	struct ui_event fdown = {.type = UI_EV_POINTER_DOWN, .time_ms = 0, .x = 5, .y = 5, .pointer = 7};
	struct ui_event fup = {.type = UI_EV_POINTER_UP, .time_ms = 2000, .x = 5, .y = 5, .pointer = 7};
	ui_pointer_feed(&p, &fdown, g);
	CHECK(ui_pointer_feed(&p, &fup, g) == 2 && g[0].type == UI_GESTURE_LONG_PRESS && g[1].type == UI_GESTURE_RELEASE);

	/* Drag: past the tolerance it becomes a drag, and a second finger is ignored. */
	ui_pointer_feed(&p, &fdown, g);
	struct ui_event other = {.type = UI_EV_POINTER_DOWN, .time_ms = 10, .x = 500, .y = 500, .pointer = 8};
	CHECK(ui_pointer_feed(&p, &other, g) == 0);
	struct ui_event move = {.type = UI_EV_POINTER_MOVE, .time_ms = 50, .x = 60, .y = 5, .pointer = 7};
	CHECK(ui_pointer_feed(&p, &move, g) == 2 && g[0].type == UI_GESTURE_DRAG_START && g[1].type == UI_GESTURE_DRAG_MOVE);
	CHECK(g[1].x0 == 5 && g[1].x == 60);
	CHECK(ui_pointer_tick(&p, 5000, g) == 0); /* no long press while dragging */
	struct ui_event otherup = {.type = UI_EV_POINTER_UP, .time_ms = 60, .x = 500, .y = 500, .pointer = 8};
	CHECK(ui_pointer_feed(&p, &otherup, g) == 0);
	fup.x = 90;
	CHECK(ui_pointer_feed(&p, &fup, g) == 1 && g[0].type == UI_GESTURE_DRAG_END && g[0].x == 90);
	struct ui_event cancel = {.type = UI_EV_POINTER_CANCEL};
	ui_pointer_feed(&p, &down, g);
	CHECK(ui_pointer_feed(&p, &cancel, g) == 1 && g[0].type == UI_GESTURE_CANCEL);
}

static void test_contrast(void)
{
	struct ui_color black = {0, 0, 0, 255}, white = {255, 255, 255, 255};
	CHECK(fabs(ui_contrast(black, white) - 21.0) < 0.01);
	CHECK(fabs(ui_contrast(white, white) - 1.0) < 0.01);
	struct ui_color grey = {0x76, 0x76, 0x76, 255};
	CHECK(fabs(ui_contrast(grey, white) - 4.54) < 0.02); /* the WCAG example value */
}

/* ---- the screens ---- */

struct rig {
	struct ui_app *app;
	int w, h;
	double u;
	int64_t t;
	int screens;
};

static const struct ui_elem *find(const struct ui_drawlist *dl, const char *label, bool tappable)
{
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < dl->n; i++) {
			const struct ui_elem *e = &dl->v[i];
			if (tappable && (!e->tappable || !e->action))
				continue;
			const char *t = e->label ? e->label : e->text;
			if (t && (pass == 0 ? !strcmp(t, label) : strstr(t, label) != NULL))
				return e;
		}
	return NULL;
}

static bool visible(struct rig *r, const char *text)
{
	return find(ui_app_frame(r->app), text, false) != NULL;
}

static bool overlap(struct ui_rect a, struct ui_rect b)
{
	return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

static size_t chars(const char *s, int n)
{
	size_t c = 0;
	for (int i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			c++;
	return c;
}

/* The rules every screen keeps. */
static void check_screen(struct rig *r, const char *where)
{
	const struct ui_drawlist *dl = ui_app_frame(r->app);
	int fails = test_failed;
	double min_tap = 20 * r->u - 1; /* main actions; keys and tiles too */
	int body_px = (int)lround(9 * r->u);
	bool modal = false;
	for (int i = 0; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		if (e->role == UI_ROLE_PANEL && e->tappable && e->bg.a < 255)
			modal = true; /* a veil: what is under it is not reachable */
		struct ui_rect q = e->rect;
		CHECK(q.x >= 0 && q.y >= 0 && q.x + q.w <= r->w && q.y + q.h <= r->h);
		if (e->tappable && e->action) {
			CHECK(q.w >= min_tap && q.h >= min_tap);
			CHECK(e->label && e->label[0]);
			for (int j = i + 1; j < dl->n; j++)
				if (dl->v[j].tappable && dl->v[j].action && !modal)
					CHECK(!overlap(q, dl->v[j].rect));
		}
		if (e->text && e->n_lines) {
			CHECK(e->text_px >= body_px);
			CHECK(ui_contrast(e->fg, e->bg) >= 7.0);
			for (int k = 0; k < e->n_lines; k++) {
				const struct ui_line *l = &e->lines[k];
				CHECK(l->x >= q.x && l->x + l->w <= q.x + q.w);
				CHECK(chars(e->text + l->off, l->len) <= 62);
			}
		}
		if (e->tappable && e->action && e->border_w > 0 && e->role != UI_ROLE_KEY)
			CHECK(ui_contrast(e->border, dl->clear) >= 3.0 || ui_contrast(e->bg, dl->clear) >= 3.0);
	}
	if (test_failed > fails)
		fprintf(stderr, "  on screen: %s at %dx%d\n", where, r->w, r->h);
	r->screens++;
}

static bool tap(struct rig *r, const char *label)
{
	const struct ui_elem *e = find(ui_app_frame(r->app), label, true);
	if (!e) {
		fprintf(stderr, "nothing tappable labelled '%s'\n", label);
		CHECK(e != NULL);
		return false;
	}
	int x = e->rect.x + e->rect.w / 2, y = e->rect.y + e->rect.h / 2;
	struct ui_event ev = {.type = UI_EV_POINTER_DOWN, .time_ms = r->t, .x = x, .y = y, .pointer = -1};
	ui_app_input(r->app, &ev);
	ev.type = UI_EV_POINTER_UP;
	ev.time_ms = r->t += 80;
	ui_app_input(r->app, &ev);
	r->t += 1000;
	return true;
}

static void type(struct rig *r, const char *s)
{
	struct ui_event ev = {.type = UI_EV_TEXT};
	snprintf(ev.text, sizeof ev.text, "%s", s);
	ui_app_input(r->app, &ev);
}

static void walk(const char *lessons_dir, int w, int h)
{
	char tmpl[] = "/tmp/lp-ui-XXXXXX", err[600];
	char *dir = mkdtemp(tmpl);
	struct store *s = store_open(dir, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	struct lesson_diag d = {0};
	struct lesson_set set;
	const char *paths[] = {lessons_dir};
	lesson_set_load(&set, paths, 1, &d);
	CHECK(set.n >= 2 && d.errors == 0);
	const struct lesson *l = lesson_set_find(&set, "tap-hold-drag");
	CHECK(l != NULL);
	if (!l)
		return;
	ui_i18n_set_language("en");
	struct rig r = {.w = w, .h = h, .u = 4.0 * fmin(w / 1920.0, h / 1080.0), .t = 1000};
	struct ui_app_config cfg = {.store = s, .lessons = &set, .lang = "en", .metrics = fake, .w = w, .h = h,
	                            .px_per_mm = r.u};
	r.app = ui_app_create(&cfg);
	CHECK(visible(&r, "Welcome!"));
	check_screen(&r, "start, empty");
	tap(&r, "I am new");
	CHECK(visible(&r, "What is your first name?"));
	check_screen(&r, "name");
	CHECK(find(ui_app_frame(r.app), "Next", true) == NULL); /* no name, no way on */
	tap(&r, "K"); /* the keyboard starts with capitals */
	CHECK(find(ui_app_frame(r.app), "e", true) != NULL); /* and then goes back to small letters */
	type(&r, "ee");
	tap(&r, "Erase");
	tap(&r, "s");
	CHECK(visible(&r, "Kes"));
	check_screen(&r, "name typed");
	tap(&r, "Next");
	CHECK(visible(&r, "Kes, pick a picture for yourself."));
	CHECK(find(ui_app_frame(r.app), "Done", true) == NULL);
	tap(&r, "Boat");
	check_screen(&r, "avatar");
	tap(&r, "Done");
	CHECK(visible(&r, "Hello Kes"));
	check_screen(&r, "home");

	/* The whole lesson, with one wrong answer on the first question. */
	tap(&r, l->title.s[1]);
	int questions = 0;
	for (int i = 0; i < l->n_steps; i++) {
		const struct lesson_step *st = &l->steps[i];
		char step[32];
		snprintf(step, sizeof step, "Step %d of %d", i + 1, l->n_steps);
		CHECK(visible(&r, step));
		if (st->type == LESSON_STEP_EXPLAIN) {
			check_screen(&r, "explain");
			tap(&r, "Next");
			continue;
		}
		questions++;
		check_screen(&r, "choice");
		if (questions == 1) {
			for (int k = 0; k < st->n_answers; k++)
				if (!st->answers[k].correct) {
					tap(&r, st->answers[k].text.s[1]);
					break;
				}
			CHECK(visible(&r, "Not quite."));
			CHECK(visible(&r, st->wrong.s[1]));
			check_screen(&r, "wrong");
			tap(&r, "Try again");
		}
		for (int k = 0; k < st->n_answers; k++)
			if (st->answers[k].correct)
				tap(&r, st->answers[k].text.s[1]);
		if (st->multiple)
			tap(&r, "Check");
		CHECK(visible(&r, "Well done!"));
		CHECK(visible(&r, st->right.s[1]));
		check_screen(&r, "right");
		tap(&r, "Next");
	}
	CHECK(visible(&r, "Well done, Kes!"));
	char score[64];
	snprintf(score, sizeof score, "%d of %d questions right the first time.", questions - 1, questions);
	CHECK(visible(&r, score));
	check_screen(&r, "end");
	tap(&r, "My lessons");
	CHECK(visible(&r, "Practised"));
	check_screen(&r, "home after");
	struct store_learner *list;
	CHECK(store_learner_list(s, &list) == 1 && list[0].lessons_done == 1);
	free(list);

	/* Stop in the middle of a lesson; the home screen offers the way back. */
	tap(&r, "A strong password");
	tap(&r, "Next");
	tap(&r, "Next");
	tap(&r, "Stop");
	CHECK(visible(&r, "Tap your name"));
	check_screen(&r, "start");
	tap(&r, "Kes");
	CHECK(visible(&r, "Go on with A strong password, step 3 of"));
	tap(&r, "Go on with");
	CHECK(visible(&r, "Step 3 of"));
	tap(&r, "Stop");

	/* Many learners: pages of at most 12 tiles. */
	char id[LP_ID_LEN + 1];
	for (int i = 0; i < 13; i++) {
		char name[16];
		snprintf(name, sizeof name, "Zz%02d", i);
		CHECK(store_learner_add(s, name, i % 12, id));
	}
	tap(&r, "Kes"); /* in and out again: the start screen reads the list anew */
	tap(&r, "Stop");
	CHECK(visible(&r, "Page 1 of 2"));
	CHECK(!visible(&r, "Zz12"));
	tap(&r, "Next"); /* a page forward */
	CHECK(visible(&r, "Zz12"));
	CHECK(visible(&r, "Page 2 of 2"));
	check_screen(&r, "start page 2");
	ui_app_notice(r.app, "A lesson file could not be read and was left out: lessons/x/lesson.yaml.");
	check_screen(&r, "notice");
	tap(&r, "OK");
	CHECK(!visible(&r, "was left out"));
	ui_app_destroy(r.app);

	cfg.store = NULL;
	cfg.fatal = "Leerplek cannot save work in /nowhere.";
	r.app = ui_app_create(&cfg);
	CHECK(visible(&r, "This screen cannot be used right now."));
	CHECK(visible(&r, "/nowhere"));
	check_screen(&r, "fatal");
	ui_app_destroy(r.app);
	CHECK(r.screens >= 20);
	lesson_set_finish(&set);
	store_destroy(s);
}

/* Every step of every lesson in dir (the step-type fixtures), fresh and at
 * the top of the hint ladder, keeps the rules of check_screen. Steps are
 * reached by saving the learner's place and choosing "Go on". */
static void walk_steps(const char *dir, int w, int h)
{
	char tmpl[] = "/tmp/lp-steps-XXXXXX", err[600];
	char *data = mkdtemp(tmpl);
	struct store *s = store_open(data, err, sizeof err);
	CHECK(s != NULL);
	if (!s)
		return;
	struct lesson_diag d = {0};
	struct lesson_set set;
	const char *paths[] = {dir};
	lesson_set_load_cards(&set, paths, 1, &d);
	CHECK(d.errors == 0);
	char id[LP_ID_LEN + 1];
	CHECK(store_learner_add(s, "Ali", 2, id));
	ui_i18n_set_language("en");
	struct rig r = {.w = w, .h = h, .u = 4.0 * fmin(w / 1920.0, h / 1080.0), .t = 1000};
	struct ui_app_config cfg = {.store = s, .lessons = &set, .lang = "en", .metrics = fake, .w = w, .h = h,
	                            .px_per_mm = r.u};
	r.app = ui_app_create(&cfg);
	int steps = 0;
	for (int i = 0; i < set.n; i++) {
		const struct lesson *l = set.items[i];
		for (int k = 0; k < l->n_steps; k++) {
			char where[128];
			CHECK(store_progress_set(s, id, l->id, l->version, k == 0 ? 0 : k, false));
			tap(&r, "Ali");
			if (k == 0)
				tap(&r, l->title.s[1]);
			else
				tap(&r, "Go on with");
			char step[32];
			snprintf(step, sizeof step, "Step %d of %d", k + 1, l->n_steps);
			CHECK(visible(&r, step));
			snprintf(where, sizeof where, "%s step %d", l->id, k + 1);
			check_screen(&r, where);
			if (find(ui_app_frame(r.app), "Tip", true)) {
				tap(&r, "Tip");
				tap(&r, "Tip");
				tap(&r, "Tip");
				snprintf(where, sizeof where, "%s step %d, answer shown", l->id, k + 1);
				check_screen(&r, where);
			}
			tap(&r, "Stop");
			steps++;
		}
	}
	CHECK(steps >= set.n);
	ui_app_destroy(r.app);
	lesson_set_finish(&set);
	store_destroy(s);
}

/* Each type's fixtures, one folder at a time (one home page each). */
static void walk_step_folders(const char *root, int w, int h)
{
	DIR *d = opendir(root);
	CHECK(d != NULL);
	if (!d)
		return;
	int n = 0;
	for (struct dirent *e; (e = readdir(d));) {
		if (e->d_name[0] == '.')
			continue;
		char path[1024];
		snprintf(path, sizeof path, "%s/%s", root, e->d_name);
		walk_steps(path, w, h);
		n++;
	}
	closedir(d);
	CHECK(n >= 1);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: test-ui LESSONS_DIR\n");
		return 2;
	}
	ui_i18n_init("/nonexistent"); /* English msgids, no catalogue */
	test_wrap();
	test_pointer();
	test_contrast();
	walk(argv[1], 1920, 1080);
	walk(argv[1], 1280, 800);
	walk(argv[1], 1024, 768);
	if (argc > 2) {
		walk_step_folders(argv[2], 1920, 1080);
		walk_step_folders(argv[2], 1280, 800);
	}
	return test_done();
}
