/* View of the `sim` step: a phone drawn by the program (a dark rounded
 * bezel, a status bar with a fake time, the screen's parts as the app
 * would show them), with a column beside it for "Back" (on every screen but
 * the first) and for scrolling when the parts do not all fit. Fields open
 * a keyboard with two pages, as phones have (the letters of keyboard.h, and
 * digits with signs), or a number pad for a code; it takes the view's whole
 * area until "Done". A physical keyboard types too.
 *
 * Scratch in struct player:
 *   node      the screen on show
 *   sel       go somewhere: the taps from the first screen on (each opened
 *             the next screen; a last one answers); find: the framed parts
 *   aux[0]    the first row shown (scrolling; in a chat, which opens at
 *             its end: the rows scrolled up); aux[1..n_aux): the screens
 *             "Back" returns to, oldest first (go somewhere: one per tap in
 *             sel, so sel[i] was tapped on screen aux[1 + i])
 *   pick      the field being typed in, or -1
 *   typed     every field's text, in part order, one a line
 *   shift     the keyboard's capitals
 * Parts are numbered across the sim as in the core (step_sim.c), and their
 * numbers are the tap arguments; the view's own buttons are numbered above.
 *
 * Rung 2 of the ladder lights up the part to tap (or each part to find)
 * with the part before and after it; rung 3 frames the part to tap on every
 * screen and shows each field's answer above it, or frames the suspicious
 * parts. In lit rows the lit part keeps its own shape (a bubble, a tile,
 * a card) on the lit colour, so each app still looks like itself. */
#include "../core/step_sim.h"

#include "keyboard.h"
#include "player.h"

#include <libintl.h>
#include <stdio.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

/* Tap arguments besides part numbers (< 72) and keyboard.h's keys, which
 * only come while the keyboard is shown. */
enum {
	A_DONE = 3000, A_BACK, A_UP, A_DOWN, A_PAGE,
	A_PAD = 4000,  /* + a digit; + 10: erase */
	A_SIGN = 5000, /* + a fixed sign; + 10 + j: the answer's own sign j */
};
/* aux[PAGE]: the keyboard page on show (0 letters, 1 digits and signs);
 * far above the screens "Back" returns to. */
#define PAGE (STEP_RESPONSE_MAX - 1)

#define MAX_ROWS (4 * SIM_MAX_PARTS) /* a long chat message may take several (slices) */
#define MAX_SIGNS 6
#define C_LINK RGB(0x1B3F8B)   /* links: 7:1 or more on every background a part takes */
#define C_BEZEL RGB(0x1C2730)
#define C_TILE RGB(0xE3EAF0)   /* a person in a call: calm, apart from the colours of the ladder */
/* Sizes of the work apps, in mm. */
#define CHAT_AVATAR 14.0 /* a chat message's round picture, as a message row's */
#define CALL_AVATAR 15.0 /* a person's round picture in a call */
#define CALL_BUTTON 20.0 /* a call's round button: a main action (UX.md) */
#define STRIPE 1.5       /* a shift's coloured edge */

static const struct sim *sim_of(const struct player *pl)
{
	return player_step(pl)->data;
}

static int depth(const struct player *pl)
{
	return pl->n_aux > 0 ? pl->n_aux - 1 : 0;
}

/* The screen with the suspicious parts (find), or -1. */
static int find_screen(const struct sim *s)
{
	for (int i = 0; s->find && i < s->n_parts; i++)
		if (s->parts[i].suspicious)
			return s->parts[i].screen;
	return -1;
}

static bool framed(const struct player *pl, int k)
{
	for (int i = 0; i < pl->n_sel; i++)
		if (pl->sel[i] == k)
			return true;
	return false;
}

/* ---- the fields' text: one line each in pl->typed ---- */

static int field_span(const char *t, int f, int *start)
{
	int at = 0;
	for (int i = 0; i < f; i++) {
		const char *nl = strchr(t + at, '\n');
		if (!nl) {
			*start = (int)strlen(t);
			return 0;
		}
		at = (int)(nl - t) + 1;
	}
	*start = at;
	return (int)strcspn(t + at, "\n");
}

static void field_get(const struct player *pl, int f, char *out, size_t cap)
{
	int start, len = field_span(pl->typed, f, &start);
	snprintf(out, cap, "%.*s", len, pl->typed + start);
}

static bool field_set(struct player *pl, int f, const char *v)
{
	int start, len = field_span(pl->typed, f, &start);
	size_t total = strlen(pl->typed) - (size_t)len + strlen(v);
	if (total >= sizeof pl->typed || util_utf8_count(v) > SIM_FIELD_MAX || strchr(v, '\n'))
		return false;
	char buf[sizeof pl->typed];
	snprintf(buf, sizeof buf, "%.*s%s%s", start, pl->typed, v, pl->typed + start + len);
	memcpy(pl->typed, buf, total + 1);
	return true;
}

/* The common signs on the keyboard's second page. */
static const char *const fixed_signs[] = {".", ",", "@", "_", "/", ":", "?", "!", "+", "&"};

/* The keyboard has two pages, as phone keyboards do: the letters of
 * keyboard.h, and digits with signs (the ten digits, the common signs
 * above, and any other sign the field's answer needs: those are returned,
 * at most MAX_SIGNS). Capitals need no key: the comparison ignores them.
 * *digits tells whether the answer has digits. */
static int extra_signs(const struct player *pl, const struct sim_part *p, bool *digits, char signs[MAX_SIGNS][5])
{
	static const char *const on_keyboard[] = {"é", "è", "ë", "ï", "ö", "ü", "ç", "-", " ", ".", ",", "@", "_", "/",
	                                          ":", "?", "!", "+", "&", NULL};
	int n = 0;
	*digits = false;
	if (p->kind != SIM_FIELD || !p->has_answer)
		return 0;
	const char *a = player_text(pl, &p->answer);
	for (size_t i = 0; a[i];) {
		uint32_t cp;
		int len = util_utf8_decode(a + i, strlen(a + i), &cp);
		char one[5] = {0};
		memcpy(one, a + i, (size_t)len);
		i += (size_t)len;
		if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z'))
			continue;
		if (cp >= '0' && cp <= '9') {
			*digits = true;
			continue;
		}
		if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7) { /* a capital: its small letter */
			cp += 0x20;
			one[0] = (char)(0xC0 | (cp >> 6));
			one[1] = (char)(0x80 | (cp & 0x3F));
		}
		bool have = false;
		for (int k = 0; on_keyboard[k]; k++)
			have |= !strcmp(one, on_keyboard[k]);
		for (int k = 0; k < n; k++)
			have |= !strcmp(one, signs[k]);
		if (!have && n < MAX_SIGNS)
			memcpy(signs[n++], one, sizeof one);
	}
	return n;
}

/* ---- taps ---- */

static void open_screen(struct player *pl, int tapped, int to)
{
	const struct sim *s = sim_of(pl);
	pl->aux[0] = 0;
	pl->pick = -1;
	if (to == pl->node)
		return;
	/* Back to a screen on the way: the way is cut there (and the taps). */
	for (int j = 0; j < depth(pl); j++)
		if (pl->aux[1 + j] == to) {
			pl->n_aux = 1 + j;
			if (!s->find)
				pl->n_sel = j;
			pl->node = to;
			return;
		}
	if (pl->n_aux < STEP_RESPONSE_MAX)
		pl->aux[pl->n_aux++] = pl->node;
	if (!s->find && pl->n_sel < STEP_RESPONSE_MAX)
		pl->sel[pl->n_sel++] = tapped;
	pl->node = to;
}

/* Do the fields with answers on screen si hold them? */
static bool fields_ok(const struct player *pl, int si)
{
	const struct sim *s = sim_of(pl);
	const struct sim_screen *sc = &s->screens[si];
	for (int k = sc->first; k < sc->first + sc->n; k++) {
		const struct sim_part *p = &s->parts[k];
		char v[sizeof pl->typed];
		if (p->field < 0 || !p->has_answer)
			continue;
		field_get(pl, p->field, v, sizeof v);
		if (!step_sim_field_ok(p, v))
			return false;
	}
	return true;
}

static void answer_with(struct player *pl, int k)
{
	if (pl->n_sel < STEP_RESPONSE_MAX)
		pl->sel[pl->n_sel++] = k;
	pl->submit = true;
}

static void tap_part(struct player *pl, int k)
{
	const struct sim *s = sim_of(pl);
	const struct sim_part *p = &s->parts[k];
	if (p->screen != pl->node)
		return;
	if (s->find) {
		if (pl->node == find_screen(s)) {
			for (int i = 0; i < pl->n_sel; i++)
				if (pl->sel[i] == k) {
					pl->sel[i] = pl->sel[--pl->n_sel];
					return;
				}
			if (pl->n_sel < STEP_RESPONSE_MAX)
				pl->sel[pl->n_sel++] = k;
		} else if (p->go >= 0) {
			open_screen(pl, k, p->go);
		}
		return;
	}
	if (p->field >= 0) {
		pl->pick = k;
		pl->shift = false;
		pl->aux[PAGE] = 0;
		return;
	}
	if (!step_sim_tappable(p->kind))
		return;
	if (p->kind == SIM_BUTTON && (p->go >= 0 || p->correct) && !fields_ok(pl, pl->node))
		answer_with(pl, k); /* the fields do not hold their answers: a wrong answer */
	else if (p->correct)
		answer_with(pl, k);
	else if (p->go >= 0)
		open_screen(pl, k, p->go);
	else
		answer_with(pl, k); /* leads nowhere: a wrong answer */
}

