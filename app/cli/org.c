/* `leerplek org create|join`: the organisation a terminal belongs to. Its
 * key encrypts the sync bundles on the stick; every terminal that types
 * the same code derives the same key (core/sync_org.c). The code is kept
 * beside the key ("org_code") so the supervisor screen can show it again
 * for the next terminal. */
#include "cli.h"
#include "../core/org_code.h"
#include "../core/store.h"
#include "../core/sync.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

static const char usage[] = "usage: leerplek org create --data DIR [--force] | join --data DIR --code CODE\n";

static bool save(struct store *s, const char *code)
{
	uint8_t key[SYNC_KEY_BYTES];
	bool ok = sync_org_key(code, key) && sync_org_save(s, key) && store_setting_set_text(s, "org_code", code);
	sodium_memzero(key, sizeof key);
	return ok;
}

/* Exit 1 with what is wrong with a typed code, or 0 when it is one. */
static int check_code(const char *code)
{
	int n;
	char bad;
	switch (org_code_check(code, &n, &bad)) {
	case ORG_CODE_OK:
		return 0;
	case ORG_CODE_TYPO:
		fprintf(stderr, "leerplek org: the code %s has a typing mistake: its check character (the last one) does not "
		                "match; compare each character with the code as it was written down\n", code);
		return 1;
	case ORG_CODE_BAD_CHAR:
		fprintf(stderr, "leerplek org: '%s' is not an organisation code: no code has the character '%c' (a code has 21 "
		                "digits and letters, like ABCD-EFGH-JKMN-PQRS-TVWX-Y)\n", code, bad);
		return 1;
	case ORG_CODE_EMPTY:
	case ORG_CODE_TOO_SHORT:
	case ORG_CODE_TOO_LONG:
		break;
	}
	fprintf(stderr, "leerplek org: '%s' is not an organisation code: it has %d characters, and a code has 21 (like "
	                "ABCD-EFGH-JKMN-PQRS-TVWX-Y)\n", code, n);
	return 1;
}

int cli_org(int argc, char **argv, const char *default_data)
{
	if (argc < 2 || !strcmp(argv[1], "--help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *verb = argv[1], *data = default_data, *code = NULL;
	bool force = false;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if (!strcmp(argv[i], "--code") && i + 1 < argc) {
			code = argv[++i];
		} else if (!strcmp(argv[i], "--force")) {
			force = true;
		} else {
			fprintf(stderr, "leerplek org: unexpected '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	bool create = !strcmp(verb, "create"), join = !strcmp(verb, "join");
	if ((!create && !join) || (create && code) || (join && (!code || force))) {
		fputs(usage, stderr);
		return 2;
	}
	if (join && check_code(code))
		return 1;
	char err[600];
	struct store *s = store_open(data, err, sizeof err);
	if (!s) {
		fprintf(stderr, "leerplek: %s\n", err);
		return 3;
	}
	uint8_t key[SYNC_KEY_BYTES];
	bool had = sync_org_load(s, key);
	sodium_memzero(key, sizeof key);
	int rc = 0;
	char canon[SYNC_CODE_MAX];
	if (create && had && !force) {
		fprintf(stderr, "leerplek org: this terminal belongs to an organisation already; 'leerplek org create --force' "
		                "makes a new one, and then the other terminals need its code too\n");
		rc = 1;
	} else if (create) {
		if (!sync_org_code_new(canon) || !save(s, canon)) {
			fprintf(stderr, "leerplek: the organisation could not be saved: %s\n", store_error(s));
			rc = 3;
		} else {
			printf("%s\n", canon);
		}
	} else if (!sync_org_code_parse(code, canon) || !save(s, canon)) {
		fprintf(stderr, "leerplek: the organisation could not be saved: %s\n", store_error(s));
		rc = 3;
	} else {
		printf("this terminal now belongs to the organisation with the code %s\n", canon);
	}
	store_destroy(s);
	return rc;
}
