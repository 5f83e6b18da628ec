/* The SDL renderer of the draw list. Rounded rectangles are nine-sliced:
 * a (2r+2)-pixel square with the corners is rasterised once from an SVG
 * made on the fly (nanosvg in SDL2_image anti-aliases it) and its corners,
 * edges and middle are stretched into place, so a card of any size costs
 * nine copies and no new rasterising. Pictures and icons are rasterised
 * from their SVG at the exact size they are shown and kept. */
#include "render.h"
#include "../core/log.h"
#include "../core/util.h"

#include <SDL_image.h>
#include <stdlib.h>
#include <string.h>

#define SHAPES 128
#define IMAGES 128

struct shape {
	bool used;
	int radius, border_w;
	struct ui_color fill, border;
	SDL_Texture *tex;
	unsigned last;
};

struct image {
	char *key; /* image name and size */
	SDL_Texture *tex; /* NULL when it could not be loaded */
	int w, h;
	unsigned last;
};

struct render {
	SDL_Renderer *r;
	struct text *text;
	char *assets;
	struct shape shapes[SHAPES];
	struct image images[IMAGES];
	unsigned frame;
};

struct render *render_create(SDL_Renderer *r, struct text *text, const char *assets_dir)
{
	struct render *rd = calloc(1, sizeof *rd);
	rd->r = r;
	rd->text = text;
	rd->assets = util_strdup(assets_dir);
	return rd;
}

void render_destroy(struct render *rd)
{
	if (!rd)
		return;
	for (int i = 0; i < SHAPES; i++)
		if (rd->shapes[i].tex)
			SDL_DestroyTexture(rd->shapes[i].tex);
	for (int i = 0; i < IMAGES; i++) {
		if (rd->images[i].tex)
			SDL_DestroyTexture(rd->images[i].tex);
		free(rd->images[i].key);
	}
	free(rd->assets);
	free(rd);
}

