/* View of `match`: the left items in the written order, the right items
 * beside them in a fixed shuffle (no right item starts beside its own left
 * item, and it is the same shuffle each time the step is shown). The
 * learner taps an item on one side, which is lifted, and then one on the
 * other side: the two are joined and both get the pair's colour and
 * number. Tapping a joined item undoes its pair; joining an item that was
 * already joined moves it to its new partner. Dragging an item onto one
 * on the other side joins them too. Check comes alive when every left
 * item is joined. At the top of the hint ladder each left item and its
 * right item carry the same number in a ring of the same colour, where a
 * pair's number goes; the learner then joins equal numbers (a joined
 * card shows the number of the pair it is in instead). A picture is left
 * out when the cards need its room.
 *
 * Scratch in struct player: aux[i] is the right item joined to left item
 * i, or -1; pick is the lifted item as its tap argument (left i is i,
 * right j is RIGHT + j), or -1; sel[] holds the cards' rectangles as last
 * laid out, with their tap arguments, and the state of a drag (drag.h):
 * input() gets raw pointer positions and has no other way to know what
 * is under them. */
#include "drag.h"
#include "player.h"

#include <libintl.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

#define MAX_PAIRS 5
#define RIGHT 10 /* tap argument of right item 0 */

enum {
	G_N = 0,     /* cards laid out */
	G_CARD = 1,  /* tap argument, x, y, w, h of each card */
	G_DRAG = 52, /* DRAG_SLOTS of a drag, whose item is a tap argument */
};
_Static_assert(G_CARD + 5 * 2 * MAX_PAIRS <= G_DRAG && G_DRAG + DRAG_SLOTS <= STEP_RESPONSE_MAX, "scratch overlaps");

/* Row k of the right column shows right item shuffles[n][k]. */
static const int shuffles[MAX_PAIRS + 1][MAX_PAIRS] = {
	[2] = {1, 0},
	[3] = {2, 0, 1},
	[4] = {2, 0, 3, 1},
	[5] = {3, 0, 4, 2, 1},
};

/* One colour a pair, dark enough for white numbers (7:1) and for card
 * edges against the page (3:1), neighbours far apart in hue; red and
 * green are left to right and wrong, and the teal of a lifted card comes
 * last. The numbers say the same for those who cannot tell colours. */
static const struct ui_color pair_colour[MAX_PAIRS] = {
	RGB(0x1D4E89), /* blue */
	RGB(0x7A4A00), /* brown */
	RGB(0x6A2C91), /* purple */
	RGB(0x8C1D4F), /* wine */
	RGB(0x17494F), /* teal */
};

static int count(const struct player *pl)
{
	int n = player_step(pl)->n_answers;
	return n < MAX_PAIRS ? n : MAX_PAIRS;
}

static const struct lesson_text *right_text(const struct player *pl, int j)
{
	const struct lesson_text *right = player_step(pl)->data;
	return &right[j];
}

static void begin(struct player *pl)
{
	int n = count(pl);
	for (int i = 0; i < n; i++)
		pl->aux[i] = -1;
	pl->n_aux = n;
	pl->pick = -1;
	pl->sel[G_N] = 0;
	drag_reset(&pl->sel[G_DRAG]);
}

/* The left item joined to right item j, or -1. */
static int partner(const struct player *pl, int j)
{
	for (int i = 0; i < pl->n_aux; i++)
		if (pl->aux[i] == j)
			return i;
	return -1;
}

static void join(struct player *pl, int i, int j)
{
	int was = partner(pl, j);
	if (was >= 0)
		pl->aux[was] = -1;
	pl->aux[i] = j;
}

static bool valid(const struct player *pl, int arg)
{
	return (arg >= 0 && arg < pl->n_aux) || (arg >= RIGHT && arg < RIGHT + pl->n_aux);
}

/* The pair number of a card (its left item's), or -1 when it is free. */
static int pair_of(const struct player *pl, int arg)
{
	return arg < RIGHT ? (pl->aux[arg] >= 0 ? arg : -1) : partner(pl, arg - RIGHT);
}

