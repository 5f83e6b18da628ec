/* View of the `gesture` step: a practice card where the learner does one
 * gesture, read by the recogniser of gesture.c from the raw pointer events.
 * The card shows the step's picture (or a card of the program's), a short
 * instruction and a drawing of the movement; rung 3 of the ladder adds the
 * finger: where it goes down, the way it moves and where it ends.
 *
 * Only touches that begin on the card count (a second finger of a pinch
 * may come down anywhere); a touch elsewhere, on Tip for one, does
 * nothing here. The card is a tappable element too, so that it has a
 * label and scripts can reach it, but its tap() does nothing: the same
 * touch already came through input(), and counting it twice would turn
 * one tap into a double tap.
 *
 * What the learner did decides what happens (lessons/FORMAT.md: "another
 * gesture on the area is a wrong answer"):
 *   - the gesture asked (for a drag also a swipe, a quick drag, as the
 *     recogniser counts it, when it starts on the thing and ends on the
 *     marked place): the answer, right;
 *   - clearly another gesture: a swipe or pinch the other way, or a swipe
 *     where a tap, double tap or long press was asked: the answer, wrong;
 *   - any other near miss (too short, too slow, one finger, a drag that
 *     stops short of its place, ...): a coaching line, and the learner
 *     tries again; it is not an answer.
 * The response is one number, the gesture done (enum gesture_kind), which
 * the core numbers the same way (app/core/step_gesture.c). */
#include "player.h"

#include <libintl.h>
#include <math.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

/* The view's scratch in pl->aux: the rectangles of the last layout, the
 * scale the recogniser was made for, and the pointers that began on the
 * card (at most two, like the recogniser). */
enum {
	AUX_CARD,                 /* x, y, w, h */
	AUX_THING = AUX_CARD + 4, /* the picture or card to act on */
	AUX_PLACE = AUX_THING + 4, /* drag: the marked place */
	AUX_LAID = AUX_PLACE + 4, /* 1 once laid out for this step */
	AUX_U1000,                /* pixels per mm the recogniser uses, times 1000 */
	AUX_PTR,                  /* two pointers: down, id, x, y */
	AUX_N = AUX_PTR + 8,
};

static struct ui_rect aux_rect(const struct player *pl, int at)
{
	return (struct ui_rect){pl->aux[at], pl->aux[at + 1], pl->aux[at + 2], pl->aux[at + 3]};
}

static void set_aux_rect(struct player *pl, int at, struct ui_rect r)
{
	pl->aux[at] = r.x, pl->aux[at + 1] = r.y, pl->aux[at + 2] = r.w, pl->aux[at + 3] = r.h;
}

static bool inside(struct ui_rect r, int x, int y, int slack)
{
	return x >= r.x - slack && y >= r.y - slack && x < r.x + r.w + slack && y < r.y + r.h + slack;
}

static enum gesture_kind asked(const struct player *pl)
{
	const int *k = player_step(pl)->data;
	return k ? (enum gesture_kind)*k : GESTURE_NONE;
}

static bool is_swipe(enum gesture_kind k)
{
	return k >= GESTURE_SWIPE_LEFT && k <= GESTURE_SWIPE_DOWN;
}

static bool is_still(enum gesture_kind k)
{
	return k == GESTURE_TAP || k == GESTURE_DOUBLE_TAP || k == GESTURE_LONG_PRESS;
}

static void start(struct player *pl)
{
	gesture_init(&pl->gesture, pl->u);
	gesture_expect(&pl->gesture, asked(pl));
	pl->aux[AUX_U1000] = (int)lround(pl->u * 1000);
	pl->aux[AUX_PTR] = pl->aux[AUX_PTR + 4] = 0;
}

static void begin(struct player *pl)
{
	memset(pl->aux, 0, sizeof(int) * AUX_N);
	pl->n_aux = AUX_N;
	start(pl);
}

