/* Fonts and text: fontconfig finds the faces, fribidi splits a line into
 * direction runs, SDL2_ttf (with HarfBuzz) shapes each run in its script,
 * and finished lines are cached as textures. */
#ifndef LP_PLATFORM_TEXT_H
#define LP_PLATFORM_TEXT_H

#include "../ui/ui.h"

#include <SDL.h>
#include <stdbool.h>

struct text;

/* NULL with a message in err when no usable font is found. */
struct text *text_create(SDL_Renderer *r, char *err, size_t errlen);
void text_destroy(struct text *t);
/* The metrics callback for the ui layer. */
struct ui_text_metrics text_metrics(struct text *t);
/* Draws s[0..n) at x,y (top of the line box of height h) in colour c. */
void text_draw(struct text *t, const char *s, size_t n, int px, bool bold, int x, int y, int h, struct ui_color c);
/* Ends a frame: textures not used for a while are let go. */
void text_end_frame(struct text *t);
/* Which font files are in use, for the log. */
const char *text_font_path(const struct text *t, int face);

#endif
