/* Where the program finds its assets, bundled lessons and translations:
 * beside the source tree when run from its build folder, else where
 * `meson install` put them. */
#ifndef LP_PATHS_H
#define LP_PATHS_H

struct paths {
	char *assets;
	char *lessons;
	char *locale;
	char *default_data; /* $XDG_DATA_HOME/leerplek */
};

void paths_init(struct paths *p);
void paths_finish(struct paths *p);

#endif
