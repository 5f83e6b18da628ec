/* Finding our files. LP_BUILD_ROOT and friends come from config.h, written
 * by meson. */
#include "paths.h"
#include "../core/util.h"
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static bool in_build_tree(void)
{
	char exe[4096];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return false;
	exe[n] = 0;
	size_t b = strlen(LP_BUILD_ROOT);
	return strncmp(exe, LP_BUILD_ROOT, b) == 0 && exe[b] == '/';
}

void paths_init(struct paths *p)
{
	if (in_build_tree()) {
		p->assets = util_strdup(LP_SOURCE_ROOT "/assets");
		p->lessons = util_strdup(LP_SOURCE_ROOT "/lessons");
		p->locale = util_strdup(LP_BUILD_ROOT "/assets/po");
	} else {
		p->assets = util_strdup(LP_DATADIR "/assets");
		p->lessons = util_strdup(LP_DATADIR "/lessons");
		p->locale = util_strdup(LP_LOCALEDIR);
	}
	const char *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		p->default_data = util_path_join(xdg, "leerplek");
	else if (home && home[0])
		p->default_data = util_printf("%s/.local/share/leerplek", home);
	else
		p->default_data = util_strdup("/var/lib/leerplek");
}

void paths_finish(struct paths *p)
{
	free(p->assets);
	free(p->lessons);
	free(p->locale);
	free(p->default_data);
}
