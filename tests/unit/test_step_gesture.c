/* Step `gesture`: the parser's checks, the judge, the numbering that the
 * core shares with the recogniser, and the view in the running ui, driven
 * by raw pointer events as the kiosk sends them: mouse and two fingers
 * (pinch cannot be scripted in tests/ui, so it is covered here), touches
 * beside the card, near misses that coach, other gestures that are wrong
 * answers, and the stored answers. */
#include "../../app/core/lesson.h"
#include "../../app/core/store.h"
#include "../../app/ui/gesture.h"
#include "../../app/ui/ui.h"
#include "lesson_rig.h"
#include "test.h"
#include "ui_rig.h"

#include <math.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <unistd.h>

#define FIXTURE "../ui/fixtures/steps/gesture"

static struct lesson *parse(const char *body, struct lrig_seen *seen)
{
	char text[2048];
	snprintf(text, sizeof text,
	         LRIG_HEAD("gesture-test", "{nl: \"T\"}", "{nl: \"S\"}", "5.1", "1")
	         "  - type: gesture\n"
	         "    question: {nl: \"Doe het.\"}\n"
	         "    feedback: {right: {nl: \"Ja\"}, wrong: {nl: \"Nee\"}}\n"
	         "%s",
	         body);
	*seen = (struct lrig_seen){.all = true};
	return lrig_parse("gesture.yaml", text, seen);
}

static void test_parse(void)
{
	struct lrig_seen s;
	/* Each of the ten names, numbered as enum gesture_kind: the response
	 * of the view (the recognised kind) is right for its own name only. */
	for (int k = GESTURE_TAP; k <= GESTURE_PINCH_OUT; k++) {
		char body[128];
		snprintf(body, sizeof body, "    gesture: %s\n", gesture_name((enum gesture_kind)k));
		struct lesson *l = parse(body, &s);
		CHECK(l && s.n == 0);
		if (!l)
			continue;
		const struct lesson_step *st = &l->steps[0];
		CHECK(st->data && *(const int *)st->data == k);
		for (int j = GESTURE_NONE; j <= GESTURE_PINCH_OUT + 1; j++) {
			struct step_response r = {.n = 1, .v = {j}};
			CHECK(lesson_step_judge(st, &r) == (j == k));
		}
		struct step_response none = {.n = 0, .v = {k}}, two = {.n = 2, .v = {k, k}};
		CHECK(!lesson_step_judge(st, &none) && !lesson_step_judge(st, &two));
		lesson_destroy(l);
	}
	CHECK(!parse("    gesture: wave\n", &s) && lrig_has(&s, 12, 14, "'wave' is not a gesture; use one of: tap"));
	CHECK(!parse("    gesture: Tap\n", &s) && lrig_has(&s, 12, 14, "'Tap' is not a gesture"));
	CHECK(!parse("    gesture: none\n", &s) && lrig_has(&s, 12, 14, "'none' is not a gesture"));
	CHECK(!parse("    gesture: [tap]\n", &s) && lrig_has(&s, 12, 14, "gesture must be one name"));
	CHECK(!parse("", &s) && lrig_has(&s, 9, 5, "no 'gesture'"));
	CHECK(!parse("    gesture: tap\n    spots: []\n", &s) && lrig_has(&s, 13, 5, "unknown key 'spots'"));
}

/* ---- the view, in the running ui ---- */

/* One pointer event at the rig's time, then a frame, as the kiosk does. */
static void ev(struct rig *r, enum ui_event_type type, int pointer, int x, int y)
{
	struct ui_event e = {.type = type, .time_ms = r->t, .x = x, .y = y, .pointer = pointer};
	ui_app_input(r->app, &e);
	ui_app_frame(r->app);
}

static void wait_ms(struct rig *r, int ms)
{
	r->t += ms;
	ui_app_tick(r->app, r->t);
	ui_app_frame(r->app);
}

/* A straight movement of one pointer in steps over ms. */
static void stroke(struct rig *r, int pointer, int x0, int y0, int x1, int y1, int ms)
{
	ev(r, UI_EV_POINTER_DOWN, pointer, x0, y0);
	for (int i = 1; i <= 10; i++) {
		r->t += ms / 10;
		ev(r, UI_EV_POINTER_MOVE, pointer, x0 + (x1 - x0) * i / 10, y0 + (y1 - y0) * i / 10);
	}
	ev(r, UI_EV_POINTER_UP, pointer, x1, y1);
}

/* Two fingers, from a and b to c and d. */
static void pinch(struct rig *r, int ax, int bx, int cx, int dx, int y)
{
	ev(r, UI_EV_POINTER_DOWN, 1, ax, y);
	r->t += 20;
	ev(r, UI_EV_POINTER_DOWN, 2, bx, y);
	for (int i = 1; i <= 10; i++) {
		r->t += 30;
		ev(r, UI_EV_POINTER_MOVE, 1, ax + (cx - ax) * i / 10, y);
		ev(r, UI_EV_POINTER_MOVE, 2, bx + (dx - bx) * i / 10, y);
	}
	r->t += 20;
	ev(r, UI_EV_POINTER_UP, 1, cx, y);
	r->t += 20;
	ev(r, UI_EV_POINTER_UP, 2, dx, y);
}

