/* The ui layer without a display: line breaking and the pointer model with
 * a fake font, then every screen of the learner's path laid out at two
 * screen sizes and checked against the rules of UX.md: sizes of tappable
 * things, text size, contrast, nothing off screen or overlapping, every
 * tappable thing labelled. */
#include "../../app/core/lesson.h"
#include "../../app/core/guard.h"
#include "../../app/core/store.h"
#include "../../app/core/sync.h"
#include "../../app/ui/ui.h"
#include "test.h"
#include "ui_rig.h"

#include <dirent.h>
#include <math.h>
#include <stdbool.h>

static void test_wrap(void)
{
	struct arena a;
	arena_init(&a);
	struct ui_line *lines;
	bool rtl;
	/* 20 px wide letters, 200 px: 10 letters a line. */
	int n = ui_text_wrap(&rig_fake, &a, "aaaa bbbb cccc dddd", 40, false, 200, &lines, &rtl);
	CHECK(n == 2);
	CHECK(!rtl);
	CHECK(lines[0].off == 0 && lines[0].len == 9); /* "aaaa bbbb", trailing space dropped */
	CHECK(lines[1].off == 10 && lines[1].len == 9);
	CHECK(lines[0].w == 180 && lines[1].y == 60 && lines[1].h == 60);
	n = ui_text_wrap(&rig_fake, &a, "een\ntwee", 40, false, 1000, &lines, &rtl);
	CHECK(n == 2 && lines[0].len == 3 && lines[1].off == 4);
	/* A word longer than the line is cut, never lost. */
	n = ui_text_wrap(&rig_fake, &a, "abcdefghijklmnopqrstuvwxyz", 40, false, 200, &lines, &rtl);
	CHECK(n == 3);
	int total = 0;
	for (int i = 0; i < n; i++) {
		total += lines[i].len;
		CHECK(lines[i].w <= 200);
	}
	CHECK(total == 26);
	n = ui_text_wrap(&rig_fake, &a, "", 40, false, 200, &lines, &rtl);
	CHECK(n == 1 && lines[0].len == 0);
	n = ui_text_wrap(&rig_fake, &a, "مرحبا بك في ليربليك", 40, false, 2000, &lines, &rtl);
	CHECK(n == 1 && rtl);
	n = ui_text_wrap(&rig_fake, &a, "12 مرحبا", 40, false, 2000, &lines, &rtl);
	CHECK(rtl); /* the first strong character decides */
	/* Hyphenated compounds may break after the hyphen (UAX #14). */
	n = ui_text_wrap(&rig_fake, &a, "wachtwoord-manager", 40, false, 240, &lines, &rtl);
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

/* The bar at the top shows a title of 60 characters (the most a lesson
 * title may have) whole: inside the bar, at least body size, on one or
 * two lines; at the reference screen, on a screen with a higher DPI and
 * in a narrow window. The old bar measured the title at half the screen
 * and centred that height, so a long title began above the screen. */
static void test_header(void)
{
	static const struct {
		int w, h;
		double u;
		int most_lines;
	} sizes[] = {{1920, 1080, 4.0, 1}, {1280, 800, 1280 / 480.0, 1}, {1920, 1080, 5.0, 2}, {1280, 800, 5.0, 2}};
	static const char *const titles[] = {
		"Wachtwoordbeheerders gebruiken en je gegevens veilig bewaren", /* 60 */
		"WWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWWW",  /* 60, in one word */
		"Een sterk wachtwoord",
	};
	for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++)
		for (size_t k = 0; k < sizeof titles / sizeof titles[0]; k++)
			for (int avatar = 0; avatar < 2; avatar++) {
				struct rig_screen sc;
				rig_screen_init(&sc, sizes[i].w, sizes[i].h, sizes[i].u);
				sc.dl = (struct ui_drawlist){.clear = C_BG};
				sc.b = (struct build){.arena = &sc.arena, .dl = &sc.dl, .metrics = &rig_fake, .u = sc.u};
				add_header(&sc.b, sc.w, titles[k], avatar ? "avatar:boat" : NULL);
				int bar = mm(&sc.b, MM_HEADER);
				const struct ui_elem *e = rig_find(&sc.dl, titles[k], false);
				CHECK(e != NULL);
				if (!e)
					continue;
				CHECK(e->rect.y >= 0 && e->rect.y + e->rect.h <= bar);
				CHECK(e->n_lines >= 1 && e->n_lines <= sizes[i].most_lines);
				CHECK(e->text_px >= mm(&sc.b, MM_TEXT));
				size_t shown = 0;
				for (int l = 0; l < e->n_lines; l++) {
					const struct ui_line *ln = &e->lines[l];
					CHECK(ln->y >= 0 && ln->y + ln->h <= bar);
					CHECK(ln->x >= e->rect.x && ln->x + ln->w <= e->rect.x + e->rect.w);
					shown += (size_t)ln->len;
				}
				CHECK(shown + (size_t)(e->n_lines - 1) >= strlen(titles[k]) - 1); /* nothing left out */
				/* clear of the button at the top right */
				CHECK(!rig_overlap(e->rect, top_right_rect(&sc.b, sc.w, "Stop"), 0));
				if (!(e->rect.y >= 0 && e->rect.y + e->rect.h <= bar))
					fprintf(stderr, "  title %zu at %dx%d, %.2f px/mm: y %d h %d in a bar of %d\n", k, sizes[i].w,
					        sizes[i].h, sizes[i].u, e->rect.y, e->rect.h, bar);
				rig_screen_finish(&sc);
			}
}

