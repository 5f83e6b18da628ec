/* Helpers shared by all layers. Allocation failure is treated as fatal:
 * a kiosk that cannot get a few bytes cannot do anything useful, and
 * aborting leaves the database consistent (every commit is atomic). */
#include "util.h"
#include "log.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p) {
		LOG(ERROR, "out of memory (%zu bytes)", n);
		abort();
	}
	return p;
}

char *util_strdup(const char *s)
{
	return util_strndup(s, strlen(s));
}

char *util_strndup(const char *s, size_t n)
{
	char *d = xmalloc(n + 1);
	memcpy(d, s, n);
	d[n] = 0;
	return d;
}

char *util_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}

char *util_path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);
	if (n && dir[n - 1] == '/')
		return util_printf("%s%s", dir, name);
	return util_printf("%s/%s", dir, name);
}

char *util_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return util_strdup(".");
	if (slash == path)
		return util_strdup("/");
	return util_strndup(path, (size_t)(slash - path));
}

bool util_ends_with(const char *s, const char *suffix)
{
	size_t a = strlen(s), b = strlen(suffix);
	return a >= b && memcmp(s + a - b, suffix, b) == 0;
}

char *util_read_file(const char *path, size_t max, size_t *len, char *err, size_t errlen)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		snprintf(err, errlen, "cannot open %s: %s", path, strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		snprintf(err, errlen, "%s is not a regular file", path);
		close(fd);
		return NULL;
	}
	if ((size_t)st.st_size > max) {
		snprintf(err, errlen, "%s is too large (%lld bytes, at most %zu)", path,
		         (long long)st.st_size, max);
		close(fd);
		return NULL;
	}
	char *buf = xmalloc((size_t)st.st_size + 1);
	size_t got = 0;
	while (got < (size_t)st.st_size) {
		ssize_t r = read(fd, buf + got, (size_t)st.st_size - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	buf[got] = 0;
	if (len)
		*len = got;
	return buf;
}

bool util_random_id(char out[LP_ID_LEN + 1])
{
	unsigned char raw[LP_ID_LEN / 2];
	size_t got = 0;
	while (got < sizeof raw) {
		ssize_t r = getrandom(raw + got, sizeof raw - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return false;
		got += (size_t)r;
	}
	static const char hex[] = "0123456789abcdef";
	for (size_t i = 0; i < sizeof raw; i++) {
		out[2 * i] = hex[raw[i] >> 4];
		out[2 * i + 1] = hex[raw[i] & 15];
	}
	out[LP_ID_LEN] = 0;
	return true;
}

int util_utf8_decode(const char *str, size_t n, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	if (n == 0) {
		*cp = 0;
		return 0;
	}
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	int len = (s[0] & 0xE0) == 0xC0 ? 2 : (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 0;
	if (len == 0 || (size_t)len > n)
		goto bad;
	uint32_t c = s[0] & (0x7F >> len);
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			goto bad;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if ((len == 2 && c < 0x80) || (len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		goto bad;
	*cp = c;
	return len;
bad:
	*cp = 0xFFFD;
	return 1;
}

size_t util_utf8_count(const char *s)
{
	size_t n = strlen(s), count = 0;
	uint32_t cp;
	for (size_t i = 0; i < n; count++)
		i += (size_t)util_utf8_decode(s + i, n - i, &cp);
	return count;
}

size_t util_utf8_last_len(const char *s, size_t n)
{
	size_t i = n;
	while (i > 0) {
		i--;
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			break;
	}
	return n - i;
}

bool util_mkdir_p(const char *dir, char *err, size_t errlen)
{
	char *p = util_strdup(dir);
	for (char *q = p + 1;; q++) {
		if (*q == '/' || *q == 0) {
			char c = *q;
			*q = 0;
			if (mkdir(p, 0700) != 0 && errno != EEXIST) {
				snprintf(err, errlen, "cannot create folder %s: %s", p, strerror(errno));
				free(p);
				return false;
			}
			*q = c;
			if (!c)
				break;
		}
	}
	free(p);
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
		snprintf(err, errlen, "%s is not a folder", dir);
		return false;
	}
	return true;
}

int64_t util_monotonic_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int64_t util_wall_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Arena: a chain of blocks; reset keeps the first block (grown to the
 * largest total seen) so a steady-state frame allocates nothing. */
struct arena_block {
	struct arena_block *next;
	size_t cap, used;
	_Alignas(16) unsigned char data[];
};

void arena_init(struct arena *a)
{
	a->head = NULL;
	a->used_total = 0;
}

void arena_finish(struct arena *a)
{
	for (struct arena_block *b = a->head, *n; b; b = n) {
		n = b->next;
		free(b);
	}
	a->head = NULL;
}

void arena_reset(struct arena *a)
{
	size_t want = a->used_total;
	if (a->head && a->head->next) {
		arena_finish(a);
		struct arena_block *b = xmalloc(sizeof *b + want);
		b->next = NULL;
		b->cap = want;
		b->used = 0;
		a->head = b;
	} else if (a->head) {
		a->head->used = 0;
	}
	a->used_total = 0;
}

void *arena_alloc(struct arena *a, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	if (!a->head || a->head->cap - a->head->used < n) {
		size_t cap = n > 65536 ? n : 65536;
		struct arena_block *b = xmalloc(sizeof *b + cap);
		b->next = a->head;
		b->cap = cap;
		b->used = 0;
		a->head = b;
	}
	void *p = a->head->data + a->head->used;
	a->head->used += n;
	a->used_total += n;
	return p;
}

char *arena_strdup(struct arena *a, const char *s)
{
	size_t n = strlen(s);
	char *d = arena_alloc(a, n + 1);
	memcpy(d, s, n + 1);
	return d;
}

char *arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	char *s = arena_alloc(a, (size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(s, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return s;
}
