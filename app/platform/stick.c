/* USB sticks: mountinfo parsing, the watcher thread and the sync thread;
 * see stick.h. Both threads own nothing the event loop touches except
 * through their mutex: the loop takes changes and status when woken.
 *
 * The kernel flags /proc/self/mountinfo with POLLPRI (and POLLERR) when the
 * mount table changes; a poll() that reports it also takes the flag down,
 * so the watcher sleeps in poll() with no timeout and re-reads the whole
 * file from the start after each wake. */
#include "stick.h"
#include "../core/log.h"
#include "../core/store.h"
#include "../core/util.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <sodium.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* ---- mountinfo ---- */

void stick_unescape(char *s)
{
	char *w = s;
	for (const char *r = s; *r;) {
		if (r[0] == '\\' && r[1] >= '0' && r[1] <= '3' && r[2] >= '0' && r[2] <= '7' && r[3] >= '0' && r[3] <= '7') {
			int v = (r[1] - '0') * 64 + (r[2] - '0') * 8 + (r[3] - '0');
			if (v != 0) {
				*w++ = (char)v;
				r += 4;
				continue;
			}
		}
		*w++ = *r++;
	}
	*w = 0;
}

bool stick_fstype_removable(const char *t)
{
	return !strcmp(t, "vfat") || !strcmp(t, "exfat") || !strcmp(t, "msdos") || !strcmp(t, "fuseblk") ||
	       !strcmp(t, "fuse") || !strncmp(t, "fuse.", 5);
}

bool stick_has_folder(const char *dir)
{
	char *p = util_path_join(dir, STICK_FOLDER);
	struct stat st;
	bool ok = lstat(p, &st) == 0 && S_ISDIR(st.st_mode);
	free(p);
	return ok;
}

/* The next space-separated field of a line, or NULL. */
static char *field(char **p)
{
	while (**p == ' ')
		(*p)++;
	if (!**p)
		return NULL;
	char *start = *p;
	while (**p && **p != ' ')
		(*p)++;
	if (**p)
		*(*p)++ = 0;
	return start;
}

/* One line: ID PARENT MAJ:MIN ROOT MOUNT_POINT OPTIONS [OPTIONAL...] - FSTYPE SOURCE SUPER */
static bool parse_line(char *line, struct stick_mount *m)
{
	char *p = line, *f[5];
	for (int i = 0; i < 5; i++)
		if (!(f[i] = field(&p)))
			return false;
	char *end;
	long id = strtol(f[0], &end, 10);
	if (*end || id < 0 || id > 0x7fffffff)
		return false;
	char *x;
	while ((x = field(&p)) && strcmp(x, "-"))
		; /* options and optional fields up to the separator */
	char *type = x ? field(&p) : NULL;
	if (!type)
		return false;
	stick_unescape(f[4]);
	stick_unescape(type);
	m->id = (int)id;
	m->dir = util_strdup(f[4]);
	m->fstype = util_strdup(type);
	return m->dir && m->fstype;
}

bool stick_parse_mountinfo(const char *text, struct stick_mounts *out)
{
	*out = (struct stick_mounts){0};
	int cap = 0;
	const char *p = text;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char *line = util_strndup(p, len);
		if (!line)
			goto oom;
		struct stick_mount m = {0};
		if (parse_line(line, &m)) {
			if (out->n == cap) {
				cap = cap ? cap * 2 : 32;
				struct stick_mount *v = realloc(out->v, (size_t)cap * sizeof *v);
				if (!v) {
					free(m.dir);
					free(m.fstype);
					free(line);
					goto oom;
				}
				out->v = v;
			}
			out->v[out->n++] = m;
		} else {
			free(m.dir);
			free(m.fstype);
		}
		free(line);
		p += len;
		if (*p == '\n')
			p++;
	}
	return true;
oom:
	stick_mounts_free(out);
	return false;
}

void stick_mounts_free(struct stick_mounts *m)
{
	for (int i = 0; i < m->n; i++) {
		free(m->v[i].dir);
		free(m->v[i].fstype);
	}
	free(m->v);
	*m = (struct stick_mounts){0};
}

static bool has_id(const struct stick_mounts *m, int id)
{
	for (int i = 0; i < m->n; i++)
		if (m->v[i].id == id)
			return true;
	return false;
}

static int add_change(struct stick_change **out, int n, enum stick_change_kind kind, const char *dir)
{
	struct stick_change *v = realloc(*out, (size_t)(n + 1) * sizeof *v);
	if (!v)
		return n;
	*out = v;
	v[n] = (struct stick_change){.kind = kind, .dir = util_strdup(dir)};
	return n + 1;
}