/* ---- the screens ---- */

/* The rules every screen of the app keeps; a veil (a modal panel) makes what
 * is under it unreachable, so overlaps there do not count. */
static const struct rig_rules rules = {.veil = true, .lines = true, .border = RIG_BORDER_KEYS};

static void walk(const char *lessons_dir, int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	if (!rig_open_store(&r, "lp-ui"))
		return;
	struct store *s = r.store;
	/* The first two lessons of the route as they were when this was written,
	 * frozen as fixtures beside the lessons folder: the curriculum may change. */
	char first[1024], second[1024];
	snprintf(first, sizeof first, "%s/../tests/ui/fixtures/basic/10-tap-hold-drag", lessons_dir);
	snprintf(second, sizeof second, "%s/../tests/ui/fixtures/basic/20-strong-password", lessons_dir);
	const char *paths[] = {first, second};
	struct lesson_diag d = {0};
	lesson_set_load(&r.set, paths, 2, &d);
	r.has_set = true;
	CHECK(d.errors == 0);
	CHECK(r.set.n == 2);
	const struct lesson *l = lesson_set_find(&r.set, "tap-hold-drag");
	CHECK(l != NULL);
	if (!l)
		return;
	rig_create(&r, s, &r.set);
	CHECK(rig_visible(&r, "Welcome!"));
	rig_check_screen(&r, "start, empty");
	rig_tap(&r, "I am new");
	CHECK(rig_visible(&r, "What is your first name?"));
	rig_check_screen(&r, "name");
	CHECK(rig_find(ui_app_frame(r.app), "Next", true) == NULL); /* no name, no way on */
	rig_tap(&r, "K"); /* the keyboard starts with capitals */
	CHECK(rig_find(ui_app_frame(r.app), "e", true) != NULL); /* and then goes back to small letters */
	rig_type(&r, "ee");
	rig_tap(&r, "Erase");
	rig_tap(&r, "s");
	CHECK(rig_visible(&r, "Kes"));
	rig_check_screen(&r, "name typed");
	rig_tap(&r, "Next");
	CHECK(rig_visible(&r, "Kes, pick a picture for yourself."));
	CHECK(rig_find(ui_app_frame(r.app), "Done", true) == NULL);
	rig_tap(&r, "Boat");
	rig_check_screen(&r, "avatar");
	rig_tap(&r, "Done");
	CHECK(rig_visible(&r, "Hello Kes"));
	rig_check_screen(&r, "home");

	/* The whole lesson, with one wrong answer on the first question. */
	rig_tap(&r, l->title.s[1]);
	int questions = 0;
	for (int i = 0; i < l->n_steps; i++) {
		const struct lesson_step *st = &l->steps[i];
		char step[32];
		snprintf(step, sizeof step, "Step %d of %d", i + 1, l->n_steps);
		CHECK(rig_visible(&r, step));
		if (st->type == LESSON_STEP_EXPLAIN) {
			rig_check_screen(&r, "explain");
			rig_tap(&r, "Next");
			continue;
		}
		questions++;
		rig_check_screen(&r, "choice");
		if (questions == 1) {
			for (int k = 0; k < st->n_answers; k++)
				if (!st->answers[k].correct) {
					rig_tap(&r, st->answers[k].text.s[1]);
					break;
				}
			CHECK(rig_visible(&r, "Not quite."));
			CHECK(rig_visible(&r, st->wrong.s[1]));
			rig_check_screen(&r, "wrong");
			rig_tap(&r, "Try again");
		}
		for (int k = 0; k < st->n_answers; k++)
			if (st->answers[k].correct)
				rig_tap(&r, st->answers[k].text.s[1]);
		if (st->multiple)
			rig_tap(&r, "Check");
		CHECK(rig_visible(&r, "Well done!"));
		CHECK(rig_visible(&r, st->right.s[1]));
		rig_check_screen(&r, "right");
		rig_tap(&r, "Next");
	}
	CHECK(rig_visible(&r, "Well done, Kes!"));
	char score[64];
	snprintf(score, sizeof score, "%d of %d questions right the first time.", questions - 1, questions);
	CHECK(rig_visible(&r, score));
	rig_check_screen(&r, "end");
	rig_tap(&r, "My lessons");
	CHECK(rig_visible(&r, "Practised"));
	rig_check_screen(&r, "home after");
	struct store_learner *list;
	CHECK(store_learner_list(s, &list) == 1 && list[0].lessons_done == 1);
	free(list);

	/* Stop in the middle of a lesson; the home screen offers the way back. */
	rig_tap(&r, "A strong password");
	rig_tap(&r, "Next");
	rig_tap(&r, "Next");
	rig_tap(&r, "Stop");
	CHECK(rig_visible(&r, "Tap your name"));
	rig_check_screen(&r, "start");
	rig_tap(&r, "Kes");
	CHECK(rig_visible(&r, "Go on with A strong password, step 3 of"));
	rig_tap(&r, "Go on with");
	CHECK(rig_visible(&r, "Step 3 of"));
	rig_tap(&r, "Stop");

	/* Many learners: pages of at most 12 tiles. */
	char id[LP_ID_LEN + 1];
	for (int i = 0; i < 13; i++) {
		char name[16];
		snprintf(name, sizeof name, "Zz%02d", i);
		CHECK(store_learner_add(s, name, i % 12, id));
	}
	rig_tap(&r, "Kes"); /* in and out again: the start screen reads the list anew */
	rig_tap(&r, "Stop");
	CHECK(rig_visible(&r, "Page 1 of 2"));
	CHECK(!rig_visible(&r, "Zz12"));
	rig_tap(&r, "Next"); /* a page forward */
	CHECK(rig_visible(&r, "Zz12"));
	CHECK(rig_visible(&r, "Page 2 of 2"));
	rig_check_screen(&r, "start page 2");
	ui_app_notice(r.app, "A lesson file could not be read and was left out: lessons/x/lesson.yaml.");
	rig_check_screen(&r, "notice");
	rig_tap(&r, "OK");
	CHECK(!rig_visible(&r, "was left out"));
	ui_app_destroy(r.app);

	struct ui_app_config cfg = {.lessons = &r.set, .lang = "en", .metrics = rig_fake, .w = w, .h = h,
	                            .px_per_mm = r.u, .fatal = "Leerplek cannot save work in /nowhere."};
	r.app = ui_app_create(&cfg);
	CHECK(rig_visible(&r, "This screen cannot be used right now."));
	CHECK(rig_visible(&r, "/nowhere"));
	rig_check_screen(&r, "fatal");
	CHECK(r.screens >= 20);
	rig_close(&r);
}