/* One finished gesture from the recogniser. */
static void judge_gesture(struct player *pl, const struct gesture_result *r)
{
	enum gesture_kind want = asked(pl);
	if (r->kind != GESTURE_NONE && r->miss == GESTURE_MISS_NONE) {
		if (want == GESTURE_DRAG) {
			/* A drag takes the thing to its place; 8 mm of slack each way. */
			int slack = (int)lround(8 * (pl->u > 0 ? pl->u : 4));
			if (!inside(aux_rect(pl, AUX_THING), r->x0, r->y0, slack)) {
				pl->coach = _("Put your finger on the picture first.");
				return;
			}
			if (!inside(aux_rect(pl, AUX_PLACE), r->x1, r->y1, slack)) {
				pl->coach = _("Move the picture all the way to the marked place.");
				return;
			}
		}
		pl->sel[0] = want; /* a swipe done for a drag counts as the drag */
		pl->n_sel = 1;
		pl->submit = true;
		pl->coach = NULL;
		return;
	}
	bool other = r->kind != GESTURE_NONE &&
	             (r->miss == GESTURE_MISS_WRONG_DIRECTION || (is_still(want) && is_swipe(r->kind)));
	if (other) {
		pl->sel[0] = r->kind;
		pl->n_sel = 1;
		pl->submit = true;
		pl->coach = NULL;
		return;
	}
	const char *hint = gesture_hint(r->miss);
	pl->coach = hint[0] ? dgettext("leerplek", hint) : _("Look at the drawing and try again.");
}

static void drain(struct player *pl, int64_t now)
{
	struct gesture_result r;
	while (!pl->submit && gesture_tick(&pl->gesture, now, &r))
		judge_gesture(pl, &r);
}

static int *pointer(struct player *pl, int id)
{
	for (int i = 0; i < 2; i++) {
		int *p = &pl->aux[AUX_PTR + 4 * i];
		if (p[0] && p[1] == id)
			return p;
	}
	return NULL;
}

static void input(struct player *pl, const struct ui_event *ev)
{
	if (!pl->aux[AUX_LAID] || pl->submit)
		return;
	int *p = NULL;
	switch (ev->type) {
	case UI_EV_POINTER_DOWN: {
		bool touching = pl->aux[AUX_PTR] || pl->aux[AUX_PTR + 4];
		if (pointer(pl, ev->pointer) || (!touching && !inside(aux_rect(pl, AUX_CARD), ev->x, ev->y, 0)))
			break; /* off the card: not for this view */
		p = !pl->aux[AUX_PTR] ? &pl->aux[AUX_PTR] : !pl->aux[AUX_PTR + 4] ? &pl->aux[AUX_PTR + 4] : NULL;
		if (!p)
			break; /* a third finger */
		p[0] = 1, p[1] = ev->pointer, p[2] = ev->x, p[3] = ev->y;
		break;
	}
	case UI_EV_POINTER_MOVE:
	case UI_EV_POINTER_UP:
		if (!(p = pointer(pl, ev->pointer)))
			break;
		p[2] = ev->x, p[3] = ev->y;
		if (ev->type == UI_EV_POINTER_UP)
			p[0] = 0;
		break;
	case UI_EV_POINTER_CANCEL:
		pl->aux[AUX_PTR] = pl->aux[AUX_PTR + 4] = 0;
		p = &pl->aux[AUX_PTR];
		break;
	default:
		break;
	}
	if (!p)
		return;
	struct gesture_result r;
	if (gesture_feed(&pl->gesture, ev, &r))
		judge_gesture(pl, &r);
	drain(pl, ev->time_ms);
}

static void tick(struct player *pl, int64_t now_ms)
{
	if (pl->aux[AUX_LAID])
		drain(pl, now_ms);
}

static int64_t deadline(const struct player *pl)
{
	return pl->aux[AUX_LAID] ? gesture_deadline(&pl->gesture) : -1;
}

static void tap(struct player *pl, int arg)
{
	(void)pl;
	(void)arg; /* the touch was read through input() */
}

static bool response(const struct player *pl, struct step_response *r)
{
	r->n = pl->n_sel > 0 ? 1 : 0;
	r->v[0] = pl->n_sel > 0 ? pl->sel[0] : 0;
	r->text[0] = 0;
	return pl->n_sel > 0;
}

/* ---- drawing ---- */

static void disc(struct build *b, int cx, int cy, int d, struct ui_color fill, struct ui_color edge, int edge_w)
{
	add_panel(b, (struct ui_rect){cx - d / 2, cy - d / 2, d, d}, fill, edge, edge_w, d / 2);
}

static void ring(struct build *b, int cx, int cy, int d, struct ui_color c, int w)
{
	disc(b, cx, cy, d, (struct ui_color){0, 0, 0, 0}, c, w);
}

/* An arrow along x or y from (x0, y0) to (x1, y1), t thick; the head is a
 * triangle built of thin strips, as the draw list has no paths. */
