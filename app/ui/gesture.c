/* The gesture recogniser of the gesture lessons. It owns the meaning of
 * tap, double tap, long press, drag, swipe and pinch as this kiosk sees
 * them, with tolerances in millimetres wide enough for shaky hands and
 * gloves, and the near-miss coaching that goes with them. It is pure so
 * that every boundary can be tested without a screen or a clock.
 *
 * Invariants: a touch is followed from the first pointer down until its
 * last tracked pointer is up; at most two fingers are tracked, and only
 * fingers pinch (the mouse is one pointer). A tap is held back while a
 * second one may still come, so at most one tap is pending, and results
 * leave in the order they became final, through a small queue because one
 * event can finish two (a held-back tap and what the next touch became). */
#include "gesture.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#define N_(s) (s) /* a msgid the caller translates */

/* Slack for comparisons of computed distances, so a boundary written in
 * whole pixels lands on the side the tolerance says. */
#define EPS 1e-9

static const char *const kind_names[] = {
	[GESTURE_NONE] = "none",
	[GESTURE_TAP] = "tap",
	[GESTURE_DOUBLE_TAP] = "double-tap",
	[GESTURE_LONG_PRESS] = "long-press",
	[GESTURE_DRAG] = "drag",
	[GESTURE_SWIPE_LEFT] = "swipe-left",
	[GESTURE_SWIPE_RIGHT] = "swipe-right",
	[GESTURE_SWIPE_UP] = "swipe-up",
	[GESTURE_SWIPE_DOWN] = "swipe-down",
	[GESTURE_PINCH_IN] = "pinch-in",
	[GESTURE_PINCH_OUT] = "pinch-out",
};

static const struct {
	const char *id, *hint;
} misses[] = {
	[GESTURE_MISS_NONE] = {"none", ""},
	[GESTURE_MISS_TOO_SHORT] = {"too-short", N_("Keep your finger still a little longer.")},
	[GESTURE_MISS_TOO_LONG] = {"too-long", N_("Lift your finger a little sooner.")},
	[GESTURE_MISS_MOVED] = {"moved", N_("Keep your finger in one place.")},
	[GESTURE_MISS_TOO_SLOW] = {"too-slow", N_("Try it a little faster.")},
	[GESTURE_MISS_TOO_SMALL] = {"too-small", N_("Move a little further.")},
	[GESTURE_MISS_NOT_STRAIGHT] = {"not-straight", N_("Move in a straight line.")},
	[GESTURE_MISS_WRONG_DIRECTION] = {"wrong-direction", N_("Look at the arrow and move that way.")},
	[GESTURE_MISS_ONE_FINGER] = {"one-finger", N_("Use two fingers at the same time.")},
	[GESTURE_MISS_TWO_FINGERS] = {"two-fingers", N_("Use just one finger.")},
	[GESTURE_MISS_TWICE] = {"twice", N_("Tap just once.")},
};

void gesture_init(struct gesture_rec *g, double px_per_mm)
{
	if (!(px_per_mm > 0)) /* also NaN */
		px_per_mm = 4.0;
	*g = (struct gesture_rec){
		.tap_px = GESTURE_TAP_MM * px_per_mm,
		.double_px = GESTURE_DOUBLE_MM * px_per_mm,
		.swipe_px = GESTURE_SWIPE_MM * px_per_mm,
	};
}

void gesture_expect(struct gesture_rec *g, enum gesture_kind want)
{
	g->want = want;
}

static bool within(int dx, int dy, double r)
{
	return (double)dx * dx + (double)dy * dy <= r * r + EPS;
}

static bool is_swipe(enum gesture_kind k)
{
	return k >= GESTURE_SWIPE_LEFT && k <= GESTURE_SWIPE_DOWN;
}

static bool is_pinch(enum gesture_kind k)
{
	return k == GESTURE_PINCH_IN || k == GESTURE_PINCH_OUT;
}

/* The way a movement mostly went; ties go across. */
static enum gesture_kind main_direction(int dx, int dy)
{
	if (abs(dx) >= abs(dy))
		return dx < 0 ? GESTURE_SWIPE_LEFT : GESTURE_SWIPE_RIGHT;
	return dy < 0 ? GESTURE_SWIPE_UP : GESTURE_SWIPE_DOWN;
}

static bool straight(int dx, int dy)
{
	int a = abs(dx), b = abs(dy);
	int lo = a < b ? a : b, hi = a < b ? b : a;
	return hi >= GESTURE_SWIPE_RATIO * lo;
}

