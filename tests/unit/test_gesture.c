/* The gesture recogniser of the gesture lessons, from scripts of pointer
 * events and ticks: each gesture, each tolerance just inside and just
 * outside, the double-tap window, pinch, a third finger, the mouse,
 * cancel, and the coaching miss for what the lesson asked. At 4 px/mm (the
 * reference terminal) the tolerances are: tap 24 px, double tap 40 px,
 * swipe 60 px. */
#include "../../app/ui/gesture.h"
#include "test.h"

#include <math.h>
#include <stdbool.h>

#define PPM 4.0
#define M (-1) /* the mouse */
#define F1 3
#define F2 7
#define F3 9

struct step {
	char op; /* 'd' down, 'm' move, 'u' up, 'c' cancel, 't' tick; 0 ends */
	int t, ptr, x, y;
};

#define D(t, p, x, y) {'d', t, p, x, y}
#define MV(t, p, x, y) {'m', t, p, x, y}
#define U(t, p, x, y) {'u', t, p, x, y}
#define C(t, p) {'c', t, p, 0, 0}
#define T(t) {'t', t, 0, 0, 0}

struct script {
	const char *name;
	enum gesture_kind want;
	struct step s[12];
	const char *expect; /* results in order: "kind" or "kind/miss" */
};

static void collect(char *buf, size_t cap, const struct gesture_result *r)
{
	size_t n = strlen(buf);
	snprintf(buf + n, cap - n, "%s%s%s%s", n ? " " : "", gesture_name(r->kind),
	         r->miss != GESTURE_MISS_NONE ? "/" : "", r->miss != GESTURE_MISS_NONE ? gesture_miss_name(r->miss) : "");
}

/* Plays a script like the main loop: every event is fed, then the
 * recogniser is ticked while its deadline has come; 't' steps are the
 * loop waking at a deadline with no event. */
static void play(const struct script *sc, char *buf, size_t cap)
{
	struct gesture_rec g;
	struct gesture_result r;
	gesture_init(&g, PPM);
	gesture_expect(&g, sc->want);
	buf[0] = 0;
	for (const struct step *s = sc->s; s->op; s++) {
		if (s->op != 't') {
			struct ui_event ev = {.time_ms = s->t, .x = s->x, .y = s->y, .pointer = s->ptr};
			ev.type = s->op == 'd'   ? UI_EV_POINTER_DOWN
			          : s->op == 'm' ? UI_EV_POINTER_MOVE
			          : s->op == 'u' ? UI_EV_POINTER_UP
			                         : UI_EV_POINTER_CANCEL;
			if (gesture_feed(&g, &ev, &r))
				collect(buf, cap, &r);
		}
		int64_t d;
		while ((d = gesture_deadline(&g)) >= 0 && d <= s->t && gesture_tick(&g, s->t, &r))
			collect(buf, cap, &r);
	}
}

