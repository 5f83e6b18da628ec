/* Building blocks for the screens: they append elements to the app's draw
 * list with sizes in millimetres and colours from theme.h. Internal to ui. */
#ifndef LP_WIDGETS_H
#define LP_WIDGETS_H

#include "theme.h"
#include "ui.h"

enum button_style { BUTTON_PRIMARY, BUTTON_SECONDARY, BUTTON_QUIET, BUTTON_DISABLED };
enum text_align { ALIGN_START, ALIGN_CENTER };

struct build {
	struct arena *arena;
	struct ui_drawlist *dl;
	const struct ui_text_metrics *metrics;
	double u; /* pixels per millimetre */
	int pressed_action, pressed_arg;
};

int mm(const struct build *b, double v);
struct ui_elem *add_elem(struct build *b, enum ui_role role, struct ui_rect r);
void add_panel(struct build *b, struct ui_rect r, struct ui_color bg, struct ui_color border, int border_w, int radius);
/* A block of wrapped text; returns its height in pixels. */
int add_text(struct build *b, enum ui_role role, const char *text, int x, int y, int w, double size_mm, bool bold,
             struct ui_color fg, struct ui_color bg, enum text_align align);
/* Height the text would take, without adding it. */
int text_height(struct build *b, const char *text, int w, double size_mm, bool bold);
struct ui_elem *add_button(struct build *b, struct ui_rect r, const char *label, const char *icon,
                           enum button_style style, int action, int arg);
/* A button that shows only its icon; the label is still its name. */
struct ui_elem *add_icon_button(struct build *b, struct ui_rect r, const char *label, const char *icon,
                                enum button_style style, int action, int arg);
void add_image(struct build *b, struct ui_rect r, const char *image, const char *label);
/* A lesson's picture on a card that fills r; the picture keeps its shape. */
void add_picture(struct build *b, struct ui_rect r, const char *image);
void add_progress(struct build *b, struct ui_rect r, int done, int total, const char *label);
/* Wide enough for the label on one line, at least min_mm. */
int button_width(struct build *b, const char *label, bool icon, double min_mm);
/* The bar at the top of every screen: a logo or avatar and a title. */
void add_header(struct build *b, int w, const char *title, const char *avatar);
/* The same, keeping right pixels at the right end free for buttons. */
void add_header_beside(struct build *b, int w, const char *title, const char *avatar, int right);
/* Where the button at the top right goes (Stop, Back), as wide as its word. */
struct ui_rect top_right_rect(struct build *b, int w, const char *label);
bool is_pressed(const struct build *b, int action, int arg);
/* A card in the middle of the screen over a veil, with a title and a text
 * (aligned as align), leaving buttons_h for a row of buttons whose top
 * goes in *buttons_y; returns the card. */
struct dialog {
	const char *head, *body;
	struct ui_color edge;
	enum text_align align;
	double width_mm;  /* at most; less on a narrow screen */
	int veil;         /* how dark the veil is, 0 to 255 */
	int buttons_h;
};
struct ui_rect add_dialog(struct build *b, int W, int H, const struct dialog *d, int *buttons_y);
/* A question over the whole screen: a title, a text, "no" (with a back
 * arrow) and "yes"; returns the "yes" button. */
struct ui_elem *add_question(struct build *b, int W, int H, const char *head, const char *body, struct ui_color edge,
                             const char *no, int no_action, const char *yes, const char *yes_icon, int yes_action);

#endif