static void type_key(struct player *pl, int arg)
{
	const struct sim *s = sim_of(pl);
	const struct sim_part *p = &s->parts[pl->pick];
	char v[sizeof pl->typed];
	field_get(pl, p->field, v, sizeof v);
	bool shift = pl->shift, changed = false;
	if (p->kind == SIM_CODE_ENTRY) {
		size_t n = strlen(v);
		if (arg == A_PAD + 10 && n > 0)
			v[n - 1] = 0, changed = true;
		else if (arg >= A_PAD && arg < A_PAD + 10 && n < 8)
			v[n] = (char)('0' + arg - A_PAD), v[n + 1] = 0, changed = true;
	} else if (arg >= A_PAD && arg < A_PAD + 10) {
		char digit[2] = {(char)('0' + arg - A_PAD), 0};
		changed = keyboard_type(v, sizeof v, &shift, digit);
	} else if (arg >= A_SIGN && arg < A_SIGN + 10) {
		changed = keyboard_type(v, sizeof v, &shift, fixed_signs[arg - A_SIGN]);
	} else if (arg >= A_SIGN + 10 && arg < A_SIGN + 10 + MAX_SIGNS) {
		char signs[MAX_SIGNS][5];
		bool digits;
		if (arg - A_SIGN - 10 < extra_signs(pl, p, &digits, signs))
			changed = keyboard_type(v, sizeof v, &shift, signs[arg - A_SIGN - 10]);
	} else if (arg < A_DONE) {
		changed = keyboard_press(v, sizeof v, &shift, arg);
	}
	if (changed && field_set(pl, p->field, v))
		pl->shift = shift;
}

static void tap(struct player *pl, int arg)
{
	const struct sim *s = sim_of(pl);
	if (!s || pl->answered)
		return;
	if (pl->pick >= 0) {
		if (arg == A_DONE)
			pl->pick = -1;
		else if (arg == A_PAGE)
			pl->aux[PAGE] = !pl->aux[PAGE];
		else
			type_key(pl, arg);
		return;
	}
	if (arg >= 0 && arg < s->n_parts)
		tap_part(pl, arg);
	else if (arg == A_BACK && depth(pl) > 0) {
		pl->node = pl->aux[pl->n_aux - 1];
		pl->n_aux--;
		if (!s->find)
			pl->n_sel = depth(pl);
		pl->aux[0] = 0;
	} else if (arg == A_UP || arg == A_DOWN) {
		/* layout keeps it in range; a chat counts from its end */
		bool from_end = s->screens[pl->node].app == SIM_CHAT;
		if ((arg == A_DOWN) != from_end)
			pl->aux[0]++;
		else if (pl->aux[0] > 0)
			pl->aux[0]--;
	}
}

/* A physical keyboard types into the open field too. */
static void input(struct player *pl, const struct ui_event *ev)
{
	const struct sim *s = sim_of(pl);
	if (!s || pl->pick < 0)
		return;
	const struct sim_part *p = &s->parts[pl->pick];
	if (ev->type == UI_EV_KEY && ev->key == UI_KEY_RETURN) {
		pl->pick = -1;
	} else if (ev->type == UI_EV_KEY && ev->key == UI_KEY_BACKSPACE) {
		type_key(pl, p->kind == SIM_CODE_ENTRY ? A_PAD + 10 : KEYBOARD_ERASE);
	} else if (ev->type == UI_EV_TEXT) {
		char v[sizeof pl->typed];
		field_get(pl, p->field, v, sizeof v);
		for (size_t i = 0; ev->text[i];) {
			uint32_t cp;
			int len = util_utf8_decode(ev->text + i, strlen(ev->text + i), &cp);
			char one[5] = {0};
			memcpy(one, ev->text + i, (size_t)len);
			i += (size_t)len;
			bool digit = cp >= '0' && cp <= '9';
			if (cp < 0x20 || cp == 0xFFFD || (p->kind == SIM_CODE_ENTRY && (!digit || strlen(v) >= 8)))
				continue;
			char before[sizeof v];
			memcpy(before, v, sizeof v);
			bool shift = pl->shift;
			if (!keyboard_type(v, sizeof v, &shift, one))
				continue;
			if (field_set(pl, p->field, v))
				pl->shift = shift;
			else
				memcpy(v, before, sizeof v);
		}
	}
}

static bool response(const struct player *pl, struct step_response *r)
{
	const struct sim *s = sim_of(pl);
	r->n = pl->n_sel;
	memcpy(r->v, pl->sel, sizeof(int) * (size_t)pl->n_sel);
	r->text[0] = 0;
	if (!s)
		return false;
	/* The typed values of the fields with answers, one a line (none when
	 * nothing is typed, so the taps are what is stored). */
	bool any = false;
	size_t o = 0;
	for (int i = 0, k = 0; i < s->n_parts; i++) {
		const struct sim_part *p = &s->parts[i];
		if (p->field < 0 || !p->has_answer)
			continue;
		char v[sizeof pl->typed];
		field_get(pl, p->field, v, sizeof v);
		any |= v[0] != 0;
		o += (size_t)snprintf(r->text + o, sizeof r->text - o, "%s%s", k++ ? "\n" : "", v);
		if (o >= sizeof r->text)
			break;
	}
	if (!any)
		r->text[0] = 0;
	return pl->n_sel > 0 && (s->find || pl->n_sel > depth(pl));
}

static void begin(struct player *pl)
{
	const struct sim *s = sim_of(pl);
	pl->node = 0;
	pl->n_sel = 0;
	pl->aux[0] = 0;
	pl->n_aux = 1;
	pl->pick = -1;
	pl->typed[0] = 0;
	if (!s)
		return;
	/* Fields start with what is filled in already. */
	size_t o = 0;
	for (int i = 0; i < s->n_parts; i++) {
		const struct sim_part *p = &s->parts[i];
		if (p->field < 0)
			continue;
		const char *t = p->kind == SIM_FIELD && p->text.s[0] ? player_text(pl, &p->text) : "";
		if (o + strlen(t) + 2 > sizeof pl->typed)
			t = "";
		o += (size_t)snprintf(pl->typed + o, sizeof pl->typed - o, "%s%s", p->field ? "\n" : "", t);
	}
}

/* ---- layout ---- */

struct ctx {
	struct player *pl;
	struct build *b;
	const struct sim *s;
	int x, w;              /* the content column inside the phone's screen */
	int pad;               /* inside a part, around its text */
	struct ui_color paper; /* the screen's background */
	bool live;             /* parts take taps */
	int from, to;          /* a slice of a chat message: its text's lines [from, to); to 0: all of it */
};

/* What a part is in this state: how it is tapped, and its colours. */
struct look {
	bool tappable;
	struct ui_color bg, border;
	int border_w;
	bool mark; /* a check mark in its corner: framed by the learner */
};

static struct look look_of(const struct ctx *c, int k)
{
	const struct player *pl = c->pl;
	const struct sim *s = c->s;
	const struct sim_part *p = &s->parts[k];
	const struct sim_screen *sc = &s->screens[p->screen];
	struct look l = {.bg = c->paper};
	bool on_find = s->find && p->screen == find_screen(s);
	if (c->live) {
		if (s->find)
			l.tappable = on_find || p->go >= 0;
		else
			l.tappable = step_sim_tappable(p->kind) || p->field >= 0;
	}
	bool is_framed = s->find && framed(pl, k);
	bool last = !s->find && pl->n_sel > 0 && pl->sel[pl->n_sel - 1] == k;
	if (pl->answered) {
		if (is_framed || last) {
			bool good = s->find ? p->suspicious : pl->right;
			l.bg = good ? C_RIGHT_BG : C_WRONG_BG;
			l.border = good ? C_RIGHT : C_WRONG;
			l.border_w = mm(c->b, 1.25);
		}
		return l;
	}
	bool target = s->find ? p->suspicious : sc->best == k;
	if (pl->hints >= 3 && target) {
		l.bg = C_RIGHT_BG;
		l.border = C_RIGHT;
		l.border_w = mm(c->b, 1.25);
	} else if (pl->hints == 2) {
		/* the part, with the one before and after it on its screen */
		for (int d = -1; d <= 1; d++) {
			int q = k + d;
			if (q >= sc->first && q < sc->first + sc->n && (s->find ? s->parts[q].suspicious : sc->best == q))
				l.bg = C_NOTICE_BG;
		}
	}
	if (is_framed) {
		l.bg = C_SELECTED;
		l.border = C_PRIMARY;
		l.border_w = mm(c->b, 1.25);
		l.mark = true;
	}
	if (l.tappable && is_pressed(c->b, PLAYER_A_VIEW, k))
		l.bg = C_PRESSED;
	return l;
}

static int th(const struct ctx *c, const char *t, int w, bool bold)
{
	return text_height(c->b, t, w, MM_TEXT, bold);
}

static const char *value_of(const struct ctx *c, const struct sim_part *p)
{
	char v[sizeof c->pl->typed];
	field_get(c->pl, p->field, v, sizeof v);
	return arena_strdup(c->b->arena, v);
}

static const char *part_label(const struct ctx *c, const struct sim_part *p)
{
	struct arena *a = c->b->arena;
	const char *label = player_text(c->pl, &p->label), *text = player_text(c->pl, &p->text);
	switch (p->kind) {
	case SIM_APP_ICON:
	case SIM_BUTTON:
	case SIM_PERSON:
	case SIM_CONTROL:
		return label;
	case SIM_MESSAGE_ROW:
	case SIM_CHAT_MESSAGE:
	case SIM_SHIFT:
		return arena_printf(a, "%s: %s", label, text);
	case SIM_LINE:
	case SIM_TOTAL:
		return arena_printf(a, "%s: %s", label, player_text(c->pl, &p->value));
	case SIM_SENDER:
		return arena_printf(a, _("From: %s"), text);
	case SIM_FIELD:
	case SIM_CODE_ENTRY:
		return arena_printf(a, "%s: %s", label, value_of(c, p));
	default:
		return text;
	}
}