static const struct script scripts[] = {
	/* tap */
	{"tap", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), T(1000)}, "tap"},
	{"tap wanders 6 mm", 0, {D(0, F1, 100, 100), MV(50, F1, 124, 100), U(100, F1, 124, 100), T(1000)}, "tap"},
	{"tap wanders 6 mm on a slant", 0, {D(0, F1, 100, 100), U(100, F1, 114, 119), T(1000)}, "tap"},
	{"moves 6.25 mm: drag", 0, {D(0, F1, 100, 100), MV(50, F1, 125, 100), U(100, F1, 125, 100), T(1000)}, "drag"},
	{"wanders off and back: drag", 0, {D(0, F1, 100, 100), MV(50, F1, 150, 100), U(900, F1, 100, 100)}, "drag"},
	{"held 699 ms: tap", 0, {D(0, F1, 100, 100), U(699, F1, 100, 100), T(2000)}, "tap"},
	{"held 700 ms, tick late: long press", 0, {D(0, F1, 100, 100), U(700, F1, 100, 100), T(2000)}, "long-press"},
	/* long press */
	{"long press by tick", 0, {D(0, F1, 100, 100), T(699), T(700), U(1500, F1, 100, 100), T(3000)}, "long-press"},
	{"long press wanders 6 mm", 0, {D(0, F1, 100, 100), MV(300, F1, 124, 100), T(700), U(800, F1, 124, 100)}, "long-press"},
	{"long press, then a drag", 0, {D(0, F1, 100, 100), T(700), MV(900, F1, 200, 100), U(1000, F1, 200, 100)}, "long-press drag"},
	{"moved before its time: no long press", 0, {D(0, F1, 100, 100), MV(300, F1, 130, 100), T(800), U(1000, F1, 130, 100)}, "drag"},
	/* double tap */
	{"double tap", 0, {D(0, F1, 100, 100), U(80, F1, 100, 100), D(250, F2, 102, 98), U(330, F2, 102, 98)}, "double-tap"},
	{"second down 499 ms after: double", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(599, F1, 100, 100), U(650, F1, 100, 100)}, "double-tap"},
	{"second down 500 ms after: two taps", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(600, F1, 100, 100), U(650, F1, 100, 100), T(2000)}, "tap tap"},
	{"second tap 10 mm away: double", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(300, F1, 140, 100), U(350, F1, 140, 100)}, "double-tap"},
	{"second tap 10.25 mm away: two taps", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(300, F1, 141, 100), U(350, F1, 141, 100), T(2000)}, "tap tap"},
	{"three taps", 0, {D(0, F1, 100, 100), U(50, F1, 100, 100), D(150, F1, 100, 100), U(200, F1, 100, 100), D(300, F1, 100, 100), U(350, F1, 100, 100), T(900)}, "double-tap tap"},
	{"tap, then a drag", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(200, F1, 100, 100), MV(300, F1, 200, 100), U(900, F1, 200, 100)}, "tap drag"},
	{"tap, then a long press", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(200, F1, 100, 100), T(899), T(900), U(1000, F1, 100, 100)}, "tap long-press"},
	{"tap, then a long press with a late tick", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(200, F1, 100, 100), U(900, F1, 100, 100)}, "tap long-press"},
	/* swipe */
	{"swipe right", 0, {D(0, F1, 500, 500), MV(100, F1, 550, 500), U(200, F1, 580, 500)}, "swipe-right"},
	{"swipe left", 0, {D(0, F1, 500, 500), MV(100, F1, 450, 505), U(200, F1, 420, 510)}, "swipe-left"},
	{"swipe up", 0, {D(0, F1, 500, 500), MV(100, F1, 495, 450), U(200, F1, 490, 420)}, "swipe-up"},
	{"swipe down", 0, {D(0, F1, 500, 500), MV(100, F1, 500, 550), U(200, F1, 500, 580)}, "swipe-down"},
	{"fast 15 mm: drag", 0, {D(0, F1, 500, 500), U(200, F1, 560, 500)}, "drag"},
	{"fast 15.25 mm: swipe", 0, {D(0, F1, 500, 500), U(200, F1, 561, 500)}, "swipe-right"},
	{"80 px in 599 ms: swipe", 0, {D(0, F1, 500, 500), MV(300, F1, 540, 500), U(599, F1, 580, 500)}, "swipe-right"},
	{"80 px in 600 ms: drag", 0, {D(0, F1, 500, 500), MV(300, F1, 540, 500), U(600, F1, 580, 500)}, "drag"},
	{"across 1.5 times down: swipe", 0, {D(0, F1, 500, 500), U(200, F1, 590, 560)}, "swipe-right"},
	{"across under 1.5 times down: drag", 0, {D(0, F1, 500, 500), U(200, F1, 590, 561)}, "drag"},
	/* pinch */
	{"pinch out 25%", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 525, 400), U(200, F2, 525, 400), U(250, F1, 400, 400)}, "pinch-out"},
	{"pinch out 24%: nothing", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 524, 400), U(200, F2, 524, 400), U(250, F1, 400, 400)}, "none"},
	{"pinch in 25%", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 475, 400), U(200, F2, 475, 400), U(250, F1, 400, 400)}, "pinch-in"},
	{"pinch in 24%: nothing", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 476, 400), U(200, F2, 476, 400), U(250, F1, 400, 400)}, "none"},
	{"pinch with both fingers", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F1, 350, 400), MV(110, F2, 550, 400), U(200, F1, 350, 400), U(210, F2, 550, 400)}, "pinch-out"},
	{"pinch ends when a finger lifts", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 600, 400), U(200, F1, 400, 400), MV(300, F2, 500, 400), U(400, F2, 500, 400), T(2000)}, "pinch-out"},
	{"a third finger is ignored", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), D(30, F3, 900, 900), MV(40, F3, 100, 100), MV(100, F2, 525, 400), U(150, F3, 100, 100), U(200, F2, 525, 400), U(250, F1, 400, 400), T(2000)}, "pinch-out"},
	{"a slow pinch is no long press", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), T(2000), MV(2100, F2, 600, 400), U(2200, F2, 600, 400), U(2300, F1, 400, 400)}, "pinch-out"},
	{"no pinch after a long press", 0, {D(0, F1, 400, 400), T(700), D(800, F2, 500, 400), MV(900, F2, 600, 400), U(1000, F2, 600, 400), U(1100, F1, 400, 400)}, "long-press"},
	{"a new touch while a pinch finger rests", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 525, 400), U(200, F2, 525, 400), D(300, F3, 100, 100), U(350, F3, 100, 100), U(400, F1, 400, 400), T(2000)}, "pinch-out tap"},
	{"tap, then a pinch", 0, {D(0, F1, 400, 400), U(100, F1, 400, 400), D(200, F1, 400, 400), D(220, F2, 500, 400), MV(300, F2, 600, 400), U(400, F2, 600, 400), U(450, F1, 400, 400)}, "tap pinch-out"},
	/* the mouse */
	{"mouse tap", 0, {D(0, M, 100, 100), U(100, M, 100, 100), T(1000)}, "tap"},
	{"mouse double tap", 0, {D(0, M, 100, 100), U(100, M, 100, 100), D(300, M, 100, 100), U(400, M, 100, 100)}, "double-tap"},
	{"mouse long press", 0, {D(0, M, 100, 100), T(700), U(900, M, 100, 100)}, "long-press"},
	{"mouse drag", 0, {D(0, M, 100, 100), MV(500, M, 300, 300), U(1000, M, 300, 300)}, "drag"},
	{"mouse swipe", 0, {D(0, M, 500, 500), U(150, M, 400, 500)}, "swipe-left"},
	{"mouse hover is ignored", 0, {MV(0, M, 100, 100), MV(50, M, 400, 100), T(2000)}, ""},
	{"mouse and finger: no pinch", 0, {D(0, M, 400, 400), D(20, F2, 500, 400), MV(100, F2, 600, 400), U(200, F2, 600, 400), U(250, M, 400, 400), T(2000)}, "tap"},
	{"finger and mouse: no pinch", 0, {D(0, F1, 400, 400), D(20, M, 500, 400), MV(100, M, 600, 400), U(200, M, 600, 400), U(250, F1, 400, 400), T(2000)}, "tap"},
	/* cancel and lost events */
	{"cancel a drag", 0, {D(0, F1, 100, 100), MV(50, F1, 200, 100), C(100, F1), U(150, F1, 200, 100), T(2000)}, ""},
	{"cancel before the long press", 0, {D(0, F1, 100, 100), C(300, F1), T(2000)}, ""},
	{"cancel a pinch", 0, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(50, F2, 600, 400), C(100, F2), U(200, F2, 600, 400), U(210, F1, 400, 400), T(2000)}, ""},
	{"a touch after a cancel", 0, {D(0, F1, 100, 100), C(100, F1), D(200, F1, 100, 100), U(250, F1, 100, 100), T(1000)}, "tap"},
	{"a cancelled second tap leaves the first", 0, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(200, F1, 100, 100), C(250, F1), T(1000)}, "tap"},
	{"a lost up", 0, {D(0, F1, 100, 100), T(700), D(5000, F1, 300, 300), U(5050, F1, 300, 300), T(6000)}, "long-press tap"},
	{"stray move and up", 0, {MV(0, F1, 100, 100), U(10, F1, 100, 100), T(2000)}, ""},
	/* coaching: what the lesson asked for, what came */
	{"asked long press, got tap", GESTURE_LONG_PRESS, {D(0, F1, 100, 100), U(300, F1, 100, 100), T(1000)}, "tap/too-short"},
	{"asked long press, got it", GESTURE_LONG_PRESS, {D(0, F1, 100, 100), T(700), U(900, F1, 100, 100)}, "long-press"},
	{"asked long press, moved", GESTURE_LONG_PRESS, {D(0, F1, 100, 100), MV(300, F1, 200, 100), U(1000, F1, 200, 100)}, "drag/moved"},
	{"asked tap, held", GESTURE_TAP, {D(0, F1, 100, 100), T(700), U(800, F1, 100, 100)}, "long-press/too-long"},
	{"asked tap, moved", GESTURE_TAP, {D(0, F1, 100, 100), MV(300, F1, 200, 100), U(1000, F1, 200, 100)}, "drag/moved"},
	{"asked tap, tapped twice", GESTURE_TAP, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(300, F1, 100, 100), U(400, F1, 100, 100)}, "double-tap/twice"},
	{"asked tap, two fingers", GESTURE_TAP, {D(0, F1, 400, 400), D(20, F2, 500, 400), U(100, F2, 500, 400), U(110, F1, 400, 400)}, "none/two-fingers"},
	{"asked double tap, too slow", GESTURE_DOUBLE_TAP, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(800, F1, 100, 100), U(900, F1, 100, 100), T(2000)}, "tap/too-slow tap/too-slow"},
	{"asked double tap, too far apart", GESTURE_DOUBLE_TAP, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(300, F1, 300, 100), U(400, F1, 300, 100), T(2000)}, "tap/moved tap/too-slow"},
	{"asked double tap, second held", GESTURE_DOUBLE_TAP, {D(0, F1, 100, 100), U(100, F1, 100, 100), D(300, F1, 100, 100), T(1000), U(1100, F1, 100, 100)}, "tap/too-long long-press/too-long"},
	{"asked drag, got a swipe: counts", GESTURE_DRAG, {D(0, F1, 500, 500), U(200, F1, 600, 500)}, "swipe-right"},
	{"asked drag, got a tap", GESTURE_DRAG, {D(0, F1, 500, 500), U(200, F1, 500, 500), T(1000)}, "tap/too-small"},
	{"asked swipe left, slow", GESTURE_SWIPE_LEFT, {D(0, F1, 500, 500), MV(500, F1, 450, 500), U(1000, F1, 400, 500)}, "drag/too-slow"},
	{"asked swipe left, went right", GESTURE_SWIPE_LEFT, {D(0, F1, 500, 500), U(200, F1, 600, 500)}, "swipe-right/wrong-direction"},
	{"asked swipe left, slowly right", GESTURE_SWIPE_LEFT, {D(0, F1, 500, 500), U(1000, F1, 600, 500)}, "drag/wrong-direction"},
	{"asked swipe left, too short", GESTURE_SWIPE_LEFT, {D(0, F1, 500, 500), U(200, F1, 450, 500)}, "drag/too-small"},
	{"asked swipe left, on a slant", GESTURE_SWIPE_LEFT, {D(0, F1, 500, 500), U(200, F1, 400, 430)}, "drag/not-straight"},
	{"asked swipe up, got it", GESTURE_SWIPE_UP, {D(0, F1, 500, 500), U(200, F1, 500, 400)}, "swipe-up"},
	{"asked pinch in, one finger", GESTURE_PINCH_IN, {D(0, F1, 500, 500), MV(300, F1, 450, 500), U(1000, F1, 400, 500)}, "drag/one-finger"},
	{"asked pinch in, one finger tap", GESTURE_PINCH_IN, {D(0, F1, 500, 500), U(100, F1, 500, 500), T(1000)}, "tap/one-finger"},
	{"asked pinch in, got out", GESTURE_PINCH_IN, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 600, 400), U(200, F2, 600, 400), U(210, F1, 400, 400)}, "pinch-out/wrong-direction"},
	{"asked pinch out, too little", GESTURE_PINCH_OUT, {D(0, F1, 400, 400), D(20, F2, 500, 400), MV(100, F2, 510, 400), U(200, F2, 510, 400), U(210, F1, 400, 400)}, "none/too-small"},
};