/* The screen rules of tests/unit/test_ui.c, the coaching line included
 * (C_NOTICE reaches 7:1 on C_BG). */
static const struct rig_rules rules = {.border = RIG_BORDER_ALL};

static struct ui_rect card(struct rig *r)
{
	const struct ui_elem *e = rig_elem(r, "Practice area: ", true);
	CHECK(e != NULL);
	return e ? e->rect : (struct ui_rect){0, 0, 1, 1};
}

static bool answered(struct rig *r)
{
	return rig_visible(r, "Well done!") || rig_visible(r, "Not quite.");
}

/* The attempts stored, as "step:correct:answer" lines. */
static void attempts(struct rig *r, char *out, size_t len)
{
	char path[128];
	snprintf(path, sizeof path, "%s/leerplek.db", r->data);
	sqlite3 *db;
	out[0] = 0;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		return;
	sqlite3_stmt *q;
	if (sqlite3_prepare_v2(db, "SELECT step, correct, answer FROM attempts ORDER BY seq", -1, &q, NULL) == SQLITE_OK) {
		while (sqlite3_step(q) == SQLITE_ROW)
			snprintf(out + strlen(out), len - strlen(out), "%d:%d:%s ", sqlite3_column_int(q, 0),
			         sqlite3_column_int(q, 1), (const char *)sqlite3_column_text(q, 2));
		sqlite3_finalize(q);
	}
	sqlite3_close(db);
}

