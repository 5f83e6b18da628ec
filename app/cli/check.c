/* `leerplek check PATH...`: the lesson validator for trainers. It shares
 * the parser with the kiosk, so what passes here is what the kiosk shows. */
#include "cli.h"
#include "../core/lesson.h"

#include <stdio.h>
#include <string.h>

static void print(void *ud, const char *path, int line, int col, bool is_error, const char *msg)
{
	(void)ud;
	if (line > 0)
		printf("%s:%d:%d: %s: %s\n", path, line, col, is_error ? "error" : "warning", msg);
	else
		printf("%s: %s: %s\n", path, is_error ? "error" : "warning", msg);
}

int cli_check(int argc, char **argv)
{
	if (argc < 2 || !strcmp(argv[1], "--help")) {
		fprintf(argc < 2 ? stderr : stdout, "usage: leerplek check PATH...   validate lesson files or folders\n");
		return argc < 2 ? 2 : 0;
	}
	struct lesson_diag d = {.report = print};
	struct lesson_set set;
	lesson_set_load(&set, (const char *const *)argv + 1, argc - 1, &d);
	printf("%d file%s, %d error%s, %d warning%s\n", set.n_files, set.n_files == 1 ? "" : "s", d.errors,
	       d.errors == 1 ? "" : "s", d.warnings, d.warnings == 1 ? "" : "s");
	lesson_set_finish(&set);
	return d.errors ? 1 : 0;
}

int cli_not_built(const char *name)
{
	fprintf(stderr, "leerplek: '%s' is not built yet in this version of Leerplek\n", name);
	return 3;
}
