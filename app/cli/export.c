/* `leerplek export --data DIR --out DIR [--lessons DIR]`: the supervisor's
 * exports (SPEC.md "Exports"), the same export_write the kiosk's export
 * action calls. Prints the folder it wrote, then a line that sums it up. */
#include "cli.h"
#include "../core/export.h"
#include "../core/lesson.h"
#include "../core/store.h"
#include "../core/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] = "usage: leerplek export --data DIR --out DIR [--lessons DIR]\n";

/* "--opt VALUE" or "--opt=VALUE" */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] == 0 && *i + 1 < argc)
		return argv[++*i];
	return NULL;
}

int cli_export(int argc, char **argv, const char *default_data, const char *default_lessons)
{
	const char *data = default_data, *out = NULL, *lessons = default_lessons, *v;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if ((v = opt_value(argc, argv, &i, "--data"))) {
			data = v;
		} else if ((v = opt_value(argc, argv, &i, "--out"))) {
			out = v;
		} else if ((v = opt_value(argc, argv, &i, "--lessons"))) {
			lessons = v;
		} else {
			fprintf(stderr, "leerplek export: unexpected '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	if (!out || !out[0] || !data || !data[0]) {
		fputs(usage, stderr);
		return 2;
	}
	/* Never make a new, empty database by exporting from the wrong folder. */
	char *db = util_path_join(data, "leerplek.db");
	struct stat st;
	bool have = db && stat(db, &st) == 0 && S_ISREG(st.st_mode);
	free(db);
	if (!have) {
		fprintf(stderr, "leerplek export: %s holds no Leerplek data (no leerplek.db); give the data folder with --data\n",
		        data);
		return 1;
	}
	char err[600];
	if (!util_mkdir_p(out, err, sizeof err)) {
		fprintf(stderr, "leerplek export: %s\n", err);
		return 3;
	}
	struct lesson_set set = {0};
	struct lesson_diag diag = {0};
	if (lessons && lessons[0]) {
		const char *paths[] = {lessons};
		lesson_set_load_cards(&set, paths, 1, &diag);
	}
	if (!set.n)
		fprintf(stderr, "leerplek export: no lessons found in %s; the exports name lessons by id only\n",
		        lessons ? lessons : "(none)");
	else if (set.n_skipped)
		fprintf(stderr, "leerplek export: %d lesson file%s could not be read (see 'leerplek check %s')\n",
		        set.n_skipped, set.n_skipped == 1 ? "" : "s", lessons);
	struct store *s = store_open(data, err, sizeof err);
	if (!s) {
		fprintf(stderr, "leerplek: %s\n", err);
		lesson_set_finish(&set);
		return 3;
	}
	struct export_summary sum;
	bool ok = export_write(s, &set, out, store_now_ms(s), &sum);
	store_destroy(s);
	lesson_set_finish(&set);
	if (!ok) {
		fprintf(stderr, "leerplek export: %s\n", sum.message);
		return 3;
	}
	printf("%s\n", sum.folder);
	printf("%d learner%s, %d row%s in results.csv, %d statement%s, %d certificate%s\n", sum.learners,
	       sum.learners == 1 ? "" : "s", sum.rows, sum.rows == 1 ? "" : "s", sum.statements,
	       sum.statements == 1 ? "" : "s", sum.certificates, sum.certificates == 1 ? "" : "s");
	return 0;
}