static void test_view(int w, int h)
{
	struct rig r;
	rig_init(&r, w, h);
	r.rules = rules;
	r.kiosk = true;
	if (!rig_open(&r, "lp-gesture", FIXTURE))
		return;
	CHECK(r.set.n == 1);
	rig_tap(&r, "Ali");
	rig_tap(&r, "Practise gestures");
	int mm10 = (int)lround(10 * r.u);

	/* 1. swipe-left, on the photo */
	CHECK(rig_visible(&r, "Swipe the photo to the left."));
	CHECK(rig_visible(&r, "Slide your finger quickly to the left."));
	rig_check_screen(&r, "swipe-left");
	struct ui_rect c = card(&r);
	int cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	CHECK(c.h >= 80 * r.u - 1); /* a large practice area */
	/* beside the card (on the question): nothing at all */
	stroke(&r, -1, cx + 6 * mm10, c.y - mm10, cx - 6 * mm10, c.y - mm10, 200);
	wait_ms(&r, 1000);
	CHECK(!answered(&r) && !rig_visible(&r, "Try it a little faster."));
	/* too slow: a drag, coached */
	stroke(&r, -1, cx + 6 * mm10, cy, cx - 6 * mm10, cy, 1500);
	wait_ms(&r, 1000);
	CHECK(!answered(&r) && rig_visible(&r, "Try it a little faster."));
	/* a tap: too small */
	rig_press(&r, cx, cy);
	wait_ms(&r, 1000);
	CHECK(!answered(&r) && rig_visible(&r, "Move a little further."));
	/* the other way: a wrong answer */
	stroke(&r, -1, cx - 6 * mm10, cy, cx + 6 * mm10, cy, 200);
	CHECK(rig_visible(&r, "Not quite.") && rig_visible(&r, "Put your finger on the photo and slide quickly to the left."));
	rig_check_screen(&r, "swipe-left wrong");
	rig_tap(&r, "Try again");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	CHECK(rig_visible(&r, "Put your finger on the dot. Slide it to the ring."));
	rig_check_screen(&r, "swipe-left answer shown");
	/* with a finger, starting on the card and ending beside it */
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	stroke(&r, 5, cx + 3 * mm10, cy, c.x - mm10, cy, 200);
	CHECK(rig_visible(&r, "Well done!"));
	rig_check_screen(&r, "swipe-left right");
	rig_tap(&r, "Next");

	/* 2. double-tap: one tap is coached, two are the answer */
	CHECK(rig_visible(&r, "Tap here twice, quickly."));
	rig_check_screen(&r, "double-tap");
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	rig_press(&r, cx, cy);
	wait_ms(&r, 300);
	CHECK(!rig_visible(&r, "Try it a little faster."));
	wait_ms(&r, 300); /* the window for the second tap has closed */
	CHECK(!answered(&r) && rig_visible(&r, "Try it a little faster."));
	c = card(&r); /* the coaching line moved the card down */
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	rig_press(&r, cx, cy);
	r.t += 150;
	rig_press(&r, cx + 5, cy + 5);
	CHECK(rig_visible(&r, "Well done!"));
	rig_tap(&r, "Next");

	/* 3. long-press: a short tap is coached; held, it answers while held */
	CHECK(rig_visible(&r, "Keep your finger here for a moment."));
	rig_check_screen(&r, "long-press");
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	rig_press(&r, cx, cy);
	wait_ms(&r, 600);
	CHECK(!answered(&r) && rig_visible(&r, "Keep your finger still a little longer."));
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	ev(&r, UI_EV_POINTER_DOWN, -1, cx, cy);
	wait_ms(&r, 400);
	CHECK(!answered(&r));
	wait_ms(&r, 400);
	CHECK(rig_visible(&r, "Well done!"));
	r.t += 100;
	ev(&r, UI_EV_POINTER_UP, -1, cx, cy);
	CHECK(rig_visible(&r, "Well done!"));
	rig_tap(&r, "Next");

	/* 4. tap: held back for the double-tap window, then the answer; the
	 * card's own rig_tap() adds nothing (else it would be a double tap) */
	CHECK(rig_visible(&r, "Tap here once."));
	rig_check_screen(&r, "tap");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	CHECK(rig_visible(&r, "Touch it briefly. Lift your finger at once."));
	rig_check_screen(&r, "tap answer shown");
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	rig_press(&r, cx, cy);
	CHECK(!answered(&r));
	wait_ms(&r, 600);
	CHECK(rig_visible(&r, "Well done!") && !rig_visible(&r, "Tap just once."));
	rig_tap(&r, "Next");

	/* 5. drag: from the picture to the marked place */
	CHECK(rig_visible(&r, "Move the picture to the marked place."));
	rig_check_screen(&r, "drag");
	c = card(&r);
	const struct ui_elem *drop = rig_find(ui_app_frame(r.app), "Drop it here", false);
	CHECK(drop != NULL);
	if (drop) {
		int px = drop->rect.x + drop->rect.w / 2, py = drop->rect.y + drop->rect.h / 2;
		int tx = 2 * (c.x + c.w / 2) - px; /* the picture mirrors its place */
		stroke(&r, -1, tx, py, (tx + px) / 2, py, 1500);
		wait_ms(&r, 600);
		CHECK(!answered(&r) && rig_visible(&r, "Move the picture all the way to the marked place."));
		stroke(&r, -1, c.x + mm10 / 2, py, px, py, 1500);
		wait_ms(&r, 600);
		CHECK(!answered(&r) && rig_visible(&r, "Put your finger on the picture first."));
		rig_tap(&r, "Tip");
		rig_tap(&r, "Tip");
		rig_tap(&r, "Tip");
		rig_check_screen(&r, "drag answer shown");
		drop = rig_find(ui_app_frame(r.app), "Drop it here", false);
		c = card(&r);
		px = drop->rect.x + drop->rect.w / 2, py = drop->rect.y + drop->rect.h / 2;
		tx = 2 * (c.x + c.w / 2) - px;
		stroke(&r, -1, tx, py, px, py, 1500);
		CHECK(rig_visible(&r, "Well done!"));
	}
	rig_tap(&r, "Next");

	/* 6. pinch-out: one finger is coached, pinching in is wrong, out is right */
	CHECK(rig_visible(&r, "Put two fingers here. Move them apart."));
	rig_check_screen(&r, "pinch-out");
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	stroke(&r, 1, cx, cy, cx + 4 * mm10, cy, 200);
	wait_ms(&r, 600);
	CHECK(!answered(&r) && rig_visible(&r, "Use two fingers at the same time."));
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	pinch(&r, cx - 4 * mm10, cx + 4 * mm10, cx - mm10, cx + mm10, cy);
	CHECK(rig_visible(&r, "Not quite."));
	rig_tap(&r, "Try again");
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	pinch(&r, cx - mm10, cx + mm10, cx - 4 * mm10, cx + 4 * mm10, cy);
	CHECK(rig_visible(&r, "Well done!"));
	rig_tap(&r, "Next");

	/* 7. pinch-in: the second finger may come down beside the card */
	CHECK(rig_visible(&r, "Put two fingers here. Move them together."));
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	rig_tap(&r, "Tip");
	CHECK(rig_visible(&r, "Put two fingers on the dots. Slide them to the rings."));
	rig_check_screen(&r, "pinch-in answer shown");
	c = card(&r);
	cx = c.x + c.w / 2, cy = c.y + c.h / 2;
	pinch(&r, cx, c.x + c.w + 3 * mm10 < r.w ? c.x + c.w + 3 * mm10 : r.w - 1, cx, cx + 2 * mm10, cy);
	CHECK(rig_visible(&r, "Well done!"));
	rig_tap(&r, "Next");
	CHECK(rig_visible(&r, "Well done, Ali!"));

	/* Wrong answers hold the gesture done; right ones the gesture asked. */
	char got[512];
	attempts(&r, got, sizeof got);
	CHECK_STR(got, "0:0:6 0:1:5 1:1:2 2:1:3 3:1:1 4:1:4 5:0:9 5:1:10 6:1:9 ");

	rig_close(&r);
}

int main(void)
{
	ui_i18n_init("/nonexistent"); /* English msgids, no catalogue */
	ui_i18n_set_language("en");
	test_parse();
	test_view(1920, 1080);
	test_view(1280, 800);
	test_view(1024, 768);
	return test_done();
}
