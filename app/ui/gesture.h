/* The gesture recogniser for the lessons that teach gestures: pointer
 * events in, one finished gesture at a time out, with a coaching hint for
 * a near miss. Pure (no SDL, no clock, no globals): the caller owns the
 * state and feeds it events and the time. Everything else in the app uses
 * the single-pointer model of ui.h; this one is only for gesture lessons. */
#ifndef LP_GESTURE_H
#define LP_GESTURE_H

#include "ui.h"

#include <stdbool.h>
#include <stdint.h>

/* Tolerances, generous for shaky hands and gloves. Distances are in
 * millimetres on the glass and become pixels through px_per_mm. Intervals
 * are half open: a tap lasts less than GESTURE_TAP_MS, a long press at
 * least GESTURE_LONG_PRESS_MS. */
#define GESTURE_TAP_MM 6.0          /* a tap, double tap or long press may wander this far */
#define GESTURE_TAP_MS 700          /* down to up of a tap, less than this */
#define GESTURE_DOUBLE_MS 500       /* first up to second down, less than this */
#define GESTURE_DOUBLE_MM 10.0      /* between the two taps of a double tap, at most this */
#define GESTURE_LONG_PRESS_MS 700   /* held still this long */
#define GESTURE_SWIPE_MM 15.0       /* along the main axis, more than this */
#define GESTURE_SWIPE_MS 600        /* down to up of a swipe, less than this */
#define GESTURE_SWIPE_RATIO 1.5     /* main axis at least this times the other */
#define GESTURE_PINCH_CHANGE 0.25   /* distance between the fingers, at least this change */

enum gesture_kind {
	GESTURE_NONE, /* the touch was none of the others: two fingers that barely moved */
	GESTURE_TAP,
	GESTURE_DOUBLE_TAP,
	GESTURE_LONG_PRESS,
	GESTURE_DRAG,
	GESTURE_SWIPE_LEFT,
	GESTURE_SWIPE_RIGHT,
	GESTURE_SWIPE_UP,
	GESTURE_SWIPE_DOWN,
	GESTURE_PINCH_IN,
	GESTURE_PINCH_OUT,
};

/* Why a gesture was not the one asked for (see gesture_expect). */
enum gesture_miss {
	GESTURE_MISS_NONE,            /* what was asked, or nothing was asked */
	GESTURE_MISS_TOO_SHORT,       /* a long press let go early */
	GESTURE_MISS_TOO_LONG,        /* a tap held into a long press */
	GESTURE_MISS_MOVED,           /* a tap or long press moved; a double tap's taps far apart */
	GESTURE_MISS_TOO_SLOW,        /* a swipe so slow it was a drag; a double tap's second tap late */
	GESTURE_MISS_TOO_SMALL,       /* a drag, swipe or pinch that did not go far enough */
	GESTURE_MISS_NOT_STRAIGHT,    /* a swipe too far off its axis */
	GESTURE_MISS_WRONG_DIRECTION, /* a swipe the wrong way, a pinch in for out or out for in */
	GESTURE_MISS_ONE_FINGER,      /* a pinch done with one finger */
	GESTURE_MISS_TWO_FINGERS,     /* a one-finger gesture done with two */
	GESTURE_MISS_TWICE,           /* a double tap where one tap was asked */
};

struct gesture_result {
	enum gesture_kind kind;
	enum gesture_miss miss;
	/* Tap and long press: where the finger went down, in both points.
	 * Double tap: the first tap, then the second. Drag and swipe: where the
	 * touch started and where it was let go. Pinch: the point between the
	 * two fingers when the second went down, then when one was lifted. */
	int x0, y0, x1, y1;
	double scale;      /* pinch: end distance over start distance; otherwise 1 */
	int duration_ms;   /* first down to last up (so far, for a long press) */
	int fingers;       /* 2 for a pinch or a two-finger NONE, else 1 */
	int64_t time_ms;   /* when the gesture became final */
};

struct gesture_pointer {
	bool down;
	int id;
	int x0, y0, x, y;
};

#define GESTURE_QUEUE 4

/* Up to two pointers; a third finger is ignored. Fields are private. */
struct gesture_rec {
	double tap_px, double_px, swipe_px;
	enum gesture_kind want;

	enum { GESTURE_PHASE_IDLE, GESTURE_PHASE_ONE, GESTURE_PHASE_TWO, GESTURE_PHASE_LIFTING } phase;
	struct gesture_pointer p[2];
	int64_t t0;       /* first pointer down */
	bool moved;       /* went further than the tap tolerance; stays set */
	bool long_fired;
	double d0;        /* pinch: distance between the fingers at the start */
	int cx0, cy0;     /* pinch: the point between them at the start */

	/* A tap held back until the double-tap window closes; second tells
	 * that the touch in progress went down near it in time. */
	bool tap_pending, second;
	int64_t tap_down_ms, tap_up_ms;
	struct gesture_result tap;

	/* Finished gestures not yet handed out (one event can finish two). */
	struct gesture_result queue[GESTURE_QUEUE];
	int q_head, q_len;
};

/* px_per_mm as in UX.md; 0 or less means the reference terminal (4). */
void gesture_init(struct gesture_rec *g, double px_per_mm);

/* What the lesson asks for, so each result carries a miss; GESTURE_NONE
 * (the default) means nothing is asked and misses stay GESTURE_MISS_NONE.
 * With something asked, a result counts when kind is not GESTURE_NONE and
 * miss is GESTURE_MISS_NONE: it is the gesture asked for, or a swipe when
 * a drag was asked (a swipe is a fast drag). */
void gesture_expect(struct gesture_rec *g, enum gesture_kind want);

/* Feeds one event (others than pointer events are ignored). Returns true
 * and fills *out when a gesture is final. Taps wait for the double-tap
 * window and long presses for their time: both come from gesture_tick. */
bool gesture_feed(struct gesture_rec *g, const struct ui_event *ev, struct gesture_result *out);

/* Time passing without events. Returns true and fills *out when a gesture
 * became final by now_ms. Call again while it returns true: one moment
 * can finish two gestures (a tap, then the long press that followed it). */
bool gesture_tick(struct gesture_rec *g, int64_t now_ms, struct gesture_result *out);

/* When gesture_tick next has something to do (monotonic ms, possibly
 * already past), or -1 for never without another event. */
int64_t gesture_deadline(const struct gesture_rec *g);

/* "tap", "double-tap", "long-press", "drag", "swipe-left", "swipe-right",
 * "swipe-up", "swipe-down", "pinch-in", "pinch-out" (the names in lesson
 * files) and "none". */
const char *gesture_name(enum gesture_kind k);
/* The reverse for the ten gestures (not "none"); false for anything else. */
bool gesture_parse(const char *name, enum gesture_kind *out);

/* A stable id for logs and tests: "none", "too-short", "too-long",
 * "moved", "too-slow", "too-small", "not-straight", "wrong-direction",
 * "one-finger", "two-fingers", "twice". */
const char *gesture_miss_name(enum gesture_miss m);
/* A short, friendly sentence in plain English for the learner, to be
 * translated by the caller (it is a gettext msgid); "" for no miss. */
const char *gesture_hint(enum gesture_miss m);

#endif
