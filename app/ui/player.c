/* The lesson screen around every step: progress, the question, the hint
 * ladder (read again, where to look, the answer shown and then done by the
 * learner), the feedback panel and the way on. What is inside the step is
 * the view's (view_*.c); this file knows no step type but explain.
 *
 * Nothing is ever drawn under the buttons or the feedback panel (which
 * takes the buttons' place). A step too tall for the room first shrinks
 * its gaps to what UX.md allows, then scrolls by whole blocks (an answer,
 * a row of cards, the keyboard) with Up and Down among the buttons: no
 * answer is ever cut in half, so nothing needs clipping and what is shown
 * can be read and tapped whole. Whole blocks rather than pages of answers,
 * because the answers stay in one list to compare; buttons rather than a
 * swipe, because everything works with single taps. */
#include "player.h"

#include <libintl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

/* The view of a step type as its file defines it. */
static const struct step_view *view_itself(enum lesson_step_type type)
{
	static const struct step_view *const views[LESSON_STEP_COUNT] = {
		[LESSON_STEP_CHOICE] = &view_choice,     [LESSON_STEP_TRUEFALSE] = &view_truefalse,
		[LESSON_STEP_ORDER] = &view_order,       [LESSON_STEP_MATCH] = &view_match,
		[LESSON_STEP_HOTSPOT] = &view_hotspot,   [LESSON_STEP_BLANKS] = &view_blanks,
		[LESSON_STEP_MARKWORDS] = &view_markwords, [LESSON_STEP_KEYBOARD] = &view_keyboard,
		[LESSON_STEP_GESTURE] = &view_gesture,   [LESSON_STEP_SIM] = &view_sim,
		[LESSON_STEP_SCENARIO] = &view_scenario,
	};
	const struct step_view *v = (unsigned)type < LESSON_STEP_COUNT ? views[type] : NULL;
	return v && v->layout ? v : NULL; /* explain has none */
}

/* The player's own taps (PLAYER_ARG_OWN on): Up and Down. */
static void own_tap(struct player *pl, int arg)
{
	if (arg < PLAYER_ARG_OWN) {
		view_itself(player_step(pl)->type)->tap(pl, arg);
		return;
	}
	int to = arg == PLAYER_ARG_OWN ? pl->scroll_up : pl->scroll_down;
	if (to >= 0)
		pl->scroll = to;
}

const struct step_view *step_view_of(enum lesson_step_type type)
{
	/* Every tap on the lesson screen's elements reaches the view's tap(),
	 * the player's own buttons too: each view is seen through a copy whose
	 * tap() takes the player's arguments first. The copies are made once
	 * from the constant views and are the same for every player, so they
	 * are no state of one. */
	static struct step_view seen[LESSON_STEP_COUNT];
	const struct step_view *v = view_itself(type);
	if (!v)
		return NULL;
	if (!seen[type].layout) {
		seen[type] = *v;
		seen[type].tap = own_tap;
	}
	return &seen[type];
}

const struct lesson_step *player_step(const struct player *pl)
{
	return &pl->lesson->steps[pl->step];
}

const char *player_text(const struct player *pl, const struct lesson_text *t)
{
	return lesson_str(pl->lesson, t, pl->lang);
}

void player_begin(struct player *pl, int step)
{
	pl->step = step;
	pl->n_sel = 0;
	pl->pick = -1;
	pl->typed[0] = 0;
	pl->answered = pl->right = pl->submit = false;
	pl->hints = 0;
	pl->coach = NULL;
	pl->shift = false;
	pl->n_aux = 0;
	pl->node = 0;
	pl->scroll = 0;
	pl->scroll_up = pl->scroll_down = -1;
	pl->scroll_rung = 0;
	pl->scroll_coach = NULL;
	pl->tight = false;
	const struct step_view *v = pl->lesson ? step_view_of(player_step(pl)->type) : NULL;
	if (v && v->begin)
		v->begin(pl);
}

bool player_complete(const struct player *pl)
{
	const struct step_view *v = step_view_of(player_step(pl)->type);
	struct step_response r;
	return v && v->response(pl, &r);
}