static enum gesture_kind classify_move(const struct gesture_rec *g, int dx, int dy, int64_t ms)
{
	int along = abs(dx) > abs(dy) ? abs(dx) : abs(dy);
	if (ms < GESTURE_SWIPE_MS && along > g->swipe_px + EPS && straight(dx, dy))
		return main_direction(dx, dy);
	return GESTURE_DRAG;
}

/* Why r is not what the lesson asked for. why_single is the reason a tap
 * did not become a double tap, known only where the tap was let go. */
static enum gesture_miss coach(const struct gesture_rec *g, const struct gesture_result *r,
                               enum gesture_miss why_single)
{
	enum gesture_kind want = g->want, got = r->kind;
	if (want == GESTURE_NONE || got == want)
		return GESTURE_MISS_NONE;
	if (want == GESTURE_DRAG && is_swipe(got))
		return GESTURE_MISS_NONE;
	if (is_pinch(want)) {
		if (is_pinch(got))
			return GESTURE_MISS_WRONG_DIRECTION;
		return r->fingers >= 2 ? GESTURE_MISS_TOO_SMALL : GESTURE_MISS_ONE_FINGER;
	}
	if (r->fingers >= 2)
		return GESTURE_MISS_TWO_FINGERS;
	bool still = got == GESTURE_TAP || got == GESTURE_DOUBLE_TAP || got == GESTURE_LONG_PRESS;
	switch (want) {
	case GESTURE_TAP:
		if (got == GESTURE_DOUBLE_TAP)
			return GESTURE_MISS_TWICE;
		return got == GESTURE_LONG_PRESS ? GESTURE_MISS_TOO_LONG : GESTURE_MISS_MOVED;
	case GESTURE_DOUBLE_TAP:
		if (got == GESTURE_TAP)
			return why_single;
		return got == GESTURE_LONG_PRESS ? GESTURE_MISS_TOO_LONG : GESTURE_MISS_MOVED;
	case GESTURE_LONG_PRESS:
		return still ? GESTURE_MISS_TOO_SHORT : GESTURE_MISS_MOVED;
	case GESTURE_DRAG:
		return GESTURE_MISS_TOO_SMALL;
	default: /* a swipe */
		break;
	}
	if (still)
		return GESTURE_MISS_TOO_SMALL;
	if (is_swipe(got))
		return GESTURE_MISS_WRONG_DIRECTION;
	/* A drag: name the first thing that kept it from the swipe asked for. */
	int dx = r->x1 - r->x0, dy = r->y1 - r->y0;
	int along = abs(dx) > abs(dy) ? abs(dx) : abs(dy);
	if (main_direction(dx, dy) != want)
		return GESTURE_MISS_WRONG_DIRECTION;
	if (r->duration_ms >= GESTURE_SWIPE_MS)
		return GESTURE_MISS_TOO_SLOW;
	if (along <= g->swipe_px + EPS)
		return GESTURE_MISS_TOO_SMALL;
	return GESTURE_MISS_NOT_STRAIGHT;
}

static struct gesture_result result(enum gesture_kind k, int x0, int y0, int x1, int y1, int64_t t0,
                                    int64_t now)
{
	return (struct gesture_result){
		.kind = k,
		.x0 = x0,
		.y0 = y0,
		.x1 = x1,
		.y1 = y1,
		.scale = 1,
		.duration_ms = (int)(now - t0),
		.fingers = 1,
		.time_ms = now,
	};
}

static void emit(struct gesture_rec *g, struct gesture_result r, enum gesture_miss why_single)
{
	r.miss = coach(g, &r, why_single);
	if (g->q_len == GESTURE_QUEUE) { /* the caller stopped ticking: the oldest goes */
		g->q_head = (g->q_head + 1) % GESTURE_QUEUE;
		g->q_len--;
	}
	g->queue[(g->q_head + g->q_len) % GESTURE_QUEUE] = r;
	g->q_len++;
}

static bool pop(struct gesture_rec *g, struct gesture_result *out)
{
	if (!g->q_len)
		return false;
	*out = g->queue[g->q_head];
	g->q_head = (g->q_head + 1) % GESTURE_QUEUE;
	g->q_len--;
	return true;
}

static void release_tap(struct gesture_rec *g, int64_t now, enum gesture_miss why)
{
	if (!g->tap_pending)
		return;
	g->tap_pending = g->second = false;
	struct gesture_result r = g->tap;
	r.time_ms = now;
	emit(g, r, why);
}

static void expire_tap(struct gesture_rec *g, int64_t now)
{
	if (g->tap_pending && !g->second && now - g->tap_up_ms >= GESTURE_DOUBLE_MS)
		release_tap(g, now, GESTURE_MISS_TOO_SLOW);
}

