/* View of the `hotspot` step: the picture drawn as large as the area
 * allows, in its own shape, with an invisible tappable rectangle on each
 * spot. With one right spot a tap on any spot is the answer; with several
 * a tap frames a spot (again: unframes it) and Check sends the framed ones.
 * The picture itself is not tappable, so a tap beside every spot does
 * nothing. Rung 2 of the ladder tints the part of the picture around the
 * right spots (twice their size), rung 3 frames them with their labels.
 *
 * What the core gives (app/core/step_hotspot.c): the spots as st->answers
 * (label and correct), st->multiple when several are right, and st->data,
 * a struct hotspot_data (step_hotspot.h). */
#include "../core/step_hotspot.h"
#include "player.h"

#include <libintl.h>
#include <math.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

#define MAX_SPOTS HOTSPOT_MAX_SPOTS

static bool chosen(const struct player *pl, int i)
{
	for (int k = 0; k < pl->n_sel; k++)
		if (pl->sel[k] == i)
			return true;
	return false;
}

static struct ui_rect grow(struct ui_rect r, int by)
{
	return (struct ui_rect){r.x - by, r.y - by, r.w + 2 * by, r.h + 2 * by};
}

/* r moved (not shrunk) to lie inside c where it fits, else cut to c. */
static struct ui_rect keep_inside(struct ui_rect r, struct ui_rect c)
{
	if (r.w > c.w)
		r.x = c.x, r.w = c.w;
	if (r.h > c.h)
		r.y = c.y, r.h = c.h;
	if (r.x < c.x)
		r.x = c.x;
	if (r.y < c.y)
		r.y = c.y;
	if (r.x + r.w > c.x + c.w)
		r.x = c.x + c.w - r.w;
	if (r.y + r.h > c.y + c.h)
		r.y = c.y + c.h - r.h;
	return r;
}

/* The tappable rectangles. A spot smaller than a main action (20 mm) on
 * screen gets a rectangle of 20 mm around its centre, so that shaky
 * hands and gloves still hit it; where two grown rectangles would
 * overlap, the border between them is put halfway between the two spots
 * (less a small gap), never inside either spot. Spots in the file never
 * overlap, so each pair is apart along x or y, and one pass over the
 * pairs settles all: cutting a rectangle cannot make a new overlap. */
static void tap_rects(struct build *b, const struct ui_rect *spot, int n, struct ui_rect area, struct ui_rect *tap)
{
	int min = mm(b, MM_MAIN_BUTTON - 2), half_gap = mm(b, 1.5);
	for (int i = 0; i < n; i++) {
		struct ui_rect r = spot[i];
		if (r.w < min)
			r.x -= (min - r.w) / 2, r.w = min;
		if (r.h < min)
			r.y -= (min - r.h) / 2, r.h = min;
		tap[i] = keep_inside(r, area);
	}
	for (int i = 0; i < n; i++)
		for (int j = i + 1; j < n; j++) {
			struct ui_rect *a = &tap[i], *c = &tap[j];
			if (!(a->x < c->x + c->w && c->x < a->x + a->w && a->y < c->y + c->h && c->y < a->y + a->h))
				continue;
			const struct ui_rect *sa = &spot[i], *sc = &spot[j];
			/* The distance between the spots along each axis (negative: they share that span). */
			int gx = sa->x + sa->w <= sc->x ? sc->x - (sa->x + sa->w) : sc->x + sc->w <= sa->x ? sa->x - (sc->x + sc->w) : -1;
			int gy = sa->y + sa->h <= sc->y ? sc->y - (sa->y + sa->h) : sc->y + sc->h <= sa->y ? sa->y - (sc->y + sc->h) : -1;
			bool along_x = gx >= gy;
			/* Order the two along that axis: lo before hi. */
			bool a_first = along_x ? sa->x < sc->x : sa->y < sc->y;
			struct ui_rect *lo = a_first ? a : c, *hi = a_first ? c : a;
			const struct ui_rect *slo = a_first ? sa : sc, *shi = a_first ? sc : sa;
			if (along_x) {
				int end = slo->x + slo->w, mid = (end + shi->x) / 2;
				int cut_lo = mid - half_gap < end ? end : mid - half_gap;
				int cut_hi = mid + half_gap > shi->x ? shi->x : mid + half_gap;
				if (lo->x + lo->w > cut_lo)
					lo->w = cut_lo - lo->x;
				if (hi->x < cut_hi)
					hi->w -= cut_hi - hi->x, hi->x = cut_hi;
			} else {
				int end = slo->y + slo->h, mid = (end + shi->y) / 2;
				int cut_lo = mid - half_gap < end ? end : mid - half_gap;
				int cut_hi = mid + half_gap > shi->y ? shi->y : mid + half_gap;
				if (lo->y + lo->h > cut_lo)
					lo->h = cut_lo - lo->y;
				if (hi->y < cut_hi)
					hi->h -= cut_hi - hi->y, hi->y = cut_hi;
			}
		}
}