static void arrow(struct build *b, int x0, int y0, int x1, int y1, int t, struct ui_color c)
{
	bool across = y0 == y1;
	int len = across ? x1 - x0 : y1 - y0, dir = len < 0 ? -1 : 1;
	len *= dir;
	int head = 3 * t, half = 2 * t, step = t / 6 > 1 ? t / 6 : 1;
	if (head > len / 2)
		head = len / 2;
	int shaft = len - head + step; /* under the head's first strip */
	struct ui_rect s = across ? (struct ui_rect){dir > 0 ? x0 : x0 - shaft, y0 - t / 2, shaft, t}
	                          : (struct ui_rect){x0 - t / 2, dir > 0 ? y0 : y0 - shaft, t, shaft};
	add_panel(b, s, c, c, 0, t / 2);
	for (int i = 0; i < head; i += step) {
		int w = (int)lround(half * (double)(head - i) / head);
		if (w < 1)
			break;
		int at = (len - head + i) * dir;
		struct ui_rect r = across ? (struct ui_rect){dir > 0 ? x0 + at : x0 + at - step + 1, y0 - w, step, 2 * w}
		                          : (struct ui_rect){x0 - w, dir > 0 ? y0 + at : y0 + at - step + 1, 2 * w, step};
		add_panel(b, r, c, c, 0, 0);
	}
}

static const char *instruction(enum gesture_kind k)
{
	switch (k) {
	case GESTURE_TAP: return _("Tap here once.");
	case GESTURE_DOUBLE_TAP: return _("Tap here twice, quickly.");
	case GESTURE_LONG_PRESS: return _("Keep your finger here for a moment.");
	case GESTURE_DRAG: return _("Move the picture to the marked place.");
	case GESTURE_SWIPE_LEFT: return _("Slide your finger quickly to the left.");
	case GESTURE_SWIPE_RIGHT: return _("Slide your finger quickly to the right.");
	case GESTURE_SWIPE_UP: return _("Slide your finger quickly up.");
	case GESTURE_SWIPE_DOWN: return _("Slide your finger quickly down.");
	case GESTURE_PINCH_IN: return _("Put two fingers here. Move them together.");
	case GESTURE_PINCH_OUT: return _("Put two fingers here. Move them apart.");
	default: return "";
	}
}

/* Rung 3 says what the drawing cannot: how long, how often. */
static const char *how(enum gesture_kind k)
{
	switch (k) {
	case GESTURE_TAP: return _("Touch it briefly. Lift your finger at once.");
	case GESTURE_DOUBLE_TAP: return _("Tap, lift your finger, and tap again at once.");
	case GESTURE_LONG_PRESS: return _("Keep your finger still. Count to two. Then lift it.");
	case GESTURE_DRAG: return _("Put your finger on the picture. Slide it onto the marked place.");
	case GESTURE_PINCH_IN:
	case GESTURE_PINCH_OUT: return _("Put two fingers on the dots. Slide them to the rings.");
	default: return _("Put your finger on the dot. Slide it to the ring.");
	}
}

/* The thing to act on: the step's picture, or a card with one of the
 * program's pictures. */