static bool same_color(struct ui_color a, struct ui_color b)
{
	return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

static SDL_Texture *svg_texture(SDL_Renderer *r, const char *svg, int w, int h)
{
	SDL_RWops *rw = SDL_RWFromConstMem(svg, (int)strlen(svg));
	SDL_Surface *s = rw ? IMG_LoadSizedSVG_RW(rw, w, h) : NULL;
	if (rw)
		SDL_RWclose(rw);
	if (!s)
		return NULL;
	SDL_Texture *t = SDL_CreateTextureFromSurface(r, s);
	SDL_FreeSurface(s);
	if (t)
		SDL_SetTextureBlendMode(t, SDL_BLENDMODE_BLEND);
	return t;
}

static SDL_Texture *shape(struct render *rd, int radius, struct ui_color fill, struct ui_color border, int bw)
{
	struct shape *slot = NULL, *oldest = &rd->shapes[0];
	for (int i = 0; i < SHAPES; i++) {
		struct shape *s = &rd->shapes[i];
		if (s->used && s->radius == radius && s->border_w == bw && same_color(s->fill, fill) &&
		    (bw == 0 || same_color(s->border, border))) {
			s->last = rd->frame;
			return s->tex;
		}
		if (!s->used && !slot)
			slot = s;
		if (s->last < oldest->last)
			oldest = s;
	}
	if (!slot) {
		slot = oldest;
		if (slot->tex)
			SDL_DestroyTexture(slot->tex);
	}
	int size = 2 * radius + 2;
	char svg[600];
	double half = bw / 2.0;
	snprintf(svg, sizeof svg,
	         "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">"
	         "<rect x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\" rx=\"%.2f\" ry=\"%.2f\""
	         " fill=\"#%02x%02x%02x\" fill-opacity=\"%.3f\" stroke=\"#%02x%02x%02x\" stroke-opacity=\"%.3f\""
	         " stroke-width=\"%d\"/></svg>",
	         size, size, size, size, half, half, size - 2 * half, size - 2 * half, radius - half, radius - half,
	         fill.r, fill.g, fill.b, fill.a / 255.0, border.r, border.g, border.b, bw ? border.a / 255.0 : 0.0, bw);
	*slot = (struct shape){.used = true, .radius = radius, .border_w = bw, .fill = fill, .border = border,
	                       .tex = svg_texture(rd->r, svg, size, size), .last = rd->frame};
	return slot->tex;
}

static void fill_rect(struct render *rd, SDL_Rect r, struct ui_color c)
{
	SDL_SetRenderDrawBlendMode(rd->r, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
	SDL_SetRenderDrawColor(rd->r, c.r, c.g, c.b, c.a);
	SDL_RenderFillRect(rd->r, &r);
}

static void draw_box(struct render *rd, const struct ui_elem *e)
{
	struct ui_rect q = e->rect;
	int radius = e->radius;
	if (radius * 2 > q.w)
		radius = q.w / 2;
	if (radius * 2 > q.h)
		radius = q.h / 2;
	bool has_fill = e->bg.a > 0, has_border = e->border_w > 0 && e->border.a > 0;
	if (!has_fill && !has_border)
		return;
	if (radius < 2) {
		if (has_fill)
			fill_rect(rd, (SDL_Rect){q.x, q.y, q.w, q.h}, e->bg);
		if (has_border) {
			int b = e->border_w;
			fill_rect(rd, (SDL_Rect){q.x, q.y, q.w, b}, e->border);
			fill_rect(rd, (SDL_Rect){q.x, q.y + q.h - b, q.w, b}, e->border);
			fill_rect(rd, (SDL_Rect){q.x, q.y, b, q.h}, e->border);
			fill_rect(rd, (SDL_Rect){q.x + q.w - b, q.y, b, q.h}, e->border);
		}
		return;
	}
	struct ui_color fill = e->bg;
	if (!has_fill)
		fill.a = 0;
	SDL_Texture *t = shape(rd, radius, fill, e->border, has_border ? e->border_w : 0);
	if (!t) {
		fill_rect(rd, (SDL_Rect){q.x, q.y, q.w, q.h}, e->bg);
		return;
	}
	int r = radius, mw = q.w - 2 * r, mh = q.h - 2 * r;
	/* Source pieces: corners r x r; of the 2-px middle strips only the
	 * first column or row is sampled, so stretching never pulls in the
	 * curve of a corner. */
	int sx[3] = {0, r, r + 2}, sw[3] = {r, 1, r};
	int dx[3] = {q.x, q.x + r, q.x + q.w - r}, dw[3] = {r, mw, r};
	int dy[3] = {q.y, q.y + r, q.y + q.h - r}, dh[3] = {r, mh, r};
	for (int j = 0; j < 3; j++)
		for (int i = 0; i < 3; i++) {
			if (dw[i] <= 0 || dh[j] <= 0)
				continue;
			SDL_Rect src = {sx[i], sx[j], sw[i], sw[j]};
			SDL_Rect dst = {dx[i], dy[j], dw[i], dh[j]};
			SDL_RenderCopy(rd->r, t, &src, &dst);
		}
}

static char *image_path(struct render *rd, const char *name)
{
	if (!strncmp(name, "icon:", 5))
		return util_printf("%s/icons/%s.svg", rd->assets, name + 5);
	if (!strncmp(name, "avatar:", 7))
		return util_printf("%s/avatars/%s.svg", rd->assets, name + 7);
	if (!strncmp(name, "code:", 5))
		return util_printf("%s/code/%s.svg", rd->assets, name + 5);
	return util_strdup(name);
}

static struct image *image(struct render *rd, const char *name, int w, int h)
{
	char key[1200];
	snprintf(key, sizeof key, "%s@%dx%d", name, w, h);
	struct image *slot = NULL, *oldest = &rd->images[0];
	for (int i = 0; i < IMAGES; i++) {
		struct image *im = &rd->images[i];
		if (im->key && !strcmp(im->key, key)) {
			im->last = rd->frame;
			return im;
		}
		if (!im->key && !slot)
			slot = im;
		if (im->last < oldest->last)
			oldest = im;
	}
	if (!slot) {
		slot = oldest;
		if (slot->tex)
			SDL_DestroyTexture(slot->tex);
		free(slot->key);
	}
	*slot = (struct image){.key = util_strdup(key), .last = rd->frame};
	char *path = image_path(rd, name);
	SDL_Surface *s = NULL;
	if (util_ends_with(path, ".svg")) {
		SDL_RWops *rw = SDL_RWFromFile(path, "rb");
		if (rw) {
			s = IMG_LoadSizedSVG_RW(rw, w, h);
			SDL_RWclose(rw);
		}
	} else {
		s = IMG_Load(path);
	}
	if (!s) {
		LOG(WARN, "cannot load the picture %s: %s", path, IMG_GetError());
	} else {
		slot->tex = SDL_CreateTextureFromSurface(rd->r, s);
		slot->w = s->w;
		slot->h = s->h;
		if (slot->tex) {
			SDL_SetTextureBlendMode(slot->tex, SDL_BLENDMODE_BLEND);
			SDL_SetTextureScaleMode(slot->tex, SDL_ScaleModeBest);
		}
		SDL_FreeSurface(s);
	}
	free(path);
	return slot;
}

static void draw_image(struct render *rd, const struct ui_elem *e)
{
	struct ui_rect q = e->image_rect;
	if (q.w <= 0 || q.h <= 0)
		return;
	struct image *im = image(rd, e->image, q.w, q.h);
	if (!im->tex)
		return;
	/* Keep the picture's shape: fit it in the box, centred. */
	double sc = (double)q.w / im->w < (double)q.h / im->h ? (double)q.w / im->w : (double)q.h / im->h;
	int w = (int)(im->w * sc + 0.5), h = (int)(im->h * sc + 0.5);
	SDL_Rect dst = {q.x + (q.w - w) / 2, q.y + (q.h - h) / 2, w, h};
	if (e->tint_image)
		SDL_SetTextureColorMod(im->tex, e->fg.r, e->fg.g, e->fg.b);
	else
		SDL_SetTextureColorMod(im->tex, 255, 255, 255);
	SDL_RenderCopy(rd->r, im->tex, NULL, &dst);
}

void render_draw(struct render *rd, const struct ui_drawlist *dl)
{
	SDL_SetRenderDrawBlendMode(rd->r, SDL_BLENDMODE_NONE);
	SDL_SetRenderDrawColor(rd->r, dl->clear.r, dl->clear.g, dl->clear.b, 255);
	SDL_RenderClear(rd->r);
	for (int i = 0; i < dl->n; i++) {
		const struct ui_elem *e = &dl->v[i];
		draw_box(rd, e);
		if (e->image)
			draw_image(rd, e);
		for (int k = 0; k < e->n_lines; k++) {
			const struct ui_line *l = &e->lines[k];
			text_draw(rd->text, e->text + l->off, (size_t)l->len, e->text_px, e->bold, l->x, l->y, l->h, e->fg);
		}
	}
	text_end_frame(rd->text);
	rd->frame++;
}
