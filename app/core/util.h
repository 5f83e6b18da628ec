/* Small helpers every layer uses: strings, files, ids, UTF-8, arenas. */
#ifndef LP_UTIL_H
#define LP_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define LP_ID_LEN 32 /* 128 random bits as lower-case hex */

char *util_strdup(const char *s);
char *util_strndup(const char *s, size_t n);
char *util_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *util_path_join(const char *dir, const char *name);
char *util_dirname(const char *path);
bool util_ends_with(const char *s, const char *suffix);

/* Reads a whole file of at most max bytes; NUL-terminated. On failure
 * returns NULL and writes a message a person can act on into err. */
char *util_read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen);

/* Fills out with LP_ID_LEN hex characters and a NUL from the kernel's
 * random source. */
bool util_random_id(char out[LP_ID_LEN + 1]);

/* Number of code points in a UTF-8 string (invalid bytes count as one). */
size_t util_utf8_count(const char *s);
/* Decodes one code point at s (at most n bytes); returns its length, or 1
 * with U+FFFD for an invalid sequence. */
int util_utf8_decode(const char *s, size_t n, uint32_t *cp);
/* Byte length of the last code point in s[0..n). */
size_t util_utf8_last_len(const char *s, size_t n);

/* Makes dir and its parents (mode 0700 for new ones). */
bool util_mkdir_p(const char *dir, char *err, size_t errlen);

/* Monotonic milliseconds and wall-clock seconds. */
int64_t util_monotonic_ms(void);
int64_t util_wall_ms(void);

/* A bump allocator for memory that lives one frame. */
struct arena_block;
struct arena {
	struct arena_block *head;
	size_t used_total;
};
void arena_init(struct arena *a);
void arena_finish(struct arena *a);
void arena_reset(struct arena *a);
void *arena_alloc(struct arena *a, size_t n);
char *arena_strdup(struct arena *a, const char *s);
char *arena_printf(struct arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

#endif
