/* View of the `markwords` step: the passage on a card, every word a target
 * of its own (at least 20 mm, 3 mm apart) that flows into lines like text.
 * A tapped word gets a frame; a second tap takes it off. Rung 2 of the
 * hint ladder lays a highlight under the sentences that hold marked parts,
 * rung 3 frames the marked parts in green; once answered, the framed words
 * show right (in a marked part) or wrong.
 *
 * Scratch state: pl->sel[0..n_sel-1] are the framed words of the passage
 * on screen, in the order tapped. */
#include "../core/step_markwords.h"
#include "player.h"

#include <stdlib.h>
#include <string.h>


#define WORD_H 20.0
#define GAP 3.0

/* The language of the passage on screen: the learner's, else Dutch, as
 * lesson_str chooses. */
static int shown_lang(const struct player *pl)
{
	const struct lesson *l = pl->lesson;
	const struct lesson_step *st = player_step(pl);
	for (int i = 0; i < l->n_langs; i++)
		if (!strcmp(l->langs[i], pl->lang) && step_markwords_words(st, i))
			return i;
	for (int i = 0; i < l->n_langs; i++)
		if (!strcmp(l->langs[i], "nl") && step_markwords_words(st, i))
			return i;
	return 0;
}

static bool framed(const struct player *pl, int w)
{
	for (int k = 0; k < pl->n_sel; k++)
		if (pl->sel[k] == w)
			return true;
	return false;
}

/* Whether a word closes its sentence: it ends in . ! ? or … (or the
 * question mark and full stop of Arabic and Tigrinya), maybe followed by
 * a closing quote or bracket. */
