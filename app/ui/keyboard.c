/* The on-screen keyboard; see keyboard.h. Keys are 27 x 21 mm: well over
 * the 12 mm minimum, for gloves and shaky hands. */
#include "keyboard.h"

#include <libintl.h>
#include <stdio.h>
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

/* The widest row is the last: 8 keys and a space bar of 3. */
int keyboard_width(struct build *b)
{
	return 11 * mm(b, KEY_W) + 10 * mm(b, GAP);
}

#define N_SIGNS 16 /* 9 in the second row of the digit layer, 7 in the third */

/* The signs of the digit layer: the asked ones first, then common ones,
 * each once; letters, digits and spaces are on the keys already. */
static int sign_keys(const char *asked, char out[N_SIGNS][5])
{
	static const char *const common[] = {".", ",", "@", "/", ":", "?", "!", "'", "&", "-", "_", "+", "=",
	                                     "(", ")", "%", "#", "\"", "*", "€", NULL};
	int n = 0;
	for (int pass = 0; pass < 2 && n < N_SIGNS; pass++) {
		const char *s = pass == 0 ? (asked ? asked : "") : NULL;
		for (int i = 0; n < N_SIGNS; i++) {
			char one[5] = {0};
			if (pass == 0) {
				if (!*s)
					break;
				uint32_t cp;
				int len = util_utf8_decode(s, strlen(s), &cp);
				memcpy(one, s, (size_t)len);
				s += len;
				if (cp <= ' ' || (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') ||
				    cp >= 0xC0 || cp == 0xFFFD)
					continue; /* letters (also accented ones) are on the first layer */
			} else {
				if (!common[i])
					break;
				snprintf(one, sizeof one, "%s", common[i]);
			}
			bool seen = false;
			for (int k = 0; k < n; k++)
				seen |= !strcmp(out[k], one);
			if (!seen)
				snprintf(out[n++], 5, "%s", one);
		}
	}
	return n;
}

#define DIGIT_ARG 100 /* keys of the digit layer: DIGIT_ARG + r * 11 + k */

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
	return add_keyboard_layers(b, cx, y, shift, false, NULL, action);
}

static int digit_layer(struct build *b, int cx, int y, const char *signs, int action)
{
	int key_w = mm(b, KEY_W), key_h = mm(b, KEY_H), gap = mm(b, GAP), y0 = y;
	char sg[N_SIGNS][5];
	int n_signs = sign_keys(signs, sg);
	for (int r = 0; r < N_ROWS; r++) {
		int n = r == 0 ? 10 : r == 1 ? 9 : r == 2 ? 7 : 0;
		int wide = r == 3 ? 5 * key_w + 4 * gap : key_w * 3 / 2 + gap / 2;
		int row_w = n * key_w + (n - 1) * gap + (r == 2 ? wide + gap : 0);
		if (r == 3)
			row_w = 2 * wide + gap;
		int x = cx - row_w / 2;
		if (r == 3) {
			struct ui_elem *e = add_button(b, (struct ui_rect){x, y, wide, key_h}, "abc", NULL, BUTTON_QUIET, action,
			                               KEYBOARD_LAYER);
			e->role = UI_ROLE_KEY;
			e->label = _("Letters");
			x += wide + gap;
			icon_key(b, (struct ui_rect){x, y, wide, key_h}, _("Space"), "icon:space", BUTTON_QUIET, action,
			         KEYBOARD_SPACE, true);
		}
		for (int k = 0; k < n; k++) {
			char one[5];
			if (r == 0)
				snprintf(one, sizeof one, "%d", (k + 1) % 10);
			else {
				int i = (r == 1 ? 0 : 9) + k;
				if (i >= n_signs)
					break;
				snprintf(one, sizeof one, "%s", sg[i]);
			}
			struct ui_elem *e = add_button(b, (struct ui_rect){x, y, key_w, key_h}, arena_strdup(b->arena, one), NULL,
			                               BUTTON_QUIET, action, DIGIT_ARG + r * 11 + k);
			e->role = UI_ROLE_KEY;
			e->bold = false;
			x += key_w + gap;
		}
		if (r == 2)
			icon_key(b, (struct ui_rect){x, y, wide, key_h}, _("Erase"), "icon:backspace", BUTTON_QUIET, action,
			         KEYBOARD_ERASE, false);
		y += key_h + gap;
	}
	return y - y0 - gap;
}

int add_keyboard_layers(struct build *b, int cx, int y, bool shift, bool digits, const char *signs, int action)
{
	if (digits)
		return digit_layer(b, cx, y, signs, action);
	int key_w = mm(b, KEY_W), key_h = mm(b, KEY_H), gap = mm(b, GAP), y0 = y;
	bool layers = signs != NULL; /* a "123" key, and a space bar of 2 */
	for (int r = 0; r < N_ROWS; r++) {
		int n = 0;
		while (rows[r][n])
			n++;
		int extra = r == 2 ? 2 : r == 3 ? 1 : 0; /* shift and erase; space */
		int wide = r == 3 ? (layers ? 2 : 3) * key_w + (layers ? 1 : 2) * gap : key_w * 3 / 2 + gap / 2;
		int row_w = n * key_w + (n - 1) * gap + extra * (wide + gap) + (r == 3 && layers ? key_w + gap : 0);
		int x = cx - row_w / 2;
		if (r == 3 && layers) {
			struct ui_elem *e = add_button(b, (struct ui_rect){x, y, key_w, key_h}, "123", NULL, BUTTON_QUIET, action,
			                               KEYBOARD_LAYER);
			e->role = UI_ROLE_KEY;
			e->label = _("Digits and signs");
			x += key_w + gap;
		}
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

bool keyboard_press_layers(char *buf, size_t cap, bool *shift, bool *digits, const char *signs, int arg)
{
	if (arg == KEYBOARD_LAYER) {
		*digits = !*digits;
		return true;
	}
	if (arg >= DIGIT_ARG && arg < DIGIT_ARG + N_ROWS * 11) {
		int r = (arg - DIGIT_ARG) / 11, k = (arg - DIGIT_ARG) % 11;
		char one[5];
		if (r == 0 && k < 10) {
			snprintf(one, sizeof one, "%d", (k + 1) % 10);
		} else {
			char sg[N_SIGNS][5];
			int n = sign_keys(signs, sg), i = (r == 1 ? 0 : 9) + k;
			if (r < 1 || r > 2 || i >= n || (r == 1 && k >= 9) || (r == 2 && k >= 7))
				return false;
			snprintf(one, sizeof one, "%s", sg[i]);
		}
		bool no_shift = false;
		return keyboard_type(buf, cap, &no_shift, one);
	}
	return keyboard_press(buf, cap, shift, arg);
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