/* Rung 3: what a field must hold, shown above it. */
static const char *shown_answer(const struct ctx *c, const struct sim_part *p)
{
	if (c->pl->hints < 3 || c->pl->answered || c->s->find || !p->has_answer)
		return NULL;
	const char *a = p->kind == SIM_CODE_ENTRY ? p->code : player_text(c->pl, &p->answer);
	return arena_printf(c->b->arena, _("Type: %s"), a);
}

static int icon_tile_w(const struct ctx *c)
{
	return (c->w - 3 * mm(c->b, 3)) / 4;
}

/* The app's own button: as wide as its word, at least 60 mm. */
static int button_w(const struct ctx *c, const struct sim_part *p)
{
	int w = button_width(c->b, player_text(c->pl, &p->label), false, 60);
	return w > c->w - c->pad ? c->w - c->pad : w;
}

static int text_w(const struct ctx *c, const char *t, bool bold)
{
	return c->b->metrics->width(c->b->metrics->ud, t, strlen(t), mm(c->b, MM_TEXT), bold);
}

/* Whether a text runs right to left (its first strong character decides,
 * as in ui_text_wrap): then rows with two sides are mirrored. */
static bool rtl_of(const struct ctx *c, const char *t)
{
	struct ui_line *lines;
	bool rtl = false;
	ui_text_wrap(c->b->metrics, c->b->arena, t, mm(c->b, MM_TEXT), false, c->w, &lines, &rtl);
	return rtl;
}

/* The parts that stand side by side as tiles: the home screen's icons, and
 * a call's people and buttons. */
static bool tile_kind(enum sim_kind k)
{
	return k == SIM_APP_ICON || k == SIM_PERSON || k == SIM_CONTROL;
}

/* A run of people or call buttons shares rows: as many a row as fit
 * (never narrower than the longest word of their names, so no word is cut),
 * spread evenly, so five buttons stand 3 and 2, not 4 and 1. */
static int tiles_per_row(const struct ctx *c, int k)
{
	const struct sim *s = c->s;
	const struct sim_part *p = &s->parts[k];
	if (p->kind == SIM_APP_ICON)
		return 4;
	const struct sim_screen *sc = &s->screens[p->screen];
	int first = k, last = k;
	while (first > sc->first && s->parts[first - 1].kind == p->kind)
		first--;
	while (last + 1 < sc->first + sc->n && s->parts[last + 1].kind == p->kind)
		last++;
	int gap = mm(c->b, 3), least = mm(c->b, p->kind == SIM_PERSON ? 64 : 40);
	for (int i = first; i <= last; i++) {
		const char *t = player_text(c->pl, &s->parts[i].label);
		for (const char *w = t; *w;) { /* words end at a space or after a hyphen, as lines may */
			size_t n = strcspn(w, " -");
			n += w[n] == '-';
			int need = c->b->metrics->width(c->b->metrics->ud, w, n, mm(c->b, MM_TEXT), false) + mm(c->b, 0.5) +
			           (p->kind == SIM_PERSON ? 2 * c->pad : 0); /* the room draw_part leaves around a name */
			if (need > least)
				least = need;
			w += n;
			w += strspn(w, " ");
		}
	}
	int fit = (c->w + gap) / (least + gap), n = last - first + 1;
	if (fit < 1)
		fit = 1;
	int rows = (n + fit - 1) / fit;
	return (n + rows - 1) / rows;
}

static int tile_w(const struct ctx *c, int k)
{
	if (c->s->parts[k].kind == SIM_APP_ICON)
		return icon_tile_w(c);
	int per = tiles_per_row(c, k), w = (c->w - (per - 1) * mm(c->b, 3)) / per;
	int most = mm(c->b, c->s->parts[k].kind == SIM_PERSON ? 110 : 60); /* one person is a tile, not a banner */
	return w > most ? most : w;
}

/* In a chat, the button after the field (Send) stands beside it, as chat
 * apps have it, when the field keeps room to type in. */
static bool send_beside(const struct ctx *c, int k)
{
	const struct sim *s = c->s;
	const struct sim_part *p = &s->parts[k];
	const struct sim_screen *sc = &s->screens[p->screen];
	return sc->app == SIM_CHAT && p->kind == SIM_FIELD && k + 1 < sc->first + sc->n &&
	       s->parts[k + 1].kind == SIM_BUTTON && c->w - mm(c->b, 3) - button_w(c, &s->parts[k + 1]) >= mm(c->b, 110);
}

static int part_width(const struct ctx *c, int k)
{
	const struct sim_part *p = &c->s->parts[k];
	if (tile_kind(p->kind))
		return tile_w(c, k);
	if (p->kind == SIM_BUTTON)
		return button_w(c, p);
	if (send_beside(c, k))
		return c->w - mm(c->b, 3) - button_w(c, &c->s->parts[k + 1]);
	return c->w;
}

/* A payslip row: the amount at the end, on one line, and the label before
 * it; or, when the two do not fit side by side (a narrow phone, a long
 * amount, a word of the label wider than its room), the label over the
 * amount, as payslip apps on a small screen show them. Returns the
 * amount's width, and whether the row is stacked. */
static int value_w(const struct ctx *c, const struct sim_part *p, int iw, bool *stacked)
{
	bool bold = p->kind == SIM_TOTAL;
	int w = text_w(c, player_text(c->pl, &p->value), bold) + mm(c->b, 1), lw = iw - w - c->pad;
	*stacked = w > iw * 9 / 20 || lw < mm(c->b, 60);
	const char *t = player_text(c->pl, &p->label);
	for (const char *word = t; *word && !*stacked;) {
		size_t n = strcspn(word, " ");
		*stacked = c->b->metrics->width(c->b->metrics->ud, word, n, mm(c->b, MM_TEXT), bold) > lw;
		word += n;
		word += strspn(word, " ");
	}
	return w > iw ? iw : w;
}

/* A roster's days stand in a column of their own when the longest day
 * takes at most 9/20 of the row (the times and tasks keep 30 characters or
 * so a line); else each shift is its day over its text. Returns the
 * column's width, or 0. */
static int day_column(const struct ctx *c, int si, int iw)
{
	const struct sim_screen *sc = &c->s->screens[si];
	int most = 0;
	for (int k = sc->first; k < sc->first + sc->n; k++)
		if (c->s->parts[k].kind == SIM_SHIFT) {
			int w = text_w(c, player_text(c->pl, &c->s->parts[k].label), true);
			if (w > most)
				most = w;
		}
	most += mm(c->b, 4);
	return most <= iw * 9 / 20 ? most : 0;
}

/* The width of the rung 3 answer when it fits on one line beside the
 * field's name, else 0 (it goes above the name). */
static int answer_beside(const struct ctx *c, const char *label, const char *ans, int iw)
{
	const struct ui_text_metrics *m = c->b->metrics;
	int px = mm(c->b, MM_TEXT);
	int lw = m->width(m->ud, label, strlen(label), px, true), aw = m->width(m->ud, ans, strlen(ans), px, false);
	return lw + aw + 4 * c->pad <= iw ? aw : 0;
}

/* Room kept at the right end of a row for the check mark of a framed part
 * (find the suspicious parts), so that the mark never hides an amount or
 * the end of a text. */
static int mark_room(const struct ctx *c, const struct sim_part *p)
{
	bool row = p->kind == SIM_LINE || p->kind == SIM_TOTAL || p->kind == SIM_SHIFT || p->kind == SIM_CHAT_MESSAGE;
	return row && c->s->find && p->screen == find_screen(c->s) ? mm(c->b, 10) : 0;
}

/* A chat message's bubble: as wide as its name or text (its inside). */
static int bubble_w(const struct ctx *c, const struct sim_part *p, int room)
{
	int w = text_w(c, player_text(c->pl, &p->label), true), tw = text_w(c, player_text(c->pl, &p->text), false);
	if (tw > w)
		w = tw;
	w += mm(c->b, 1);
	return w > room ? room : w;
}

/* A chat message's inside width, and its text's lines there. */
static int bubble_inside(const struct ctx *c, const struct sim_part *p, int iw)
{
	return bubble_w(c, p, iw - mm(c->b, CHAT_AVATAR) - 3 * c->pad);
}

static int text_lines(const struct ctx *c, const char *t, int w, struct ui_line **lines)
{
	bool rtl;
	return ui_text_wrap(c->b->metrics, c->b->arena, t, mm(c->b, MM_TEXT), false, w, lines, &rtl);
}