int stick_diff(const struct stick_mounts *before, const struct stick_mounts *after, struct stick_change **out, int n)
{
	for (int i = 0; i < before->n; i++)
		if (stick_fstype_removable(before->v[i].fstype) && !has_id(after, before->v[i].id))
			n = add_change(out, n, STICK_REMOVED, before->v[i].dir);
	for (int i = 0; i < after->n; i++)
		if (stick_fstype_removable(after->v[i].fstype) && !has_id(before, after->v[i].id) &&
		    stick_has_folder(after->v[i].dir))
			n = add_change(out, n, STICK_INSERTED, after->v[i].dir);
	return n;
}

void stick_changes_free(struct stick_change *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].dir);
	free(v);
}

/* ---- the watcher ---- */

struct stick_watcher {
	int fd;
	int stop[2]; /* a byte in stop[1] ends the thread */
	pthread_t thread;
	stick_wake_fn wake;
	void *ud;
	pthread_mutex_t mu;
	struct stick_mounts seen;     /* the mounts last read (guarded by mu) */
	int *boot_ids, n_boot;        /* mounted before watching began: never offered for "sync now" */
	struct stick_change *changes; /* not yet taken (guarded by mu) */
	int n_changes;
};

/* The whole file from its start; mountinfo can only be read in one go
 * per open position, and a mount table can be large. */
static char *read_all(int fd)
{
	if (lseek(fd, 0, SEEK_SET) < 0)
		return NULL;
	size_t cap = 16384, len = 0;
	char *buf = malloc(cap);
	while (buf) {
		if (len + 1 >= cap) {
			if (cap > (64u << 20)) {
				free(buf);
				return NULL;
			}
			char *b = realloc(buf, cap * 2);
			if (!b) {
				free(buf);
				return NULL;
			}
			buf = b;
			cap *= 2;
		}
		ssize_t r = read(fd, buf + len, cap - len - 1);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			free(buf);
			return NULL;
		}
		if (r == 0)
			break;
		len += (size_t)r;
	}
	if (buf)
		buf[len] = 0;
	return buf;
}

static bool read_mounts(int fd, struct stick_mounts *out)
{
	char *text = read_all(fd);
	bool ok = text && stick_parse_mountinfo(text, out);
	free(text);
	return ok;
}

static void *watch_main(void *arg)
{
	struct stick_watcher *w = arg;
	for (;;) {
		struct pollfd pfd[2] = {{.fd = w->fd, .events = POLLPRI}, {.fd = w->stop[0], .events = POLLIN}};
		if (poll(pfd, 2, -1) < 0) {
			if (errno == EINTR)
				continue;
			LOG(ERROR, "watching for USB sticks stopped: %s", strerror(errno));
			break;
		}
		if (pfd[1].revents)
			break;
		if (!(pfd[0].revents & (POLLPRI | POLLERR)))
			continue;
		struct stick_mounts now;
		if (!read_mounts(w->fd, &now)) {
			LOG(WARN, "cannot read the mount table: %s", strerror(errno));
			continue;
		}
		/* lstat of a new mount may wait on the device: done here, not in
		 * the event loop, and not under the mutex. */
		pthread_mutex_lock(&w->mu);
		struct stick_mounts before = w->seen;
		w->seen = (struct stick_mounts){0};
		pthread_mutex_unlock(&w->mu);
		struct stick_change *found = NULL;
		int n = stick_diff(&before, &now, &found, 0);
		stick_mounts_free(&before);
		pthread_mutex_lock(&w->mu);
		w->seen = now;
		for (int i = 0; i < n; i++) {
			LOG(INFO, "stick %s: %s", found[i].kind == STICK_INSERTED ? "found" : "gone", found[i].dir);
			w->n_changes = add_change(&w->changes, w->n_changes, found[i].kind, found[i].dir);
		}
		pthread_mutex_unlock(&w->mu);
		stick_changes_free(found, n);
		if (n)
			w->wake(w->ud);
	}
	return NULL;
}