static struct gesture_pointer *find(struct gesture_rec *g, int id)
{
	for (int i = 0; i < 2; i++)
		if (g->p[i].down && g->p[i].id == id)
			return &g->p[i];
	return NULL;
}

/* Drops the touch in progress. A held-back tap stays: it happened, and it
 * becomes final when its window closes. */
static void forget(struct gesture_rec *g)
{
	g->phase = GESTURE_PHASE_IDLE;
	g->p[0].down = g->p[1].down = false;
	g->moved = g->long_fired = g->second = false;
}

static void note_moved(struct gesture_rec *g, int64_t now)
{
	const struct gesture_pointer *p = &g->p[0];
	if (g->moved || within(p->x - p->x0, p->y - p->y0, g->tap_px))
		return;
	g->moved = true;
	if (g->second)
		release_tap(g, now, GESTURE_MISS_MOVED);
}

static void down(struct gesture_rec *g, const struct ui_event *ev)
{
	struct gesture_pointer np = {.down = true, .id = ev->pointer, .x0 = ev->x, .y0 = ev->y, .x = ev->x, .y = ev->y};
	if (find(g, ev->pointer)) /* its up was lost */
		forget(g);
	switch (g->phase) {
	case GESTURE_PHASE_ONE: {
		/* A second finger makes a pinch. The mouse is one pointer, and a
		 * touch that gave its long press is spent. */
		const struct gesture_pointer *p = &g->p[0];
		if (ev->pointer < 0 || p->id < 0 || g->long_fired)
			return;
		g->p[1] = np;
		g->phase = GESTURE_PHASE_TWO;
		g->d0 = hypot(p->x - np.x, p->y - np.y);
		g->cx0 = (p->x + np.x) / 2;
		g->cy0 = (p->y + np.y) / 2;
		if (g->second)
			release_tap(g, ev->time_ms, GESTURE_MISS_TWO_FINGERS);
		return;
	}
	case GESTURE_PHASE_TWO: /* a third finger */
		return;
	case GESTURE_PHASE_IDLE:
	case GESTURE_PHASE_LIFTING: /* a new touch while a pinch's last finger rests: it wins */
		break;
	}
	forget(g);
	expire_tap(g, ev->time_ms); /* again: forget may have let go of a second tap */
	g->phase = GESTURE_PHASE_ONE;
	g->p[0] = np;
	g->t0 = ev->time_ms;
	if (g->tap_pending) { /* in time: expire_tap ran first */
		if (within(ev->x - g->tap.x0, ev->y - g->tap.y0, g->double_px))
			g->second = true;
		else
			release_tap(g, ev->time_ms, GESTURE_MISS_MOVED);
	}
}

static void finish_one(struct gesture_rec *g, int64_t now)
{
	const struct gesture_pointer *p = &g->p[0];
	int64_t ms = now - g->t0;
	note_moved(g, now);
	if (g->moved) {
		/* After a long press only a drag is possible: a swipe is quicker. */
		enum gesture_kind k = classify_move(g, p->x - p->x0, p->y - p->y0, ms);
		emit(g, result(k, p->x0, p->y0, p->x, p->y, g->t0, now), GESTURE_MISS_NONE);
	} else if (g->long_fired) {
		/* reported when its time came */
	} else if (ms >= GESTURE_LONG_PRESS_MS) {
		/* The tick came late (a busy frame): still a long press. */
		if (g->second)
			release_tap(g, now, GESTURE_MISS_TOO_LONG);
		emit(g, result(GESTURE_LONG_PRESS, p->x0, p->y0, p->x0, p->y0, g->t0, now), GESTURE_MISS_NONE);
	} else if (g->second) {
		struct gesture_result r = result(GESTURE_DOUBLE_TAP, g->tap.x0, g->tap.y0, p->x0, p->y0, g->tap_down_ms, now);
		g->tap_pending = false;
		emit(g, r, GESTURE_MISS_NONE);
	} else {
		g->tap = result(GESTURE_TAP, p->x0, p->y0, p->x0, p->y0, g->t0, now);
		g->tap_pending = true;
		g->tap_down_ms = g->t0;
		g->tap_up_ms = now;
	}
	g->second = false;
	g->phase = GESTURE_PHASE_IDLE;
}