static int part_height(const struct ctx *c, int k)
{
	const struct sim_part *p = &c->s->parts[k];
	struct build *b = c->b;
	int pad = c->pad, vpad = mm(b, 2.5), iw = part_width(c, k) - 2 * pad - mark_room(c, p), h;
	const char *label = player_text(c->pl, &p->label), *text = player_text(c->pl, &p->text);
	bool sms = c->s->screens[p->screen].app == SIM_MESSAGE;
	switch (p->kind) {
	case SIM_APP_ICON:
		h = mm(b, 3) + mm(b, 16) + mm(b, 2) + th(c, label, iw + 2 * pad - mm(b, 2), false) + mm(b, 2);
		break;
	case SIM_MESSAGE_ROW:
		iw -= mm(b, 14) + pad;
		h = th(c, label, iw, true) + th(c, text, iw, false) + 2 * mm(b, 2); /* two lines: the line gap pads them */
		break;
	case SIM_SENDER:
		h = sms ? th(c, text, iw - mm(b, 14) - pad, true) + 2 * vpad : th(c, part_label(c, p), iw, false) + 2 * vpad;
		break;
	case SIM_SUBJECT:
		h = th(c, text, iw, true) + 2 * vpad;
		break;
	case SIM_BODY:
		/* in a text message, inside a bubble */
		h = sms ? th(c, text, iw - 2 * pad, false) + 2 * vpad + 2 * mm(b, 1) : th(c, text, iw, false) + 2 * vpad;
		break;
	case SIM_BUTTON:
		h = th(c, label, iw, true) + 2 * mm(b, 3);
		break;
	case SIM_ADDRESS:
		h = th(c, text, iw - mm(b, 12), false) + 2 * mm(b, 2) + 2 * mm(b, 1);
		break;
	case SIM_FIELD:
	case SIM_CODE_ENTRY: {
		const char *ans = shown_answer(c, p), *v = value_of(c, p);
		if (c->s->screens[p->screen].app == SIM_CHAT) { /* one rounded box: the name inside until typed in */
			h = th(c, v[0] ? v : label, iw - 2 * pad, false) + 2 * mm(b, 2) + 2 * mm(b, 1.5);
			if (ans)
				h += th(c, ans, iw - 2 * pad, false) + mm(b, 2);
			break;
		}
		h = vpad + th(c, label, iw, true) + mm(b, 1) + (v[0] ? th(c, v, iw - 2 * pad, false) : mm(b, 13.5)) +
		    2 * mm(b, 2) + vpad;
		if (ans && !answer_beside(c, label, ans, iw))
			h += th(c, ans, iw - 2 * pad, false) + mm(b, 2);
		break;
	}
	case SIM_CHAT_MESSAGE: {
		int bw = bubble_inside(c, p, iw);
		h = th(c, label, bw, true) + th(c, text, bw, false) + 2 * vpad + 2 * mm(b, 1);
		break;
	}
	case SIM_PERSON:
		h = mm(b, 2) + mm(b, CALL_AVATAR) + mm(b, 1) + th(c, label, iw, false) + mm(b, 2);
		break;
	case SIM_CONTROL:
		h = mm(b, 1.5) + mm(b, CALL_BUTTON) + mm(b, 1) + th(c, label, iw + 2 * pad, false) + mm(b, 1.5);
		break;
	case SIM_HEADING:
		h = text_height(b, text, iw, MM_HEADING, true) + 2 * vpad;
		break;
	case SIM_LINE:
	case SIM_TOTAL: {
		bool bold = p->kind == SIM_TOTAL;
		const char *value = player_text(c->pl, &p->value);
		bool stacked;
		int vw = value_w(c, p, iw, &stacked), vh = th(c, value, vw, bold);
		int lh = th(c, label, stacked ? iw : iw - vw - pad, bold);
		h = (stacked ? lh + vh : lh > vh ? lh : vh) + 2 * vpad;
		break;
	}
	case SIM_SHIFT: {
		int cw = day_column(c, p->screen, iw), in = iw - mm(b, STRIPE + 3);
		if (cw) {
			int dh = th(c, label, cw - mm(b, 4), true), t = th(c, text, in - cw, false);
			h = (dh > t ? dh : t) + 2 * vpad + 2 * mm(b, 1);
		} else {
			h = th(c, label, in, true) + th(c, text, in, false) + 2 * vpad + 2 * mm(b, 1);
		}
		break;
	}
	default: /* link, text */
		h = th(c, text, iw, false) + 2 * vpad;
		break;
	}
	return h < mm(b, 20) ? mm(b, 20) : h;
}

static struct ui_elem *part_elem(const struct ctx *c, int k, struct ui_rect r, const struct look *l)
{
	struct ui_elem *e = add_elem(c->b, UI_ROLE_TILE, r);
	e->label = part_label(c, &c->s->parts[k]);
	e->radius = mm(c->b, 3);
	e->bg = l->bg;
	e->border = l->border;
	e->border_w = l->border_w;
	e->tappable = l->tappable;
	e->action = l->tappable ? PLAYER_A_VIEW : 0;
	e->arg = k;
	return e;
}

/* A check mark in the corner of a part the learner framed. */
static void framed_mark(const struct ctx *c, struct ui_rect r)
{
	int s = mm(c->b, 10);
	struct ui_elem *m = add_elem(c->b, UI_ROLE_IMAGE, (struct ui_rect){r.x + r.w - s - mm(c->b, 2), r.y + mm(c->b, 2), s, s});
	m->bg = C_PRIMARY;
	m->radius = s / 2;
	m->image = "icon:check";
	m->tint_image = true;
	m->fg = C_ON_PRIMARY;
	m->image_rect = (struct ui_rect){m->rect.x + s / 6, m->rect.y + s / 6, s * 2 / 3, s * 2 / 3};
}

static struct ui_color icon_colour(const char *icon)
{
	static const struct {
		const char *name;
		uint32_t rgb;
	} colours[] = {{"phone", 0x23623A},  {"messages", 0x1F4E8C}, {"mail", 0x8A2D4A},     {"camera", 0x3F4850},
	               {"photos", 0x5B3C88}, {"browser", 0x17494F},  {"settings", 0x3F4850}, {"bank", 0x7A5310},
	               {"calendar", 0x9A3A22}, {"chat", 0x2D5F2E}};
	for (size_t i = 0; i < sizeof colours / sizeof colours[0]; i++)
		if (!strcmp(icon, colours[i].name))
			return RGB(colours[i].rgb);
	return C_PRIMARY;
}

/* A round picture with a name's first letter (a sender, a contact), in bg. */
static void initial_in(const struct ctx *c, const char *name, int x, int y, int s, struct ui_color bg)
{
	struct ui_elem *av = add_elem(c->b, UI_ROLE_PANEL, (struct ui_rect){x, y, s, s});
	av->bg = bg;
	av->radius = s / 2;
	uint32_t cp;
	int len = util_utf8_decode(name, strlen(name), &cp);
	char *one = arena_printf(c->b->arena, "%.*s", len, name);
	int h = th(c, one, s, true);
	add_text(c->b, UI_ROLE_TEXT, one, x, y + (s - h) / 2, s, MM_TEXT, true, C_ON_PRIMARY, bg, ALIGN_CENTER);
}

static void initial(const struct ctx *c, const char *name, int x, int y, int s)
{
	initial_in(c, name, x, y, s, C_PRIMARY);
}

/* In a chat or a call everyone keeps one colour, chosen by their name, so
 * the speakers are told apart at a glance (each 7:1 with white). */
static struct ui_color person_colour(const char *name)
{
	static const uint32_t palette[] = {0x17494F, 0x5B3C88, 0x1F4E8C, 0x8A2D4A, 0x6B3A1E, 0x23623A};
	uint32_t h = 2166136261u; /* FNV-1a */
	for (const unsigned char *q = (const unsigned char *)name; *q; q++)
		h = (h ^ *q) * 16777619u;
	return RGB(palette[h % (sizeof palette / sizeof palette[0])]);
}

/* A call button's colour: hanging up in red, what is switched off in a
 * dark grey (white on each 7:1, each 3:1 on the screen), the rest in the
 * app's colour. */
static struct ui_color control_colour(const char *icon)
{
	if (!strcmp(icon, "hangup"))
		return C_WRONG;
	if (strstr(icon, "-off"))
		return C_DISABLED;
	return C_PRIMARY;
}

/* One side of a two-sided row: the start (left, or right in RTL) or the end. */
static int side_x(struct ui_rect r, int pad, int w, bool end, bool rtl)
{
	return end != rtl ? r.x + r.w - pad - w : r.x + pad;
}

static bool same_colour(struct ui_color a, struct ui_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b;
}