struct stick_watcher *stick_watcher_start(const char *mountinfo, stick_wake_fn wake, void *ud, char *err,
                                          size_t errlen)
{
	struct stick_watcher *w = calloc(1, sizeof *w);
	if (!w) {
		snprintf(err, errlen, "out of memory");
		return NULL;
	}
	w->stop[0] = w->stop[1] = -1;
	w->wake = wake;
	w->ud = ud;
	w->fd = open(mountinfo, O_RDONLY | O_CLOEXEC);
	if (w->fd < 0 || pipe(w->stop) != 0 || !read_mounts(w->fd, &w->seen)) {
		snprintf(err, errlen, "cannot watch %s for USB sticks: %s", mountinfo, strerror(errno));
		goto fail;
	}
	/* An EFI partition is vfat too: what was mounted when the kiosk
	 * started is the machine's own, not a stick a supervisor brought. */
	w->boot_ids = calloc((size_t)w->seen.n + 1, sizeof *w->boot_ids);
	if (!w->boot_ids) {
		snprintf(err, errlen, "out of memory");
		goto fail;
	}
	for (int i = 0; i < w->seen.n; i++)
		w->boot_ids[w->n_boot++] = w->seen.v[i].id;
	fcntl(w->stop[0], F_SETFD, FD_CLOEXEC);
	fcntl(w->stop[1], F_SETFD, FD_CLOEXEC);
	pthread_mutex_init(&w->mu, NULL);
	if (pthread_create(&w->thread, NULL, watch_main, w) != 0) {
		snprintf(err, errlen, "cannot start watching for USB sticks");
		pthread_mutex_destroy(&w->mu);
		goto fail;
	}
	return w;
fail:
	free(w->boot_ids);
	stick_mounts_free(&w->seen);
	if (w->fd >= 0)
		close(w->fd);
	if (w->stop[0] >= 0) {
		close(w->stop[0]);
		close(w->stop[1]);
	}
	free(w);
	return NULL;
}

int stick_watcher_take(struct stick_watcher *w, struct stick_change **out)
{
	pthread_mutex_lock(&w->mu);
	*out = w->changes;
	int n = w->n_changes;
	w->changes = NULL;
	w->n_changes = 0;
	pthread_mutex_unlock(&w->mu);
	return n;
}

char *stick_watcher_any(struct stick_watcher *w, bool *has_folder)
{
	char *dir = NULL;
	*has_folder = false;
	pthread_mutex_lock(&w->mu);
	struct stick_mounts m = {0};
	/* A copy, so lstat runs outside the lock. */
	for (int i = 0; i < w->seen.n; i++) {
		bool boot = false;
		for (int k = 0; k < w->n_boot && !boot; k++)
			boot = w->boot_ids[k] == w->seen.v[i].id;
		if (!boot && stick_fstype_removable(w->seen.v[i].fstype)) {
			struct stick_mount *v = realloc(m.v, (size_t)(m.n + 1) * sizeof *v);
			if (!v)
				break;
			m.v = v;
			m.v[m.n++] = (struct stick_mount){.dir = util_strdup(w->seen.v[i].dir), .fstype = util_strdup("")};
		}
	}
	pthread_mutex_unlock(&w->mu);
	for (int i = 0; i < m.n && !*has_folder; i++) {
		if (stick_has_folder(m.v[i].dir)) {
			free(dir);
			dir = util_strdup(m.v[i].dir);
			*has_folder = true;
		} else if (!dir) {
			dir = util_strdup(m.v[i].dir);
		}
	}
	stick_mounts_free(&m);
	return dir;
}

void stick_watcher_stop(struct stick_watcher *w)
{
	if (!w)
		return;
	if (write(w->stop[1], "q", 1) != 1)
		LOG(WARN, "cannot stop the stick watcher");
	pthread_join(w->thread, NULL);
	pthread_mutex_destroy(&w->mu);
	close(w->fd);
	close(w->stop[0]);
	close(w->stop[1]);
	stick_mounts_free(&w->seen);
	stick_changes_free(w->changes, w->n_changes);
	free(w->boot_ids);
	free(w);
}

/* ---- the sync thread ---- */

struct stick_sync {
	char *data_dir, *stick_dir;
	int delay_ms;
	stick_wake_fn wake;
	void *ud;
	pthread_t thread;
	atomic_bool cancel;
	pthread_mutex_t mu;
	struct stick_status st; /* guarded by mu */
	bool finished;          /* guarded by mu */
	int64_t last_wake_ms;   /* the sync thread's own */
};

static bool on_progress(void *ud, const struct sync_progress *p)
{
	struct stick_sync *s = ud;
	pthread_mutex_lock(&s->mu);
	bool phase_changed = s->st.progress.phase != p->phase;
	s->st.progress = *p;
	pthread_mutex_unlock(&s->mu);
	/* At most ten wake-ups a second: a stick with many bundles must not
	 * flood the event queue. */
	int64_t now = util_monotonic_ms();
	if (phase_changed || now - s->last_wake_ms >= 100) {
		s->last_wake_ms = now;
		s->wake(s->ud);
	}
	return !atomic_load(&s->cancel);
}

