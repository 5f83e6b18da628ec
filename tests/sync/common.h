/* Helpers shared by the sync tests: a seeded random generator, temporary
 * folders for terminals and sticks, and file walks (copy, remove, search). */
#ifndef LP_SYNC_TEST_COMMON_H
#define LP_SYNC_TEST_COMMON_H

#include "../../app/core/store.h"
#include "../../app/core/sync.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sodium.h>
#include <sqlite3.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* ---- splitmix64: small, fast, and the same sequence everywhere ---- */

struct rng {
	uint64_t x;
};

static inline uint64_t rng_next(struct rng *r)
{
	uint64_t z = (r->x += 0x9e3779b97f4a7c15ULL);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

/* 0 <= result < n (n > 0) */
static inline int rng_below(struct rng *r, int n)
{
	return (int)(rng_next(r) % (uint64_t)n);
}

static inline bool rng_chance(struct rng *r, int percent)
{
	return rng_below(r, 100) < percent;
}

/* A name no other learner has: 14 letters (valid for store_name_check),
 * random enough that a byte search for it means something. */
static inline void rng_name(struct rng *r, char out[16])
{
	out[0] = (char)('A' + rng_below(r, 26));
	for (int i = 1; i < 14; i++)
		out[i] = (char)('a' + rng_below(r, 26));
	out[14] = 0;
}

/* Whether needle occurs in data (memmem without _GNU_SOURCE). */
static inline bool test_contains(const uint8_t *data, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	if (!n || n > len)
		return n == 0;
	for (size_t i = 0; i + n <= len; i++)
		if (data[i] == (uint8_t)needle[0] && !memcmp(data + i, needle, n))
			return true;
	return false;
}

/* ---- folders ---- */

/* Where the tests make their folders: $LEERPLEK_SYNC_TMP, else /dev/shm
 * (tmpfs: fsync costs nothing, and the simulation is about logic, not
 * disks), else /tmp. */
static inline const char *test_tmp_base(void)
{
	const char *e = getenv("LEERPLEK_SYNC_TMP");
	if (e && *e)
		return e;
	if (access("/dev/shm", W_OK | X_OK) == 0)
		return "/dev/shm";
	return "/tmp";
}

static inline bool test_mkdtemp(char *out, size_t len, const char *tag)
{
	snprintf(out, len, "%s/lp-%s-XXXXXX", test_tmp_base(), tag);
	return mkdtemp(out) != NULL;
}

/* Removes a tree without following symlinks. */
static inline void test_rmtree(const char *path)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (d) {
			for (struct dirent *e; (e = readdir(d));) {
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				char sub[4096];
				if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= (int)sizeof sub)
					continue;
				test_rmtree(sub);
			}
			closedir(d);
		}
		rmdir(path);
	} else {
		unlink(path);
	}
}

/* Makes STICK/LEERPLEK. */
static inline bool test_stick(const char *stick)
{
	char lp[4200];
	snprintf(lp, sizeof lp, "%s/LEERPLEK", stick);
	return (mkdir(stick, 0755) == 0 || errno == EEXIST) && (mkdir(lp, 0755) == 0 || errno == EEXIST);
}

static inline uint8_t *test_read_all(const char *path, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
	struct stat st;
	if (fd < 0)
		return NULL;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return NULL;
	}
	uint8_t *p = malloc((size_t)st.st_size + 1);
	size_t n = 0;
	while (p && n < (size_t)st.st_size) {
		ssize_t r = read(fd, p + n, (size_t)st.st_size - n);
		if (r <= 0)
			break;
		n += (size_t)r;
	}
	close(fd);
	*len = n;
	return p;
}

static inline bool test_write_all(const char *path, const void *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0)
		return false;
	size_t n = 0;
	while (n < len) {
		ssize_t w = write(fd, (const uint8_t *)data + n, len - n);
		if (w <= 0)
			break;
		n += (size_t)w;
	}
	close(fd);
	return n == len;
}

static inline bool test_copy(const char *from, const char *to)
{
	size_t n = 0;
	uint8_t *p = test_read_all(from, &n);
	bool ok = p && test_write_all(to, p, n);
	free(p);
	return ok;
}