static void test_scripts(void)
{
	char got[256];
	for (size_t i = 0; i < sizeof scripts / sizeof scripts[0]; i++) {
		play(&scripts[i], got, sizeof got);
		if (strcmp(got, scripts[i].expect) != 0)
			fprintf(stderr, "script \"%s\":\n", scripts[i].name);
		CHECK_STR(got, scripts[i].expect);
	}
}

static bool feed(struct gesture_rec *g, enum ui_event_type type, int t, int ptr, int x, int y,
                 struct gesture_result *r)
{
	struct ui_event ev = {.type = type, .time_ms = t, .pointer = ptr, .x = x, .y = y};
	return gesture_feed(g, &ev, r);
}

/* A tap is final only once the double-tap window has closed. */
static void test_tap_waits(void)
{
	struct gesture_rec g;
	struct gesture_result r;
	gesture_init(&g, PPM);
	CHECK(gesture_deadline(&g) == -1);
	CHECK(!feed(&g, UI_EV_POINTER_DOWN, 1000, F1, 100, 120, &r));
	CHECK(gesture_deadline(&g) == 1700); /* a long press, should it stay */
	CHECK(!feed(&g, UI_EV_POINTER_UP, 1100, F1, 103, 121, &r));
	CHECK(gesture_deadline(&g) == 1600);
	CHECK(!gesture_tick(&g, 1599, &r));
	CHECK(gesture_tick(&g, 1600, &r));
	CHECK(r.kind == GESTURE_TAP && r.miss == GESTURE_MISS_NONE);
	CHECK(r.x0 == 100 && r.y0 == 120 && r.x1 == 100 && r.y1 == 120);
	CHECK(r.duration_ms == 100 && r.time_ms == 1600 && r.fingers == 1);
	CHECK(gesture_deadline(&g) == -1);
	CHECK(!gesture_tick(&g, 5000, &r));
}

