/* View of the `scenario` step: the conversation so far as speech bubbles
 * (who speaks on the start side, the learner's own answers on the other),
 * and the current node's choices as large buttons under it. The state is
 * only the path (pl->sel: the choice taken at each node) and the node on
 * show (pl->node); the bubbles are walked again from the first node at each
 * layout. When the conversation no longer fits, the oldest bubbles make way:
 * the newest ones and the choices always stay. Reaching an end answers at
 * once; "Try again" starts the conversation over (begin). The step's
 * picture stands beside the conversation (above it on a narrow area).
 *
 * Rung 2 of the ladder lights up the choices after which a good end can
 * still be reached; rung 3 frames, at every node, the choice on the
 * shortest way to a good end (computed by the core). */
#include "../core/step_scenario.h"

#include "player.h"

#include <libintl.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

#define MAX_ITEMS (2 * STEP_RESPONSE_MAX + 1)

enum item_kind { IT_SAYS, IT_ANSWER };

struct item {
	enum item_kind kind;
	int node, choice;
	int h;
};

static const struct scenario *scen(const struct player *pl)
{
	return player_step(pl)->data;
}

/* Height of text wrapped to w, and in *used the width of its widest line. */
static int measure(struct build *b, const char *text, int w, bool bold, int *used)
{
	struct ui_line *lines;
	bool rtl;
	int px = mm(b, MM_TEXT);
	int n = ui_text_wrap(b->metrics, b->arena, text, px, bold, w, &lines, &rtl);
	*used = 0;
	for (int i = 0; i < n; i++)
		if (lines[i].w > *used)
			*used = lines[i].w;
	return n * (px * 3 / 2);
}

struct geom {
	int x, w;        /* the column */
	int pad, avatar; /* inside a bubble; the speaker's round initial */
	int bubble_max;  /* widest bubble */
	/* Tight for room: no name over the speaker's bubble (the initial and
	 * the read-aloud label still say who it is), choices 20 mm high. */
	bool compact;
};

static struct geom geom_of(struct build *b, struct ui_rect area)
{
	/* One column for bubbles and choices, as wide as the answers of a
	 * choice step (about 60 characters a line). */
	struct geom g = {.x = area.x, .w = area.w > mm(b, 280) ? mm(b, 280) : area.w, .pad = mm(b, 4),
	                 .avatar = mm(b, 14)};
	g.bubble_max = g.w - g.avatar - mm(b, 3) - mm(b, 30);
	if (g.bubble_max > mm(b, 240))
		g.bubble_max = mm(b, 240);
	return g;
}

static int item_height(const struct player *pl, struct build *b, const struct geom *g, const struct item *it)
{
	const struct scen_node *n = &scen(pl)->nodes[it->node];
	int used;
	if (it->kind == IT_SAYS) {
		int h = measure(b, player_text(pl, &n->says), g->bubble_max - 2 * g->pad, false, &used) + 2 * g->pad;
		if (n->speaker.s[0] && !g->compact)
			h += measure(b, player_text(pl, &n->speaker), g->bubble_max, true, &used) + mm(b, 1);
		return h;
	}
	const struct scen_choice *c = &n->choices[it->choice];
	int h = measure(b, player_text(pl, &c->text), g->bubble_max - 2 * g->pad, false, &used) + 2 * g->pad;
	if (c->feedback.s[0])
		h += mm(b, 1.5) + measure(b, player_text(pl, &c->feedback), g->bubble_max, false, &used);
	return h;
}

/* Someone speaks (or, without a speaker, something happens). */
static void draw_says(const struct player *pl, struct build *b, const struct geom *g, const struct scen_node *n, int y)
{
	const char *says = player_text(pl, &n->says);
	int used;
	if (!n->speaker.s[0]) {
		/* Told, not said: a plain card across the column. */
		int th = measure(b, says, g->w - 2 * g->pad, false, &used);
		struct ui_elem *card = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){g->x, y, g->w, th + 2 * g->pad});
		card->bg = C_BG;
		card->border = C_LINE;
		card->border_w = mm(b, 0.5);
		card->radius = mm(b, MM_RADIUS);
		add_text(b, UI_ROLE_TEXT, says, g->x + g->pad, y + g->pad, g->w - 2 * g->pad, MM_TEXT, false, C_TEXT, C_BG,
		         ALIGN_START);
		return;
	}
	const char *who = player_text(pl, &n->speaker);
	int bx = g->x + g->avatar + mm(b, 3);
	if (!g->compact)
		y += add_text(b, UI_ROLE_TEXT, who, bx, y, g->bubble_max, MM_TEXT, true, C_TEXT, C_BG, ALIGN_START) + mm(b, 1);
	int th = measure(b, says, g->bubble_max - 2 * g->pad, false, &used);
	struct ui_rect r = {bx, y, used + 2 * g->pad, th + 2 * g->pad};
	struct ui_elem *card = add_elem(b, UI_ROLE_PANEL, r);
	card->bg = C_SURFACE;
	card->border = C_LINE;
	card->border_w = mm(b, 0.5);
	card->radius = mm(b, MM_RADIUS);
	card->label = arena_printf(b->arena, "%s: %s", who, says);
	/* The speaker's initial in a circle, level with the bubble's top. */
	struct ui_elem *av = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){g->x, y, g->avatar, g->avatar});
	av->bg = C_PRIMARY;
	av->radius = g->avatar / 2;
	uint32_t cp;
	int len = util_utf8_decode(who, strlen(who), &cp);
	char *initial = arena_printf(b->arena, "%.*s", len, who);
	int ih = text_height(b, initial, g->avatar, MM_TEXT, true);
	add_text(b, UI_ROLE_TEXT, initial, g->x, y + (g->avatar - ih) / 2, g->avatar, MM_TEXT, true, C_ON_PRIMARY,
	         C_PRIMARY, ALIGN_CENTER);
	add_text(b, UI_ROLE_TEXT, says, bx + g->pad, y + g->pad, g->bubble_max - 2 * g->pad, MM_TEXT, false, C_TEXT,
	         C_SURFACE, ALIGN_START);
}

