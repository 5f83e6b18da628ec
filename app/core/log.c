/* Logging sink. The level is the only process-wide setting in the program:
 * it is chosen from the command line before anything else runs. */
#include "log.h"

#include <stdarg.h>
#include <stdio.h>

static enum log_level max_level = LOG_LEVEL_WARN;

void log_set_level(enum log_level level)
{
	max_level = level;
}

void log_write(enum log_level level, const char *file, int line, const char *fmt, ...)
{
	static const char *names[] = {"error", "warning", "info", "debug"};
	if (level > max_level)
		return;
	fprintf(stderr, "leerplek: %s: ", names[level]);
	va_list ap;
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	if (max_level >= LOG_LEVEL_DEBUG)
		fprintf(stderr, " (%s:%d)", file, line);
	fputc('\n', stderr);
}