/* Calls fn for every regular file under path (no symlinks followed). */
typedef void (*test_file_fn)(void *ud, const char *path, const uint8_t *data, size_t len);
static inline void test_walk(const char *path, test_file_fn fn, void *ud)
{
	struct stat st;
	if (lstat(path, &st) != 0)
		return;
	if (S_ISDIR(st.st_mode)) {
		DIR *d = opendir(path);
		if (!d)
			return;
		for (struct dirent *e; (e = readdir(d));) {
			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			char sub[4096];
			if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= (int)sizeof sub)
				continue;
			test_walk(sub, fn, ud);
		}
		closedir(d);
	} else if (S_ISREG(st.st_mode)) {
		size_t n = 0;
		uint8_t *p = test_read_all(path, &n);
		if (p)
			fn(ud, path, p, n);
		free(p);
	}
}

/* The bundles (*.lpb) in STICK/LEERPLEK/sync, sorted by name; malloc'd
 * array of malloc'd names, count in *n. */
static int test_cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static inline char **test_bundles(const char *stick, int *n)
{
	char dir[4200];
	snprintf(dir, sizeof dir, "%s/LEERPLEK/sync", stick);
	*n = 0;
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **v = NULL;
	int cap = 0;
	for (struct dirent *e; (e = readdir(d));) {
		size_t l = strlen(e->d_name);
		if (l < 4 || strcmp(e->d_name + l - 4, ".lpb") != 0)
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 16;
			v = realloc(v, (size_t)cap * sizeof *v);
		}
		v[(*n)++] = strdup(e->d_name);
	}
	closedir(d);
	if (*n)
		qsort(v, (size_t)*n, sizeof *v, test_cmp_str);
	return v;
}

static inline void test_free_names(char **v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* Opens a bundle as app/core/sync.c writes it (its comment gives the
 * format), to look inside: the records in plain text, malloc'd, in *plain;
 * false when the file is not an authentic, whole bundle of this key. */
static inline bool test_bundle_open(const char *path, const uint8_t key[SYNC_KEY_BYTES], uint8_t **plain,
                                    size_t *plain_len)
{
	uint8_t mac_key[32], aead_key[crypto_aead_xchacha20poly1305_ietf_KEYBYTES];
	crypto_kdf_derive_from_key(mac_key, sizeof mac_key, 1, "LPsync01", key);
	crypto_kdf_derive_from_key(aead_key, sizeof aead_key, 2, "LPsync01", key);
	size_t len = 0;
	uint8_t *p = test_read_all(path, &len);
	*plain = NULL;
	bool ok = false;
	if (!p || len < 8 || memcmp(p, "LPB1", 4) != 0)
		goto out;
	uint32_t h = (uint32_t)p[4] | (uint32_t)p[5] << 8 | (uint32_t)p[6] << 16 | (uint32_t)p[7] << 24;
	if (h < 8 + crypto_aead_xchacha20poly1305_ietf_NPUBBYTES || (size_t)h + 40 > len)
		goto out;
	uint8_t mac[32];
	crypto_generichash(mac, sizeof mac, p, 8 + (size_t)h, mac_key, sizeof mac_key);
	if (sodium_memcmp(mac, p + 8 + h, 32) != 0)
		goto out;
	const uint8_t *nonce = p + 8 + h - crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
	size_t at = 8 + (size_t)h + 32;
	*plain = malloc(len - at + 1);
	unsigned long long n = 0;
	ok = *plain && crypto_aead_xchacha20poly1305_ietf_decrypt(*plain, &n, NULL, p + at, len - at, p, at, nonce,
	                                                          aead_key) == 0;
	*plain_len = (size_t)n;
out:
	if (!ok) {
		free(*plain);
		*plain = NULL;
	}
	free(p);
	return ok;
}

/* One row, one integer from SQL on a store ("SELECT count(*) ..."). */
static inline int64_t test_sql_int(struct store *s, const char *sql, const char *arg)
{
	sqlite3_stmt *st;
	int64_t v = -1;
	if (sqlite3_prepare_v2(store_db(s), sql, -1, &st, NULL) != SQLITE_OK)
		return -1;
	if (arg)
		sqlite3_bind_text(st, 1, arg, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* "ok" from PRAGMA quick_check, or the first problem. */
static inline bool test_quick_check(struct store *s, char *why, size_t len)
{
	sqlite3_stmt *st;
	snprintf(why, len, "could not run quick_check");
	if (sqlite3_prepare_v2(store_db(s), "PRAGMA quick_check", -1, &st, NULL) != SQLITE_OK)
		return false;
	bool ok = false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		const char *t = (const char *)sqlite3_column_text(st, 0);
		ok = t && !strcmp(t, "ok");
		snprintf(why, len, "%s", t ? t : "?");
	}
	sqlite3_finalize(st);
	return ok;
}

#endif
