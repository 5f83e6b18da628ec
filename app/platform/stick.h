/* USB sticks (SPEC.md, "The USB stick"): noticing them and syncing with
 * them, without SDL, so the unit tests drive it directly.
 *
 * Detection reads /proc/self/mountinfo again each time poll() flags it
 * with POLLPRI (the kernel does on every mount and unmount in the mount
 * namespace), and compares the mounts by their mount id with those seen
 * before. A new mount of a removable file system (vfat, exfat, msdos,
 * fuse*) whose mount point holds a real LEERPLEK folder (not a symlink) is
 * a stick to sync; any such mount going away is reported too. Mounts that
 * were there when watching began are known but not acted on.
 *
 * The watcher and each sync run in threads of their own; they hand what
 * they found to the event loop under a mutex and wake it through the
 * callback the kiosk gives (an SDL event and a byte in its pipe). */
#ifndef LP_STICK_H
#define LP_STICK_H

#include "../core/sync.h"

#include <stdbool.h>
#include <stddef.h>

#define STICK_FOLDER "LEERPLEK"

/* ---- mountinfo ---- */

struct stick_mount {
	int id;
	char *dir;    /* the mount point, unescaped */
	char *fstype; /* "vfat", "fuse.fusefat", ... */
};

struct stick_mounts {
	struct stick_mount *v;
	int n;
};

/* Parses the text of a mountinfo file; lines that do not parse are
 * skipped. Returns false only when out of memory. */
bool stick_parse_mountinfo(const char *text, struct stick_mounts *out);
void stick_mounts_free(struct stick_mounts *m);
/* Undoes the kernel's octal escapes (\040 space, \011 tab, \012 newline,
 * \134 backslash) in place. */
void stick_unescape(char *s);
/* A file system a USB stick comes as: vfat, exfat, msdos, fuseblk or any
 * fuse.* (fusefat shows as fuse.fusefat). */
bool stick_fstype_removable(const char *fstype);
/* dir/LEERPLEK is a folder itself, not a symlink to one. */
bool stick_has_folder(const char *dir);

enum stick_change_kind { STICK_INSERTED, STICK_REMOVED };

struct stick_change {
	enum stick_change_kind kind;
	char *dir;
};

/* What changed from before to after: a new removable mount with a
 * LEERPLEK folder is STICK_INSERTED, a removable mount gone is
 * STICK_REMOVED. Appends to *out (n of cap entries, realloc'd); returns
 * the new n. */
int stick_diff(const struct stick_mounts *before, const struct stick_mounts *after, struct stick_change **out, int n);
void stick_changes_free(struct stick_change *v, int n);

/* ---- the watcher thread ---- */

typedef void (*stick_wake_fn)(void *ud);
struct stick_watcher;

/* Opens mountinfo (normally "/proc/self/mountinfo"), reads what is mounted
 * now, and starts the thread; NULL with a message when it cannot. */
struct stick_watcher *stick_watcher_start(const char *mountinfo, stick_wake_fn wake, void *ud, char *err,
                                          size_t errlen);
/* Takes the changes found since the last call (caller frees with
 * stick_changes_free); returns their number. */
int stick_watcher_take(struct stick_watcher *w, struct stick_change **out);
/* A removable file system mounted since watching began, for "sync now":
 * one with a LEERPLEK folder first, else any (malloc'd), or NULL. Mounts
 * that were there at start (an EFI partition is vfat too) never are. */
char *stick_watcher_any(struct stick_watcher *w, bool *has_folder);
void stick_watcher_stop(struct stick_watcher *w);

/* ---- one sync in a thread ---- */

enum stick_outcome {
	STICK_RUNNING,
	STICK_NO_ORG,    /* this terminal has no organisation key */
	STICK_FAILED,    /* sync_run could not run; message says why */
	STICK_DONE,      /* it ran (files may have been rejected) */
	STICK_CANCELLED, /* stopped at a safe point (program ending, stick pulled) */
};

struct stick_status {
	enum stick_outcome outcome;
	struct sync_progress progress;
	struct sync_summary sum;
	int rejected_foreign, rejected_damaged, rejected_other;
	char message[300];
};

struct stick_sync;

/* Starts a sync of the terminal at data_dir with the stick at stick_dir,
 * with a store connection of its own. delay_ms > 0 holds it that long
 * first (a slow stick, for tests). */
struct stick_sync *stick_sync_start(const char *data_dir, const char *stick_dir, int delay_ms, stick_wake_fn wake,
                                    void *ud);
/* The latest state; returns true once it has finished. */
bool stick_sync_status(struct stick_sync *s, struct stick_status *out);
/* Asks it to stop at the next safe point; does not wait. */
void stick_sync_cancel(struct stick_sync *s);
/* Cancels, waits for the thread and frees; accepts NULL. */
void stick_sync_destroy(struct stick_sync *s);

#endif