/* ---- steps with the longest texts ---- */

static bool seen_label(char seen[][96], int n, const char *label)
{
	for (int i = 0; i < n; i++)
		if (!strncmp(seen[i], label, 95))
			return true;
	return false;
}

/* The labels of the view's own tappable elements (PLAYER_A_VIEW, not the
 * player's); adds those not in seen yet; returns how many there are. */
static int view_labels(const struct ui_drawlist *dl, char seen[][96], int *n, int cap)
{
	int count = 0;
	for (int i = 0; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		if (!e->tappable || e->action != PLAYER_A_VIEW || e->arg >= PLAYER_ARG_OWN || !e->label)
			continue;
		count++;
		if (!seen_label(seen, *n, e->label) && *n < cap)
			snprintf(seen[(*n)++], 96, "%s", e->label);
	}
	return count;
}

/* The feedback panel and everything drawn before it: nothing of the step
 * lies under the panel, not even a card's edge. */
static void check_feedback_clear(const struct ui_drawlist *dl, const char *where)
{
	int p = -1;
	for (int i = 0; i < dl->n; i++)
		if (dl->v[i].role == UI_ROLE_NOTICE && dl->v[i].label &&
		    (!strcmp(dl->v[i].label, "Not quite.") || !strcmp(dl->v[i].label, "Well done!")))
			p = i;
	CHECK(p >= 0);
	for (int i = 0; p >= 0 && i < p; i++)
		if (rig_overlap(dl->v[i].rect, dl->v[p].rect, 0)) {
			CHECK(!"an element of the step lies under the feedback panel");
			fprintf(stderr, "  %s '%s' at %d,%d %dx%d, on %s\n", ui_role_name(dl->v[i].role),
			        dl->v[i].label ? dl->v[i].label : "", dl->v[i].rect.x, dl->v[i].rect.y, dl->v[i].rect.w,
			        dl->v[i].rect.h, where);
			break;
		}
}

