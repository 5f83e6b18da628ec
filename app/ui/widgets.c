/* Widgets: buttons, text blocks, panels and images as draw-list elements.
 * Pressed feedback is part of layout: the element under a finger that is
 * down is drawn in its pressed colour, so touch always shows a response. */
#include "widgets.h"

#include <math.h>
#include <string.h>

int mm(const struct build *b, double v)
{
	return (int)lround(v * b->u);
}

struct ui_elem *add_elem(struct build *b, enum ui_role role, struct ui_rect r)
{
	struct ui_drawlist *dl = b->dl;
	if (dl->n == dl->cap) {
		int cap = dl->cap ? dl->cap * 2 : 128;
		struct ui_elem *v = arena_alloc(b->arena, (size_t)cap * sizeof *v);
		if (dl->n)
			memcpy(v, dl->v, (size_t)dl->n * sizeof *v);
		dl->v = v;
		dl->cap = cap;
	}
	struct ui_elem *e = &dl->v[dl->n++];
	*e = (struct ui_elem){.role = role, .rect = r, .action = 0, .arg = 0};
	return e;
}

void add_panel(struct build *b, struct ui_rect r, struct ui_color bg, struct ui_color border, int border_w, int radius)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_PANEL, r);
	e->bg = bg;
	e->border = border;
	e->border_w = border_w;
	e->radius = radius;
}

static void place_lines(struct ui_elem *e, int x, int y, int w, enum text_align align)
{
	for (int i = 0; i < e->n_lines; i++) {
		struct ui_line *l = &e->lines[i];
		if (align == ALIGN_CENTER)
			l->x = x + (w - l->w) / 2;
		else if (e->rtl)
			l->x = x + w - l->w;
		else
			l->x = x;
		l->y += y;
	}
}

int text_height(struct build *b, const char *text, int w, double size_mm, bool bold)
{
	struct ui_line *lines;
	bool rtl;
	int px = mm(b, size_mm);
	int n = ui_text_wrap(b->metrics, b->arena, text, px, bold, w, &lines, &rtl);
	return n * (px * 3 / 2);
}

int add_text(struct build *b, enum ui_role role, const char *text, int x, int y, int w, double size_mm, bool bold,
             struct ui_color fg, struct ui_color bg, enum text_align align)
{
	struct ui_elem *e = add_elem(b, role, (struct ui_rect){x, y, w, 0});
	e->text = text;
	e->label = text;
	e->fg = fg;
	e->bg = bg; /* what the text stands on, for contrast checks */
	e->bg.a = 0;
	e->text_px = mm(b, size_mm);
	e->bold = bold;
	e->n_lines = ui_text_wrap(b->metrics, b->arena, text, e->text_px, bold, w, &e->lines, &e->rtl);
	place_lines(e, x, y, w, align);
	e->rect.h = e->n_lines * (e->text_px * 3 / 2);
	return e->rect.h;
}

bool is_pressed(const struct build *b, int action, int arg)
{
	return action && b->pressed_action == action && b->pressed_arg == arg;
}

struct ui_elem *add_button(struct build *b, struct ui_rect r, const char *label, const char *icon,
                           enum button_style style, int action, int arg)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_BUTTON, r);
	bool down = is_pressed(b, action, arg);
	e->label = label;
	e->text = label;
	e->radius = mm(b, MM_RADIUS);
	e->text_px = mm(b, MM_TEXT);
	e->bold = true;
	e->tappable = style != BUTTON_DISABLED;
	e->action = e->tappable ? action : 0;
	e->arg = arg;
	switch (style) {
	case BUTTON_PRIMARY:
		e->bg = down ? C_PRIMARY_DOWN : C_PRIMARY;
		e->fg = C_ON_PRIMARY;
		e->border = e->bg;
		break;
	case BUTTON_SECONDARY:
		e->bg = down ? C_PRESSED : C_SURFACE;
		e->fg = C_PRIMARY;
		e->border = C_PRIMARY;
		e->border_w = mm(b, 0.75);
		break;
	case BUTTON_QUIET:
		e->bg = down ? C_PRESSED : C_SURFACE;
		e->fg = C_TEXT;
		e->border = C_CONTROL_EDGE;
		e->border_w = mm(b, 0.5);
		break;
	case BUTTON_DISABLED:
		e->bg = C_DISABLED_BG;
		e->fg = C_DISABLED;
		e->border = C_DISABLED_BG;
		break;
	}
	int pad = mm(b, 5);
	int icon_px = icon ? mm(b, 10) : 0;
	int gap = icon ? mm(b, 3) : 0;
	int avail = r.w - 2 * pad - icon_px - gap;
	e->n_lines = ui_text_wrap(b->metrics, b->arena, label, e->text_px, true, avail > 0 ? avail : 1, &e->lines, &e->rtl);
	int widest = 0;
	for (int i = 0; i < e->n_lines; i++)
		if (e->lines[i].w > widest)
			widest = e->lines[i].w;
	int lh = e->text_px * 3 / 2;
	int content = icon_px + gap + widest;
	int x = r.x + (r.w - content) / 2;
	int ty = r.y + (r.h - e->n_lines * lh) / 2;
	if (icon) {
		e->image = icon;
		e->tint_image = true;
		e->image_rect = (struct ui_rect){x, r.y + (r.h - icon_px) / 2, icon_px, icon_px};
	}
	for (int i = 0; i < e->n_lines; i++) {
		e->lines[i].x = x + icon_px + gap + (widest - e->lines[i].w) / 2;
		e->lines[i].y += ty;
	}
	return e;
}