/* A frame around a spot, a little outside it so it hides nothing, with a
 * round badge on its corner when it carries a mark (a chosen spot). */
static void frame(struct build *b, struct ui_rect spot, struct ui_color c, const char *badge)
{
	struct ui_rect r = grow(spot, mm(b, 1.5));
	add_panel(b, r, (struct ui_color){0, 0, 0, 0}, c, mm(b, 1.5), mm(b, 3));
	if (badge) {
		int s = mm(b, 9);
		struct ui_elem *e = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){r.x + r.w - s * 2 / 3, r.y - s / 3, s, s});
		e->bg = c;
		e->border = C_SURFACE;
		e->border_w = mm(b, 0.5);
		e->radius = s / 2;
		e->image = badge;
		e->tint_image = true;
		e->fg = C_ON_PRIMARY;
		e->image_rect = (struct ui_rect){e->rect.x + s / 5, e->rect.y + s / 5, s * 3 / 5, s * 3 / 5};
	}
}

static bool hits(struct ui_rect r, const struct ui_rect *v, int n, int gap)
{
	for (int i = 0; i < n; i++)
		if (r.x < v[i].x + v[i].w + gap && v[i].x < r.x + r.w + gap && r.y < v[i].y + v[i].h + gap &&
		    v[i].y < r.y + r.h + gap)
			return true;
	return false;
}

/* The label of right spot `which` at rung 3: beside the picture, level
 * with the spot and joined to its frame by a line, where there is room and
 * the line crosses no other frame; otherwise under the spot (or over it, at
 * the bottom). Labels already placed push a new one down, and the line
 * then bends to it. */
static void tag(struct build *b, const char *text, int which, const struct ui_rect *frames, int n_frames,
                struct ui_rect pic, struct ui_rect area, struct ui_rect *placed, int *n_placed)
{
	struct ui_rect spot = frames[which];
	int pad = mm(b, 3), gap = mm(b, 4);
	int max_w = area.w < mm(b, 120) ? area.w : mm(b, 120);
	struct ui_line *lines;
	bool rtl;
	int n = ui_text_wrap(b->metrics, b->arena, text, mm(b, MM_TEXT), true, max_w - 2 * pad, &lines, &rtl);
	int widest = 0;
	for (int i = 0; i < n; i++)
		if (lines[i].w > widest)
			widest = lines[i].w;
	int tw = widest + 2 * pad + 2; /* a pixel of slack for rounding */
	if (tw > max_w)
		tw = max_w;
	int th = text_height(b, text, tw - 2 * pad, MM_TEXT, true) + pad;
	int cy = spot.y + spot.h / 2;
	int right_room = area.x + area.w - (pic.x + pic.w), left_room = pic.x - area.x;
	int side = right_room >= tw + 2 * gap ? 1 : left_room >= tw + 2 * gap ? -1 : 0;
	/* A line that would cross another spot's frame could point at the
	 * wrong one: then the label goes under the spot instead. */
	for (int i = 0; i < n_frames && side; i++) {
		const struct ui_rect *o = &frames[i];
		bool level = o->y <= cy && cy < o->y + o->h;
		if (i != which && level && (side > 0 ? o->x >= spot.x + spot.w : o->x + o->w <= spot.x))
			side = 0;
	}
	struct ui_rect r;
	if (side > 0)
		r = (struct ui_rect){pic.x + pic.w + 2 * gap, cy - th / 2, tw, th};
	else if (side < 0)
		r = (struct ui_rect){pic.x - 2 * gap - tw, cy - th / 2, tw, th};
	else
		r = (struct ui_rect){spot.x + spot.w / 2 - tw / 2, spot.y + spot.h + gap, tw, th};
	if (!side && r.y + r.h > area.y + area.h)
		r.y = spot.y - gap - th;
	r = keep_inside(r, area);
	if (!side && hits(r, placed, *n_placed, mm(b, 2))) {
		/* under is taken (a neighbour's label): over, if that is free */
		struct ui_rect over = keep_inside((struct ui_rect){r.x, spot.y - gap - th, tw, th}, area);
		if (!hits(over, placed, *n_placed, mm(b, 2)))
			r = over;
	}
	for (int i = 0; i < *n_placed; i++) {
		const struct ui_rect *o = &placed[i];
		if (r.x < o->x + o->w && o->x < r.x + r.w && r.y < o->y + o->h + mm(b, 2) && o->y < r.y + r.h + mm(b, 2)) {
			r.y = o->y + o->h + mm(b, 2);
			r = keep_inside(r, area);
		}
	}
	placed[(*n_placed)++] = r;
	if (side) {
		/* Out of the frame, along the gap beside the picture, into the label. */
		int lw = mm(b, 1), from = side > 0 ? spot.x + spot.w : spot.x;
		int bend = side > 0 ? pic.x + pic.w + gap : pic.x - gap, to = side > 0 ? r.x : r.x + r.w;
		int ty = r.y + r.h / 2;
		int x0 = from < bend ? from : bend, x1 = from < bend ? bend : from;
		add_panel(b, (struct ui_rect){x0, cy - lw / 2, x1 - x0 + lw / 2, lw}, C_RIGHT, C_RIGHT, 0, 0);
		int y0 = cy < ty ? cy : ty, y1 = cy < ty ? ty : cy;
		add_panel(b, (struct ui_rect){bend - lw / 2, y0 - lw / 2, lw, y1 - y0 + lw}, C_RIGHT, C_RIGHT, 0, 0);
		x0 = bend < to ? bend : to, x1 = bend < to ? to : bend;
		add_panel(b, (struct ui_rect){x0 - lw / 2, ty - lw / 2, x1 - x0 + lw / 2, lw}, C_RIGHT, C_RIGHT, 0, 0);
	}
	add_panel(b, r, C_RIGHT_BG, C_RIGHT, mm(b, 0.75), mm(b, 2.5));
	add_text(b, UI_ROLE_TEXT, text, r.x + pad, r.y + pad / 2, r.w - 2 * pad, MM_TEXT, true, C_TEXT, C_RIGHT_BG,
	         ALIGN_CENTER);
}