/* Every step type with every text at its limit (fixtures/steps/limits), at
 * the reference screen, at 1280x800, and on a screen with a higher DPI
 * (5 px/mm: 384 x 216 mm, the smallest the kiosk lays out for): fresh, at
 * each rung of the hint ladder, and answered wrong and right, every screen
 * keeps the rules (nothing covered, nothing off screen, targets 20 mm and
 * 3 mm apart). What does not fit scrolls: Down reaches every one of the
 * view's tappable things that a screen tall enough shows at once. */
static void test_limits(const char *steps_dir)
{
	char dir[1024];
	snprintf(dir, sizeof dir, "%s/limits/every-type", steps_dir);
	struct lesson_diag d = {0};
	const char *paths[] = {dir};
	struct lesson_set set = {0};
	lesson_set_load(&set, paths, 1, &d);
	CHECK(d.errors == 0 && set.n == 1);
	if (set.n != 1)
		return;
	const struct lesson *l = set.items[0];
	CHECK(l->n_steps >= 13);
	static const struct {
		int w, h;
		double u;
	} sizes[] = {{1920, 1080, 4.0}, {1280, 800, 1280 / 480.0}, {1920, 1080, 5.0}};
	int scrolled = 0;
	for (size_t z = 0; z < sizeof sizes / sizeof sizes[0]; z++) {
		struct rig_screen sc, tall;
		rig_screen_init(&sc, sizes[z].w, sizes[z].h, sizes[z].u);
		rig_screen_init(&tall, sizes[z].w, 8000, sizes[z].u);
		for (int k = 0; k < l->n_steps; k++) {
			const struct lesson_step *st = &l->steps[k];
			if (!step_view_of(st->type))
				continue;
			char where[160];
			struct player pl = {.lesson = l, .lang = "en"};
			for (int rung = 0; rung <= 3; rung++) {
				player_begin(&pl, k);
				pl.hints = rung;
				snprintf(where, sizeof where, "limits step %d, rung %d, %.2f px/mm", k + 1, rung, sizes[z].u);
				rig_check_player(&sc, &pl, where);
			}
			/* Down and Down again: every thing to tap comes into view. */
			char seen[64][96], all[64][96];
			int n_seen = 0, n_all = 0;
			player_begin(&pl, k);
			view_labels(rig_lay_player(&tall, &pl), all, &n_all, 64);
			player_begin(&pl, k);
			const struct ui_drawlist *dl = rig_lay_player(&sc, &pl);
			view_labels(dl, seen, &n_seen, 64);
			int pages = 0;
			while (pl.scroll_down >= 0 && pages < 40) {
				const struct ui_elem *down = rig_find(dl, "Scroll down", true);
				CHECK(down != NULL);
				if (!down)
					break;
				step_view_of(st->type)->tap(&pl, down->arg);
				dl = rig_lay_player(&sc, &pl);
				snprintf(where, sizeof where, "limits step %d scrolled %d, %.2f px/mm", k + 1, ++pages, sizes[z].u);
				rig_check_player(&sc, &pl, where);
				view_labels(dl, seen, &n_seen, 64);
			}
			scrolled += pages > 0;
			if (st->type != LESSON_STEP_SIM) /* the sim scrolls its own rows */
				for (int i = 0; i < n_all; i++) {
					if (!seen_label(seen, n_seen, all[i]))
						fprintf(stderr, "  not reached by scrolling: '%s' in step %d at %.2f px/mm\n", all[i], k + 1,
						        sizes[z].u);
					CHECK(seen_label(seen, n_seen, all[i]));
				}
			/* Up goes back to the top. */
			for (int i = 0; i < 40 && pl.scroll_up >= 0; i++) {
				step_view_of(st->type)->tap(&pl, PLAYER_ARG_OWN);
				rig_lay_player(&sc, &pl);
			}
			CHECK(pl.scroll == 0);
			/* Answered, right and wrong: the feedback panel covers nothing. */
			for (int right = 0; right < 2; right++) {
				player_begin(&pl, k);
				pl.hints = 3;
				pl.answered = true;
				pl.right = right;
				snprintf(where, sizeof where, "limits step %d answered %s, %.2f px/mm", k + 1,
				         right ? "right" : "wrong", sizes[z].u);
				rig_check_player(&sc, &pl, where);
				check_feedback_clear(&sc.dl, where);
			}
		}
		rig_screen_finish(&sc);
		rig_screen_finish(&tall);
	}
	CHECK(scrolled > 0); /* the longest texts do not all fit: scrolling was tried */
	lesson_set_finish(&set);
}

