/* One logging macro for the whole program: level, file:line, printf-checked.
 * Messages go to stderr; the level is chosen once at start-up. */
#ifndef LP_LOG_H
#define LP_LOG_H

enum log_level { LOG_LEVEL_ERROR, LOG_LEVEL_WARN, LOG_LEVEL_INFO, LOG_LEVEL_DEBUG };

void log_set_level(enum log_level level);
void log_write(enum log_level level, const char *file, int line, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

#define LOG(level, ...) log_write(LOG_LEVEL_##level, __FILE__, __LINE__, __VA_ARGS__)

#endif
