/* bench-startup: how long the kiosk takes to show its first frame, what it
 * costs while it sits idle, and how much memory it peaks at.
 *
 * Each run gets a fresh, empty data directory (so the store is created from
 * nothing, as on a new kiosk), is started with LEERPLEK_BENCH=1 and timed from
 * just before execv() to the "first-frame-ns N" line the program writes on
 * stderr. Both ends read CLOCK_MONOTONIC, which is system-wide, so the two
 * times can be subtracted. The start time is taken in the child itself, right
 * before execv(), and handed back through a shared page, so fork() is not
 * counted.
 *
 * Idle cost is the utime+stime delta of /proc/PID/stat over the idle window.
 * That file counts all threads, but only in clock ticks (usually 10 ms), so
 * the context switches of all threads are counted too: a program that wakes
 * 60 times a second for almost nothing shows up there long before it shows
 * up in ticks.
 *
 * Figures only: it never judges a time. It exits non-zero only when the
 * program fails to start, crashes or does not end cleanly on SIGTERM.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { MIN_RUNS = 5, FIRST_FRAME_TIMEOUT_MS = 60000, TERM_TIMEOUT_MS = 10000, TAIL_LINES = 12 };

struct run {
	double startup_ms;    /* execv() to first frame presented */
	double startup_cpu_ms; /* CPU used up to (just after) the first frame */
	double idle_cpu_ms;
	double idle_cpu_pct;  /* of one core */
	double idle_switches; /* context switches, all threads, during idle */
	double maxrss_mb;
	int status;           /* from wait4 */
	char gl[32];          /* the Mesa driver mapped at the first frame, or "-" */
	bool started;         /* reached its first frame */
};

/* The last lines the program wrote on stderr, shown when it fails. */
struct tail {
	char line[TAIL_LINES][256];
	int next, count;
	char partial[256];
	size_t plen;
};

static int64_t now_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static void tail_push(struct tail *t, const char *s)
{
	snprintf(t->line[t->next], sizeof t->line[0], "%s", s);
	t->next = (t->next + 1) % TAIL_LINES;
	if (t->count < TAIL_LINES)
		t->count++;
}

static void tail_print(const struct tail *t)
{
	for (int i = 0; i < t->count; i++) {
		int k = (t->next - t->count + i + TAIL_LINES) % TAIL_LINES;
		fprintf(stderr, "    | %s\n", t->line[k]);
	}
	if (t->plen)
		fprintf(stderr, "    | %.*s\n", (int)t->plen, t->partial);
}

/* Feeds bytes read from the child's stderr; returns true and sets *ns when a
 * first-frame-ns line completes. Over-long lines are cut, not split. */
static bool feed(struct tail *t, const char *buf, size_t n, int64_t *ns)
{
	bool found = false;
	for (size_t i = 0; i < n; i++) {
		if (buf[i] != '\n') {
			if (t->plen < sizeof t->partial - 1)
				t->partial[t->plen++] = buf[i];
			continue;
		}
		t->partial[t->plen] = 0;
		long long v;
		char end;
		if (sscanf(t->partial, "first-frame-ns %lld%c", &v, &end) == 1) {
			*ns = v;
			found = true;
		} else {
			tail_push(t, t->partial);
		}
		t->plen = 0;
	}
	return found;
}

/* Reads what is there (waiting at most timeout_ms); false at end of file. */
static bool drain(int fd, int timeout_ms, struct tail *t, int64_t *ns, bool *found)
{
	struct pollfd p = {.fd = fd, .events = POLLIN};
	int r = poll(&p, 1, timeout_ms);
	if (r < 0)
		return errno == EINTR;
	if (r == 0)
		return true;
	char buf[4096];
	ssize_t n = read(fd, buf, sizeof buf);
	if (n < 0)
		return errno == EINTR || errno == EAGAIN;
	if (n == 0)
		return false;
	if (feed(t, buf, (size_t)n, ns))
		*found = true;
	return true;
}