static void progress_row(struct player *pl, struct build *b, int W)
{
	const struct lesson *l = pl->lesson;
	int m = mm(b, MM_MARGIN), y = mm(b, MM_HEADER) + mm(b, 5);
	int at = pl->review_len ? pl->review_pos : pl->step, of = pl->review_len ? pl->review_len : l->n_steps;
	char *s = arena_printf(b->arena, pl->review_len ? _("Question %d of %d") : _("Step %d of %d"), at + 1, of);
	int tw = mm(b, 64);
	add_text(b, UI_ROLE_TEXT, s, W - m - tw, y, tw, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	add_progress(b, (struct ui_rect){m, y + mm(b, 4), W - 2 * m - tw - mm(b, 8), mm(b, 5)}, at + 1, of, s);
}

static void layout_explain(struct player *pl, struct build *b, int W, int H)
{
	const struct lesson_step *st = player_step(pl);
	int m = mm(b, MM_MARGIN);
	int y = mm(b, MM_HEADER) + mm(b, 22);
	int bh = mm(b, MM_MAIN_BUTTON + 2);
	int pic_w = st->picture ? mm(b, 160) : 0;
	int text_w = W - 2 * m - (pic_w ? pic_w + mm(b, 16) : 0);
	if (text_w > mm(b, 270))
		text_w = mm(b, 270); /* about 60 characters a line */
	const char *text = player_text(pl, &st->text);
	int content_h = text_height(b, text, text_w, MM_TEXT + 1, false);
	int pic_h = pic_w * 3 / 4;
	int block_w = text_w + (pic_w ? pic_w + mm(b, 16) : 0);
	int x0 = (W - block_w) / 2;
	int avail = H - m - bh - mm(b, 8) - y;
	int block_h = content_h > pic_h ? content_h : pic_h;
	int top = y + (avail - block_h) / 3;
	if (top < y)
		top = y;
	add_text(b, UI_ROLE_TEXT, text, x0, top + (block_h - content_h) / 2, text_w, MM_TEXT + 1, false, C_TEXT, C_BG,
	         ALIGN_START);
	if (pic_w) {
		struct ui_rect r = {x0 + text_w + mm(b, 16), top + (block_h - pic_h) / 2, pic_w, pic_h};
		add_panel(b, (struct ui_rect){r.x - mm(b, 2), r.y - mm(b, 2), r.w + mm(b, 4), r.h + mm(b, 4)}, C_SURFACE,
		          C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
		add_image(b, r, st->picture, NULL);
	}
	int bw = mm(b, 80);
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, _("Next"), "icon:next", BUTTON_PRIMARY,
	           PLAYER_A_NEXT, 0);
	if (pl->step > 0)
		add_button(b, (struct ui_rect){m, H - m - bh, bw, bh}, _("Back"), "icon:back", BUTTON_QUIET, PLAYER_A_BACK, 0);
}

/* The rung of the hint ladder the learner is on, as a calm banner. */
static int hint_banner(struct player *pl, struct build *b, int x, int y, int w)
{
	const struct lesson_step *st = player_step(pl);
	const char *msg;
	if (pl->hints == 1)
		msg = _("Read the question again, slowly.");
	else if (pl->hints == 2)
		msg = st->hint.s[0] ? player_text(pl, &st->hint) : _("Look closely at each part before you choose.");
	else
		msg = _("This is the right answer. Now do it yourself.");
	int pad = mm(b, 4), ic = mm(b, 10);
	int th = text_height(b, msg, w - 3 * pad - ic, MM_TEXT, false);
	struct ui_rect r = {x, y, w, th + 2 * pad};
	struct ui_elem *p = add_elem(b, UI_ROLE_NOTICE, r);
	p->bg = C_NOTICE_BG;
	p->border = C_NOTICE;
	p->border_w = mm(b, 0.5);
	p->radius = mm(b, 3);
	p->label = msg;
	struct ui_elem *icon = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){x + pad, y + pad + (mm(b, 13.5) - ic) / 2, ic, ic});
	icon->image = "icon:hint";
	icon->tint_image = true;
	icon->fg = C_NOTICE;
	icon->image_rect = icon->rect;
	add_text(b, UI_ROLE_TEXT, msg, x + 2 * pad + ic, y + pad, w - 3 * pad - ic, MM_TEXT, false, C_TEXT, C_NOTICE_BG,
	         ALIGN_START);
	return r.h;
}

