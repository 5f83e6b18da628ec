/* The lesson player: the screen around a step (title, progress, question,
 * hint ladder, feedback) and, per step type, a view (view_*.c) that lays
 * out what the learner works with and turns taps into a response. The
 * judging is the core's (lesson_step_judge), so views only collect. */
#ifndef LP_PLAYER_H
#define LP_PLAYER_H

#include "../core/lesson.h"
#include "gesture.h"
#include "widgets.h"

/* Actions of the lesson screen; a view's own taps come as A_VIEW with an
 * argument the view chooses. */
enum player_action {
	PLAYER_A_VIEW = 100,
	PLAYER_A_HINT,
	PLAYER_A_CHECK,
	PLAYER_A_RETRY,
	PLAYER_A_NEXT,
	PLAYER_A_BACK,
};

struct player {
	const struct lesson *lesson;
	const char *lang;
	int step;
	/* the step on screen: scratch for the view */
	int sel[STEP_RESPONSE_MAX];
	int n_sel;
	int pick; /* tap-then-tap: the item picked up, or -1 */
	char typed[160];
	bool shift;                   /* the on-screen keyboard's capitals */
	int aux[STEP_RESPONSE_MAX];   /* more scratch: placements, pairs, fields */
	int n_aux;
	int node;                     /* sim screen or scenario node on show */
	struct gesture_rec gesture;   /* for the gesture view */
	double u;                     /* pixels per millimetre of the last layout */
	/* the player's own */
	bool answered, right;
	int hints;        /* rung of the hint ladder reached: 0 to 3 */
	bool submit;      /* set by a view when its response is complete */
	const char *coach; /* a view's short advice after a near miss, or NULL */
	/* in a mixed review: this question's place among all of them */
	int review_pos, review_len;
	/* When the step does not fit above the buttons even with its gaps
	 * shrunk, it scrolls by whole blocks (player.c). scroll: how far down
	 * the top of what is shown lies (pixels from the top of the step);
	 * scroll_up, scroll_down: where Up and Down go, or -1; the rung and
	 * the advice it was laid out with (a new one is shown from the top). */
	int scroll, scroll_up, scroll_down, scroll_rung;
	const char *scroll_coach;
	bool tight; /* set for the views: use the least room UX.md allows */
};

/* Taps on the player's own elements (scrolling) come through the view's
 * tap() with arguments from here on; step_view_of() takes them first. */
#define PLAYER_ARG_OWN (1 << 24)

struct step_view {
	/* Lays the step's own part out in area. */
	void (*layout)(struct player *pl, struct build *b, struct ui_rect area);
	/* A tap on one of the view's elements (PLAYER_A_VIEW, arg). */
	void (*tap)(struct player *pl, int arg);
	/* The response so far; false while it is not complete. */
	bool (*response)(const struct player *pl, struct step_response *r);
	/* Raw input, for views that read gestures, drags or typing; may be NULL.
	 * Taps on the view's elements still come through tap() as well. */
	void (*input)(struct player *pl, const struct ui_event *ev);
	/* Time passing (gesture timing); may be NULL. */
	void (*tick)(struct player *pl, int64_t now_ms);
	/* When tick is next needed (monotonic ms), or -1; may be NULL. */
	int64_t (*deadline)(const struct player *pl);
	/* Called when the step is shown afresh (also on "Try again"); may be NULL. */
	void (*begin)(struct player *pl);
	/* Shows a Check button (the learner says when they are done). */
	bool check_button;
	/* Room (mm) the view puts beside its column for the step's picture:
	 * where the screen has it, the player widens the view's area by it. */
	double aside_mm;
};

const struct step_view *step_view_of(enum lesson_step_type type);
const struct lesson_step *player_step(const struct player *pl);
const char *player_text(const struct player *pl, const struct lesson_text *t);
void player_begin(struct player *pl, int step);
/* Lays out the whole lesson screen. */
void player_layout(struct player *pl, struct build *b, int w, int h);
/* Whether the response is complete (the Check button is live). */
bool player_complete(const struct player *pl);

extern const struct step_view view_choice, view_truefalse, view_order, view_match, view_hotspot, view_blanks,
	view_markwords, view_keyboard, view_gesture, view_sim, view_scenario;

#endif
