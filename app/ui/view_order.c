/* View of `order`: the items in numbered places, one under the other (in
 * two columns when one does not fit). The learner taps an item, which is
 * lifted, and then the place where it goes: it moves there and the items
 * in between shift up or down by one. Dragging an item onto a place does
 * the same. The items start in a fixed shuffle that is never the right
 * order, the same each time the step is shown, so "Try again" brings back
 * the same puzzle. At the top of the hint ladder every item carries its
 * right place number in a green tag; the learner then moves the items.
 * A picture is left out when the places need its room.
 *
 * Scratch in struct player: aux[] is the order on screen (the item at each
 * place), pick the lifted item or -1, and sel[] the places' rectangles as
 * last laid out plus the state of a drag (drag.h): input() gets raw
 * pointer positions and has no other way to know what is under them. */
#include "drag.h"
#include "player.h"

#include <libintl.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

#define MAX_ITEMS 6

enum {
	G_N = 0,     /* places laid out */
	G_RECT = 1,  /* x, y, w, h of each place */
	G_DRAG = 40, /* DRAG_SLOTS of a drag, whose item is an item */
};
_Static_assert(G_RECT + 4 * MAX_ITEMS <= G_DRAG && G_DRAG + DRAG_SLOTS <= STEP_RESPONSE_MAX, "scratch overlaps");

/* The order on screen at the start: item shuffles[n][k] at place k. No
 * item is in its right place, and from 4 items on no two neighbours are
 * next to each other as in the file either. */
static const int shuffles[MAX_ITEMS + 1][MAX_ITEMS] = {
	[3] = {2, 0, 1},
	[4] = {2, 0, 3, 1},
	[5] = {3, 0, 4, 2, 1},
	[6] = {3, 5, 1, 4, 0, 2},
};

static int count(const struct player *pl)
{
	int n = player_step(pl)->n_answers;
	return n < MAX_ITEMS ? n : MAX_ITEMS;
}

static void begin(struct player *pl)
{
	int n = count(pl);
	for (int k = 0; k < n; k++)
		pl->aux[k] = n >= 3 ? shuffles[n][k] : (k + 1) % n;
	pl->n_aux = n;
	pl->pick = -1;
	pl->sel[G_N] = 0;
	drag_reset(&pl->sel[G_DRAG]);
}

static int place_of(const struct player *pl, int item)
{
	for (int k = 0; k < pl->n_aux; k++)
		if (pl->aux[k] == item)
			return k;
	return -1;
}

/* Takes item out of its place and puts it at place to; the items in
 * between close up. */
static void move(struct player *pl, int item, int to)
{
	int from = place_of(pl, item);
	if (from < 0 || to < 0 || to >= pl->n_aux || from == to)
		return;
	if (from < to)
		memmove(&pl->aux[from], &pl->aux[from + 1], sizeof(int) * (size_t)(to - from));
	else
		memmove(&pl->aux[to + 1], &pl->aux[to], sizeof(int) * (size_t)(from - to));
	pl->aux[to] = item;
}

static bool inside(struct ui_rect r, int x, int y)
{
	return x >= r.x && y >= r.y && x < r.x + r.w && y < r.y + r.h;
}

static struct ui_rect place_rect(const struct player *pl, int k)
{
	const int *g = &pl->sel[G_RECT + 4 * k];
	return (struct ui_rect){g[0], g[1], g[2], g[3]};
}

static int place_at(const struct player *pl, int x, int y)
{
	for (int k = 0; k < pl->sel[G_N]; k++)
		if (inside(place_rect(pl, k), x, y))
			return k;
	return -1;
}

/* A number centred in a box: a place, or at rung 3 a right place. */
static void number(struct build *b, struct ui_rect r, int value, struct ui_color fg, struct ui_color bg,
                   struct ui_color border, int radius)
{
	add_panel(b, r, bg, border, border.a ? mm(b, 0.75) : 0, radius);
	char *s = arena_printf(b->arena, "%d", value);
	int th = text_height(b, s, r.w, MM_TEXT, true);
	add_text(b, UI_ROLE_TEXT, s, r.x, r.y + (r.h - th) / 2, r.w, MM_TEXT, true, fg, bg, ALIGN_CENTER);
}

/* The card of item at r: text, its place number, and its right place
 * when shown. Used for the places and for the copy that follows a drag. */