/* Every step of every lesson in dir (the step-type fixtures), fresh and at
 * the top of the hint ladder, keeps the rules of check_screen. Steps are
 * reached by saving the learner's place and choosing "Go on". */
static void walk_steps(const char *dir, int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	if (!rig_open(&r, "lp-steps", dir))
		return;
	struct store *s = r.store;
	const char *id = r.learner;
	int steps = 0;
	for (int i = 0; i < r.set.n; i++) {
		const struct lesson *l = r.set.items[i];
		for (int k = 0; k < l->n_steps; k++) {
			char where[128];
			CHECK(store_progress_set(s, id, l->id, l->version, k == 0 ? 0 : k, false));
			rig_tap(&r, "Ali");
			if (k == 0)
				rig_tap(&r, l->title.s[1]);
			else
				rig_tap(&r, "Go on with");
			char step[32];
			snprintf(step, sizeof step, "Step %d of %d", k + 1, l->n_steps);
			CHECK(rig_visible(&r, step));
			snprintf(where, sizeof where, "%s step %d", l->id, k + 1);
			rig_check_screen(&r, where);
			if (rig_find(ui_app_frame(r.app), "Tip", true)) {
				rig_tap(&r, "Tip");
				rig_tap(&r, "Tip");
				rig_tap(&r, "Tip");
				snprintf(where, sizeof where, "%s step %d, answer shown", l->id, k + 1);
				rig_check_screen(&r, where);
			}
			rig_tap(&r, "Stop");
			steps++;
		}
	}
	CHECK(steps >= r.set.n);
	rig_close(&r);
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

/* The set-up wizard, the picture code (choosing, signing in, wrong, locked)
 * and supervisor mode (entry by holding the corner, the PIN, the list, a
 * learner, the erase question, settings), each screen checked against the
 * layout rules. */
static void walk_signin(int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	if (!rig_open_store(&r, "lp-signin"))
		return;
	/* a new terminal, where learners need a code */
	CHECK(store_setting_set_int(r.store, "setup_done", 2) && store_setting_set_int(r.store, "codes", 1));
	struct lesson_set none = {0};
	rig_create(&r, r.store, &none);
	CHECK(rig_visible(&r, "Choose the language of this screen"));
	CHECK(!rig_visible(&r, "I am new"));
	rig_check_screen(&r, "set-up: language");
	rig_tap(&r, "English");
	rig_tap(&r, "Next");
	rig_type(&r, "Groenbedrijf De Linde & Zonen");
	rig_check_screen(&r, "set-up: organisation");
	rig_tap(&r, "Next");
	rig_type(&r, "Kantine");
	rig_tap(&r, "Next");
	rig_type(&r, "135791");
	rig_check_screen(&r, "set-up: PIN");
	rig_tap(&r, "Next");
	rig_type(&r, "135791");
	rig_tap(&r, "Done");
	CHECK(rig_visible(&r, "Leerplek is ready"));
	rig_check_screen(&r, "set-up: done");
	rig_tap(&r, "OK");
	rig_tap(&r, "I am new");
	rig_type(&r, "Fatma");
	rig_tap(&r, "Next");
	rig_tap(&r, "Bird");
	rig_tap(&r, "Next");
	CHECK(rig_visible(&r, "Choose your secret code"));
	rig_tap(&r, "Apple");
	rig_check_screen(&r, "choose a code");
	rig_tap(&r, "Key");
	rig_tap(&r, "Hat");
	CHECK(rig_visible(&r, "Tap the same 3 pictures again."));
	rig_tap(&r, "Apple");
	rig_tap(&r, "Key");
	rig_tap(&r, "Hat");
	CHECK(rig_visible(&r, "Hello Fatma"));
	rig_tap(&r, "Stop");
	rig_tap(&r, "Fatma");
	rig_check_screen(&r, "code");
	for (int i = 0; i < 5; i++) {
		const char *p = i == 0 ? "Star" : i == 1 ? "Ball" : i == 2 ? "Heart" : i == 3 ? "Car" : "Shoe";
		for (int k = 0; k < 3; k++)
			rig_tap(&r, p);
		if (i == 0) {
			CHECK(rig_visible(&r, "You can try 4 more times."));
			rig_check_screen(&r, "code: wrong");
		}
	}
	CHECK(rig_visible(&r, "Your profile is locked."));
	rig_check_screen(&r, "code: locked");
	rig_tap(&r, "Back to the start");
	/* The hidden corner: a tap does nothing, a 3 s hold opens the PIN. */
	rig_tap(&r, "Supervisor");
	CHECK(!rig_visible(&r, "Type the supervisor PIN."));
	const struct ui_elem *corner = rig_elem(&r, "Supervisor", true);
	CHECK(corner != NULL);
	if (corner) {
		struct ui_event ev = {.type = UI_EV_POINTER_DOWN, .time_ms = r.t, .x = corner->rect.x + 10,
		                      .y = corner->rect.y + 10, .pointer = -1};
		ui_app_input(r.app, &ev);
		ui_app_tick(r.app, r.t += 3100);
		ev.type = UI_EV_POINTER_UP;
		ev.time_ms = r.t += 10;
		ui_app_input(r.app, &ev);
	}
	CHECK(rig_visible(&r, "Type the supervisor PIN."));
	rig_type(&r, "1357");
	rig_check_screen(&r, "PIN");
	rig_type(&r, "91");
	rig_tap(&r, "Open");
	CHECK(rig_visible(&r, "1 learner"));
	CHECK(rig_visible(&r, "Locked: 5 wrong codes"));
	rig_check_screen(&r, "supervisor: learners");
	rig_tap(&r, "Fatma");
	rig_check_screen(&r, "supervisor: a learner");
	rig_tap(&r, "Unlock");
	CHECK(!rig_visible(&r, "Locked after 5 wrong codes"));
	rig_tap(&r, "Erase");
	rig_check_screen(&r, "supervisor: erase?");
	rig_tap(&r, "No, keep");
	rig_tap(&r, "Back");
	rig_tap(&r, "Settings");
	rig_check_screen(&r, "supervisor: settings");
	rig_tap(&r, "10 minutes");
	CHECK(store_setting_int(r.store, "idle_seconds", 0) == 600);
	rig_close(&r);
}

/* The USB stick's strip on the start screen and the supervisor's list in
 * each of its states, and the organisation screens, checked against the
 * layout rules (the strip must cover no button: the screens are laid out
 * above it). */
static void walk_stick(int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	if (!rig_open_store(&r, "lp-stick"))
		return;
	CHECK(store_setting_set_int(r.store, "setup_done", 1) && store_setting_set_text(r.store, "org", "De Linde") &&
	      store_setting_set_text(r.store, "site", "Kantine") && guard_pin_set(r.store, "135791"));
	char id[LP_ID_LEN + 1];
	for (int i = 0; i < 14; i++)
		CHECK(store_learner_add(r.store, i % 2 ? "Fatma" : "Mohammed-Ali", i % STORE_AVATARS, id));
	struct lesson_set none = {0};
	rig_create(&r, r.store, &none);
	struct ui_stick st = {.state = UI_STICK_SYNCING, .phase = SYNC_READING, .done = 3, .total = 7};
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "Stick found. Updating…"));
	CHECK(rig_visible(&r, "Reading from the stick: 3 of 7. Do not take the stick out yet."));
	CHECK(!rig_elem(&r, "OK", true)); /* nothing to close while it runs */
	rig_check_screen(&r, "start: stick syncing");
	st = (struct ui_stick){.state = UI_STICK_DONE, .received = 12, .sent = 5, .rejected = 2, .rejected_damaged = 2,
	                       .bundles_read = 3, .complete = true};
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "Done. You can take the stick out now."));
	CHECK(rig_visible(&r, "12 new results received, 5 sent."));
	CHECK(rig_visible(&r, "2 files on the stick were not used"));
	rig_check_screen(&r, "start: stick done, files rejected");
	st = (struct ui_stick){.state = UI_STICK_NO_ORG};
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "This terminal does not belong to an organisation yet. A supervisor sets that up."));
	rig_check_screen(&r, "start: no organisation");
	st = (struct ui_stick){.state = UI_STICK_DONE, .rejected = 3, .rejected_foreign = 3};
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "This stick belongs to another organisation."));
	st = (struct ui_stick){.state = UI_STICK_PULLED};
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "The stick was taken out before it was done. Nothing is lost. Put it back in."));
	rig_check_screen(&r, "start: stick pulled");
	st = (struct ui_stick){.state = UI_STICK_FAILED};
	snprintf(st.message, sizeof st.message, "the stick cannot be written (read-only)");
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "The reason: the stick cannot be written (read-only)."));
	rig_check_screen(&r, "start: stick failed");
	/* a learner signed in sees no strip */
	rig_tap(&r, "Fatma");
	CHECK(!rig_visible(&r, "could not be updated"));
	rig_tap(&r, "Stop");
	CHECK(rig_visible(&r, "could not be updated"));
	rig_tap(&r, "OK");
	CHECK(!rig_visible(&r, "could not be updated"));
	/* supervisor mode */
	const struct ui_elem *corner = rig_elem(&r, "Supervisor", true);
	CHECK(corner != NULL);
	if (corner) {
		struct ui_event ev = {.type = UI_EV_POINTER_DOWN, .time_ms = r.t, .x = corner->rect.x + 10,
		                      .y = corner->rect.y + 10, .pointer = -1};
		ui_app_input(r.app, &ev);
		ui_app_tick(r.app, r.t += 3100);
		ev.type = UI_EV_POINTER_UP;
		ev.time_ms = r.t += 10;
		ui_app_input(r.app, &ev);
	}
	rig_type(&r, "135791");
	rig_tap(&r, "Open");
	CHECK(rig_visible(&r, "14 learners"));
	rig_tap(&r, "Settings");
	rig_check_screen(&r, "supervisor: settings with the stick");
	CHECK(!ui_app_stick_wanted(r.app));
	rig_tap(&r, "Update the stick");
	CHECK(ui_app_stick_wanted(r.app));
	CHECK(!ui_app_stick_wanted(r.app)); /* taken once */
	CHECK(rig_visible(&r, "14 learners") && rig_visible(&r, "Stick found. Updating…"));
	st = (struct ui_stick){.state = UI_STICK_DONE, .received = 1, .sent = 0, .complete = true};
	ui_app_stick(r.app, &st);
	CHECK(rig_visible(&r, "1 new result received, 0 sent."));
	rig_check_screen(&r, "supervisor: learners with the strip");
	rig_tap(&r, "OK");
	rig_tap(&r, "Settings");
	rig_tap(&r, "Organisation");
	CHECK(rig_visible(&r, "This terminal does not belong to an organisation yet."));
	rig_check_screen(&r, "organisation: none");
	rig_tap(&r, "Type a code");
	rig_type(&r, "abcd-efgh");
	CHECK(rig_visible(&r, "ABCD-EFGH"));
	CHECK(rig_visible(&r, "8 of 21 characters."));
	rig_check_screen(&r, "organisation: typing a code");
	rig_tap(&r, "Back");
	rig_tap(&r, "Make a new organisation");
	CHECK(rig_visible(&r, "This is the code of your new organisation."));
	rig_check_screen(&r, "organisation: the new code");
	char code[SYNC_CODE_MAX] = "";
	CHECK(store_setting_text(r.store, "org_code", code, sizeof code) && rig_visible(&r, code));
	rig_tap(&r, "I wrote it down");
	CHECK(rig_visible(&r, code));
	rig_check_screen(&r, "organisation: has one");
	rig_tap(&r, "Make a new organisation");
	CHECK(rig_visible(&r, "Make a new organisation?"));
	rig_check_screen(&r, "organisation: a new one?");
	rig_tap(&r, "No, keep it");
	CHECK(rig_visible(&r, code));
	rig_close(&r);
}

