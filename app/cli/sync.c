/* `leerplek sync --data DIR --stick DIR`: one full sync with a stick, the
 * same sync_run the kiosk runs in its thread. Files on the stick that were
 * not used are named on stderr with the reason; the last line of stdout
 * sums up what was read, written and rejected (SPEC.md). */
#include "cli.h"
#include "../core/store.h"
#include "../core/sync.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] = "usage: leerplek sync --data DIR --stick DIR\n";

static void on_reject(void *ud, const char *name, enum sync_reject why)
{
	int *n = ud;
	(*n)++;
	fprintf(stderr, "leerplek sync: LEERPLEK/sync/%s not used: %s\n", name, sync_reject_text(why));
}

int cli_sync(int argc, char **argv, const char *default_data)
{
	const char *data = default_data, *stick = NULL;
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(argv[i], "--data") && i + 1 < argc) {
			data = argv[++i];
		} else if (!strcmp(argv[i], "--stick") && i + 1 < argc) {
			stick = argv[++i];
		} else {
			fprintf(stderr, "leerplek sync: unexpected '%s'\n%s", argv[i], usage);
			return 2;
		}
	}
	if (!stick) {
		fputs(usage, stderr);
		return 2;
	}
	char folder[4096];
	struct stat st;
	snprintf(folder, sizeof folder, "%s/LEERPLEK", stick);
	if (lstat(folder, &st) != 0 || !S_ISDIR(st.st_mode)) {
		fprintf(stderr, "leerplek sync: %s has no LEERPLEK folder (a symlink does not count); make the folder on the "
		                "stick first\n", stick);
		return 1;
	}
	char err[600];
	struct store *s = store_open(data, err, sizeof err);
	if (!s) {
		fprintf(stderr, "leerplek: %s\n", err);
		return 3;
	}
	uint8_t key[SYNC_KEY_BYTES];
	if (!sync_org_load(s, key)) {
		fprintf(stderr, "leerplek sync: this terminal has no organisation yet; make one with 'leerplek org create "
		                "--data %s', or join one with 'leerplek org join --data %s --code CODE'\n", data, data);
		store_destroy(s);
		return 1;
	}
	int rejected = 0;
	struct sync_options opt = {.reject = on_reject, .ud = &rejected};
	struct sync_summary sum = {0};
	bool ok = sync_run(s, stick, key, &opt, &sum);
	sodium_memzero(key, sizeof key);
	store_destroy(s);
	if (!ok) {
		fprintf(stderr, "leerplek sync: the sync could not run: %s\n", sum.message);
		return 3;
	}
	if (!sum.complete && sum.message[0])
		fprintf(stderr, "leerplek sync: not everything is synced yet: %s; sync again\n", sum.message);
	if (sum.rejected > rejected)
		rejected = sum.rejected;
	printf("read %d bundle%s (%d new record%s), wrote %d bundle%s (%d record%s, %lld bytes), rejected %d file%s\n",
	       sum.bundles_read, sum.bundles_read == 1 ? "" : "s", sum.records_received, sum.records_received == 1 ? "" : "s",
	       sum.bundles_written, sum.bundles_written == 1 ? "" : "s", sum.records_sent, sum.records_sent == 1 ? "" : "s",
	       (long long)sum.bytes_written, rejected, rejected == 1 ? "" : "s");
	return 0;
}