/* What the learner said, on the other side, with its consequence below. */
static void draw_answer(const struct player *pl, struct build *b, const struct geom *g, const struct scen_choice *c,
                        int y)
{
	const char *t = player_text(pl, &c->text);
	int used;
	int th = measure(b, t, g->bubble_max - 2 * g->pad, false, &used);
	int w = used + 2 * g->pad;
	struct ui_rect r = {g->x + g->w - w, y, w, th + 2 * g->pad};
	struct ui_elem *card = add_elem(b, UI_ROLE_PANEL, r);
	card->bg = C_SELECTED;
	card->border = C_PRIMARY;
	card->border_w = mm(b, 0.5);
	card->radius = mm(b, MM_RADIUS);
	card->label = arena_printf(b->arena, _("You: %s"), t);
	add_text(b, UI_ROLE_TEXT, t, r.x + g->pad, y + g->pad, used, MM_TEXT, false, C_TEXT, C_SELECTED, ALIGN_START);
	if (c->feedback.s[0]) {
		const char *f = player_text(pl, &c->feedback);
		int fh = measure(b, f, g->bubble_max, false, &used);
		add_text(b, UI_ROLE_TEXT, f, g->x + g->w - used, r.y + r.h + mm(b, 1.5), used + 1, MM_TEXT, false,
		         C_TEXT_MUTED, C_BG, ALIGN_START);
		(void)fh;
	}
}

static int choice_gap(struct build *b, const struct geom *g)
{
	return mm(b, g->compact ? 3 : 4);
}

static int choice_height(const struct player *pl, struct build *b, const struct geom *g, const struct scen_choice *c)
{
	int used, least = mm(b, g->compact ? 20 : MM_MAIN_BUTTON);
	int h = measure(b, player_text(pl, &c->text), g->w - 3 * mm(b, 5) - mm(b, 10), false, &used) + 2 * mm(b, 4);
	return h < least ? least : h;
}

