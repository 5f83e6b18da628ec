/* Script mode (SPEC.md): a text file of commands played against the real
 * application after each frame settles. */
#ifndef LP_SCRIPT_H
#define LP_SCRIPT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct kiosk;
struct script;

enum script_status {
	SCRIPT_RAN,    /* a command ran; let a frame settle, then call again */
	SCRIPT_WAIT,   /* call again at *wake_at (or after any event) */
	SCRIPT_DONE,   /* quit or end of file: exit 0 */
	SCRIPT_FAILED, /* message printed; exit 1 */
};

struct script *script_load(const char *path, char *err, size_t errlen);
void script_destroy(struct script *s);
enum script_status script_step(struct script *s, struct kiosk *k, int64_t now_ms, int64_t *wake_at);
/* Where script-failure.png goes: beside the last shot or dump, else the
 * current folder. Caller frees. */
char *script_failure_path(const struct script *s);

/* Parses one line into words (quotes and \" \\ escapes); exposed for the
 * unit tests. Returns the number of words, or -1 with a message. */
int script_split(const char *line, char **words, int max, char *err, size_t errlen);

#endif