static void card(struct player *pl, struct build *b, struct ui_rect r, int place, int item, bool tag, struct ui_color bg,
                 struct ui_color mark)
{
	const struct lesson_step *st = player_step(pl);
	int pad = mm(b, 4), badge = mm(b, 14), tag_w = tag ? mm(b, 18) : 0;
	const char *t = player_text(pl, &st->answers[item].text);
	number(b, (struct ui_rect){r.x + pad, r.y + (r.h - badge) / 2, badge, badge}, place + 1, C_ON_PRIMARY, mark,
	       (struct ui_color){0}, badge / 2);
	int tx = r.x + 2 * pad + badge, tw = r.w - 3 * pad - badge - (tag ? tag_w + pad : 0);
	int th = text_height(b, t, tw, MM_TEXT, false);
	add_text(b, UI_ROLE_TEXT, t, tx, r.y + (r.h - th) / 2, tw, MM_TEXT, false, C_TEXT, bg, ALIGN_START);
	if (tag)
		number(b, (struct ui_rect){r.x + r.w - pad - tag_w, r.y + (r.h - badge) / 2, tag_w, badge}, item + 1, C_TEXT,
		       C_RIGHT_BG, C_RIGHT, mm(b, 3));
}

/* A soft shadow under a lifted card, so it seems to stand off the page. */
static void shadow(struct build *b, struct ui_rect r, struct ui_rect area)
{
	struct ui_color c = C_TEXT;
	c.a = 60;
	int off = mm(b, 1.5);
	struct ui_rect q = {r.x + off, r.y + off, r.w, r.h};
	/* clipped to the view's area, which the screen keeps clear */
	if (q.x + q.w > area.x + area.w)
		q.w = area.x + area.w - q.x;
	if (q.y + q.h > area.y + area.h)
		q.h = area.y + area.h - q.y;
	add_panel(b, q, c, c, 0, mm(b, MM_RADIUS));
}

/* How tall the places are in cols columns of a block w wide; *row_h is
 * the height of each. All places are as tall as the tallest item, so
 * nothing shifts when items move. */