static void draw_part(const struct ctx *c, int k, struct ui_rect r)
{
	const struct sim_part *p = &c->s->parts[k];
	struct build *b = c->b;
	struct look l = look_of(c, k);
	int pad = c->pad, x = r.x + pad, iw = r.w - 2 * pad, full_w = iw;
	struct ui_rect cr = {r.x, r.y, r.w - mark_room(c, p), r.h}; /* where the part's content goes */
	iw -= r.w - cr.w;
	const char *label = player_text(c->pl, &p->label), *text = player_text(c->pl, &p->text);
	bool sms = c->s->screens[p->screen].app == SIM_MESSAGE;
	bool plain = same_colour(l.bg, c->paper) && !l.border_w; /* nothing lit, framed or pressed */
	if (p->kind == SIM_BUTTON && plain) {
		l.bg = C_PRIMARY; /* the app's button, in the app's colour */
		l.border = C_PRIMARY;
	}
	if (p->kind == SIM_PERSON && plain)
		l.bg = C_TILE;
	part_elem(c, k, r, &l);
	switch (p->kind) {
	case SIM_APP_ICON: {
		int s = mm(b, 16);
		struct ui_elem *ic = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){r.x + (r.w - s) / 2, r.y + mm(b, 3), s, s});
		ic->radius = mm(b, 4);
		ic->bg = p->icon[0] ? icon_colour(p->icon) : C_PRIMARY;
		if (p->icon[0]) {
			ic->image = arena_printf(b->arena, "icon:sim-%s", p->icon);
			ic->tint_image = true;
			ic->fg = C_ON_PRIMARY;
			ic->image_rect = (struct ui_rect){ic->rect.x + s / 5, ic->rect.y + s / 5, s * 3 / 5, s * 3 / 5};
		} else {
			uint32_t cp;
			int len = util_utf8_decode(label, strlen(label), &cp);
			char *one = arena_printf(b->arena, "%.*s", len, label);
			int h = text_height(b, one, s, MM_TEXT + 1, true);
			add_text(b, UI_ROLE_TEXT, one, ic->rect.x, ic->rect.y + (s - h) / 2, s, MM_TEXT + 1, true, C_ON_PRIMARY,
			         C_PRIMARY, ALIGN_CENTER);
		}
		add_text(b, UI_ROLE_TEXT, label, r.x + mm(b, 1), r.y + mm(b, 3) + s + mm(b, 2), r.w - mm(b, 2), MM_TEXT, false,
		         C_TEXT, l.bg, ALIGN_CENTER);
		break;
	}
	case SIM_MESSAGE_ROW: {
		int s = mm(b, 14);
		initial(c, label, x, r.y + (r.h - s) / 2, s);
		int tx = x + s + pad, tw = iw - s - pad;
		int h = th(c, label, tw, true) + th(c, text, tw, false), y = r.y + (r.h - h) / 2;
		y += add_text(b, UI_ROLE_TEXT, label, tx, y, tw, MM_TEXT, true, C_TEXT, l.bg, ALIGN_START);
		add_text(b, UI_ROLE_TEXT, text, tx, y, tw, MM_TEXT, false, C_TEXT_MUTED, l.bg, ALIGN_START);
		/* a line between messages, as message lists have */
		add_panel(b, (struct ui_rect){tx, r.y + r.h + mm(b, 1), tw, mm(b, 0.5)}, C_LINE, C_LINE, 0, 0);
		break;
	}
	case SIM_SENDER:
		if (sms) { /* who the message is from, at the top as phones show it */
			int s = mm(b, 14), tw = iw - s - pad;
			initial(c, text, x, r.y + (r.h - s) / 2, s);
			add_text(b, UI_ROLE_TEXT, text, x + s + pad, r.y + (r.h - th(c, text, tw, true)) / 2, tw, MM_TEXT, true,
			         C_TEXT, l.bg, ALIGN_START);
		} else {
			const char *t = part_label(c, p);
			add_text(b, UI_ROLE_TEXT, t, x, r.y + (r.h - th(c, t, iw, false)) / 2, iw, MM_TEXT, false, C_TEXT, l.bg,
			         ALIGN_START);
		}
		break;
	case SIM_SUBJECT:
		add_text(b, UI_ROLE_TEXT, text, x, r.y + (r.h - th(c, text, iw, true)) / 2, iw, MM_TEXT, true, C_TEXT, l.bg,
		         ALIGN_START);
		break;
	case SIM_BODY:
		if (sms) {
			int h = th(c, text, iw - 2 * pad, false), vpad = mm(b, 2.5);
			struct ui_rect bub = {x, r.y + (r.h - h) / 2 - vpad, iw, h + 2 * vpad};
			struct ui_color bg = plain ? C_BG : l.bg;
			add_panel(b, bub, bg, C_LINE, mm(b, 0.5), mm(b, 4));
			add_text(b, UI_ROLE_TEXT, text, x + pad, bub.y + vpad, iw - 2 * pad, MM_TEXT, false, C_TEXT, bg,
			         ALIGN_START);
		} else {
			add_text(b, UI_ROLE_TEXT, text, x, r.y + (r.h - th(c, text, iw, false)) / 2, iw, MM_TEXT, false, C_TEXT,
			         l.bg, ALIGN_START);
		}
		break;
	case SIM_LINK: {
		int h = th(c, text, iw, false), at = b->dl->n;
		add_text(b, UI_ROLE_TEXT, text, x, r.y + (r.h - h) / 2, iw, MM_TEXT, false, C_LINK, l.bg, ALIGN_START);
		/* underlined, as links are (adding may move the list: copy first) */
		struct ui_line lines[8];
		int n = b->dl->v[at].n_lines < 8 ? b->dl->v[at].n_lines : 8;
		memcpy(lines, b->dl->v[at].lines, sizeof(struct ui_line) * (size_t)n);
		for (int i = 0; i < n; i++)
			add_panel(b, (struct ui_rect){lines[i].x, lines[i].y + lines[i].h * 5 / 6, lines[i].w, mm(b, 0.5)}, C_LINK,
			          C_LINK, 0, 0);
		break;
	}
	case SIM_BUTTON:
		add_text(b, UI_ROLE_TEXT, label, x, r.y + (r.h - th(c, label, iw, true)) / 2, iw, MM_TEXT, true,
		         plain ? C_ON_PRIMARY : C_TEXT, l.bg, ALIGN_CENTER);
		break;
	case SIM_ADDRESS: {
		int h = th(c, text, iw - mm(b, 12), false);
		struct ui_rect bar = {x - mm(b, 1), r.y + (r.h - h) / 2 - mm(b, 2), iw + mm(b, 2), h + 2 * mm(b, 2)};
		struct ui_color bg = plain ? C_BG : l.bg;
		add_panel(b, bar, bg, C_LINE, mm(b, 0.5), mm(b, 4));
		struct ui_elem *lock = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){bar.x + mm(b, 3), bar.y + (bar.h - mm(b, 6)) / 2,
		                                                                   mm(b, 6), mm(b, 6)});
		lock->image = "icon:lock";
		lock->tint_image = true;
		lock->fg = C_TEXT_MUTED;
		lock->image_rect = lock->rect;
		add_text(b, UI_ROLE_TEXT, text, bar.x + mm(b, 11), bar.y + mm(b, 2), iw - mm(b, 12), MM_TEXT, false, C_TEXT, bg,
		         ALIGN_START);
		break;
	}
	case SIM_FIELD:
	case SIM_CODE_ENTRY: {
		int y = r.y + mm(b, 2.5);
		const char *ans = shown_answer(c, p);
		if (c->s->screens[p->screen].app == SIM_CHAT) {
			/* a rounded box to type in, with its name inside until something is typed */
			y = r.y + mm(b, 1.5);
			if (ans) {
				int h = th(c, ans, iw - 2 * pad, false);
				add_panel(b, (struct ui_rect){x, y, iw, h}, C_NOTICE_BG, C_NOTICE, mm(b, 0.5), mm(b, 2));
				add_text(b, UI_ROLE_TEXT, ans, x + pad, y, iw - 2 * pad, MM_TEXT, false, C_TEXT, C_NOTICE_BG,
				         ALIGN_START);
				y += h + mm(b, 2);
			}
			const char *v = value_of(c, p);
			struct ui_rect box = {r.x, y, r.w, r.y + r.h - mm(b, 1.5) - y};
			struct ui_elem *f = add_elem(b, UI_ROLE_FIELD, box);
			f->bg = C_SURFACE;
			f->border = C_CONTROL_EDGE;
			f->border_w = mm(b, 0.5);
			f->radius = box.h / 2 < mm(b, 8) ? box.h / 2 : mm(b, 8);
			const char *t = v[0] ? v : label;
			add_text(b, UI_ROLE_TEXT, t, x + pad, box.y + (box.h - th(c, t, iw - 2 * pad, false)) / 2, iw - 2 * pad,
			         MM_TEXT, false, v[0] ? C_TEXT : C_TEXT_MUTED, C_SURFACE, ALIGN_START);
			break;
		}
		int aw = ans ? answer_beside(c, label, ans, iw) : 0;
		if (ans) { /* rung 3: what to type, beside the field's name or above it */
			int h = th(c, ans, aw ? aw : iw - 2 * pad, false);
			struct ui_rect ar = aw ? (struct ui_rect){x + iw - aw - 2 * pad, y, aw + 2 * pad, h}
			                       : (struct ui_rect){x, y, iw, h};
			add_panel(b, ar, C_NOTICE_BG, C_NOTICE, mm(b, 0.5), mm(b, 2));
			add_text(b, UI_ROLE_TEXT, ans, ar.x + pad, y, ar.w - 2 * pad + 1, MM_TEXT, false, C_TEXT, C_NOTICE_BG,
			         ALIGN_START);
			if (!aw)
				y += h + mm(b, 2);
		}
		y += add_text(b, UI_ROLE_TEXT, label, x, y, aw ? iw - aw - 3 * pad : iw, MM_TEXT, true, C_TEXT, l.bg,
		              ALIGN_START) + mm(b, 1);
		const char *v = value_of(c, p);
		int vh = v[0] ? th(c, v, iw - 2 * pad, false) : mm(b, 13.5);
		struct ui_elem *f = add_elem(b, UI_ROLE_FIELD, (struct ui_rect){x, y, iw, vh + 2 * mm(b, 2)});
		f->bg = C_SURFACE;
		f->border = C_CONTROL_EDGE;
		f->border_w = mm(b, 0.5);
		f->radius = mm(b, 2);
		if (v[0])
			add_text(b, UI_ROLE_TEXT, v, x + pad, y + mm(b, 2), iw - 2 * pad, MM_TEXT, false, C_TEXT, C_SURFACE,
			         ALIGN_START);
		break;
	}
	case SIM_TEXT: { /* in a call: a status line, in the middle */
		bool call = c->s->screens[p->screen].app == SIM_VIDEOCALL;
		add_text(b, UI_ROLE_TEXT, text, x, r.y + (r.h - th(c, text, iw, false)) / 2, iw, MM_TEXT, false,
		         call ? C_TEXT_MUTED : C_TEXT, l.bg, call ? ALIGN_CENTER : ALIGN_START);
		break;
	}
	case SIM_CHAT_MESSAGE: { /* a bubble with the name, beside a round picture, as chat apps show it */
		int s = mm(b, CHAT_AVATAR), vpad = mm(b, 2.5);
		bool rtl = rtl_of(c, text), head = c->from == 0;
		int bw = bubble_inside(c, p, iw);
		struct ui_rect bub = {side_x(cr, pad + s + pad, bw + 2 * pad, false, rtl), r.y + mm(b, 1), bw + 2 * pad,
		                      r.h - 2 * mm(b, 1)};
		if (head)
			initial_in(c, label, side_x(cr, pad, s, false, rtl), bub.y, s, person_colour(label));
		struct ui_color bg = plain ? C_BG : l.bg;
		add_panel(b, bub, bg, C_LINE, mm(b, 0.5), mm(b, 4));
		int y = bub.y + vpad;
		if (head)
			y += add_text(b, UI_ROLE_TEXT, label, bub.x + pad, y, bw, MM_TEXT, true, C_TEXT, bg, ALIGN_START);
		if (c->to > 0) { /* a slice: its lines of the text */
			struct ui_line *lines;
			int n = text_lines(c, text, bw, &lines), to = c->to < n ? c->to : n;
			if (c->from < to) {
				int start = lines[c->from].off, end = lines[to - 1].off + lines[to - 1].len;
				text = arena_printf(b->arena, "%.*s", end - start, text + start);
			}
		}
		add_text(b, UI_ROLE_TEXT, text, bub.x + pad, y, bw, MM_TEXT, false, C_TEXT, bg, ALIGN_START);
		break;
	}
	case SIM_PERSON: { /* a calm tile: the round picture (the camera is off) and the name */
		int s = mm(b, CALL_AVATAR);
		int h = s + mm(b, 1) + th(c, label, iw, false), y = r.y + (r.h - h) / 2; /* a row's tiles are one height */
		initial_in(c, label, r.x + (r.w - s) / 2, y, s, person_colour(label));
		add_text(b, UI_ROLE_TEXT, label, x, y + s + mm(b, 1), iw, MM_TEXT, false, C_TEXT, l.bg, ALIGN_CENTER);
		break;
	}
	case SIM_CONTROL: { /* a big round button with its picture, and its name under it */
		int s = mm(b, CALL_BUTTON);
		struct ui_elem *ic = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){r.x + (r.w - s) / 2, r.y + mm(b, 1.5), s, s});
		ic->radius = s / 2;
		ic->bg = control_colour(p->icon);
		ic->image = arena_printf(b->arena, "icon:call-%s", p->icon);
		ic->tint_image = true;
		ic->fg = C_ON_PRIMARY;
		ic->image_rect = (struct ui_rect){ic->rect.x + s / 5, ic->rect.y + s / 5, s * 3 / 5, s * 3 / 5};
		add_text(b, UI_ROLE_TEXT, label, r.x, r.y + mm(b, 1.5) + s + mm(b, 1), r.w, MM_TEXT, false, C_TEXT, l.bg,
		         ALIGN_CENTER); /* the whole width: the 3 mm between tiles keeps names apart */
		break;
	}
	case SIM_HEADING:
		add_text(b, UI_ROLE_TEXT, text, x, r.y + (r.h - text_height(b, text, iw, MM_HEADING, true)) / 2, iw,
		         MM_HEADING, true, C_TEXT, l.bg, ALIGN_START);
		break;
	case SIM_LINE:
	case SIM_TOTAL: { /* the label at the start, the amount at the end */
		bool bold = p->kind == SIM_TOTAL, rtl = rtl_of(c, label);
		const char *value = player_text(c->pl, &p->value);
		bool stacked;
		int vw = value_w(c, p, iw, &stacked), lw = stacked ? iw : iw - vw - pad;
		int lh = th(c, label, lw, bold), vh = th(c, value, vw, bold);
		int ly = r.y + (r.h - (stacked ? lh + vh : lh)) / 2, vy = stacked ? ly + lh : r.y + (r.h - vh) / 2;
		add_text(b, UI_ROLE_TEXT, label, side_x(cr, pad, lw, false, rtl), ly, lw, MM_TEXT, bold, C_TEXT, l.bg,
		         ALIGN_START);
		add_text(b, UI_ROLE_TEXT, value, side_x(cr, pad, vw, true, rtl), vy, vw, MM_TEXT, bold, C_TEXT, l.bg,
		         ALIGN_START);
		const struct sim_screen *sc = &c->s->screens[p->screen];
		if (bold) /* a rule above the total, as on paper */
			add_panel(b, (struct ui_rect){x, r.y - mm(b, 1.75), full_w, mm(b, 0.75)}, C_TEXT, C_TEXT, 0, 0);
		else if (k + 1 >= sc->first + sc->n || c->s->parts[k + 1].kind != SIM_TOTAL)
			add_panel(b, (struct ui_rect){x, r.y + r.h + mm(b, 1), full_w, mm(b, 0.5)}, C_LINE, C_LINE, 0, 0);
		break;
	}
	case SIM_SHIFT: { /* a card with a coloured edge: the day, and the time and task */
		bool rtl = rtl_of(c, label);
		int cw = day_column(c, p->screen, iw), vpad = mm(b, 2.5), in = iw - mm(b, STRIPE + 3);
		struct ui_rect card = {r.x, r.y + mm(b, 1), r.w, r.h - 2 * mm(b, 1)};
		struct ui_color bg = plain ? C_BG : l.bg;
		add_panel(b, card, bg, C_LINE, mm(b, 0.5), mm(b, 3));
		add_panel(b, (struct ui_rect){side_x(card, mm(b, 1.5), mm(b, STRIPE), false, rtl), card.y + mm(b, 2),
		                              mm(b, STRIPE), card.h - 2 * mm(b, 2)},
		          C_PRIMARY, C_PRIMARY, 0, mm(b, 0.75));
		struct ui_rect inner = {rtl ? card.x : card.x + mm(b, STRIPE + 3), card.y, cr.w - mm(b, STRIPE + 3), card.h};
		if (cw) {
			int dh = th(c, label, cw - mm(b, 4), true), t = th(c, text, in - cw, false);
			add_text(b, UI_ROLE_TEXT, label, side_x(inner, pad, cw - mm(b, 4), false, rtl), card.y + (card.h - dh) / 2,
			         cw - mm(b, 4), MM_TEXT, true, C_TEXT, bg, ALIGN_START);
			add_text(b, UI_ROLE_TEXT, text, side_x(inner, pad, in - cw, true, rtl), card.y + (card.h - t) / 2, in - cw,
			         MM_TEXT, false, C_TEXT, bg, ALIGN_START);
		} else {
			int y = card.y + vpad;
			y += add_text(b, UI_ROLE_TEXT, label, inner.x + pad, y, in, MM_TEXT, true, C_TEXT, bg, ALIGN_START);
			add_text(b, UI_ROLE_TEXT, text, inner.x + pad, y, in, MM_TEXT, false, C_TEXT, bg, ALIGN_START);
		}
		break;
	}
	default:
		break;
	}
	if (l.mark)
		framed_mark(c, r);
}

