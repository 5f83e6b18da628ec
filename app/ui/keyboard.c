/* The on-screen keyboard; see keyboard.h. Keys are 27 x 21 mm: well over
 * the 12 mm minimum, for gloves and shaky hands. */
#include "keyboard.h"

#include <libintl.h>
#include <string.h>

#define _(s) dgettext("leerplek", s)

static const char *const rows[][11] = {
	{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p", NULL},
	{"a", "s", "d", "f", "g", "h", "j", "k", "l", NULL},
	{"z", "x", "c", "v", "b", "n", "m", NULL},
	{"é", "è", "ë", "ï", "ö", "ü", "ç", "-", NULL},
};
#define N_ROWS 4
#define KEY_W 27.0
#define KEY_H 21.0
#define GAP 3.0

int keyboard_width(struct build *b)
{
	return 10 * mm(b, KEY_W) + 9 * mm(b, GAP);
}

static struct ui_elem *icon_key(struct build *b, struct ui_rect r, const char *label, const char *icon,
                                enum button_style style, int action, int arg, bool show_label)
{
	struct ui_elem *e = add_button(b, r, label, icon, style, action, arg);
	e->role = UI_ROLE_KEY;
	if (!show_label) {
		e->text = NULL; /* icon only; the label says it */
		e->n_lines = 0;
		e->image_rect.x = r.x + (r.w - e->image_rect.w) / 2;
	}
	return e;
}

int add_keyboard(struct build *b, int cx, int y, bool shift, int action)
{
	int key_w = mm(b, KEY_W), key_h = mm(b, KEY_H), gap = mm(b, GAP), y0 = y;
	for (int r = 0; r < N_ROWS; r++) {
		int n = 0;
		while (rows[r][n])
			n++;
		int extra = r == 2 ? 2 : r == 3 ? 1 : 0; /* shift and erase; space */
		int wide = r == 3 ? 3 * key_w + 2 * gap : key_w * 3 / 2 + gap / 2;
		int row_w = n * key_w + (n - 1) * gap + extra * (wide + gap);
		int x = cx - row_w / 2;
		if (r == 2) {
			icon_key(b, (struct ui_rect){x, y, wide, key_h}, _("Capital"), "icon:shift",
			         shift ? BUTTON_PRIMARY : BUTTON_QUIET, action, KEYBOARD_SHIFT, false);
			x += wide + gap;
		}
		for (int k = 0; k < n; k++) {
			const char *s = rows[r][k];
			char *shown = arena_strdup(b->arena, s);
			if (shift && s[1] == 0 && s[0] >= 'a' && s[0] <= 'z')
				shown[0] = (char)(s[0] - 'a' + 'A');
			struct ui_elem *e = add_button(b, (struct ui_rect){x, y, key_w, key_h}, shown, NULL, BUTTON_QUIET, action,
			                               r * 11 + k);
			e->role = UI_ROLE_KEY;
			e->bold = false;
			x += key_w + gap;
		}
		if (r == 2)
			icon_key(b, (struct ui_rect){x, y, wide, key_h}, _("Erase"), "icon:backspace", BUTTON_QUIET, action,
			         KEYBOARD_ERASE, false);
		if (r == 3)
			icon_key(b, (struct ui_rect){x, y, wide, key_h}, _("Space"), "icon:space", BUTTON_QUIET, action,
			         KEYBOARD_SPACE, true);
		y += key_h + gap;
	}
	return y - y0 - gap;
}

bool keyboard_type(char *buf, size_t cap, bool *shift, const char *s)
{
	size_t have = strlen(buf), add = strlen(s);
	if (have + add + 1 > cap)
		return false;
	if (!strcmp(s, " ") && (have == 0 || buf[have - 1] == ' '))
		return false;
	if (*shift && add == 1 && s[0] >= 'a' && s[0] <= 'z') {
		buf[have] = (char)(s[0] - 'a' + 'A');
		buf[have + 1] = 0;
	} else if (*shift && !strcmp(s, "é")) {
		memcpy(buf + have, "É", 3);
	} else {
		memcpy(buf + have, s, add + 1);
	}
	*shift = false;
	return true;
}

bool keyboard_press(char *buf, size_t cap, bool *shift, int arg)
{
	if (arg == KEYBOARD_SHIFT) {
		*shift = !*shift;
		return true;
	}
	if (arg == KEYBOARD_SPACE)
		return keyboard_type(buf, cap, shift, " ");
	if (arg == KEYBOARD_ERASE) {
		size_t n = strlen(buf);
		if (!n)
			return false;
		buf[n - util_utf8_last_len(buf, n)] = 0;
		*shift = buf[0] == 0;
		return true;
	}
	if (arg < 0 || arg >= N_ROWS * 11 || !rows[arg / 11][arg % 11])
		return false;
	return keyboard_type(buf, cap, shift, rows[arg / 11][arg % 11]);
}