/* Hammering: ten quick taps on the same spot make one learner, not ten,
 * and do not skip the picture. */
static void hammer(int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	if (!rig_open_store(&r, "lp-hammer"))
		return;
	struct lesson_set none = {0};
	rig_create(&r, r.store, &none);
	rig_tap(&r, "I am new");
	rig_type(&r, "Yonas");
	const struct ui_elem *next = rig_elem(&r, "Next", true);
	CHECK(next != NULL);
	if (!next)
		return;
	int x = next->rect.x + next->rect.w / 2, y = next->rect.y + next->rect.h / 2;
	for (int i = 0; i < 10; i++)
		rig_press(&r, x, y);
	CHECK(rig_visible(&r, "Yonas, pick a picture for yourself."));
	rig_tap(&r, "Bird");
	const struct ui_elem *done = rig_elem(&r, "Done", true);
	CHECK(done != NULL);
	if (done) {
		x = done->rect.x + done->rect.w / 2, y = done->rect.y + done->rect.h / 2;
		for (int i = 0; i < 10; i++)
			rig_press(&r, x, y);
	}
	struct store_learner *list;
	int n = store_learner_list(r.store, &list);
	if (n != 1)
		fprintf(stderr, "hammer: %d learners\n", n);
	CHECK(n == 1);
	free(list);
	CHECK(rig_visible(&r, "Hello Yonas"));
	rig_close(&r);
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
	test_header();
	walk(argv[1], 1920, 1080);
	walk(argv[1], 1280, 800);
	walk(argv[1], 1024, 768);
	walk_signin(1920, 1080);
	walk_signin(1280, 800);
	walk_signin(1024, 768);
	walk_stick(1920, 1080);
	walk_stick(1280, 800);
	walk_stick(1024, 768);
	hammer(1280, 800);
	if (argc > 2) {
		test_limits(argv[2]);
		walk_step_folders(argv[2], 1920, 1080);
		walk_step_folders(argv[2], 1280, 800);
	}
	return test_done();
}