static void draw_choices(const struct player *pl, struct build *b, const struct geom *g, const struct scen_node *n,
                         int y)
{
	int x = g->x, w = g->w;
	int pad = mm(b, 5), ic = mm(b, 10);
	for (int i = 0; i < n->n_choices; i++) {
		const struct scen_choice *c = &n->choices[i];
		const char *t = player_text(pl, &c->text);
		int h = choice_height(pl, b, g, c);
		bool best = pl->hints >= 3 && n->best == i;
		bool lit = pl->hints == 2 && c->to_good;
		struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, (struct ui_rect){x, y, w, h});
		e->label = t;
		e->radius = mm(b, MM_RADIUS);
		e->tappable = true;
		e->action = PLAYER_A_VIEW;
		e->arg = i;
		e->bg = is_pressed(b, PLAYER_A_VIEW, i) ? C_PRESSED : best ? C_RIGHT_BG : lit ? C_NOTICE_BG : C_SURFACE;
		e->border = best ? C_RIGHT : lit ? C_NOTICE : C_CONTROL_EDGE;
		e->border_w = mm(b, best || lit ? 1.25 : 0.5);
		int tw = w - 3 * pad - ic;
		int th = text_height(b, t, tw, MM_TEXT, false);
		add_text(b, UI_ROLE_TEXT, t, x + pad, y + (h - th) / 2, tw, MM_TEXT, false, C_TEXT, e->bg, ALIGN_START);
		/* An arrow at the end: tapping says it and the talk goes on. */
		struct ui_elem *go = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){x + w - pad - ic, y + (h - ic) / 2, ic, ic});
		go->image = best ? "icon:check" : "icon:next";
		go->tint_image = true;
		go->fg = best ? C_RIGHT : C_PRIMARY;
		go->image_rect = go->rect;
		y += h + choice_gap(b, g);
	}
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct scenario *s = scen(pl);
	if (!s)
		return;
	struct geom g = geom_of(b, area);
	int gap = mm(b, 5);
	/* The picture: beside the conversation where the area leaves it at
	 * least 200 mm (the player widens the area for it where the screen
	 * can), else above it; the conversation then has less room. */
	const struct lesson_step *st = player_step(pl);
	if (st->picture) {
		int between = mm(b, 12), room = area.w - between - mm(b, 200);
		struct ui_rect pic;
		if (room >= mm(b, 80)) {
			int most = mm(b, pl->tight ? 80 : 120); /* tight: 60 mm tall, as the rows beside it */
			pic.w = room < most ? room : most;
			if (g.w > area.w - between - pic.w) {
				g.w = area.w - between - pic.w;
				if (g.bubble_max > g.w - g.avatar - mm(b, 3) - mm(b, 30))
					g.bubble_max = g.w - g.avatar - mm(b, 3) - mm(b, 30);
			}
			pic.x = area.x + g.w + between;
			pic.y = area.y;
		} else {
			pic.w = mm(b, pl->tight ? 53 : 80);
			if (pic.w > g.w)
				pic.w = g.w;
			pic.x = area.x;
			pic.y = area.y;
		}
		pic.h = pic.w * 3 / 4;
		add_picture(b, pic, st->picture);
		if (pic.x == area.x) {
			area.y += pic.h + mm(b, 4);
			area.h -= pic.h + mm(b, 4);
		}
	}
	/* The conversation so far, walked from the first node. */
	struct item items[MAX_ITEMS];
	int n = 0, at = 0;
	for (int i = 0; i < pl->n_sel && n + 2 < MAX_ITEMS; i++) {
		items[n++] = (struct item){IT_SAYS, at, -1, 0};
		items[n++] = (struct item){IT_ANSWER, at, pl->sel[i], 0};
		at = s->nodes[at].choices[pl->sel[i]].go;
	}
	items[n++] = (struct item){IT_SAYS, at, -1, 0};
	const struct scen_node *cur = &s->nodes[at];
	bool show_choices = !pl->answered && cur->end == SCEN_NO_END;
	int bottom = area.y + area.h; /* once answered, the player ends the area above its feedback */
	int choices_h = 0, avail = 0;
	for (int pass = 0; pass < 2; pass++) {
		g.compact = pass == 1;
		choices_h = 0;
		for (int i = 0; show_choices && i < cur->n_choices; i++)
			choices_h += choice_height(pl, b, &g, &cur->choices[i]) + choice_gap(b, &g);
		avail = bottom - area.y - choices_h - (show_choices ? mm(b, 2) : 0);
		if (item_height(pl, b, &g, &items[n - 1]) <= avail)
			break;
	}
	/* The newest bubbles that fit; the current one always. */
	int first = n - 1, used = 0;
	for (int i = n - 1; i >= 0; i--) {
		items[i].h = item_height(pl, b, &g, &items[i]);
		if (i < n - 1 && used + items[i].h > avail)
			break;
		used += items[i].h + gap;
		first = i;
	}
	int y = area.y;
	for (int i = first; i < n; i++) {
		const struct scen_node *node = &s->nodes[items[i].node];
		if (items[i].kind == IT_SAYS)
			draw_says(pl, b, &g, node, y);
		else
			draw_answer(pl, b, &g, &node->choices[items[i].choice], y);
		y += items[i].h + gap;
	}
	if (show_choices)
		draw_choices(pl, b, &g, cur, y + mm(b, 2));
}

static void tap(struct player *pl, int arg)
{
	const struct scenario *s = scen(pl);
	if (!s || pl->node < 0 || pl->node >= s->n_nodes)
		return;
	const struct scen_node *n = &s->nodes[pl->node];
	if (n->end != SCEN_NO_END || arg < 0 || arg >= n->n_choices)
		return;
	int to = n->choices[arg].go;
	if (pl->n_sel == STEP_RESPONSE_MAX) {
		/* A very long walk round a circle: keep it from the first visit of
		 * this node on (the path stays one the core can follow). */
		int k = 0, node = 0;
		while (k < pl->n_sel && node != pl->node)
			node = s->nodes[node].choices[pl->sel[k++]].go;
		pl->n_sel = k;
	}
	pl->sel[pl->n_sel++] = arg;
	pl->node = to;
	if (s->nodes[to].end != SCEN_NO_END)
		pl->submit = true;
}

static bool response(const struct player *pl, struct step_response *r)
{
	const struct scenario *s = scen(pl);
	r->n = pl->n_sel;
	memcpy(r->v, pl->sel, sizeof(int) * (size_t)pl->n_sel);
	r->text[0] = 0;
	return s && pl->node >= 0 && pl->node < s->n_nodes && s->nodes[pl->node].end != SCEN_NO_END;
}

static void begin(struct player *pl)
{
	pl->node = 0;
	pl->n_sel = 0;
}

const struct step_view view_scenario = {
	.layout = layout, .tap = tap, .response = response, .begin = begin, .aside_mm = 132,
};