/* utime+stime of the whole process, in clock ticks; -1 if it is gone. */
static long long cpu_ticks(pid_t pid)
{
	char path[64], buf[2048];
	snprintf(path, sizeof path, "/proc/%d/stat", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return -1;
	size_t n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = 0;
	/* The command name is in parentheses and may hold spaces or ')'. */
	char *p = strrchr(buf, ')');
	if (!p)
		return -1;
	unsigned long long ut, st;
	/* After ")": state(3) ppid pgrp session tty_nr tpgid flags minflt
	 * cminflt majflt cmajflt utime(14) stime(15). */
	if (sscanf(p + 1, " %*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu", &ut, &st) != 2)
		return -1;
	return (long long)(ut + st);
}

/* Voluntary plus involuntary context switches summed over all threads. */
static long long switches(pid_t pid)
{
	char path[64];
	snprintf(path, sizeof path, "/proc/%d/task", (int)pid);
	DIR *d = opendir(path);
	if (!d)
		return -1;
	long long total = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char file[512], line[256];
		snprintf(file, sizeof file, "%s/%s/status", path, e->d_name);
		FILE *f = fopen(file, "r");
		if (!f)
			continue; /* the thread ended meanwhile */
		while (fgets(line, sizeof line, f)) {
			long long v;
			if (sscanf(line, "voluntary_ctxt_switches: %lld", &v) == 1 ||
			    sscanf(line, "nonvoluntary_ctxt_switches: %lld", &v) == 1)
				total += v;
		}
		fclose(f);
	}
	closedir(d);
	return total;
}

/* Which renderer SDL picked is not printed by the program, but an OpenGL
 * one maps a Mesa driver (swrast_dri.so, that is llvmpipe here, or
 * libgallium-*.so on newer Mesa); the software renderer maps none. */
static void gl_driver(pid_t pid, char *out, size_t size)
{
	char path[64], line[1024];
	snprintf(out, size, "-");
	snprintf(path, sizeof path, "/proc/%d/maps", (int)pid);
	FILE *f = fopen(path, "r");
	if (!f)
		return;
	bool gl = false;
	while (fgets(line, sizeof line, f)) {
		line[strcspn(line, "\n")] = 0;
		char *file = strrchr(line, '/');
		if (!file)
			continue;
		file++;
		size_t n = strlen(file);
		if ((n > 7 && !strcmp(file + n - 7, "_dri.so")) || !strncmp(file, "libgallium", 10)) {
			snprintf(out, size, "%.*s", (int)strcspn(file, "."), file);
			break;
		}
		if (!strncmp(file, "libGLX_mesa", 11) || !strncmp(file, "libEGL_mesa", 11))
			gl = true;
	}
	fclose(f);
	if (gl && !strcmp(out, "-"))
		snprintf(out, size, "mesa");
}

/* Removes dir and everything under it, not following symbolic links. */
static void rm_tree_at(int parent, const char *name)
{
	int fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (fd >= 0) {
		DIR *d = fdopendir(fd);
		if (d) {
			struct dirent *e;
			while ((e = readdir(d))) {
				if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
					continue;
				if (unlinkat(fd, e->d_name, 0) != 0)
					rm_tree_at(fd, e->d_name); /* a directory (EISDIR/EPERM) */
			}
			closedir(d);
		} else {
			close(fd);
		}
	}
	if (unlinkat(parent, name, AT_REMOVEDIR) != 0 && unlinkat(parent, name, 0) != 0)
		fprintf(stderr, "bench-startup: cannot remove %s: %s\n", name, strerror(errno));
}

static void rm_tree(const char *dir)
{
	rm_tree_at(AT_FDCWD, dir);
}

