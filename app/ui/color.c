/* Colour arithmetic for the contrast rules of UX.md (WCAG 2 relative
 * luminance and contrast ratio). */
#include "ui.h"

#include <math.h>

static double channel(uint8_t c)
{
	double v = c / 255.0;
	return v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
}

static double luminance(struct ui_color c)
{
	return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
}

double ui_contrast(struct ui_color a, struct ui_color b)
{
	double la = luminance(a), lb = luminance(b);
	return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

const char *ui_role_name(enum ui_role role)
{
	static const char *const names[] = {"panel", "text", "heading", "button", "tile",
	                                    "key", "field", "image", "progress", "notice"};
	return (unsigned)role < sizeof names / sizeof names[0] ? names[role] : "?";
}
