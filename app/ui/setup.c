/* The first start: before anything else works, the supervisor sets the
 * terminal's language, the organisation and site names, and the supervisor
 * PIN (typed twice). Nothing is saved until the last step, and then all of
 * it in a row; `leerplek setup` does the same from the shell. */
#include "app_internal.h"
#include "keyboard.h"

#include <stdio.h>
#include <string.h>

enum { STEP_LANG, STEP_ORG, STEP_SITE, STEP_PIN, STEP_PIN_AGAIN, N_STEPS };

/* Signs an organisation's name may need, offered first on the "123" layer. */
static const char signs[] = "&.,'()";

bool setup_needed(struct ui_app *a)
{
	return store_setting_int(a->cfg.store, "setup_done", 0) != 1;
}

static char *field(struct ui_app *a)
{
	return a->setup_step == STEP_ORG ? a->org : a->site;
}

static void finish(struct ui_app *a)
{
	struct store *s = a->cfg.store;
	if (!store_setting_set_text(s, "org", a->org) || !store_setting_set_text(s, "site", a->site) ||
	    !store_setting_set_text(s, "lang", a->setup_lang) || !guard_pin_set(s, a->pin) ||
	    !store_setting_set_int(s, "setup_done", 1)) {
		app_store_failed(a, _("The set-up could not be saved."));
		return;
	}
	memset(a->pin, 0, sizeof a->pin);
	memset(a->pin_first, 0, sizeof a->pin_first);
	app_go(a, SCREEN_START);
	app_set_info(a, _("Leerplek is ready. To open supervisor mode later, hold the top left corner of the start "
	                    "screen for 3 seconds, then type the PIN."));
}

void act_setup(struct ui_app *a, int action, int arg)
{
	switch (action) {
	case A_SETUP_LANG: {
		const struct ui_language *l;
		int n = ui_languages(&l);
		if (arg >= 0 && arg < n) {
			snprintf(a->setup_lang, sizeof a->setup_lang, "%s", l[arg].code);
			ui_i18n_set_language(l[arg].code);
			a->cfg.lang = l[arg].code; /* lessons follow too */
			snprintf(a->terminal_lang, sizeof a->terminal_lang, "%s", l[arg].code);
		}
		break;
	}
	case A_SETUP_KEY:
		if (a->setup_step == STEP_ORG || a->setup_step == STEP_SITE) {
			char *f = field(a), before[SETUP_TEXT_MAX + 1];
			memcpy(before, f, sizeof before);
			keyboard_press_layers(f, SETUP_TEXT_MAX + 1, &a->shift, &a->setup_digits, signs, arg);
			if (util_utf8_count(f) > 40) /* a name for a screen's header */
				memcpy(f, before, sizeof before);
		} else if (a->setup_step >= STEP_PIN) {
			act_supervisor(a, A_PIN_KEY, arg == KEYBOARD_ERASE ? -1 : arg);
		}
		break;
	case A_SETUP_BACK:
		a->pin_msg[0] = 0;
		a->pin[0] = 0;
		if (a->setup_step > STEP_LANG)
			a->setup_step--;
		if (a->setup_step == STEP_PIN_AGAIN)
			a->setup_step = STEP_PIN;
		a->shift = a->setup_step != STEP_PIN;
		break;
	case A_SETUP_NEXT:
		switch (a->setup_step) {
		case STEP_LANG:
			if (!a->setup_lang[0])
				return;
			break;
		case STEP_ORG:
		case STEP_SITE: {
			char *f = field(a);
			size_t n = strlen(f);
			while (n && f[n - 1] == ' ')
				f[--n] = 0;
			if (!n)
				return;
			break;
		}
		case STEP_PIN:
			if (!guard_pin_valid(a->pin))
				return;
			memcpy(a->pin_first, a->pin, sizeof a->pin_first);
			a->pin[0] = 0;
			break;
		case STEP_PIN_AGAIN:
			if (strcmp(a->pin, a->pin_first) != 0) {
				snprintf(a->pin_msg, sizeof a->pin_msg, "%s",
				         _("The two PINs are not the same. Choose a PIN again."));
				a->pin[0] = 0;
				a->setup_step = STEP_PIN;
				return;
			}
			finish(a);
			return;
		}
		a->pin_msg[0] = 0;
		a->setup_step++;
		a->shift = true;
		a->setup_digits = false;
		break;
	}
}

void setup_text(struct ui_app *a, const char *utf8)
{
	if (a->setup_step >= STEP_PIN) {
		pin_text(a, utf8);
		return;
	}
	if (a->setup_step != STEP_ORG && a->setup_step != STEP_SITE)
		return;
	char *f = field(a);
	size_t n = strlen(f);
	for (const char *p = utf8; *p && n < SETUP_TEXT_MAX; p++)
		if ((unsigned char)*p >= 0x20)
			f[n++] = *p;
	f[n] = 0;
	while (util_utf8_count(f) > 40)
		f[n -= util_utf8_last_len(f, n)] = 0;
	a->dirty = true;
}