/* The feedback panel's texts and sizes, for its height before the step is
 * laid out above it and for drawing it. The heading stands beside the
 * text where the panel is wide enough (every screen at the reference
 * scale), so that a feedback of two lines makes the panel hardly taller
 * than the buttons it replaces; else above it. */
struct feedback {
	const char *head, *why, *button;
	int bw, head_w, text_w, th, ph;
	bool beside;
};

static struct feedback feedback_of(struct player *pl, struct build *b, int W)
{
	const struct lesson_step *st = player_step(pl);
	int m = mm(b, MM_MARGIN), pad = mm(b, 5);
	int bh = mm(b, MM_MAIN_BUTTON + 2);
	struct feedback f;
	/* After a tip the answer counts as practice (for mastery), but the
	 * learner hears the same praise: the tip was the program's offer. */
	f.head = pl->right ? _("Well done!") : _("Not quite.");
	f.why = player_text(pl, pl->right ? &st->right : &st->wrong);
	f.button = pl->right ? _("Next") : _("Try again");
	f.bw = button_width(b, f.button, true, 80);
	int room = W - 2 * m - 2 * pad - mm(b, 14) - mm(b, 6) - f.bw - mm(b, 8);
	f.head_w = b->metrics->width(b->metrics->ud, f.head, strlen(f.head), mm(b, MM_TEXT), true) + mm(b, 1);
	if (f.head_w > mm(b, 90))
		f.head_w = mm(b, 90);
	f.beside = room - f.head_w - mm(b, 5) >= mm(b, 200);
	f.text_w = f.beside ? room - f.head_w - mm(b, 5) : room;
	if (f.text_w > mm(b, 270))
		f.text_w = mm(b, 270);
	int hh = text_height(b, f.head, f.beside ? f.head_w : f.text_w, MM_TEXT, true);
	int wh = text_height(b, f.why, f.text_w, MM_TEXT, false);
	f.th = f.beside ? (hh > wh ? hh : wh) : hh + wh;
	f.ph = f.th + 2 * mm(b, 6);
	if (f.ph < bh + 2 * mm(b, 5))
		f.ph = bh + 2 * mm(b, 5);
	return f;
}

static void feedback_panel(struct player *pl, struct build *b, int W, int H)
{
	int m = mm(b, MM_MARGIN), pad = mm(b, 5);
	int bh = mm(b, MM_MAIN_BUTTON + 2);
	struct feedback f = feedback_of(pl, b, W);
	int panel_w = W - 2 * m, ic = mm(b, 14), ph = f.ph;
	struct ui_rect p = {m, H - m - ph, panel_w, ph};
	struct ui_color pbg = pl->right ? C_RIGHT_BG : C_WRONG_BG, pfg = pl->right ? C_RIGHT : C_WRONG;
	struct ui_elem *panel = add_elem(b, UI_ROLE_NOTICE, p);
	panel->bg = pbg;
	panel->border = pfg;
	panel->border_w = mm(b, 0.75);
	panel->radius = mm(b, MM_RADIUS);
	panel->label = f.head;
	int tx = p.x + pad + ic + mm(b, 6), ty = p.y + (ph - f.th) / 2;
	/* the mark level with the first line */
	int my = ty + (mm(b, MM_TEXT) * 3 / 2 - ic) / 2;
	struct ui_elem *mark = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){p.x + pad, my, ic, ic});
	mark->bg = pfg;
	mark->radius = ic / 2;
	mark->image = pl->right ? "icon:check" : "icon:cross";
	mark->tint_image = true;
	mark->fg = C_ON_PRIMARY;
	mark->image_rect = (struct ui_rect){mark->rect.x + ic / 5, mark->rect.y + ic / 5, ic * 3 / 5, ic * 3 / 5};
	if (f.beside) {
		add_text(b, UI_ROLE_HEADING, f.head, tx, ty, f.head_w, MM_TEXT, true, C_TEXT, pbg, ALIGN_START);
		add_text(b, UI_ROLE_TEXT, f.why, tx + f.head_w + mm(b, 5), ty, f.text_w, MM_TEXT, false, C_TEXT, pbg,
		         ALIGN_START);
	} else {
		ty += add_text(b, UI_ROLE_HEADING, f.head, tx, ty, f.text_w, MM_TEXT, true, C_TEXT, pbg, ALIGN_START);
		add_text(b, UI_ROLE_TEXT, f.why, tx, ty, f.text_w, MM_TEXT, false, C_TEXT, pbg, ALIGN_START);
	}
	struct ui_rect br = {p.x + p.w - pad - f.bw, p.y + (ph - bh) / 2, f.bw, bh};
	add_button(b, br, f.button, pl->right ? "icon:next" : "icon:back", BUTTON_PRIMARY,
	           pl->right ? PLAYER_A_NEXT : PLAYER_A_RETRY, 0);
}