static void test_long_press_tick(void)
{
	struct gesture_rec g;
	struct gesture_result r;
	gesture_init(&g, PPM);
	CHECK(!feed(&g, UI_EV_POINTER_DOWN, 0, F1, 50, 60, &r));
	CHECK(!gesture_tick(&g, 699, &r));
	CHECK(gesture_tick(&g, 700, &r));
	CHECK(r.kind == GESTURE_LONG_PRESS && r.x0 == 50 && r.y0 == 60 && r.duration_ms == 700);
	CHECK(gesture_deadline(&g) == -1); /* while still held */
	CHECK(!gesture_tick(&g, 2000, &r));
	CHECK(!feed(&g, UI_EV_POINTER_UP, 2100, F1, 50, 60, &r));
}

static void test_fields(void)
{
	struct gesture_rec g;
	struct gesture_result r;
	gesture_init(&g, PPM);

	feed(&g, UI_EV_POINTER_DOWN, 0, F1, 500, 500, &r);
	feed(&g, UI_EV_POINTER_MOVE, 100, F1, 520, 440, &r);
	CHECK(feed(&g, UI_EV_POINTER_UP, 250, F1, 510, 380, &r));
	CHECK(r.kind == GESTURE_SWIPE_UP);
	CHECK(r.x0 == 500 && r.y0 == 500 && r.x1 == 510 && r.y1 == 380 && r.duration_ms == 250);
	CHECK(r.scale == 1);

	feed(&g, UI_EV_POINTER_DOWN, 1000, F1, 100, 100, &r);
	feed(&g, UI_EV_POINTER_UP, 1050, F1, 100, 100, &r);
	feed(&g, UI_EV_POINTER_DOWN, 1200, F2, 110, 104, &r);
	CHECK(feed(&g, UI_EV_POINTER_UP, 1260, F2, 110, 104, &r));
	CHECK(r.kind == GESTURE_DOUBLE_TAP && r.x0 == 100 && r.y0 == 100 && r.x1 == 110 && r.y1 == 104);
	CHECK(r.duration_ms == 260);
	CHECK(gesture_deadline(&g) == -1);

	feed(&g, UI_EV_POINTER_DOWN, 2000, F1, 400, 400, &r);
	feed(&g, UI_EV_POINTER_DOWN, 2010, F2, 500, 400, &r);
	feed(&g, UI_EV_POINTER_MOVE, 2100, F1, 410, 400, &r);
	feed(&g, UI_EV_POINTER_MOVE, 2100, F2, 470, 400, &r);
	CHECK(feed(&g, UI_EV_POINTER_UP, 2200, F1, 420, 400, &r));
	CHECK(r.kind == GESTURE_PINCH_IN && r.fingers == 2);
	CHECK(fabs(r.scale - 0.5) < 1e-9);
	CHECK(r.x0 == 450 && r.y0 == 400 && r.x1 == 445 && r.y1 == 400);
	CHECK(!feed(&g, UI_EV_POINTER_UP, 2300, F2, 470, 400, &r));
	CHECK(gesture_deadline(&g) == -1);
}