static void describe_status(int status, char *out, size_t size)
{
	if (WIFEXITED(status))
		snprintf(out, size, "exit %d", WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		snprintf(out, size, "killed by signal %d (%s)%s", WTERMSIG(status), strsignal(WTERMSIG(status)),
		         WCOREDUMP(status) ? ", core dumped" : "");
	else
		snprintf(out, size, "status 0x%x", status);
}

/* Waits up to timeout_ms for the child; true when it was reaped. */
static bool reap(pid_t pid, int timeout_ms, int *status, struct rusage *ru)
{
	int64_t end = now_ns() + (int64_t)timeout_ms * 1000000;
	for (;;) {
		pid_t r = wait4(pid, status, WNOHANG, ru);
		if (r == pid)
			return true;
		if (r < 0 && errno != EINTR)
			return false;
		if (now_ns() >= end)
			return false;
		nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
	}
}

/* One run; false when the program failed to start, crashed or ended badly.
 * Fills *r as far as it got. */
static bool run_once(int index, char **argv, int argc, double idle_s, struct run *r)
{
	bool ok = false;
	long tick = sysconf(_SC_CLK_TCK);
	struct tail tail = {0};
	char dir[] = "/tmp/leerplek-bench-XXXXXX";
	const char *tmp = getenv("TMPDIR");
	char dirbuf[4096];
	if (tmp && tmp[0] == '/') {
		snprintf(dirbuf, sizeof dirbuf, "%s/leerplek-bench-XXXXXX", tmp);
	} else {
		snprintf(dirbuf, sizeof dirbuf, "%s", dir);
	}
	if (!mkdtemp(dirbuf)) {
		fprintf(stderr, "bench-startup: cannot make a temporary directory %s: %s\n", dirbuf, strerror(errno));
		return false;
	}

	/* argv: program, pass-through args, --data DIR, NULL */
	char **cargv = calloc((size_t)argc + 3, sizeof *cargv);
	int64_t *t0 = mmap(NULL, sizeof *t0, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	int err_pipe[2] = {-1, -1};
	pid_t pid = -1;
	if (!cargv || t0 == MAP_FAILED) {
		fprintf(stderr, "bench-startup: out of memory\n");
		goto out;
	}
	for (int i = 0; i < argc; i++)
		cargv[i] = argv[i];
	cargv[argc] = "--data";
	cargv[argc + 1] = dirbuf;
	*t0 = 0;
	/* Close-on-exec both ends: only the dup2()ed copy reaches the program. */
	if (pipe(err_pipe) != 0 || fcntl(err_pipe[0], F_SETFD, FD_CLOEXEC) != 0 ||
	    fcntl(err_pipe[1], F_SETFD, FD_CLOEXEC) != 0) {
		fprintf(stderr, "bench-startup: pipe: %s\n", strerror(errno));
		goto out;
	}
	fflush(NULL);
	pid = fork();
	if (pid < 0) {
		fprintf(stderr, "bench-startup: fork: %s\n", strerror(errno));
		goto out;
	}
	if (pid == 0) {
		/* The child gets a clean signal state: the kiosk blocks and waits
		 * for SIGTERM itself, and must not inherit anything of ours. */
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		signal(SIGPIPE, SIG_DFL);
		int null = open("/dev/null", O_RDWR);
		if (null >= 0) {
			dup2(null, STDIN_FILENO);
			dup2(null, STDOUT_FILENO);
		}
		dup2(err_pipe[1], STDERR_FILENO);
		setenv("LEERPLEK_BENCH", "1", 1);
		*t0 = now_ns();
		execv(cargv[0], cargv);
		dprintf(STDERR_FILENO, "bench-startup: cannot run %s: %s\n", cargv[0], strerror(errno));
		_exit(127);
	}
	close(err_pipe[1]);
	err_pipe[1] = -1;

	/* Up to the first frame. */
	int64_t frame_ns = 0;
	bool found = false, open_pipe = true;
	int64_t deadline = now_ns() + (int64_t)FIRST_FRAME_TIMEOUT_MS * 1000000;
	while (!found && open_pipe) {
		int64_t left = (deadline - now_ns()) / 1000000;
		if (left <= 0)
			break;
		open_pipe = drain(err_pipe[0], left > 1000 ? 1000 : (int)left, &tail, &frame_ns, &found);
	}
	long long c_start = cpu_ticks(pid), s_start = switches(pid);
	if (!found) {
		fprintf(stderr, "bench-startup: run %d: %s\n", index,
		        open_pipe ? "no first frame within 60 s" : "the program ended before its first frame");
		goto stop;
	}
	r->started = true;
	r->startup_ms = (double)(frame_ns - *t0) / 1e6;
	r->startup_cpu_ms = c_start >= 0 ? (double)c_start * 1000.0 / (double)tick : -1;
	gl_driver(pid, r->gl, sizeof r->gl);

	/* Idle: keep reading stderr so the program never blocks on a full pipe. */
	int64_t idle_start = now_ns(), idle_end = idle_start + (int64_t)(idle_s * 1e9);
	while (open_pipe) {
		int64_t left = (idle_end - now_ns()) / 1000000;
		if (left <= 0)
			break;
		open_pipe = drain(err_pipe[0], (int)(left > 1000 ? 1000 : left), &tail, &frame_ns, &found);
	}
	if (!open_pipe) {
		/* stderr closed: it ended (or closed stderr) while idle. */
		int64_t left = (idle_end - now_ns()) / 1000000;
		if (left > 0)
			nanosleep(&(struct timespec){.tv_sec = left / 1000, .tv_nsec = (left % 1000) * 1000000}, NULL);
	}
	long long c_end = cpu_ticks(pid), s_end = switches(pid);
	double idle_real_s = (double)(now_ns() - idle_start) / 1e9;
	if (c_end < 0 || c_start < 0) {
		fprintf(stderr, "bench-startup: run %d: the program ended while idle\n", index);
		goto stop;
	}
	r->idle_cpu_ms = (double)(c_end - c_start) * 1000.0 / (double)tick;
	r->idle_cpu_pct = r->idle_cpu_ms / (idle_real_s * 1000.0) * 100.0;
	r->idle_switches = s_end >= 0 && s_start >= 0 ? (double)(s_end - s_start) : -1;
	ok = true;

stop:;
	struct rusage ru = {0};
	int status = 0;
	bool reaped = reap(pid, 0, &status, &ru); /* already gone? */
	if (!reaped) {
		kill(pid, SIGTERM);
		/* Drain while it shuts down, in case it writes a lot on the way out. */
		int64_t end = now_ns() + (int64_t)TERM_TIMEOUT_MS * 1000000;
		while (open_pipe && now_ns() < end)
			open_pipe = drain(err_pipe[0], 100, &tail, &frame_ns, &found);
		reaped = reap(pid, (int)((end - now_ns()) / 1000000 > 0 ? (end - now_ns()) / 1000000 : 0), &status, &ru);
		if (!reaped) {
			fprintf(stderr, "bench-startup: run %d: still running %d s after SIGTERM; killing it\n", index,
			        TERM_TIMEOUT_MS / 1000);
			kill(pid, SIGKILL);
			reaped = reap(pid, TERM_TIMEOUT_MS, &status, &ru);
			ok = false;
		}
	}
	if (reaped) {
		r->maxrss_mb = (double)ru.ru_maxrss / 1024.0; /* ru_maxrss is in KiB on Linux */
		r->status = status;
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
			char desc[128];
			describe_status(status, desc, sizeof desc);
			fprintf(stderr, "bench-startup: run %d: error: the program ended with %s\n", index, desc);
			ok = false;
		}
	} else {
		ok = false;
	}
	if (!ok && tail.count + (int)tail.plen > 0) {
		fprintf(stderr, "  last lines on its stderr:\n");
		tail_print(&tail);
	}
out:
	if (err_pipe[0] >= 0)
		close(err_pipe[0]);
	if (err_pipe[1] >= 0)
		close(err_pipe[1]);
	if (t0 != MAP_FAILED && t0)
		munmap(t0, sizeof *t0);
	free(cargv);
	rm_tree(dirbuf);
	return ok;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static void summarize(const char *name, const char *unit, const struct run *runs, int n, size_t offset, int prec)
{
	double *v = malloc((size_t)n * sizeof *v);
	if (!v)
		return;
	for (int i = 0; i < n; i++)
		v[i] = *(const double *)((const char *)&runs[i] + offset);
	qsort(v, (size_t)n, sizeof *v, cmp_double);
	double median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	printf("  %-22s %10.*f %10.*f %10.*f  %s\n", name, prec, median, prec, v[0], prec, v[n - 1], unit);
	free(v);
}

static void cpu_model(char *out, size_t size)
{
	snprintf(out, size, "unknown");
	FILE *f = fopen("/proc/cpuinfo", "r");
	if (!f)
		return;
	char line[512];
	while (fgets(line, sizeof line, f)) {
		/* x86 says "model name"; some ARM kernels only "Hardware" or "CPU part". */
		if (!strncmp(line, "model name", 10) || !strncmp(line, "Hardware", 8)) {
			char *p = strchr(line, ':');
			if (!p)
				continue;
			p++;
			while (*p == ' ' || *p == '\t')
				p++;
			p[strcspn(p, "\n")] = 0;
			snprintf(out, size, "%s", p);
			break;
		}
	}
	fclose(f);
}

static void usage(FILE *f)
{
	fprintf(f, "usage: bench-startup [-n RUNS] [-i IDLE_SECONDS] LEERPLEK [ARGS...]\n"
	           "  Starts LEERPLEK ARGS --data FRESH_TEMP_DIR with LEERPLEK_BENCH=1, RUNS times\n"
	           "  (default 7, at least %d), and prints exec-to-first-frame time, CPU use while\n"
	           "  idle for IDLE_SECONDS (default 10) after it, and peak RSS. Prints figures only.\n",
	           MIN_RUNS);
}

int main(int argc, char **argv)
{
	int runs_n = 7;
	double idle_s = 10;
	int opt;
	/* "+": stop at the program's path, the rest is passed through. */
	while ((opt = getopt(argc, argv, "+n:i:h")) != -1) {
		char *end;
		switch (opt) {
		case 'n': {
			errno = 0;
			long n = strtol(optarg, &end, 10);
			if (errno || *end || n < MIN_RUNS || n > 1000) {
				fprintf(stderr, "bench-startup: -n needs a whole number from %d to 1000\n", MIN_RUNS);
				return 2;
			}
			runs_n = (int)n;
			break;
		}
		case 'i':
			errno = 0;
			idle_s = strtod(optarg, &end);
			if (errno || *end || !(idle_s >= 0.1 && idle_s <= 3600)) {
				fprintf(stderr, "bench-startup: -i needs seconds from 0.1 to 3600\n");
				return 2;
			}
			break;
		case 'h':
			usage(stdout);
			return 0;
		default:
			usage(stderr);
			return 2;
		}
	}
	if (optind >= argc) {
		usage(stderr);
		return 2;
	}
	char **prog = argv + optind;
	int prog_argc = argc - optind;
	signal(SIGPIPE, SIG_IGN);

	char model[256];
	cpu_model(model, sizeof model);
	struct utsname un;
	if (uname(&un) != 0)
		memset(&un, 0, sizeof un);
	/* The display mode, then the SDL settings that change what is measured. */
	const char *vd = getenv("SDL_VIDEODRIVER"), *disp = getenv("DISPLAY");
	char display[1024];
	if (vd && vd[0])
		snprintf(display, sizeof display, "SDL_VIDEODRIVER=%s", vd);
	else if (disp && disp[0])
		snprintf(display, sizeof display, "DISPLAY=%s", disp);
	else
		snprintf(display, sizeof display, "(neither SDL_VIDEODRIVER nor DISPLAY set)");
	static const char *const extra[] = {"SDL_RENDER_DRIVER", "SDL_FRAMEBUFFER_ACCELERATION", "SDL_RENDER_VSYNC",
	                                    "LIBGL_ALWAYS_SOFTWARE", "GALLIUM_DRIVER"};
	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++) {
		const char *v = getenv(extra[i]);
		size_t l = strlen(display);
		if (v && l < sizeof display)
			snprintf(display + l, sizeof display - l, ", %s=%s", extra[i], v);
	}

	printf("bench-startup: %d runs, %.1f s idle each\n", runs_n, idle_s);
	printf("machine:  %s, %ld cores online, %s %s %s\n", model, sysconf(_SC_NPROCESSORS_ONLN), un.sysname, un.release,
	       un.machine);
	printf("display:  %s\n", display);
	printf("command: ");
	for (int i = 0; i < prog_argc; i++)
		printf(" %s", prog[i]);
	printf(" --data TMPDIR\n");
	printf("%-4s %11s %13s %12s %10s %9s %12s %11s  %s\n", "run", "startup-ms", "start-cpu-ms", "idle-cpu-ms",
	       "idle-cpu%", "idle-csw", "peak-rss-MB", "gl-driver", "exit");
	fflush(stdout);

	struct run *runs = calloc((size_t)runs_n, sizeof *runs);
	if (!runs) {
		fprintf(stderr, "bench-startup: out of memory\n");
		return 1;
	}
	int good = 0, failed = 0;
	for (int i = 0; i < runs_n; i++) {
		struct run r = {0};
		bool ok = run_once(i + 1, prog, prog_argc, idle_s, &r);
		char desc[128];
		describe_status(r.status, desc, sizeof desc);
		if (ok) {
			printf("%-4d %11.1f %13.0f %12.0f %10.2f %9.0f %12.1f %11s  %s\n", i + 1, r.startup_ms, r.startup_cpu_ms,
			       r.idle_cpu_ms, r.idle_cpu_pct, r.idle_switches, r.maxrss_mb, r.gl, desc);
			runs[good++] = r;
		} else {
			printf("%-4d FAILED (see stderr)\n", i + 1);
			failed++;
		}
		fflush(stdout);
		if (!r.started) {
			/* The next runs would only fail the same way. */
			fprintf(stderr, "bench-startup: stopping: the program did not start\n");
			break;
		}
	}

	if (good > 0) {
		printf("summary over %d good run%s (%d failed):\n", good, good == 1 ? "" : "s", failed);
		printf("  %-22s %10s %10s %10s\n", "", "median", "min", "max");
		summarize("exec to first frame", "ms", runs, good, offsetof(struct run, startup_ms), 1);
		summarize("CPU to first frame", "ms", runs, good, offsetof(struct run, startup_cpu_ms), 0);
		summarize("idle CPU", "ms", runs, good, offsetof(struct run, idle_cpu_ms), 0);
		summarize("idle CPU", "% of one core", runs, good, offsetof(struct run, idle_cpu_pct), 2);
		summarize("idle context switches", "all threads", runs, good, offsetof(struct run, idle_switches), 0);
		summarize("peak RSS", "MB (ru_maxrss)", runs, good, offsetof(struct run, maxrss_mb), 1);
		printf("  (CPU figures are in clock ticks of %ld ms; idle-csw counts the wakeups of all threads;\n"
		       "   gl-driver is the Mesa driver mapped at the first frame, \"-\" for none: SDL's software renderer)\n",
		       1000 / sysconf(_SC_CLK_TCK));
	} else {
		printf("summary: no good runs (%d failed)\n", failed);
	}
	free(runs);
	return failed ? 1 : 0;
}