/* The step itself: the question, the rung of the hint ladder, a view's
 * advice and the view, from y down in a column at x0; the view's area
 * ends at view_bottom. Returns the lowest bottom of what it drew. */
static int body(struct player *pl, struct build *b, int x0, int col_w, int y, int view_bottom)
{
	const struct lesson_step *st = player_step(pl);
	int first = b->dl->n;
	const char *q = player_text(pl, &st->text);
	int qw = col_w > mm(b, 280) ? mm(b, 280) : col_w; /* about 60 characters a line */
	int gap = mm(b, pl->tight ? 2 : 4);
	y += add_text(b, UI_ROLE_HEADING, q, x0, y, qw, MM_TEXT + 1, true, C_TEXT, C_BG, ALIGN_START);
	y += gap;
	if (pl->hints > 0 && !pl->answered) {
		int w = col_w > mm(b, 300) ? mm(b, 300) : col_w;
		y += hint_banner(pl, b, x0, y, w);
		y += gap;
	}
	if (pl->coach && !pl->answered) {
		y += add_text(b, UI_ROLE_TEXT, pl->coach, x0, y, qw, MM_TEXT, true, C_NOTICE, C_BG, ALIGN_START);
		y += mm(b, pl->tight ? 2 : 3);
	}
	step_view_of(st->type)->layout(pl, b, (struct ui_rect){x0, y, col_w, view_bottom - y});
	int low = y;
	for (int i = first; i < b->dl->n; i++)
		if (b->dl->v[i].rect.y + b->dl->v[i].rect.h > low)
			low = b->dl->v[i].rect.y + b->dl->v[i].rect.h;
	return low;
}

/* What the learner reads, looks at or works with, as opposed to a card,
 * frame or shadow behind it: content is shown whole or not at all. */
static bool content(const struct ui_elem *e)
{
	return e->n_lines > 0 || e->tappable || e->image || e->role == UI_ROLE_BUTTON || e->role == UI_ROLE_KEY ||
	       e->role == UI_ROLE_FIELD || e->role == UI_ROLE_TILE;
}

#define MAX_BLOCKS 160

struct block {
	int y0, y1;
};

static int by_top(const void *a, const void *b)
{
	const struct block *p = a, *q = b;
	return p->y0 < q->y0 ? -1 : p->y0 > q->y0;
}

/* The bands of the step's content elements [first, n) that no horizontal
 * line between them cuts, top down, relative to top; returns how many. */