static void thing(struct build *b, const struct lesson_step *st, struct ui_rect r)
{
	if (st->picture) {
		add_image(b, r, st->picture, NULL);
		return;
	}
	/* a card of 4:3 at most, centred in r */
	if (r.h > r.w * 3 / 4)
		r.y += (r.h - r.w * 3 / 4) / 2, r.h = r.w * 3 / 4;
	if (r.w > r.h * 4 / 3)
		r.x += (r.w - r.h * 4 / 3) / 2, r.w = r.h * 4 / 3;
	add_panel(b, r, C_SELECTED, C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
	int s = (r.w < r.h ? r.w : r.h) * 3 / 4;
	add_image(b, (struct ui_rect){r.x + (r.w - s) / 2, r.y + (r.h - s) / 2, s, s}, "avatar:tulip", NULL);
}

/* An arrow with a pale edge, so that it stays plain on any picture. */
static void bold_arrow(struct build *b, int x0, int y0, int x1, int y1, int t, struct ui_color c)
{
	int e = mm(b, 1.2);
	int dx = x1 > x0 ? e : x1 < x0 ? -e : 0, dy = y1 > y0 ? e : y1 < y0 ? -e : 0;
	arrow(b, x0 - dx, y0 - dy, x1 + dx, y1 + dy, t + 2 * e, C_SURFACE);
	arrow(b, x0, y0, x1, y1, t, c);
}

/* Rung 3: the fingertip where it goes down, and where it ends. */
static void fingertip(struct build *b, int x, int y)
{
	struct ui_color f = C_RIGHT;
	f.a = 170;
	disc(b, x, y, mm(b, 15), f, C_SURFACE, mm(b, 1));
}

static void goal(struct build *b, int x, int y)
{
	ring(b, x, y, mm(b, 22), C_SURFACE, mm(b, 3));
	ring(b, x, y, mm(b, 21), C_RIGHT, mm(b, 1.25));
}

static int min_i(int a, int b)
{
	return a < b ? a : b;
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	enum gesture_kind k = asked(pl);
	bool live = !pl->answered, shown = live && pl->hints >= 3;
	bool touching = pl->aux[AUX_PTR] || pl->aux[AUX_PTR + 4];
	/* The recogniser measures in pixels: make it again for a new scale,
	 * between touches (begin() may have run before the first layout). */
	if (!touching && pl->aux[AUX_U1000] != (int)lround(pl->u * 1000))
		start(pl);

	/* The instruction on top, room for rung 3's words at the bottom (kept
	 * free before, so nothing moves when they come), the stage between. */
	int pad = mm(b, 6);
	struct ui_rect card = area;
	int tw = min_i(card.w - 2 * pad, mm(b, 240)), tx = card.x + (card.w - tw) / 2;
	const char *words = how(k);
	int wh = text_height(b, words, tw, MM_TEXT, true);
	/* A stage of at least 50 mm: on a low area the card is taller than the
	 * area, and the lesson screen scrolls, rather than the picture or the
	 * place to drop it running into the words. */
	int least = 2 * pad + text_height(b, instruction(k), tw, MM_TEXT, false) + wh + mm(b, 8 + 50);
	if (card.h < least)
		card.h = least;

	/* The card: where touches count. Its edge is a control's (3:1). */
	struct ui_elem *e = add_elem(b, UI_ROLE_PANEL, card);
	e->label = arena_printf(b->arena, "%s: %s", _("Practice area"), player_text(pl, &st->text));
	e->bg = C_SURFACE;
	e->border = C_CONTROL_EDGE;
	e->border_w = mm(b, 0.5);
	e->radius = mm(b, MM_RADIUS);
	e->tappable = live;
	e->action = live ? PLAYER_A_VIEW : 0;

	int th = add_text(b, UI_ROLE_TEXT, instruction(k), tx, card.y + pad, tw, MM_TEXT, false, C_TEXT, C_SURFACE,
	                  ALIGN_CENTER);
	struct ui_rect stage = {card.x + pad, card.y + pad + th + mm(b, 4), card.w - 2 * pad, 0};
	stage.h = card.y + card.h - pad - wh - mm(b, 4) - stage.y;
	if (stage.h < mm(b, 30))
		stage.h = mm(b, 30);
	if (shown)
		add_text(b, UI_ROLE_TEXT, words, tx, card.y + card.h - pad - wh, tw, MM_TEXT, true, C_TEXT, C_SURFACE,
		         ALIGN_CENTER);

	int cx = stage.x + stage.w / 2, cy = stage.y + stage.h / 2;
	int t = mm(b, 2.5), band = mm(b, 22);
	struct ui_color c = shown ? C_RIGHT : C_PRIMARY;
	struct ui_rect obj, place = {0, 0, 0, 0};
	/* The program's own card stays card-sized; a picture may fill the stage. */
	int cap = st->picture ? stage.w : mm(b, 110);
	switch (k) {
	case GESTURE_TAP:
	case GESTURE_DOUBLE_TAP:
	case GESTURE_LONG_PRESS: {
		/* The thing inside its ring (two for a double tap), not under it. */
		int d = min_i(stage.h - mm(b, 2), mm(b, 100)), w = k == GESTURE_LONG_PRESS ? mm(b, 3) : mm(b, 1.5);
		int inner = k == GESTURE_DOUBLE_TAP ? d - mm(b, 11) : d, side = inner * 2 / 3;
		obj = (struct ui_rect){cx - side / 2, cy - side / 2, side, side};
		thing(b, st, obj);
		ring(b, cx, cy, inner, c, w);
		if (k == GESTURE_DOUBLE_TAP)
			ring(b, cx, cy, d, c, w);
		if (shown)
			fingertip(b, cx, cy);
		break;
	}
	case GESTURE_DRAG: {
		/* The thing at the left, its place at the right, an arrow between. */
		int side = min_i(stage.h, mm(b, 70));
		int lx = stage.x + stage.w * 3 / 10, rx = stage.x + stage.w * 7 / 10;
		obj = (struct ui_rect){lx - side / 2, cy - side / 2, side, side};
		place = (struct ui_rect){rx - side / 2, cy - side / 2, side, side};
		/* At rung 3 the place itself is where the finger ends. */
		struct ui_color pbg = shown ? C_RIGHT_BG : C_BG;
		add_panel(b, place, pbg, shown ? C_RIGHT : C_CONTROL_EDGE, mm(b, shown ? 1.5 : 0.75), mm(b, MM_RADIUS));
		const char *drop = _("Drop it here");
		int dh = text_height(b, drop, place.w - mm(b, 4), MM_TEXT, false);
		add_text(b, UI_ROLE_TEXT, drop, place.x + mm(b, 2), place.y + (place.h - dh) / 2, place.w - mm(b, 4),
		         MM_TEXT, false, C_TEXT, pbg, ALIGN_CENTER);
		thing(b, st, obj);
		int x0 = obj.x + obj.w + mm(b, 4), x1 = place.x - mm(b, 4);
		if (x1 - x0 > 4 * t)
			arrow(b, x0, cy, x1, cy, t, c);
		if (shown)
			fingertip(b, lx, cy);
		break;
	}
	case GESTURE_SWIPE_LEFT:
	case GESTURE_SWIPE_RIGHT: {
		/* The picture, and under it the arrow, as long as the picture is wide. */
		int h = stage.h - band, w = min_i(min_i(h * 4 / 3, stage.w), cap);
		if (!st->picture)
			h = min_i(h, w * 3 / 4);
		obj = (struct ui_rect){cx - w / 2, stage.y + (stage.h - band - h) / 2, w, h};
		thing(b, st, obj);
		int dir = k == GESTURE_SWIPE_LEFT ? -1 : 1, half = min_i(w / 2 > mm(b, 45) ? w / 2 : mm(b, 45), stage.w / 2 - mm(b, 12));
		int ay = obj.y + obj.h + band / 2;
		arrow(b, cx - dir * half, ay, cx + dir * half, ay, t, c);
		if (shown) {
			fingertip(b, cx - dir * half, ay);
			goal(b, cx + dir * half, ay);
		}
		break;
	}
	case GESTURE_SWIPE_UP:
	case GESTURE_SWIPE_DOWN: {
		/* The picture, and beside it the arrow, as long as the picture is high. */
		int h = stage.h, w = min_i(min_i(h * 4 / 3, stage.w - 2 * band), cap);
		obj = (struct ui_rect){cx - (w + band) / 2, stage.y, w, h};
		thing(b, st, obj);
		int dir = k == GESTURE_SWIPE_UP ? -1 : 1, half = h / 2 - mm(b, 11);
		int ax = obj.x + obj.w + band / 2;
		arrow(b, ax, cy - dir * half, ax, cy + dir * half, t, c);
		if (shown) {
			fingertip(b, ax, cy - dir * half);
			goal(b, ax, cy + dir * half);
		}
		break;
	}
	case GESTURE_PINCH_IN:
	case GESTURE_PINCH_OUT: {
		/* Two fingertips on the picture; arrows go apart or together. */
		int h = stage.h, w = min_i(min_i(h * 4 / 3, stage.w), cap);
		obj = (struct ui_rect){cx - w / 2, stage.y, w, h};
		thing(b, st, obj);
		int near = mm(b, 16), far = min_i(w / 2 - mm(b, 8), mm(b, 50));
		if (far < near + mm(b, 24)) /* a small picture: the arrows may reach past it */
			far = near + mm(b, 24);
		bool in = k == GESTURE_PINCH_IN;
		for (int side = -1; side <= 1; side += 2) {
			int from = cx + side * (in ? far : near), to = cx + side * (in ? near : far);
			bold_arrow(b, from + side * (in ? -1 : 1) * mm(b, 6), cy, to, cy, t, c);
			if (shown) {
				fingertip(b, from, cy);
				goal(b, to, cy);
			} else {
				disc(b, from, cy, mm(b, 9), c, C_SURFACE, mm(b, 1));
			}
		}
		break;
	}
	default:
		obj = stage;
		break;
	}

	/* Where the fingers are now, so every touch shows. */
	for (int i = 0; i < 2 && live; i++) {
		const int *p = &pl->aux[AUX_PTR + 4 * i];
		if (p[0] && inside(card, p[2], p[3], 0)) {
			struct ui_color f = C_PRIMARY;
			f.a = 90;
			disc(b, p[2], p[3], mm(b, 12), f, C_PRIMARY, mm(b, 0.5));
		}
	}

	set_aux_rect(pl, AUX_CARD, card);
	set_aux_rect(pl, AUX_THING, obj);
	set_aux_rect(pl, AUX_PLACE, place);
	pl->aux[AUX_LAID] = 1;
}

const struct step_view view_gesture = {
	.layout = layout, .tap = tap, .response = response, .input = input, .tick = tick, .deadline = deadline,
	.begin = begin,
};
