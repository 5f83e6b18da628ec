/* View of the `blanks` step: the sentence on a card with its gaps as empty
 * places in the line, and under it a bank of words to put in them (the
 * missing words and the `others`, in a fixed shuffled order). The learner
 * taps a place and then a word, or a word and then a place; tapping a
 * filled place empties it. A placed word leaves an outline in the bank, so
 * the other words do not move. At the top of the hint ladder every empty
 * place shows its word, pale, and the learner puts the words there.
 *
 * Scratch state: pl->sel[i] is the word in place i (-1: empty), pl->n_sel
 * the number of places; pl->pick is the place (0..3) or the word
 * (PICK_WORD + w) picked up, or -1. Words are numbered as in the response
 * (step_blanks.c): the missing words first, then the others. */
#include "../core/step_blanks.h"
#include "../core/step.h"
#include "player.h"

#include <libintl.h>
#include <stdint.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

#define PICK_WORD 100 /* tap argument of word w: PICK_WORD + w; of place i: i */
#define MAX_WORDS 8
#define SLOT_H 20.0
#define ROW_GAP 4.0
#define MAX_TOKENS 96

static int n_words(const struct lesson_step *st)
{
	return step_blanks_gaps(st) + step_blanks_others(st);
}

static const char *word(const struct player *pl, int w)
{
	return player_text(pl, step_blanks_word(player_step(pl), w));
}

/* The bank's order: shuffled by the words themselves, so it is the same
 * every time and in every language, and never the sentence's order. */
static void bank_order(const struct lesson_step *st, int *order)
{
	int n = n_words(st);
	uint32_t h = 2166136261u;
	for (int w = 0; w < n; w++)
		for (const char *s = step_blanks_word(st, w)->s[0]; s && *s; s++)
			h = (h ^ (uint8_t)*s) * 16777619u;
	for (int w = 0; w < n; w++)
		order[w] = w;
	for (int i = n - 1; i > 0; i--) {
		h ^= h << 13;
		h ^= h >> 17;
		h ^= h << 5;
		int j = (int)(h % (uint32_t)(i + 1)), t = order[i];
		order[i] = order[j];
		order[j] = t;
	}
	bool same = true;
	for (int w = 0; w < n; w++)
		same &= order[w] == w;
	if (same && n > 1) {
		for (int w = 0; w < n; w++)
			order[w] = (w + 1) % n;
	}
}

static int placed_in(const struct player *pl, int w)
{
	for (int i = 0; i < pl->n_sel; i++)
		if (pl->sel[i] == w)
			return i;
	return -1;
}

static int text_w(struct build *b, const char *s, bool bold)
{
	return b->metrics->width(b->metrics->ud, s, strlen(s), mm(b, MM_TEXT), bold);
}

/* ---- the sentence: words and places flowing into lines ---- */

struct token {
	const char *text; /* NULL for a place */
	int gap;          /* the place's number */
	bool glue;        /* no space before it */
	int x, w, line;
};

static int tokenize(struct build *b, const struct player *pl, struct token *tk)
{
	const struct lesson_step *st = player_step(pl);
	int g = step_blanks_gaps(st), n = 0;
	for (int k = 0; k <= g && n < MAX_TOKENS; k++) {
		const char *s = player_text(pl, step_blanks_piece(st, k));
		bool glue = k > 0; /* a piece that does not start with a space sticks to its place */
		while (*s && n < MAX_TOKENS) {
			size_t sp = strspn(s, " \t\n");
			if (sp)
				glue = false;
			s += sp;
			size_t len = strcspn(s, " \t\n");
			if (!len)
				break;
			tk[n++] = (struct token){.text = arena_printf(b->arena, "%.*s", (int)len, s), .glue = glue};
			s += len;
			glue = true;
		}
		if (k < g && n < MAX_TOKENS) {
			/* A place right after a word, without a space, sticks to it. */
			const char *p = player_text(pl, step_blanks_piece(st, k));
			size_t len = strlen(p);
			tk[n++] = (struct token){.gap = k, .glue = len > 0 && !strchr(" \t\n", p[len - 1])};
		}
	}
	return n;
}