static int blocks_of(const struct ui_drawlist *dl, int first, int top, struct block *out)
{
	int n = 0;
	/* An on-screen keyboard and its field are one block: half a keyboard
	 * would be no use. */
	struct block keys = {1 << 30, -(1 << 30)};
	for (int i = first; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		if (e->role == UI_ROLE_KEY || e->role == UI_ROLE_FIELD) {
			keys.y0 = e->rect.y - top < keys.y0 ? e->rect.y - top : keys.y0;
			keys.y1 = e->rect.y + e->rect.h - top > keys.y1 ? e->rect.y + e->rect.h - top : keys.y1;
		}
	}
	if (keys.y1 > keys.y0)
		out[n++] = keys;
	for (int i = first; i < dl->n && n < MAX_BLOCKS; i++)
		if (content(&dl->v[i]) && dl->v[i].rect.h > 0)
			out[n++] = (struct block){dl->v[i].rect.y - top, dl->v[i].rect.y + dl->v[i].rect.h - top};
	qsort(out, (size_t)n, sizeof *out, by_top);
	int k = 0;
	for (int i = 0; i < n; i++) {
		if (k && out[i].y0 < out[k - 1].y1) {
			if (out[i].y1 > out[k - 1].y1)
				out[k - 1].y1 = out[i].y1;
		} else {
			out[k++] = out[i];
		}
	}
	return k;
}

/* The step does not fit: show the blocks from the one at pl->scroll down
 * as far as whole blocks fit in [top, bottom], and set where Up and Down
 * go. Scrolling by whole blocks cuts nothing in half, so nothing needs
 * clipping and everything shown can be tapped whole. Down keeps the last
 * block shown at the top, Up the first one at the bottom, so one block of
 * what was there stays in view. Returns the offset to lay the step out at. */
static int scroll_to_blocks(struct player *pl, const struct block *bl, int n, int view_h, int *shown_h)
{
	int at = 0;
	while (at + 1 < n && bl[at + 1].y0 <= pl->scroll)
		at++;
	/* the lowest first block that still shows the end */
	int end_first = n - 1;
	while (end_first > 0 && bl[n - 1].y1 - bl[end_first - 1].y0 <= view_h)
		end_first--;
	if (at > end_first)
		at = end_first;
	int last = at;
	while (last + 1 < n && bl[last + 1].y1 - bl[at].y0 <= view_h)
		last++;
	int top_of = at ? bl[at].y0 : 0; /* at the very top, the step's own top */
	pl->scroll = top_of;
	*shown_h = bl[last].y1 - top_of;
	pl->scroll_down = -1, pl->scroll_up = -1;
	if (at < end_first) {
		int down = last > at ? last : at + 1;
		pl->scroll_down = bl[down < end_first ? down : end_first].y0;
	}
	if (at > 0) {
		int up = at - 1;
		while (up > 0 && bl[at].y1 - bl[up - 1].y0 <= view_h)
			up--;
		pl->scroll_up = up ? bl[up].y0 : 0;
	}
	return top_of;
}