static int block_height(struct player *pl, struct build *b, int w, int cols, bool tag, int *row_h)
{
	const struct lesson_step *st = player_step(pl);
	int n = pl->n_aux, pad = mm(b, 4), gap = mm(b, 4);
	int tw = (w - (cols - 1) * mm(b, 6)) / cols - 3 * pad - mm(b, 14) - (tag ? mm(b, 18) + pad : 0);
	*row_h = mm(b, MM_MAIN_BUTTON);
	for (int i = 0; i < n; i++) {
		int h = text_height(b, player_text(pl, &st->answers[i].text), tw, MM_TEXT, false) + 2 * pad;
		if (h > *row_h)
			*row_h = h;
	}
	int rows = (n + cols - 1) / cols;
	return rows * *row_h + (rows - 1) * gap;
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int n = pl->n_aux;
	bool tag = pl->hints >= 3; /* kept after the answer, so nothing moves */
	const int *d = &pl->sel[G_DRAG];
	bool dragging = drag_moving(d);
	bool held = pl->pick >= 0 || dragging;
	int gap = mm(b, 4);
	int x = area.x, y = area.y;
	const char *first = _("Tap an item. Then tap the place where it goes."), *then = _("Now tap the place where it goes.");
	const char *say = held ? then : first;

	/* The first of these that fits: the picture beside the items, one
	 * column before two, the line that says what to do; the task itself
	 * comes before the picture and that line. The line's room stays when
	 * it says something else or nothing, so nothing moves. */
	static const struct {
		bool pic, say;
		int cols;
	} ways[] = {
		{true, true, 1}, {true, true, 2}, {false, true, 1}, {false, true, 2}, {false, false, 1}, {false, false, 2},
	};
	int pw = mm(b, 80), w = area.w, cols = 2, row_h = 0, say_h = 0;
	bool pic = false;
	for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
		if (ways[i].pic && (!st->picture || area.w < mm(b, 240)))
			continue;
		w = ways[i].pic ? area.w - pw - mm(b, 10) : area.w;
		say_h = 0;
		if (ways[i].say) {
			int h1 = text_height(b, first, w, MM_TEXT, false), h2 = text_height(b, then, w, MM_TEXT, false);
			say_h = (h1 > h2 ? h1 : h2) + mm(b, 3);
		}
		cols = ways[i].cols;
		pic = ways[i].pic;
		if (say_h + block_height(pl, b, w, cols, tag, &row_h) <= area.h)
			break;
	}
	/* Nothing fits (long texts on a small screen): the lower of the bare
	 * ways, which ends up under the buttons least. */
	int r1, r2;
	if (say_h + block_height(pl, b, w, cols, tag, &row_h) > area.h &&
	    block_height(pl, b, area.w, 1, tag, &r1) < block_height(pl, b, area.w, 2, tag, &r2))
		cols = 1, row_h = r1;
	int col_w = (w - (cols - 1) * mm(b, 6)) / cols, rows = (n + cols - 1) / cols;
	if (pic) {
		struct ui_rect pr = {area.x + area.w - pw, area.y, pw, pw * 3 / 4};
		add_panel(b, (struct ui_rect){pr.x - mm(b, 2), pr.y - mm(b, 2), pr.w + mm(b, 4), pr.h + mm(b, 4)}, C_SURFACE,
		          C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
		add_image(b, pr, st->picture, NULL);
	}
	if (say_h && !pl->answered)
		add_text(b, UI_ROLE_TEXT, say, x, y, w, MM_TEXT, false, C_TEXT_MUTED, C_BG, ALIGN_START);
	y += say_h;

	/* The places, laid out first so that a lifted card can be drawn last. */
	pl->sel[G_N] = n;
	for (int k = 0; k < n; k++) {
		int *g = &pl->sel[G_RECT + 4 * k];
		g[0] = x + k / rows * (col_w + mm(b, 6));
		g[1] = y + k % rows * (row_h + gap);
		g[2] = col_w;
		g[3] = row_h;
	}
	int over = dragging ? place_at(pl, d[DRAG_X], d[DRAG_Y]) : -1;
	for (int k = 0; k < n; k++) {
		int item = pl->aux[k];
		struct ui_rect r = place_rect(pl, k);
		bool lifted = item == pl->pick || (dragging && item == d[DRAG_ITEM]);
		if (lifted)
			shadow(b, r, area);
		struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, r);
		e->label = arena_printf(b->arena, _("Place %d: %s"), k + 1, player_text(pl, &st->answers[item].text));
		e->radius = mm(b, MM_RADIUS);
		e->tappable = !pl->answered;
		e->action = e->tappable ? PLAYER_A_VIEW : 0;
		e->arg = k;
		struct ui_color mark = C_PRIMARY;
		if (pl->answered && pl->right) {
			e->bg = C_RIGHT_BG, e->border = C_RIGHT, mark = C_RIGHT;
			e->border_w = mm(b, 0.75);
		} else if (lifted) {
			e->bg = C_SELECTED, e->border = C_PRIMARY;
			e->border_w = mm(b, 1.25);
		} else {
			e->bg = is_pressed(b, PLAYER_A_VIEW, k) ? C_PRESSED : C_SURFACE;
			e->border = held ? C_PRIMARY : C_CONTROL_EDGE;
			e->border_w = mm(b, k == over ? 1.25 : held ? 0.75 : 0.5);
		}
		card(pl, b, r, k, item, tag, e->bg, mark);
	}

	/* The card in the hand follows the pointer, kept inside the area. */
	if (dragging) {
		int item = d[DRAG_ITEM], from = place_of(pl, item);
		struct ui_rect r = drag_follow(d, place_rect(pl, from), area);
		shadow(b, r, area);
		add_panel(b, r, C_SELECTED, C_PRIMARY, mm(b, 1.25), mm(b, MM_RADIUS));
		card(pl, b, r, over >= 0 ? over : from, item, tag, C_SELECTED, C_PRIMARY);
	}
}

static void tap(struct player *pl, int place)
{
	if (place < 0 || place >= pl->n_aux)
		return;
	int item = pl->aux[place];
	if (pl->pick < 0)
		pl->pick = item;
	else if (pl->pick == item)
		pl->pick = -1;
	else {
		move(pl, pl->pick, place);
		pl->pick = -1;
	}
}

/* Dragging: down on a place, moved past the same tolerance a tap has,
 * and up on another place moves the item there. A drag that ends where
 * it began is left to the tap that the app then sees. */
static void input(struct player *pl, const struct ui_event *ev)
{
	int under = -1;
	if (ev->type == UI_EV_POINTER_DOWN) {
		int k = place_at(pl, ev->x, ev->y);
		under = k >= 0 ? pl->aux[k] : -1;
	}
	int item = drag_input(&pl->sel[G_DRAG], ev, under, pl->u);
	if (item < 0)
		return;
	int k = place_at(pl, ev->x, ev->y);
	if (k >= 0 && k != place_of(pl, item)) {
		move(pl, item, k);
		pl->pick = -1;
	}
}

static bool response(const struct player *pl, struct step_response *r)
{
	r->n = pl->n_aux;
	memcpy(r->v, pl->aux, sizeof(int) * (size_t)pl->n_aux);
	r->text[0] = 0;
	return pl->n_aux > 0 && pl->n_aux == count(pl);
}

const struct step_view view_order = {
	.layout = layout, .tap = tap, .response = response, .input = input, .begin = begin, .check_button = true,
};