void add_image(struct build *b, struct ui_rect r, const char *image, const char *label)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_IMAGE, r);
	e->image = image;
	e->image_rect = r;
	e->label = label;
}

void add_picture(struct build *b, struct ui_rect r, const char *image)
{
	add_panel(b, r, C_SURFACE, C_LINE, mm(b, 0.5), mm(b, MM_RADIUS));
	int in = mm(b, 2);
	add_image(b, (struct ui_rect){r.x + in, r.y + in, r.w - 2 * in, r.h - 2 * in}, image, NULL);
}

void add_progress(struct build *b, struct ui_rect r, int done, int total, const char *label)
{
	struct ui_elem *e = add_elem(b, UI_ROLE_PROGRESS, r);
	e->label = label;
	e->bg = C_TRACK;
	e->fg = C_PRIMARY;
	e->radius = r.h / 2;
	/* The filled part is drawn as its own element so the renderer stays dumb. */
	if (total > 0 && done > 0) {
		int w = (int)((long)r.w * (done > total ? total : done) / total);
		if (w < r.h)
			w = r.h;
		struct ui_elem *f = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){r.x, r.y, w, r.h});
		f->bg = C_PRIMARY;
		f->border = C_PRIMARY;
		f->radius = r.h / 2;
	}
}

int button_width(struct build *b, const char *label, bool icon, double min_mm)
{
	int w = b->metrics->width(b->metrics->ud, label, strlen(label), mm(b, MM_TEXT), true) + 2 * mm(b, 5) +
	        (icon ? mm(b, 10 + 3) : 0) + mm(b, 2);
	return w < mm(b, min_mm) ? mm(b, min_mm) : w;
}

/* The title of the bar, whole and inside it (a lesson title may have 60
 * characters): on one line at the heading size if it fits, else at a
 * smaller size down to body text, else on two lines at the largest size
 * whose two lines fit the bar. Two lines stand closer than paragraph lines
 * (1.2 instead of 1.5): at 1.5 two lines of body text would not fit the
 * bar, and a two-line title reads as one block. */
static void header_title(struct build *b, const char *title, int x, int w, int bar_h)
{
	static const double sizes[] = {MM_HEADING, 10.0, MM_TEXT};
	int n_sizes = (int)(sizeof sizes / sizeof sizes[0]), room = bar_h - mm(b, 2);
	struct ui_line *lines;
	bool rtl;
	for (int i = 0; i < n_sizes; i++) {
		int px = mm(b, sizes[i]);
		if (ui_text_wrap(b->metrics, b->arena, title, px, true, w, &lines, &rtl) == 1) {
			add_text(b, UI_ROLE_HEADING, title, x, (bar_h - px * 3 / 2) / 2, w, sizes[i], true, C_TEXT, C_HEADER,
			         ALIGN_START);
			return;
		}
	}
	int i = 0;
	while (i + 1 < n_sizes && (ui_text_wrap(b->metrics, b->arena, title, mm(b, sizes[i]), true, w, &lines, &rtl) > 2 ||
	                           2 * mm(b, sizes[i]) * 6 / 5 > room))
		i++;
	add_text(b, UI_ROLE_HEADING, title, x, 0, w, sizes[i], true, C_TEXT, C_HEADER, ALIGN_START);
	/* Closer lines, and as many as the bar holds (more than two only
	 * with very wide letters in a very narrow bar: then closer still). */
	struct ui_elem *e = &b->dl->v[b->dl->n - 1];
	int lh = e->text_px * 6 / 5;
	if (e->n_lines * lh > room)
		lh = room / e->n_lines;
	int top = (bar_h - e->n_lines * lh) / 2;
	for (int k = 0; k < e->n_lines; k++) {
		e->lines[k].y = top + k * lh;
		e->lines[k].h = lh;
	}
	e->rect.y = top;
	e->rect.h = e->n_lines * lh;
}

void add_header(struct build *b, int W, const char *title, const char *avatar)
{
	add_header_beside(b, W, title, avatar, mm(b, 80));
}