/* Places the tokens in lines of width w; returns the number of lines. */
static int flow(struct build *b, struct token *tk, int n, int w, int slot_w)
{
	int space = text_w(b, " ", false), near = mm(b, 2), sign = mm(b, 1);
	int x = 0, line = 0;
	for (int i = 0; i < n;) {
		/* A unit: a token and the ones glued to it, kept on one line. */
		int j = i + 1;
		while (j < n && tk[j].glue)
			j++;
		int unit = 0;
		for (int k = i; k < j; k++) {
			tk[k].w = tk[k].text ? text_w(b, tk[k].text, false) : slot_w;
			unit += tk[k].w + (k > i ? (tk[k].text && tk[k - 1].text ? 0 : tk[k].text ? sign : near) : 0);
		}
		int before = tk[i].text && (i == 0 || tk[i - 1].text) ? space : near + mm(b, 1);
		if (x > 0 && x + before + unit > w) {
			line++;
			x = 0;
		} else if (x > 0) {
			x += before;
		}
		for (int k = i; k < j; k++) {
			if (k > i)
				x += tk[k].text && tk[k - 1].text ? 0 : tk[k].text ? sign : near;
			tk[k].x = x;
			tk[k].line = line;
			x += tk[k].w;
		}
		i = j;
	}
	return n ? line + 1 : 0;
}