static void tap(struct player *pl, int arg)
{
	if (!valid(pl, arg))
		return;
	bool left = arg < RIGHT;
	int pair = pair_of(pl, arg);
	if (pl->pick == arg) {
		pl->pick = -1;
	} else if (pl->pick >= 0 && (pl->pick < RIGHT) != left) {
		/* the other side is lifted: this is its partner */
		join(pl, left ? arg : pl->pick, left ? pl->pick - RIGHT : arg - RIGHT);
		pl->pick = -1;
	} else if (pair >= 0) {
		pl->aux[pair] = -1;
		pl->pick = -1;
	} else {
		pl->pick = arg;
	}
}

static int card_at(const struct player *pl, int x, int y)
{
	for (int k = 0; k < pl->sel[G_N]; k++) {
		const int *g = &pl->sel[G_CARD + 5 * k];
		if (x >= g[1] && y >= g[2] && x < g[1] + g[3] && y < g[2] + g[4])
			return g[0];
	}
	return -1;
}

static struct ui_rect card_rect(const struct player *pl, int arg)
{
	for (int k = 0; k < pl->sel[G_N]; k++) {
		const int *g = &pl->sel[G_CARD + 5 * k];
		if (g[0] == arg)
			return (struct ui_rect){g[1], g[2], g[3], g[4]};
	}
	return (struct ui_rect){0};
}

/* A number in a circle: filled for a pair the learner made, a ring for
 * the pair shown at rung 3. */
static void badge(struct build *b, struct ui_rect r, int pair, bool filled)
{
	struct ui_color c = pair_colour[pair], bg = filled ? c : C_SURFACE;
	add_panel(b, r, bg, c, mm(b, filled ? 0 : 1), r.w / 2);
	char *s = arena_printf(b->arena, "%d", pair + 1);
	int th = text_height(b, s, r.w, MM_TEXT, true);
	add_text(b, UI_ROLE_TEXT, s, r.x, r.y + (r.h - th) / 2, r.w, MM_TEXT, true, filled ? C_ON_PRIMARY : C_TEXT, bg,
	         ALIGN_CENTER);
}

/* An empty socket where a pair's number will go. */
static void empty_dot(struct build *b, struct ui_rect r)
{
	add_panel(b, r, C_SURFACE, C_CONTROL_EDGE, mm(b, 0.5), r.w / 2);
}

struct geom {
	int pad, dot;
	int gap, min_h;     /* between rows; the least height of a card */
	int lw, rw;         /* the columns' widths */
	int row_h[MAX_PAIRS], total;
};

static int text_w(const struct geom *g, int card_w)
{
	return card_w - 3 * g->pad - g->dot;
}

/* The inside of the card of arg at r: the text, and on the inner edge
 * (towards the other column) the pair's number when it is joined; else
 * an empty dot, or at rung 3 the number of the pair it belongs to in a
 * ring, so that the learner joins equal numbers. */