/* One event can finish two gestures: the second comes from the next tick,
 * whose deadline is already due. */
static void test_two_at_once(void)
{
	struct gesture_rec g;
	struct gesture_result r;
	gesture_init(&g, PPM);
	feed(&g, UI_EV_POINTER_DOWN, 0, F1, 100, 100, &r);
	feed(&g, UI_EV_POINTER_UP, 100, F1, 100, 100, &r);
	CHECK(!feed(&g, UI_EV_POINTER_DOWN, 200, F1, 100, 100, &r));
	CHECK(gesture_deadline(&g) == 900); /* the second touch's long press holds the tap */
	CHECK(gesture_tick(&g, 900, &r) && r.kind == GESTURE_TAP);
	CHECK(gesture_deadline(&g) == 900);
	CHECK(gesture_tick(&g, 900, &r) && r.kind == GESTURE_LONG_PRESS);
	CHECK(!gesture_tick(&g, 900, &r));
}

static void test_scale(void)
{
	struct gesture_rec g;
	struct gesture_result r;
	/* 8 px/mm: the tap tolerance is 48 px. */
	gesture_init(&g, 8.0);
	feed(&g, UI_EV_POINTER_DOWN, 0, F1, 0, 0, &r);
	feed(&g, UI_EV_POINTER_UP, 100, F1, 48, 0, &r);
	CHECK(gesture_tick(&g, 1000, &r) && r.kind == GESTURE_TAP);
	feed(&g, UI_EV_POINTER_DOWN, 2000, F1, 0, 0, &r);
	CHECK(feed(&g, UI_EV_POINTER_UP, 2100, F1, 49, 0, &r) && r.kind == GESTURE_DRAG);
	/* No size known: the reference terminal, 4 px/mm. */
	gesture_init(&g, 0);
	CHECK(fabs(g.tap_px - 24) < 1e-9 && fabs(g.swipe_px - 60) < 1e-9);
	gesture_init(&g, NAN);
	CHECK(fabs(g.double_px - 40) < 1e-9);
	/* Other events pass by. */
	struct ui_event key = {.type = UI_EV_KEY, .key = UI_KEY_RETURN};
	CHECK(!gesture_feed(&g, &key, &r));
}