struct row {
	int first, n; /* parts */
	int h;
	int from, to; /* a slice of a chat message (see struct ctx) */
};

/* A chat message taller than the screen (a long text beside a picture,
 * under a hint) is cut into slices at its lines, each a row of its own
 * that scrolls like the others: nothing is drawn outside the phone, and
 * every line can be read. Returns the rows added. */
static int slices(const struct ctx *c, int k, int room, struct row *rows, int most)
{
	const struct sim_part *p = &c->s->parts[k];
	struct build *b = c->b;
	const char *label = player_text(c->pl, &p->label), *text = player_text(c->pl, &p->text);
	int bw = bubble_inside(c, p, part_width(c, k) - 2 * c->pad - mark_room(c, p));
	struct ui_line *lines;
	int n = text_lines(c, text, bw, &lines), lh = mm(b, MM_TEXT) * 3 / 2, rest = 2 * mm(b, 2.5) + 2 * mm(b, 1);
	int head = th(c, label, bw, true), got = 0;
	for (int from = 0; from < n && got < most;) {
		int fit = (room - rest - (from ? 0 : head)) / lh;
		if (fit < 1)
			fit = 1;
		int to = from + fit < n ? from + fit : n, h = rest + (from ? 0 : head) + (to - from) * lh;
		rows[got++] = (struct row){k, 1, h < mm(b, 20) ? mm(b, 20) : h, from, to};
		from = to;
	}
	return got;
}

/* The screen's parts in rows: icons four to a row on the home screen, a
 * call's people and buttons as tiles (tiles_per_row), buttons side by side
 * where they fit, a chat's Send beside its field, a chat message taller
 * than the screen (tall) in slices, everything else a row of its own. */
static int rows_of(const struct ctx *c, int si, int tall, struct row rows[MAX_ROWS])
{
	const struct sim_screen *sc = &c->s->screens[si];
	int n = 0, gap = mm(c->b, 3), used = 0, room = c->w - c->pad;
	for (int k = sc->first; k < sc->first + sc->n; k++) {
		const struct sim_part *p = &c->s->parts[k];
		struct row *last = n ? &rows[n - 1] : NULL;
		int w = part_width(c, k), h = part_height(c, k);
		const struct sim_part *before = k > sc->first ? &c->s->parts[k - 1] : NULL;
		bool join = last && ((tile_kind(p->kind) && before->kind == p->kind && last->n < tiles_per_row(c, k)) ||
		                     (p->kind == SIM_BUTTON && before->kind == SIM_BUTTON && last->first + last->n == k &&
		                      used + gap + w <= room) ||
		                     (p->kind == SIM_BUTTON && last->first == k - 1 && send_beside(c, k - 1)));
		if (join) {
			last->n++;
			used += gap + w;
			if (h > last->h)
				last->h = h;
		} else if (p->kind == SIM_CHAT_MESSAGE && h > tall) {
			n += slices(c, k, tall, rows + n, MAX_ROWS - n);
			used = w;
		} else if (n < MAX_ROWS) {
			rows[n++] = (struct row){k, 1, h, 0, 0};
			used = w;
		}
	}
	return n;
}

static const char *app_title(enum sim_app app)
{
	switch (app) {
	case SIM_MESSAGES: return _("Messages");
	case SIM_MESSAGE: return _("Message");
	case SIM_EMAIL: return _("E-mail");
	case SIM_FORM:
	case SIM_LOGIN: return _("Internet");
	case SIM_CHAT: return _("Chat");
	case SIM_VIDEOCALL: return _("Video call");
	case SIM_PAYSLIP: return _("Payslip");
	case SIM_ROSTER: return _("Roster");
	default: return NULL;
	}
}

/* The status bar, light on the dark bezel as on many phones (it costs the
 * screen no height): a fake time, the app's name, signal and battery. */