/* A pinch ends when either finger lifts: the distance is final then. */
static void finish_pinch(struct gesture_rec *g, int64_t now)
{
	const struct gesture_pointer *a = &g->p[0], *b = &g->p[1];
	double scale = hypot(a->x - b->x, a->y - b->y) / (g->d0 >= 1 ? g->d0 : 1);
	enum gesture_kind k = GESTURE_NONE;
	if (scale >= 1 + GESTURE_PINCH_CHANGE - EPS)
		k = GESTURE_PINCH_OUT;
	else if (scale <= 1 - GESTURE_PINCH_CHANGE + EPS)
		k = GESTURE_PINCH_IN;
	struct gesture_result r = result(k, g->cx0, g->cy0, (a->x + b->x) / 2, (a->y + b->y) / 2, g->t0, now);
	r.scale = scale;
	r.fingers = 2;
	emit(g, r, GESTURE_MISS_NONE);
	g->phase = GESTURE_PHASE_LIFTING;
}

bool gesture_feed(struct gesture_rec *g, const struct ui_event *ev, struct gesture_result *out)
{
	struct gesture_pointer *p;
	switch (ev->type) {
	case UI_EV_POINTER_DOWN:
		expire_tap(g, ev->time_ms);
		down(g, ev);
		break;
	case UI_EV_POINTER_MOVE:
		expire_tap(g, ev->time_ms);
		if (!(p = find(g, ev->pointer)))
			break;
		p->x = ev->x;
		p->y = ev->y;
		if (g->phase == GESTURE_PHASE_ONE)
			note_moved(g, ev->time_ms);
		break;
	case UI_EV_POINTER_UP:
		expire_tap(g, ev->time_ms);
		if (!(p = find(g, ev->pointer)))
			break;
		p->x = ev->x;
		p->y = ev->y;
		if (g->phase == GESTURE_PHASE_ONE)
			finish_one(g, ev->time_ms);
		else if (g->phase == GESTURE_PHASE_TWO)
			finish_pinch(g, ev->time_ms);
		p->down = false;
		if (g->phase == GESTURE_PHASE_LIFTING && !g->p[0].down && !g->p[1].down)
			g->phase = GESTURE_PHASE_IDLE;
		break;
	case UI_EV_POINTER_CANCEL:
		/* Whatever pointer it names: the platform may cancel the whole
		 * touch with one event, and waiting for ups that never come would
		 * leave the recogniser deaf. */
		expire_tap(g, ev->time_ms);
		forget(g);
		break;
	default:
		break;
	}
	return pop(g, out);
}

bool gesture_tick(struct gesture_rec *g, int64_t now_ms, struct gesture_result *out)
{
	if (pop(g, out))
		return true;
	expire_tap(g, now_ms);
	if (g->phase == GESTURE_PHASE_ONE && !g->moved && !g->long_fired && now_ms - g->t0 >= GESTURE_LONG_PRESS_MS) {
		const struct gesture_pointer *p = &g->p[0];
		g->long_fired = true;
		if (g->second)
			release_tap(g, now_ms, GESTURE_MISS_TOO_LONG);
		emit(g, result(GESTURE_LONG_PRESS, p->x0, p->y0, p->x0, p->y0, g->t0, now_ms), GESTURE_MISS_NONE);
	}
	return pop(g, out);
}

int64_t gesture_deadline(const struct gesture_rec *g)
{
	if (g->q_len)
		return g->queue[g->q_head].time_ms;
	/* A pending tap and a touch that may still long-press exclude each
	 * other unless the touch is the tap's second, which holds the tap. */
	if (g->tap_pending && !g->second)
		return g->tap_up_ms + GESTURE_DOUBLE_MS;
	if (g->phase == GESTURE_PHASE_ONE && !g->moved && !g->long_fired)
		return g->t0 + GESTURE_LONG_PRESS_MS;
	return -1;
}

const char *gesture_name(enum gesture_kind k)
{
	if ((unsigned)k >= sizeof kind_names / sizeof kind_names[0])
		return "unknown";
	return kind_names[k];
}

bool gesture_parse(const char *name, enum gesture_kind *out)
{
	if (!name)
		return false;
	for (int k = GESTURE_TAP; k <= GESTURE_PINCH_OUT; k++) {
		if (strcmp(name, kind_names[k]) == 0) {
			*out = (enum gesture_kind)k;
			return true;
		}
	}
	return false;
}

const char *gesture_miss_name(enum gesture_miss m)
{
	if ((unsigned)m >= sizeof misses / sizeof misses[0])
		return "unknown";
	return misses[m].id;
}

const char *gesture_hint(enum gesture_miss m)
{
	if ((unsigned)m >= sizeof misses / sizeof misses[0])
		return "";
	return misses[m].hint;
}
