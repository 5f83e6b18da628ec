/* UI strings through gettext. The language is switched with GNU gettext's
 * LANGUAGE variable, which works in the C.UTF-8 locale that every Debian
 * system has, so no per-language locale needs to be generated; bumping
 * _nl_msg_cat_cntr makes gettext drop its cached look-ups. */
#include "ui.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

extern int _nl_msg_cat_cntr;

void ui_i18n_init(const char *localedir)
{
	if (!setlocale(LC_ALL, "C.UTF-8"))
		setlocale(LC_ALL, "");
	/* Numbers and sorting stay predictable whatever the system says. */
	setlocale(LC_NUMERIC, "C");
	bindtextdomain("leerplek", localedir);
	bind_textdomain_codeset("leerplek", "UTF-8");
}

void ui_i18n_set_language(const char *lang)
{
	setenv("LANGUAGE", lang, 1);
	++_nl_msg_cat_cntr;
}

/* The languages of the UI, each by its own name in its own script. */
static const struct ui_language languages[] = {
	{"nl", "Nederlands"},
	{"en", "English"},
	{"ar", "العربية"},
	{"tr", "Türkçe"},
	{"pl", "Polski"},
	{"uk", "Українська"},
	{"ti", "ትግርኛ"},
};

int ui_languages(const struct ui_language **out)
{
	*out = languages;
	return (int)(sizeof languages / sizeof languages[0]);
}

const struct ui_language *ui_language_find(const char *code)
{
	for (size_t i = 0; i < sizeof languages / sizeof languages[0]; i++)
		if (!strcmp(languages[i].code, code))
			return &languages[i];
	return NULL;
}