static bool same_rgb(struct ui_color a, struct ui_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

/* Once answered the step cannot be scrolled (the feedback panel has taken
 * the buttons' place), so what the learner sees then must hold their own
 * answer: the views edge it in right or wrong (theme.h). The step is
 * scrolled so that the lowest such mark is in view, or the highest one if
 * they are above it. */
static void keep_marks_in_view(struct player *pl, const struct ui_drawlist *dl, int first, int top,
                               const struct block *bl, int n, int view_h)
{
	int lo = -1, hi = -1;
	for (int i = first; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		if (!e->border_w || !(same_rgb(e->border, C_RIGHT) || same_rgb(e->border, C_WRONG)))
			continue;
		for (int k = 0; k < n; k++)
			if (e->rect.y - top >= bl[k].y0 && e->rect.y + e->rect.h - top <= bl[k].y1) {
				lo = lo < 0 || k < lo ? k : lo;
				hi = k > hi ? k : hi;
			}
	}
	if (hi < 0)
		return;
	int at = 0;
	while (at + 1 < n && bl[at + 1].y0 <= pl->scroll)
		at++;
	if (at > lo) {
		pl->scroll = lo ? bl[lo].y0 : 0;
	} else if (bl[hi].y1 - bl[at].y0 > view_h) {
		while (at < hi && bl[hi].y1 - bl[at].y0 > view_h)
			at++;
		pl->scroll = bl[at].y0;
	}
}

static bool holds_middle(struct ui_rect a, struct ui_rect b)
{
	int x = b.x + b.w / 2, y = b.y + b.h / 2;
	return x >= a.x && x < a.x + a.w && y >= a.y && y < a.y + a.h;
}

static bool whole_in(struct ui_rect r, int top, int bottom)
{
	return r.y >= top && r.y + r.h <= bottom;
}

/* Keeps the step's elements [first, n) that lie in [top, bottom] (the
 * blocks shown): content whole, and the cards behind what is kept cut
 * to fit, never below limit. */
static void keep_shown(struct build *b, int first, int top, int bottom, int limit)
{
	struct ui_drawlist *dl = b->dl;
	int n = dl->n, k = first;
	bool *kept = arena_alloc(b->arena, ((size_t)(n - first) + 1) * sizeof *kept);
	for (int i = first; i < n; i++)
		kept[i - first] = content(&dl->v[i]) && whole_in(dl->v[i].rect, top, bottom);
	for (int i = first; i < n; i++) {
		struct ui_elem e = dl->v[i];
		if (!content(&e)) {
			bool with = false; /* a card, frame or shadow behind something kept, or a mark in it */
			for (int j = first; j < n && !with; j++)
				with = kept[j - first] && (holds_middle(e.rect, dl->v[j].rect) || holds_middle(dl->v[j].rect, e.rect));
			/* a frame stands a little out of what it frames */
			int edge = bottom + mm(b, 2) < limit ? bottom + mm(b, 2) : limit;
			int y0 = e.rect.y > top ? e.rect.y : top;
			int y1 = e.rect.y + e.rect.h < edge ? e.rect.y + e.rect.h : edge;
			if (!with || y1 <= y0)
				continue;
			e.rect.y = y0;
			e.rect.h = y1 - y0;
		} else if (!kept[i - first]) {
			continue;
		}
		dl->v[k++] = e;
	}
	dl->n = k;
}

static void layout_question(struct player *pl, struct build *b, int W, int H)
{
	const struct lesson_step *st = player_step(pl);
	const struct step_view *v = step_view_of(st->type);
	int m = mm(b, MM_MARGIN);
	int top = mm(b, MM_HEADER) + mm(b, 20);
	int col_w = W - 2 * m;
	if (col_w > mm(b, 300))
		col_w = mm(b, 300);
	/* A view that puts the picture beside its column gets the room. */
	if (st->picture && v->aside_mm > 0 && mm(b, 280 + v->aside_mm) > col_w)
		col_w = mm(b, 280 + v->aside_mm) < W - 2 * m ? mm(b, 280 + v->aside_mm) : W - 2 * m;
	int x0 = (W - col_w) / 2;
	int bh = mm(b, MM_MAIN_BUTTON + 2), bw = mm(b, 80);
	/* Views are given room down to 8 mm above the buttons, and may use 5
	 * of those (the keyboard does, to keep its keys large): what they draw
	 * must end 3 mm above the buttons, the gap UX.md asks between things
	 * to tap. Once answered, it must end above the feedback panel, which
	 * takes the place of the buttons: nothing is ever drawn under it. */
	int bar_top = H - m - bh - mm(b, 8);
	int limit = pl->answered ? H - m - feedback_of(pl, b, W).ph - mm(b, 5) : bar_top + mm(b, 5);
	if (pl->hints != pl->scroll_rung || pl->coach != pl->scroll_coach)
		pl->scroll = 0; /* a new tip or advice is shown from the top */
	pl->scroll_rung = pl->hints;
	pl->scroll_coach = pl->coach;

	/* The first of these that fits: the step as it was before the answer
	 * (so nothing moves), then with its gaps shrunk to what UX.md allows,
	 * then laid out for the room left above the feedback. */
	static const struct {
		bool tight, above_bar;
	} tries[] = {{false, true}, {true, true}, {false, false}, {true, false}};
	int first = b->dl->n, n_tries = pl->answered ? 4 : 2, i = 0;
	for (; i < n_tries; i++) {
		b->dl->n = first;
		pl->tight = tries[i].tight;
		if (body(pl, b, x0, col_w, top, tries[i].above_bar || !pl->answered ? bar_top : limit) <= limit)
			break;
	}
	pl->scroll_up = pl->scroll_down = -1;
	if (i == n_tries) {
		/* Still too tall: it scrolls, tight, by whole blocks. */
		struct block bl[MAX_BLOCKS];
		int n = blocks_of(b->dl, first, top, bl);
		if (pl->answered && n)
			keep_marks_in_view(pl, b->dl, first, top, bl, n, limit - top);
		int shown_h = 0, shift = n ? scroll_to_blocks(pl, bl, n, limit - top, &shown_h) : 0;
		b->dl->n = first;
		body(pl, b, x0, col_w, top - shift, (pl->answered ? limit : bar_top) - shift);
		if (n)
			keep_shown(b, first, top, top + shown_h, limit);
	} else {
		pl->scroll = 0;
	}
	if (pl->answered) {
		feedback_panel(pl, b, W, H);
		return;
	}
	/* The way on: a tip on the left, Check on the right when the view needs it. */
	const char *tip = _("Tip");
	int tw = button_width(b, tip, true, 56);
	add_button(b, (struct ui_rect){m, H - m - bh, tw, bh}, tip, "icon:hint", pl->hints < 3 ? BUTTON_QUIET : BUTTON_DISABLED,
	           PLAYER_A_HINT, 0);
	int left = m + tw + mm(b, 6), right = W - m;
	if (pl->step > 0 && !pl->review_len) {
		add_button(b, (struct ui_rect){left, H - m - bh, bw, bh}, _("Back"), "icon:back", BUTTON_QUIET,
		           PLAYER_A_BACK, 0);
		left += bw + mm(b, 6);
	}
	if (v->check_button || st->multiple) {
		add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, _("Check"), "icon:check",
		           player_complete(pl) ? BUTTON_PRIMARY : BUTTON_DISABLED, PLAYER_A_CHECK, 0);
		right -= bw + mm(b, 6);
	}
	if (pl->scroll_up >= 0 || pl->scroll_down >= 0) {
		/* Up and Down between them, as the sim's: arrows, said aloud. When
		 * nothing to tap is in view yet (a long question and tip), Down is
		 * lit as the way on. */
		bool none = true;
		for (int k = first; k < b->dl->n && none; k++)
			none = !(b->dl->v[k].tappable && b->dl->v[k].action == PLAYER_A_VIEW);
		int sw = mm(b, 28), g = mm(b, 4), x = left + (right - left - 2 * sw - g) / 2;
		add_icon_button(b, (struct ui_rect){x, H - m - bh, sw, bh}, _("Scroll up"), "icon:sim-up",
		                pl->scroll_up >= 0 ? BUTTON_QUIET : BUTTON_DISABLED, PLAYER_A_VIEW, PLAYER_ARG_OWN);
		struct ui_elem *down =
			add_icon_button(b, (struct ui_rect){x + sw + g, H - m - bh, sw, bh}, _("Scroll down"), "icon:sim-down",
			                pl->scroll_down >= 0 ? BUTTON_QUIET : BUTTON_DISABLED, PLAYER_A_VIEW, PLAYER_ARG_OWN + 1);
		if (none && pl->scroll_down >= 0 && !is_pressed(b, PLAYER_A_VIEW, PLAYER_ARG_OWN + 1)) {
			down->bg = C_NOTICE_BG;
			down->border = C_NOTICE;
			down->border_w = mm(b, 1);
		}
	}
}

void player_layout(struct player *pl, struct build *b, int w, int h)
{
	pl->u = b->u;
	progress_row(pl, b, w);
	if (step_view_of(player_step(pl)->type))
		layout_question(pl, b, w, h);
	else
		layout_explain(pl, b, w, h);
}