static void status_bar(struct build *b, struct ui_rect r, enum sim_app app)
{
	struct ui_color fg = C_ON_PRIMARY, bg = C_BEZEL;
	int pad = mm(b, 9), lh = mm(b, 13.5), ty = r.y + (r.h - lh) / 2;
	add_text(b, UI_ROLE_TEXT, "9:41", r.x + pad, ty, mm(b, 30), MM_TEXT, true, fg, bg, ALIGN_START);
	const char *title = app_title(app);
	if (title)
		add_text(b, UI_ROLE_TEXT, title, r.x + mm(b, 40), ty, r.w - mm(b, 80), MM_TEXT, true, fg, bg, ALIGN_CENTER);
	int x = r.x + r.w - pad - mm(b, 10), cy = r.y + r.h / 2;
	add_panel(b, (struct ui_rect){x, cy - mm(b, 2.5), mm(b, 9), mm(b, 5)}, bg, fg, mm(b, 0.5), mm(b, 1));
	add_panel(b, (struct ui_rect){x + mm(b, 1), cy - mm(b, 1.5), mm(b, 6), mm(b, 3)}, fg, fg, 0, 0);
	add_panel(b, (struct ui_rect){x + mm(b, 9), cy - mm(b, 1), mm(b, 1), mm(b, 2)}, fg, fg, 0, 0);
	for (int i = 0; i < 3; i++) {
		int h = mm(b, 1.5 + 1.5 * i);
		add_panel(b, (struct ui_rect){x - mm(b, 12) + i * mm(b, 2.5), cy + mm(b, 2.5) - h, mm(b, 1.5), h}, fg, fg, 0,
		          0);
	}
}

/* Where the player's feedback panel will begin, so that the phone is not
 * drawn under it. This repeats the sizes of feedback_panel() in player.c;
 * the area is centred, so the screen width is twice its left edge plus its
 * width. */
static int feedback_top(const struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	int m = mm(b, MM_MARGIN), pad = mm(b, 5), bh = mm(b, MM_MAIN_BUTTON + 2);
	int W = 2 * area.x + area.w, H = area.y + area.h + m + bh + mm(b, 8);
	const char *head = pl->right ? _("Well done!") : _("Not quite.");
	const char *why = player_text(pl, pl->right ? &st->right : &st->wrong);
	int bw = button_width(b, pl->right ? _("Next") : _("Try again"), true, 80);
	int text_w = W - 2 * m - 2 * pad - mm(b, 14) - mm(b, 6) - bw - mm(b, 8);
	if (text_w > mm(b, 270))
		text_w = mm(b, 270);
	int ph = text_height(b, head, text_w, MM_TEXT, true) + text_height(b, why, text_w, MM_TEXT, false) + 2 * mm(b, 6);
	if (ph < bh + 2 * mm(b, 5))
		ph = bh + 2 * mm(b, 5);
	return H - m - ph;
}

static void layout_phone(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct lesson_step *st = player_step(pl);
	const struct sim *s = sim_of(pl);
	const struct sim_screen *sc = &s->screens[pl->node];
	int gap = mm(b, 5);
	/* the column beside the phone: Back at the top, scrolling at the bottom */
	int side = button_width(b, _("Back"), true, 48);
	int pic_w = st->picture ? mm(b, 70) : 0;
	struct ui_rect ph = {area.x + side + gap, area.y, area.w - side - gap - (pic_w ? pic_w + gap : 0), area.h};
	if (ph.h > mm(b, 200))
		ph.h = mm(b, 200);
	if (pl->answered) {
		int bottom = feedback_top(pl, b, area) - mm(b, 4);
		if (ph.y + ph.h > bottom)
			ph.h = bottom - ph.y;
	}
	if (pic_w)
		add_image(b, (struct ui_rect){ph.x + ph.w + gap, area.y, pic_w, pic_w * 3 / 4}, st->picture, NULL);
	/* the phone: bezel with the status bar, and the screen */
	int bezel = mm(b, 3), bar_h = mm(b, 11);
	add_panel(b, ph, C_BEZEL, C_BEZEL, 0, mm(b, 8));
	status_bar(b, (struct ui_rect){ph.x, ph.y, ph.w, bar_h}, sc->app);
	struct ui_rect scr = {ph.x + bezel, ph.y + bar_h, ph.w - 2 * bezel, ph.h - bar_h - bezel};
	struct ui_color paper = sc->app == SIM_PHONE ? C_SELECTED : C_SURFACE;
	add_panel(b, scr, paper, paper, 0, mm(b, 5));
	struct ctx c = {.pl = pl, .b = b, .s = s, .x = scr.x + mm(b, 3), .w = scr.w - mm(b, 6), .pad = mm(b, 3.5),
	                .paper = paper, .live = !pl->answered};
	int top = scr.y + mm(b, 2.5), bottom = scr.y + scr.h - mm(b, 1.5);
	struct row rows[MAX_ROWS];
	int n = rows_of(&c, pl->node, bottom - top, rows), rgap = mm(b, 3);
	/* Scrolling: whole rows, the first one shown in aux[0]; clamped so the
	 * last row ends as low as it can. A chat opens at its end, as chat apps
	 * do (the newest messages and the box to type in): there aux[0] counts
	 * the rows scrolled up from the end. */
	int total = 0;
	for (int i = 0; i < n; i++)
		total += rows[i].h + rgap;
	bool scrolls = total - rgap > bottom - top, chat = sc->app == SIM_CHAT;
	int last_first = n - 1; /* the first row shown when scrolled to the end */
	while (last_first > 0) {
		int rest = 0;
		for (int i = last_first - 1; i < n; i++)
			rest += rows[i].h + rgap;
		if (rest - rgap > bottom - top)
			break;
		last_first--;
	}
	int first = chat ? last_first - pl->aux[0] : pl->aux[0];
	if (first > last_first)
		first = last_first;
	if (first < 0 || !scrolls)
		first = 0;
	pl->aux[0] = chat ? last_first - first : first;
	int y = top, shown_to = first;
	if (chat && scrolls && first == last_first) { /* at its end a chat stands on the bottom, as chat apps do */
		int used = -rgap;
		for (int i = first; i < n; i++)
			used += rows[i].h + rgap;
		if (used < bottom - top)
			y = bottom - used;
	}
	for (int i = first; i < n; i++) {
		if (i > first && y + rows[i].h > bottom)
			break;
		const struct row *r = &rows[i];
		bool buttons = s->parts[r->first].kind == SIM_BUTTON; /* lined up with the text of the parts */
		int x0 = c.x + (buttons ? c.pad : 0);
		enum sim_kind kind = s->parts[r->first].kind;
		if (kind == SIM_PERSON || kind == SIM_CONTROL) { /* a call's tiles stand in the middle */
			int row_w = (r->n - 1) * mm(b, 3);
			for (int k = r->first; k < r->first + r->n; k++)
				row_w += part_width(&c, k);
			x0 = c.x + (c.w - row_w) / 2;
		}
		for (int k = r->first, x = x0; k < r->first + r->n; k++) {
			int w = part_width(&c, k);
			int h = s->parts[k].kind == SIM_BUTTON ? part_height(&c, k) : r->h;
			c.from = r->from, c.to = r->to;
			draw_part(&c, k, (struct ui_rect){x, y + (r->h - h) / 2, w, h});
			c.from = c.to = 0;
			x += w + mm(b, 3);
		}
		y += r->h + rgap;
		shown_to = i + 1;
	}
	if (pl->answered)
		return;
	int bh = mm(b, MM_MAIN_BUTTON);
	if (depth(pl) > 0) {
		struct ui_elem *e = add_button(b, (struct ui_rect){area.x, area.y, side, bh}, _("Back"), "icon:back",
		                               BUTTON_QUIET, PLAYER_A_VIEW, A_BACK);
		e->label = _("Back to the previous screen");
	}
	if (scrolls) {
		int w = (side - mm(b, 4)) / 2, yb = ph.y + ph.h - bh;
		bool up = first > 0, down = shown_to < n;
		/* At rung 2 and 3 the way to a part out of sight is lit. */
		bool lit_down = false, lit_up = false;
		for (int i = 0; i < n && pl->hints >= 2; i++)
			for (int k = rows[i].first; k < rows[i].first + rows[i].n; k++)
				if (s->find ? s->parts[k].suspicious : sc->best == k) {
					lit_up |= i < first;
					lit_down |= i >= shown_to;
				}
		struct ui_elem *e = add_button(b, (struct ui_rect){area.x, yb, w, bh}, _("Scroll up"), "icon:sim-up",
		                               up ? BUTTON_QUIET : BUTTON_DISABLED, PLAYER_A_VIEW, A_UP);
		e->text = NULL, e->n_lines = 0, e->image_rect.x = e->rect.x + (w - e->image_rect.w) / 2;
		if (lit_up && up) {
			e->bg = C_NOTICE_BG;
			e->border = C_NOTICE;
			e->border_w = mm(b, 1);
		}
		e = add_button(b, (struct ui_rect){area.x + w + mm(b, 4), yb, w, bh}, _("Scroll down"), "icon:sim-down",
		               down ? BUTTON_QUIET : BUTTON_DISABLED, PLAYER_A_VIEW, A_DOWN);
		e->text = NULL, e->n_lines = 0, e->image_rect.x = e->rect.x + (w - e->image_rect.w) / 2;
		if (lit_down && down) {
			e->bg = C_NOTICE_BG;
			e->border = C_NOTICE;
			e->border_w = mm(b, 1);
		}
	}
}

/* A row of keys (27 x 21 mm, as keyboard.h's) from x; returns its width. */
static int key_row(struct build *b, int x, int y, int n, const char *const *labels, int arg0)
{
	int kw = mm(b, 27), kh = mm(b, 21), kg = mm(b, 3);
	for (int i = 0; i < n; i++) {
		struct ui_elem *e = add_button(b, (struct ui_rect){x + i * (kw + kg), y, kw, kh}, labels[i], NULL,
		                               BUTTON_QUIET, PLAYER_A_VIEW, arg0 + i);
		e->role = UI_ROLE_KEY;
		e->bold = false;
	}
	return n ? n * kw + (n - 1) * kg : 0;
}

