/* Text drawn with the real fonts (platform/text.c) on a software renderer:
 * a line is placed by its pen, not by its ink. A glyph whose ink reaches
 * left of its pen (the hook of "j" in Andika) must not push its line to
 * the right, so every line of a wrapped paragraph starts at the same x
 * ("je" and "jou" at the start of a line looked indented by 4 px at
 * 36 px), and a width counts from the pen, as the wrapping expects. */
#include "../../app/platform/text.h"
#include "test.h"

#include <SDL.h>
#include <fontconfig/fontconfig.h>
#include <SDL_ttf.h>

#define W 400
#define H 120

/* The leftmost column with ink in rows [y0, y1), or -1. */
static int leftmost_ink(SDL_Surface *s, int y0, int y1)
{
	for (int x = 0; x < s->w; x++)
		for (int y = y0; y < y1; y++) {
			Uint32 p = ((Uint32 *)((Uint8 *)s->pixels + y * s->pitch))[x];
			Uint8 r, g, b;
			SDL_GetRGB(p, s->format, &r, &g, &b);
			if (r < 128) /* dark ink on white */
				return x;
		}
	return -1;
}

/* The left edge of ch's ink relative to its pen, from the font itself. */
static int glyph_minx(TTF_Font *f, Uint32 ch, int *advance)
{
	int minx = 0;
	TTF_GlyphMetrics32(f, ch, &minx, NULL, NULL, NULL, advance);
	return minx;
}

int main(void)
{
	SDL_Surface *s = SDL_CreateRGBSurfaceWithFormat(0, W, H, 32, SDL_PIXELFORMAT_ARGB8888);
	SDL_Renderer *r = s ? SDL_CreateSoftwareRenderer(s) : NULL;
	CHECK(r != NULL);
	if (!r)
		return test_done();
	char err[256];
	struct text *t = text_create(r, err, sizeof err);
	if (!t) {
		fprintf(stderr, "SKIP: %s\n", err);
		return 77;
	}
	int px = 36;
	TTF_Font *f = TTF_OpenFont(text_font_path(t, 0), px);
	CHECK(f != NULL);
	if (!f)
		return test_done();
	TTF_SetFontHinting(f, TTF_HINTING_LIGHT);
	int adv_j = 0, adv_d = 0;
	int minx_j = glyph_minx(f, 'j', &adv_j), minx_d = glyph_minx(f, 'd', &adv_d);
	if (minx_j >= 0)
		fprintf(stderr, "note: this font's j has no ink left of its pen; the drawing checks prove less\n");

	/* Widths from the pen: "jou" is the advance of "j" wider than "ou". */
	struct ui_text_metrics m = text_metrics(t);
	int w_jou = m.width(m.ud, "jou", 3, px, false), w_ou = m.width(m.ud, "ou", 2, px, false);
	CHECK(abs(w_jou - (w_ou + adv_j)) <= 1);

	/* Two lines of one paragraph at x = 100: "jou" and "de". Their pens
	 * are both at 100, so the ink of each starts where its first glyph's
	 * left edge lies from the pen. */
	SDL_SetRenderDrawColor(r, 255, 255, 255, 255);
	SDL_RenderClear(r);
	struct ui_color black = {0, 0, 0, 255};
	text_draw(t, "jou", 3, px, false, 100, 0, 54, black);
	text_draw(t, "de", 2, px, false, 100, 60, 54, black);
	SDL_RenderPresent(r);
	int ink_j = leftmost_ink(s, 0, 60), ink_d = leftmost_ink(s, 60, H);
	fprintf(stderr, "j: ink at %d (left edge %d); d: ink at %d (left edge %d)\n", ink_j, minx_j, ink_d, minx_d);
	CHECK(abs(ink_j - (100 + minx_j)) <= 1);
	CHECK(abs(ink_d - (100 + minx_d)) <= 1);

	TTF_CloseFont(f);
	text_destroy(t);
	SDL_DestroyRenderer(r);
	SDL_FreeSurface(s);
	FcFini(); /* fontconfig's caches, as the kiosk does at exit, for the leak checker */
	return test_done();
}