/* The lowest the picture may be, so that the spots' targets keep apart:
 * two spots apart along x or y (spots never overlap) have their centres
 * 23 mm apart along it (two 20 mm targets and the 3 mm between them) and
 * their edges 3 mm apart. Spots that touch share the room between them
 * (tap_rects), so they ask nothing; 40 mm at least, 90 mm at most. */
static int least_height(struct build *b, const struct hotspot_data *d, int n, double aspect)
{
	double need = 40, apart = MM_MAIN_BUTTON - 2 + 3, gap = 3; /* mm */
	for (int i = 0; d && i < n; i++)
		for (int j = i + 1; j < n; j++) {
			const int *p = d->box[i], *q = d->box[j];
			double best = 1e9;
			for (int axis = 0; axis < 2; axis++) { /* x: the width counts, as aspect times the height */
				int a = axis, s = axis + 2;
				double edges = p[a] + p[s] <= q[a] ? q[a] - (p[a] + p[s]) : q[a] + q[s] <= p[a] ? p[a] - (q[a] + q[s]) : -1;
				if (edges <= 0)
					continue; /* not apart along this axis, or touching */
				double centres = fabs((p[a] + p[s] / 2.0) - (q[a] + q[s] / 2.0));
				double h = fmax(apart * 100 / centres, gap * 100 / edges) / (axis ? 1 : aspect);
				best = fmin(best, h);
			}
			if (best < 1e9)
				need = fmax(need, best);
		}
	return mm(b, fmin(need, 90));
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	const struct hotspot_data *d = st->data;
	int n = st->n_answers < MAX_SPOTS ? st->n_answers : MAX_SPOTS;
	int y = area.y;
	if (st->multiple && pl->hints < 3) { /* at rung 3 the answer is shown instead */
		int col_w = area.w > mm(b, 280) ? mm(b, 280) : area.w;
		y += add_text(b, UI_ROLE_TEXT, _("Tap all the right places. Then tap Check."), area.x, y, col_w, MM_TEXT,
		              false, C_TEXT_MUTED, C_BG, ALIGN_START);
		y += mm(b, 3);
	}
	/* The picture as large as fits, in its own shape (4:3 when the file did
	 * not say), inside a white card with a 2 mm edge. */
	double aspect = d && d->aspect_milli > 0 ? d->aspect_milli / 1000.0 : 4 / 3.0;
	int edge = mm(b, 2);
	struct ui_rect room = {area.x, y, area.w, area.y + area.h - y};
	/* Not so low that the spots' 20 mm targets would run into each other:
	 * on a low area the lesson screen scrolls instead. */
	int least = least_height(b, d, n, aspect) + 2 * edge;
	if (room.h < least)
		room.h = least;
	int pw = room.w - 2 * edge, ph = (int)(pw / aspect);
	if (ph > room.h - 2 * edge) {
		ph = room.h - 2 * edge;
		pw = (int)(ph * aspect);
	}
	if (pw < 1 || ph < 1)
		return;
	struct ui_rect pic = {room.x + (room.w - pw) / 2, room.y + edge, pw, ph};
	add_panel(b, grow(pic, edge), C_SURFACE, C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
	add_image(b, pic, st->picture, NULL);

	struct ui_rect spot[MAX_SPOTS], hit[MAX_SPOTS];
	for (int i = 0; i < n; i++) {
		const int *bx = d ? d->box[i] : (const int[4]){0, 0, 0, 0};
		spot[i] = (struct ui_rect){pic.x + (int)((long)pw * bx[0] / 100), pic.y + (int)((long)ph * bx[1] / 100),
		                           (int)((long)pw * bx[2] / 100), (int)((long)ph * bx[3] / 100)};
	}
	tap_rects(b, spot, n, room, hit);

	bool live = !pl->answered;
	/* Rung 2: where to look, a ring around each right spot at twice its
	 * size; rings that would overlap become one around both. No tint over
	 * the picture, so what is there stays plain to see. */
	if (live && pl->hints == 2) {
		struct ui_rect look[MAX_SPOTS];
		int n_look = 0;
		for (int i = 0; i < n; i++) {
			if (!st->answers[i].correct)
				continue;
			struct ui_rect s = spot[i];
			look[n_look++] = keep_inside((struct ui_rect){s.x - s.w / 2, s.y - s.h / 2, 2 * s.w, 2 * s.h}, pic);
		}
		for (bool merged = true; merged;) {
			merged = false;
			for (int i = 0; i < n_look && !merged; i++)
				for (int j = i + 1; j < n_look && !merged; j++) {
					struct ui_rect a = grow(look[i], mm(b, 3)), c = look[j];
					if (!(a.x < c.x + c.w && c.x < a.x + a.w && a.y < c.y + c.h && c.y < a.y + a.h))
						continue;
					int x0 = look[i].x < c.x ? look[i].x : c.x, y0 = look[i].y < c.y ? look[i].y : c.y;
					int x1 = look[i].x + look[i].w > c.x + c.w ? look[i].x + look[i].w : c.x + c.w;
					int y1 = look[i].y + look[i].h > c.y + c.h ? look[i].y + look[i].h : c.y + c.h;
					look[i] = (struct ui_rect){x0, y0, x1 - x0, y1 - y0};
					look[j] = look[--n_look];
					merged = true;
				}
		}
		for (int i = 0; i < n_look; i++) {
			add_panel(b, grow(look[i], mm(b, 1)), (struct ui_color){0, 0, 0, 0}, C_STAR_BG, mm(b, 2), mm(b, 5));
			add_panel(b, look[i], (struct ui_color){0, 0, 0, 0}, C_NOTICE, mm(b, 1), mm(b, 4));
		}
	}
	struct ui_rect frames[MAX_SPOTS];
	for (int i = 0; i < n; i++)
		frames[i] = grow(spot[i], mm(b, 1.5));
	struct ui_rect tags[MAX_SPOTS];
	int n_tags = 0;
	for (int i = 0; i < n; i++) {
		bool on = chosen(pl, i), shown = live && pl->hints >= 3 && st->answers[i].correct;
		if (pl->answered && on) {
			bool right = st->answers[i].correct;
			frame(b, spot[i], right ? C_RIGHT : C_WRONG, right ? "icon:check" : "icon:cross");
		} else if (on) {
			frame(b, spot[i], C_PRIMARY, "icon:check");
		} else if (shown) {
			frame(b, spot[i], C_RIGHT, NULL);
			tag(b, player_text(pl, &st->answers[i].text), i, frames, n, pic, room, tags, &n_tags);
		} else if (live && is_pressed(b, PLAYER_A_VIEW, i)) {
			frame(b, spot[i], C_CONTROL_EDGE, NULL);
		}
	}
	/* The tappable spots last: invisible, above everything they cover. */
	for (int i = 0; i < n; i++) {
		struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, hit[i]);
		e->label = player_text(pl, &st->answers[i].text);
		e->tappable = live;
		e->action = live ? PLAYER_A_VIEW : 0;
		e->arg = i;
	}
}

static void tap(struct player *pl, int arg)
{
	const struct lesson_step *st = player_step(pl);
	if (arg < 0 || arg >= st->n_answers)
		return;
	if (!st->multiple) {
		pl->sel[0] = arg;
		pl->n_sel = 1;
		pl->submit = true;
		return;
	}
	for (int k = 0; k < pl->n_sel; k++)
		if (pl->sel[k] == arg) {
			pl->sel[k] = pl->sel[--pl->n_sel];
			return;
		}
	if (pl->n_sel < STEP_RESPONSE_MAX)
		pl->sel[pl->n_sel++] = arg;
}

static bool response(const struct player *pl, struct step_response *r)
{
	/* In spot order, so the stored answer does not depend on the order of taps. */
	r->n = 0;
	for (int i = 0; i < MAX_SPOTS; i++)
		if (chosen(pl, i))
			r->v[r->n++] = i;
	r->text[0] = 0;
	return pl->n_sel > 0;
}

/* Check comes with st->multiple (player.c asks the step). */
const struct step_view view_hotspot = {.layout = layout, .tap = tap, .response = response};