static void on_reject(void *ud, const char *name, enum sync_reject why)
{
	struct stick_sync *s = ud;
	LOG(INFO, "stick: %s not used: %s", name, sync_reject_text(why)); /* the engine warns too */
	pthread_mutex_lock(&s->mu);
	if (why == SYNC_REJECT_FOREIGN)
		s->st.rejected_foreign++;
	else if (why == SYNC_REJECT_DAMAGED || why == SYNC_REJECT_TRUNCATED)
		s->st.rejected_damaged++;
	else
		s->st.rejected_other++;
	pthread_mutex_unlock(&s->mu);
}

static void finish(struct stick_sync *s, enum stick_outcome outcome, const struct sync_summary *sum, const char *msg)
{
	pthread_mutex_lock(&s->mu);
	s->st.outcome = outcome;
	if (sum)
		s->st.sum = *sum;
	/* Cut where it must be: a message for a person, not data. */
	size_t n = msg ? strlen(msg) : 0;
	if (n >= sizeof s->st.message)
		n = sizeof s->st.message - 1;
	if (n)
		memcpy(s->st.message, msg, n);
	s->st.message[n] = 0;
	s->st.progress.phase = SYNC_DONE;
	s->finished = true;
	pthread_mutex_unlock(&s->mu);
	s->wake(s->ud);
}

static void *sync_main(void *arg)
{
	struct stick_sync *s = arg;
	for (int64_t end = util_monotonic_ms() + s->delay_ms; util_monotonic_ms() < end && !atomic_load(&s->cancel);) {
		struct timespec ts = {0, 10 * 1000000L};
		nanosleep(&ts, NULL);
	}
	if (atomic_load(&s->cancel)) {
		finish(s, STICK_CANCELLED, NULL, NULL);
		return NULL;
	}
	char err[600];
	/* Its own connection: SQLite in WAL lets it write while the screens
	 * read and write on theirs. */
	struct store *st = store_open(s->data_dir, err, sizeof err);
	if (!st) {
		finish(s, STICK_FAILED, NULL, err);
		return NULL;
	}
	uint8_t key[SYNC_KEY_BYTES];
	if (!sync_org_load(st, key)) {
		store_destroy(st);
		finish(s, STICK_NO_ORG, NULL, NULL);
		return NULL;
	}
	struct sync_options opt = {.progress = on_progress, .reject = on_reject, .ud = s};
	struct sync_summary sum = {0};
	LOG(INFO, "stick: sync with %s", s->stick_dir);
	bool ok = sync_run(st, s->stick_dir, key, &opt, &sum);
	sodium_memzero(key, sizeof key);
	store_destroy(st);
	if (atomic_load(&s->cancel))
		finish(s, STICK_CANCELLED, &sum, sum.message);
	else
		finish(s, ok ? STICK_DONE : STICK_FAILED, &sum, sum.message);
	return NULL;
}

struct stick_sync *stick_sync_start(const char *data_dir, const char *stick_dir, int delay_ms, stick_wake_fn wake,
                                    void *ud)
{
	struct stick_sync *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->data_dir = util_strdup(data_dir);
	s->stick_dir = util_strdup(stick_dir);
	s->delay_ms = delay_ms > 0 ? delay_ms : 0;
	s->wake = wake;
	s->ud = ud;
	s->st.outcome = STICK_RUNNING;
	s->st.progress.phase = SYNC_LOOKING;
	atomic_init(&s->cancel, false);
	pthread_mutex_init(&s->mu, NULL);
	if (pthread_create(&s->thread, NULL, sync_main, s) != 0) {
		pthread_mutex_destroy(&s->mu);
		free(s->data_dir);
		free(s->stick_dir);
		free(s);
		return NULL;
	}
	return s;
}

bool stick_sync_status(struct stick_sync *s, struct stick_status *out)
{
	pthread_mutex_lock(&s->mu);
	*out = s->st;
	bool done = s->finished;
	pthread_mutex_unlock(&s->mu);
	return done;
}

void stick_sync_cancel(struct stick_sync *s)
{
	atomic_store(&s->cancel, true);
}

void stick_sync_destroy(struct stick_sync *s)
{
	if (!s)
		return;
	stick_sync_cancel(s);
	pthread_join(s->thread, NULL);
	pthread_mutex_destroy(&s->mu);
	free(s->data_dir);
	free(s->stick_dir);
	free(s);
}
