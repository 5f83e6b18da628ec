/* Draws a ui draw list with an SDL renderer: smooth rounded shapes and
 * pictures from SVG rasterised once at the size needed, and text. */
#ifndef LP_RENDER_H
#define LP_RENDER_H

#include "../ui/ui.h"
#include "text.h"

#include <SDL.h>

struct render;

struct render *render_create(SDL_Renderer *r, struct text *text, const char *assets_dir);
void render_destroy(struct render *rd);
void render_draw(struct render *rd, const struct ui_drawlist *dl);

#endif