static bool ends_sentence(const char *s)
{
	static const char *const closers[] = {"\"", "'", ")", "”", "’", "»"};
	static const char *const stops[] = {".", "!", "?", "…", "؟", "።", "፧"};
	size_t n = strlen(s);
	for (bool again = true; again && n;) {
		again = false;
		for (size_t k = 0; k < sizeof closers / sizeof *closers; k++) {
			size_t cl = strlen(closers[k]);
			if (n > cl && !memcmp(s + n - cl, closers[k], cl)) {
				n -= cl;
				again = true;
			}
		}
	}
	for (size_t k = 0; k < sizeof stops / sizeof *stops; k++) {
		size_t sl = strlen(stops[k]);
		if (n >= sl && !memcmp(s + n - sl, stops[k], sl))
			return true;
	}
	return false;
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int lang = shown_lang(pl), n = step_markwords_words(st, lang);
	if (n <= 0)
		return;
	int pad = mm(b, 5), wh = mm(b, WORD_H), gap = mm(b, GAP), px = mm(b, MM_TEXT);
	int card_w = area.w > mm(b, 280) ? mm(b, 280) : area.w; /* about 60 characters a line */
	int pic_w = 0;
	if (st->picture && area.w >= mm(b, 280)) {
		pic_w = mm(b, 80);
		card_w = area.w - pic_w - mm(b, 8);
	}
	int flow_w = card_w - 2 * pad;
	struct ui_rect *r = arena_alloc(b->arena, sizeof *r * (size_t)n);
	int *sentence = arena_alloc(b->arena, sizeof *sentence * (size_t)n);
	unsigned *lit = arena_alloc(b->arena, sizeof *lit * (size_t)(n + 1)); /* sentences with a marked part */
	memset(lit, 0, sizeof *lit * (size_t)(n + 1));
	int x = 0, row = 0, s = 0;
	size_t all_len = 0;
	for (int w = 0; w < n; w++)
		all_len += strlen(step_markwords_word(st, lang, w)) + 1;
	char *all = arena_alloc(b->arena, all_len + 1), *at = all; /* the passage again, for its direction */
	for (int w = 0; w < n; w++) {
		const char *t = step_markwords_word(st, lang, w);
		size_t tl = strlen(t);
		memcpy(at, t, tl);
		at[tl] = ' ';
		at += tl + 1;
		int tw = b->metrics->width(b->metrics->ud, t, strlen(t), px, false) + 2 * mm(b, 2.5);
		if (tw < mm(b, 20))
			tw = mm(b, 20);
		if (tw > flow_w)
			tw = flow_w;
		if (x > 0 && x + tw > flow_w) {
			x = 0;
			row++;
		}
		r[w] = (struct ui_rect){x, row * (wh + gap), tw, wh};
		x += tw + gap;
		sentence[w] = s;
		if (step_markwords_marks(st, lang, w))
			lit[s] = 1;
		if (ends_sentence(t))
			s++;
	}
	*at = 0;
	struct ui_line *lines;
	bool rtl = false;
	ui_text_wrap(b->metrics, b->arena, all, px, false, flow_w, &lines, &rtl);
	int card_h = 2 * pad + (row + 1) * (wh + gap) - gap;
	/* mirrored with a picture; without one the card lines up with the question */
	int x0 = rtl && pic_w ? area.x + area.w - card_w : area.x, y0 = area.y;
	if (pic_w)
		add_image(b, (struct ui_rect){rtl ? area.x : area.x + area.w - pic_w, y0, pic_w, pic_w * 3 / 4}, st->picture,
		          NULL);
	add_panel(b, (struct ui_rect){x0, y0, card_w, card_h}, C_SURFACE, C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
	for (int w = 0; w < n; w++) {
		r[w].x = rtl ? x0 + pad + flow_w - r[w].x - r[w].w : x0 + pad + r[w].x;
		r[w].y += y0 + pad;
	}
	bool where = pl->hints == 2 && !pl->answered, show = pl->hints >= 3 && !pl->answered;
	if (where) {
		/* Rung 2: a band under each sentence with a marked part, line by
		 * line, as a highlighter pen would leave it. */
		int ext = mm(b, 1.5);
		for (int w = 0; w < n;) {
			int e = w;
			while (e + 1 < n && sentence[e + 1] == sentence[w] && r[e + 1].y == r[w].y)
				e++;
			if (lit[sentence[w]]) {
				int left = r[w].x < r[e].x ? r[w].x : r[e].x;
				int right = r[w].x < r[e].x ? r[e].x + r[e].w : r[w].x + r[w].w;
				add_panel(b, (struct ui_rect){left - ext, r[w].y - ext, right - left + 2 * ext, wh + 2 * ext},
				          C_NOTICE_BG, C_NOTICE_BG, 0, mm(b, 3));
			}
			w = e + 1;
		}
	}
	if (show) {
		/* Rung 3: one green frame around each marked part, line by line. */
		int ext = mm(b, 1);
		for (int w = 0; w < n;) {
			unsigned part = step_markwords_marks(st, lang, w);
			int e = w;
			while (part && e + 1 < n && (step_markwords_marks(st, lang, e + 1) & part) && r[e + 1].y == r[w].y)
				e++;
			if (part) {
				int left = r[w].x < r[e].x ? r[w].x : r[e].x;
				int right = r[w].x < r[e].x ? r[e].x + r[e].w : r[w].x + r[w].w;
				add_panel(b, (struct ui_rect){left - ext, r[w].y - ext, right - left + 2 * ext, wh + 2 * ext},
				          C_RIGHT_BG, C_RIGHT, mm(b, 0.75), mm(b, 3));
			}
			w = e + 1;
		}
	}
	for (int w = 0; w < n; w++) {
		const char *t = step_markwords_word(st, lang, w);
		bool on = framed(pl, w), in = step_markwords_marks(st, lang, w) != 0;
		struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, r[w]);
		e->label = t;
		e->radius = mm(b, 3);
		e->tappable = !pl->answered;
		e->action = e->tappable ? PLAYER_A_VIEW : 0;
		e->arg = w;
		e->bg = where && lit[sentence[w]] ? C_NOTICE_BG : C_SURFACE;
		if (pl->answered && on) {
			e->bg = in ? C_RIGHT_BG : C_WRONG_BG;
			e->border = in ? C_RIGHT : C_WRONG;
			e->border_w = mm(b, 1);
		} else if (is_pressed(b, PLAYER_A_VIEW, w)) {
			e->bg = C_PRESSED;
		} else if (on) {
			e->bg = C_SELECTED;
			e->border = C_PRIMARY;
			e->border_w = mm(b, 1);
		} else if (show && in) {
			e->bg = C_RIGHT_BG; /* inside the part's frame */
		}
		int th = px * 3 / 2;
		add_text(b, UI_ROLE_TEXT, t, r[w].x, r[w].y + (wh - th) / 2, r[w].w, MM_TEXT, false, C_TEXT, e->bg,
		         ALIGN_CENTER);
		if (pl->answered && on) {
			/* A mark on the corner, so right and wrong are not told by
			 * colour alone; it reaches into the gap, not the next word. */
			int d = mm(b, 8), out = mm(b, GAP);
			struct ui_rect mr = {r[w].x + r[w].w + out - d, r[w].y + wh + out - d, d, d};
			struct ui_elem *m = add_elem(b, UI_ROLE_IMAGE, mr);
			m->bg = in ? C_RIGHT : C_WRONG;
			m->radius = d / 2;
			m->image = in ? "icon:check" : "icon:cross";
			m->tint_image = true;
			m->fg = C_ON_PRIMARY;
			m->image_rect = (struct ui_rect){m->rect.x + d / 5, m->rect.y + d / 5, d * 3 / 5, d * 3 / 5};
		}
	}
}

static void tap(struct player *pl, int arg)
{
	if (arg < 0 || arg >= step_markwords_words(player_step(pl), shown_lang(pl)))
		return;
	for (int k = 0; k < pl->n_sel; k++)
		if (pl->sel[k] == arg) {
			memmove(pl->sel + k, pl->sel + k + 1, sizeof *pl->sel * (size_t)(pl->n_sel - k - 1));
			pl->n_sel--;
			return;
		}
	if (pl->n_sel < STEP_RESPONSE_MAX - 1)
		pl->sel[pl->n_sel++] = arg;
}

static int by_number(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

static bool response(const struct player *pl, struct step_response *r)
{
	r->v[0] = shown_lang(pl);
	memcpy(r->v + 1, pl->sel, sizeof(int) * (size_t)pl->n_sel);
	qsort(r->v + 1, (size_t)pl->n_sel, sizeof(int), by_number);
	r->n = 1 + pl->n_sel;
	r->text[0] = 0;
	return pl->n_sel > 0;
}

const struct step_view view_markwords = {
	.layout = layout, .tap = tap, .response = response, .check_button = true,
};
