/* `leerplek setup`: what the first-start wizard asks, from the shell, for
 * administrators who prepare terminals and for tests; run again, it changes
 * what it is given (a forgotten supervisor PIN is reset this way). */
#include "cli.h"
#include "../core/guard.h"
#include "../core/secret.h"
#include "../core/store.h"
#include "../ui/ui.h"

#include <stdio.h>
#include <string.h>

static const char usage[] =
	"usage: leerplek setup --data DIR --org NAME --site NAME [--lang CODE] [--codes yes|no] < PIN\n"
	"       (the supervisor PIN, 6 to 12 digits, is read from the first line of standard input)\n";

static bool text_ok(const char *what, const char *v)
{
	size_t n = strlen(v);
	if (n == 0 || n > 80) {
		fprintf(stderr, "leerplek setup: the %s name needs 1 to 80 bytes\n", what);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)v[i] < 0x20) {
			fprintf(stderr, "leerplek setup: the %s name cannot hold tabs or line breaks\n", what);
			return false;
		}
	return true;
}

int cli_setup(int argc, char **argv, const char *default_data)
{
	const char *data = default_data, *org = NULL, *site = NULL, *lang = "nl", *codes = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if (!strcmp(argv[i], "--org") && i + 1 < argc) {
			org = argv[++i];
		} else if (!strcmp(argv[i], "--site") && i + 1 < argc) {
			site = argv[++i];
		} else if (!strcmp(argv[i], "--lang") && i + 1 < argc) {
			lang = argv[++i];
		} else if (!strcmp(argv[i], "--codes") && i + 1 < argc) {
			codes = argv[++i];
		} else {
			fprintf(stderr, "leerplek setup: unexpected '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	if (!org || !site) {
		fputs(usage, stderr);
		return 2;
	}
	if (!text_ok("organisation", org) || !text_ok("site", site))
		return 1;
	if (!ui_language_find(lang)) {
		const struct ui_language *l;
		int n = ui_languages(&l);
		fprintf(stderr, "leerplek setup: no language '%s'; there are:", lang);
		for (int i = 0; i < n; i++)
			fprintf(stderr, " %s (%s)", l[i].code, l[i].name);
		fputc('\n', stderr);
		return 1;
	}
	if (codes && strcmp(codes, "yes") && strcmp(codes, "no")) {
		fprintf(stderr, "leerplek setup: --codes is yes or no\n");
		return 2;
	}
	char pin[64] = "";
	if (!fgets(pin, sizeof pin, stdin))
		pin[0] = 0;
	pin[strcspn(pin, "\r\n")] = 0;
	if (!guard_pin_valid(pin)) {
		fprintf(stderr, "leerplek setup: give the supervisor PIN, 6 to 12 digits, on standard input\n");
		return 1;
	}
	if (!secret_init()) {
		fprintf(stderr, "leerplek: the cryptography library could not start\n");
		return 3;
	}
	char err[600];
	struct store *s = store_open(data, err, sizeof err);
	if (!s) {
		fprintf(stderr, "leerplek: %s\n", err);
		return 3;
	}
	bool ok = store_setting_set_text(s, "org", org) && store_setting_set_text(s, "site", site) &&
	          store_setting_set_text(s, "lang", lang) &&
	          (!codes || store_setting_set_int(s, "codes", !strcmp(codes, "yes") ? 1 : 2)) && guard_pin_set(s, pin) &&
	          store_setting_set_int(s, "setup_done", 1);
	if (!ok)
		fprintf(stderr, "leerplek: %s\n", store_error(s));
	else
		printf("set up: %s, %s, language %s\n", org, site, lang);
	store_destroy(s);
	return ok ? 0 : 3;
}