void screen_setup(struct ui_app *a, struct build *b)
{
	int W = a->cfg.w, H = a->cfg.h, m = mm(b, MM_MARGIN);
	add_header(b, W, _("Setting up Leerplek"), NULL);
	if (a->setup_step > STEP_LANG)
		add_button(b, top_right_rect(b, W, _("Back")), _("Back"), "icon:back", BUTTON_QUIET, A_SETUP_BACK, 0);
	int y = mm(b, MM_HEADER) + mm(b, 6);
	char *step = arena_printf(b->arena, _("Step %d of %d"), a->setup_step + 1, N_STEPS);
	int content_w = keyboard_width(b);
	if (content_w > W - 2 * m)
		content_w = W - 2 * m;
	int x0 = (W - content_w) / 2;
	y += add_text(b, UI_ROLE_TEXT, step, x0, y, content_w, MM_TEXT, false, C_TEXT_MUTED, C_BG, ALIGN_START);
	const char *q = "";
	const char *help = NULL;
	bool ready = false;
	switch (a->setup_step) {
	case STEP_LANG:
		q = _("Welcome! Choose the language of this screen.");
		help = _("Learners can choose their own language later. This is the language they start with.");
		ready = a->setup_lang[0] != 0;
		break;
	case STEP_ORG:
		q = _("What is the name of your organisation?");
		ready = a->org[0] != 0;
		break;
	case STEP_SITE:
		q = _("Where is this screen? For example: Canteen, or Workshop 2.");
		ready = a->site[0] != 0;
		break;
	case STEP_PIN:
		q = _("Choose a supervisor PIN: 6 to 12 digits.");
		help = _("With this PIN supervisors open supervisor mode. Do not tell it to learners.");
		ready = guard_pin_valid(a->pin);
		break;
	case STEP_PIN_AGAIN:
		q = _("Type the same PIN again.");
		ready = strlen(a->pin) >= 6;
		break;
	}
	int prose_w = content_w < mm(b, 220) ? content_w : mm(b, 220); /* lines of at most ~60 characters */
	y += mm(b, 2);
	y += add_text(b, UI_ROLE_HEADING, q, x0, y, prose_w, MM_HEADING, true, C_TEXT, C_BG, ALIGN_START);
	if (help) {
		y += mm(b, 2);
		y += add_text(b, UI_ROLE_TEXT, help, x0, y, prose_w, MM_TEXT, false, C_TEXT, C_BG, ALIGN_START);
	}
	y += mm(b, 6);
	int bw = mm(b, 80), bh = mm(b, MM_MAIN_BUTTON + 2);
	if (a->setup_step == STEP_LANG) {
		const struct ui_language *l;
		int n = ui_languages(&l);
		int lw = mm(b, 90), lh = mm(b, MM_MAIN_BUTTON), gap = mm(b, 5);
		int cols = (content_w + gap) / (lw + gap);
		if (cols < 1)
			cols = 1;
		for (int i = 0; i < n; i++) {
			bool sel = !strcmp(a->setup_lang, l[i].code);
			add_button(b, (struct ui_rect){x0 + (i % cols) * (lw + gap), y + (i / cols) * (lh + gap), lw, lh}, l[i].name,
			           sel ? "icon:check" : NULL, sel ? BUTTON_PRIMARY : BUTTON_SECONDARY, A_SETUP_LANG, i);
		}
	} else if (a->setup_step == STEP_ORG || a->setup_step == STEP_SITE) {
		const char *label = a->setup_step == STEP_ORG ? _("Organisation") : _("Place of this screen");
		y += app_text_field(b, label, field(a), x0, y, content_w) + mm(b, 6);
		add_keyboard_layers(b, W / 2, y, a->shift, a->setup_digits, signs, A_SETUP_KEY);
	} else {
		if (a->pin_msg[0]) {
			y += add_text(b, UI_ROLE_TEXT, a->pin_msg, x0, y, prose_w, MM_TEXT, false, C_NOTICE, C_BG, ALIGN_START);
			y += mm(b, 3);
		}
		add_pin_pad(a, b, x0, y, A_SETUP_KEY);
	}
	add_button(b, (struct ui_rect){W - m - bw, H - m - bh, bw, bh}, a->setup_step == STEP_PIN_AGAIN ? _("Done") : _("Next"),
	           a->setup_step == STEP_PIN_AGAIN ? "icon:check" : "icon:next", ready ? BUTTON_PRIMARY : BUTTON_DISABLED,
	           A_SETUP_NEXT, 0);
}
