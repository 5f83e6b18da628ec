/* `leerplek learner add|list|erase`: learner records from the shell, for
 * set-up scripts and for the right to erasure. */
#include "cli.h"
#include "../core/guard.h"
#include "../core/secret.h"
#include "../core/store.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: leerplek learner add --data DIR --name NAME [--code A-B-C] [--route worker|supervisor|manager]\n"
	"       leerplek learner list --data DIR | erase --data DIR ID\n";

/* Learners added here get the picture fewest others have, so the start
 * screen is not a wall of cats; two learners with the same name never
 * share one, so each finds their own tile. */
static int same_name_avatar(struct store *s, const char *name)
{
	struct store_learner *v;
	int n = store_learner_list(s, &v), best = 0;
	long score[STORE_AVATARS] = {0};
	for (int i = 0; i < n; i++)
		if (v[i].avatar >= 0 && v[i].avatar < STORE_AVATARS)
			score[v[i].avatar] += strcmp(v[i].name, name) ? 1 : 100000;
	for (int a = 1; a < STORE_AVATARS; a++)
		if (score[a] < score[best])
			best = a;
	free(v);
	return best;
}

int cli_learner(int argc, char **argv, const char *default_data)
{
	if (argc < 2 || !strcmp(argv[1], "--help")) {
		fputs(usage, argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	const char *verb = argv[1], *data = default_data, *name = NULL, *code = NULL, *id = NULL, *route = NULL;
	for (int i = 2; i < argc; i++) {
		if (!strcmp(argv[i], "--data") && i + 1 < argc)
			data = argv[++i];
		else if (!strcmp(argv[i], "--name") && i + 1 < argc)
			name = argv[++i];
		else if (!strcmp(argv[i], "--code") && i + 1 < argc)
			code = argv[++i];
		else if (!strcmp(argv[i], "--route") && i + 1 < argc)
			route = argv[++i];
		else if (argv[i][0] != '-' && !id)
			id = argv[i];
		else {
			fprintf(stderr, "leerplek learner: unexpected '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	bool add = !strcmp(verb, "add"), list = !strcmp(verb, "list"), erase = !strcmp(verb, "erase");
	if ((!add && !list && !erase) || (add && (!name || id)) || (list && (name || id)) || (erase && (!id || name))) {
		fputs(usage, stderr);
		return 2;
	}
	int pics[GUARD_CODE_LEN];
	if (code && !guard_code_parse(code, pics)) {
		fprintf(stderr, "leerplek learner: a code is three of these pictures, joined by '-' (or their numbers 1-12):");
		for (int i = 0; i < GUARD_PICTURES; i++)
			fprintf(stderr, " %s", guard_picture_name(i));
		fprintf(stderr, "; for example apple-key-hat\n");
		return 1;
	}
	int route_bit = !route ? 0 : !strcmp(route, "worker") ? STORE_ROUTE_WORKER
	              : !strcmp(route, "supervisor") ? STORE_ROUTE_SUPERVISOR
	              : !strcmp(route, "manager") ? STORE_ROUTE_MANAGER : -1;
	if (route_bit < 0 || (route && !add)) {
		fprintf(stderr, "leerplek learner: --route is worker, supervisor or manager, with add\n");
		return 2;
	}
	enum store_name_problem np = add ? store_name_check(name) : STORE_NAME_OK;
	if (np != STORE_NAME_OK) {
		fprintf(stderr, "leerplek learner: %s\n", store_name_problem_text(np));
		return 1;
	}
	if (code && !secret_init()) {
		fprintf(stderr, "leerplek: the cryptography library could not start\n");
		return 3;
	}
	char err[600];
	struct store *s = store_open(data, err, sizeof err);
	if (!s) {
		fprintf(stderr, "leerplek: %s\n", err);
		return 3;
	}
	int rc = 0;
	if (add) {
		char new_id[LP_ID_LEN + 1], hash[STORE_CODE_HASH_MAX] = "";
		if (code && !guard_code_hash(pics, hash)) {
			fprintf(stderr, "leerplek: the code could not be made safe for storing\n");
			rc = 3;
		} else if (!store_learner_add_code(s, name, same_name_avatar(s, name), hash, new_id)) {
			fprintf(stderr, "leerplek: %s\n", store_error(s));
			rc = 3;
		} else if (route_bit && !store_learner_set_route(s, new_id, route_bit)) {
			fprintf(stderr, "leerplek: %s\n", store_error(s));
			rc = 3;
		} else {
			printf("%s\n", new_id);
		}
	} else if (list) {
		struct store_learner *v;
		int n = store_learner_list(s, &v);
		if (n < 0) {
			fprintf(stderr, "leerplek: %s\n", store_error(s));
			rc = 3;
		}
		for (int i = 0; i < n; i++)
			printf("%s\t%s\t%d\n", v[i].id, v[i].name, v[i].lessons_done);
		free(v);
	} else {
		struct store_learner l;
		if (!store_learner_get(s, id, &l)) {
			fprintf(stderr, "leerplek learner: no learner with id %s\n", id);
			rc = 1;
		} else if (!store_learner_erase(s, id)) {
			fprintf(stderr, "leerplek: %s\n", store_error(s));
			rc = 3;
		}
	}
	store_destroy(s);
	return rc;
}