void add_header_beside(struct build *b, int W, const char *title, const char *avatar, int right)
{
	int h = mm(b, MM_HEADER);
	add_panel(b, (struct ui_rect){0, 0, W, h}, C_HEADER, C_LINE, 0, 0);
	add_panel(b, (struct ui_rect){0, h - mm(b, 0.5), W, mm(b, 0.5)}, C_LINE, C_LINE, 0, 0);
	int x = mm(b, MM_MARGIN);
	if (avatar) {
		int s = mm(b, 18);
		add_image(b, (struct ui_rect){x, (h - s) / 2, s, s}, avatar, NULL);
		x += s + mm(b, 5);
	} else {
		int s = mm(b, 14);
		struct ui_elem *logo = add_elem(b, UI_ROLE_IMAGE, (struct ui_rect){x, (h - s) / 2, s, s});
		logo->bg = C_PRIMARY;
		logo->radius = mm(b, 3);
		logo->image = "icon:lesson";
		logo->tint_image = true;
		logo->fg = C_ON_PRIMARY;
		logo->image_rect = (struct ui_rect){x + s / 6, (h - s) / 2 + s / 6, s * 2 / 3, s * 2 / 3};
		x += s + mm(b, 5);
	}
	header_title(b, title, x, W - x - right, h);
}

/* The button at the top right (Stop, Back): as wide as its word needs. */
struct ui_rect top_right_rect(struct build *b, int W, const char *label)
{
	int w = b->metrics->width(b->metrics->ud, label, strlen(label), mm(b, MM_TEXT), true) + mm(b, 10 + 3 + 12);
	int h = mm(b, 20);
	if (w < mm(b, 56))
		w = mm(b, 56);
	return (struct ui_rect){W - mm(b, MM_MARGIN) - w, (mm(b, MM_HEADER) - h) / 2, w, h};
}


struct ui_elem *add_icon_button(struct build *b, struct ui_rect r, const char *label, const char *icon,
                                enum button_style style, int action, int arg)
{
	struct ui_elem *e = add_button(b, r, label, icon, style, action, arg);
	int s = mm(b, 12);
	e->text = NULL; /* the label stays: read aloud, and found by scripts */
	e->n_lines = 0;
	e->image_rect = (struct ui_rect){r.x + (r.w - s) / 2, r.y + (r.h - s) / 2, s, s};
	return e;
}

struct ui_rect add_dialog(struct build *b, int W, int H, const struct dialog *d, int *buttons_y)
{
	int m = mm(b, MM_MARGIN);
	/* A veil keeps taps from the screen below until a button is tapped. */
	struct ui_elem *veil = add_elem(b, UI_ROLE_PANEL, (struct ui_rect){0, 0, W, H});
	veil->bg = (struct ui_color){28, 39, 48, (uint8_t)d->veil};
	veil->tappable = true;
	veil->action = 0;
	int w = W - 2 * m > mm(b, d->width_mm) ? mm(b, d->width_mm) : W - 2 * m, pad = mm(b, 10), tw = w - 2 * pad;
	int h = pad + text_height(b, d->head, tw, MM_TITLE, true) + mm(b, 4) + text_height(b, d->body, tw, MM_TEXT, false) +
	        mm(b, 10) + d->buttons_h + pad;
	struct ui_rect r = {(W - w) / 2, (H - h) / 2, w, h};
	struct ui_elem *p = add_elem(b, UI_ROLE_NOTICE, r);
	p->bg = C_SURFACE;
	p->border = d->edge;
	p->border_w = mm(b, 0.75);
	p->radius = mm(b, MM_RADIUS);
	p->label = d->head;
	int y = r.y + pad;
	y += add_text(b, UI_ROLE_HEADING, d->head, r.x + pad, y, tw, MM_TITLE, true, C_TEXT, C_SURFACE, d->align);
	y += mm(b, 4);
	y += add_text(b, UI_ROLE_TEXT, d->body, r.x + pad, y, tw, MM_TEXT, false, C_TEXT, C_SURFACE, d->align);
	*buttons_y = y + mm(b, 10);
	return r;
}

struct ui_elem *add_question(struct build *b, int W, int H, const char *head, const char *body, struct ui_color edge,
                             const char *no, int no_action, const char *yes, const char *yes_icon, int yes_action)
{
	int bh = mm(b, MM_MAIN_BUTTON), y, pad = mm(b, 10);
	struct dialog d = {head, body, edge, ALIGN_START, 290, 150, bh};
	struct ui_rect r = add_dialog(b, W, H, &d, &y);
	int bw = (r.w - 2 * pad - mm(b, 6)) / 2;
	add_button(b, (struct ui_rect){r.x + pad, y, bw, bh}, no, "icon:back", BUTTON_SECONDARY, no_action, 0);
	return add_button(b, (struct ui_rect){r.x + pad + bw + mm(b, 6), y, bw, bh}, yes, yes_icon, BUTTON_PRIMARY,
	                  yes_action, 0);
}