static void place(struct player *pl, struct build *b, struct ui_rect r, int i, bool rtl)
{
	const struct lesson_step *st = player_step(pl);
	int w = pl->sel[i];
	bool picked = pl->pick == i, word_up = pl->pick >= PICK_WORD;
	bool show = w < 0 && pl->hints >= 3 && !pl->answered;
	struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, r);
	e->label = w < 0 ? arena_printf(b->arena, _("Empty place %d"), i + 1)
	                 : arena_printf(b->arena, _("Place %d: %s"), i + 1, word(pl, w));
	e->radius = mm(b, 3);
	e->tappable = !pl->answered;
	e->action = e->tappable ? PLAYER_A_VIEW : 0;
	e->arg = i;
	bool right = w >= 0 && step_same_text(word(pl, w), word(pl, i));
	if (pl->answered) {
		e->bg = right ? C_RIGHT_BG : C_WRONG_BG;
		e->border = right ? C_RIGHT : C_WRONG;
		e->border_w = mm(b, 1);
	} else if (is_pressed(b, PLAYER_A_VIEW, i)) {
		e->bg = C_PRESSED;
		e->border = C_PRIMARY;
		e->border_w = mm(b, 0.75);
	} else if (picked) {
		e->bg = C_SELECTED;
		e->border = C_PRIMARY;
		e->border_w = mm(b, 1.25);
	} else if (show) {
		e->bg = C_RIGHT_BG;
		e->border = C_RIGHT;
		e->border_w = mm(b, 0.5);
	} else {
		e->bg = w >= 0 ? C_SELECTED : C_BG;
		/* an empty place calls for the word that is picked up */
		e->border = w < 0 && word_up ? C_PRIMARY : C_CONTROL_EDGE;
		e->border_w = mm(b, w < 0 && word_up ? 1 : 0.5);
	}
	int ic = pl->answered ? mm(b, 8) : 0, tw = r.w - ic - (ic ? mm(b, 2) : 0);
	int th = mm(b, MM_TEXT) * 3 / 2, ty = r.y + (r.h - th) / 2;
	int tx = rtl && ic ? r.x + ic + mm(b, 2) : r.x;
	if (w >= 0)
		add_text(b, UI_ROLE_TEXT, word(pl, w), tx, ty, tw, MM_TEXT, true, C_TEXT, e->bg, ALIGN_CENTER);
	else if (show)
		add_text(b, UI_ROLE_TEXT, player_text(pl, step_blanks_word(st, i)), tx, ty, tw, MM_TEXT, false,
		         C_TEXT_MUTED, e->bg, ALIGN_CENTER);
	if (ic) {
		int mx = rtl ? r.x + mm(b, 2) : r.x + r.w - ic - mm(b, 2);
		struct ui_elem *m = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){mx, r.y + (r.h - ic) / 2, ic, ic});
		m->bg = right ? C_RIGHT : C_WRONG;
		m->radius = ic / 2;
		m->image = right ? "icon:check" : "icon:cross";
		m->tint_image = true;
		m->fg = C_ON_PRIMARY;
		m->image_rect = (struct ui_rect){mx + ic / 5, m->rect.y + ic / 5, ic * 3 / 5, ic * 3 / 5};
	}
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int n = n_words(st);
	int pad = mm(b, 5), slot_h = mm(b, SLOT_H), th = mm(b, MM_TEXT) * 3 / 2;
	int card_w = area.w > mm(b, 280) ? mm(b, 280) : area.w; /* about 60 characters a line */
	int pic_w = 0;
	if (st->picture && area.w >= mm(b, 280)) {
		pic_w = mm(b, 80);
		card_w = area.w - pic_w - mm(b, 8);
	}
	/* Every place is as wide as the widest word, so its size gives nothing away. */
	int slot_w = mm(b, 30);
	for (int w = 0; w < n; w++) {
		/* with room for the right-or-wrong mark, so nothing moves on Check */
		int ww = text_w(b, word(pl, w), true) + 2 * mm(b, 4) + mm(b, 10);
		if (ww > slot_w)
			slot_w = ww;
	}
	int flow_w = card_w - 2 * pad;
	if (slot_w > flow_w)
		slot_w = flow_w;
	struct token tk[MAX_TOKENS];
	int nt = tokenize(b, pl, tk);
	int lines = flow(b, tk, nt, flow_w, slot_w);
	struct ui_line *unused;
	bool rtl = false;
	ui_text_wrap(b->metrics, b->arena, player_text(pl, step_blanks_piece(st, 0)), mm(b, MM_TEXT), false, flow_w,
	             &unused, &rtl);
	for (int k = 1; k <= step_blanks_gaps(st) && !rtl; k++)
		ui_text_wrap(b->metrics, b->arena, player_text(pl, step_blanks_piece(st, k)), mm(b, MM_TEXT), false, flow_w,
		             &unused, &rtl);
	/* A line with a place is as high as the place; one with only words,
	 * as high as the words: long sentences stay compact. */
	int line_y[MAX_TOKENS + 1], line_h[MAX_TOKENS];
	for (int k = 0; k < lines; k++)
		line_h[k] = th;
	for (int i = 0; i < nt; i++)
		if (!tk[i].text)
			line_h[tk[i].line] = slot_h;
	line_y[0] = 0;
	for (int k = 0; k < lines; k++)
		line_y[k + 1] = line_y[k] + line_h[k] + mm(b, ROW_GAP);
	int card_h = 2 * pad + (lines ? line_y[lines] - mm(b, ROW_GAP) : 0);
	int x0 = area.x, y = area.y;
	if (pic_w)
		add_image(b, (struct ui_rect){rtl ? area.x : area.x + area.w - pic_w, y, pic_w, pic_w * 3 / 4}, st->picture,
		          NULL);
	if (rtl && pic_w)
		x0 = area.x + area.w - card_w; /* mirrored; without a picture it lines up with the question */
	add_panel(b, (struct ui_rect){x0, y, card_w, card_h}, C_SURFACE, C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
	int fx = x0 + pad, fy = y + pad;
	/* Words between places go out as one text per line, so the sentence
	 * reads (and is read aloud) in runs rather than word by word. */
	for (int i = 0; i < nt;) {
		if (!tk[i].text) {
			int x = rtl ? fx + flow_w - tk[i].x - tk[i].w : fx + tk[i].x;
			place(pl, b, (struct ui_rect){x, fy + line_y[tk[i].line], tk[i].w, slot_h}, tk[i].gap, rtl);
			i++;
			continue;
		}
		int j = i, end = tk[i].x + tk[i].w;
		char *run = (char *)tk[i].text;
		while (j + 1 < nt && tk[j + 1].text && tk[j + 1].line == tk[i].line) {
			j++;
			run = arena_printf(b->arena, "%s%s%s", run, tk[j].glue ? "" : " ", tk[j].text);
			end = tk[j].x + tk[j].w;
		}
		int w = end - tk[i].x + mm(b, 3); /* room for the run measured as a whole */
		int x = rtl ? fx + flow_w - end - mm(b, 3) : fx + tk[i].x;
		int ln = tk[i].line;
		add_text(b, UI_ROLE_TEXT, run, x, fy + line_y[ln] + (line_h[ln] - th) / 2, w, MM_TEXT, false, C_TEXT,
		         C_SURFACE, ALIGN_START);
		i = j + 1;
	}
	if (pl->answered)
		return; /* the words stay in their places; the bank has done its work */
	/* The bank. */
	y += card_h + mm(b, 6);
	int order[MAX_WORDS], bh = mm(b, SLOT_H), gap = mm(b, 4), x = 0;
	bank_order(st, order);
	for (int k = 0; k < n; k++) {
		int w = order[k];
		const char *t = word(pl, w);
		int bw = text_w(b, t, true) + 2 * mm(b, 6);
		if (bw < mm(b, 30))
			bw = mm(b, 30);
		if (bw > card_w)
			bw = card_w;
		if (x > 0 && x + bw > card_w) {
			x = 0;
			y += bh + gap;
		}
		struct ui_rect r = {rtl ? x0 + card_w - x - bw : x0 + x, y, bw, bh};
		x += bw + gap;
		if (placed_in(pl, w) >= 0) {
			/* The word is in the sentence; its outline keeps its place. */
			add_panel(b, r, C_BG, C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
			continue;
		}
		struct ui_elem *e = add_button(b, r, t, NULL, BUTTON_QUIET, PLAYER_A_VIEW, PICK_WORD + w);
		if (pl->pick == PICK_WORD + w && !is_pressed(b, PLAYER_A_VIEW, PICK_WORD + w)) {
			e->bg = C_SELECTED;
			e->border = C_PRIMARY;
			e->border_w = mm(b, 1.25);
		}
	}
}

static void put(struct player *pl, int i, int w)
{
	pl->sel[i] = w;
	pl->pick = -1;
}

static void tap(struct player *pl, int arg)
{
	const struct lesson_step *st = player_step(pl);
	int g = step_blanks_gaps(st);
	if (arg >= 0 && arg < g) {
		if (pl->sel[arg] >= 0)
			pl->sel[arg] = -1; /* a filled place empties; a picked word stays picked */
		else if (pl->pick >= PICK_WORD)
			put(pl, arg, pl->pick - PICK_WORD);
		else
			pl->pick = pl->pick == arg ? -1 : arg;
		return;
	}
	int w = arg - PICK_WORD;
	if (w < 0 || w >= n_words(st) || placed_in(pl, w) >= 0)
		return;
	if (pl->pick >= 0 && pl->pick < g)
		put(pl, pl->pick, w);
	else
		pl->pick = pl->pick == arg ? -1 : arg;
}

/* When every place holds a word that reads the same as its own, the
 * places are reported in order: two words that look the same cannot be
 * told apart, in the language on screen, by the learner. */
static bool response(const struct player *pl, struct step_response *r)
{
	int g = step_blanks_gaps(player_step(pl));
	bool full = g > 0 && pl->n_sel == g, as_own = true;
	r->n = g;
	r->text[0] = 0;
	for (int i = 0; i < g; i++) {
		r->v[i] = pl->sel[i];
		full &= pl->sel[i] >= 0;
		as_own &= pl->sel[i] >= 0 && step_same_text(word(pl, pl->sel[i]), word(pl, i));
	}
	if (full && as_own)
		for (int i = 0; i < g; i++)
			r->v[i] = i;
	return full;
}

static void begin(struct player *pl)
{
	int g = step_blanks_gaps(player_step(pl));
	for (int i = 0; i < g; i++)
		pl->sel[i] = -1;
	pl->n_sel = g;
	pl->pick = -1;
}

const struct step_view view_blanks = {
	.layout = layout, .tap = tap, .response = response, .begin = begin, .check_button = true,
};
