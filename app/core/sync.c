/* Sync by USB stick: see sync.h. (Being built: sync_run does not run yet
 * and says so.) */
#include "sync.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool sync_run(struct store *s, const char *stick_dir, const uint8_t key[SYNC_KEY_BYTES],
              const struct sync_options *opt, struct sync_summary *sum)
{
	(void)s, (void)stick_dir, (void)key, (void)opt;
	memset(sum, 0, sizeof *sum);
	snprintf(sum->message, sizeof sum->message, "sync is not built yet in this version");
	return false;
}

const char *sync_reject_text(enum sync_reject why)
{
	(void)why;
	return "not built yet";
}

char *sync_dump(struct store *s)
{
	(void)s;
	return NULL;
}
