/* leerplek: the kiosk, or one of its subcommands (SPEC.md). */
#include "cli/cli.h"
#include "core/log.h"
#include "core/secret.h"
#include "platform/kiosk.h"
#include "platform/paths.h"
#include "ui/ui.h"
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char usage[] =
	"usage: leerplek [--windowed[=WxH]] [--data DIR] [--lessons DIR] [--lang CODE] [--script FILE]\n"
	"       leerplek check|setup|learner|sync|export|org|pack ... (--help on each)\n"
	"       leerplek --version\n";

/* Takes "--opt VALUE" or "--opt=VALUE"; returns the value or NULL. */
static const char *value(int argc, char **argv, int *i, const char *name)
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

int main(int argc, char **argv)
{
	struct paths paths;
	paths_init(&paths);
	ui_i18n_init(paths.locale);
	const char *level = getenv("LEERPLEK_LOG");
	if (level)
		log_set_level(!strcmp(level, "debug") ? LOG_LEVEL_DEBUG : !strcmp(level, "info") ? LOG_LEVEL_INFO : LOG_LEVEL_WARN);
	int rc;
	if (!secret_init()) {
		fprintf(stderr, "leerplek: the cryptography library (libsodium) could not start\n");
		paths_finish(&paths);
		return 3;
	}
	if (argc > 1 && argv[1][0] != '-') {
		const char *cmd = argv[1];
		if (!strcmp(cmd, "check"))
			rc = cli_check(argc - 1, argv + 1);
		else if (!strcmp(cmd, "setup"))
			rc = cli_setup(argc - 1, argv + 1, paths.default_data);
		else if (!strcmp(cmd, "learner"))
			rc = cli_learner(argc - 1, argv + 1, paths.default_data);
		else if (!strcmp(cmd, "org"))
			rc = cli_org(argc - 1, argv + 1, paths.default_data);
		else if (!strcmp(cmd, "sync"))
			rc = cli_sync(argc - 1, argv + 1, paths.default_data);
		else if (!strcmp(cmd, "export"))
			rc = cli_export(argc - 1, argv + 1, paths.default_data, paths.lessons);
		else if (!strcmp(cmd, "pack")) {
			if (argc > 2 && !strcmp(argv[2], "--help")) {
				printf("usage: see SPEC.md; 'leerplek %s' is not built yet in this version\n", cmd);
				rc = 0;
			} else {
				rc = cli_not_built(cmd);
			}
		} else {
			fprintf(stderr, "leerplek: unknown command '%s'\n%s", cmd, usage);
			rc = 2;
		}
		paths_finish(&paths);
		return rc;
	}
	struct kiosk_options o = {
		.width = 1280,
		.height = 800,
		.data_dir = paths.default_data,
		.lessons_dir = paths.lessons,
		.assets_dir = paths.assets,
		.lang = NULL, /* the terminal's language (set-up), else Dutch */
		.bench = getenv("LEERPLEK_BENCH") != NULL,
	};
	for (int i = 1; i < argc; i++) {
		const char *v;
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			paths_finish(&paths);
			return 0;
		} else if (!strcmp(argv[i], "--version")) {
			printf("leerplek %s\n", LP_VERSION);
			paths_finish(&paths);
			return 0;
		} else if (!strncmp(argv[i], "--windowed", 10) && (argv[i][10] == 0 || argv[i][10] == '=')) {
			o.windowed = true;
			if (argv[i][10] == '=' && (sscanf(argv[i] + 11, "%dx%d", &o.width, &o.height) != 2 || o.width < 320 ||
			                           o.height < 240 || o.width > 16384 || o.height > 16384)) {
				fprintf(stderr, "leerplek: --windowed=WxH needs a size like 1280x800\n");
				paths_finish(&paths);
				return 2;
			}
		} else if ((v = value(argc, argv, &i, "--data"))) {
			o.data_dir = v;
		} else if ((v = value(argc, argv, &i, "--lessons"))) {
			o.lessons_dir = v;
		} else if ((v = value(argc, argv, &i, "--lang"))) {
			o.lang = v;
		} else if ((v = value(argc, argv, &i, "--script"))) {
			o.script = v;
		} else {
			fprintf(stderr, "leerplek: unknown option '%s'\n%s", argv[i], usage);
			paths_finish(&paths);
			return 2;
		}
	}
	rc = kiosk_run(&o);
	paths_finish(&paths);
	return rc;
}