/* What the open field shows on one line of width w, as a phone's field
 * does: its name and text, else the text alone, else the end of the text
 * (the end is where the learner types). */
static const char *one_line(struct build *b, const char *label, const char *v, int w)
{
	const struct ui_text_metrics *m = b->metrics;
	int px = mm(b, MM_TEXT);
	const char *both = arena_printf(b->arena, "%s: %s", label, v);
	if (m->width(m->ud, both, strlen(both), px, false) <= w)
		return both;
	for (const char *t = v; *t;) {
		const char *shown = t == v ? v : arena_printf(b->arena, "…%s", t);
		if (m->width(m->ud, shown, strlen(shown), px, false) <= w)
			return shown;
		uint32_t cp;
		t += util_utf8_decode(t, strlen(t), &cp);
	}
	return "";
}

/* The digits and signs page: 1 to 0; the common signs; the answer's own
 * signs with erase; space. As tall as the letters of keyboard.h. */
static void add_sign_page(struct player *pl, struct build *b, const struct sim_part *p, int cx, int y)
{
	static const char *const digits[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "0"};
	int kw = mm(b, 27), kh = mm(b, 21), kg = mm(b, 3), w10 = 10 * kw + 9 * kg, x0 = cx - w10 / 2;
	for (int i = 0; i < 10; i++)
		key_row(b, x0 + i * (kw + kg), y, 1, &digits[i], i == 9 ? A_PAD : A_PAD + i + 1);
	y += kh + kg;
	key_row(b, x0, y, 10, fixed_signs, A_SIGN);
	y += kh + kg;
	char signs[MAX_SIGNS][5];
	const char *labels[MAX_SIGNS] = {NULL};
	bool has_digits;
	int n = extra_signs(pl, p, &has_digits, signs);
	for (int i = 0; i < n; i++)
		labels[i] = arena_strdup(b->arena, signs[i]);
	int wide = kw * 3 / 2 + kg / 2, row = n * (kw + kg) + wide, x = cx - row / 2;
	x += key_row(b, x, y, n, labels, A_SIGN + 10) + (n ? kg : 0);
	struct ui_elem *e = add_button(b, (struct ui_rect){x, y, wide, kh}, _("Erase"), "icon:backspace", BUTTON_QUIET,
	                               PLAYER_A_VIEW, KEYBOARD_ERASE);
	e->role = UI_ROLE_KEY;
	e->text = NULL, e->n_lines = 0, e->image_rect.x = e->rect.x + (wide - e->image_rect.w) / 2;
	y += kh + kg;
	int sw = 3 * kw + 2 * kg;
	e = add_button(b, (struct ui_rect){cx - sw / 2, y, sw, kh}, _("Space"), "icon:space", BUTTON_QUIET, PLAYER_A_VIEW,
	               KEYBOARD_SPACE);
	e->role = UI_ROLE_KEY;
}

/* The field being typed in, with the keyboard (or a number pad) under it:
 * the field, the answer beside it at rung 3, the key that turns the page of
 * the keyboard (letters, or digits and signs), and Done. */
static void layout_typing(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct sim *s = sim_of(pl);
	const struct sim_part *p = &s->parts[pl->pick];
	struct ctx c = {.pl = pl, .b = b, .s = s, .pad = mm(b, 4)};
	int gap = mm(b, 4), bh = mm(b, MM_MAIN_BUTTON);
	bool code = p->kind == SIM_CODE_ENTRY, signs = !code && pl->aux[PAGE];
	int done_w = button_width(b, _("Done"), true, 50), page_w = code ? 0 : mm(b, 36);
	const char *ans = shown_answer(&c, p);
	int ans_w = ans ? b->metrics->width(b->metrics->ud, ans, strlen(ans), mm(b, MM_TEXT), false) + 2 * c.pad : 0;
	int box_w = area.w - done_w - gap - (page_w ? page_w + gap : 0);
	bool ans_beside = ans && box_w - ans_w - gap >= mm(b, 110);
	if (ans_beside)
		box_w -= ans_w + gap;
	int y = area.y;
	if (ans && !ans_beside) { /* too long beside the field: above it */
		int h = th(&c, ans, area.w - 2 * c.pad, false);
		add_panel(b, (struct ui_rect){area.x, y, area.w, h}, C_NOTICE_BG, C_NOTICE, mm(b, 0.5), mm(b, 3));
		add_text(b, UI_ROLE_TEXT, ans, area.x + c.pad, y, area.w - 2 * c.pad, MM_TEXT, false, C_TEXT, C_NOTICE_BG,
		         ALIGN_START);
		y += h + mm(b, 3);
	}
	const char *v = value_of(&c, p), *label = player_text(pl, &p->label);
	int tw = box_w - 2 * c.pad - mm(b, 2);
	const char *shown = one_line(b, label, v, tw);
	int vh = th(&c, shown, tw, false);
	int h = vh + 2 * mm(b, 3) < bh ? bh : vh + 2 * mm(b, 3);
	struct ui_elem *f = add_elem(b, UI_ROLE_FIELD, (struct ui_rect){area.x, y, box_w, h});
	f->bg = C_SURFACE;
	f->border = C_PRIMARY;
	f->border_w = mm(b, 0.75);
	f->radius = mm(b, 3);
	f->label = arena_printf(b->arena, "%s: %s", label, v);
	int at = b->dl->n;
	add_text(b, UI_ROLE_TEXT, shown, area.x + c.pad, y + (h - vh) / 2, tw, MM_TEXT, false, C_TEXT, C_SURFACE,
	         ALIGN_START);
	if (b->dl->v[at].n_lines) { /* the caret after the text */
		struct ui_line l = b->dl->v[at].lines[b->dl->v[at].n_lines - 1];
		add_panel(b, (struct ui_rect){l.x + l.w + mm(b, 0.5), l.y + mm(b, 2), mm(b, 0.75), l.h - mm(b, 4)}, C_PRIMARY,
		          C_PRIMARY, 0, 0);
	}
	int x = area.x + box_w + gap;
	if (ans_beside) {
		struct ui_rect r = {x, y + (h - mm(b, 17.5)) / 2, ans_w, mm(b, 17.5)};
		add_panel(b, r, C_NOTICE_BG, C_NOTICE, mm(b, 0.5), mm(b, 3));
		add_text(b, UI_ROLE_TEXT, ans, r.x + c.pad, r.y + mm(b, 2), ans_w - 2 * c.pad + 1, MM_TEXT, false, C_TEXT,
		         C_NOTICE_BG, ALIGN_START);
		x += ans_w + gap;
	}
	if (page_w) {
		/* "123" turns to the digits and signs, "abc" back to the letters */
		struct ui_elem *e = add_button(b, (struct ui_rect){x, y + (h - bh) / 2, page_w, bh}, signs ? "abc" : "123",
		                               NULL, BUTTON_SECONDARY, PLAYER_A_VIEW, A_PAGE);
		e->label = signs ? _("Letters") : _("Digits and signs");
		bool lit = !signs && pl->hints >= 2 && p->has_answer;
		if (lit) { /* rung 2 and 3: the answer needs this page */
			bool digits;
			char more[MAX_SIGNS][5];
			lit = extra_signs(pl, p, &digits, more) > 0 || digits || strpbrk(player_text(pl, &p->answer), ".,@_/:?!+&");
		}
		if (lit) {
			e->bg = C_NOTICE_BG;
			e->border = C_NOTICE;
			e->fg = C_TEXT;
		}
	}
	add_button(b, (struct ui_rect){area.x + area.w - done_w, y + (h - bh) / 2, done_w, bh}, _("Done"), "icon:check",
	           BUTTON_PRIMARY, PLAYER_A_VIEW, A_DONE);
	y += h + gap;
	int cx = area.x + area.w / 2, kg = mm(b, 3);
	if (code) {
		/* a number pad, as phones have: 1 2 3 / 4 5 6 / 7 8 9 / 0 and erase */
		static const char *const pad_keys[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
		int kw = mm(b, 30), ph = mm(b, 20);
		int x0 = cx - (3 * kw + 2 * kg) / 2;
		for (int i = 0; i < 11; i++) {
			int slot = i < 9 ? i : i + 1, arg = i < 9 ? A_PAD + i + 1 : i == 9 ? A_PAD : A_PAD + 10;
			struct ui_rect r = {x0 + slot % 3 * (kw + kg), y + slot / 3 * (ph + kg), kw, ph};
			struct ui_elem *e = i < 10 ? add_button(b, r, pad_keys[arg - A_PAD], NULL, BUTTON_QUIET, PLAYER_A_VIEW, arg)
			                           : add_button(b, r, _("Erase"), "icon:backspace", BUTTON_QUIET, PLAYER_A_VIEW, arg);
			e->role = UI_ROLE_KEY;
			if (i == 10)
				e->text = NULL, e->n_lines = 0, e->image_rect.x = e->rect.x + (kw - e->image_rect.w) / 2;
		}
		return;
	}
	if (signs)
		add_sign_page(pl, b, p, cx, y);
	else
		add_keyboard(b, cx, y, pl->shift, PLAYER_A_VIEW);
}

static void layout(struct player *pl, struct build *b, struct ui_rect area)
{
	const struct sim *s = sim_of(pl);
	if (!s || s->n_screens == 0)
		return;
	if (pl->pick >= 0 && !pl->answered)
		layout_typing(pl, b, area);
	else
		layout_phone(pl, b, area);
}

const struct step_view view_sim = {
	.layout = layout, .tap = tap, .response = response, .input = input, .begin = begin,
};