static void test_names(void)
{
	enum gesture_kind k;
	for (int i = GESTURE_TAP; i <= GESTURE_PINCH_OUT; i++)
		CHECK(gesture_parse(gesture_name((enum gesture_kind)i), &k) && k == (enum gesture_kind)i);
	CHECK_STR(gesture_name(GESTURE_TAP), "tap");
	CHECK_STR(gesture_name(GESTURE_DOUBLE_TAP), "double-tap");
	CHECK_STR(gesture_name(GESTURE_LONG_PRESS), "long-press");
	CHECK_STR(gesture_name(GESTURE_DRAG), "drag");
	CHECK_STR(gesture_name(GESTURE_SWIPE_LEFT), "swipe-left");
	CHECK_STR(gesture_name(GESTURE_SWIPE_RIGHT), "swipe-right");
	CHECK_STR(gesture_name(GESTURE_SWIPE_UP), "swipe-up");
	CHECK_STR(gesture_name(GESTURE_SWIPE_DOWN), "swipe-down");
	CHECK_STR(gesture_name(GESTURE_PINCH_IN), "pinch-in");
	CHECK_STR(gesture_name(GESTURE_PINCH_OUT), "pinch-out");
	CHECK_STR(gesture_name(GESTURE_NONE), "none");
	CHECK_STR(gesture_name((enum gesture_kind)99), "unknown");
	CHECK(!gesture_parse("none", &k));
	CHECK(!gesture_parse("Tap", &k));
	CHECK(!gesture_parse("pinch", &k));
	CHECK(!gesture_parse("", &k));
	CHECK(!gesture_parse(NULL, &k));

	CHECK_STR(gesture_hint(GESTURE_MISS_NONE), "");
	CHECK_STR(gesture_hint(GESTURE_MISS_TOO_SHORT), "Keep your finger still a little longer.");
	for (int m = GESTURE_MISS_TOO_SHORT; m <= GESTURE_MISS_TWICE; m++) {
		CHECK(strlen(gesture_hint((enum gesture_miss)m)) > 0);
		CHECK(strcmp(gesture_miss_name((enum gesture_miss)m), "unknown") != 0);
	}
	CHECK_STR(gesture_miss_name(GESTURE_MISS_WRONG_DIRECTION), "wrong-direction");
	CHECK_STR(gesture_miss_name((enum gesture_miss)99), "unknown");
}

int main(void)
{
	test_scripts();
	test_tap_waits();
	test_long_press_tick();
	test_fields();
	test_two_at_once();
	test_scale();
	test_names();
	return test_done();
}