static void card_inside(struct player *pl, struct build *b, const struct geom *g, struct ui_rect r, int arg,
                        struct ui_color bg, bool show)
{
	bool left = arg < RIGHT;
	int idx = left ? arg : arg - RIGHT;
	const char *t = player_text(pl, left ? &player_step(pl)->answers[idx].text : right_text(pl, idx));
	int tw = text_w(g, r.w), th = text_height(b, t, tw, MM_TEXT, false);
	struct ui_rect dot = {left ? r.x + r.w - g->pad - g->dot : r.x + g->pad, r.y + (r.h - g->dot) / 2, g->dot, g->dot};
	int tx = left ? r.x + g->pad : r.x + 2 * g->pad + g->dot;
	int pair = pair_of(pl, arg);
	if (pair >= 0)
		badge(b, dot, pair, true);
	else if (show)
		badge(b, dot, idx, false);
	else
		empty_dot(b, dot);
	add_text(b, UI_ROLE_TEXT, t, tx, r.y + (r.h - th) / 2, tw, MM_TEXT, false, C_TEXT, bg, ALIGN_START);
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

static int widest(struct build *b, const char *s)
{
	return b->metrics->width(b->metrics->ud, s, strlen(s), mm(b, MM_TEXT), false);
}

#define BETWEEN 14 /* mm between the columns */

/* The columns in w: the left one as wide as its longest text on one line,
 * from a quarter to under a half; the right one (longer texts) the rest.
 * Each row is as tall as the taller of its two cards. */
static void measure(struct player *pl, struct build *b, int w, struct geom *g)
{
	const struct lesson_step *st = player_step(pl);
	int n = pl->n_aux, need = 0;
	for (int i = 0; i < n; i++) {
		int tw = widest(b, player_text(pl, &st->answers[i].text));
		if (tw > need)
			need = tw;
	}
	int cols = w - mm(b, BETWEEN);
	g->lw = need + 3 * g->pad + g->dot + mm(b, 3);
	if (g->lw < cols / 4)
		g->lw = cols / 4;
	if (g->lw > cols * 9 / 20)
		g->lw = cols * 9 / 20;
	g->rw = cols - g->lw;
	g->total = 0;
	for (int r = 0; r < n; r++) {
		const char *lt = player_text(pl, &st->answers[r].text);
		const char *rt = player_text(pl, right_text(pl, shuffles[n][r]));
		int h = text_height(b, lt, text_w(g, g->lw), MM_TEXT, false);
		int h2 = text_height(b, rt, text_w(g, g->rw), MM_TEXT, false);
		g->row_h[r] = (h > h2 ? h : h2) + 2 * g->pad;
		if (g->row_h[r] < g->min_h)
			g->row_h[r] = g->min_h;
		g->total += g->row_h[r] + (r ? g->gap : 0);
	}
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int n = pl->n_aux;
	bool show = pl->hints >= 3;
	bool all = true;
	for (int i = 0; i < n; i++)
		all &= pl->aux[i] >= 0;
	const char *says[] = {
		_("Tap one on the left, then its partner on the right."),
		_("Now tap its partner on the right."),
		_("Now tap its partner on the left."),
		_("Done? Tap Check. Or tap a pair to undo it."),
	};
	const char *say = says[pl->pick >= RIGHT ? 2 : pl->pick >= 0 ? 1 : all ? 3 : 0];

	/* The first of these that fits: the picture beside the columns, the
	 * line that says what to do, cards with room around their text; the
	 * task itself comes before the picture, that line and the room. The
	 * line's room stays when it says something else or nothing, so
	 * nothing moves. */
	static const struct {
		bool pic, say, tight;
	} ways[] = {
		{true, true, false}, {false, true, false}, {false, false, false}, {false, false, true},
	};
	int pw = mm(b, 64), w = area.w, say_h = 0;
	bool pic = false;
	struct geom g = {0};
	for (size_t i = 0; i < sizeof ways / sizeof ways[0]; i++) {
		if (ways[i].pic && (!st->picture || area.w < mm(b, 280)))
			continue;
		pic = ways[i].pic;
		w = pic ? area.w - pw - mm(b, 10) : area.w;
		g = (struct geom){
			.pad = mm(b, ways[i].tight ? 3 : 4),
			.dot = mm(b, 12),
			.gap = mm(b, ways[i].tight ? 3 : 4),
			.min_h = mm(b, ways[i].tight ? 20.5 : MM_MAIN_BUTTON),
		};
		measure(pl, b, w, &g);
		say_h = 0;
		for (int k = 0; ways[i].say && k < 4; k++) {
			int h = text_height(b, says[k], w, MM_TEXT, false) + mm(b, 3);
			if (h > say_h)
				say_h = h;
		}
		if (g.total + say_h <= area.h)
			break;
	}
	int x = area.x, y = area.y;
	if (pic) {
		struct ui_rect pr = {area.x + area.w - pw, area.y, pw, pw * 3 / 4};
		add_panel(b, (struct ui_rect){pr.x - mm(b, 2), pr.y - mm(b, 2), pr.w + mm(b, 4), pr.h + mm(b, 4)}, C_SURFACE,
		          C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
		add_image(b, pr, st->picture, NULL);
	}
	if (say_h && !pl->answered)
		add_text(b, UI_ROLE_TEXT, say, x, y, w, MM_TEXT, false, C_TEXT_MUTED, C_BG, ALIGN_START);
	y += say_h;

	pl->sel[G_N] = 2 * n;
	for (int r = 0, ry = y; r < n; ry += g.row_h[r] + g.gap, r++) {
		int *l = &pl->sel[G_CARD + 5 * r], *q = &pl->sel[G_CARD + 5 * (n + r)];
		l[0] = r, l[1] = x, l[2] = ry, l[3] = g.lw, l[4] = g.row_h[r];
		q[0] = RIGHT + shuffles[n][r], q[1] = x + g.lw + mm(b, BETWEEN), q[2] = ry, q[3] = g.rw, q[4] = g.row_h[r];
	}
	const int *d = &pl->sel[G_DRAG];
	bool dragging = drag_moving(d);
	int hand = dragging ? d[DRAG_ITEM] : pl->pick;
	int over = dragging ? card_at(pl, d[DRAG_X], d[DRAG_Y]) : -1;
	for (int k = 0; k < 2 * n; k++) {
		const int *c = &pl->sel[G_CARD + 5 * k];
		int arg = c[0];
		struct ui_rect r = {c[1], c[2], c[3], c[4]};
		bool lifted = arg == hand;
		/* Only a card under a drag is lit as the target: a lit border
		 * would look like a pair's colour. */
		bool target = arg == over && (arg < RIGHT) != (hand < RIGHT);
		int pair = pair_of(pl, arg);
		if (lifted)
			shadow(b, r, area);
		struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, r);
		const char *t = player_text(pl, arg < RIGHT ? &st->answers[arg].text : right_text(pl, arg - RIGHT));
		e->label = pair >= 0 ? arena_printf(b->arena, _("%s, pair %d"), t, pair + 1) : t;
		e->radius = mm(b, MM_RADIUS);
		e->tappable = !pl->answered;
		e->action = e->tappable ? PLAYER_A_VIEW : 0;
		e->arg = arg;
		if (pl->answered && pl->right) {
			e->bg = C_RIGHT_BG, e->border = C_RIGHT;
			e->border_w = mm(b, 0.75);
		} else if (lifted) {
			e->bg = C_SELECTED, e->border = C_PRIMARY;
			e->border_w = mm(b, 1.25);
		} else {
			e->bg = is_pressed(b, PLAYER_A_VIEW, arg) ? C_PRESSED : C_SURFACE;
			e->border = target ? C_PRIMARY : pair >= 0 ? pair_colour[pair] : C_CONTROL_EDGE;
			e->border_w = mm(b, target ? 1.25 : pair >= 0 ? 1 : 0.5);
		}
		card_inside(pl, b, &g, r, arg, e->bg, show);
	}

	/* The card in the hand follows the pointer, kept inside the area. */
	if (dragging) {
		struct ui_rect r = drag_follow(d, card_rect(pl, hand), area);
		shadow(b, r, area);
		add_panel(b, r, C_SELECTED, C_PRIMARY, mm(b, 1.25), mm(b, MM_RADIUS));
		card_inside(pl, b, &g, r, hand, C_SELECTED, show);
	}
}

/* Dragging: down on a card, moved past the same tolerance a tap has, and
 * up on a card of the other column joins the two. A drag that ends where
 * it began is left to the tap that the app then sees. */
static void input(struct player *pl, const struct ui_event *ev)
{
	int under = ev->type == UI_EV_POINTER_DOWN ? card_at(pl, ev->x, ev->y) : -1;
	int from = drag_input(&pl->sel[G_DRAG], ev, under, pl->u);
	if (from < 0)
		return;
	int to = card_at(pl, ev->x, ev->y);
	if (to >= 0 && (to < RIGHT) != (from < RIGHT)) {
		join(pl, from < RIGHT ? from : to, (from < RIGHT ? to : from) - RIGHT);
		pl->pick = -1;
	}
}

static bool response(const struct player *pl, struct step_response *r)
{
	r->n = pl->n_aux;
	memcpy(r->v, pl->aux, sizeof(int) * (size_t)pl->n_aux);
	r->text[0] = 0;
	if (pl->n_aux == 0 || pl->n_aux != count(pl))
		return false;
	for (int i = 0; i < pl->n_aux; i++)
		if (pl->aux[i] < 0)
			return false;
	return true;
}

const struct step_view view_match = {
	.layout = layout, .tap = tap, .response = response, .input = input, .begin = begin, .check_button = true,
};
